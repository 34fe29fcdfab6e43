// Files handed to Mend from outside (dropped on the window, or opened with
// Mend): on a complaint's page they go to that complaint (an email onto
// its timeline); anywhere else, or while a new complaint is being written,
// they go to the new complaint. The app keeps the files; the page names
// which handing-in it takes by its number.

import { api } from './api.js';
import { currentParams, currentView, go, hasUnsaved } from './nav.js';
import { keptWords, sayInFilesCard, sayNotAdded } from './views/files.js';
import { openWithHandedIn } from './views/intake.js';

async function takeIn({ pick }) {
  const writing = document.getElementById('intake').open;
  const complaintId = currentView() === 'complaint' ? currentParams().id : null;
  if (writing || !complaintId) {
    try {
      await openWithHandedIn(await api.handInForNewComplaint(pick));
    } catch (failure) {
      await openWithHandedIn({ emails: [], files: [], problems: [failure.message] });
    }
    return;
  }
  let taken;
  try {
    taken = await api.handInOntoComplaint(pick, complaintId);
  } catch (failure) {
    sayNotAdded([failure.message]);
    return;
  }
  const said = [];
  if (taken.emails) said.push(`Added ${taken.emails === 1 ? 'their email' : `${taken.emails} emails`} to the timeline.`);
  if (taken.files.length) said.push(keptWords(taken.files, 'with the complaint'));
  if (hasUnsaved()) {
    // Their typing comes first: the page is not drawn again under it.
    const notAdded = taken.problems.length ? ` Not added: ${taken.problems.join(' ')}` : '';
    sayInFilesCard(`${said.join(' ')} They show here once you save or leave what you are writing.${notAdded}`);
    return;
  }
  go('complaint', { ...currentParams(), notice: said.join(' '), notAdded: taken.problems });
}

/** Takes in files as they are handed in, and those Mend was started with. */
export function listenForHandedIn() {
  const listen = window.__TAURI__?.event?.listen;
  if (!listen) return;
  listen('files-handed-in', ({ payload }) => {
    if (payload?.pick) takeIn(payload);
  });
  api.handedInWaiting().then((waiting) => waiting && takeIn(waiting), () => {});
}
