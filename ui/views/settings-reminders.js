// Settings for reminders: the delays Mend uses, and whether it keeps running
// in the tray and starts at login so that reminders arrive on time.

import { api } from '../api.js';
import { busy, el, errorLine, field, showMessage, successLine } from '../dom.js';

function numberInput(name, value, min, max, testid) {
  return el('input', { type: 'number', name, min, max, step: 1, value: String(value), testid, inputmode: 'numeric' });
}

export async function reminderDelaysForm() {
  const settings = await api.getReminderSettings();
  const save = el('button', { type: 'submit', class: 'primary', testid: 'save-reminder-settings' }, 'Save the delays');
  const saved = successLine('reminder-settings-saved');
  const error = errorLine('reminder-settings-error');
  const checkIn = el('input', { type: 'checkbox', name: 'checkInEnabled', testid: 'check-in-enabled', checked: settings.checkInEnabled });
  const form = el(
    'form',
    { novalidate: true },
    el(
      'div',
      { class: 'fields' },
      field('Acknowledge a new complaint within (hours)', numberInput('acknowledgeAfterHours', settings.acknowledgeAfterHours, 0, 168, 'acknowledge-hours'), { hint: 'Urgent ones are reminded at once.' }),
      field('Send an update when nothing went out for (days)', numberInput('updateAfterDays', settings.updateAfterDays, 1, 60, 'update-days')),
      field('Follow up after the fix (days)', numberInput('followUpAfterDays', settings.followUpAfterDays, 1, 60, 'follow-up-days')),
      field('Friendly check-in after closing (days)', numberInput('checkInAfterDays', settings.checkInAfterDays, 1, 365, 'check-in-days')),
      el('label', { class: 'check' }, checkIn, 'Remind me to check in with the customer after closing'),
    ),
    el('div', { class: 'actions' }, save),
    saved,
    error,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    showMessage(saved, '');
    const values = form.elements;
    const whole = (input) => Number(input.value.trim() || 'x');
    const numbers = [values.acknowledgeAfterHours, values.updateAfterDays, values.followUpAfterDays, values.checkInAfterDays].map(whole);
    if (!numbers.every((n) => Number.isInteger(n) && n >= 0 && n < 100000)) {
      showMessage(error, 'Please write each delay as a whole number, such as 3.');
      return;
    }
    busy(save, error, async () => {
      await api.saveReminderSettings({
        acknowledgeAfterHours: whole(values.acknowledgeAfterHours),
        updateAfterDays: whole(values.updateAfterDays),
        followUpAfterDays: whole(values.followUpAfterDays),
        checkInEnabled: checkIn.checked,
        checkInAfterDays: whole(values.checkInAfterDays),
      });
      showMessage(saved, 'Saved. Open reminders have moved to match.');
    });
  });
  return [el('p', { class: 'hint' }, 'Mend reminds you the day before and the morning of every promised date, at 9:00.'), form];
}

export async function desktopForm() {
  const settings = await api.getDesktopSettings();
  const tray = el('input', { type: 'checkbox', testid: 'keep-in-tray', checked: settings.keepRunningInTray });
  const login = el('input', { type: 'checkbox', testid: 'start-at-login', checked: settings.startAtLogin });
  const saved = successLine('desktop-saved');
  const error = errorLine('desktop-error');
  async function change(box) {
    showMessage(saved, '');
    const done = await busy(box, error, async () => {
      await api.saveDesktopSettings({ keepRunningInTray: tray.checked, startAtLogin: login.checked });
      return true;
    });
    if (done) showMessage(saved, 'Saved.');
    else box.checked = !box.checked;
  }
  tray.addEventListener('change', () => change(tray));
  login.addEventListener('change', () => change(login));
  return [
    el('p', { class: 'hint' }, 'Reminders can only reach you while Mend is running.'),
    el('label', { class: 'check' }, tray, 'When I close the window, keep Mend running in the system tray'),
    el('label', { class: 'check' }, login, 'Start Mend when I log in'),
    saved,
    error,
  ];
}
