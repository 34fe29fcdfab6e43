// Every call from the UI to the app goes through here, so that a failure
// always arrives as an AppError with a plain message to show.

export class AppError extends Error {
  /** `fields`: what is wrong with each field of a form, `[{field, message}]`. */
  constructor(code, message, fields = []) {
    super(message);
    this.code = code;
    this.fields = fields;
  }
}

const FALLBACK = 'Something went wrong. Please try again; your saved work is safe.';

function toAppError(raw) {
  if (raw && typeof raw === 'object' && typeof raw.message === 'string' && raw.message) {
    const fields = Array.isArray(raw.fields) ? raw.fields.filter((problem) => typeof problem?.message === 'string') : [];
    return new AppError(typeof raw.code === 'string' ? raw.code : 'unknown', raw.message, fields);
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
  syncStatus: () => call('sync_status'),
  chooseSyncFolder: () => call('choose_sync_folder'),
  turnOnSync: (pick, name) => call('turn_on_sync', { pick, name }),
  syncNow: () => call('sync_now'),
  syncAsNewComputer: () => call('sync_as_new_computer'),
  stopSync: () => call('stop_sync'),
  renameSyncComputer: (name) => call('rename_sync_computer', { name }),
  complaintConflicts: (id) => call('complaint_conflicts', { id }),
  keepSyncValue: (id, field, value) => call('keep_sync_value', { id, field, value }),
  aboutMend: () => call('about_mend'),
  // `folder`: 'data', 'backups' or 'log'.
  openFolder: (folder) => call('open_folder', { folder }),
  journeyGuide: () => call('journey_guide'),

  createComplaint: (complaint) => call('create_complaint', { complaint }),
  // A customer's email read into a new complaint; the file one answers null when cancelled.
  emailFromFile: () => call('email_from_file'),
  emailFromText: (text) => call('email_from_text', { text }),
  addEmailToComplaint: (id) => call('add_email_to_complaint', { id }),
  // Photos and files. Those that ask which files answer null when cancelled;
  // thumbnails and contents come as bytes (an ArrayBuffer).
  addFilesToComplaint: (id, contactId) => call('add_files_to_complaint', { id, contactId }),
  addWaitingFiles: () => call('add_waiting_files'),
  discardWaitingFile: (id) => call('discard_waiting_file', { id }),
  handedInWaiting: () => call('handed_in_waiting'),
  handInForNewComplaint: (pick) => call('hand_in_for_new_complaint', { pick }),
  handInOntoComplaint: (pick, id) => call('hand_in_onto_complaint', { pick, id }),
  attachmentThumbnail: (id) => call('attachment_thumbnail', { id }),
  attachmentContent: (id) => call('attachment_content', { id }),
  openAttachment: (id) => call('open_attachment', { id }),
  saveAttachmentAs: (id) => call('save_attachment_as', { id }),
  removeAttachment: (id) => call('remove_attachment', { id }),
  intakeDraft: () => call('intake_draft'),
  saveIntakeDraft: (draft) => call('save_intake_draft', { draft }),
  listComplaints: (query) => call('list_complaints', { query }),
  countComplaints: (query) => call('count_complaints', { query }),
  getComplaint: (id) => call('get_complaint', { id }),
  addContact: (id, contact) => call('add_contact', { id, contact }),
  correctComplaint: (id, complaint) => call('correct_complaint', { id, complaint }),
  correctContact: (id, contact) => call('correct_contact', { id, contact }),
  deleteComplaint: (id) => call('delete_complaint', { id }),
  restoreDeletedComplaint: (id) => call('restore_deleted_complaint', { id }),
  deletedComplaints: () => call('deleted_complaints'),
  getToday: () => call('get_today'),

  draftMessage: (id, step, choosing = {}) => call('draft_message', { id, step, choosing }),
  recordStep: (id, step, entry) => call('record_step', { id, step, entry }),
  recordCall: (id, phoneCall) => call('record_call', { id, call: phoneCall }),
  closeComplaint: (id, closing) => call('close_complaint', { id, closing }),
  reopenComplaint: (id, why) => call('reopen_complaint', { id, why }),
  setChecklistItem: (id, step, item, ticked) => call('set_checklist_item', { id, step, item, ticked }),

  listCustomers: (search, offset, limit) => call('list_customers', { search, offset, limit }),
  getCustomer: (id) => call('get_customer', { id }),
  updateCustomer: (id, customer) => call('update_customer', { id, customer }),
  possibleDuplicates: (id) => call('possible_duplicates', { id }),
  mergeCustomers: (kept, merged) => call('merge_customers', { kept, merged }),

  getSettings: () => call('get_settings'),
  welcomePending: () => call('welcome_pending'),
  finishWelcome: (settings) => call('finish_welcome', { settings }),
  saveSettings: (settings) => call('save_settings', { settings }),
  listTemplates: () => call('list_templates'),
  saveTemplate: (step, body) => call('save_template', { step, body }),
  resetTemplate: (step) => call('reset_template', { step }),
  // The owner's lists: kind is 'categories' or 'causes'.
  listItems: (kind) => call('list_items', { kind }),
  addListItem: (kind, name) => call('add_list_item', { kind, name }),
  renameListItem: (kind, id, name) => call('rename_list_item', { kind, id, name }),
  setListItemRetired: (kind, id, retired) => call('set_list_item_retired', { kind, id, retired }),
  listCategories: () => call('list_items', { kind: 'categories' }),
  listCauses: () => call('list_items', { kind: 'causes' }),
  correctLesson: (id, lesson) => call('correct_lesson', { id, lesson }),
  emailMessage: (id, body) => call('email_message', { id, body }),
  sendTestNotification: () => call('send_test_notification'),

  listKnownIssues: () => call('list_known_issues'),
  getKnownIssue: (id) => call('get_known_issue', { id }),
  createKnownIssue: (issue) => call('create_known_issue', { issue }),
  updateKnownIssue: (id, issue) => call('update_known_issue', { id, issue }),
  setKnownIssueStatus: (id, status) => call('set_known_issue_status', { id, status }),
  linkComplaint: (id, complaintId) => call('link_complaint', { id, complaintId }),
  unlinkComplaint: (complaintId) => call('unlink_complaint', { complaintId }),
  setComplaintIssue: (complaintId, choice) => call('set_complaint_issue', { complaintId, choice }),
  tellCustomer: (id, customerId, channel) => call('tell_customer', { id, customerId, channel }),
  passOverCustomer: (id, customerId) => call('pass_over_customer', { id, customerId }),
  sameCause: (complaintId, causeId) => call('same_cause', { complaintId, causeId }),
  getIssueFixedTemplate: () => call('get_issue_fixed_template'),
  saveIssueFixedTemplate: (body) => call('save_issue_fixed_template', { body }),
  resetIssueFixedTemplate: () => call('reset_issue_fixed_template'),

  listImprovements: () => call('list_improvements'),
  getImprovement: (id) => call('get_improvement', { id }),
  addImprovement: (knownIssueId, improvement) => call('add_improvement', { knownIssueId, improvement }),
  updateImprovement: (id, improvement) => call('update_improvement', { id, improvement }),
  markImprovementDone: (id, doneDate) => call('mark_improvement_done', { id, doneDate }),
  checkImprovement: (id, worked, nextCheck) => call('check_improvement', { id, worked, nextCheck }),

  // period: { kind: 'last30_days' | 'last90_days' | 'last12_months' } or { kind: 'between', from, to }
  getPatterns: (period) => call('get_patterns', { period }),
  exportPatternsCsv: (period) => call('export_patterns_csv', { period }),

  reminderStatus: () => call('reminder_status'),
  complaintReminders: (id) => call('complaint_reminders', { id }),
  addReminder: (reminder) => call('add_reminder', { reminder }),
  completeReminder: (id) => call('complete_reminder', { id }),
  dismissReminder: (id) => call('dismiss_reminder', { id }),
  snoozeReminder: (id, snooze) => call('snooze_reminder', { id, snooze }),
  getReminderSettings: () => call('get_reminder_settings'),
  saveReminderSettings: (settings) => call('save_reminder_settings', { settings }),
  getDesktopSettings: () => call('get_desktop_settings'),
  saveDesktopSettings: (settings) => call('save_desktop_settings', { settings }),

  listBackups: () => call('list_backups'),
  // The commands that read or write a file open the file dialog themselves
  // and answer null when the owner cancels it.
  backUpNow: () => call('back_up_now'),
  pickBackupFile: () => call('pick_backup_file'),
  restoreBackup: (name) => call('restore_backup', { source: { from: 'automatic', name } }),
  restorePickedBackup: (pick) => call('restore_backup', { source: { from: 'picked', pick } }),
  latestBackup: () => call('latest_backup'),
  exportCsv: () => call('export_csv'),
  exportJson: () => call('export_json'),
  importJson: () => call('import_json'),
  previewCsv: () => call('preview_csv'),
  periodReport: (from, to) => call('period_report', { from, to }),
  importCsv: (pick, choices) => call('import_csv', { pick, choices }),
  recoverData: (start) => call('recover_data', { start }),
  printReport: () => call('print_report'),
  saveReportPdf: (name) => call('save_report_pdf', { name }),
};
