// The first start of a Mend never used: a short welcome that asks for the
// business's and the owner's names, so the first draft is signed. It can be
// skipped, and is shown once.

import { api } from '../api.js';
import { busy, el, errorLine, field } from '../dom.js';

/** Shows the welcome (main.js knows when it is due); resolves once it is answered or skipped. */
export async function welcome() {
  const dialog = document.getElementById('welcome');
  const business = el('input', { name: 'businessName', testid: 'welcome-business-name', autocomplete: 'organization', maxlength: 200, placeholder: 'e.g. Lima Cakes' });
  const owner = el('input', { name: 'ownerName', testid: 'welcome-owner-name', autocomplete: 'name', maxlength: 200, placeholder: 'e.g. Rui Lima' });
  const error = errorLine('welcome-error');
  const save = el('button', { type: 'submit', class: 'primary', testid: 'welcome-save' }, 'Save and start');
  const skip = el('button', { type: 'button', testid: 'welcome-skip' }, 'Skip for now');
  const answered = new Promise((done) => {
    const finish = (settings) => busy(save, error, async () => {
      await api.finishWelcome(settings);
      dialog.close();
      done();
    });
    const form = el(
      'form',
      { method: 'dialog', novalidate: true },
      el('h2', { id: 'welcome-title' }, 'Welcome to Mend'),
      el('p', {}, 'Mend walks you through each customer complaint, from the first call to the lesson learned, and reminds you of every promise.'),
      el('p', {}, 'Its message drafts are signed with your names. You can change them any time in Settings.'),
      el('div', { class: 'fields' }, field('Your business', business), field('Your name', owner)),
      error,
      el('div', { class: 'dialog-actions' }, skip, save),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      finish({ businessName: business.value, ownerName: owner.value });
    });
    skip.addEventListener('click', () => finish({ businessName: '', ownerName: '' }));
    // Escape is a skip too: the welcome never comes back.
    dialog.addEventListener('cancel', (event) => {
      event.preventDefault();
      finish({ businessName: '', ownerName: '' });
    });
    dialog.replaceChildren(form);
  });
  dialog.showModal();
  business.focus();
  await answered;
}
