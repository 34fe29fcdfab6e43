// The lesson of a complaint: its cause, from the owner's list of causes,
// why it happened and what will change. Chosen at close (see the close
// form), and put right here afterwards; a complaint closed before causes
// existed shows "Not recorded" until one is chosen.

import { api } from '../api.js';
import { busy, el, errorLine, field, select } from '../dom.js';

/** A <select> of the causes still offered (and `keep`, even if retired). */
export function causePick(testid, keep = null) {
  const pick = select('causeId', [], { testid, empty: 'Not sure yet' });
  api.listCauses().then((causes) => {
    pick.append(...causes.filter((cause) => !cause.retired || cause.id === keep).map((cause) => el('option', { value: cause.id }, cause.name)));
    pick.value = keep ?? '';
    pick.dataset.loaded = '1';
  }, () => {});
  return pick;
}

/** The chosen cause's id; until the list has come, `fallback`. */
export function chosenCause(pick, fallback = null) {
  if (!pick.dataset.loaded) return fallback;
  return pick.value ? Number(pick.value) : null;
}

/** A closed complaint's lesson, with a form to put it right. */
export function lessonCard(details, onSaved) {
  const close = [...details.records].reverse().find((record) => record.step === 'close');
  const error = errorLine('lesson-error');
  const cause = causePick('lesson-cause', details.causeId);
  const rootCause = el('textarea', { name: 'rootCause', rows: 2, testid: 'lesson-root-cause' });
  const prevention = el('textarea', { name: 'preventiveAction', rows: 2, testid: 'lesson-prevention', dataset: { field: 'preventiveAction' } });
  rootCause.value = close?.rootCause ?? '';
  prevention.value = close?.preventiveAction ?? '';
  const save = el('button', { type: 'submit', class: 'primary', testid: 'lesson-save' }, 'Save the lesson');
  const form = el(
    'form',
    { class: 'record', novalidate: true, testid: 'lesson-form' },
    el('h3', {}, 'The lesson'),
    el('p', { class: 'muted', testid: 'lesson-cause-now' }, `Cause: ${details.cause ?? 'Not recorded'}`),
    el(
      'div',
      { class: 'fields' },
      field('What caused it?', cause, { hint: 'From your list of causes (Settings → Causes).' }),
      field('Why did it happen? One-off or a pattern?', rootCause, { wide: true }),
      field('What will change so it does not happen again? (optional)', prevention, { wide: true }),
    ),
    error,
    el('div', { class: 'actions' }, save),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(save, error, async () => {
      const saved = await api.correctLesson(details.id, { causeId: chosenCause(cause, details.causeId), rootCause: rootCause.value, preventiveAction: prevention.value });
      onSaved(saved, 'Saved the lesson. The history keeps what it said before.');
    });
  });
  return form;
}
