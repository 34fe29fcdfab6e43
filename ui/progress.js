// Long work (an import, an export, a backup, a restore) shows how far it
// has come in a bar under its buttons, as the app tells it. Meanwhile every
// button that starts long work waits, so nothing is started twice (the app
// refuses a second start too, in words, whatever asks). The state lives
// here, not in a view: a Settings drawn again while the work runs (the
// owner looked elsewhere and came back) shows the bar and waits too.

import { el } from './dom.js';

/** The last report of the work running, or null. */
let running = null;
/** The progress lines drawn, each with the works it shows. */
const lines = new Map();

function megabytes(bytes) {
  const size = bytes / 1024 / 1024;
  return `${size.toLocaleString(undefined, { maximumFractionDigits: size < 10 ? 1 : 0 })} MB`;
}

/** "Importing the rows: 1,200 of 5,000", or "Checking the backup…" when it cannot tell. */
function describe({ doing, done, total, unit }) {
  if (!total) return `${doing}…`;
  if (unit === 'bytes') return `${doing}: ${megabytes(done)} of ${megabytes(total)}`;
  return `${doing}: ${done.toLocaleString()} of ${total.toLocaleString()}`;
}

function draw(line, works) {
  if (!running || !works.includes(running.work)) {
    line.hidden = true;
    return;
  }
  const [doing, bar] = line.children;
  doing.textContent = describe(running);
  if (running.total) {
    bar.max = running.total;
    bar.value = running.done;
  } else {
    bar.removeAttribute('value');
  }
  line.hidden = false;
}

function redraw() {
  for (const [line, works] of lines) {
    if (line.isConnected) draw(line, works);
    else lines.delete(line);
  }
  for (const button of document.querySelectorAll('[data-long-work]')) button.disabled = Boolean(running);
}

window.__TAURI__.event.listen('long-work', ({ payload }) => {
  running = payload.over ? null : payload;
  redraw();
});

/**
 * Where a card shows the progress of its `works` (as the app names them:
 * 'back_up', 'restore', 'export_everything'…); hidden while none runs.
 */
export function progressLine(testid, works) {
  const line = el(
    'div',
    { class: 'progress-line', role: 'status', testid, hidden: true },
    el('span', { class: 'progress-doing', testid: `${testid}-doing` }),
    el('progress', { 'aria-label': 'Progress' }),
  );
  lines.set(line, works);
  draw(line, works);
  return line;
}

/** Marks a button as one that starts long work: it waits while any runs. */
export function startsLongWork(button) {
  button.dataset.longWork = '';
  button.disabled = Boolean(running);
  return button;
}
