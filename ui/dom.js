// Small helpers for building views. User text only ever goes in as text
// (textContent or a text node), never as markup.

/**
 * Makes an element: `el('button', { class: 'primary', testid: 'save', onclick }, 'Save')`.
 * Props: `class`, `testid` (data-testid), `on<event>` handlers, `dataset`,
 * booleans (`hidden`, `disabled`, ...) and other attributes or properties.
 */
export function el(tag, props = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') element.className = value;
    else if (key === 'testid') element.dataset.testid = value;
    else if (key === 'dataset') Object.assign(element.dataset, value);
    else if (key.startsWith('on') && typeof value === 'function') element.addEventListener(key.slice(2), value);
    else if (key in element && typeof value !== 'string') element[key] = value;
    else if (value === true) element.setAttribute(key, '');
    else element.setAttribute(key, value);
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function byTestId(root, testId) {
  return root.querySelector(`[data-testid="${testId}"]`);
}

/** Shows `text` in a message element, or hides it when `text` is empty. */
export function showMessage(element, text) {
  element.textContent = text ?? '';
  element.hidden = !text;
}

/**
 * A message line that was in the page when work began, or, when the view
 * was drawn anew meanwhile (the owner looked elsewhere and came back), the
 * same line in the view now shown: the outcome of long work is not lost.
 */
export function stillShown(line) {
  if (line.isConnected || !line.dataset.line) return line;
  return document.querySelector(`[data-line="${line.dataset.line}"]`) ?? line;
}

/** An error line that stays hidden until there is something to say. */
export function errorLine(testid) {
  return el('p', { class: 'message error', role: 'alert', testid, dataset: { line: testid }, hidden: true });
}

export function successLine(testid) {
  return el('p', { class: 'message success', role: 'status', testid, dataset: { line: testid }, hidden: true });
}

/** A labelled control; `hint` is a quiet line under the label. */
export function field(label, control, { hint, wide } = {}) {
  return el('label', { class: wide ? 'field wide' : 'field' }, el('span', { class: 'label' }, label), hint && el('span', { class: 'hint' }, hint), control);
}

/** A <select> of `{value, label}` choices; `empty` adds a first, empty choice. */
export function select(name, choices, { testid, value, empty, field } = {}) {
  return el(
    'select',
    { name, testid, dataset: field ? { field } : undefined },
    empty !== undefined && el('option', { value: '' }, empty),
    choices.map((choice) => el('option', { value: choice.value, selected: String(choice.value) === String(value ?? '') }, choice.label)),
  );
}

/**
 * Runs `work` with `button` disabled. A failure shows in `error`; when it
 * names fields of the button's form, each problem shows next to its field,
 * all at once, and the first of them takes the focus. A form saved is no
 * longer unsaved.
 */
export async function busy(button, error, work) {
  const form = button.form ?? button.closest('form');
  const errorShown = error?.isConnected;
  if (error) showMessage(error, '');
  if (form) clearFieldProblems(form);
  button.disabled = true;
  try {
    const done = await work();
    // Saved by its own save button: the form's changes are no longer unsaved.
    if (form && button.type === 'submit') delete form.dataset.unsaved;
    return done;
  } catch (failure) {
    if (error) showFailure(errorShown ? stillShown(error) : error, form, failure);
    else throw failure;
    return undefined;
  } finally {
    button.disabled = false;
  }
}

/** The control a problem is about: named by `data-field` (a list) or by its name. */
function controlFor(form, field) {
  const named = form.querySelector(`[data-field~="${CSS.escape(field)}"]`) ?? form.elements.namedItem(field);
  return named instanceof RadioNodeList ? named[0] : named;
}

function showFailure(error, form, failure) {
  const problems = failure.fields ?? [];
  if (!form || problems.length === 0) {
    showMessage(error, failure.message);
    return;
  }
  const left = [];
  let first = null;
  for (const problem of problems) {
    const control = controlFor(form, problem.field);
    if (!control) {
      left.push(problem.message);
      continue;
    }
    const holder = control.closest('.field, fieldset') ?? control.parentElement;
    const note = el('p', { class: 'field-problem', testid: `${control.dataset.testid ?? problem.field}-problem`, id: `problem-${problem.field.replace(/\W/g, '-')}-${Date.now()}` }, problem.message);
    holder.append(note);
    control.setAttribute('aria-invalid', 'true');
    control.setAttribute('aria-describedby', note.id);
    first ??= control;
  }
  const marked = problems.length - left.length;
  const summary = marked === 0 ? '' : marked === 1 ? 'Please put right the field marked above.' : `Please put right the ${marked} fields marked above.`;
  showMessage(error, [summary, ...left].filter(Boolean).join(' '));
  if (first) {
    first.focus();
    first.scrollIntoView?.({ block: 'center' });
  }
}

function clearFieldProblems(form) {
  for (const note of form.querySelectorAll('.field-problem')) note.remove();
  for (const control of form.querySelectorAll('[aria-invalid]')) {
    control.removeAttribute('aria-invalid');
    control.removeAttribute('aria-describedby');
  }
}

// One way of writing dates and times everywhere, in the owner's language;
// the year only when it is not this year.
const thisYearTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' });
const otherYearTime = new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' });
const thisYearDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short' });
const otherYearDay = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' });

function thisYear(date) {
  return date.getFullYear() === new Date().getFullYear();
}

export function formatDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return (thisYear(date) ? thisYearTime : otherYearTime).format(date);
}

