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
    /// The problem is one Mend can start again from (a damaged file).
    recoverable: bool,
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> AppStatus {
    let problem = state.problem();
    AppStatus {
        data_folder: state
            .data_dir
            .as_ref()
            .ok()
            .map(|dir| dir.display().to_string()),
        problem: problem.as_ref().map(|unopened| unopened.problem.clone()),
        recoverable: problem.is_some_and(|unopened| unopened.recoverable),
    }
}
