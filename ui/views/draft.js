// A message draft to edit and copy: the steps' drafts and the message that
// tells a customer a known issue is fixed. What Mend does not know yet
// shows as a gap ("[remedy]"): the owner is told to write it in, and the
// draft cannot be copied until they do.

import { busy, el, errorLine, showMessage, successLine } from '../dom.js';

/**
 * The draft's parts, named from `name` (`draft`, `draft-gaps`, `copy-draft`,
 * `draft-copied`, `draft-error`). `show(draft)` puts a draft in, unless the
 * owner has edited it already; `fail(message)` says what went wrong.
 * With `email: { send(text), sent(text) }`, "Email it" opens the owner's mail
 * program with the message (`send`); back in Mend, the owner says whether
 * it went, and `sent(text)` records it.
 */
export function draftEditor(name, label = 'Message draft', email = null) {
  let edited = false;
  let gaps = [];
  const text = el('textarea', { class: 'draft', testid: name, 'aria-label': label, oninput: () => { edited = true; showGaps(); } });
  const copied = successLine(`${name}-copied`);
  const error = errorLine(`${name}-error`);
  const toFill = el('p', { class: 'message warning', testid: `${name}-gaps`, role: 'status', hidden: true });
  const copy = el('button', { type: 'button', testid: `copy-${name}`, onclick: () => copyText(text, copied, error) }, 'Copy message');
  const mail = email && el('button', { type: 'button', testid: `email-${name}`, onclick: () => emailIt() }, 'Email it…');
  const asked = el('div', { class: 'confirm sent-ask', testid: `${name}-sent-ask`, role: 'alertdialog', hidden: true });
  async function emailIt() {
    showMessage(copied, '');
    showMessage(error, '');
    asked.hidden = true;
    try {
      const opened = await email.send(text.value);
      const sent = text.value;
      const yes = el('button', { type: 'button', class: 'primary', testid: `${name}-sent-yes`, onclick: () => busy(yes, error, async () => {
        await email.sent(sent);
      }) }, 'Yes, note it as sent');
      const no = el('button', { type: 'button', testid: `${name}-sent-no`, onclick: () => { asked.hidden = true; } }, 'No, not sent');
      asked.replaceChildren(el('p', {}, `Your mail program opened with the message to ${opened.to}. Did you send it?`), el('div', { class: 'actions' }, yes, no));
      asked.hidden = false;
    } catch (failure) {
      showMessage(error, failure.message);
    }
  }
  function showGaps() {
    const left = gaps.filter((gap) => text.value.includes(gap));
    showMessage(toFill, left.length ? `Before you send it, write in ${left.join(', ')}: Mend does not know ${left.length === 1 ? 'it' : 'them'} yet.` : '');
    copy.disabled = left.length > 0;
    if (mail) mail.disabled = left.length > 0;
  }
  return {
    parts: [text, toFill, el('div', { class: 'actions' }, copy, mail), asked, copied, error],
    edited: () => edited,
    show(draft) {
      if (edited) return;
      text.value = draft.text;
      gaps = draft.gaps;
      showGaps();
    },
    fail: (message) => showMessage(error, message),
  };
}

async function copyText(text, copied, error) {
  showMessage(copied, '');
  showMessage(error, '');
  try {
    await navigator.clipboard.writeText(text.value);
  } catch {
    // Older WebKit: copy the selected text the classic way.
    text.select();
    if (!document.execCommand('copy')) {
      showMessage(error, 'Mend could not copy the message. Select it and press Ctrl+C.');
      return;
    }
  }
  showMessage(copied, 'Copied. Paste it into your email or message.');
}
