// Settings: where the data is, its automatic backups, backing up now and
// restoring. The app opens the file dialogs; a cancelled one answers null.

import { api } from '../api.js';
import { askFirst, busy, el, errorLine, formatDateTime, showMessage, stillShown, successLine } from '../dom.js';
import { progressLine, startsLongWork } from '../progress.js';

function size(bytes) {
  return bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

export async function backupsCard() {
  const info = await api.listBackups();
  const done = successLine('backup-done');
  const error = errorLine('backup-error');
  const list = el('ul', { class: 'rows', testid: 'backup-list' });
  const progress = progressLine('backup-progress', ['back_up', 'restore']);

  /** Asks first; `restore` does it and answers where the replaced data was kept. */
  function confirmRestore(restore, label, button) {
    askFirst(button, {
      question: `Replace everything in Mend with the backup from ${label}? What is in Mend now is kept first, in your data folder.`,
      yes: 'Yes, restore it',
      no: 'No, keep what is in Mend',
      testid: 'restore-confirm',
      error,
      onYes: async () => {
        const kept = await restore();
        showMessage(stillShown(done), `Restored the backup from ${label}. What was in Mend before is kept in ${kept}.`);
      },
    });
  }

  list.append(
    ...info.backups.map((backup) => {
      const label = formatDateTime(backup.madeAt);
      const name = backup.path.split(/[\\/]/).pop();
      const restore = startsLongWork(el('button', { type: 'button', testid: 'restore-backup', onclick: () => confirmRestore(() => api.restoreBackup(name), label, restore) }, 'Restore this backup…'));
      return el('li', { class: 'backup-row', testid: 'backup' }, el('span', {}, el('span', { class: 'row-title' }, label), el('span', { class: 'row-sub' }, size(backup.bytes))), restore);
    }),
  );
  const backUpNow = startsLongWork(el('button', { type: 'button', class: 'primary', testid: 'back-up-now', onclick: () => busy(backUpNow, error, async () => {
    showMessage(done, '');
    const saved = await api.backUpNow();
    if (saved) showMessage(stillShown(done), `Saved a backup to ${saved}.`);
  }) }, 'Back up now…'));
  const fromFile = startsLongWork(el('button', { type: 'button', testid: 'restore-from-file', onclick: () => busy(fromFile, error, async () => {
    showMessage(done, '');
    const picked = await api.pickBackupFile();
    if (picked) confirmRestore(() => api.restorePickedBackup(picked.pick), picked.path, fromFile);
  }) }, 'Restore from a file…'));

  return [
    el('p', {}, 'Everything you write in Mend is kept in one file in this folder on your computer. Nothing is sent anywhere.'),
    el('p', { class: 'path', testid: 'data-folder' }, info.dataFolder),
    el('p', {}, 'Mend backs it up when it starts and once a day, into the folder below, and keeps the last 7 days and 4 weeks.'),
    el('p', { class: 'path', testid: 'backup-folder' }, info.backupFolder),
    info.backups.length ? list : el('p', { class: 'empty' }, 'No backups yet.'),
    el('div', { class: 'actions' }, backUpNow, fromFile),
    progress,
    done,
    error,
  ];
}

/** Taking the data out as a spreadsheet or in full, and bringing a full export in. */
export async function exportCard() {
  const done = successLine('export-done');
  const error = errorLine('export-error');
  const progress = progressLine('export-progress', ['export_spreadsheet', 'export_everything', 'import_export']);
  const action = (testid, label, work) => {
    const button = startsLongWork(el('button', { type: 'button', testid, onclick: () => busy(button, error, async () => {
      showMessage(done, '');
      const message = await work();
      if (message) showMessage(stillShown(done), message);
    }) }, label));
    return button;
  };
  const spreadsheet = action('export-csv', 'Export a spreadsheet (CSV)…', async () => {
    const saved = await api.exportCsv();
    if (!saved) return '';
    return `Saved ${saved.complaints} complaint${saved.complaints === 1 ? '' : 's'} to ${saved.path}.`;
  });
  const everything = action('export-json', 'Export everything (JSON)…', async () => {
    const path = await api.exportJson();
    if (!path) return '';
    return `Saved everything to ${path}. Mend can import it again.`;
  });
  const bringIn = action('import-json', 'Import a full export…', async () => {
    const imported = await api.importJson();
    if (!imported) return '';
    return `Imported ${imported.complaints} complaint${imported.complaints === 1 ? '' : 's'} from ${imported.customers} customer${imported.customers === 1 ? '' : 's'}.`;
  });
  return [
    el('p', {}, 'Open your complaints in a spreadsheet, or keep a full copy that Mend can read back, for example on a new computer (it goes into an empty Mend).'),
    el('div', { class: 'actions' }, spreadsheet, everything, bringIn),
    progress,
    done,
    error,
  ];
}
