// The sidebar's line about sync: when the last round was, what waits, or
// what is wrong; that it is stopped here. Hidden if sync was never on.

import { api } from './api.js';
import { byTestId, formatDateTime, showMessage } from './dom.js';

/** When sync last went round, and what waits to be sent, in a sentence. */
export function lastRound(shown) {
  const last = shown.lastRoundAt ? `Last synced ${formatDateTime(shown.lastRoundAt)}.` : 'Not synced yet.';
  if (shown.waiting === 0) return last;
  return `${last} ${shown.waiting === 1 ? 'One change waits' : `${shown.waiting} changes wait`} to be sent.`;
}

export async function showSyncLine() {
  const line = byTestId(document, 'sync-status');
  const shown = await api.syncStatus().catch(() => null);
  // Settings, if shown, says the same in full.
  const inSettings = document.querySelector('[data-testid="sync-last"]');
  if (inSettings && shown?.on) inSettings.textContent = lastRound(shown);
  if (!shown?.on) {
    line.classList.remove('problem');
    if (shown?.computerName) showMessage(line, 'Sync stopped');
    else line.hidden = true;
    return;
  }
  line.classList.toggle('problem', Boolean(shown.problem));
  if (shown.problem) showMessage(line, shown.problem.code === 'newer' ? 'Sync paused: update Mend' : 'Sync paused: see Settings');
  else if (shown.waiting > 0) showMessage(line, `Sync: ${shown.waiting === 1 ? 'one change' : `${shown.waiting} changes`} waiting`);
  else showMessage(line, shown.lastRoundAt ? `Synced ${formatDateTime(shown.lastRoundAt)}` : 'Sync: starting');
}
