// Improvements: every change made so a problem does not come back, from a
// complaint's lesson or from a known issue, in one place. Each is planned,
// done, then checked some days later: did the complaints of its kind stop?

import { api } from '../api.js';
import { busy, el, errorLine, field, formatDateTime, formatDay, localDay, money, readableDates, showMessage, successLine } from '../dom.js';
import { go } from '../nav.js';

const GROUPS = [
  { stage: 'planned', testid: 'improvements-planned', title: 'To do', empty: 'Nothing planned. When you close a complaint, write what will change; it appears here.' },
  { stage: 'done', testid: 'improvements-done', title: 'Done: did it work?', empty: 'Nothing waiting for its check.' },
  { stage: 'worked', testid: 'improvements-worked', title: 'It worked', empty: 'None checked yet.' },
];

/** The fields of an improvement, new or changed. */
export function improvementFields(improvement = {}) {
  return el(
    'div',
    { class: 'fields' },
    field('What will change', el('textarea', { name: 'what', rows: 2, testid: 'improvement-what' }, improvement.what ?? ''), { wide: true }),
    field('Due by (optional)', el('input', { type: 'date', name: 'dueDate', testid: 'improvement-due', value: improvement.dueDate ?? '' }), { hint: 'Mend reminds you that morning.' }),
    field('What it costs (optional)', el('input', { name: 'cost', inputmode: 'decimal', testid: 'improvement-cost', value: improvement.costCents == null ? '' : (improvement.costCents / 100).toFixed(2) })),
    field('Check it worked after (days)', el('input', { name: 'checkAfterDays', inputmode: 'numeric', testid: 'improvement-check-after', value: improvement.checkAfterDays ?? 30 }), { hint: 'Counted from the day it is done.' }),
  );
}

export function improvementInput(form) {
  const values = form.elements;
  return { what: values.what.value, dueDate: values.dueDate.value || null, cost: values.cost.value, checkAfterDays: values.checkAfterDays.value };
}

/** Where it came from, as a link: its complaint, or its known issue. */
function origin(improvement) {
  const parts = [];
  if (improvement.complaintId) {
    parts.push('From the complaint ', el('button', { type: 'button', class: 'quiet inline-link', testid: 'improvement-complaint', onclick: () => go('complaint', { id: improvement.complaintId, from: { name: 'improvements' } }) }, improvement.complaintSummary));
  }
  if (improvement.knownIssueId) {
    if (parts.length) parts.push(' · ');
    parts.push('Known issue ', el('button', { type: 'button', class: 'quiet inline-link', testid: 'improvement-issue', onclick: () => go('issue', { id: improvement.knownIssueId }) }, improvement.knownIssue));
  }
  if (improvement.cause) parts.push(`${parts.length ? ' · ' : ''}Cause: ${improvement.cause}`);
  return parts.length ? el('p', { class: 'row-sub' }, parts) : null;
}

function facts(improvement) {
  const bits = [
    improvement.dueDate && improvement.stage === 'planned' && `Due ${formatDay(improvement.dueDate)}`,
    improvement.doneDate && `Done ${formatDay(improvement.doneDate)}`,
    improvement.costCents != null && `Cost ${money(improvement.costCents)}`,
    improvement.checkDate && improvement.stage === 'done' && `Check on ${formatDay(improvement.checkDate)}`,
  ].filter(Boolean);
  return bits.length ? el('p', { class: 'row-sub', testid: 'improvement-facts' }, bits.join(' · ')) : null;
}

/** What the check shows: the complaints of its kind since it was done. */
function sinceDone(improvement) {
  if (improvement.sinceDone == null) return 'It names no cause or known issue, so Mend cannot count the complaints of its kind. Judge it yourself.';
  const count = improvement.sinceDone;
  const kind = [improvement.cause && `with the cause “${improvement.cause}”`, improvement.knownIssue && `about “${improvement.knownIssue}”`].filter(Boolean).join(' or ');
  return `Since it was done on ${formatDay(improvement.doneDate)}, ${count === 0 ? 'no complaint' : count === 1 ? '1 complaint' : `${count} complaints`} ${kind} came in.`;
}

