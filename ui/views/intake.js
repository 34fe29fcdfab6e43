// The new-complaint window: the Receive step, quick enough to fill in while
// the customer is still on the phone. What was typed is kept as a draft in
// Mend's data as it is typed, so it survives closing the window by mistake
// and even a restart; the draft is cleared only once the complaint is saved.

import { api } from '../api.js';
import { busy, el, errorLine, field, localInputValue, select, showMessage, toInstant } from '../dom.js';
import { guide } from '../guide.js';
import { go } from '../nav.js';
import { emailBlock, filledFromEmail } from './intake-email.js';
import { fileTile, showProblems } from './files.js';

let openForm = null;
let chosenCustomer = null;
/** Files kept for the complaint being written, waiting for it to be saved. */
let waitingFiles = [];
/** Emails handed in together, after the first: each opens once the one before is saved. */
const nextEmails = [];

let opening = null;

/** Opens the new-complaint window; with `customer`, it is already chosen. */
export async function openIntake(customer = null) {
  // A second press while the form is being built waits for the first.
  opening ??= showIntake(customer).finally(() => { opening = null; });
  return opening;
}

async function showIntake(customer) {
  const dialog = document.getElementById('intake');
  if (dialog.open) return;
  if (!openForm) {
    openForm = await buildForm(dialog);
    dialog.replaceChildren(openForm);
  } else {
    await refreshCategories(openForm);
  }
  // Closed without saving, the focus goes back where it was.
  const opener = document.activeElement;
  dialog.addEventListener('close', () => returnFocus(dialog, opener), { once: true });
  dialog.showModal();
  // Opened again after scrolling down: it starts from its top.
  dialog.scrollTop = 0;
  const note = openForm.querySelector('[data-testid="intake-draft-note"]');
  if (customer && hasContent(openForm) && chosenCustomer?.id !== customer.id) {
    // Someone else's complaint is half-written here: it is not theirs.
    const started = openForm.elements.customerName.value.trim() || 'another customer';
    note.querySelector('p').textContent = `This window still holds the complaint you started for ${started}. Finish it first, or clear the form to start one for ${customer.name}.`;
    note.hidden = false;
    note.dataset.next = JSON.stringify(customer);
    note.querySelector('button').focus();
  } else if (customer) choose(openForm, customer);
  else openForm.elements.customerName.focus();
}

/**
 * Gives the focus back to `opener` once `dialog` closed, unless it has gone
 * somewhere already (a saved complaint's page has it).
 */
function returnFocus(dialog, opener) {
  const active = document.activeElement;
  const lost = !active || active === document.body || dialog.contains(active);
  if (lost && opener?.isConnected) opener.focus();
}

/** Whether the form holds anything about the complaint itself. */
function hasContent(form) {
  return waitingFiles.length > 0 || hasTyped(form);
}

/** Whether the owner typed (or an email filled in) anything about the complaint. */
function hasTyped(form) {
  const values = form.elements;
  return [values.summary, values.words, values.outcome, values.reference].some((control) => control.value.trim());
}

