// One complaint's page: where it stands, the step to do with its coaching,
// the timeline of every contact, and the history of every change.

import { AppError, api } from '../api.js';
import { busy, copyable, el, errorLine, field, formatDateTime, formatDay, localInputValue, readableDates, select, showMessage, successLine, toInstant } from '../dom.js';
import { guide, labelOf } from '../guide.js';
import { go } from '../nav.js';
import { statusBadges } from './rows.js';
import { ORDER, stepPanel, stepState } from './step-panel.js';
import { remindersCard } from './reminders.js';
import { contactCorrection, factsCorrection } from './corrections.js';
import { issuePick } from './lesson.js';
import { attachToEntry, entryFiles, filesCard, sayNotAdded } from './files.js';
import { conflictsCard } from './conflicts.js';

export async function showComplaint(main, params, { signal }) {
  const error = errorLine('complaint-error');
  main.append(backButton(params), error);
  try {
    const details = await api.getComplaint(params.id);
    if (signal.aborted) return;
    draw(main, details, params, params.step ?? openingStep(details), params.notice ?? '', signal);
    // Files handed in that could not be kept say why, once.
    if (params.notAdded?.length) sayNotAdded(params.notAdded);
    delete params.notice;
    delete params.notAdded;
    // Sent here to write to the customer (an update that is due): the
    // timeline's form opens, ready for what was sent.
    if (params.contact) openContactForm(main, params.contact);
  } catch (failure) {
    if (!signal.aborted) showMessage(error, failure.message);
  }
}

function openContactForm(main, direction) {
  const form = main.querySelector('[data-testid="contact-form"]');
  if (!form) return;
  form.closest('details').open = true;
  form.elements.direction.value = direction;
  form.scrollIntoView?.({ block: 'center' });
  form.elements.text.focus();
}

function openingStep(details) {
  return details.closedAt ? 'close' : details.step;
}

function backButton(params) {
  const from = params.from ?? { name: 'complaints' };
  const label = { today: 'Back to Today', customer: 'Back to the customer', complaints: 'Back to complaints', deleted: 'Back to the Deleted list', issue: 'Back to the known issue', improvements: 'Back to improvements' }[from.name] ?? 'Back';
  return el('button', { type: 'button', class: 'quiet back', testid: 'back', onclick: () => go(from.name, from.params ?? {}) }, `← ${label}`);
}

function draw(main, details, params, openStep, notice, signal) {
  const redraw = (step, text = '') => draw(main, details, params, step, text, signal);
  // Saved while the owner looked elsewhere: kept, but not drawn over their view.
  const saved = (fresh, text) => {
    if (!signal.aborted) draw(main, fresh, params, openingStep(fresh), text, signal);
  };
  const noticeLine = successLine('step-saved');
  showMessage(noticeLine, notice);
  if (details.deletedAt) {
    main.replaceChildren(backButton(params), deletedBanner(details, saved), header(details, null), atHand(details), timeline(details, saved), filesCard(details, saved), history(details));
    return;
  }
  main.replaceChildren(
    backButton(params),
    header(details, () => redraw('close')),
    conflictsCard(details, saved),
    atHand(details),
    knownIssueLine(details, saved),
    factsCorrection(details, saved),
    noticeLine,
    stepper(details, openStep, redraw),
    stepPanel(details, openStep, saved),
    timeline(details, saved),
    filesCard(details, saved),
    remindersCard(details.id),
    history(details),
  );
  if (notice) noticeLine.scrollIntoView?.({ block: 'nearest' });
}

function header(details, openClose) {
  const customer = el(
    'button',
    { type: 'button', class: 'quiet inline-link', testid: 'complaint-customer-link', onclick: () => go('customer', { id: details.customerId }) },
    details.customerName,
  );
  return el(
    'header',
    { class: 'view-header complaint-header' },
    el(
      'div',
      {},
      el('h1', { testid: 'complaint-heading' }, details.summary),
      el('p', { class: 'lead' }, customer, ` · ${labelOf('channels', details.channel)} · received ${formatDateTime(details.receivedAt)}`, details.writtenLater && el('span', { class: 'written-later', testid: 'written-later' }, ` · written down later, on ${formatDateTime(details.writtenLater)}`)),
      el(
        'p',
        { class: 'badges', testid: 'complaint-badges' },
        statusBadges(details),
        details.isPublic && el('span', { class: 'badge public' }, 'In public'),
        details.category && el('span', { class: 'badge closed' }, details.category),
      ),
    ),
    el(
      'div',
      { class: 'header-actions' },
      !details.deletedAt && el('button', { type: 'button', testid: 'print-complaint', onclick: () => go('report', { id: details.id }) }, 'Print or save as PDF…'),
      // Closing before the journey's end needs a reason: the button says so.
      !details.closedAt && !details.deletedAt && el('button', { type: 'button', testid: 'close-complaint', onclick: openClose }, details.step === 'close' ? 'Close and learn…' : 'Close early, with a reason…'),
    ),
  );
}

