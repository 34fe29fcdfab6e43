// The journey's coaching and fixed lists, read once from the app.

import { api } from './api.js';

let loaded = null;

/** `asked`: the answer, when it was asked for already. */
export async function loadGuide(asked = api.journeyGuide()) {
  loaded = await asked;
  return loaded;
}

/** { steps, channels, severities, remedies, closeReasons, directions } */
export function guide() {
  return loaded;
}

export function labelOf(list, value) {
  return loaded[list].find((choice) => choice.value === value)?.label ?? value;
}

export function stepTitle(step) {
  return loaded.steps.find((coaching) => coaching.step === step)?.title ?? step;
}
