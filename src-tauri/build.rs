// Each app command gets its own permission (allow-<command>), so that
// capabilities/ grants them one by one.
const COMMANDS: &[&str] = &[
    "add_contact",
    "add_improvement",
    "add_list_item",
    "add_reminder",
    "app_status",
    "back_up_now",
    "check_improvement",
    "close_complaint",
    "complaint_reminders",
    "complete_reminder",
    "correct_complaint",
    "correct_contact",
    "correct_lesson",
    "count_complaints",
    "create_complaint",
    "create_known_issue",
    "delete_complaint",
    "deleted_complaints",
    "dismiss_reminder",
    "draft_message",
    "export_csv",
    "export_json",
    "export_patterns_csv",
    "finish_welcome",
    "get_complaint",
    "get_customer",
    "get_desktop_settings",
    "get_improvement",
    "get_issue_fixed_template",
    "get_known_issue",
    "get_patterns",
    "get_reminder_settings",
    "get_settings",
    "get_today",
    "import_csv",
    "import_json",
    "intake_draft",
    "journey_guide",
    "latest_backup",
    "link_complaint",
    "list_backups",
    "list_complaints",
    "list_customers",
    "list_improvements",
    "list_items",
    "list_known_issues",
    "list_templates",
    "mark_improvement_done",
    "pass_over_customer",
    "period_report",
    "pick_backup_file",
    "preview_csv",
    "print_report",
    "record_call",
    "record_step",
    "recover_data",
    "reminder_status",
    "rename_list_item",
    "reopen_complaint",
    "reset_issue_fixed_template",
    "reset_template",
    "restore_backup",
    "restore_deleted_complaint",
    "same_cause",
    "save_desktop_settings",
    "save_intake_draft",
    "save_issue_fixed_template",
    "save_reminder_settings",
    "save_report_pdf",
    "save_settings",
    "save_template",
    "send_test_notification",
    "set_checklist_item",
    "set_complaint_issue",
    "set_known_issue_status",
    "set_list_item_retired",
    "snooze_reminder",
    "tell_customer",
    "unlink_complaint",
    "update_customer",
    "update_improvement",
    "update_known_issue",
    "welcome_pending",
];

/// Chart.js, fetched from npm by the set-up scripts; the window loads it.
const CHART_LIBRARY: &str = "../ui/lib/chart.umd.min.js";

fn main() {
    println!("cargo:rerun-if-changed={CHART_LIBRARY}");
    if !std::path::Path::new(CHART_LIBRARY).is_file() {
        panic!(
            "ui/lib/chart.umd.min.js is missing. Run `bash scripts/start.sh` or \
             `bash scripts/test.sh` once: they fetch Chart.js from npm (vendor/package.json)."
        );
    }
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the Tauri build step failed");
}