/**
 * What the owner needs in view during a call, on every step: what the
 * customer wants, the reference, how to reach them, how serious it is, and
 * the promise made.
 */
function atHand(details) {
  const { customer } = details;
  const reach = [
    customer.phone && copyable(customer.phone, 'at-hand-phone'),
    customer.email && copyable(customer.email, 'at-hand-email'),
  ].filter(Boolean);
  const promise = details.promisedDate
    ? `${formatDay(details.promisedDate)}${details.overdue ? ' (late)' : details.dueToday ? ' (today)' : ''}`
    : 'None yet';
  const facts = [
    ['They want', details.desiredOutcome || 'Not asked yet: ask them what would put it right.'],
    ['Reference', details.reference || 'None'],
    ['Reach them', reach.length ? reach : 'No phone or email noted'],
    ['How serious', labelOf('severities', details.severity)],
    ['Promised', promise],
  ];
  return el(
    'section',
    { class: 'card at-hand', testid: 'at-hand', 'aria-label': 'At hand during a call' },
    el('dl', { class: 'facts' }, facts.map(([name, value]) => [el('dt', {}, name), el('dd', { testid: `at-hand-${name.toLowerCase().replace(' ', '-')}` }, value)])),
  );
}

/** The known issue it belongs to, or a way to link it to one. */
function knownIssueLine(details, saved) {
  const error = errorLine('complaint-issue-error');
  if (details.knownIssueId) {
    const open = el('button', { type: 'button', class: 'quiet inline-link', testid: 'complaint-issue-link', onclick: () => go('issue', { id: details.knownIssueId }) }, details.knownIssue);
    const unlink = el('button', { type: 'button', class: 'quiet small', testid: 'complaint-issue-unlink', onclick: () => busy(unlink, error, async () => {
      saved(await api.setComplaintIssue(details.id, {}), `No longer part of “${details.knownIssue}”.`);
    }) }, 'Unlink');
    return el('p', { class: 'issue-line', testid: 'complaint-issue' }, 'Part of the known issue ', open, ' ', unlink, error);
  }
  const issue = issuePick('complaint-issue-pick');
  const link = el('button', { type: 'submit', testid: 'complaint-issue-save' }, 'Link it');
  const form = el('form', { class: 'record', novalidate: true, testid: 'complaint-issue-form' }, el('div', { class: 'fields' }, issue.fields), error, el('div', { class: 'actions' }, link));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    busy(link, error, async () => {
      const choice = issue.choice();
      if (!choice.knownIssueId && !choice.newKnownIssue.trim()) throw new AppError('no_issue', 'Please choose a known issue, or name a new one.');
      const linked = await api.setComplaintIssue(details.id, choice);
      saved(linked, `Linked to the known issue “${linked.knownIssue}”.`);
    });
  });
  return el('details', { class: 'issue-line', testid: 'complaint-issue' }, el('summary', { testid: 'open-complaint-issue' }, 'Part of a known issue? Link it'), form);
}

function stepper(details, openStep, open) {
  return el(
    'nav',
    { class: 'stepper', 'aria-label': 'Steps' },
    el(
      'ol',
      {},
      ORDER.map((step, index) => {
        const state = stepState(details, step);
        const coaching = guide().steps.find((c) => c.step === step);
        return el(
          'li',
          {},
          el(
            'button',
            { type: 'button', class: `step ${state}`, testid: `step-tab-${step}`, 'aria-current': step === openStep ? 'step' : false, dataset: { state }, onclick: () => open(step) },
            el('span', { class: 'step-number', 'aria-hidden': 'true' }, state === 'done' ? '✓' : String(index + 1)),
            el('span', { class: 'step-name' }, coaching.title),
          ),
        );
      }),
    ),
  );
}

