//! The app as a whole: where its data is, whether it could be opened, and
//! what Settings says about Mend itself.

use mend_core::store::backups::BACKUP_FOLDER;
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};

use crate::error::IpcError;
use crate::interface_font::InterfaceFont;
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    data_folder: Option<String>,
    problem: Option<IpcError>,
    /// The problem is one Mend can start again from (a damaged file).
    recoverable: bool,
    /// What the housekeeping found since start (damage, a failed backup).
    housekeeping_problem: Option<String>,
    /// The system's interface font by name, where the app can tell it.
    interface_font: Option<String>,
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>, font: State<'_, InterfaceFont>) -> AppStatus {
    let problem = state.problem();
    AppStatus {
        data_folder: state
            .data_dir
            .as_ref()
            .ok()
            .map(|dir| dir.display().to_string()),
        problem: problem.as_ref().map(|unopened| unopened.problem.clone()),
        recoverable: problem.is_some_and(|unopened| unopened.recoverable),
        housekeeping_problem: state.housekeeping_found(),
        interface_font: font.0.clone(),
    }
}

/// What Settings says about Mend itself, and where its files are.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct About {
    version: &'static str,
    licence: &'static str,
    data_folder: Option<String>,
    backup_folder: Option<String>,
    log_folder: Option<String>,
}

#[tauri::command]
pub fn about_mend(app: AppHandle, state: State<'_, AppState>) -> About {
    let data = state.data_dir.as_ref().ok();
    About {
        version: env!("CARGO_PKG_VERSION"),
        licence: env!("CARGO_PKG_LICENSE"),
        data_folder: data.map(|dir| dir.display().to_string()),
        backup_folder: data.map(|dir| dir.join(BACKUP_FOLDER).display().to_string()),
        log_folder: crate::log::folder(&app).map(|dir| dir.display().to_string()),
    }
}

/// One of Mend's own folders; the page names which, never a path.
#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Folder {
    Data,
    Backups,
    Log,
}

/// Opens one of Mend's folders in the system's file manager.
#[tauri::command]
pub fn open_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    folder: Folder,
) -> Result<(), IpcError> {
    let path = match folder {
        Folder::Data => state.data_dir.clone()?,
        Folder::Backups => state.data_dir.clone()?.join(BACKUP_FOLDER),
        Folder::Log => crate::log::folder(&app).ok_or_else(|| {
            IpcError::new(
                "open_folder",
                "Your computer gives Mend no folder for its log.",
            )
        })?,
    };
    // A folder not made yet (no backup so far) is made, so that it opens.
    std::fs::create_dir_all(&path).map_err(|_| {
        IpcError::new(
            "open_folder",
            format!("Mend could not make the folder {}.", path.display()),
        )
    })?;
    crate::opener::open_folder(&app, &path)
}
