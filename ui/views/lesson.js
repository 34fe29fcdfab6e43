// The lesson of a complaint: its cause, from the owner's list of causes,
// why it happened, what will change and the known issue it belongs to.
// Chosen at close (see the close form), and put right here afterwards; a
// complaint closed before causes existed shows "Not recorded" until one is
// chosen.

import { api } from '../api.js';
import { busy, el, errorLine, field, select } from '../dom.js';
import { viewSignal } from '../nav.js';

/** The choice of "A new known issue…" in an issue pick. */
const NEW_ISSUE = 'new';

/**
 * The known issue a complaint belongs to: none, one of the owner's, or a
 * new one named on the spot. `choice()` is what the core wants.
 */
export function issuePick(testid, current = null) {
  const pick = select('knownIssueId', [], { testid, empty: 'None' });
  const title = el('input', { name: 'newKnownIssue', testid: `${testid}-new-title`, placeholder: 'e.g. Cake boxes crush in transit' });
  const titleField = field('The new known issue, in a few words', title);
  titleField.hidden = true;
  pick.addEventListener('change', () => {
    titleField.hidden = pick.value !== NEW_ISSUE;
    if (!titleField.hidden) title.focus();
  });
  api.listKnownIssues().then((issues) => {
    // Fixed issues are offered too: a complaint may still come in about one.
    pick.append(...issues.map((issue) => el('option', { value: issue.id }, issue.status === 'open' || issue.status === 'being_fixed' ? issue.title : `${issue.title} (fixed)`)));
    pick.append(el('option', { value: NEW_ISSUE }, 'A new known issue…'));
    pick.value = current ?? '';
    pick.dataset.loaded = '1';
  }, () => {});
  return {
    fields: [field('Part of a known issue? (optional)', pick, { hint: 'A problem behind several complaints, to fix once and tell everyone.' }), titleField],
    choice(fallback = null) {
      if (!pick.dataset.loaded) return { knownIssueId: fallback, newKnownIssue: '' };
      if (pick.value === NEW_ISSUE) return { knownIssueId: null, newKnownIssue: title.value };
      return { knownIssueId: pick.value ? Number(pick.value) : null, newKnownIssue: '' };
    },
  };
}

/**
 * Under the cause: how many other complaints had it lately, with the offer
 * to link those to the known issue chosen too.
 */
export function sameCauseNote(complaintId, causeSelect) {
  const signal = viewSignal();
  const text = el('p', { class: 'hint same-cause', testid: 'same-cause', 'aria-live': 'polite' });
  const box = el('input', { type: 'checkbox', name: 'linkSameCause', testid: 'link-same-cause' });
  const offer = el('label', { class: 'check' }, box, el('span', { testid: 'link-same-cause-label' }));
  const note = el('div', { class: 'field wide', hidden: true }, text, offer);
  causeSelect.addEventListener('change', async () => {
    box.checked = false;
    const causeId = Number(causeSelect.value);
    if (!causeId) { note.hidden = true; return; }
    try {
      const same = await api.sameCause(complaintId, causeId);
      if (signal.aborted || Number(causeSelect.value) !== causeId) return;
      const others = same.others === 1 ? '1 other complaint' : `${same.others} other complaints`;
      text.textContent = same.others === 0
        ? `No other complaint had this cause in the last ${same.days} days.`
        : `${others} in the last ${same.days} days had this cause. A pattern? Name the known issue below to fix it once for everyone.`;
      offer.hidden = same.unlinked === 0;
      offer.lastChild.textContent = same.unlinked === 1 ? 'Link that complaint to the known issue too' : `Link those ${same.unlinked} complaints to the known issue too`;
      note.hidden = false;
    } catch {
      note.hidden = true;
    }
  });
  return { note, linkSameCause: () => !note.hidden && !offer.hidden && box.checked };
}

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
  const issue = issuePick('lesson-issue', details.knownIssueId);
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
      issue.fields,
    ),
    error,
    el('div', { class: 'actions' }, save),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(save, error, async () => {
      const saved = await api.correctLesson(details.id, { causeId: chosenCause(cause, details.causeId), rootCause: rootCause.value, preventiveAction: prevention.value, ...issue.choice(details.knownIssueId) });
      onSaved(saved, 'Saved the lesson. The history keeps what it said before.');
    });
  });
  return form;
}
