// Patterns: what keeps going wrong, for a period beside the one before it.
// Every figure is computed by the core; every value of this period opens
// the complaints behind it; every chart has a table with the same figures.

import { api } from '../api.js';
import { busy, el, errorLine, field, formatDay, localDay, money, select, showMessage, successLine } from '../dom.js';
import { go } from '../nav.js';
import { barChart, loadCharts } from './charts.js';

const PERIODS = [
  { value: 'last30_days', label: 'The last 30 days', words: 'the last 30 days' },
  { value: 'last90_days', label: 'The last 90 days', words: 'the last 90 days' },
  { value: 'last12_months', label: 'The last 12 months', words: 'the last 12 months' },
  { value: 'between', label: 'From… to…', words: '' },
];

/** The period chosen last, kept while the owner looks at complaints and back. */
let chosen = { kind: 'last90_days' };

function periodWords(period, span) {
  const known = PERIODS.find((choice) => choice.value === period.kind);
  return period.kind === 'between' ? `${formatDay(span.from)} to ${formatDay(span.to)}` : known.words;
}

/** Hours as people say them: "40 minutes", "5 hours", "3 days". */
export function duration(hours) {
  if (hours == null) return '—';
  if (hours < 1) return `${Math.max(1, Math.round(hours * 60))} minutes`;
  if (hours < 48) return `${Math.round(hours * 10) / 10} hours`;
  return `${Math.round((hours / 24) * 10) / 10} days`;
}

