// The complaints view: write a new complaint down, and see them all.

import { api } from '../api.js';
import { byTestId, formatDateTime, fromTemplate, showMessage } from '../dom.js';

export function showComplaints(main) {
  main.replaceChildren(fromTemplate('complaints-view'));
  const form = byTestId(main, 'complaint-form');
  const error = byTestId(main, 'complaint-error');
  const saved = byTestId(main, 'complaint-saved');

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showMessage(error, '');
    showMessage(saved, '');
    const button = byTestId(form, 'save-complaint');
    button.disabled = true;
    try {
      const complaint = await api.createComplaint({
        customerName: form.elements.customerName.value,
        summary: form.elements.summary.value,
      });
      form.reset();
      showMessage(saved, `Saved the complaint from ${complaint.customerName}.`);
      form.elements.customerName.focus();
      await loadList(main);
    } catch (failure) {
      showMessage(error, failure.message);
    } finally {
      button.disabled = false;
    }
  });

  form.elements.customerName.focus();
  loadList(main);
}

async function loadList(main) {
  const list = byTestId(main, 'complaint-list');
  const empty = byTestId(main, 'complaint-empty');
  const error = byTestId(main, 'complaint-list-error');
  try {
    const complaints = await api.listComplaints();
    list.replaceChildren(...complaints.map(row));
    empty.hidden = complaints.length > 0;
    showMessage(error, '');
  } catch (failure) {
    showMessage(error, failure.message);
  }
}

function row(complaint) {
  const item = fromTemplate('complaint-row');
  byTestId(item, 'complaint-summary').textContent = complaint.summary;
  byTestId(item, 'complaint-customer').textContent = complaint.customerName;
  const received = byTestId(item, 'complaint-received');
  received.dateTime = complaint.receivedAt;
  received.textContent = formatDateTime(complaint.receivedAt);
  return item;
}