async function buildForm(dialog) {
  const { channels, severities, steps } = guide();
  const receive = steps.find((coaching) => coaching.step === 'receive');
  const error = errorLine('intake-error');
  const matches = el('ul', { class: 'matches', testid: 'intake-customer-matches', hidden: true });
  const chosen = el('p', { class: 'chosen', testid: 'intake-chosen-customer', hidden: true });
  const newDetails = el(
    'div',
    { class: 'fields new-customer' },
    field('Email (optional)', el('input', { name: 'email', type: 'email', autocomplete: 'off', testid: 'intake-new-customer-email', dataset: { field: 'newCustomer.email' } })),
    field('Phone (optional)', el('input', { name: 'phone', type: 'tel', autocomplete: 'off', testid: 'intake-new-customer-phone', dataset: { field: 'newCustomer.phone' } })),
  );
  const summaryCount = el('span', { class: 'hint counter', testid: 'intake-summary-count' }, '0 / 200');
  const received = el('input', { name: 'receivedAt', type: 'datetime-local', testid: 'intake-received-at' });

  const save = el('button', { type: 'submit', class: 'primary', testid: 'intake-save' }, 'Save complaint');
  // Shown when the window opens on a complaint started earlier.
  const draftNote = el(
    'div',
    { class: 'message warning', testid: 'intake-draft-note', hidden: true },
    el('p', {}, 'This is the complaint you started earlier, as you left it.'),
    el('button', { type: 'button', testid: 'intake-clear', onclick: () => clearForm(form, draftNote) }, 'Clear the form'),
  );
  const form = el(
    'form',
    { method: 'dialog', novalidate: true, testid: 'intake-form' },
    el('h2', { id: 'intake-title' }, 'New complaint'),
    draftNote,
    emailBlock((intake) => fillFromEmail(form, intake)),
    el('p', { class: 'message', testid: 'intake-next-emails', role: 'status', hidden: true }),
    el('p', { class: 'lead' }, receive.purpose),
    el(
      'details',
      { class: 'coaching-inline' },
      el('summary', {}, 'How to take this complaint well'),
      el('ul', {}, receive.doThis.map((line) => el('li', {}, line))),
      el('p', { class: 'muted' }, 'Avoid:'),
      el('ul', {}, receive.avoid.map((line) => el('li', {}, line))),
    ),
    el('h3', {}, 'Who is it?'),
    el(
      'div',
      { class: 'fields' },
      field(
        "Customer's name",
        el('input', { name: 'customerName', autocomplete: 'off', testid: 'intake-new-customer-name', dataset: { field: 'newCustomer.name customer' }, placeholder: 'Type to find them, or a new name', oninput: () => findCustomers(form, matches) }),
        { wide: true, hint: 'If they complained before, pick them from the list that appears.' },
      ),
    ),
    matches,
    chosen,
    newDetails,
    el('h3', {}, 'What happened?'),
    el(
      'div',
      { class: 'fields' },
      field('One-line summary', el('input', { name: 'summary', autocomplete: 'off', testid: 'intake-summary', placeholder: 'e.g. The wedding cake arrived squashed', oninput: () => countSummary(form, summaryCount) }), { wide: true }),
      summaryCount,
      field('Their own words', el('textarea', { name: 'words', testid: 'intake-words', dataset: { field: 'customerWords' }, placeholder: 'Write down what they said, as they said it.' }), { wide: true }),
      field('What would put it right for them?', el('textarea', { name: 'outcome', testid: 'intake-outcome', dataset: { field: 'desiredOutcome' }, rows: 2, placeholder: 'Ask them: what outcome do you want?' }), { wide: true }),
      field('How did it reach you?', select('channel', channels, { testid: 'intake-channel', value: 'phone' })),
      field('Received at', received, { hint: 'Now, unless it came in earlier.' }),
      field('Order or product reference', el('input', { name: 'reference', autocomplete: 'off', testid: 'intake-reference' })),
      field('Category', select('category', [], { testid: 'intake-category', empty: 'Not sure yet', field: 'categoryId' })),
      field('How serious is it?', select('severity', severities, { testid: 'intake-severity', value: 'normal' }), { hint: 'Urgent: health, safety or money at risk. Handle it now.' }),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'isPublic', testid: 'intake-public' }), 'Posted in public (a review or a forum post)'),
    ),
    filesBlock(),
    error,
    el(
      'div',
      { class: 'dialog-actions' },
      el('button', { type: 'button', testid: 'intake-cancel', onclick: () => dialog.close() }, 'Close, keep what I typed'),
      save,
    ),
  );
  form.elements.receivedAt.value = localInputValue();
  form.elements.receivedAt.max = localInputValue();
  form.addEventListener('input', () => keepDraft(form));
  form.addEventListener('change', () => keepDraft(form));
  received.addEventListener('input', () => { received.dataset.touched = '1'; });
  dialog.addEventListener('close', () => keepDraft(form, 0));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(save, error, async () => {
      // No draft is written while saving, nor after: the save clears it.
      saving = true;
      clearTimeout(draftTimer);
      let complaint;
      try {
        await draftWrites;
        complaint = await api.createComplaint(collect(form));
      } finally {
        saving = false;
      }
      // Saved (and its draft cleared): the next one starts from an empty form.
      openForm = null;
      chosenCustomer = null;
      waitingFiles = [];
      dialog.close();
      dialog.replaceChildren();
      go('complaint', { id: complaint.id });
      // More emails were handed in together: the next one is ready to check.
      if (nextEmails.length) openWithEmails([nextEmails.shift()], []);
    });
  });
  await refreshCategories(form);
  await restoreDraft(form);
  return form;
}

let draftTimer = null;
/** The draft's writes, one after the other, so an older one never lands last. */
let draftWrites = Promise.resolve();
let saving = false;

/** Empties the form and its draft; for a customer waiting to be chosen, chooses them. */
function clearForm(form, note) {
  const next = note.dataset.next ? JSON.parse(note.dataset.next) : null;
  delete note.dataset.next;
  note.hidden = true;
  form.reset();
  chosenCustomer = null;
  choose(form, null);
  for (const file of waitingFiles) api.discardWaitingFile(file.id).catch(() => {});
  setWaiting(form, []);
  form.elements.receivedAt.value = localInputValue();
  delete form.elements.receivedAt.dataset.touched;
  countSummary(form, form.querySelector('[data-testid="intake-summary-count"]'));
  clearTimeout(draftTimer);
  draftWrites = draftWrites.then(() => api.saveIntakeDraft('')).catch(() => {});
  if (next) choose(form, next);
  else form.elements.customerName.focus();
  // Emails waiting their turn: the next one fills the empty form.
  if (nextEmails.length && !next) fillFromEmail(form, nextEmails.shift());
  sayNextEmails(form);
}

