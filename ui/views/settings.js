// Settings: check that notifications reach the owner, and see where data is.

import { api } from '../api.js';
import { byTestId, fromTemplate, showMessage } from '../dom.js';

export function showSettings(main, status) {
  main.replaceChildren(fromTemplate('settings-view'));
  byTestId(main, 'data-folder').textContent = status.dataFolder ?? '';

  const button = byTestId(main, 'send-test-notification');
  const sent = byTestId(main, 'notification-sent');
  const error = byTestId(main, 'notification-error');
  button.addEventListener('click', async () => {
    showMessage(sent, '');
    showMessage(error, '');
    button.disabled = true;
    try {
      await api.sendTestNotification();
      showMessage(sent, 'A test notification was sent. If you did not see it, check your computer’s notification settings.');
    } catch (failure) {
      showMessage(error, failure.message);
    } finally {
      button.disabled = false;
    }
  });
}
