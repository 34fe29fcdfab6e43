// The complaints list: search everything written, filter, sort, and load
// more a page at a time.

import { api } from '../api.js';
import { el, errorLine, field, select, showMessage, successLine } from '../dom.js';
import { guide } from '../guide.js';
import { go } from '../nav.js';
import { openIntake } from './intake-later.js';
import { complaintRow } from './rows.js';

const PAGE = 50;

/** The filters survive moving to a complaint and back. */
// The list opens on the open complaints: those are the ones to work on.
const query = { search: '', status: 'open', step: '', categoryId: '', severity: '', overdueOnly: false, sort: 'received', behind: null, behindLabel: '' };

/** Sent from Patterns: exactly the complaints behind a figure, whatever their status. */
function showBehind(params) {
  if (!params.behind) return;
  Object.assign(query, { search: '', status: 'any', step: '', categoryId: '', severity: '', overdueOnly: false, behind: params.behind, behindLabel: params.behindLabel ?? '' });
}

export async function showComplaints(main, params, { signal }) {
  showBehind(params);
  const { steps, severities } = guide();
  const list = el('ul', { class: 'rows', testid: 'complaint-list' });
  const empty = el('p', { class: 'empty', testid: 'complaint-empty', hidden: true });
  const count = el('p', { class: 'muted count-line', testid: 'complaint-count', role: 'status' });
  const error = errorLine('complaint-list-error');
  // Said once, after something done elsewhere (a complaint deleted).
  const notice = successLine('complaints-notice');
  showMessage(notice, params.notice ?? '');
  const more = el('button', { type: 'button', testid: 'complaints-more', onclick: () => load(false) }, 'Show more');
  const moreRow = el('div', { class: 'more', hidden: true }, more);
  let offset = 0;
  let generation = 0;

  const search = el('input', {
    type: 'search',
    testid: 'list-search',
    value: query.search,
    placeholder: 'Search names, summaries, their words, notes…',
    'aria-label': 'Search complaints',
  });
  const categories = select('categoryId', [], { testid: 'filter-category', empty: 'All categories' });
  const toolbar = el(
    'div',
    { class: 'toolbar' },
    el('div', { class: 'field search' }, search),
    field('Status', select('status', [{ value: 'any', label: 'Open and closed' }, { value: 'open', label: 'Open' }, { value: 'closed', label: 'Closed' }], { testid: 'filter-status', value: query.status })),
    field('Next step', select('step', steps.filter((s) => s.step !== 'receive').map((s) => ({ value: s.step, label: s.title })), { testid: 'filter-step', value: query.step, empty: 'Any step' })),
    field('Category', categories),
    field('Severity', select('severity', severities, { testid: 'filter-severity', value: query.severity, empty: 'Any' })),
    field('Sort by', select('sort', [{ value: 'received', label: 'Newest first' }, { value: 'promised', label: 'Promised date' }], { testid: 'sort', value: query.sort })),
    el('label', { class: 'check' }, el('input', { type: 'checkbox', testid: 'filter-overdue', checked: query.overdueOnly, onchange: (event) => { query.overdueOnly = event.target.checked; load(true); } }), 'Overdue only (promised date passed)'),
  );

  const behind = el(
    'div',
    { class: 'behind no-print', testid: 'list-behind', hidden: !query.behind },
    el('p', {}, 'From Patterns: ', el('strong', { testid: 'list-behind-label' }, query.behindLabel)),
    el('div', { class: 'actions' },
      el('button', { type: 'button', testid: 'list-behind-back', onclick: () => go('patterns') }, '← Back to Patterns'),
      el('button', { type: 'button', class: 'quiet', testid: 'list-behind-clear', onclick: () => { query.behind = null; behind.hidden = true; load(true); } }, 'Show all complaints')),
  );
  main.append(
    el(
      'header',
      { class: 'view-header list-header' },
      el('div', {}, el('h1', {}, 'Complaints'), el('p', { class: 'lead' }, 'Every complaint, open and closed. Search finds any word written about them.')),
      el('div', { class: 'header-actions' }, el('button', { type: 'button', testid: 'print-period', onclick: () => go('period-report') }, 'Print a report…'), el('button', { type: 'button', class: 'primary', testid: 'list-new-complaint', onclick: () => openIntake() }, 'New complaint')),
    ),
    notice,
    behind,
    toolbar,
    error,
    el('section', { class: 'card list-card' }, count, list, empty, moreRow),
    el('p', { class: 'muted deleted-link' }, el('button', { type: 'button', class: 'quiet inline-link', testid: 'open-deleted', onclick: () => go('deleted') }, 'Deleted complaints (kept 30 days)')),
  );
  // Opened by Ctrl+F: the cursor goes to the search (after go() focused the view).
  if (params.focusSearch) search.focus();

  for (const pick of toolbar.querySelectorAll('select')) {
    pick.addEventListener('change', () => {
      query[pick.name] = pick.value;
      load(true);
    });
  }
  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      query.search = search.value;
      load(true);
    }, 200);
  });

  /** The count of what matches follows the page, so the page never waits for it. */
  async function showCount(asked, mine) {
    const total = await api.countComplaints(asked).catch(() => null);
    if (signal.aborted || mine !== generation || total === null) return;
    const noun = (n) => `${n.toLocaleString()} complaint${n === 1 ? '' : 's'}`;
    count.textContent = total === 0 ? '' : offset < total ? `Showing ${offset.toLocaleString()} of ${noun(total)}` : noun(total);
  }

  async function load(fresh) {
    const mine = ++generation;
    if (fresh) offset = 0;
    showMessage(error, '');
    try {
      const asked = {
        search: query.search,
        status: query.status,
        step: query.step || null,
        categoryId: query.categoryId ? Number(query.categoryId) : null,
        severity: query.severity || null,
        overdueOnly: query.overdueOnly,
        sort: query.sort,
        offset,
        limit: PAGE,
        behind: query.behind,
      };
      const page = await api.listComplaints(asked);
      // A slower, older answer must not replace a newer one.
      if (signal.aborted || mine !== generation) return;
      const rows = page.items.map((complaint) => el('li', {}, complaintRow(complaint, { onOpen: () => go('complaint', { id: complaint.id, from: { name: 'complaints' } }) })));
      if (fresh) list.replaceChildren(...rows);
      else list.append(...rows);
      offset += page.items.length;
      moreRow.hidden = !page.hasMore;
      showCount(asked, mine);
      const filtered = query.behind || query.search.trim() || query.status !== 'open' || query.step || query.categoryId || query.severity || query.overdueOnly;
      showMessage(empty, offset > 0 ? '' : filtered ? 'No complaint matches. Try fewer words or other filters.' : 'No open complaints right now. Closed ones are under Status: “Open and closed”. When a new one comes in, press “New complaint”.');
    } catch (failure) {
      if (!signal.aborted) showMessage(error, failure.message);
    }
  }

  try {
    const all = await api.listCategories();
    if (signal.aborted) return;
    categories.append(...all.map((category) => el('option', { value: category.id }, category.retired ? `${category.name} (retired)` : category.name)));
    categories.value = query.categoryId;
  } catch (failure) {
    showMessage(error, failure.message);
  }
  await load(true);
}