/** Keeps what is typed, a moment after the owner stops typing (or now). */
function keepDraft(form, wait = 400) {
  if (openForm && openForm !== form) return; // a form from before a save
  clearTimeout(draftTimer);
  draftTimer = setTimeout(() => {
    if (openForm !== form || saving) return; // saved, or being saved
    const values = form.elements;
    const draft = {
      customerName: values.customerName.value,
      chosen: chosenCustomer,
      email: values.email.value,
      phone: values.phone.value,
      summary: values.summary.value,
      words: values.words.value,
      outcome: values.outcome.value,
      channel: values.channel.value,
      // "Now" unless the owner changed it: a draft finished tomorrow is received then.
      receivedAt: values.receivedAt.dataset.touched ? values.receivedAt.value : '',
      reference: values.reference.value,
      category: values.category.value,
      severity: values.severity.value,
      isPublic: values.isPublic.checked,
      files: waitingFiles,
    };
    const text = JSON.stringify(draft);
    draftWrites = draftWrites.then(() => api.saveIntakeDraft(text)).catch(() => {});
  }, wait);
}

/** Brings back a half-written complaint from before (this session or the last). */
async function restoreDraft(form) {
  const saved = await api.intakeDraft().catch(() => null);
  if (!saved) return;
  let draft;
  try {
    draft = JSON.parse(saved);
  } catch {
    return;
  }
  const values = form.elements;
  for (const name of ['customerName', 'email', 'phone', 'summary', 'words', 'outcome', 'channel', 'reference', 'category', 'severity']) {
    if (typeof draft[name] === 'string' && values[name]) values[name].value = draft[name];
  }
  if (draft.receivedAt) {
    values.receivedAt.value = draft.receivedAt;
    values.receivedAt.dataset.touched = '1';
  }
  values.isPublic.checked = draft.isPublic === true;
  if (Array.isArray(draft.files)) setWaiting(form, draft.files.filter((file) => typeof file?.id === 'number'));
  if (draft.chosen && typeof draft.chosen.id === 'number') choose(form, draft.chosen);
  countSummary(form, form.querySelector('[data-testid="intake-summary-count"]'));
  form.querySelector('[data-testid="intake-draft-note"]').hidden = !hasContent(form);
}

/** What an email said, put in the form for the owner to check. */
function fillFromEmail(form, intake) {
  const values = form.elements;
  if (intake.customer) {
    choose(form, intake.customer);
  } else {
    choose(form, null);
    values.customerName.value = intake.name;
    values.email.value = intake.email;
  }
  values.channel.value = 'email';
  if (intake.receivedAt) {
    values.receivedAt.value = localInputValue(new Date(intake.receivedAt));
    values.receivedAt.dataset.touched = '1';
  }
  values.summary.value = intake.summary;
  values.words.value = intake.words;
  countSummary(form, form.querySelector('[data-testid="intake-summary-count"]'));
  // Another email read in place of the first: its files replace the first one's.
  const before = waitingFiles.filter((file) => file.fromEmail);
  for (const file of before) api.discardWaitingFile(file.id).catch(() => {});
  const fromEmail = intake.attachments.map((file) => ({ ...file, fromEmail: true }));
  setWaiting(form, [...waitingFiles.filter((file) => !file.fromEmail), ...fromEmail]);
  showMessage(form.querySelector('[data-testid="intake-email-done"]'), filledFromEmail(intake));
  showProblems(form.querySelector('[data-testid="intake-files-problems"]'), intake.notKept);
}

/** The photos and files that will be kept with the complaint once saved. */
function filesBlock() {
  const error = errorLine('intake-files-problems');
  const add = el('button', { type: 'button', testid: 'intake-add-files', onclick: () => busy(add, error, async () => {
    const added = await api.addWaitingFiles();
    if (!added) return;
    setWaiting(add.form, [...waitingFiles, ...added.files]);
    showProblems(error, added.problems);
  }) }, 'Add photos or files…');
  return el(
    'div',
    { class: 'intake-files', testid: 'intake-files' },
    el('h3', {}, 'Photos and files'),
    el('ul', { class: 'file-tiles', testid: 'intake-file-tiles' }),
    el('p', { class: 'actions' }, add, el('span', { class: 'muted' }, 'or drop them on this window.')),
    error,
  );
}

