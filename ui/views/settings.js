// Settings: the names used in message drafts, the drafts' wording, the
// complaint categories, checking notifications, and where the data lives.

import { api } from '../api.js';
import { busy, el, errorLine, field, showMessage, successLine, useCurrency } from '../dom.js';
import { desktopForm, reminderDelaysForm } from './settings-reminders.js';
import { backupsCard, exportCard } from './settings-backups.js';
import { spreadsheetImportCard } from './settings-import.js';
import { aboutCard } from './settings-about.js';
import { syncCard } from './settings-sync.js';

const PLACEHOLDERS = [
  ['{first_name}', 'the customer’s first name'],
  ['{business_name}', 'your business name'],
  ['{owner_name}', 'your name'],
  ['{summary}', 'the one-line summary of the complaint'],
  ['{promised_date}', 'the date you promised'],
  ['{remedy}', 'what you did to put it right (refund, replacement…)'],
  ['{issue}', 'the known issue, in “A known issue is fixed” only'],
  ['{what_changed}', 'what changed to fix it, in “A known issue is fixed” only'],
];

/** The sections of Settings, to jump to from its top. */
const SECTIONS = [
  ['settings-names', 'Your business'],
  ['settings-templates', 'Messages'],
  ['settings-categories', 'Categories'],
  ['settings-causes', 'Causes'],
  ['settings-reminders', 'Reminders'],
  ['settings-desktop', 'Tray and login'],
  ['settings-notifications', 'Notifications'],
  ['settings-data', 'Data and backups'],
  ['settings-sync', 'Two computers'],
  ['settings-export', 'Export and import'],
  ['settings-import', 'Spreadsheet import'],
  ['settings-about', 'About Mend'],
];

export function showSettings(main, params, { signal }) {
  const jump = (id) => document.getElementById(id)?.closest('section')?.scrollIntoView({ block: 'start' });
  main.append(
    el(
      'header',
      { class: 'view-header' },
      el('div', {}, el('h1', {}, 'Settings'), el('p', { class: 'lead' }, 'Your names, the wording of your messages, your categories and causes, your reminders, and where your data is kept.')),
    ),
    el('nav', { class: 'settings-sections', 'aria-label': 'Sections of Settings', testid: 'settings-sections' },
      SECTIONS.map(([id, label]) => el('button', { type: 'button', class: 'quiet', testid: `jump-${id}`, onclick: () => jump(id) }, label))),
    card('settings-names', 'Your business', namesForm, signal),
    card('settings-templates', 'Message templates', templateBlocks, signal),
    card('settings-categories', 'Categories', () => itemsList('categories'), signal),
    card('settings-causes', 'Causes', () => itemsList('causes'), signal),
    card('settings-reminders', 'Reminders', reminderDelaysForm, signal),
    card('settings-desktop', 'Keep reminding me', desktopForm, signal),
    notificationsCard(),
    card('settings-data', 'Your data and its backups', backupsCard, signal),
    card('settings-sync', 'Work on two computers', syncCard, signal),
    card('settings-export', 'Export and import', exportCard, signal),
    card('settings-import', 'Import a spreadsheet', spreadsheetImportCard, signal),
    card('settings-about', 'About Mend', aboutCard, signal),
  );
}

/**
 * A card whose contents need data first. The controls appear only once the
 * data is in, so nothing the owner types is overwritten by a late answer.
 */
function card(id, title, fill, signal) {
  const loadError = errorLine(`${id}-load-error`);
  const section = el('section', { class: 'card', 'aria-labelledby': id }, el('h2', { id }, title), loadError);
  fill()
    .then((nodes) => {
      if (!signal.aborted) section.append(...nodes);
    })
    .catch((failure) => {
      if (!signal.aborted) showMessage(loadError, failure.message);
    });
  return section;
}

