// Settings: bringing in the spreadsheet the owner kept before Mend. Mend
// guesses which column is which; the owner checks, sees the first rows, says
// how dates are written when that is unclear, and gets every problem row.

import { api } from '../api.js';
import { busy, el, errorLine, showMessage, successLine } from '../dom.js';

const FIELDS = [
  ['ignore', 'Leave out'],
  ['customer_name', "Customer's name"],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['received_at', 'Date received'],
  ['summary', 'Summary'],
  ['customer_words', 'Their own words'],
  ['desired_outcome', 'Outcome they want'],
  ['reference', 'Order or reference'],
  ['category', 'Category'],
  ['severity', 'Severity'],
  ['channel', 'How it reached you'],
];

const ORDERS = { iso: 'Year-month-day (2025-03-05)', day_month_year: 'Day/month/year (05/03/2025 is 5 March)', month_day_year: 'Month/day/year (05/03/2025 is 3 May)' };

/** Asks for a spreadsheet, then draws its import steps into `area`. */
export async function showCsvImport(area) {
  const error = errorLine('csv-error');
  const done = successLine('csv-done');
  let preview;
  try {
    preview = await api.previewCsv();
  } catch (failure) {
    area.replaceChildren(error, done);
    showMessage(error, failure.message);
    return;
  }
  if (!preview) return;
  area.replaceChildren(error, done);
  const pickers = preview.headers.map((header, column) => el(
    'select',
    { testid: `csv-column-${column}`, 'aria-label': `What “${header}” holds` },
    FIELDS.map(([value, label]) => el('option', { value, selected: value === preview.guesses[column] }, label)),
  ));
  const orders = preview.dateOrders.length ? preview.dateOrders : Object.keys(ORDERS);
  const order = el('select', { testid: 'csv-date-order' }, orders.map((value) => el('option', { value }, ORDERS[value])));
  const orderNote = preview.dateOrders.length > 1
    ? 'These dates can be read more than one way: how are they written?'
    : preview.dateOrders.length === 1 ? 'The dates are written like this:' : 'Mend cannot read every date the same way; choose how they are written, and the rows it cannot read will be listed.';
  const problems = el('ul', { class: 'problems', testid: 'csv-problems' });
  const importButton = el('button', { type: 'button', class: 'primary', testid: 'csv-import' }, `Import ${preview.totalRows} rows`);
  importButton.addEventListener('click', () => busy(importButton, error, async () => {
    showMessage(done, '');
    problems.replaceChildren();
    const mapping = pickers.map((picker) => picker.value);
    const report = await api.importCsv(mapping, mapping.includes('received_at') ? order.value : null);
    if (report.problems.length) {
      showMessage(error, `Nothing was imported: ${report.problems.length} row${report.problems.length === 1 ? ' needs' : 's need'} fixing first.`);
      problems.append(...report.problems.map((problem) => el('li', { testid: 'csv-problem' }, `Row ${problem.line}: ${problem.reason}`)));
      return;
    }
    showMessage(done, `Imported ${report.imported} complaint${report.imported === 1 ? '' : 's'}.${report.alreadyThere ? ` ${report.alreadyThere} were already in Mend and were left out.` : ''}`);
  }));
  const table = el(
    'table',
    { class: 'csv-preview', testid: 'csv-preview' },
    el('thead', {}, el('tr', {}, preview.headers.map((header) => el('th', {}, header))), el('tr', {}, pickers.map((picker) => el('td', {}, picker)))),
    el('tbody', {}, preview.firstRows.map((row) => el('tr', {}, preview.headers.map((_, column) => el('td', { class: 'pre' }, row[column] ?? ''))))),
  );
  area.replaceChildren(
    el('p', { testid: 'csv-file' }, `${preview.fileName}: ${preview.totalRows} rows. Check what each column holds; the first rows are shown below.`),
    el('div', { class: 'table-scroll' }, table),
    el('p', {}, orderNote),
    order,
    el('div', { class: 'actions' }, importButton),
    done,
    error,
    problems,
  );
}

export async function spreadsheetImportCard() {
  const area = el('div', { testid: 'csv-area' });
  const choose = el('button', { type: 'button', testid: 'choose-csv', onclick: () => busy(choose, null, () => showCsvImport(area)) }, 'Choose a spreadsheet (CSV)…');
  return [
    el('p', {}, 'Bring in the complaints you kept in a spreadsheet before Mend. Save it as CSV first. Nothing is imported until every row can be read.'),
    el('div', { class: 'actions' }, choose),
    area,
  ];
}
