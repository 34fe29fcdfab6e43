// Starts the UI: checks that the data could be opened, then shows the
// complaints, and the view the owner picks in the sidebar.

import { api } from './api.js';
import { byTestId, showMessage } from './dom.js';
import { showComplaints } from './views/complaints.js';
import { showSettings } from './views/settings.js';

const views = { complaints: showComplaints, settings: showSettings };

function show(name, status) {
  for (const button of document.querySelectorAll('.sidebar [data-view]')) {
    if (button.dataset.view === name) button.setAttribute('aria-current', 'page');
    else button.removeAttribute('aria-current');
  }
  views[name](document.getElementById('view'), status);
}

function showProblem(problem, folder) {
  document.querySelector('.shell').hidden = true;
  const panel = document.getElementById('problem');
  showMessage(byTestId(panel, 'startup-problem-message'), problem.message);
  showMessage(byTestId(panel, 'startup-problem-folder'), folder ? `Data folder: ${folder}` : '');
  panel.hidden = false;
}

async function start() {
  let status;
  try {
    status = await api.appStatus();
  } catch (error) {
    showProblem(error);
    return;
  }
  if (status.problem) {
    showProblem(status.problem, status.dataFolder);
    return;
  }
  // Views switch in memory, never through the address: WebKit's WebDriver
  // waits forever on a #fragment change, and a desktop app needs no URLs.
  for (const button of document.querySelectorAll('.sidebar [data-view]')) {
    button.addEventListener('click', () => show(button.dataset.view, status));
  }
  show('complaints', status);
}

start();
