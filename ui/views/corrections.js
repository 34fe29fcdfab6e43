// Putting mistakes right on a complaint's page: its facts, a timeline entry,
// or the whole complaint deleted into the Deleted list. The history keeps
// what each said before.

import { api } from '../api.js';
import { askFirst, busy, el, errorLine, field, formatDateTime, localInputValue, select, toInstant } from '../dom.js';
import { guide } from '../guide.js';
import { go } from '../nav.js';

/**
 * The "Correct the facts" form, folded until asked for. `saved(fresh, text)`
 * draws the complaint again after a save.
 */
export function factsCorrection(details, saved) {
  const { channels, severities } = guide();
  const error = errorLine('facts-error');
  const picker = customerPicker(details);
  const form = el(
    'form',
    { class: 'record', novalidate: true, testid: 'facts-form' },
    el(
      'div',
      { class: 'fields' },
      picker.field,
      field('One-line summary', el('input', { name: 'summary', autocomplete: 'off', testid: 'facts-summary', value: details.summary }), { wide: true }),
      field('Their own words', el('textarea', { name: 'words', rows: 3, testid: 'facts-words', dataset: { field: 'customerWords' } }), { wide: true }),
      field('What would put it right for them?', el('textarea', { name: 'outcome', rows: 2, testid: 'facts-outcome', dataset: { field: 'desiredOutcome' } }), { wide: true }),
      field('How did it reach you?', select('channel', channels, { testid: 'facts-channel', value: details.channel })),
      field('Received at', el('input', { name: 'receivedAt', type: 'datetime-local', testid: 'facts-received-at', value: localInputValue(new Date(details.receivedAt)), max: localInputValue() })),
      field('Order or product reference', el('input', { name: 'reference', autocomplete: 'off', testid: 'facts-reference', value: details.reference })),
      field('Category', select('category', [], { testid: 'facts-category', empty: 'Not sure yet', field: 'categoryId' })),
      field('How serious is it?', select('severity', severities, { testid: 'facts-severity', value: details.severity })),
      el('label', { class: 'check' }, el('input', { type: 'checkbox', name: 'isPublic', testid: 'facts-public', checked: details.isPublic }), 'Posted in public (a review or a forum post)'),
    ),
    error,
  );
  // Text areas take their text as a value, not as an attribute.
  form.elements.words.value = details.customerWords;
  form.elements.outcome.value = details.desiredOutcome;
  fillCategories(form.elements.category, details.categoryId);

  const save = el('button', { type: 'submit', class: 'primary', testid: 'facts-save' }, 'Save the corrections');
  const deleteButton = el('button', { type: 'button', class: 'danger quiet', testid: 'delete-complaint' }, 'Delete this complaint…');
  deleteButton.addEventListener('click', () =>
    askFirst(deleteButton, {
      question: 'Delete this complaint? It goes to the Deleted list, where you can bring it back for 30 days.',
      yes: 'Yes, delete it',
      no: 'No, keep it',
      testid: 'delete-confirm',
      error,
      onYes: async () => {
        await api.deleteComplaint(details.id);
        go('complaints', { notice: `Deleted “${details.summary}”. It is in the Deleted list for 30 days.` });
      },
    }),
  );
  form.append(el('div', { class: 'actions' }, save, deleteButton));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = form.elements;
    busy(save, error, async () => {
      const changed = await api.correctComplaint(details.id, {
        ...picker.chosen(),
        summary: values.summary.value,
        customerWords: values.words.value,
        desiredOutcome: values.outcome.value,
        channel: values.channel.value,
        // The field holds minutes: unchanged, the time is sent as it was kept.
        receivedAt: values.receivedAt.value === localInputValue(new Date(details.receivedAt)) ? details.receivedAt : toInstant(values.receivedAt.value),
        reference: values.reference.value,
        // Until the categories have come, the category is the one it had.
        categoryId: values.category.dataset.loaded ? (values.category.value ? Number(values.category.value) : null) : details.categoryId,
        severity: values.severity.value,
        isPublic: values.isPublic.checked,
      });
      const fresh = await api.getComplaint(details.id);
      saved(fresh, changed === 0 ? 'Nothing was changed.' : `Saved ${changed === 1 ? 'the correction' : `${changed} corrections`}. The history keeps what it said before.`);
    });
  });
  return el(
    'details',
    { class: 'card corrections', testid: 'facts-correction' },
    el('summary', { testid: 'open-facts-form' }, el('h2', { class: 'inline' }, 'Correct the facts')),
    el('p', { class: 'muted' }, 'Fix a typo, the wrong customer or the time it came in. Every change is kept in the history as old → new.'),
    form,
  );
}

