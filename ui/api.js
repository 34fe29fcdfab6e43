// Every call from the UI to the app goes through here, so that a failure
// always arrives as an AppError with a plain message to show.

export class AppError extends Error {
  constructor(code, message) {
    super(message);
    this.code = code;
  }
}

const FALLBACK = 'Something went wrong. Please try again; your saved work is safe.';

function toAppError(raw) {
  if (raw && typeof raw === 'object' && typeof raw.message === 'string' && raw.message) {
    return new AppError(typeof raw.code === 'string' ? raw.code : 'unknown', raw.message);
  }
  if (typeof raw === 'string' && raw) return new AppError('unknown', raw);
  return new AppError('unknown', FALLBACK);
}

async function call(command, args) {
  const invoke = window.__TAURI__?.core?.invoke;
  if (!invoke) throw new AppError('no_app', 'This page only works inside the Mend app.');
  try {
    return await invoke(command, args);
  } catch (raw) {
    throw toAppError(raw);
  }
}

export const api = {
  appStatus: () => call('app_status'),
  createComplaint: (complaint) => call('create_complaint', { complaint }),
  listComplaints: () => call('list_complaints'),
  sendTestNotification: () => call('send_test_notification'),
};
