// Settings: bringing in the spreadsheet the owner kept before Mend. Mend
// guesses which column is which and how the dates are written; the owner
// checks, sees the first rows, answers only what Mend cannot work out, and
// gets every problem row.

import { api } from '../api.js';
import { busy, el, errorLine, showMessage, successLine } from '../dom.js';
import { progressLine, startsLongWork } from '../progress.js';

const FIELDS = [
  ['ignore', 'Leave out'],
  ['note', 'Keep as a note'],
  ['customer_name', "Customer's name"],
  ['email', 'Email'],
  ['phone', 'Phone'],
  ['received_at', 'Date received'],
  ['summary', 'Summary'],
  ['customer_words', 'The complaint'],
  ['desired_outcome', 'Outcome they want'],
  ['reference', 'Order or reference'],
  ['category', 'Category'],
  ['severity', 'Severity'],
  ['channel', 'How it reached you'],
  ['status', 'Open or closed'],
];

const ORDERS = {
  day_month_year: 'Day first (05/03/2025 is 5 March)',
  month_day_year: 'Month first (05/03/2025 is 3 May)',
};

/** "rows 2, 3 and 5" */
function rowList(rows) {
  const shown = rows.slice(0, 6);
  const more = rows.length > shown.length ? ` and ${rows.length - shown.length} more` : '';
  const words = shown.length > 1 && !more ? `${shown.slice(0, -1).join(', ')} and ${shown.at(-1)}` : shown.join(', ');
  return `row${rows.length === 1 ? '' : 's'} ${words}${more}`;
}

/**
 * How the dates are read: what Mend worked out for the date column chosen,
 * or the question when it cannot. `show(finding)` redraws it for another column.
 */
function datesBlock() {
  const block = el('div', { class: 'csv-dates', testid: 'csv-dates' });
  let finding = null;
  let order = null;
  function show(next) {
    finding = next;
    order = el('select', { testid: 'csv-date-order', 'aria-label': 'How the dates are written' },
      finding.order ? null : el('option', { value: '' }, 'Choose…'),
      Object.entries(ORDERS).map(([value, label]) => el('option', { value, selected: value === finding.order }, label)));
    let note;
    if (finding.order === 'iso') {
      note = 'The dates are written year-month-day (like 2025-03-05), so there is nothing to choose.';
    } else if (finding.order) {
      const [row, written] = finding.shownBy;
      const way = finding.order === 'day_month_year' ? 'day first' : 'month first';
      note = `The dates are written ${way}: row ${row} has ${written}, which can only be read that way. Dates like 2025-03-05 are read as year-month-day.`;
    } else {
      note = `Every date in ${rowList(finding.ambiguousRows)} could be read two ways (05/03/2025 could be 5 March or 3 May). How are they written?`;
    }
    block.replaceChildren(el('p', { testid: 'csv-date-note' }, note), finding.order === 'iso' ? '' : order);
  }
  return { block, show, order: () => (finding?.order === 'iso' ? 'iso' : order?.value || null) };
}

/** Asks for a spreadsheet, then draws its import steps into `area`. */
export async function showCsvImport(area) {
  const error = errorLine('csv-error');
  const done = successLine('csv-done');
  const progress = progressLine('csv-progress', ['import_spreadsheet']);
  let preview;
  try {
    preview = await api.previewCsv();
  } catch (failure) {
    area.replaceChildren(error, done);
    showMessage(error, failure.message);
    return;
  }
  if (!preview) return;
  const pickers = preview.headers.map((header, column) => el(
    'select',
    { testid: `csv-column-${column}`, 'aria-label': `What “${header}” holds` },
    FIELDS.map(([value, label]) => el('option', { value, selected: value === preview.guesses[column] }, label)),
  ));
  const mapping = () => pickers.map((picker) => picker.value);
  const dates = datesBlock();
  const noCustomer = el('input', { type: 'checkbox', testid: 'csv-no-customer' });
  const noCustomerRow = el('label', { class: 'check csv-no-customer' }, noCustomer,
    'This spreadsheet names no customer. Import each row as from its email address if it has one, or from “Unknown customer”, to rename later.');
  let dateColumn = -1;
  const follow = () => {
    const chosen = mapping();
    const column = chosen.indexOf('received_at');
    dates.block.hidden = column < 0;
    if (column >= 0 && column !== dateColumn) dates.show(preview.columnDates[column]);
    dateColumn = column;
    noCustomerRow.hidden = chosen.includes('customer_name');
  };
  for (const picker of pickers) picker.addEventListener('change', follow);
  follow();
  const problems = el('ul', { class: 'problems', testid: 'csv-problems' });
  const importButton = startsLongWork(el('button', { type: 'button', class: 'primary', testid: 'csv-import' }, `Import ${preview.totalRows} row${preview.totalRows === 1 ? '' : 's'}`));
  importButton.addEventListener('click', () => busy(importButton, error, async () => {
    showMessage(done, '');
    problems.replaceChildren();
    const chosen = mapping();
    const report = await api.importCsv(preview.pick, {
      mapping: chosen,
      order: chosen.includes('received_at') ? dates.order() : null,
      noCustomerColumn: !chosen.includes('customer_name') && noCustomer.checked,
    });
    if (report.problems.length) {
      showMessage(error, `Nothing was imported: ${report.problems.length} row${report.problems.length === 1 ? ' needs' : 's need'} fixing first.`);
      problems.append(...report.problems.map((problem) => el('li', { testid: 'csv-problem' }, `Row ${problem.line}: ${problem.reason}`)));
      return;
    }
    const closed = report.closed ? ` (${report.closed} of them closed, as the spreadsheet says)` : '';
    const there = report.alreadyThere ? ` ${report.alreadyThere} ${report.alreadyThere === 1 ? 'was' : 'were'} already in Mend and left out.` : '';
    if (report.imported === 0 && report.alreadyThere > 0) {
      showMessage(done, `Nothing new to import: ${report.alreadyThere === 1 ? 'its one complaint was' : `all ${report.alreadyThere} complaints were`} already in Mend.`);
      return;
    }
    showMessage(done, `Imported ${report.imported} complaint${report.imported === 1 ? '' : 's'}${closed}.${there}`);
  }));
  const table = el(
    'table',
    { class: 'csv-preview', testid: 'csv-preview' },
    el('thead', {}, el('tr', {}, preview.headers.map((header) => el('th', {}, header))), el('tr', {}, pickers.map((picker) => el('td', {}, picker)))),
    el('tbody', {}, preview.firstRows.map((row) => el('tr', {}, preview.headers.map((_, column) => el('td', { class: 'pre' }, row[column] ?? ''))))),
  );
  area.replaceChildren(
    el('p', { testid: 'csv-file' }, `${preview.fileName}: ${preview.totalRows} row${preview.totalRows === 1 ? '' : 's'}. Check what each column holds; the first rows are shown below. A column you want to keep but Mend has no place for can be kept as a note on each complaint.`),
    el('div', { class: 'table-scroll' }, table),
    dates.block,
    noCustomerRow,
    el('div', { class: 'actions' }, importButton),
    progress,
    done,
    error,
    problems,
  );
  // The preview opens below the button: bring it into sight.
  area.scrollIntoView?.({ block: 'start' });
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
