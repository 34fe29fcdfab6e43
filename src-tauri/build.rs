// Each app command gets its own permission (allow-<command>), so that
// capabilities/ grants them one by one.
const COMMANDS: &[&str] = &[
    "app_status",
    "create_complaint",
    "list_complaints",
    "send_test_notification",
];

fn main() {
    let manifest = tauri_build::AppManifest::new().commands(COMMANDS);
    tauri_build::try_build(tauri_build::Attributes::new().app_manifest(manifest))
        .expect("the Tauri build step failed");
}
