// Customers: find anyone who has complained, fix their details, and see
// every complaint they made.

import { api } from '../api.js';
import { busy, copyable, el, errorLine, field, formatDateTime, showMessage, successLine } from '../dom.js';
import { go } from '../nav.js';
import { openIntake } from './intake-later.js';
import { statusBadges } from './rows.js';
import { mergeCard } from './merge.js';

const PAGE = 50;
const TYPING_PAUSE_MS = 200;
const monthYear = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function countsText(total, open) {
  return `${plural(total, 'complaint')}, ${open} open`;
}

/** The list, with search as you type and a page of 50 at a time. */
export function showCustomers(main, params, { signal }) {
  const search = el('input', {
    type: 'search',
    testid: 'customer-search',
    value: params.search ?? '',
    autocomplete: 'off',
    placeholder: 'Part of a name, an email or a phone number',
  });
  const searchField = field('Find a customer', search);
  searchField.classList.add('search');
  const list = el('ul', { class: 'rows', testid: 'customer-list' });
  const empty = el('p', { class: 'empty', testid: 'customer-empty', hidden: true });
  const error = errorLine('customers-error');
  const more = el('button', { type: 'button', testid: 'customers-more', onclick: () => load(false) }, 'Show more');
  const moreRow = el('div', { class: 'more', hidden: true }, more);
  let shown = 0;
  // Each load gets a number, so an answer to an older search never
  // overwrites a newer one that came back first.
  let generation = 0;

  main.append(
    el(
      'header',
      { class: 'view-header' },
      el('div', {}, el('h1', {}, 'Customers'), el('p', { class: 'lead' }, 'Everyone who has complained, with their history. A customer is added when you write down their first complaint.')),
    ),
    el('div', { class: 'toolbar' }, searchField),
    error,
    el('section', { class: 'card', 'aria-label': 'Customers' }, list, empty, moreRow),
  );

  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => load(true), TYPING_PAUSE_MS);
  });

  async function load(fresh) {
    const mine = ++generation;
    const term = search.value.trim();
    if (fresh) shown = 0;
    showMessage(error, '');
    more.disabled = true;
    try {
      // One extra tells whether there is a further page, without a count query.
      const found = await api.listCustomers(term, shown, PAGE + 1);
      if (signal.aborted || mine !== generation) return;
      const page = found.slice(0, PAGE);
      const rows = page.map((customer) => el('li', {}, customerRow(customer, term)));
      if (fresh) list.replaceChildren(...rows);
      else list.append(...rows);
      shown += page.length;
      moreRow.hidden = found.length <= PAGE;
      showEmpty(term);
    } catch (failure) {
      if (!signal.aborted && mine === generation) showMessage(error, failure.message);
    } finally {
      more.disabled = false;
    }
  }

  function showEmpty(term) {
    empty.hidden = shown > 0;
    empty.textContent = term
      ? `No customer’s name, email or phone contains “${term}”. Check the spelling, or try fewer letters.`
      : 'No customers yet. They appear here once you write down a complaint with “New complaint”.';
  }

  search.focus();
  load(true);
}

function customerRow(customer, term) {
  const contact = [customer.email, customer.phone].filter(Boolean).join(' · ');
  return el(
    'button',
    { type: 'button', class: 'row', testid: 'customer-row', dataset: { id: customer.id }, onclick: () => go('customer', { id: customer.id, search: term }) },
    el(
      'span',
      { class: 'row-main' },
      el('span', { class: 'row-title', testid: 'customer-row-name' }, customer.name),
      el('span', { class: 'row-sub', testid: 'customer-row-contact' }, contact || 'No email or phone noted'),
    ),
    el('span', { class: 'row-meta', testid: 'customer-row-counts' }, countsText(customer.complaints, customer.openComplaints)),
  );
}

