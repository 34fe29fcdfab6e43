// Today: what needs the owner now. Each entry opens the complaint at the
// step that needs doing.

import { api } from '../api.js';
import { el, errorLine, showMessage } from '../dom.js';
import { openIntake } from './intake.js';
import { go } from '../nav.js';
import { complaintRow } from './rows.js';
import { refreshReminderCount, reminderRow } from './reminders.js';

const SECTIONS = [
  { key: 'toAcknowledge', testid: 'today-acknowledge', title: 'Let them know you heard them', lead: 'Not acknowledged yet. Urgent ones first, then the oldest.', step: () => 'acknowledge' },
  { key: 'promisesDue', testid: 'today-promises', title: 'Promises due', lead: 'You promised these for today or earlier.', step: () => 'fix' },
  { key: 'toFollowUp', testid: 'today-follow-up', title: 'Check the fix worked', lead: 'Fixed: ask the customer whether all is well now.', step: () => 'follow_up' },
  { key: 'toUpdate', testid: 'today-update', title: 'Send an update', lead: 'Nothing was sent to these customers for 3 days or more.', step: (complaint) => complaint.step },
];

/** Which due reminders Today shows, to redraw it only when they change. */
let shownReminders = '';

function signature(due) {
  return due.map((reminder) => `${reminder.id}@${reminder.dueAt}`).join(',');
}

/** Whether Today is out of date now that these reminders are due. */
export function todayIsStale(due) {
  return signature(due) !== shownReminders;
}

export async function showToday(main, params, { signal }) {
  const error = errorLine('today-error');
  const body = el('div', { class: 'today' });
  main.append(
    el(
      'header',
      { class: 'view-header' },
      el('div', {}, el('h1', {}, 'Today'), el('p', { class: 'lead', testid: 'today-date' }, new Date().toLocaleDateString(undefined, { weekday: 'long', day: 'numeric', month: 'long' }))),
      el('div', { class: 'header-actions' }, el('button', { type: 'button', class: 'primary', testid: 'today-new-complaint', onclick: () => openIntake() }, 'New complaint')),
    ),
    error,
    body,
  );
  try {
    const [due, today] = await Promise.all([refreshReminderCount(), api.getToday()]);
    if (signal.aborted) return;
    shownReminders = signature(due);
    let total = due.length;
    if (due.length > 0) {
      body.append(
        el(
          'section',
          { class: 'card reminders-due', testid: 'today-reminders' },
          el('h2', {}, 'Reminders due ', el('span', { class: 'badge' }, due.length)),
          el('ul', { class: 'reminders' }, due.map((reminder) => reminderRow(reminder, { onChanged: () => go('today') }))),
        ),
      );
    }
    for (const section of SECTIONS) {
      const complaints = today[section.key];
      total += complaints.length;
      if (complaints.length === 0) continue;
      body.append(
        el(
          'section',
          { class: 'card', testid: section.testid },
          el('h2', {}, section.title, ' ', el('span', { class: 'badge' }, complaints.length)),
          el('p', { class: 'muted' }, section.lead),
          el(
            'ul',
            { class: 'rows' },
            complaints.map((complaint) =>
              el('li', {}, complaintRow(complaint, { testid: 'today-item', onOpen: () => go('complaint', { id: complaint.id, step: section.step(complaint), from: { name: 'today' } }) })),
            ),
          ),
        ),
      );
    }
    if (total === 0) {
      body.append(
        el(
          'section',
          { class: 'card calm', testid: 'today-empty' },
          el('h2', {}, 'Nothing needs you right now'),
          el('p', {}, 'Every complaint is acknowledged, every promise is on track and every customer has heard from you lately.'),
          el('p', { class: 'muted' }, 'When a customer complains, press “New complaint” (Ctrl+N) and Mend walks you through it.'),
        ),
      );
    }
  } catch (failure) {
    if (!signal.aborted) showMessage(error, failure.message);
  }
}
