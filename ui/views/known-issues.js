// Known issues: the problems behind several complaints. The list, a new
// one, and each issue's page: what it is, where it stands, its complaints
// (linked and unlinked here too), and once it is fixed, the customers to tell.

import { api } from '../api.js';
import { busy, el, errorLine, field, formatDateTime, formatDay, money, readableDates, showMessage, successLine } from '../dom.js';
import { go } from '../nav.js';
import { complaintRow } from './rows.js';
import { improvementFields, improvementInput } from './improvements.js';
import { tellingCard } from './telling.js';

const TYPING_PAUSE_MS = 200;

const STATUS = {
  open: 'Open',
  being_fixed: 'Being fixed',
  fixed: 'Fixed',
  checked: 'Fixed and checked',
};

/** The buttons that move an issue on (or back), for each status. */
const MOVES = {
  open: [{ to: 'being_fixed', label: 'I am fixing it' }, { to: 'fixed', label: 'It is fixed', primary: true }],
  being_fixed: [{ to: 'fixed', label: 'It is fixed', primary: true }, { to: 'open', label: 'Not being worked on' }],
  fixed: [{ to: 'checked', label: 'The fix works: checked', primary: true }, { to: 'being_fixed', label: 'Not fixed after all' }],
  checked: [{ to: 'being_fixed', label: 'It came back: fix it again' }],
};

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function statusBadge(status) {
  const tone = status === 'open' ? 'overdue' : status === 'being_fixed' ? 'due-today' : 'closed';
  return el('span', { class: `badge ${tone}`, testid: 'issue-status' }, STATUS[status]);
}

/** When its complaints came in: "Dec 2 to Dec 9", or one moment. */
function seenSpan(issue) {
  if (!issue.firstSeen) return 'No complaints linked yet';
  const first = formatDateTime(issue.firstSeen);
  const last = formatDateTime(issue.lastSeen);
  return first === last ? first : `${first} to ${last}`;
}

function seen(issue) {
  return issue.firstSeen ? `Seen ${seenSpan(issue)}` : seenSpan(issue);
}

function issueRow(issue) {
  return el(
    'button',
    { type: 'button', class: 'row', testid: 'issue-item', onclick: () => go('issue', { id: issue.id }) },
    el(
      'span',
      { class: 'row-main' },
      el('span', { class: 'row-title', testid: 'issue-title' }, issue.title),
      el('span', { class: 'row-sub', testid: 'issue-sub' }, `${plural(issue.complaintCount, 'complaint')} · ${seen(issue)}`),
    ),
    el(
      'span',
      { class: 'row-meta' },
      statusBadge(issue.status),
      issue.untold > 0 && ['fixed', 'checked'].includes(issue.status) && el('span', { class: 'badge due-today', testid: 'issue-untold' }, `${issue.untold} to tell`),
      issue.targetDate && !['fixed', 'checked'].includes(issue.status) && el('span', {}, `Target ${formatDay(issue.targetDate)}`),
    ),
  );
}

/** The fields of an issue's text, new or changed. */
function issueFields(issue = {}) {
  return el(
    'div',
    { class: 'fields' },
    field('In a few words', el('input', { name: 'title', testid: 'issue-form-title', value: issue.title ?? '', placeholder: 'e.g. Cake boxes crush in transit' }), { wide: true }),
    field('What customers notice', el('textarea', { name: 'noticed', rows: 2, testid: 'issue-form-noticed' }, issue.noticed ?? ''), { wide: true }),
    field('Its cause, as far as you know', el('textarea', { name: 'cause', rows: 2, testid: 'issue-form-cause' }, issue.cause ?? ''), { wide: true }),
    field('What to tell customers meanwhile (a workaround)', el('textarea', { name: 'workaround', rows: 2, testid: 'issue-form-workaround' }, issue.workaround ?? ''), { wide: true }),
    field('What changed to fix it (told to the customers)', el('textarea', { name: 'whatChanged', rows: 2, testid: 'issue-form-what-changed' }, issue.whatChanged ?? ''), { wide: true }),
    field('Fixed by (optional)', el('input', { type: 'date', name: 'targetDate', testid: 'issue-form-target', value: issue.targetDate ?? '' }), { hint: 'Mend reminds you the day before and on the day.' }),
  );
}

function issueText(form) {
  const values = form.elements;
  return {
    title: values.title.value,
    noticed: values.noticed.value,
    cause: values.cause.value,
    workaround: values.workaround.value,
    whatChanged: values.whatChanged.value,
    targetDate: values.targetDate.value || null,
  };
}

