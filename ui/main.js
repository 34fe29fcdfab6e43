// Starts the UI: checks that the data could be opened, loads the journey's
// coaching, then opens Today. Also the keyboard shortcuts.

import { api } from './api.js';
import { takeAskedFirst } from './asked-first.js';
import { byTestId, formatDateTime, showMessage, useCurrency } from './dom.js';
import { loadGuide } from './guide.js';
import { currentView, go, hasUnsaved, refresh, register, setStatus, trackUnsaved } from './nav.js';
import { openIntake } from './views/intake-later.js';
import { redrawToday, showToday, todayIsStale, useTodayAskedFirst } from './views/today.js';
import { refreshReminderCount } from './views/reminders.js';
import { listenForHandedIn } from './handed-in.js';
import { showSyncLine } from './sync-line.js';

trackUnsaved(document.getElementById('view'));

/**
 * A view whose code is loaded the first time it is shown: the window starts
 * with Today's code only, which makes it quicker to open and lighter to keep.
 * Not drawn if the owner moved on while its code was loading.
 */
const later = (load, exported) => async (main, params, context) => {
  const module = await load();
  if (!context.signal.aborted) await module[exported](main, params, context);
};

register('today', showToday);
register('complaints', later(() => import('./views/complaints.js'), 'showComplaints'));
register('complaint', later(() => import('./views/complaint.js'), 'showComplaint'));
register('deleted', later(() => import('./views/deleted.js'), 'showDeleted'));
register('customers', later(() => import('./views/customers.js'), 'showCustomers'));
register('customer', later(() => import('./views/customers.js'), 'showCustomer'));
register('issues', later(() => import('./views/known-issues.js'), 'showKnownIssues'));
register('issue', later(() => import('./views/known-issues.js'), 'showKnownIssue'));
register('improvements', later(() => import('./views/improvements.js'), 'showImprovements'));
register('patterns', later(() => import('./views/patterns.js'), 'showPatterns'));
register('settings', later(() => import('./views/settings.js'), 'showSettings'));
register('report', later(() => import('./views/report.js'), 'showComplaintReport'));
register('period-report', later(() => import('./views/report.js'), 'showPeriodReport'));

/** Why Mend cannot open its data; `recoverable` (the app decides) offers a way out. */
function showProblem(problem, folder, recoverable = false) {
  document.querySelector('.shell').hidden = true;
  const panel = document.getElementById('problem');
  showMessage(byTestId(panel, 'startup-problem-message'), problem.message);
  showMessage(byTestId(panel, 'startup-problem-folder'), folder ? `Data folder: ${folder}` : '');
  panel.hidden = false;
  if (recoverable) offerRecovery(panel);
}

/** A damaged data file is no dead end: restore the latest backup, or start empty. */
async function offerRecovery(panel) {
  const recovery = byTestId(panel, 'recovery');
  const error = byTestId(panel, 'recovery-error');
  const fromBackup = byTestId(panel, 'recover-from-backup');
  const latest = await api.latestBackup().catch(() => null);
  if (latest) {
    fromBackup.hidden = false;
    showMessage(byTestId(panel, 'latest-backup'), `The latest backup is from ${formatDateTime(latest.madeAt)}.`);
  }
  const start = async (from) => {
    showMessage(error, '');
    try {
      await api.recoverData(from);
      window.location.reload();
    } catch (failure) {
      showMessage(error, failure.message);
    }
  };
  fromBackup.addEventListener('click', () => start('latest_backup'));
  byTestId(panel, 'recover-empty').addEventListener('click', () => start('empty'));
  recovery.hidden = false;
}

function listenToShortcuts() {
  document.addEventListener('keydown', (event) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'n') {
      event.preventDefault();
      openIntake();
    } else if (key === 'f' || key === 'k') {
      event.preventDefault();
      if (document.getElementById('intake').open) return;
      if (currentView() === 'complaints') document.querySelector('[data-testid="list-search"]')?.focus();
      else go('complaints', { focusSearch: true });
    }
  });
}