/** A calendar day (YYYY-MM-DD) as "Fri, 27 Nov", read as a local day. */
export function formatDay(day) {
  const [year, month, date] = String(day).split('-').map(Number);
  const local = new Date(year, month - 1, date);
  if (Number.isNaN(local.getTime())) return day;
  return (thisYear(local) ? thisYearDay : otherYearDay).format(local);
}

/**
 * Text written by Mend with a moment or a day in it (the history says
 * "Snoozed a reminder until 2026-12-01T09:00:00.000Z"), with each written
 * the owner's way.
 */
export function readableDates(text) {
  return String(text)
    .replace(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})/g, (stamp) => formatDateTime(stamp))
    .replace(/\b\d{4}-\d{2}-\d{2}\b/g, (day) => formatDay(day));
}

let currency = null;

/** Money is shown in this currency (an ISO code), or as a plain amount when null. */
export function useCurrency(code) {
  currency = code || null;
}

/** Cents as money, the owner's way: "£12.50", or "12.50" with no currency known. */
export function money(cents) {
  const amount = cents / 100;
  if (currency) {
    try {
      return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(amount);
    } catch {
      // A code the system does not know: the amount, then the code.
      return `${amount.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 })} ${currency}`;
    }
  }
  return amount.toLocaleString(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
}

/** The value a datetime-local input wants for `date`, in local time. */
export function localInputValue(date = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Today as YYYY-MM-DD in local time, for date inputs. */
export function localDay(date = new Date()) {
  return localInputValue(date).slice(0, 10);
}

/** A datetime-local value as RFC 3339 (the core wants an instant); '' stays ''. */
export function toInstant(localValue) {
  if (!localValue) return '';
  const date = new Date(localValue);
  return Number.isNaN(date.getTime()) ? localValue : date.toISOString();
}

/**
 * Asks before something that cannot be taken back at once: a question with
 * a yes and a no, just after `button`'s row. One question at a time.
 * `onYes` does it; a failure shows in `error`.
 */
export function askFirst(button, { question, yes, no, testid, error, onYes }) {
  for (const older of document.querySelectorAll(`[data-testid="${testid}"]`)) older.remove();
  const box = el(
    'div',
    { class: 'confirm', testid, role: 'alertdialog', 'aria-label': question },
    el('p', {}, question),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'button', class: 'primary', testid: `${testid}-yes`, onclick: (event) => busy(event.target, error, async () => { await onYes(); box.remove(); }) }, yes),
      el('button', { type: 'button', testid: `${testid}-no`, onclick: () => { box.remove(); button.focus(); } }, no),
    ),
  );
  button.closest('li, .actions').after(box);
  box.querySelector('button').focus();
  return box;
}

/** A value with a button that copies it, for reading out or pasting. */
export function copyable(value, testid) {
  const done = el('span', { class: 'muted copied', 'aria-live': 'polite' });
  return el(
    'span',
    { class: 'copyable' },
    el('span', { testid }, value),
    el('button', { type: 'button', class: 'quiet small', testid: `${testid}-copy`, 'aria-label': `Copy ${value}`, onclick: async () => {
      try {
        await navigator.clipboard.writeText(value);
        done.textContent = 'Copied';
      } catch {
        done.textContent = 'Select it and press Ctrl+C';
      }
    } }, 'Copy'),
    done,
  );
}
