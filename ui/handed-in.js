// Files handed to Mend from outside (dropped on the window, or opened with
// Mend): on a complaint's page they go to that complaint (an email onto
// its timeline); anywhere else, or while a new complaint is being written,
// they go to the new complaint. The app keeps the files; the page names
// which handing-in it takes by its number.

import { api } from './api.js';
import { currentParams, currentView, go, hasUnsaved } from './nav.js';
import { openWithHandedIn } from './views/intake-later.js';

// The files card's words, loaded with the first handing-in.
const files = () => import('./views/files.js');

/** One handing-in at a time: a second waits for the first to be in the window. */
let turns = Promise.resolve();

function takeIn(handed) {
  turns = turns.then(() => takeInNow(handed)).catch(() => {});
}

async function takeInNow({ pick }) {
  const writing = document.getElementById('intake').open;
  const complaintId = currentView() === 'complaint' ? currentParams().id : null;
  if (writing || !complaintId) {
    let taken;
    try {
      taken = await api.handInForNewComplaint(pick);
    } catch (failure) {
      // Taken already (as Mend started, told twice): nothing is missing.
      if (failure.code === 'handed_in') return;
      taken = { emails: [], files: [], problems: [failure.message] };
    }
    await openWithHandedIn(taken);
    return;
  }
  let taken;
  try {
    taken = await api.handInOntoComplaint(pick, complaintId);
  } catch (failure) {
    if (failure.code !== 'handed_in') (await files()).sayNotAdded([failure.message]);
    return;
  }
  const { keptWords, sayInFilesCard } = await files();
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
  api.handedInWaiting().then((waiting) => waiting.forEach(takeIn), () => {});
}
