// The new-complaint window, filled in from the customer's email: a .eml
// file picked in the system's file window, or the email's text pasted.
// The owner checks what Mend read, then saves as usual.

import { api } from '../api.js';
import { busy, el, errorLine, showMessage, successLine } from '../dom.js';

/** What Mend says once an email filled the window in. */
export function filledFromEmail(intake) {
  const count = intake.attachments.length;
  const files = count === 0 ? '' : ` Its ${count === 1 ? 'file is' : `${count} files are`} under Photos and files.`;
  return `Filled in from the email of ${intake.name}${intake.customer ? ', who complained before' : ''}. Check it, then save.${files}`;
}

/**
 * The block at the top of the window; `fill(intake)` puts what was read in
 * (and says so in the line made by `successLine('intake-email-done')`).
 */
export function emailBlock(fill) {
  const error = errorLine('intake-email-error');
  const done = successLine('intake-email-done');
  const report = (intake) => fill(intake);
  const pick = el('button', { type: 'button', testid: 'intake-email-file', onclick: () => busy(pick, error, async () => {
    showMessage(done, '');
    const intake = await api.emailFromFile();
    if (intake) report(intake);
  }) }, 'Choose an email file (.eml)…');
  const pasted = el('textarea', { rows: 6, testid: 'intake-email-text', 'aria-label': 'The email, pasted whole', placeholder: 'Paste the whole email here, with its From and Subject lines' });
  const read = el('button', { type: 'button', testid: 'intake-email-read', onclick: () => busy(read, error, async () => {
    showMessage(done, '');
    report(await api.emailFromText(pasted.value));
    pasted.value = '';
  }) }, 'Fill in from this email');
  return el(
    'div',
    { class: 'from-email' },
    el('p', { class: 'from-email-actions' }, 'Came by email? ', pick),
    el('details', {}, el('summary', { testid: 'intake-email-paste' }, 'Or paste the email'), pasted, el('div', { class: 'actions' }, read)),
    error,
    done,
  );
}
