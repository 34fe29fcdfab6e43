//! How Mend runs on the desktop: in the tray when its window closes, and at
//! login. The choice is kept in the store; the shell applies it.

use mend_core::store::preferences::DesktopSettings;
use tauri::{AppHandle, State};
use tauri_plugin_autostart::ManagerExt;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn get_desktop_settings(state: State<'_, AppState>) -> Result<DesktopSettings, IpcError> {
    Ok(state.store()?.desktop_settings()?)
}

#[tauri::command]
pub fn save_desktop_settings(
    app: AppHandle,
    state: State<'_, AppState>,
    settings: DesktopSettings,
) -> Result<DesktopSettings, IpcError> {
    apply(&app, &settings)?;
    Ok(state.store()?.save_desktop_settings(&settings)?)
}

/// Puts the tray icon and the login item in line with `settings`.
pub fn apply(app: &AppHandle, settings: &DesktopSettings) -> Result<(), IpcError> {
    if settings.keep_running_in_tray {
        crate::tray::ensure(app).map_err(|error| {
            IpcError::new(
                "tray_unavailable",
                format!("Mend could not add its icon to the system tray ({error})."),
            )
        })?;
    } else {
        crate::tray::remove(app);
    }
    let login = app.autolaunch();
    let now = login.is_enabled().unwrap_or(false);
    let changed = match (settings.start_at_login, now) {
        (true, false) => login.enable(),
        (false, true) => login.disable(),
        _ => Ok(()),
    };
    changed.map_err(|error| {
        IpcError::new(
            "login_item",
            format!("Mend could not change whether it starts when you log in ({error})."),
        )
    })
}
