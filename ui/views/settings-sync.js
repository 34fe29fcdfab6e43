// Settings: working on two computers. The owner names this computer and
// picks the folder their computers already share; Mend says what turning
// sync on will do before it does it, then how sync is going.

import { api } from '../api.js';
import { askFirst, busy, el, errorLine, field } from '../dom.js';
import { lastRound, showSyncLine } from '../sync-line.js';

const HOW = 'Use Mend on a laptop and a desktop, or with a helper on a second computer. Mend hands your complaints over through a folder your computers already share: one that Syncthing, Dropbox, OneDrive, iCloud Drive or Nextcloud keeps the same on both, or a USB stick you carry between them. No account, no server, and your data stays yours.';

export async function syncCard() {
  const shown = await api.syncStatus();
  const box = el('div', { class: 'sync-card', testid: 'sync-card' });
  draw(box, shown);
  return [el('p', { class: 'hint' }, HOW), box];
}

function draw(box, shown) {
  box.replaceChildren(...(shown.on ? onParts(box, shown) : offParts(box, shown)).filter(Boolean));
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
  parts.push(el('div', { class: 'actions' }, now), error, changeParts(box, shown));
  return parts;
}

/** Another name, another folder, or no sync on this computer for now. */
function changeParts(box, shown) {
  const error = errorLine('sync-change-error');
  const name = nameInput(shown.computerName);
  const saveName = el('button', { type: 'button', testid: 'sync-save-name' }, 'Save the name');
  saveName.addEventListener('click', () => busy(saveName, error, async () => {
    draw(box, await api.renameSyncComputer(name.value));
    showSyncLine();
  }));
  const stop = el('button', { type: 'button', class: 'quiet', testid: 'sync-stop' }, 'Stop syncing on this computer…');
  stop.addEventListener('click', () => askFirst(stop, {
    question: 'Stop syncing on this computer? What you do here is kept, and goes to your other computers when you turn sync on again.',
    yes: 'Stop syncing',
    no: 'Keep syncing',
    testid: 'sync-stop-confirm',
    error,
    onYes: async () => {
      draw(box, await api.stopSync());
      showSyncLine();
    },
  }));
  return el('details', { class: 'sync-change', testid: 'sync-change' },
    el('summary', { testid: 'open-sync-change' }, 'Change the name or the folder, or stop syncing'),
    el('div', { class: 'fields' }, field('Name of this computer', name)),
    el('div', { class: 'actions' }, saveName),
    folderPicker(box, error, { choose: 'Choose another folder…', turnOn: 'Sync through this folder', name: () => name.value }),
    el('div', { class: 'actions' }, stop),
    error);
}

function nameInput(value = '') {
  return el('input', { name: 'computerName', testid: 'sync-computer-name', maxlength: 60, autocomplete: 'off', placeholder: 'e.g. Laptop', value: value ?? '' });
}

/**
 * Picking the shared folder: the system's folder dialog, then what Mend
 * will do with it, said before it is done, and a button to do it.
 */
function folderPicker(box, error, { choose: chooseLabel, turnOn: turnOnLabel, name }) {
  const choose = el('button', { type: 'button', testid: 'sync-choose-folder' }, chooseLabel);
  const preview = el('div', { class: 'sync-preview', testid: 'sync-preview', hidden: true });
  choose.addEventListener('click', () => busy(choose, error, async () => {
    const picked = await api.chooseSyncFolder();
    if (!picked) return;
    const turnOn = el('button', { type: 'button', class: 'primary', testid: 'sync-turn-on' }, turnOnLabel);
    turnOn.addEventListener('click', () => busy(turnOn, error, async () => {
      draw(box, await api.turnOnSync(picked.pick, name()));
      showSyncLine();
    }));
    preview.replaceChildren(
      el('p', { testid: 'sync-what-happens' }, whatHappens(picked)),
      el('div', { class: 'actions' }, turnOn),
    );
    preview.hidden = false;
  }));
  return el('div', {}, el('div', { class: 'actions' }, choose), preview);
}

/** Sync is off: name this computer, pick the folder, see what will happen, turn it on. */
function offParts(box, shown) {
  const error = errorLine('sync-error');
  const name = nameInput(shown.computerName);
  const stopped = shown.computerName
    ? el('p', { testid: 'sync-stopped' }, `Sync is stopped on this computer (“${shown.computerName}”). What you do here is kept, and goes to your other computers when you turn sync on again.`)
    : null;
  const form = el('form', { novalidate: true, onsubmit: (event) => event.preventDefault() },
    el('div', { class: 'fields' }, field('Name of this computer', name, { hint: 'So that you can tell your computers apart, such as “Laptop” or “Shop desktop”.' })),
    folderPicker(box, error, { choose: 'Choose the shared folder…', turnOn: 'Turn on sync', name: () => name.value }),
    error);
  return [stopped, form];
}

function whatHappens(picked) {
  if (picked.thisComputerThere) {
    return `This computer synced through ${picked.folder} before. Mend will pick up where it left off: what you did here meanwhile goes to your other computers, and what they did comes here.`;
  }
  const yours = picked.complaintsHere === 1 ? 'your one complaint' : `your ${picked.complaintsHere} complaints`;
  if (picked.otherComputers === 0) {
    return `No other computer uses ${picked.folder} yet. Mend will put ${yours} there as the starting point; then turn sync on with the same folder on your other computer.`;
  }
  const others = picked.otherComputers === 1 ? 'another computer' : `${picked.otherComputers} other computers`;
  return `Mend found ${others} already syncing through ${picked.folder}. It will add ${yours} to theirs, and theirs to yours: nothing is lost. A customer you entered on both computers will be there twice (Customers can merge the two). If this computer's Mend data was copied from the other computer, do not turn sync on here: its complaints would be there twice.`;
}
