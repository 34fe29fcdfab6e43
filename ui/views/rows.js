// One complaint as a row in a list: what it is about, who, where it stands.

import { el, formatDateTime, formatDay } from '../dom.js';
import { stepTitle } from '../guide.js';

/** Badges that say where a complaint stands; urgent and overdue stand out. */
export function statusBadges(complaint) {
  return [
    complaint.urgent && el('span', { class: 'badge urgent', testid: 'badge-urgent' }, 'Urgent'),
    complaint.severity === 'high' && !complaint.closedAt && el('span', { class: 'badge high-quiet', testid: 'badge-high' }, 'High'),
    complaint.overdue && el('span', { class: 'badge overdue', testid: 'badge-overdue' }, 'Overdue'),
    complaint.dueToday && el('span', { class: 'badge due-today', testid: 'badge-due-today' }, 'Due today'),
    complaint.closedAt
      ? el('span', { class: 'badge closed', testid: 'badge-step' }, 'Closed')
      : el('span', { class: 'badge', testid: 'badge-step' }, `Next: ${stepTitle(complaint.step)}`),
  ];
}

export function complaintRow(complaint, { testid = 'complaint-item', onOpen }) {
  const sub = [complaint.customerName, complaint.category].filter(Boolean).join(' · ');
  return el(
    'button',
    { type: 'button', class: 'row', testid, dataset: { id: complaint.id }, onclick: onOpen },
    el('span', { class: 'row-main' }, el('span', { class: 'row-title', testid: 'complaint-summary' }, complaint.summary), el('span', { class: 'row-sub', testid: 'complaint-customer' }, sub)),
    el(
      'span',
      { class: 'row-meta' },
      statusBadges(complaint),
      complaint.promisedDate && !complaint.closedAt && el('span', {}, `Promised ${formatDay(complaint.promisedDate)}`),
      el('time', { dateTime: complaint.receivedAt, testid: 'complaint-received' }, formatDateTime(complaint.receivedAt)),
    ),
  );
}