export async function showKnownIssues(main, params, { signal }) {
  const error = errorLine('issues-error');
  const list = el('ul', { class: 'rows', testid: 'issue-list' });
  const formError = errorLine('new-issue-error');
  const save = el('button', { type: 'submit', class: 'primary', testid: 'new-issue-save' }, 'Save the known issue');
  const form = el('form', { class: 'record', novalidate: true, testid: 'new-issue-form' }, el('h3', {}, 'A new known issue'), issueFields(), formError, el('div', { class: 'actions' }, save));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(save, formError, async () => {
      const issue = await api.createKnownIssue(issueText(form));
      go('issue', { id: issue.id });
    });
  });
  main.append(
    el(
      'header',
      { class: 'view-header' },
      el('div', {}, el('h1', {}, 'Known issues'), el('p', { class: 'lead' }, 'Problems behind more than one complaint. Fix each once, then tell everyone it touched.')),
    ),
    error,
    el('section', { class: 'card' }, el('details', {}, el('summary', { testid: 'open-new-issue' }, 'Note a new known issue'), form)),
    el('section', { class: 'card', 'aria-label': 'Known issues' }, list),
  );
  try {
    const issues = await api.listKnownIssues();
    if (signal.aborted) return;
    if (issues.length === 0) {
      list.replaceWith(el(
        'div',
        { class: 'empty', testid: 'issues-empty' },
        el('p', {}, 'No known issues yet.'),
        el('p', { class: 'muted' }, 'When the same problem is behind several complaints (a box that crushes, a courier who is late), note it here or when you close a complaint. Mend gathers its complaints, reminds you of the date you mean to fix it by, and once it is fixed, lists every customer to tell.'),
      ));
      return;
    }
    list.append(...issues.map((issue) => el('li', {}, issueRow(issue))));
  } catch (failure) {
    if (!signal.aborted) showMessage(error, failure.message);
  }
}

export async function showKnownIssue(main, params, { signal }) {
  const error = errorLine('issue-error');
  const back = el('button', { type: 'button', class: 'quiet back', testid: 'back', onclick: () => go('issues') }, '← Back to known issues');
  main.append(back, error);
  try {
    const issue = await api.getKnownIssue(params.id);
    if (signal.aborted) return;
    draw(main, issue, params.notice ?? '', signal);
  } catch (failure) {
    if (!signal.aborted) showMessage(error, failure.message);
  }
}

function draw(main, issue, notice, signal) {
  const saved = (fresh, text) => {
    if (!signal.aborted) draw(main, fresh, text, signal);
  };
  const noticeLine = successLine('issue-saved');
  showMessage(noticeLine, notice);
  const back = el('button', { type: 'button', class: 'quiet back', testid: 'back', onclick: () => go('issues') }, '← Back to known issues');
  const fixed = ['fixed', 'checked'].includes(issue.status);
  main.replaceChildren(
    back,
    header(issue, saved),
    noticeLine,
    ...(fixed ? [tellingCard(issue, saved)] : []),
    complaintsCard(issue, saved),
    changeCard(issue, saved),
    editCard(issue, saved),
    historyCard(issue),
  );
  if (notice) noticeLine.scrollIntoView?.({ block: 'nearest' });
}

function header(issue, saved) {
  const error = errorLine('issue-status-error');
  const facts = [
    ['Status', STATUS[issue.status]],
    ['Complaints', String(issue.complaintCount)],
    ['Seen', seenSpan(issue)],
    ['Remedies cost', money(issue.costCents)],
    ['Fixed by', issue.fixedAt ? `Fixed ${formatDateTime(issue.fixedAt)}` : issue.targetDate ? formatDay(issue.targetDate) : 'No date set'],
    ['Customers notice', issue.noticed || 'Not written yet'],
    ['Tell them meanwhile', issue.workaround || 'No workaround written yet'],
  ];
  return el(
    'header',
    { class: 'view-header issue-header' },
    el(
      'div',
      {},
      el('h1', { testid: 'issue-heading' }, issue.title),
      el('p', { class: 'badges' }, statusBadge(issue.status)),
      el('dl', { class: 'facts', testid: 'issue-facts' }, facts.map(([name, value]) => [el('dt', {}, name), el('dd', { testid: `issue-fact-${name.toLowerCase().replace(/ /g, '-')}` }, value)])),
      error,
    ),
    el(
      'div',
      { class: 'header-actions' },
      MOVES[issue.status].map((move) => el('button', { type: 'button', class: move.primary ? 'primary' : '', testid: `issue-to-${move.to}`, onclick: (event) => busy(event.target, error, async () => {
        const fresh = await api.setKnownIssueStatus(issue.id, move.to);
        saved(fresh, move.to === 'fixed' ? 'Marked fixed. Now tell the customers below.' : `Status: ${STATUS[move.to]}.`);
      }) }, move.label)),
    ),
  );
}

