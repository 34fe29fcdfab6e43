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
const SECTION = { today: 'today', complaints: 'complaints', complaint: 'complaints', deleted: 'complaints', customers: 'customers', customer: 'customers', settings: 'settings', report: 'complaints', 'period-report': 'complaints' };

export function go(name, params = {}) {
  leaving.abort();
  leaving = new AbortController();
  current = { name, params };
  for (const button of document.querySelectorAll('.sidebar [data-view]')) {
    if (button.dataset.view === SECTION[name]) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  const main = document.getElementById('view');
  main.replaceChildren();
  main.scrollTop = 0;
  window.scrollTo(0, 0);
  views.get(name)(main, params, { status: appStatus, signal: leaving.signal });
}

/**
 * The signal of the view being drawn now, for the parts of a view built in
 * other modules (a step's form, a card): they keep it and check it after
 * every await, as the view itself does.
 */
export function viewSignal() {
  return leaving.signal;
}

/** Draws the current view again, after something changed elsewhere. */
export function refresh() {
  if (current) go(current.name, current.params);
}

export function currentView() {
  return current?.name;
}
