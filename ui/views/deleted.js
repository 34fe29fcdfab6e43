// The Deleted list: complaints deleted in the last 30 days, each with the
// day it goes for good and a way to bring it back.

import { api } from '../api.js';
import { busy, el, errorLine, formatDateTime, showMessage, successLine } from '../dom.js';
import { go } from '../nav.js';
import { complaintRow } from './rows.js';

export async function showDeleted(main, params, { signal }) {
  const error = errorLine('deleted-error');
  const done = successLine('deleted-done');
  const list = el('ul', { class: 'rows', testid: 'deleted-list' });
  const empty = el('p', { class: 'empty', testid: 'deleted-empty', hidden: true }, 'Nothing deleted in the last 30 days.');
  main.append(
    el('button', { type: 'button', class: 'quiet back', testid: 'back', onclick: () => go('complaints') }, '← Back to complaints'),
    el('header', { class: 'view-header' }, el('div', {}, el('h1', {}, 'Deleted complaints'), el('p', { class: 'lead' }, 'A deleted complaint stays here for 30 days, left out of every list, Today and the reports. Bring it back, and it is as it was.'))),
    error,
    done,
    el('section', { class: 'card' }, list, empty),
  );

  async function load() {
    const deleted = await api.deletedComplaints();
    if (signal.aborted) return;
    list.replaceChildren(
      ...deleted.map((complaint) => {
        const back = el('button', { type: 'button', testid: 'bring-back', onclick: () => busy(back, error, async () => {
          await api.restoreDeletedComplaint(complaint.id);
          showMessage(done, `Brought back “${complaint.summary}”. It is in the complaints list again.`);
          await load();
        }) }, 'Bring it back');
        return el(
          'li',
          { class: 'row-with-action', testid: 'deleted-item' },
          complaintRow(complaint, { onOpen: () => go('complaint', { id: complaint.id, from: { name: 'deleted' } }) }),
          el('p', { class: 'muted', testid: 'deleted-when' }, `Deleted ${formatDateTime(complaint.deletedAt)} · kept until ${formatDateTime(complaint.keptUntil)}`),
          back,
        );
      }),
    );
    empty.hidden = deleted.length > 0;
  }

  try {
    await load();
  } catch (failure) {
    if (!signal.aborted) showMessage(error, failure.message);
  }
}