function percent(part, whole) {
  return whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`;
}

export async function showPatterns(main, params, { signal }) {
  const error = errorLine('patterns-error');
  const saved = successLine('patterns-saved');
  saved.classList.add('no-print');
  const body = el('div', { class: 'patterns', testid: 'patterns' });
  const kind = select('kind', PERIODS, { testid: 'patterns-period', value: chosen.kind });
  const from = el('input', { type: 'date', name: 'from', testid: 'patterns-from', value: chosen.from ?? '', max: localDay() });
  const to = el('input', { type: 'date', name: 'to', testid: 'patterns-to', value: chosen.to ?? localDay() });
  const between = el('div', { class: 'between', hidden: chosen.kind !== 'between' }, field('From', from), field('To', to));
  const show = el('button', { type: 'submit', testid: 'patterns-show' }, 'Show');
  const form = el('form', { class: 'toolbar patterns-period no-print', novalidate: true, testid: 'patterns-form' }, field('Period', kind), between, show);
  kind.addEventListener('change', () => {
    between.hidden = kind.value !== 'between';
    if (kind.value !== 'between') form.requestSubmit();
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const asked = kind.value === 'between' ? { kind: 'between', from: from.value, to: to.value } : { kind: kind.value };
    busy(show, error, async () => {
      const [patterns] = await Promise.all([api.getPatterns(asked), loadCharts()]);
      if (signal.aborted) return;
      chosen = asked;
      delete form.dataset.unsaved;
      draw(body, patterns, asked);
    });
  });
  const actions = el(
    'div',
    { class: 'header-actions no-print' },
    el('button', { type: 'button', testid: 'patterns-print', onclick: (event) => busy(event.target, error, () => api.printReport()) }, 'Print…'),
    el('button', { type: 'button', testid: 'patterns-pdf', onclick: (event) => busy(event.target, error, async () => {
      const path = await api.saveReportPdf(`Mend patterns ${localDay()}`);
      if (path) showMessage(saved, `Saved Patterns as ${path}.`);
    }) }, 'Save as PDF…'),
    el('button', { type: 'button', testid: 'patterns-csv', onclick: (event) => busy(event.target, error, async () => {
      const file = await api.exportPatternsCsv(chosen);
      if (file) showMessage(saved, `Saved the figures (${file.rows} rows) as ${file.path}.`);
    }) }, 'Save the figures (CSV)…'),
  );
  main.append(
    el('header', { class: 'view-header' }, el('div', {}, el('h1', {}, 'Patterns'), el('p', { class: 'lead' }, 'What keeps going wrong, and whether it is getting better. Each figure sits beside the period before; click one to see the complaints behind it.')), actions),
    form,
    error,
    saved,
    body,
  );
  try {
    const [patterns] = await Promise.all([api.getPatterns(chosen), loadCharts()]);
    if (signal.aborted) return;
    draw(body, patterns, chosen);
  } catch (failure) {
    if (!signal.aborted) showMessage(error, failure.message);
  }
}

function draw(body, patterns, period) {
  const words = periodWords(period, patterns.period);
  const before = `${formatDay(patterns.previousPeriod.from)} to ${formatDay(patterns.previousPeriod.to)}`;
  const open = (bar, what) => go('complaints', { behind: { period, slice: bar.slice }, behindLabel: `${what}, ${words}` });
  body.replaceChildren(
    el('p', { class: 'muted', testid: 'patterns-span' }, `${formatDay(patterns.period.from)} to ${formatDay(patterns.period.to)}, beside ${before}.`),
  );
  if (patterns.total.this === 0 && patterns.total.previous === 0) {
    body.append(emptyCard());
    return;
  }
  const count = (value) => value.toLocaleString();
  const figure = (title, bars, { chart = true, horizontal = false, format = count, what = (bar) => bar.label, lead } = {}) => el(
    'section',
    { class: 'card figure', testid: 'figure' },
    el('h2', {}, title),
    lead && el('p', { class: 'muted' }, lead),
    chart && barChart(bars, { title, horizontal, format, onPick: (bar) => open(bar, `${what(bar)} (${title.toLowerCase()})`) }),
    table(title, bars, format, (bar) => open(bar, `${what(bar)} (${title.toLowerCase()})`)),
  );
  const by = patterns.by === 'week' ? 'by week' : 'by month';
  body.append(
    summary(patterns, open),
    figure(`Complaints ${by}`, patterns.overTime, { what: (bar) => bar.label }),
    figure('By category', patterns.byCategory, { horizontal: true }),
    figure('How they reached you', patterns.byChannel, { horizontal: true }),
    figure('In public or in private', patterns.byVisibility, { chart: false }),
    figure('Causes', patterns.causesByCount, { horizontal: true, lead: 'What caused the complaints closed so far, the most frequent first.' }),
    figure('Causes by cost of remedies', patterns.causesByCost, { horizontal: true, format: money }),
    figure('Known issues', patterns.knownIssues, { horizontal: true, lead: 'The problems behind several complaints, by how many they caused.' }),
    speedCard(patterns, open),
    figure('Promises', patterns.promises, { chart: false, lead: `Kept on time: ${percent(patterns.promises[0].this, patterns.promises[0].this + patterns.promises[1].this)} (the period before: ${percent(patterns.promises[0].previous, patterns.promises[0].previous + patterns.promises[1].previous)}).` }),
    figure('Satisfaction at follow-up', patterns.satisfaction, { lead: `Average ${average(patterns.satisfactionAverage)} of 5 (the period before: ${average(patterns.previousSatisfactionAverage)}).` }),
    figure('Came back', [patterns.reopened], { chart: false, lead: `Unhappy at a follow-up, or reopened after closing: ${percent(patterns.reopened.this, patterns.total.this)} of the complaints (the period before: ${percent(patterns.reopened.previous, patterns.total.previous)}).` }),
    repeatCard(patterns, open),
    figure('Cost of remedies by month', patterns.costOverTime, { format: money }),
    figure('Cost of remedies by category', patterns.costByCategory, { horizontal: true, format: money }),
  );
}

function average(value) {
  return value == null ? '—' : value.toFixed(1);
}

/** A table of the figures: what, this period (opens its complaints), the period before. */
function table(title, bars, format, onPick) {
  if (bars.length === 0) return el('p', { class: 'empty' }, 'Nothing in either period.');
  return el(
    'table',
    { class: 'figures', testid: 'figure-table' },
    el('caption', { class: 'visually-hidden' }, title),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'What'), el('th', { scope: 'col' }, 'This period'), el('th', { scope: 'col' }, 'The period before'))),
    el('tbody', {}, bars.map((bar) => el(
      'tr',
      { testid: 'figure-row' },
      el('th', { scope: 'row', testid: 'figure-label' }, bar.label),
      el('td', {}, bar.this === 0 ? '0' : el('button', { type: 'button', class: 'quiet inline-link', testid: 'figure-open', 'aria-label': `${bar.label}: ${format(bar.this)}, show the complaints`, onclick: () => onPick(bar) }, format(bar.this))),
      el('td', { testid: 'figure-before' }, format(bar.previous)),
    ))),
  );
}

function summary(patterns, open) {
  const kept = patterns.promises[0];
  const missed = patterns.promises[1];
  const tile = (label, value, was, testid, onclick) => el(
    'div',
    { class: 'tile', testid },
    el('dt', {}, label),
    el('dd', {}, onclick ? el('button', { type: 'button', class: 'quiet inline-link tile-value', onclick }, value) : el('span', { class: 'tile-value' }, value)),
    el('dd', { class: 'muted' }, `Before: ${was}`),
  );
  return el(
    'dl',
    { class: 'tiles', testid: 'patterns-summary' },
    tile('Complaints', patterns.total.this.toLocaleString(), patterns.total.previous.toLocaleString(), 'tile-total', () => open(patterns.total, 'All complaints')),
    tile('Time to acknowledge (median)', duration(patterns.acknowledge.medianHours), duration(patterns.acknowledge.previousMedianHours), 'tile-acknowledge'),
    tile('Promises kept on time', percent(kept.this, kept.this + missed.this), percent(kept.previous, kept.previous + missed.previous), 'tile-promises', missed.this ? () => open(missed, 'Promises missed') : null),
    tile('Satisfaction', patterns.satisfactionAverage == null ? '—' : `${average(patterns.satisfactionAverage)} of 5`, patterns.previousSatisfactionAverage == null ? '—' : `${average(patterns.previousSatisfactionAverage)} of 5`, 'tile-satisfaction'),
    tile('Cost of remedies', money(patterns.cost.this), money(patterns.cost.previous), 'tile-cost', patterns.cost.this ? () => open(patterns.cost, 'With a remedy that cost something') : null),
  );
}

function speedCard(patterns, open) {
  const row = (label, durations) => el(
    'tr',
    { testid: 'speed-row' },
    el('th', { scope: 'row' }, label),
    el('td', {}, durations.count ? el('button', { type: 'button', class: 'quiet inline-link', testid: 'speed-open', onclick: () => open({ slice: durations.slice }, label) }, duration(durations.medianHours)) : '—'),
    el('td', {}, duration(durations.p90Hours)),
    el('td', {}, duration(durations.previousMedianHours)),
    el('td', {}, duration(durations.previousP90Hours)),
  );
  return el(
    'section',
    { class: 'card figure', testid: 'figure' },
    el('h2', {}, 'How fast'),
    el('p', { class: 'muted' }, 'From the moment a complaint came in. Most are faster than the median; 9 in 10 are at least as fast as the 90th percentile.'),
    el(
      'table',
      { class: 'figures', testid: 'speed-table' },
      el('caption', { class: 'visually-hidden' }, 'How fast'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Time to'), el('th', { scope: 'col' }, 'Median'), el('th', { scope: 'col' }, '90th percentile'), el('th', { scope: 'col' }, 'Median before'), el('th', { scope: 'col' }, '90th percentile before'))),
      el('tbody', {}, row('Acknowledge', patterns.acknowledge), row('Resolve (received to closed)', patterns.resolve)),
    ),
  );
}

function repeatCard(patterns, open) {
  const customers = patterns.repeatList;
  return el(
    'section',
    { class: 'card figure', testid: 'figure' },
    el('h2', {}, 'Repeat customers'),
    el('p', { class: 'muted', testid: 'repeat-lead' }, `${patterns.repeatCustomers.this === 1 ? '1 customer' : `${patterns.repeatCustomers.this} customers`} who complained in this period did so twice or more in 12 months (the period before: ${patterns.repeatCustomers.previous}).`),
    customers.length > 0 && el(
      'table',
      { class: 'figures', testid: 'repeat-table' },
      el('caption', { class: 'visually-hidden' }, 'Repeat customers'),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Customer'), el('th', { scope: 'col' }, 'Complaints in 12 months'))),
      el('tbody', {}, customers.slice(0, 20).map((customer) => el('tr', {}, el('th', { scope: 'row' }, el('button', { type: 'button', class: 'quiet inline-link', onclick: () => go('customer', { id: customer.customerId }) }, customer.name)), el('td', {}, String(customer.complaints))))),
    ),
    patterns.repeatCustomers.this > 0 && el('p', {}, el('button', { type: 'button', class: 'quiet inline-link', testid: 'repeat-open', onclick: () => open(patterns.repeatCustomers, 'From repeat customers') }, 'Show their complaints in this period')),
  );
}

function emptyCard() {
  return el(
    'section',
    { class: 'card calm', testid: 'patterns-empty' },
    el('h2', {}, 'Nothing to see here yet'),
    el('p', {}, 'Once complaints come in, this page shows what keeps going wrong: complaints over time and by category, the causes you name when you close them, how fast you answer and put things right, the promises you keep, how customers feel at the follow-up, who complains again, and what remedies cost.'),
    el('p', { class: 'muted' }, 'Each figure sits beside the period before, so you can see whether a change you made is working. A cause that keeps coming back is worth fixing once, for everyone.'),
  );
}
