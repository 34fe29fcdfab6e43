//! The floor of Mend's stack, for its benchmark (`bench/measure.py`): the
//! same Tauri 2, the same plugins, SQLite bundled the same way and opened
//! at start, one page and nothing else. Whatever Mend costs above this
//! window is Mend's own.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use tauri::Manager;

fn main() {
    tauri::Builder::default()
        .plugin(tauri_plugin_single_instance::init(|_, _, _| {}))
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_opener::init())
        .plugin(tauri_plugin_autostart::init(
            tauri_plugin_autostart::MacosLauncher::LaunchAgent,
            None,
        ))
        .setup(|app| {
            // A database opened as Mend opens its own, so SQLite is linked and started.
            let folder = app.path().app_data_dir()?;
            std::fs::create_dir_all(&folder)?;
            let conn = rusqlite::Connection::open(folder.join("bare.sqlite3"))?;
            conn.execute_batch("PRAGMA journal_mode = WAL; CREATE TABLE IF NOT EXISTS t (x);")?;
            app.manage(std::sync::Mutex::new(conn));
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the bare window runs");
}