/** One customer: their details to edit, and all their complaints. */
export async function showCustomer(main, params, { signal }) {
  const back = el(
    'button',
    { type: 'button', class: 'quiet back', testid: 'back', onclick: () => go('customers', { search: params.search }) },
    '← All customers',
  );
  const heading = el('h1', { testid: 'customer-name-heading' });
  const lead = el('p', { class: 'lead', testid: 'customer-lead' });
  const loadError = errorLine('customer-load-error');
  const notice = successLine('customer-notice');
  showMessage(notice, params.notice ?? '');
  main.append(back, el('header', { class: 'view-header' }, el('div', {}, heading, lead)), loadError, notice);

  let page;
  try {
    page = await api.getCustomer(params.id);
  } catch (failure) {
    if (!signal.aborted) showMessage(loadError, failure.message);
    return;
  }
  if (signal.aborted) return;

  const { customer, complaints } = page;
  heading.textContent = customer.name;
  if (customer.mergedInto) {
    lead.textContent = 'Merged into another customer: the same person, added twice.';
    main.append(el('p', {}, el('button', { type: 'button', class: 'primary', testid: 'customer-merged-into', onclick: () => go('customer', { id: customer.mergedInto }) }, 'Open the customer kept')));
    return;
  }
  const open = complaints.filter((complaint) => !complaint.closedAt).length;
  lead.textContent = [customer.createdAt && `Customer since ${monthYear.format(new Date(customer.createdAt))}`, countsText(complaints.length, open)].filter(Boolean).join(' · ');

  main.append(
    el(
      'section',
      { class: 'card at-hand', testid: 'customer-reach', 'aria-label': 'How to reach them' },
      el('div', { class: 'actions' },
        customer.phone ? copyable(customer.phone, 'customer-phone') : null,
        customer.email ? copyable(customer.email, 'customer-email') : null,
        !customer.phone && !customer.email ? el('span', { class: 'muted' }, 'No phone or email noted yet.') : null,
        el('button', { type: 'button', class: 'primary', testid: 'customer-new-complaint', onclick: () => openIntake(customer) }, 'New complaint for this customer'),
      ),
    ),
    detailsCard(customer, heading),
    complaintsCard(customer, complaints),
    mergeCard(customer),
  );
}

function detailsCard(customer, heading) {
  const name = el('input', { name: 'name', testid: 'customer-edit-name', autocomplete: 'off', maxlength: 200, value: customer.name });
  const email = el('input', { name: 'email', type: 'email', testid: 'customer-edit-email', autocomplete: 'off', value: customer.email });
  const phone = el('input', { name: 'phone', type: 'tel', testid: 'customer-edit-phone', autocomplete: 'off', value: customer.phone });
  const notes = el('textarea', { name: 'notes', testid: 'customer-edit-notes', rows: 3, placeholder: 'e.g. Prefers a call after 6 pm' });
  // A textarea shows its value property, not a value attribute.
  notes.value = customer.notes ?? '';
  const save = el('button', { type: 'submit', class: 'primary', testid: 'save-customer' }, 'Save their details');
  const saved = successLine('customer-saved');
  const error = errorLine('customer-error');

  // novalidate: the app's own check gives the plain-words message, not the browser's.
  const form = el(
    'form',
    { novalidate: true, testid: 'customer-form' },
    el('div', { class: 'fields' }, field('Name', name, { wide: true }), field('Email', email), field('Phone', phone), field('Your notes about them', notes, { wide: true })),
    el('div', { class: 'actions' }, save),
    saved,
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showMessage(saved, '');
    await busy(save, error, async () => {
      const updated = await api.updateCustomer(customer.id, { name: name.value, email: email.value, phone: phone.value, notes: notes.value });
      // Show what was kept (trimmed), so the fields match the saved record.
      name.value = updated.name;
      email.value = updated.email;
      phone.value = updated.phone;
      notes.value = updated.notes;
      heading.textContent = updated.name;
      showMessage(saved, 'Saved. Their new details are used from now on, in drafts too.');
    });
  });

  return el('section', { class: 'card', 'aria-labelledby': 'customer-details-title' }, el('h2', { id: 'customer-details-title' }, 'Details'), form);
}

function complaintsCard(customer, complaints) {
  const from = { name: 'customer', params: { id: customer.id } };
  const rows = complaints.map((complaint) =>
    el(
      'li',
      {},
      el(
        'button',
        { type: 'button', class: 'row', testid: 'customer-complaint', dataset: { id: complaint.id }, onclick: () => go('complaint', { id: complaint.id, from }) },
        el(
          'span',
          { class: 'row-main' },
          el('span', { class: 'row-title', testid: 'customer-complaint-summary' }, complaint.summary),
          el('span', { class: 'row-sub' }, [`Received ${formatDateTime(complaint.receivedAt)}`, complaint.category].filter(Boolean).join(' · ')),
        ),
        el('span', { class: 'row-meta' }, statusBadges(complaint)),
      ),
    ),
  );
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'customer-complaints-title' },
    el('h2', { id: 'customer-complaints-title' }, 'Complaints'),
    rows.length > 0
      ? el('ul', { class: 'rows', testid: 'customer-complaints' }, rows)
      : el('p', { class: 'empty', testid: 'customer-no-complaints' }, 'No complaints from them yet.'),
  );
}
