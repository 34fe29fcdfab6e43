// One sitting: on a single call the owner often acknowledges, apologizes
// and promises. This form records those steps in one go, from the step the
// complaint is at; the core still checks each step's rules, in order.

import { api } from '../api.js';
import { busy, el, errorLine, field, localDay, localInputValue, select, toInstant } from '../dom.js';
import { guide, stepTitle } from '../guide.js';

const CALL_STEPS = [
  ['acknowledge', 'Acknowledged it and thanked them'],
  ['apologize', 'Apologized'],
  ['assure', 'Promised what happens next, and by when'],
];

/** The form, folded, for a complaint whose next step one call can cover; else nothing. */
export function callForm(details, onSaved) {
  const from = CALL_STEPS.findIndex(([step]) => step === details.step);
  if (details.closedAt || from < 0 || from === CALL_STEPS.length - 1) return null;
  const { channels } = guide();
  const error = errorLine('call-error');
  const save = el('button', { type: 'submit', class: 'primary', testid: 'call-save' }, 'Save the call');
  const steps = CALL_STEPS.slice(from);
  const promise = el(
    'div',
    { class: 'fields', testid: 'call-promise' },
    field('What you promised to do', el('textarea', { name: 'plan', rows: 2, testid: 'call-plan' }), { wide: true }),
    field('Promised by', el('input', { type: 'date', name: 'promisedDate', testid: 'call-promised-date', min: localDay() }), { hint: 'The date you told them. Mend reminds you.' }),
  );
  const form = el(
    'form',
    { class: 'record', novalidate: true, testid: 'call-form' },
    el(
      'fieldset',
      { class: 'checklist', testid: 'call-steps' },
      el('legend', {}, 'On this call I…'),
      steps.map(([step, label]) => el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'steps', value: step, checked: true, testid: `call-step-${step}` }), label)),
    ),
    el(
      'div',
      { class: 'fields' },
      field('How', select('channel', channels, { testid: 'call-channel', value: details.channel === 'email' ? 'email' : 'phone' })),
      field('When', el('input', { type: 'datetime-local', name: 'doneAt', testid: 'call-when', value: localInputValue(), max: localInputValue() }), { hint: 'Now, unless it was earlier.' }),
      field('What you said', el('textarea', { name: 'said', rows: 3, testid: 'call-said', placeholder: 'e.g. Thanked her, said sorry the cake was squashed.' }), { wide: true }),
    ),
    promise,
    error,
    el('div', { class: 'actions' }, save),
  );
  // The promise's fields are there only while a promise is ticked; the
  // promise counts from the day of the call, which may be in the past.
  form.addEventListener('change', (event) => {
    // The steps are done in order: ticking one ticks those before it,
    // unticking one unticks those after it.
    const boxes = [...form.querySelectorAll('[name="steps"]')];
    const at = boxes.indexOf(event.target);
    if (at >= 0) boxes.forEach((box, index) => {
      if (event.target.checked && index < at) box.checked = true;
      if (!event.target.checked && index > at) box.checked = false;
    });
    promise.hidden = !form.querySelector('[name="steps"][value="assure"]').checked;
    if (event.target.name === 'doneAt') form.elements.promisedDate.min = event.target.value.slice(0, 10) || localDay();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = form.elements;
    const ticked = [...form.querySelectorAll('[name="steps"]')].filter((box) => box.checked).map((box) => box.value);
    busy(save, error, async () => {
      const saved = await api.recordCall(details.id, {
        steps: ticked,
        doneAt: toInstant(values.doneAt.value),
        channel: values.channel.value,
        said: values.said.value,
        plan: values.plan.value,
        promisedDate: values.promisedDate.value || null,
      });
      onSaved(saved, `Saved the call: ${ticked.map(stepTitle).join(', ')}. Next: ${stepTitle(saved.step)}.`);
    });
  });
  return el(
    'details',
    { class: 'call-sitting', testid: 'call-sitting' },
    el('summary', { testid: 'open-call-form' }, 'Did more on the same call? Record it all in one go'),
    form,
  );
}
