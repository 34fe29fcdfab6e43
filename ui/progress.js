// Long work (an import, an export, a backup, a restore) shows how far it
// has come under its buttons, as the app tells it. Meanwhile every button
// that starts long work waits, so nothing is started twice (the app
// refuses a second start too, in words, whatever asks).

import { el } from './dom.js';

/** Where a card shows the progress of its work; hidden until it runs. */
export function progressLine(testid) {
  return el(
    'div',
    { class: 'progress-line', role: 'status', testid, hidden: true },
    el('span', { class: 'progress-doing', testid: `${testid}-doing` }),
    el('progress', { 'aria-label': 'Progress' }),
  );
}

function megabytes(bytes) {
  return `${(bytes / 1024 / 1024).toLocaleString(undefined, { maximumFractionDigits: 0 })} MB`;
}

/** "Importing the rows: 1,200 of 5,000", or "Checking the backup…" when it cannot tell. */
function describe({ doing, done, total, unit }) {
  if (!total) return `${doing}…`;
  if (unit === 'bytes') return `${doing}: ${megabytes(done)} of ${megabytes(total)}`;
  return `${doing}: ${done.toLocaleString()} of ${total.toLocaleString()}`;
}

function show(line, told) {
  const [doing, bar] = line.children;
  doing.textContent = describe(told);
  if (told.total) {
    bar.max = told.total;
    bar.value = told.done;
  } else {
    bar.removeAttribute('value');
  }
  line.hidden = false;
}

/** Marks a button as one that starts long work. */
export function startsLongWork(button) {
  button.dataset.longWork = '';
  return button;
}

/** Runs `work` (which calls the app) with `line` showing its progress. */
export async function withProgress(line, work) {
  const waiting = [...document.querySelectorAll('[data-long-work]')].filter((button) => !button.disabled);
  for (const button of waiting) button.disabled = true;
  const unlisten = await window.__TAURI__.event.listen('long-work', ({ payload }) => {
    if (!payload.over) show(line, payload);
  });
  try {
    return await work();
  } finally {
    unlisten();
    line.hidden = true;
    for (const button of waiting) button.disabled = false;
  }
}