function complaintsCard(issue, saved) {
  const error = errorLine('issue-link-error');
  const search = el('input', { type: 'search', testid: 'issue-link-search', autocomplete: 'off', placeholder: 'A customer, a summary or a reference' });
  const found = el('ul', { class: 'rows', testid: 'issue-link-results' });
  const linked = new Set(issue.complaints.map((complaint) => complaint.id));
  let generation = 0;
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const mine = ++generation;
      const text = search.value.trim();
      if (!text) { found.replaceChildren(); return; }
      try {
        const page = await api.listComplaints({ search: text, status: 'any', limit: 8 });
        if (mine !== generation) return;
        const candidates = page.items.filter((complaint) => !linked.has(complaint.id));
        found.replaceChildren(...(candidates.length
          ? candidates.map((complaint) => el(
            'li',
            { class: 'with-action' },
            complaintRow(complaint, { testid: 'issue-link-candidate', onOpen: () => go('complaint', { id: complaint.id }) }),
            el('button', { type: 'button', testid: 'issue-link', onclick: (event) => busy(event.target, error, async () => {
              saved(await api.linkComplaint(issue.id, complaint.id), `Linked “${complaint.summary}”.`);
            }) }, 'Link'),
          ))
          : [el('li', { class: 'empty', testid: 'issue-link-none' }, 'No other complaint matches.')]));
      } catch (failure) {
        showMessage(error, failure.message);
      }
    }, TYPING_PAUSE_MS);
  });
  const rows = issue.complaints.map((complaint) => el(
    'li',
    { class: 'with-action' },
    complaintRow(complaint, { testid: 'issue-complaint', onOpen: () => go('complaint', { id: complaint.id, from: { name: 'issue', params: { id: issue.id } } }) }),
    el('button', { type: 'button', class: 'quiet', testid: 'issue-unlink', onclick: (event) => busy(event.target, error, async () => {
      await api.unlinkComplaint(complaint.id);
      saved(await api.getKnownIssue(issue.id), `Unlinked “${complaint.summary}”.`);
    }) }, 'Unlink'),
  ));
  const searchField = field('Link a complaint: type to find it', search);
  searchField.classList.add('search');
  return el(
    'section',
    { class: 'card', testid: 'issue-complaints' },
    el('h2', {}, `Its complaints (${issue.complaints.length})`),
    rows.length ? el('ul', { class: 'rows' }, rows) : el('p', { class: 'empty' }, 'No complaint is linked yet. Find one below, or choose this issue when you close a complaint.'),
    searchField,
    found,
    error,
  );
}

/** A change so it does not happen again, planned from here; it joins Improvements. */
function changeCard(issue, saved) {
  const error = errorLine('issue-change-error');
  const save = el('button', { type: 'submit', testid: 'issue-change-save' }, 'Plan it');
  const form = el('form', { class: 'record', novalidate: true, testid: 'issue-change-form' }, improvementFields(), error, el('div', { class: 'actions' }, save));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(save, error, async () => {
      await api.addImprovement(issue.id, improvementInput(form));
      saved(await api.getKnownIssue(issue.id), 'Planned. It is under Improvements, with a reminder when it is due.');
    });
  });
  return el(
    'section',
    { class: 'card' },
    el('details', {}, el('summary', { testid: 'open-issue-change' }, 'Plan a change so it does not happen again'), form),
    el('p', { class: 'muted' }, el('button', { type: 'button', class: 'quiet inline-link', testid: 'issue-improvements', onclick: () => go('improvements') }, 'See every improvement and whether it worked')),
  );
}

function editCard(issue, saved) {
  const error = errorLine('issue-edit-error');
  const save = el('button', { type: 'submit', class: 'primary', testid: 'issue-form-save' }, 'Save');
  const form = el('form', { class: 'record', novalidate: true, testid: 'issue-form' }, el('h3', {}, 'What it is'), issueFields(issue), error, el('div', { class: 'actions' }, save));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(save, error, async () => {
      saved(await api.updateKnownIssue(issue.id, issueText(form)), 'Saved. The history keeps what it said before.');
    });
  });
  return el('section', { class: 'card' }, el('details', {}, el('summary', { testid: 'open-issue-form' }, 'Change what is written about it'), form));
}

function historyCard(issue) {
  return el(
    'section',
    { class: 'card' },
    el(
      'details',
      { testid: 'issue-history' },
      el('summary', {}, el('h2', { class: 'inline' }, `History (${issue.history.length})`)),
      el('ol', { class: 'history' }, issue.history.map((entry) => el('li', { testid: 'issue-history-entry' }, el('time', { dateTime: entry.at }, formatDateTime(entry.at)), ' — You: ', readableDates(entry.what)))),
    ),
  );
}
