// Small helpers for building views from <template>s. User text only ever
// goes in through textContent, never as markup.

export function fromTemplate(id) {
  return document.getElementById(id).content.cloneNode(true);
}

export function byTestId(root, testId) {
  return root.querySelector(`[data-testid="${testId}"]`);
}

/** Shows `text` in a message element, or hides it when `text` is empty. */
export function showMessage(element, text) {
  element.textContent = text ?? '';
  element.hidden = !text;
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDateTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : dateTime.format(date);
}
