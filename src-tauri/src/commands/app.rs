//! The app as a whole: where its data is, and whether it could be opened.

use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    data_folder: Option<String>,
    problem: Option<IpcError>,
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    AppStatus {
        data_folder: state
            .data_dir
            .as_ref()
            .ok()
            .map(|dir| dir.display().to_string()),
        problem: state.problem(),
    }
}