function item(improvement, redraw) {
  const error = errorLine('improvement-error');
  const actions = el('div', { class: 'actions' });
  if (improvement.stage === 'planned') {
    const day = el('input', { type: 'date', testid: 'improvement-done-day', value: localDay(), max: localDay(), 'aria-label': 'The day it was done' });
    const done = el('button', { type: 'button', class: 'primary', testid: 'improvement-mark-done', onclick: () => busy(done, error, async () => {
      await api.markImprovementDone(improvement.id, day.value || null);
      redraw(`Done. Mend will ask on ${formatDay(addDays(day.value || localDay(), improvement.checkAfterDays))} whether it worked.`);
    }) }, 'It is done');
    actions.append(field('Done on', day), done);
  } else if (improvement.stage === 'done') {
    const next = el('input', { type: 'date', testid: 'improvement-next-check', name: 'nextCheck', value: addDays(localDay(), 30), min: addDays(localDay(), 1), 'aria-label': 'Check again on' });
    const worked = el('button', { type: 'button', class: 'primary', testid: 'improvement-worked', onclick: () => busy(worked, error, async () => {
      await api.checkImprovement(improvement.id, true, null);
      redraw('Noted: it worked.');
    }) }, 'It worked');
    const notYet = el('button', { type: 'button', testid: 'improvement-not-yet', onclick: () => busy(notYet, error, async () => {
      await api.checkImprovement(improvement.id, false, next.value);
      redraw(`Kept open. Mend will ask again on ${formatDay(next.value)}.`);
    }) }, 'Not yet: check again');
    actions.append(worked, field('Check again on', next), notYet);
  }
  const lines = el('ol', { class: 'history', testid: 'improvement-history' });
  const editError = errorLine('improvement-edit-error');
  const save = el('button', { type: 'submit', testid: 'improvement-save' }, 'Save');
  const form = el('form', { class: 'record', novalidate: true, testid: 'improvement-form' }, improvementFields(improvement), editError, el('div', { class: 'actions' }, save));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(save, editError, async () => {
      await api.updateImprovement(improvement.id, improvementInput(form));
      redraw('Saved. The history keeps what it said before.');
    });
  });
  return el(
    'li',
    { class: `improvement ${improvement.checkDue ? 'check-due' : ''}`, testid: 'improvement' },
    el('p', { class: 'row-title', testid: 'improvement-title' }, improvement.what),
    origin(improvement),
    facts(improvement),
    improvement.stage !== 'planned' && el('p', { class: improvement.checkDue ? 'message warning' : 'muted', testid: 'improvement-since' }, improvement.checkDue ? `Time to check it. ${sinceDone(improvement)}` : sinceDone(improvement)),
    actions.childElementCount > 0 && actions,
    error,
    el('details', { class: 'improvement-more', ontoggle: (event) => { if (event.target.open) showHistory(improvement.id, lines); } }, el('summary', { testid: 'improvement-open-form' }, 'Change it, or see its history'), form, lines),
  );
}

/** Its history, read when the owner opens it. */
async function showHistory(id, lines) {
  try {
    const { history } = await api.getImprovement(id);
    lines.replaceChildren(...history.map((entry) => el('li', { testid: 'improvement-history-entry' }, el('time', { dateTime: entry.at }, formatDateTime(entry.at)), ' — You: ', readableDates(entry.what))));
  } catch (failure) {
    lines.replaceChildren(el('li', { class: 'message error' }, failure.message));
  }
}

/** YYYY-MM-DD plus `days`, on the calendar. */
function addDays(day, days) {
  const [year, month, date] = day.split('-').map(Number);
  const moved = new Date(year, month - 1, date + Number(days));
  return localDay(moved);
}

export async function showImprovements(main, params, { signal }) {
  const error = errorLine('improvements-error');
  const notice = successLine('improvements-notice');
  showMessage(notice, params.notice ?? '');
  const body = el('div', { testid: 'improvements' });
  const formError = errorLine('new-improvement-error');
  const save = el('button', { type: 'submit', class: 'primary', testid: 'new-improvement-save' }, 'Plan it');
  const form = el('form', { class: 'record', novalidate: true, testid: 'new-improvement-form' }, el('h3', {}, 'Plan a change of your own'), improvementFields(), formError, el('div', { class: 'actions' }, save));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(save, formError, async () => {
      await api.addImprovement(null, improvementInput(form));
      go('improvements', { notice: 'Planned.' });
    });
  });
  main.append(
    el('header', { class: 'view-header' }, el('div', {}, el('h1', {}, 'Improvements'), el('p', { class: 'lead' }, 'Every change you make so a problem does not come back, and whether it worked.'))),
    notice,
    error,
    el('section', { class: 'card' }, el('details', {}, el('summary', { testid: 'open-new-improvement' }, 'Plan a change of your own'), form)),
    body,
  );
  try {
    const all = await api.listImprovements();
    if (signal.aborted) return;
    const redraw = (text) => go('improvements', { notice: text });
    for (const group of GROUPS) {
      const items = all.filter((improvement) => improvement.stage === group.stage);
      body.append(el(
        'section',
        { class: 'card', testid: group.testid },
        el('h2', {}, group.title, ' ', el('span', { class: 'badge' }, items.length)),
        items.length ? el('ul', { class: 'improvements' }, items.map((improvement) => item(improvement, redraw))) : el('p', { class: 'empty' }, group.empty),
      ));
    }
  } catch (failure) {
    if (!signal.aborted) showMessage(error, failure.message);
  }
}
