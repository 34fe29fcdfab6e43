// Reminders in the window: the due ones on Today, a complaint's own, and
// done, snooze or dismiss on each. The count beside "Today" follows them.

import { api } from '../api.js';
import { busy, el, errorLine, field, formatDateTime, localInputValue, showMessage, successLine, toInstant } from '../dom.js';
import { go, viewSignal } from '../nav.js';

const SNOOZES = [
  { value: 'hour', label: 'For an hour' },
  { value: 'tomorrow', label: 'Until tomorrow, 9:00' },
  { value: 'next_week', label: 'Until next Monday, 9:00' },
  { value: 'until', label: 'Until a time I choose…' },
];

/**
 * One reminder with its actions; `onChanged()` redraws whatever lists it.
 * With `onDo`, its first button leads to doing what it asks, rather than
 * marking it done (it is done when the step is recorded).
 */
export function reminderRow(reminder, { onChanged, canOpen = true, onDo, noDone = false, withComplaint = true, noDismiss = false }) {
  const signal = viewSignal();
  const error = errorLine('reminder-error');
  // The time field is made when asked for: a long Today of reminders
  // would otherwise carry one hidden date-and-time field each.
  const untilRow = el('div', { class: 'snooze-until', hidden: true });
  function askUntil() {
    if (untilRow.hidden) {
      const until = el('input', { type: 'datetime-local', step: 1, testid: 'snooze-until', value: localInputValue(new Date(Date.now() + 3600000)), 'aria-label': 'Remind me again at' });
      untilRow.replaceChildren(until, el('button', { type: 'button', testid: 'snooze-until-save', onclick: (event) => act(event.target, { until: toInstant(until.value) }) }, 'Snooze'));
      untilRow.hidden = false;
    }
    untilRow.firstChild.focus();
  }
  const snooze = el(
    'select',
    { testid: 'snooze', 'aria-label': 'Snooze', onchange: (event) => {
      const choice = event.target.value;
      event.target.value = '';
      if (choice === 'until') { askUntil(); return; }
      if (choice) act(event.target, choice);
    } },
    el('option', { value: '' }, 'Snooze…'),
    SNOOZES.map((choice) => el('option', { value: choice.value }, choice.label)),
  );
  async function act(control, snoozeChoice) {
    await busy(control, error, async () => {
      if (snoozeChoice === 'done') await api.completeReminder(reminder.id);
      else if (snoozeChoice === 'dismiss') await api.dismissReminder(reminder.id);
      else await api.snoozeReminder(reminder.id, snoozeChoice);
      await refreshReminderCount();
      if (!signal.aborted) onChanged();
    });
  }
  const open = !canOpen
    ? null
    : reminder.complaintId
      ? el('button', { type: 'button', class: 'quiet', testid: 'reminder-open', onclick: () => go('complaint', { id: reminder.complaintId, step: reminder.step ?? undefined, from: { name: 'today' } }) }, 'Open the complaint')
      : reminder.knownIssueId
        ? el('button', { type: 'button', class: 'quiet', testid: 'reminder-open', onclick: () => go('issue', { id: reminder.knownIssueId }) }, 'Open the known issue')
        : reminder.improvementId
          ? el('button', { type: 'button', class: 'quiet', testid: 'reminder-open', onclick: () => go('improvements') }, 'Open Improvements')
          : null;
  return el(
    'li',
    { class: 'reminder', testid: 'reminder' },
    el(
      'div',
      { class: 'reminder-main' },
      el('span', { class: 'row-title', testid: 'reminder-title' }, reminder.title),
      withComplaint && reminder.body && el('span', { class: 'row-sub', testid: 'reminder-body' }, reminder.body),
      el('span', { class: 'row-sub' }, `Due ${formatDateTime(reminder.dueAt)}`),
    ),
    el(
      'div',
      { class: 'reminder-actions' },
      open,
      onDo
        ? el('button', { type: 'button', testid: 'reminder-do', onclick: onDo }, reminder.kind === 'update' ? 'Send an update…' : 'Do it now…')
        : !noDone && el('button', { type: 'button', testid: 'reminder-done', onclick: (event) => act(event.target, 'done') }, 'Done'),
      snooze,
      !noDismiss && el('button', { type: 'button', class: 'quiet', testid: 'reminder-dismiss', onclick: (event) => act(event.target, 'dismiss') }, 'Dismiss'),
    ),
    untilRow,
    error,
  );
}

/** The complaint page's card: its open reminders, and adding one. */
export function remindersCard(complaintId) {
  const signal = viewSignal();
  const list = el('ul', { class: 'reminders', testid: 'complaint-reminders' });
  const empty = el('p', { class: 'empty', hidden: true }, 'No reminders for this complaint.');
  const error = errorLine('add-reminder-error');
  const saved = successLine('reminder-saved');
  const note = el('input', { name: 'note', testid: 'reminder-note', placeholder: 'e.g. Call Ana to check the new cake arrived' });
  const when = el('input', { type: 'datetime-local', name: 'dueAt', step: 1, testid: 'reminder-when', value: localInputValue(new Date(Date.now() + 86400000)) });
  const add = el('button', { type: 'submit', testid: 'add-reminder' }, 'Add the reminder');
  const form = el('form', { class: 'record', novalidate: true, testid: 'reminder-form' }, el('div', { class: 'fields' }, field('Remind me to…', note, { wide: true }), field('When', when)), error, el('div', { class: 'actions' }, add), saved);
  async function load() {
    try {
      const reminders = await api.complaintReminders(complaintId);
      if (signal.aborted) return;
      list.replaceChildren(...reminders.map((reminder) => reminderRow(reminder, { onChanged: load, canOpen: false })));
      empty.hidden = reminders.length > 0;
    } catch (failure) {
      showMessage(error, failure.message);
    }
  }
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showMessage(saved, '');
    busy(add, error, async () => {
      const reminder = await api.addReminder({ complaintId, dueAt: toInstant(when.value), note: note.value });
      note.value = '';
      if (signal.aborted) return;
      showMessage(saved, `Mend will remind you on ${formatDateTime(reminder.dueAt)}.`);
      await load();
    });
  });
  load();
  return el(
    'section',
    { class: 'card', testid: 'reminders-card' },
    el('h2', {}, 'Reminders'),
    el('p', { class: 'muted' }, 'Mend reminds you of each promise and next step with a desktop notification. Add your own below.'),
    list,
    empty,
    el('details', { class: 'add-contact' }, el('summary', { testid: 'open-reminder-form' }, 'Add a reminder'), form),
  );
}

/** The count beside "Today", and the one-time word about notifications. */
export async function refreshReminderCount(asked = api.reminderStatus()) {
  try {
    const status = await asked;
    const count = document.querySelector('[data-testid="today-count"]');
    const due = status.due.count;
    count.textContent = String(due);
    count.hidden = due === 0;
    count.title = `${due} reminder${due === 1 ? '' : 's'} due`;
    if (status.notificationsProblem) {
      const notice = document.querySelector('[data-testid="notifications-problem"]');
      showMessage(notice, status.notificationsProblem);
    }
    return status.due;
  } catch {
    return null;
  }
}
