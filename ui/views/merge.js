// The same person added twice: on a customer's page, the others who may be
// them (the same email, phone or name) and a search for anyone else, each
// merged into this customer after asking first. Everything moves; nothing
// is lost; the history says so.

import { api } from '../api.js';
import { askFirst, busy, el, errorLine, field } from '../dom.js';
import { go, viewSignal } from '../nav.js';

const TYPING_PAUSE_MS = 200;

function contact(other) {
  return [other.email, other.phone].filter(Boolean).join(' · ') || 'No email or phone noted';
}

/** One customer who could be merged into `customer`, with its button. */
function candidate(customer, other, why, error) {
  const merge = el('button', { type: 'button', testid: 'merge-customer', onclick: () => askFirst(merge, {
    question: `Is ${other.name} (${contact(other)}) the same person as ${customer.name}? Their complaints move here, and they are no longer listed on their own. This cannot be undone.`,
    yes: 'Merge them',
    no: 'Keep both',
    testid: 'merge-ask',
    error,
    onYes: async () => {
      await api.mergeCustomers(customer.id, other.id);
      go('customer', { id: customer.id, notice: 'Merged. Their complaints are all here now, and the history of each says so.' });
    },
  }) }, `Merge into ${customer.name}`);
  return el(
    'li',
    { class: 'with-action', testid: 'merge-candidate' },
    el('span', { class: 'row-main' }, el('span', { class: 'row-title' }, other.name), el('span', { class: 'row-sub' }, why ? `${contact(other)} · ${why}` : contact(other))),
    merge,
  );
}

export function mergeCard(customer) {
  const signal = viewSignal();
  const error = errorLine('merge-error');
  const likely = el('ul', { class: 'rows', testid: 'merge-likely' });
  const found = el('ul', { class: 'rows', testid: 'merge-found' });
  const search = el('input', { type: 'search', testid: 'merge-search', autocomplete: 'off', placeholder: 'Part of a name, an email or a phone number' });
  let timer = null;
  let generation = 0;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++generation;
      const typed = search.value.trim();
      if (!typed) { found.replaceChildren(); return; }
      try {
        const others = (await api.listCustomers(typed, 0, 8)).filter((other) => other.id !== customer.id);
        if (signal.aborted || mine !== generation) return;
        found.replaceChildren(...(others.length ? others.map((other) => candidate(customer, other, '', error)) : [el('li', { class: 'empty' }, 'Nobody else matches.')]));
      } catch (failure) {
        error.textContent = failure.message;
        error.hidden = false;
      }
    }, TYPING_PAUSE_MS);
  });
  api.possibleDuplicates(customer.id).then((others) => {
    if (signal.aborted || others.length === 0) return;
    likely.before(el('p', { class: 'muted' }, 'These may be the same person:'));
    likely.append(...others.map((other) => candidate(customer, other, other.because, error)));
  }, () => {});
  const searchField = field('Find the other one', search);
  searchField.classList.add('search');
  return el(
    'section',
    { class: 'card', testid: 'merge-card' },
    el('details', {}, el('summary', { testid: 'open-merge' }, `Added twice? Merge another customer into ${customer.name}`), likely, searchField, found, error),
  );
}
