// Starts the UI: checks that the data could be opened, then shows the view
// named in the address (#complaints, #settings).

import { api } from './api.js';
import { byTestId, showMessage } from './dom.js';
import { showComplaints } from './views/complaints.js';
import { showSettings } from './views/settings.js';

const views = { complaints: showComplaints, settings: showSettings };

function route(status) {
  const name = location.hash.slice(1);
  const show = views[name] ?? views.complaints;
  for (const link of document.querySelectorAll('.sidebar a')) {
    const current = link.dataset.view === (views[name] ? name : 'complaints');
    if (current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  const main = document.getElementById('view');
  show(main, status);
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
  window.addEventListener('hashchange', () => route(status));
  route(status);
}

start();