function timeline(details, saved) {
  const { directions, channels } = guide();
  const error = errorLine('contact-error');
  const add = el('button', { type: 'submit', testid: 'add-contact' }, 'Add to the timeline');
  const form = el(
    'form',
    { class: 'record', novalidate: true, testid: 'contact-form' },
    el(
      'div',
      { class: 'fields three' },
      field('What', select('direction', directions, { testid: 'contact-direction', value: 'outgoing' })),
      field('How', select('channel', channels, { testid: 'contact-channel', value: details.channel })),
      field('When', el('input', { type: 'datetime-local', name: 'at', testid: 'contact-at', value: localInputValue(), max: localInputValue() })),
      field('What was said or noted', el('textarea', { name: 'text', rows: 3, testid: 'contact-text' }), { wide: true }),
    ),
    error,
    el('div', { class: 'actions' }, add),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const values = form.elements;
    busy(add, error, async () => {
      await api.addContact(details.id, { direction: values.direction.value, channel: values.channel.value, at: toInstant(values.at.value), text: values.text.value });
      const fresh = await api.getComplaint(details.id);
      saved(fresh, 'Added to the timeline.');
    });
  });
  const entries = details.timeline.map((contact) => {
    const entry = el(
      'li',
      { class: `contact ${contact.direction}`, testid: 'timeline-entry' },
      el('p', { class: 'contact-meta' }, el('strong', {}, labelOf('directions', contact.direction)), ` · ${labelOf('channels', contact.channel)} · `, el('time', { dateTime: contact.at }, formatDateTime(contact.at))),
      el('p', { class: 'pre', testid: 'timeline-text' }, contact.text),
      entryFiles(details, contact),
    );
    if (!details.deletedAt) entry.querySelector('.contact-meta').append(' ', contactCorrection(details, contact, entry, saved), ' ', attachToEntry(details, contact, saved));
    return entry;
  });
  return el(
    'section',
    { class: 'card', testid: 'timeline' },
    el('h2', {}, 'Timeline'),
    entries.length ? el('ol', { class: 'timeline' }, entries) : el('p', { class: 'empty' }, 'No contact yet.'),
    !details.deletedAt && el('details', { class: 'add-contact' }, el('summary', { testid: 'open-contact-form' }, 'Add a call, a message or a note'), form),
    !details.deletedAt && emailToTimeline(details, saved),
  );
}

/** An email they sent about it, from its .eml file, as a message from them. */
function emailToTimeline(details, saved) {
  const error = errorLine('timeline-email-error');
  const add = el('button', { type: 'button', class: 'quiet', testid: 'timeline-email', onclick: () => busy(add, error, async () => {
    const added = await api.addEmailToComplaint(details.id);
    if (!added) return;
    saved(await api.getComplaint(details.id), 'Added their email to the timeline.');
    sayNotAdded(added.notKept);
  }) }, 'Add an email they sent (.eml)…');
  return el('div', { class: 'timeline-email' }, add, error);
}

/** A deleted complaint's page says so first, and offers to bring it back. */
function deletedBanner(details, saved) {
  const error = errorLine('restore-deleted-error');
  const back = el('button', { type: 'button', class: 'primary', testid: 'restore-deleted', onclick: () => busy(back, error, async () => {
    await api.restoreDeletedComplaint(details.id);
    saved(await api.getComplaint(details.id), 'Brought back from the Deleted list, as it was.');
  }) }, 'Bring it back');
  return el(
    'section',
    { class: 'confirm deleted-banner', testid: 'deleted-banner', role: 'status' },
    el('p', {}, `This complaint was deleted on ${formatDateTime(details.deletedAt)}. It can be brought back until ${formatDateTime(details.keptUntil)}; after that it is cleared for good.`),
    error,
    el('div', { class: 'actions' }, back),
  );
}

function history(details) {
  return el(
    'section',
    { class: 'card' },
    el(
      'details',
      { testid: 'history' },
      el('summary', {}, el('h2', { class: 'inline' }, `History (${details.history.length})`)),
      el('p', { class: 'muted' }, 'Every change to this complaint, as it happened. Mend never edits or deletes it.'),
      el('ol', { class: 'history' }, details.history.map((entry) => el('li', { testid: 'history-entry' }, el('time', { dateTime: entry.at }, formatDateTime(entry.at)), ' — ', entry.who === 'owner' ? 'You: ' : `${entry.who}: `, readableDates(entry.what)))),
    ),
  );
}
