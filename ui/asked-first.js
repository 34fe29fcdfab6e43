// What the window shows first, asked of the app as soon as this module and
// api.js are in (index.html loads it `async`), while the page's other
// modules still load: each answer is a trip to the app and back, and this
// way they come meanwhile. main.js takes them, once. The status goes
// first, so that its answer (which decides what the window shows) is not
// queued behind the reading of Today's data.

import { api } from './api.js';

/** A promise whose failure is handled where it is taken, not here. */
function handledLater(promise) {
  promise.catch(() => {});
  return promise;
}

let asked = {
  status: handledLater(api.appStatus()),
  reminders: handledLater(api.reminderStatus()),
  today: handledLater(api.getToday()),
  guide: handledLater(api.journeyGuide()),
};

/** The answers, to the one who takes them first (they are not kept here). */
export function takeAskedFirst() {
  const taken = asked;
  asked = null;
  return taken;
}
