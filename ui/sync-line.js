// The sidebar's line about sync: when the last round was, what waits, or
// what is wrong. Hidden while sync is off.

import { api } from './api.js';
import { byTestId, formatDateTime, showMessage } from './dom.js';

export async function showSyncLine() {
  const line = byTestId(document, 'sync-status');
  const shown = await api.syncStatus().catch(() => null);
  if (!shown?.on) {
    line.hidden = true;
    return;
  }
  line.classList.toggle('problem', Boolean(shown.problem));
  if (shown.problem) showMessage(line, shown.problem.code === 'newer' ? 'Sync paused: update Mend' : 'Sync paused: see Settings');
  else if (shown.waiting > 0) showMessage(line, `Sync: ${shown.waiting === 1 ? 'one change' : `${shown.waiting} changes`} waiting`);
  else showMessage(line, shown.lastRoundAt ? `Synced ${formatDateTime(shown.lastRoundAt)}` : 'Sync: starting');
}
