// Settings: about Mend itself: its version and licence, and the folders of
// its data, its backups and its log, each opened in the file manager.

import { api } from '../api.js';
import { busy, el, errorLine } from '../dom.js';

export async function aboutCard() {
  const about = await api.aboutMend();
  const error = errorLine('about-error');
  const folder = (name, label, path, note) => {
    const open = el('button', { type: 'button', class: 'quiet small', testid: `open-${name}-folder`, 'aria-label': `Open the folder of ${label.toLowerCase()}`, onclick: () => busy(open, error, () => api.openFolder(name)) }, 'Open folder');
    return [
      el('dt', {}, label),
      el('dd', {}, el('span', { class: 'path', testid: `about-${name}-folder` }, path ?? 'Not known on this computer'), ' ', path && open, note && el('span', { class: 'hint about-note' }, note)),
    ];
  };
  return [
    el(
      'dl',
      { class: 'facts about', testid: 'about-mend' },
      el('dt', {}, 'Version'),
      el('dd', { testid: 'about-version' }, about.version),
      el('dt', {}, 'Licence'),
      el('dd', {}, `${about.licence}: free to use, share and change.`),
      folder('data', 'Your data', about.dataFolder),
      folder('backups', 'Backups', about.backupFolder),
      folder('log', 'Log', about.logFolder, 'It helps when something goes wrong, and holds no customer’s name or words.'),
    ),
    error,
  ];
}
