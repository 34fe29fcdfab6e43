// Settings: working on two computers. The owner names this computer and
// picks the folder their computers already share; Mend says what turning
// sync on will do before it does it, then how sync is going.

import { api } from '../api.js';
import { busy, el, errorLine, field, formatDateTime, showMessage } from '../dom.js';
import { showSyncLine } from '../sync-line.js';

const HOW = 'Use Mend on a laptop and a desktop, or with a helper on a second computer. Mend hands your complaints over through a folder your computers already share: one that Syncthing, Dropbox, OneDrive, iCloud Drive or Nextcloud keeps the same on both, or a USB stick you carry between them. No account, no server, and your data stays yours.';

export async function syncCard() {
  const shown = await api.syncStatus();
  const box = el('div', { class: 'sync-card', testid: 'sync-card' });
  draw(box, shown);
  return [el('p', { class: 'hint' }, HOW), box];
}

function draw(box, shown) {
  box.replaceChildren(...(shown.on ? onParts(box, shown) : offParts(box)));
}

/** Sync is on: as what, through where, how it is going. */
function onParts(box, shown) {
  const error = errorLine('sync-error');
  const now = el('button', { type: 'button', testid: 'sync-now' }, 'Sync now');
  now.addEventListener('click', () => busy(now, error, async () => {
    draw(box, await api.syncNow());
    showSyncLine();
  }));
  const parts = [
    el('p', { testid: 'sync-on' }, `On. This computer is “${shown.computerName}”, and shares your complaints through `, el('span', { class: 'path' }, shown.folder), '.'),
    el('p', { class: 'muted', testid: 'sync-last' }, lastRound(shown)),
  ];
  if (shown.problem) {
    parts.push(el('p', { class: 'message error', role: 'alert', testid: 'sync-problem' }, shown.problem.message));
    if (shown.problem.code === 'copy') {
      const become = el('button', { type: 'button', class: 'primary', testid: 'sync-new-computer' }, 'Make it a computer of its own');
      become.addEventListener('click', () => busy(become, error, async () => {
        draw(box, await api.syncAsNewComputer());
        showSyncLine();
      }));
      parts.push(el('div', { class: 'actions' }, become));
    }
  }
  parts.push(el('div', { class: 'actions' }, now), error);
  return parts;
}

function lastRound(shown) {
  const last = shown.lastRoundAt ? `Last synced ${formatDateTime(shown.lastRoundAt)}.` : 'Not synced yet.';
  if (shown.waiting === 0) return last;
  return `${last} ${shown.waiting === 1 ? 'One change waits' : `${shown.waiting} changes wait`} to be sent.`;
}

/** Sync is off: name this computer, pick the folder, see what will happen, turn it on. */
function offParts(box) {
  const error = errorLine('sync-error');
  const name = el('input', { name: 'computerName', testid: 'sync-computer-name', maxlength: 60, autocomplete: 'off', placeholder: 'e.g. Laptop' });
  const choose = el('button', { type: 'button', testid: 'sync-choose-folder' }, 'Choose the shared folder…');
  const preview = el('div', { class: 'sync-preview', testid: 'sync-preview', hidden: true });
  const form = el('form', { novalidate: true },
    el('div', { class: 'fields' }, field('Name of this computer', name, { hint: 'So that you can tell your computers apart, such as “Laptop” or “Shop desktop”.' })),
    el('div', { class: 'actions' }, choose),
    preview,
    error);
  choose.addEventListener('click', () => busy(choose, error, async () => {
    const picked = await api.chooseSyncFolder();
    if (!picked) return;
    const turnOn = el('button', { type: 'submit', class: 'primary', testid: 'sync-turn-on' }, 'Turn on sync');
    preview.replaceChildren(
      el('p', { testid: 'sync-what-happens' }, whatHappens(picked)),
      el('div', { class: 'actions' }, turnOn),
    );
    preview.hidden = false;
    form.onsubmit = (event) => {
      event.preventDefault();
      busy(turnOn, error, async () => {
        draw(box, await api.turnOnSync(picked.pick, name.value));
        showSyncLine();
      });
    };
  }));
  return [form];
}

function whatHappens(picked) {
  const yours = picked.complaintsHere === 1 ? 'your one complaint' : `your ${picked.complaintsHere} complaints`;
  if (picked.otherComputers === 0) {
    return `No other computer uses ${picked.folder} yet. Mend will put ${yours} there as the starting point; then turn sync on with the same folder on your other computer.`;
  }
  const others = picked.otherComputers === 1 ? 'another computer' : `${picked.otherComputers} other computers`;
  return `Mend found ${others} already syncing through ${picked.folder}. It will add ${yours} to theirs, and theirs to yours: nothing is lost. A customer you entered on both computers will be there twice (Customers can merge the two). If this computer's Mend data was copied from the other computer, do not turn sync on here: its complaints would be there twice.`;
}
