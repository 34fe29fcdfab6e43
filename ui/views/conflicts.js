// "Changed on both computers": a complaint's fields that the owner's two
// computers changed at once. Every value is shown, the one in use first;
// the owner keeps one, and it becomes the value on every computer.

import { api } from '../api.js';
import { busy, el, errorLine, formatDateTime } from '../dom.js';
import { labelOf } from '../guide.js';
import { viewSignal } from '../nav.js';

/** How a value reads, for the fields whose values are codes or instants. */
function readable(field, value) {
  if (value === '') return '(empty)';
  if (field === 'severity') return labelOf('severities', value) ?? value;
  if (field === 'channel') return labelOf('channels', value) ?? value;
  if (field === 'received_at') return formatDateTime(value);
  return value;
}

/** The card, filled in once the conflicts are known (none: nothing shown). */
export function conflictsCard(details, saved) {
  const card = el('section', { class: 'card conflicts', testid: 'sync-conflicts', hidden: true });
  const signal = viewSignal();
  api.complaintConflicts(details.id).then((conflicts) => {
    if (signal.aborted || conflicts.length === 0) return;
    const error = errorLine('sync-conflict-error');
    card.append(
      el('h2', {}, 'Changed on both computers'),
      el('p', { class: 'hint' }, 'Your computers changed these at the same time. Mend shows the first; keep the one that is right, and every computer will show it.'),
      ...conflicts.map((conflict) => el(
        'div',
        { class: 'conflict', testid: 'sync-conflict' },
        el('h3', {}, conflict.label),
        el('ul', {}, conflict.values.map((value, index) => {
          const keep = el('button', { type: 'button', class: index === 0 ? '' : 'primary', testid: 'sync-keep' }, index === 0 ? 'Keep this (shown now)' : 'Keep this instead');
          keep.addEventListener('click', () => busy(keep, error, async () => {
            await api.keepSyncValue(details.id, conflict.field, value);
            saved(await api.getComplaint(details.id), `Kept for “${conflict.label}”.`);
          }));
          return el('li', {}, el('span', { class: 'conflict-value', testid: 'sync-conflict-value' }, readable(conflict.field, value)), ' ', keep);
        })),
      )),
      error,
    );
    card.hidden = false;
  }, () => {});
  return card;
}
