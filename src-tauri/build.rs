// Each app command gets its own permission (allow-<command>), so that
// capabilities/ grants them one by one.
const COMMANDS: &[&str] = &[
    "add_category",
    "add_contact",
    "app_status",
    "close_complaint",
    "create_complaint",
    "draft_message",
    "get_complaint",
    "get_customer",
    "get_settings",
    "get_today",
    "journey_guide",
    "list_categories",
    "list_complaints",
    "list_customers",
    "list_templates",
    "record_step",
    "rename_category",
    "reopen_complaint",
    "reset_template",
    "save_settings",
    "save_template",
    "send_test_notification",
    "set_category_retired",
    "set_checklist_item",
    "update_customer",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the Tauri build step failed");
}
