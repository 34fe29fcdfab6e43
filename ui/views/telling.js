// Telling the customers a known issue is fixed: each customer behind it,
// closed complaints included, how to reach them, the message to send, and
// "Told them" (noted on their complaint) or "Will not tell them".

import { api } from '../api.js';
import { busy, copyable, el, errorLine, field, formatDateTime, select } from '../dom.js';
import { guide } from '../guide.js';
import { go } from '../nav.js';
import { draftEditor } from './draft.js';

/** How the owner most likely told them: by email when Mend has one. */
function likelyChannel(customer) {
  if (customer.email) return 'email';
  if (customer.phone) return 'phone';
  return 'other';
}

function customerItem(issue, customer, saved) {
  const error = errorLine('tell-error');
  const reach = [
    customer.email && copyable(customer.email, 'tell-email'),
    customer.phone && copyable(customer.phone, 'tell-phone'),
  ].filter(Boolean);
  const name = el('button', { type: 'button', class: 'quiet inline-link', testid: 'tell-name', onclick: () => go('customer', { id: customer.customerId }) }, customer.name);
  const head = el('div', { class: 'tell-head' }, name, el('span', { class: 'tell-reach' }, reach.length ? reach : el('span', { class: 'muted' }, 'No phone or email noted')));
  if (customer.telling) {
    const said = customer.telling === 'told' ? `Told ${formatDateTime(customer.tellingAt)}` : 'Will not be told';
    return el('li', { class: 'tell settled', testid: 'tell-customer' }, head, el('p', { class: 'muted', testid: 'tell-state' }, said));
  }
  const editor = draftEditor('tell-draft', `Message to ${customer.name}`);
  editor.show(customer.draft);
  const how = select('channel', guide().channels, { testid: 'tell-channel', value: likelyChannel(customer) });
  const told = el('button', { type: 'button', class: 'primary', testid: 'tell-told', onclick: () => busy(told, error, async () => {
    saved(await api.tellCustomer(issue.id, customer.customerId, how.value), `Noted: ${customer.name} was told. It is on their complaint's timeline.`);
  }) }, 'Told them');
  const skip = el('button', { type: 'button', class: 'quiet', testid: 'tell-skip', onclick: () => busy(skip, error, async () => {
    saved(await api.passOverCustomer(issue.id, customer.customerId), `${customer.name} will not be told.`);
  }) }, 'Will not tell them');
  return el(
    'li',
    { class: 'tell', testid: 'tell-customer' },
    head,
    el('p', { class: 'muted', testid: 'tell-state' }, 'Not told yet'),
    el('details', { class: 'tell-message' }, el('summary', { testid: 'tell-open-message' }, 'The message'), editor.parts),
    el('div', { class: 'actions' }, field('How you told them', how), told, skip),
    error,
  );
}

/** The card on a fixed issue's page: every customer to tell. */
export function tellingCard(issue, saved) {
  const left = issue.customers.filter((customer) => !customer.telling).length;
  const lead = issue.customers.length === 0
    ? 'No complaint is linked to this issue, so there is nobody to tell.'
    : left === 0
      ? 'Everyone has been told, or will not be. Well done.'
      : `${left === 1 ? '1 customer' : `${left} customers`} still to tell. Mend keeps a reminder on Today until each is told, or you choose not to.`;
  return el(
    'section',
    { class: 'card', testid: 'tell-card' },
    el('h2', {}, 'Tell the customers it is fixed'),
    el('p', { class: 'muted', testid: 'tell-lead' }, lead),
    !issue.whatChanged && el('p', { class: 'message warning', testid: 'tell-what-changed-missing' }, 'Write what changed (under “Change what is written about it”) so the message can tell them.'),
    el('ul', { class: 'tell-list' }, issue.customers.map((customer) => customerItem(issue, customer, saved))),
  );
}
