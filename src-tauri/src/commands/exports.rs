//! Export and import. The file dialogs are a thin step in the UI; these
//! commands take the path the dialog gave.

use std::path::Path;

use mend_core::store::import_json::Imported;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

/// Writes one row per complaint; answers how many.
#[tauri::command(async)]
pub fn export_csv(state: State<'_, AppState>, path: String) -> Result<usize, IpcError> {
    Ok(state.store()?.export_csv(Path::new(&path))?)
}

#[tauri::command(async)]
pub fn export_json(state: State<'_, AppState>, path: String) -> Result<(), IpcError> {
    Ok(state.store()?.export_json_to(Path::new(&path))?)
}

#[tauri::command(async)]
pub fn import_json(state: State<'_, AppState>, path: String) -> Result<Imported, IpcError> {
    let imported = state.store()?.import_json_from(Path::new(&path))?;
    state.reminders_changed();
    Ok(imported)
}
