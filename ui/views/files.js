// Photos and files kept with a complaint: a tile for each (a thumbnail for
// a photo), shown larger in Mend, opened in the computer's own program,
// saved elsewhere, or removed after asking. The same tiles show the files
// waiting for a new complaint in the new-complaint window.

import { api } from '../api.js';
import { askFirst, busy, el, errorLine, showMessage } from '../dom.js';

/** Picture endings Mend reads itself: a file so named that is no picture is just a file. */
const PICTURE_ENDINGS = ['jpg', 'jpeg', 'png', 'gif', 'webp', 'bmp'];

/** The kind of file, as its name ends: "PDF", "JPG"; "File" without one. */
function kindOf(attachment) {
  if (attachment.mediaType === 'application/pdf') return 'PDF';
  const ending = attachment.name.includes('.') ? attachment.name.split('.').pop().toLowerCase() : '';
  if (!ending || ending.length > 5) return 'File';
  if (PICTURE_ENDINGS.includes(ending) && !attachment.isImage) return 'File';
  return ending.toUpperCase();
}

/** An image made from bytes sent by the app; its address is let go once drawn. */
function pictureOf(bytes, type, props) {
  const address = URL.createObjectURL(new Blob([bytes], { type }));
  const picture = el('img', { ...props, src: address });
  picture.addEventListener('load', () => URL.revokeObjectURL(address), { once: true });
  picture.addEventListener('error', () => URL.revokeObjectURL(address), { once: true });
  return picture;
}

function thumbnail(attachment) {
  const frame = el('div', { class: 'file-preview', 'aria-hidden': 'true' }, el('span', { class: 'file-kind' }, kindOf(attachment)));
  if (attachment.isImage) {
    api.attachmentThumbnail(attachment.id).then(
      (bytes) => frame.replaceChildren(pictureOf(bytes, 'image/jpeg', { alt: '', testid: 'file-thumbnail' })),
      () => {},
    );
  }
  return frame;
}

/**
 * Shows a photo as large as the window allows, over everything; closed, the
 * focus goes back to `opener` (the button that opened it).
 */
export async function viewLarger(attachment, opener) {
  const bytes = await api.attachmentContent(attachment.id);
  const close = el('button', { type: 'button', class: 'primary', testid: 'file-viewer-close' }, 'Close');
  const viewer = el(
    'dialog',
    { class: 'file-viewer', testid: 'file-viewer', 'aria-label': attachment.name },
    el('p', { class: 'file-viewer-name', testid: 'file-viewer-name' }, attachment.name, el('span', { class: 'muted' }, ` · ${attachment.sizeInWords}`)),
    pictureOf(bytes, attachment.mediaType, { alt: attachment.name, testid: 'file-viewer-picture' }),
    el('div', { class: 'actions' }, close),
  );
  close.addEventListener('click', () => viewer.close());
  viewer.addEventListener('close', () => {
    viewer.remove();
    if (opener?.isConnected) opener.focus();
  });
  document.body.append(viewer);
  viewer.showModal();
  close.focus();
}

/**
 * One file's tile. `remove` (if given) takes it away once the owner says
 * yes; `removeQuestion` is what they are asked.
 */
export function fileTile(attachment, { error, remove, removeQuestion, removeLabel = 'Remove…' }) {
  const label = `${attachment.name}, ${kindOf(attachment)}, ${attachment.sizeInWords}`;
  const view = attachment.isImage && el('button', { type: 'button', class: 'quiet small', testid: 'file-view', 'aria-label': `View ${attachment.name}`, onclick: () => busy(view, error, () => viewLarger(attachment, view)) }, 'View');
  const open = el('button', { type: 'button', class: 'quiet small', testid: 'file-open', 'aria-label': `Open ${attachment.name}`, onclick: () => busy(open, error, () => api.openAttachment(attachment.id)) }, 'Open');
  const save = el('button', { type: 'button', class: 'quiet small', testid: 'file-save', 'aria-label': `Save a copy of ${attachment.name}`, onclick: () => busy(save, error, () => api.saveAttachmentAs(attachment.id)) }, 'Save a copy…');
  const tile = el(
    'li',
    { class: 'file-tile', testid: 'file-tile', 'aria-label': label },
    attachment.isImage
      ? el('button', { type: 'button', class: 'file-preview-button', 'aria-label': `View ${attachment.name}`, onclick: (event) => busy(view, error, () => viewLarger(attachment, event.currentTarget)) }, thumbnail(attachment))
      : thumbnail(attachment),
    el('p', { class: 'file-name', testid: 'file-name', title: attachment.name }, attachment.name),
    el('p', { class: 'file-size muted' }, `${kindOf(attachment)} · ${attachment.sizeInWords}`),
    el('div', { class: 'actions file-actions' }, view, open, save),
  );
  if (remove) {
    const take = el('button', { type: 'button', class: 'quiet small danger', testid: 'file-remove', 'aria-label': `Remove ${attachment.name}`, onclick: () => askFirst(take, {
      question: removeQuestion ?? `Remove “${attachment.name}”? It cannot be brought back; the history will say so.`,
      yes: 'Remove it',
      no: 'Keep it',
      testid: 'file-remove-confirm',
      error,
      onYes: remove,
    }) }, removeLabel);
    tile.querySelector('.file-actions').append(take);
  }
  return tile;
}

