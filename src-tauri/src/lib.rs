//! Mend's desktop shell: it adapts the core to Tauri and nothing more.
//! Commands live in `commands/`, one file per area.

mod commands;
mod error;
mod notify;
mod state;

use tauri::Manager;

pub fn run() {
    init_logging();
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_notification::init())
        .setup(|app| {
            let state = state::AppState::open(state::data_dir(app.handle()));
            app.manage(state);
            Ok(())
        })
        .invoke_handler(tauri::generate_handler![
            commands::app::app_status,
            commands::complaints::create_complaint,
            commands::complaints::list_complaints,
            commands::complaints::get_complaint,
            commands::complaints::add_contact,
            commands::complaints::get_today,
            commands::journey::journey_guide,
            commands::journey::draft_message,
            commands::journey::record_step,
            commands::journey::close_complaint,
            commands::journey::reopen_complaint,
            commands::journey::set_checklist_item,
            commands::customers::list_customers,
            commands::customers::get_customer,
            commands::customers::update_customer,
            commands::settings::send_test_notification,
            commands::settings::get_settings,
            commands::settings::save_settings,
            commands::settings::list_templates,
            commands::settings::save_template,
            commands::settings::reset_template,
            commands::settings::list_categories,
            commands::settings::add_category,
            commands::settings::rename_category,
            commands::settings::set_category_retired,
        ])
        .run(tauri::generate_context!());
    if let Err(error) = result {
        eprintln!("Mend could not start: {error}");
        std::process::exit(1);
    }
}

/// Logs go to standard error; `RUST_LOG` chooses how much.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .init();
}
