// Today: what needs the owner now, the most pressing first. One entry per
// complaint, with its due reminders and a button that leads to doing it.

import { api } from '../api.js';
import { el, errorLine, showMessage } from '../dom.js';
import { openIntake } from './intake-later.js';
import { go } from '../nav.js';
import { complaintRow } from './rows.js';
import { refreshReminderCount, reminderRow } from './reminders.js';

const GROUPS = [
  { whys: ['urgent_to_acknowledge'], testid: 'today-urgent', title: 'Urgent: answer these now', lead: 'Health, safety or money is at risk, and the customer has not heard from you yet.' },
  { whys: ['promise_due'], testid: 'today-promises', title: 'Promises due', lead: 'You promised these for today or earlier.' },
  { whys: ['to_acknowledge', 'to_follow_up', 'to_update', 'reminder'], testid: 'today-rest', title: 'Also needs you', lead: 'The oldest first.' },
];

/** What each entry is for, and the button that leads to doing it. */
const WHY = {
  urgent_to_acknowledge: { reason: 'Urgent, not acknowledged yet', action: 'Acknowledge now' },
  promise_due: { reason: 'The promised day has come', action: 'Put it right' },
  to_acknowledge: { reason: 'Not acknowledged yet', action: 'Acknowledge' },
  to_follow_up: { reason: 'Fixed: check it worked', action: 'Follow up' },
  to_update: { reason: 'Nothing sent to them for 3 days or more', action: 'Send an update' },
  reminder: { reason: 'A reminder is due', action: 'Open the complaint' },
};

/** Where to go to do what an entry (or one of its reminders) asks. */
function doIt(entry, reminder) {
  const kind = reminder?.kind;
  if (entry.why === 'to_update' || kind === 'update') {
    go('complaint', { id: entry.complaint.id, contact: 'outgoing', from: { name: 'today' } });
  } else {
    go('complaint', { id: entry.complaint.id, step: reminder?.step ?? entry.step, from: { name: 'today' } });
  }
}

/**
 * How many entries a part of Today shows at first; the rest wait behind
 * "Show all", so that a long absence does not bury the first ones (nor
 * keep Today from coming up quickly).
 */
const SHOWN_AT_FIRST = 10;

/** The parts of Today the owner asked to see whole, kept while they work there. */
let shownWhole = new Set();

/** Draws Today again after something changed on it; parts shown whole stay so. */
export function redrawToday(options) {
  go('today', { again: true }, options);
}

/** The list of a `part` of Today: the first items, and the others on asking. */
function firstFew(part, items, item, listClass = 'rows') {
  const whole = shownWhole.has(part);
  const list = el('ul', { class: listClass }, (whole ? items : items.slice(0, SHOWN_AT_FIRST)).map(item));
  if (!whole && items.length > SHOWN_AT_FIRST) {
    const more = el('li', { class: 'today-more' });
    const all = el('button', { type: 'button', testid: 'today-show-all', onclick: () => {
      shownWhole.add(part);
      more.replaceWith(...items.slice(SHOWN_AT_FIRST).map(item));
    } }, `Show all ${items.length}`);
    more.append(all, el('span', { class: 'muted' }, ` (${items.length - SHOWN_AT_FIRST} more, the least pressing)`));
    list.append(more);
  }
  return list;
}

/** Which due reminders Today shows, to redraw it only when they change. */
let shownReminders = '';

function signature(due) {
  return due?.signature ?? '';
}

/** Whether Today is out of date now that these reminders are due. */
export function todayIsStale(due) {
  return signature(due) !== shownReminders;
}

function entryItem(entry) {
  const why = WHY[entry.why];
  return el(
    'li',
    { class: 'today-entry', testid: 'today-entry' },
    complaintRow(entry.complaint, { testid: 'today-item', onOpen: () => doIt(entry) }),
    el(
      'div',
      { class: 'today-why' },
      el('span', { class: 'muted', testid: 'today-why' }, why.reason),
      el('button', { type: 'button', class: entry.why === 'urgent_to_acknowledge' ? 'primary' : '', testid: 'today-do', onclick: () => doIt(entry) }, why.action),
    ),
    entry.reminders.length > 0 && el(
      'ul',
      { class: 'reminders in-entry' },
      entry.reminders.map((reminder) => {
        // The entry's own button already leads to what this reminder asks.
        const asked = reminder.kind !== 'custom' && (reminder.step === entry.step || (reminder.kind === 'update' && entry.why === 'to_update'));
        return reminderRow(reminder, {
          onChanged: () => redrawToday(),
          canOpen: false,
          withComplaint: false,
          // A reminder of a step is done by doing the step: its button leads there.
          onDo: reminder.kind === 'custom' || asked ? undefined : () => doIt(entry, reminder),
          noDone: asked,
        });
      }),
    ),
  );
}

/** Today's data, asked for as the window started, for its first drawing. */
let early = null;

/** Takes the answers asked for by `asked-first.js`. */
export function useTodayAskedFirst({ reminders, today }) {
  early = Promise.all([refreshReminderCount(reminders), today]);
  early.catch(() => {});
}

export async function showToday(main, params, { signal }) {
  if (!params.again) shownWhole = new Set();
  const error = errorLine('today-error');
  const body = el('div', { class: 'today', testid: 'today-list' });
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
    const asked = early ?? Promise.all([refreshReminderCount(), api.getToday()]);
    early = null;
    const [due, today] = await asked;
    if (signal.aborted) return;
    shownReminders = signature(due);
    for (const group of GROUPS) {
      const entries = today.entries.filter((entry) => group.whys.includes(entry.why));
      if (entries.length === 0) continue;
      body.append(
        el(
          'section',
          { class: group.testid === 'today-urgent' ? 'card urgent-card' : 'card', testid: group.testid },
          el('h2', {}, group.title, ' ', el('span', { class: 'badge' }, entries.length)),
          el('p', { class: 'muted' }, group.lead),
          firstFew(group.testid, entries, entryItem),
        ),
      );
    }
    if (today.ownReminders.length > 0) {
      body.append(
        el(
          'section',
          { class: 'card reminders-due', testid: 'today-own-reminders' },
          el('h2', {}, 'Your own reminders ', el('span', { class: 'badge' }, today.ownReminders.length)),
          firstFew('own', today.ownReminders, (reminder) => reminderRow(reminder, { onChanged: () => redrawToday() }), 'reminders'),
        ),
      );
    }
    if (today.learningReminders.length > 0) {
      body.append(
        el(
          'section',
          { class: 'card reminders-due', testid: 'today-learning' },
          el('h2', {}, 'Known issues and improvements ', el('span', { class: 'badge' }, today.learningReminders.length)),
          firstFew('learning', today.learningReminders, (reminder) => reminderRow(reminder, {
            onChanged: () => redrawToday(),
            // Customers to tell: it goes once each is told, or passed over.
            // An improvement is done, or checked, in Improvements, not here.
            noDone: reminder.kind === 'tell_customers' || Boolean(reminder.improvementId),
            noDismiss: reminder.kind === 'tell_customers',
          }), 'reminders'),
        ),
      );
    }
    if (today.entries.length === 0 && today.ownReminders.length === 0 && today.learningReminders.length === 0) {
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