/** What could not be added, file by file, in words (or nothing). */
export function showProblems(line, problems) {
  showMessage(line, problems.length ? `Not added: ${problems.join(' ')}` : '');
}

/** Says what could not be added in the files card, once the page is drawn again. */
export function sayNotAdded(problems) {
  const line = document.querySelector('[data-testid="files-problems"]');
  if (line) showProblems(line, problems);
}

/** Says `text` in the files card (when the page cannot be drawn again under the owner's typing). */
export function sayInFilesCard(text) {
  const line = document.querySelector('[data-testid="files-problems"]');
  if (line) showMessage(line, text);
}

/** "Kept “cake.jpg” with the complaint." */
export function keptWords(files, where) {
  return `Kept ${files.length === 1 ? `“${files[0].name}”` : `${files.length} files`} ${where}.`;
}

/** A complaint's photos and files, with a way to add more. */
export function filesCard(details, saved) {
  const error = errorLine('files-error');
  const problems = errorLine('files-problems');
  const own = details.attachments;
  const refreshed = async (text) => saved(await api.getComplaint(details.id), text);
  const add = el('button', { type: 'button', testid: 'add-files', onclick: () => busy(add, error, async () => {
    const added = await api.addFilesToComplaint(details.id, null);
    if (!added) return;
    if (added.files.length) await refreshed(keptWords(added.files, 'with the complaint'));
    sayNotAdded(added.problems);
  }) }, 'Add photos or files…');
  const tiles = own.map((attachment) => fileTile(attachment, {
    error,
    remove: details.deletedAt ? null : async () => {
      await api.removeAttachment(attachment.id);
      await refreshed(`Removed “${attachment.name}”.`);
    },
  }));
  return el(
    'section',
    { class: 'card files-card', testid: 'files', 'aria-labelledby': 'files-heading' },
    el('h2', { id: 'files-heading' }, `Photos and files${own.length ? ` (${own.length})` : ''}`),
    tiles.length
      ? el('ul', { class: 'file-tiles' }, tiles)
      : el('p', { class: 'empty', testid: 'files-empty' }, 'No photos or files yet. A photo of what went wrong, a receipt or their email’s attachments can be kept here.'),
    error,
    problems,
    !details.deletedAt && el('p', { class: 'actions files-add' }, add, el('span', { class: 'muted' }, 'or drop them on this window (an email, as a .eml file, goes on the timeline).')),
  );
}

/** The files that came with one timeline entry, small, under it. */
export function entryFiles(details, contact) {
  const mine = details.attachments.filter((attachment) => attachment.contactId === contact.id);
  if (!mine.length) return null;
  const error = errorLine('entry-files-error');
  return el(
    'div',
    { class: 'entry-files', testid: 'entry-files' },
    el('span', { class: 'muted' }, mine.length === 1 ? 'With it: ' : `With it (${mine.length}): `),
    mine.map((attachment) => {
      const chip = el('button', { type: 'button', class: 'quiet small', testid: 'entry-file', onclick: () => busy(chip, error, () => (attachment.isImage ? viewLarger(attachment, chip) : api.openAttachment(attachment.id))) }, attachment.name);
      return chip;
    }),
    error,
  );
}

/** A way to keep files with one timeline entry. */
export function attachToEntry(details, contact, saved) {
  const error = errorLine('entry-attach-error');
  const attach = el('button', { type: 'button', class: 'quiet small', testid: 'entry-attach', onclick: () => busy(attach, error, async () => {
    const added = await api.addFilesToComplaint(details.id, contact.id);
    if (!added) return;
    if (added.files.length) saved(await api.getComplaint(details.id), keptWords(added.files, 'with that entry'));
    sayNotAdded(added.problems);
  }) }, 'Attach a file…');
  return el('span', { class: 'entry-attach' }, attach, error);
}