/** The customer, kept unless the owner picks another or adds a new one. */
function customerPicker(details) {
  let chosen = { customerId: details.customerId, newCustomer: null };
  const matches = el('ul', { class: 'matches', testid: 'facts-customer-matches', hidden: true });
  const input = el('input', { name: 'customerName', autocomplete: 'off', testid: 'facts-customer', value: details.customerName, dataset: { field: 'newCustomer.name customer' } });
  const note = el('span', { class: 'hint', testid: 'facts-customer-note' }, 'Type another name to choose someone else.');
  let timer = null;
  const pick = (choice, label) => {
    chosen = choice;
    input.value = label;
    matches.hidden = true;
    note.textContent = choice.newCustomer ? `A new customer, ${label}, will be added.` : choice.customerId === details.customerId ? 'Type another name to choose someone else.' : `Changing the customer to ${label}.`;
  };
  input.addEventListener('input', () => {
    clearTimeout(timer);
    // A name typed is not a customer chosen, until picked from the list.
    const typed = input.value.trim();
    chosen = typed === details.customerName ? { customerId: details.customerId, newCustomer: null } : null;
    timer = setTimeout(async () => {
      if (typed.length < 2) {
        matches.hidden = true;
        return;
      }
      const found = await api.listCustomers(typed, 0, 6).catch(() => []);
      const exact = found.some((customer) => customer.name.toLowerCase() === typed.toLowerCase());
      matches.replaceChildren(
        ...found.map((customer) => el('li', {}, el('button', { type: 'button', class: 'row', testid: 'facts-customer-option', onclick: () => pick({ customerId: customer.id, newCustomer: null }, customer.name) }, el('span', { class: 'row-title' }, customer.name), el('span', { class: 'row-sub' }, [customer.email, customer.phone].filter(Boolean).join(' · '))))),
        !exact && el('li', {}, el('button', { type: 'button', class: 'row', testid: 'facts-customer-new', onclick: () => pick({ customerId: null, newCustomer: { name: typed, email: '', phone: '' } }, typed) }, `Add “${typed}” as a new customer`)),
      );
      matches.hidden = false;
    }, 150);
  });
  return {
    field: el('div', { class: 'field wide' }, field('Customer', input, { wide: true }), note, matches),
    chosen: () => {
      if (!chosen) throw new Error(`Please pick the customer from the list under “Customer”, or choose to add “${input.value.trim()}” as a new one.`);
      return chosen;
    },
  };
}

async function fillCategories(pick, categoryId) {
  const categories = await api.listCategories().catch(() => []);
  pick.append(
    ...categories
      .filter((category) => !category.retired || category.id === categoryId)
      .map((category) => el('option', { value: category.id }, category.name)),
  );
  pick.value = categoryId ?? '';
  pick.dataset.loaded = '1';
}

/** A "Correct" button that turns one timeline entry into its form. */
export function contactCorrection(details, contact, entry, saved) {
  const { directions, channels } = guide();
  return el('button', {
    type: 'button',
    class: 'quiet small',
    testid: 'correct-contact',
    onclick: () => {
      const error = errorLine('correct-contact-error');
      const save = el('button', { type: 'submit', class: 'primary', testid: 'correct-contact-save' }, 'Save the correction');
      const form = el(
        'form',
        { class: 'record', novalidate: true, testid: 'correct-contact-form' },
        el(
          'div',
          { class: 'fields three' },
          field('What', select('direction', directions, { testid: 'correct-contact-direction', value: contact.direction })),
          field('How', select('channel', channels, { testid: 'correct-contact-channel', value: contact.channel })),
          field('When', el('input', { type: 'datetime-local', name: 'at', testid: 'correct-contact-at', value: localInputValue(new Date(contact.at)), max: localInputValue() })),
          field('What was said or noted', el('textarea', { name: 'text', rows: 3, testid: 'correct-contact-text' }), { wide: true }),
        ),
        error,
        el('div', { class: 'actions' }, save, el('button', { type: 'button', testid: 'correct-contact-cancel', onclick: () => holder.replaceWith(entry) }, 'Cancel')),
      );
      const holder = el('li', { class: 'contact' }, form);
      form.elements.text.value = contact.text;
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        const values = form.elements;
        busy(save, error, async () => {
          await api.correctContact(contact.id, { direction: values.direction.value, channel: values.channel.value, at: toInstant(values.at.value), text: values.text.value });
          saved(await api.getComplaint(details.id), `Corrected the entry of ${formatDateTime(contact.at)}. The history keeps what it said before.`);
        });
      });
      entry.replaceWith(holder);
      form.elements.text.focus();
    },
  }, 'Correct');
}
