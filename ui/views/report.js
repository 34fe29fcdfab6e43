// Printable reports: one complaint from start to finish, and every complaint
// of a period. A clean page for the system's print window, or saved as a
// PDF straight to a file (the app prints the page as it would on paper).

import { api } from '../api.js';
import { busy, el, errorLine, field, formatDateTime, formatDay, localDay, showMessage, successLine } from '../dom.js';
import { labelOf, stepTitle } from '../guide.js';
import { go } from '../nav.js';
import { recordedLines } from './records.js';

function toolbar(back, backLabel) {
  const error = errorLine('print-error');
  const done = successLine('print-done');
  // The file is named after the report's title, as the page shows it.
  const title = () => document.querySelector('[data-testid="report-title"]')?.textContent ?? 'Mend report';
  const print = el('button', { type: 'button', testid: 'print', onclick: () => busy(print, error, async () => {
    showMessage(done, '');
    const printed = await api.printReport();
    showMessage(done, printed === 'printed' ? 'Sent to the printer.' : '');
    // ('shown': the system's print window took it from there.)
  }) }, 'Print…');
  const pdf = el('button', { type: 'button', class: 'primary', testid: 'save-pdf', onclick: () => busy(pdf, error, async () => {
    showMessage(done, '');
    const path = await api.saveReportPdf(title());
    if (path) showMessage(done, `Saved the report as ${path}.`);
  }) }, 'Save as PDF…');
  return el(
    'div',
    { class: 'no-print' },
    el('div', { class: 'report-toolbar' }, el('button', { type: 'button', class: 'quiet', testid: 'back', onclick: back }, `← ${backLabel}`), el('span', { class: 'toolbar-actions' }, print, pdf)),
    error,
    done,
  );
}

async function letterhead() {
  const settings = await api.getSettings().catch(() => ({}));
  return el('p', { class: 'report-from' }, [settings.businessName, settings.ownerName].filter(Boolean).join(' · ') || 'Mend');
}

export async function showComplaintReport(main, params, { signal }) {
  const error = errorLine('report-error');
  main.append(toolbar(() => go('complaint', { id: params.id }), 'Back to the complaint'), error);
  try {
    const details = await api.getComplaint(params.id);
    const from = await letterhead();
    if (signal.aborted) return;
    const facts = [
      ['Customer', [details.customer.name, details.customer.email, details.customer.phone].filter(Boolean).join(' · ')],
      ['Received', `${formatDateTime(details.receivedAt)} · ${labelOf('channels', details.channel)}${details.isPublic ? ' (in public)' : ''}`],
      ['Category', details.category],
      ['Severity', labelOf('severities', details.severity)],
      ['Reference', details.reference],
      ['Their own words', details.customerWords],
      ['Outcome wanted', details.desiredOutcome],
      ['Where it stands', details.closedAt ? `Closed on ${formatDateTime(details.closedAt)}` : `Next: ${stepTitle(details.step)}`],
      ['Promised by', details.promisedDate && formatDay(details.promisedDate)],
      ['Cause', details.closedAt && (details.cause ?? 'Not recorded')],
    ];
    main.append(
      el(
        'article',
        { class: 'report', testid: 'complaint-report' },
        from,
        el('h1', { testid: 'report-title' }, details.summary),
        el('dl', { class: 'facts' }, facts.filter(([, value]) => value).map(([name, value]) => [el('dt', {}, name), el('dd', { class: 'pre' }, value)])),
        el('h2', {}, 'Steps'),
        details.records.length
          ? details.records.map((record) => el('section', { class: 'report-step' }, el('h3', {}, stepTitle(record.step)), recordedLines(record)))
          : el('p', {}, 'No step recorded yet.'),
        el('h2', {}, 'Timeline'),
        el('ol', { class: 'report-timeline' }, details.timeline.map((contact) => el('li', {}, el('strong', {}, `${formatDateTime(contact.at)} · ${labelOf('directions', contact.direction)} · ${labelOf('channels', contact.channel)}`), el('p', { class: 'pre' }, contact.text)))),
        details.attachments.length > 0 && [
          el('h2', {}, 'Photos and files'),
          el('ul', { testid: 'report-files' }, details.attachments.map((file) => el('li', {}, `${file.name} (${file.sizeInWords}), added ${formatDateTime(file.addedAt)}`))),
        ],
        el('p', { class: 'report-printed muted' }, `Printed ${formatDateTime(new Date().toISOString())}`),
      ),
    );
  } catch (failure) {
    if (!signal.aborted) showMessage(error, failure.message);
  }
}

export async function showPeriodReport(main, params, { signal }) {
  const today = localDay();
  const from = el('input', { type: 'date', testid: 'report-from', value: params.from ?? `${today.slice(0, 8)}01` });
  const to = el('input', { type: 'date', testid: 'report-to', value: params.to ?? today });
  const error = errorLine('report-error');
  const body = el('div', { testid: 'period-report' });
  const show = el('button', { type: 'button', testid: 'report-show', onclick: () => go('period-report', { from: from.value, to: to.value }) }, 'Show these days');
  main.append(
    toolbar(() => go('complaints'), 'Back to complaints'),
    el('div', { class: 'toolbar no-print' }, field('From', from), field('To', to), show),
    error,
    body,
  );
  try {
    const complaints = await api.periodReport(from.value, to.value);
    const sender = await letterhead();
    if (signal.aborted) return;
    const open = complaints.filter((c) => !c.closedAt).length;
    body.append(
      el(
        'article',
        { class: 'report', testid: 'period-report-page' },
        sender,
        el('h1', {}, `Complaints received from ${formatDay(from.value)} to ${formatDay(to.value)}`),
        el('p', { testid: 'report-counts' }, `${complaints.length} complaint${complaints.length === 1 ? '' : 's'}: ${complaints.length - open} closed, ${open} open.`),
        el(
          'table',
          { class: 'report-table' },
          el('thead', {}, el('tr', {}, ['Received', 'Customer', 'Summary', 'Category', 'Severity', 'Where it stands'].map((name) => el('th', { scope: 'col' }, name)))),
          el('tbody', {}, complaints.map((c) => el('tr', { testid: 'report-row' },
            el('td', {}, formatDateTime(c.receivedAt)),
            el('td', {}, c.customerName),
            el('td', { class: 'summary' }, c.summary),
            el('td', {}, c.category ?? ''),
            el('td', {}, labelOf('severities', c.severity)),
            el('td', {}, c.closedAt ? 'Closed' : `Next: ${stepTitle(c.step)}`),
          ))),
        ),
      ),
    );
  } catch (failure) {
    if (!signal.aborted) showMessage(error, failure.message);
  }
}
