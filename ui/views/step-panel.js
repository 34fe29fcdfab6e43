// One step of a complaint's journey: coaching, checklist, message draft,
// and the form that records it. The core decides whether it may be recorded;
// a refusal is shown as its sentence, never as a silently disabled button.

import { api } from '../api.js';
import { busy, el, errorLine, field, formatDateTime, localDay, localInputValue, select, showMessage, toInstant } from '../dom.js';
import { guide, labelOf, stepTitle } from '../guide.js';
import { recordedLines } from './records.js';
import { draftEditor } from './draft.js';
import { callForm } from './call-form.js';
import { causePick, chosenCause, issuePick, lessonCard, sameCauseNote } from './lesson.js';

export const ORDER = ['receive', 'acknowledge', 'apologize', 'assure', 'fix', 'follow_up', 'close'];

/** 'done', 'current' or 'later', for the stepper and the panel. */
export function stepState(details, step) {
  if (step === 'receive') return 'done';
  if (step === 'close') return details.closedAt ? 'done' : details.step === 'close' ? 'current' : 'later';
  const reached = ORDER.indexOf(details.step);
  const here = ORDER.indexOf(step);
  if (here < reached) return 'done';
  if (here === reached && !details.closedAt) return 'current';
  return 'later';
}

const RECORD_LABEL = {
  acknowledge: 'Save: I acknowledged it',
  apologize: 'Save: I apologized',
  assure: 'Save the plan and the promise',
  fix: 'Save the fix',
  follow_up: 'Save the follow-up',
};

const TEXT_LABEL = {
  acknowledge: 'What you said',
  apologize: 'Your apology, as you said or sent it',
  assure: 'The plan: what you will do, and what will change so it does not happen again',
  fix: 'What was done',
  follow_up: 'Their words (optional)',
};

/** Builds the panel of `step`. `onSaved(details, notice)` redraws the page. */
export function stepPanel(details, step, onSaved) {
  const coaching = guide().steps.find((c) => c.step === step);
  const index = ORDER.indexOf(step);
  const state = stepState(details, step);
  const records = details.records.filter((record) => record.step === step);
  const panel = el(
    'section',
    { class: `card step-panel ${state}`, testid: 'step-panel', dataset: { step } },
    el('p', { class: 'step-count' }, `Step ${index + 1} of 7`),
    el('h2', { testid: 'step-title' }, coaching.title),
    el('p', { class: 'lead' }, coaching.purpose),
    stateLine(details, step, state),
  );
  if (step === 'receive') panel.append(intakeFacts(details));
  if (records.length > 0) panel.append(el('div', { class: 'recorded', testid: 'step-records' }, el('h3', {}, 'What you recorded'), records.map((record) => recordedLines(record))));
  panel.append(
    el(
      'div',
      { class: 'coach-grid' },
      el('div', { class: 'coaching' }, el('h3', {}, 'Do'), el('ul', { class: 'do' }, coaching.doThis.map((line) => el('li', {}, line))), el('h3', {}, 'Avoid'), el('ul', { class: 'avoid' }, coaching.avoid.map((line) => el('li', {}, line)))),
      checklist(details, step, coaching.checklist),
    ),
  );
  const draft = draftBlock(details, step, onSaved);
  panel.append(draft.block);
  if (step === 'close') panel.append(...(details.closedAt ? [lessonCard(details, onSaved), reopenForm(details, onSaved)] : [closeForm(details, onSaved)]));
  else if (step !== 'receive' && !details.closedAt && state !== 'done') {
    if (state === 'current') {
      const sitting = callForm(details, onSaved);
      if (sitting) panel.append(sitting);
    }
    panel.append(recordForm(details, step, onSaved, draft.refresh));
  }
  return panel;
}

function stateLine(details, step, state) {
  let text;
  if (details.closedAt && step !== 'close') text = state === 'done' || step === 'receive' ? 'Done.' : 'Not done: the complaint was closed before this step.';
  else if (state === 'done') text = step === 'close' ? `Closed on ${formatDateTime(details.closedAt)}.` : 'Done.';
  else if (state === 'current') text = 'This is the next thing to do.';
  else text = `This comes later. The next thing to do is “${stepTitle(details.step)}”.`;
  return el('p', { class: `state ${state}`, testid: 'step-state' }, text);
}

function intakeFacts(details) {
  const facts = [
    ['How it reached you', labelOf('channels', details.channel) + (details.isPublic ? ' (in public)' : '')],
    ['Received', formatDateTime(details.receivedAt)],
    ['Their own words', details.customerWords],
    ['What would put it right', details.desiredOutcome],
    ['Reference', details.reference],
    ['Category', details.category],
    ['Severity', labelOf('severities', details.severity)],
  ];
  return el('dl', { class: 'facts', testid: 'intake-facts' }, facts.filter(([, value]) => value).map(([name, value]) => [el('dt', {}, name), el('dd', { class: 'pre' }, value)]));
}

