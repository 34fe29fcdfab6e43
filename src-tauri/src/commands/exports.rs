//! Export and import. The file dialogs are a thin step in the UI; these
//! commands take the path the dialog gave.

use std::path::Path;

use mend_core::store::import_csv::{
    preview, read_sheet, CsvImport, DateOrder, Field, Preview, Sheet,
};
use mend_core::store::import_json::Imported;
use mend_core::store::rows::ComplaintSummary;
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
    Ok(state.store()?.import_json_from(Path::new(&path))?)
}

/// Reads a spreadsheet and says what Mend makes of it, before importing.
#[tauri::command(async)]
pub fn preview_csv(path: String) -> Result<Preview, IpcError> {
    Ok(preview(&read_file(&path)?))
}

#[tauri::command(async)]
pub fn import_csv(
    state: State<'_, AppState>,
    path: String,
    mapping: Vec<Field>,
    order: Option<DateOrder>,
) -> Result<CsvImport, IpcError> {
    let sheet = read_file(&path)?;
    Ok(state.store()?.import_csv(&sheet, &mapping, order)?)
}

fn read_file(path: &str) -> Result<Sheet, IpcError> {
    let bytes = std::fs::read(path).map_err(|error| {
        IpcError::new(
            "unreadable_file",
            format!("Mend could not read {path} ({error})."),
        )
    })?;
    Ok(read_sheet(&bytes)?)
}

/// Every complaint received in a period, for its printable report.
#[tauri::command(async)]
pub fn period_report(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Vec<ComplaintSummary>, IpcError> {
    Ok(state.store()?.complaints_received_between(&from, &to)?)
}
