// The journey's coaching and fixed lists, read once from the app.

import { api } from './api.js';

let loaded = null;

export async function loadGuide() {
  loaded = await api.journeyGuide();
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