async function namesForm() {
  const settings = await api.getSettings();
  const business = el('input', { name: 'businessName', testid: 'business-name', autocomplete: 'organization', maxlength: 200, value: settings.businessName });
  const owner = el('input', { name: 'ownerName', testid: 'owner-name', autocomplete: 'name', maxlength: 200, value: settings.ownerName });
  const currency = el('input', { name: 'currency', testid: 'currency', autocomplete: 'off', maxlength: 3, size: 4, value: settings.currency ?? '', placeholder: settings.systemCurrency ?? 'EUR' });
  const currencyHint = settings.systemCurrency
    ? `Three letters, like EUR, GBP or USD. Left empty, Mend uses your computer's: ${settings.systemCurrency}.`
    : 'Three letters, like EUR, GBP or USD, for the costs of remedies.';
  const save = el('button', { type: 'submit', class: 'primary', testid: 'save-names' }, 'Save');
  const saved = successLine('names-saved');
  const error = errorLine('names-error');
  const form = el(
    'form',
    { novalidate: true },
    el('div', { class: 'fields' }, field('Business name', business), field('Your name', owner), field('Currency', currency, { hint: currencyHint })),
    el('div', { class: 'actions' }, save),
    saved,
    error,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    showMessage(saved, '');
    await busy(save, error, async () => {
      const kept = await api.saveSettings({ businessName: business.value, ownerName: owner.value, currency: currency.value });
      business.value = kept.businessName;
      owner.value = kept.ownerName;
      currency.value = kept.currency ?? '';
      useCurrency(kept.currency ?? kept.systemCurrency);
      const shownIn = kept.currency ?? kept.systemCurrency;
      showMessage(saved, `Saved. New message drafts will use these names${shownIn ? `, and costs are shown in ${shownIn}` : ''}.`);
    });
  });
  return [el('p', { class: 'hint' }, 'Mend puts these in the message drafts it writes for you, to sign them.'), form];
}

/** How each kind of template is saved and reset: a step's, or the "it is fixed" message. */
function stepTemplateActions(step) {
  return { save: (body) => api.saveTemplate(step, body), reset: () => api.resetTemplate(step) };
}

const ISSUE_FIXED_ACTIONS = { save: (body) => api.saveIssueFixedTemplate(body), reset: () => api.resetIssueFixedTemplate() };

async function templateBlocks() {
  const [templates, issueFixed] = await Promise.all([api.listTemplates(), api.getIssueFixedTemplate()]);
  const note = el(
    'div',
    { class: 'placeholders', testid: 'template-placeholders' },
    el('p', {}, 'Mend writes a draft message at each step from these templates. Words in curly brackets are filled in for you:'),
    el('ul', {}, PLACEHOLDERS.map(([code, meaning]) => el('li', {}, el('code', {}, code), ` ${meaning}`))),
  );
  return [
    note,
    ...templates.map((template, index) => templateBlock(template, index === 0, stepTemplateActions(template.step))),
    templateBlock({ ...issueFixed, step: 'issue_fixed', title: 'A known issue is fixed' }, false, ISSUE_FIXED_ACTIONS),
  ];
}

function templateBlock(template, open, actions) {
  const { step } = template;
  const text = el('textarea', { class: 'draft', name: step, testid: `template-${step}` });
  const marker = el('span', { class: 'template-kind', testid: `template-kind-${step}` });
  const save = el('button', { type: 'button', class: 'primary', testid: `save-template-${step}` }, 'Save this wording');
  const reset = el('button', { type: 'button', testid: `reset-template-${step}` }, 'Reset to default');
  const saved = successLine(`template-saved-${step}`);
  const error = errorLine(`template-error-${step}`);
  let isDefault = template.isDefault;

  function show(current) {
    text.value = current.body;
    isDefault = current.isDefault;
    marker.textContent = isDefault ? 'Mend’s wording' : 'Your own wording';
    marker.classList.toggle('own', !isDefault);
  }
  // busy() enables the button again when done; Reset stays off for Mend's wording.
  async function act(button, work, message) {
    showMessage(saved, '');
    const current = await busy(button, error, work);
    if (current) show(current);
    reset.disabled = isDefault;
    if (!current) return;
    showMessage(saved, message);
    // A disabled Reset drops the keyboard focus; put it back in the text.
    if (button.disabled) text.focus();
  }
  save.addEventListener('click', () => act(save, () => actions.save(text.value), 'Saved. Drafts now use your wording.'));
  reset.addEventListener('click', () => act(reset, () => actions.reset(), 'Back to Mend’s wording.'));
  show(template);
  reset.disabled = isDefault;

  return el(
    'details',
    { class: 'template', open, testid: `template-block-${step}` },
    el('summary', { testid: `template-toggle-${step}` }, el('span', { class: 'template-title' }, template.title), marker),
    field(`Message for “${template.title}”`, text, { wide: true }),
    el('div', { class: 'actions' }, save, reset),
    saved,
    error,
  );
}

