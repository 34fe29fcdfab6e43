// Moving between views. Views switch in memory, never through the address:
// WebKit's WebDriver waits forever on a #fragment change, and a desktop app
// needs no URLs.

const views = new Map();
let current = null;
let appStatus = null;
/** Aborted when the owner leaves the view being shown. */
let leaving = new AbortController();

/**
 * `render(main, params, { status, signal })` draws a view into `main`.
 * `signal` is aborted once the owner has moved to another view: after every
 * await, a view (and each part of it) checks `signal.aborted` and stops, so
 * a late answer never paints over the view the owner is looking at.
 */
export function register(name, render) {
  views.set(name, render);
}

export function setStatus(status) {
  appStatus = status;
}

/** Sidebar entry that stays highlighted for each view. */
const SECTION = { today: 'today', complaints: 'complaints', complaint: 'complaints', deleted: 'complaints', customers: 'customers', customer: 'customers', issues: 'issues', issue: 'issues', improvements: 'improvements', patterns: 'patterns', settings: 'settings', report: 'complaints', 'period-report': 'complaints' };

/**
 * Shows view `name`. A form in the view with changes not saved yet (see
 * `trackUnsaved`) makes Mend ask first; `{ discard: true }` leaves anyway.
 * The focus goes to the new view (a keyboard or screen reader user starts
 * there), unless `{ focus: false }` (a view drawn again by itself).
 * Answers when the view is drawn (its code may load first).
 */
export function go(name, params = {}, { discard = false, focus = true } = {}) {
  const unsaved = discard ? null : unsavedForm();
  if (unsaved) {
    askBeforeLeaving(unsaved, () => go(name, params, { discard: true, focus }));
    return;
  }
  leaving.abort();
  leaving = new AbortController();
  current = { name, params };
  for (const button of document.querySelectorAll('.sidebar [data-view]')) {
    if (button.dataset.view === SECTION[name]) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  const main = document.getElementById('view');
  main.replaceChildren();
  // The window scrolls, not the view (the sidebar stays put). Back to the
  // top lays nothing out when the window is there already; at start, the
  // main area's own scrollTop (never scrolled) laid the whole window out,
  // about 20 ms before Today could be drawn.
  window.scrollTo(0, 0);
  if (focus) main.focus({ preventScroll: true });
  return views.get(name)(main, params, { status: appStatus, signal: leaving.signal });
}

/**
 * The signal of the view being drawn now, for the parts of a view built in
 * other modules (a step's form, a card): they keep it and check it after
 * every await, as the view itself does.
 */
export function viewSignal() {
  return leaving.signal;
}

/**
 * Draws the current view again, after something changed elsewhere; not
 * while the owner has a form there unsaved (their work comes first).
 */
export function refresh() {
  if (current && !unsavedForm()) go(current.name, current.params, { focus: false });
}

/** Whether a form in the view holds changes not saved yet. */
export function hasUnsaved() {
  return unsavedForm() !== null;
}

export function currentView() {
  return current?.name;
}

export function currentParams() {
  return current?.params ?? {};
}

/**
 * A form the owner typed or chose something in is unsaved until `busy()`
 * saves it (or the view is drawn again). Marked here, for every form of
 * every view, so that no form has to remember to.
 */
export function trackUnsaved(main) {
  const mark = (event) => {
    const form = event.target.form ?? event.target.closest?.('form');
    if (form && main.contains(form)) form.dataset.unsaved = '1';
  };
  main.addEventListener('input', mark);
  main.addEventListener('change', mark);
}

function unsavedForm() {
  return document.querySelector('#view form[data-unsaved]');
}

/** What the unsaved form is, in the words of its heading. */
function formTitle(form) {
  const heading = form.querySelector('h2, h3') ?? form.closest('section, details')?.querySelector('h2, summary');
  return heading?.textContent.trim() || 'this form';
}

function askBeforeLeaving(form, leave) {
  const dialog = document.getElementById('leave-ask');
  const stay = dialog.querySelector('[data-testid="leave-stay"]');
  const discard = dialog.querySelector('[data-testid="leave-discard"]');
  dialog.querySelector('[data-testid="leave-question"]').textContent =
    `You have not saved what you wrote in “${formTitle(form)}”. Leave without saving it?`;
  stay.onclick = () => {
    dialog.close();
    form.closest('details')?.setAttribute('open', '');
    form.scrollIntoView?.({ block: 'center' });
    form.querySelector('input, textarea, select')?.focus();
  };
  discard.onclick = () => {
    dialog.close();
    leave();
  };
  dialog.showModal();
  stay.focus();
}
