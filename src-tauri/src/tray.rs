//! The tray icon, present while "keep running in the tray" is on: it shows
//! how many reminders are due, and its menu opens or quits Mend.

use tauri::menu::{Menu, MenuItem};
use tauri::tray::TrayIconBuilder;
use tauri::{AppHandle, Manager};

use crate::state::AppState;

const TRAY_ID: &str = "mend-tray";

/// Adds the tray icon if it is not there yet.
pub fn ensure(app: &AppHandle) -> tauri::Result<()> {
    if app.tray_by_id(TRAY_ID).is_some() {
        return Ok(());
    }
    let open = MenuItem::with_id(app, "open", "Open Mend", true, None::<&str>)?;
    let quit = MenuItem::with_id(app, "quit", "Quit Mend", true, None::<&str>)?;
    let menu = Menu::with_items(app, &[&open, &quit])?;
    let mut builder = TrayIconBuilder::with_id(TRAY_ID)
        .menu(&menu)
        .tooltip("Mend")
        .on_menu_event(|app, event| match event.id.as_ref() {
            "open" => show_window(app),
            "quit" => app.exit(0),
            _ => {}
        });
    if let Some(icon) = app.default_window_icon() {
        builder = builder.icon(icon.clone());
    }
    builder.build(app)?;
    show_due_count(app);
    Ok(())
}

/// Whether the tray icon is there.
pub fn is_there(app: &AppHandle) -> bool {
    app.tray_by_id(TRAY_ID).is_some()
}

pub fn remove(app: &AppHandle) {
    let _ = app.remove_tray_by_id(TRAY_ID);
}

/// The number of due reminders, beside the icon and in its tooltip.
pub fn show_due_count(app: &AppHandle) {
    let Some(tray) = app.tray_by_id(TRAY_ID) else {
        return;
    };
    let due = app
        .state::<AppState>()
        .store()
        .ok()
        // Counted, not read: after a long absence thousands can be due.
        .and_then(|store| store.due_summary().ok())
        .map_or(0, |due| due.count);
    let text = match due {
        0 => "Mend: nothing due".to_owned(),
        1 => "Mend: 1 reminder due".to_owned(),
        n => format!("Mend: {n} reminders due"),
    };
    let _ = tray.set_tooltip(Some(&text));
    let _ = tray.set_title((due > 0).then(|| due.to_string()));
}

/// Brings the main window back, in front.
pub fn show_window(app: &AppHandle) {
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.show();
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}
