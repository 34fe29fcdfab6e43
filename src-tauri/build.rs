// Each app command gets its own permission (allow-<command>), so that
// capabilities/ grants them one by one.
const COMMANDS: &[&str] = &[
    "add_category",
    "add_contact",
    "add_reminder",
    "app_status",
    "back_up_now",
    "close_complaint",
    "complaint_reminders",
    "complete_reminder",
    "create_complaint",
    "dismiss_reminder",
    "draft_message",
    "export_csv",
    "export_json",
    "get_complaint",
    "get_customer",
    "get_desktop_settings",
    "get_reminder_settings",
    "get_settings",
    "get_today",
    "import_json",
    "journey_guide",
    "latest_backup",
    "list_backups",
    "list_categories",
    "list_complaints",
    "list_customers",
    "list_templates",
    "record_step",
    "recover_data",
    "reminder_status",
    "rename_category",
    "reopen_complaint",
    "reset_template",
    "restore_backup",
    "save_desktop_settings",
    "save_reminder_settings",
    "save_settings",
    "save_template",
    "send_test_notification",
    "set_category_retired",
    "set_checklist_item",
    "snooze_reminder",
    "update_customer",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the Tauri build step failed");
}
