//! Complaints: record one, list them.

use mend_core::{Complaint, NewComplaint};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command(async)]
pub fn create_complaint(
    state: State<'_, AppState>,
    complaint: NewComplaint,
) -> Result<Complaint, IpcError> {
    Ok(state.store()?.create_complaint(&complaint)?)
}

#[tauri::command(async)]
pub fn list_complaints(state: State<'_, AppState>) -> Result<Vec<Complaint>, IpcError> {
    Ok(state.store()?.list_complaints()?)
}
