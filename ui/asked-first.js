// What the window shows first, asked of the app as soon as this module and
// api.js are in (index.html loads it `async`), while the page's other
// modules still load: each answer is a trip to the app and back, and this
// way they come meanwhile. main.js takes them from here. The status goes
// first, so that its answer (which decides what the window shows) is not
// queued behind the reading of Today's data.

import { api } from './api.js';

/** A promise whose failure is handled where it is taken, not here. */
function kept(promise) {
  promise.catch(() => {});
  return promise;
}

export const askedFirst = {
  status: kept(api.appStatus()),
  reminders: kept(api.reminderStatus()),
  today: kept(api.getToday()),
  guide: kept(api.journeyGuide()),
};
