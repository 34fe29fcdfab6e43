// Moving between views. Views switch in memory, never through the address:
// WebKit's WebDriver waits forever on a #fragment change, and a desktop app
// needs no URLs.

const views = new Map();
let current = null;
let appStatus = null;

/** `render(main, params, status)` draws a view into `main`. */
export function register(name, render) {
  views.set(name, render);
}

export function setStatus(status) {
  appStatus = status;
}

/** Sidebar entry that stays highlighted for each view. */
const SECTION = { today: 'today', complaints: 'complaints', complaint: 'complaints', customers: 'customers', customer: 'customers', settings: 'settings', report: 'complaints', 'period-report': 'complaints' };

export function go(name, params = {}) {
  current = { name, params };
  for (const button of document.querySelectorAll('.sidebar [data-view]')) {
    if (button.dataset.view === SECTION[name]) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  const main = document.getElementById('view');
  main.replaceChildren();
  main.scrollTop = 0;
  window.scrollTo(0, 0);
  views.get(name)(main, params, appStatus);
}

/** Draws the current view again, after something changed elsewhere. */
export function refresh() {
  if (current) go(current.name, current.params);
}

export function currentView() {
  return current?.name;
}