/** The owner's two lists, each edited the same way. */
const LISTS = {
  categories: {
    noun: 'category',
    placeholder: 'e.g. Packaging',
    hint: 'Each complaint can have a category, so you can filter the list and the reports by it and see which problems keep coming back. Retire one you no longer use: old complaints keep it.',
  },
  causes: {
    noun: 'cause',
    placeholder: 'e.g. Oven too hot',
    hint: 'When you close a complaint, you name what caused it from this list, so you can see which causes keep coming back. Retire one you no longer use: old complaints keep it.',
  },
};

async function itemsList(kind) {
  const { noun, placeholder, hint } = LISTS[kind];
  const list = el('ul', { class: 'rows categories', testid: `${noun}-list` });
  const saved = successLine(`${noun}-saved`);
  const error = errorLine(`${noun}-error`);
  const newName = el('input', { name: 'name', testid: `new-${noun}`, autocomplete: 'off', maxlength: 80, placeholder });
  const add = el('button', { type: 'submit', testid: `add-${noun}` }, `Add the ${noun}`);
  const addForm = el('form', { class: 'toolbar add-category', novalidate: true }, field(`New ${noun}`, newName), add);

  /** Runs a change, then shows the list again and says what happened. */
  async function change(button, work, message, focus) {
    showMessage(saved, '');
    const done = await busy(button, error, async () => {
      const category = await work();
      await reload(focus && { id: category.id, testid: focus });
      return category;
    });
    if (done) showMessage(saved, message(done));
    return done;
  }

  async function reload(focus) {
    const items = await api.listItems(kind);
    list.replaceChildren(...items.map(categoryItem));
    // Redrawing loses the focus; give it back to the same control for keyboard users.
    if (focus) list.querySelector(`[data-id="${focus.id}"] [data-testid^="${focus.testid}"]`)?.focus();
  }

  function categoryItem(category) {
    const name = el('input', { name: 'name', testid: `${noun}-name`, autocomplete: 'off', maxlength: 80, value: category.name, 'aria-label': `Name of the ${noun} “${category.name}”` });
    const rename = el('button', { type: 'submit', testid: `rename-${noun}` }, 'Rename it');
    const toggle = category.retired
      ? el('button', { type: 'button', testid: `restore-${noun}` }, 'Offer it again')
      : el('button', { type: 'button', class: 'danger', testid: `retire-${noun}` }, 'Stop offering it');
    toggle.addEventListener('click', () =>
      change(
        toggle,
        () => api.setListItemRetired(kind, category.id, !category.retired),
        (done) => (done.retired ? `“${done.name}” is retired: it stays on old complaints but is not offered for new ones.` : `“${done.name}” is offered for new complaints again.`),
        // The toggle flips between retire-category and restore-category.
        category.retired ? `retire-${noun}` : `restore-${noun}`,
      ),
    );
    const form = el(
      'form',
      { class: 'category-row', novalidate: true },
      name,
      el('span', { class: 'category-actions' }, rename, toggle),
      category.retired && el('span', { class: 'muted retired-note', testid: `${noun}-retired-note` }, '(retired: kept on old complaints, not offered for new ones)'),
    );
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      // An unchanged name would only add a line to the history.
      if (name.value.trim() === category.name) return;
      change(rename, () => api.renameListItem(kind, category.id, name.value), (done) => `Renamed “${category.name}” to “${done.name}”.`, `${noun}-name`);
    });
    return el('li', { class: category.retired ? 'category retired' : 'category', testid: noun, dataset: { id: category.id } }, form);
  }

  addForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    const done = await change(add, () => api.addListItem(kind, newName.value), (item) => `Added “${item.name}”.`);
    if (done) newName.value = '';
    newName.focus();
  });

  await reload();
  return [
    el('p', { class: 'hint' }, hint),
    list,
    addForm,
    saved,
    error,
  ];
}

// Existing end-to-end tests depend on these test ids and this wording.
function notificationsCard() {
  const button = el('button', { type: 'button', class: 'primary', testid: 'send-test-notification' }, 'Send a test notification');
  const sent = successLine('notification-sent');
  const error = errorLine('notification-error');
  button.addEventListener('click', async () => {
    showMessage(sent, '');
    const done = await busy(button, error, async () => {
      await api.sendTestNotification();
      return true;
    });
    if (done) showMessage(sent, 'A test notification was sent. If you did not see it, check your computer’s notification settings.');
  });
  return el(
    'section',
    { class: 'card', 'aria-labelledby': 'settings-notifications' },
    el('h2', { id: 'settings-notifications' }, 'Desktop notifications'),
    el('p', {}, 'Mend reminds you of every promise with a desktop notification. Send a test to check that they reach you.'),
    el('div', { class: 'actions' }, button),
    sent,
    error,
  );
}
