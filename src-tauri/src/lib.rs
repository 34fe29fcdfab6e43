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
            commands::settings::send_test_notification,
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