function checklist(details, step, items) {
  const error = errorLine('checklist-error');
  const ticked = new Set(details.ticks.filter((tick) => tick.step === step).map((tick) => tick.item));
  return el(
    'fieldset',
    { class: 'checklist', testid: 'checklist' },
    el('legend', {}, 'Checklist'),
    items.map((item) =>
      el(
        'label',
        { class: 'check' },
        el('input', {
          type: 'checkbox',
          testid: `check-${item.key}`,
          checked: ticked.has(item.key),
          onchange: async (event) => {
            const box = event.target;
            showMessage(error, '');
            try {
              await api.setChecklistItem(details.id, step, item.key, box.checked);
            } catch (failure) {
              box.checked = !box.checked;
              showMessage(error, failure.message);
            }
          },
        }),
        item.label,
      ),
    ),
    error,
  );
}

/**
 * The draft, and `refresh(choosing)` to redo it while the owner has not
 * edited it.
 */
function draftBlock(details, step, onSaved) {
  // Sent by email: on the timeline as a message to the customer, which
  // counts as their latest update.
  const email = {
    send: (text) => api.emailMessage(details.id, text),
    sent: async (text) => {
      await api.addContact(details.id, { direction: 'outgoing', channel: 'email', at: new Date().toISOString(), text });
      onSaved(await api.getComplaint(details.id), 'Noted: the message was sent by email. It is on the timeline.');
    },
  };
  const editor = draftEditor('draft', 'Message draft', email);
  const refresh = (choosing) => {
    if (editor.edited()) return;
    api.draftMessage(details.id, step, choosing).then(editor.show, (failure) => editor.fail(failure.message));
  };
  refresh({});
  const block = el(
    'div',
    { class: 'draft-block' },
    el('h3', {}, 'Message draft'),
    el('p', { class: 'muted' }, 'Edit it so it sounds like you, then email it from your mail program or copy it into a message. Change the template in Settings.'),
    editor.parts,
  );
  return { block, refresh };
}

function whenField(testid) {
  const input = el('input', { type: 'datetime-local', name: 'doneAt', testid, value: localInputValue(), max: localInputValue() });
  return field('When', input, { hint: 'Now, unless it was earlier.' });
}

function recordForm(details, step, onSaved, refreshDraft) {
  const { channels, remedies } = guide();
  const error = errorLine('step-error');
  const save = el('button', { type: 'submit', class: 'primary', testid: 'record-step' }, RECORD_LABEL[step]);
  const fields = el('div', { class: 'fields' });
  if (step !== 'fix') fields.append(field('How', select('channel', channels, { testid: 'record-channel', value: details.channel })));
  fields.append(whenField('record-when'));
  fields.append(field(TEXT_LABEL[step], el('textarea', { name: 'text', testid: 'record-text' }), { wide: true }));
  if (step === 'assure') fields.append(field('Promised by', el('input', { type: 'date', name: 'promisedDate', testid: 'record-promised-date', min: localDay() }), { hint: 'The date you tell the customer. Mend reminds you.' }));
  if (step === 'fix') {
    fields.append(field('Remedy', select('remedy', remedies, { testid: 'record-remedy', empty: 'Choose…' })));
    fields.append(field('Cost to you (optional)', el('input', { name: 'cost', inputmode: 'decimal', testid: 'record-cost', placeholder: 'e.g. 25.00' })));
  }
  if (step === 'follow_up') {
    fields.append(field('How satisfied are they?', select('satisfaction', [5, 4, 3, 2, 1].map((n) => ({ value: n, label: `${n} of 5` })), { testid: 'record-satisfaction', empty: 'Choose…' })));
    fields.append(
      el(
        'fieldset',
        { class: 'inline field', testid: 'record-satisfied' },
        el('legend', {}, 'Is it resolved for them?'),
        el('label', { class: 'check' }, el('input', { type: 'radio', name: 'satisfied', value: 'yes', testid: 'record-satisfied-yes' }), 'Yes, they are happy'),
        el('label', { class: 'check' }, el('input', { type: 'radio', name: 'satisfied', value: 'no', testid: 'record-satisfied-no' }), 'No: make a new plan'),
      ),
    );
  }
  const form = el('form', { class: 'record', testid: `record-form-${step}`, novalidate: true }, el('h3', {}, 'Record this step'), fields, error, el('div', { class: 'actions' }, save));
  // A promise counts from the day it was made, which may be in the past.
  form.addEventListener('change', (event) => {
    if (event.target.name === 'doneAt' && form.elements.promisedDate) form.elements.promisedDate.min = event.target.value.slice(0, 10) || localDay();
  });
  // The draft follows the remedy or date being chosen, until the owner edits it.
  form.addEventListener('change', (event) => {
    if (!['remedy', 'promisedDate'].includes(event.target.name)) return;
    refreshDraft({ remedy: form.elements.remedy?.value || null, promisedDate: form.elements.promisedDate?.value || null });
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = form.elements;
    const satisfied = values.satisfied ? [...form.querySelectorAll('input[name="satisfied"]')].find((radio) => radio.checked)?.value : undefined;
    const entry = {
      doneAt: toInstant(values.doneAt.value),
      channel: values.channel?.value ?? null,
      text: values.text.value,
      promisedDate: values.promisedDate?.value ?? null,
      remedy: values.remedy?.value || null,
      cost: values.cost?.value ?? null,
      satisfaction: values.satisfaction?.value ? Number(values.satisfaction.value) : null,
      satisfied: satisfied === undefined ? null : satisfied === 'yes',
    };
    busy(save, error, async () => {
      const saved = await api.recordStep(details.id, step, entry);
      const notice = step === 'follow_up' && entry.satisfied === false
        ? 'Saved. They are not happy yet: make a new plan with them, and a new promise.'
        : `Saved. Next: ${stepTitle(saved.step)}.`;
      onSaved(saved, notice);
    });
  });
  return form;
}