/** The scheduler says when reminders fall due: the count and Today follow. */
function listenToReminders() {
  const listen = window.__TAURI__?.event?.listen;
  if (!listen) return;
  listen('reminders-changed', async () => {
    const due = await refreshReminderCount();
    // Redraw Today when what is due changed, and nothing is being typed there.
    if (currentView() === 'today' && todayIsStale(due) && !document.querySelector('#view :focus') && !hasUnsaved()) redrawToday({ focus: false });
  });
  byTestId(document, 'notifications-problem').addEventListener('click', (event) => { event.currentTarget.hidden = true; });
  // "Open" on a reminder's notification: Mend is in front, at that complaint.
  listen('open-from-notification', ({ payload }) => {
    if (payload?.complaintId) go('complaint', { id: payload.complaintId, from: { name: 'today' } });
    else go('today');
  });
}

/** Sync went round: the sidebar says so, and a view shows what came in. */
function listenToSync() {
  byTestId(document, 'sync-status').addEventListener('click', () => go('settings'));
  window.__TAURI__?.event?.listen('sync-changed', ({ payload: tookIn }) => {
    showSyncLine();
    // Not while the owner is typing there: their work comes first (a
    // button pressed a moment ago is no reason to show old data).
    if (tookIn && !document.querySelector('#view :is(input, textarea, select, [contenteditable]):focus')) refresh();
  });
}

/** Damage found in the data file, or a backup that failed: said until Mend closes. */
function sayHousekeepingProblem(message) {
  if (message) showMessage(byTestId(document, 'housekeeping-problem'), message);
}

/**
 * The system's interface font by its name, where the app can tell it
 * (src-tauri/src/interface_font.rs), before the window's first layout.
 * `system-ui` would be the same font, read from the same settings.
 */
function useInterfaceFont(family) {
  if (!family) return;
  const named = `"${family.replace(/[\\"]/g, '\\$&').replace(/[\n\r\f]/g, ' ')}"`;
  document.documentElement.style.setProperty('--font', `${named}, sans-serif`);
}

async function start() {
  window.__TAURI__?.event?.listen('housekeeping-problem', ({ payload }) => sayHousekeepingProblem(payload));
  // Today's data and the coaching were asked for with the status, not
  // after it (see asked-first.js).
  const askedFirst = takeAskedFirst();
  const statusAsked = askedFirst.status;
  useTodayAskedFirst(askedFirst);
  const guideLoaded = loadGuide(askedFirst.guide);
  guideLoaded.catch(() => {});
  let status;
  try {
    status = await statusAsked;
  } catch (error) {
    showProblem(error);
    return;
  }
  if (status.problem) {
    showProblem(status.problem, status.dataFolder, status.recoverable);
    return;
  }
  try {
    await guideLoaded;
  } catch (error) {
    showProblem(error, status.dataFolder);
    return;
  }
  setStatus(status);
  useInterfaceFont(status.interfaceFont);
  // Money in the owner's currency, chosen or the system's.
  api.getSettings().then((settings) => useCurrency(settings.currency ?? settings.systemCurrency), () => {});
  document.querySelector('.shell').hidden = false;
  for (const button of document.querySelectorAll('.sidebar [data-view]')) {
    button.addEventListener('click', () => go(button.dataset.view));
  }
  byTestId(document, 'new-complaint').addEventListener('click', () => openIntake());
  listenToShortcuts();
  listenToReminders();
  listenForHandedIn();
  listenToSync();
  showSyncLine();
  // Found before the window listened (the listener is set first thing).
  sayHousekeepingProblem(status.housekeepingProblem);
  go('today');
  welcomeIfNew().catch((error) => console.error('The welcome could not be shown', error));
}

/** The welcome on a first start; its code is loaded only then. */
async function welcomeIfNew() {
  if (!(await api.welcomePending().catch(() => false))) return;
  const { welcome } = await import('./views/welcome.js');
  await welcome();
}

start().catch((error) => {
  // A fault in the UI itself: say so plainly rather than show an empty window.
  showProblem({ message: `Mend's window could not start (${error?.message ?? error}). Your data has not been changed.` });
});