/** Shows `files` as the ones waiting for this complaint, and keeps that in the draft. */
function setWaiting(form, files) {
  waitingFiles = files;
  const error = form.querySelector('[data-testid="intake-files-problems"]');
  const tiles = files.map((file) => fileTile(file, {
    error,
    removeLabel: 'Take off',
    removeQuestion: `Take “${file.name}” off this complaint? It will not be kept.`,
    remove: async () => {
      await api.discardWaitingFile(file.id);
      setWaiting(form, waitingFiles.filter((waiting) => waiting.id !== file.id));
    },
  }));
  form.querySelector('[data-testid="intake-file-tiles"]').replaceChildren(...tiles);
  keepDraft(form, 0);
}

/**
 * Files handed in (dropped on the window, or opened with Mend) for a new
 * complaint: the first email fills the window in, the others wait their
 * turn, and other files wait with the complaint.
 */
export async function openWithHandedIn(taken) {
  await openWithEmails(taken.emails, taken.files);
  showProblems(openForm.querySelector('[data-testid="intake-files-problems"]'), taken.problems);
}

async function openWithEmails(emails, files) {
  await openIntake();
  // A complaint half-written here is never written over: the emails wait.
  const [first, ...rest] = hasTyped(openForm) ? [null, ...emails] : emails;
  nextEmails.push(...rest);
  if (first) fillFromEmail(openForm, first);
  if (files.length) setWaiting(openForm, [...waitingFiles, ...files]);
  sayNextEmails(openForm);
}

function sayNextEmails(form) {
  const count = nextEmails.length;
  const words = count === 1 ? '1 more email will open here' : `${count} more emails will open here, one at a time,`;
  showMessage(form.querySelector('[data-testid="intake-next-emails"]'), count ? `${words} once you save this complaint.` : '');
}

function collect(form) {
  const values = form.elements;
  return {
    customerId: chosenCustomer?.id ?? null,
    newCustomer: chosenCustomer ? null : { name: values.customerName.value, email: values.email.value, phone: values.phone.value },
    channel: values.channel.value,
    receivedAt: toInstant(values.receivedAt.value),
    isPublic: values.isPublic.checked,
    summary: values.summary.value,
    customerWords: values.words.value,
    desiredOutcome: values.outcome.value,
    reference: values.reference.value,
    categoryId: values.category.value ? Number(values.category.value) : null,
    severity: values.severity.value,
    attachments: waitingFiles.map((file) => file.id),
  };
}

async function refreshCategories(target) {
  const pick = target.elements.category;
  const kept = pick.value;
  const categories = await api.listCategories();
  pick.replaceChildren(
    el('option', { value: '' }, 'Not sure yet'),
    ...categories.filter((category) => !category.retired).map((category) => el('option', { value: category.id }, category.name)),
  );
  pick.value = kept;
}

function countSummary(form, counter) {
  const length = [...form.elements.summary.value.trim()].length;
  counter.textContent = `${length} / 200`;
  counter.classList.toggle('over', length > 200);
}

let searchTimer = null;

function findCustomers(form, matches) {
  clearTimeout(searchTimer);
  searchTimer = setTimeout(async () => {
    const typed = form.elements.customerName.value.trim();
    if (chosenCustomer && chosenCustomer.name !== typed) choose(form, null);
    if (typed.length < 2 || chosenCustomer) {
      matches.replaceChildren();
      matches.hidden = true;
      return;
    }
    try {
      const found = await api.listCustomers(typed, 0, 6);
      matches.replaceChildren(
        ...found.map((customer) =>
          el(
            'li',
            {},
            el(
              'button',
              { type: 'button', class: 'row', testid: 'intake-customer-option', onclick: () => choose(form, customer) },
              el('span', { class: 'row-main' }, el('span', { class: 'row-title' }, customer.name), el('span', { class: 'row-sub' }, [customer.email, customer.phone].filter(Boolean).join(' · '))),
              el('span', { class: 'row-meta' }, `${customer.complaints} earlier complaint${customer.complaints === 1 ? '' : 's'}`),
            ),
          ),
        ),
      );
      matches.hidden = found.length === 0;
    } catch {
      matches.hidden = true;
    }
  }, 150);
}

function choose(form, customer) {
  chosenCustomer = customer;
  const chosen = form.querySelector('[data-testid="intake-chosen-customer"]');
  const matches = form.querySelector('[data-testid="intake-customer-matches"]');
  form.querySelector('.new-customer').hidden = Boolean(customer);
  matches.hidden = true;
  if (customer) {
    form.elements.customerName.value = customer.name;
    chosen.replaceChildren(
      `Existing customer: ${customer.name}`,
      el('button', { type: 'button', class: 'quiet', testid: 'intake-change-customer', onclick: () => { choose(form, null); form.elements.customerName.focus(); } }, 'Not them'),
    );
    form.elements.summary.focus();
  }
  else chosen.replaceChildren();
  chosen.hidden = !customer;
}
