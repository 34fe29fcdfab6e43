// What was recorded at a step, read back in plain words.

import { el, formatDateTime, formatDay, money } from '../dom.js';
import { labelOf } from '../guide.js';

export function recordedLines(record) {
  const lines = [
    ['When', formatDateTime(record.doneAt) + (record.channel ? ` · ${labelOf('channels', record.channel)}` : '') + (record.writtenLater ? ` · written down later, on ${formatDateTime(record.writtenLater)}` : '')],
    [record.step === 'close' ? 'Note' : record.step === 'follow_up' ? 'Their words' : record.step === 'assure' ? 'Plan' : 'What', record.text],
    ['Promised by', record.promisedDate && formatDay(record.promisedDate)],
    ['Remedy', record.remedy && labelOf('remedies', record.remedy)],
    ['Cost', record.costCents != null && money(record.costCents)],
    ['Satisfaction', record.satisfaction && `${record.satisfaction} of 5${record.satisfied === false ? ' · not resolved yet' : record.satisfied ? ' · resolved' : ''}`],
    ['Closed as', record.closeReason && labelOf('closeReasons', record.closeReason)],
    ['Lesson', record.rootCause],
    ['Will change', record.preventiveAction],
    ['Check-in', record.checkInDate && formatDay(record.checkInDate)],
  ];
  return el('dl', { class: 'facts', testid: 'step-record' }, lines.filter(([, value]) => value).map(([name, value]) => [el('dt', {}, name), el('dd', { class: 'pre' }, value)]));
}