function closeForm(details, onSaved) {
  const { closeReasons } = guide();
  const early = details.step !== 'close';
  const reasons = early ? closeReasons.filter((reason) => reason.value !== 'resolved') : closeReasons;
  const error = errorLine('close-error');
  const save = el('button', { type: 'submit', class: 'primary', testid: 'close-submit' }, 'Close the complaint');
  const cause = causePick('close-cause');
  const sameCause = sameCauseNote(details.id, cause);
  const issue = issuePick('close-issue');
  const form = el(
    'form',
    { class: 'record', testid: 'close-form', novalidate: true },
    el('h3', {}, early ? 'Close it early' : 'Close it, with the lesson'),
    early && el('p', { class: 'muted', testid: 'close-early-note' }, `The journey is not finished (next: “${stepTitle(details.step)}”). You can still close it if the customer withdrew it or cannot be reached; say why.`),
    el(
      'div',
      { class: 'fields' },
      field('Why is it closed?', select('reason', reasons, { testid: 'close-reason', value: early ? 'withdrawn' : 'resolved' })),
      field('What caused it?', cause, { hint: 'From your list of causes (Settings → Causes).' }),
      field('A friendly check-in later? (optional)', el('input', { type: 'date', name: 'checkIn', testid: 'close-check-in', min: localDay(), dataset: { field: 'checkInDate' } })),
      sameCause.note,
      issue.fields,
      field('Note (needed for “Other reason”)', el('textarea', { name: 'note', rows: 2, testid: 'close-note' }), { wide: true }),
      field('The lesson: why did it happen? One-off or a pattern?', el('textarea', { name: 'rootCause', testid: 'close-root-cause' }), { wide: true }),
      field('What will change so it does not happen again? (optional)', el('textarea', { name: 'prevention', rows: 2, testid: 'close-prevention', dataset: { field: 'preventiveAction' } }), { wide: true }),
    ),
    error,
    el('div', { class: 'actions' }, save),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = form.elements;
    busy(save, error, async () => {
      const saved = await api.closeComplaint(details.id, {
        reason: values.reason.value,
        note: values.note.value,
        rootCause: values.rootCause.value,
        preventiveAction: values.prevention.value,
        checkInDate: values.checkIn.value || null,
        causeId: chosenCause(cause),
        ...issue.choice(),
        linkSameCause: sameCause.linkSameCause(),
      });
      onSaved(saved, 'Closed. Well done for seeing it through.');
    });
  });
  return form;
}

function reopenForm(details, onSaved) {
  const error = errorLine('reopen-error');
  const save = el('button', { type: 'submit', testid: 'reopen-complaint' }, 'Reopen the complaint');
  const form = el(
    'form',
    { class: 'record', testid: 'reopen-form', novalidate: true },
    el('h3', {}, 'Has the problem come back?'),
    el('div', { class: 'fields' }, field('Why reopen it? (optional)', el('input', { name: 'why', testid: 'reopen-why' }), { wide: true })),
    error,
    el('div', { class: 'actions' }, save),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(save, error, async () => {
      const saved = await api.reopenComplaint(details.id, form.elements.why.value);
      onSaved(saved, `Reopened. Next: ${stepTitle(saved.step)}.`);
    });
  });
  return form;
}
