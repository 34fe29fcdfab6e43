//! Improvements: the changes made so a problem does not come back, and the
//! check of each some days after it is done.

use mend_core::store::improvements::{Improvement, ImprovementInput};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn list_improvements(state: State<'_, AppState>) -> Result<Vec<Improvement>, IpcError> {
    Ok(state.store()?.improvements()?)
}

#[tauri::command]
pub fn get_improvement(state: State<'_, AppState>, id: i64) -> Result<Improvement, IpcError> {
    Ok(state.store()?.improvement(id)?)
}

#[tauri::command]
pub fn add_improvement(
    state: State<'_, AppState>,
    known_issue_id: Option<i64>,
    improvement: ImprovementInput,
) -> Result<Improvement, IpcError> {
    Ok(state
        .store()?
        .add_improvement(known_issue_id, &improvement)?)
}

#[tauri::command]
pub fn update_improvement(
    state: State<'_, AppState>,
    id: i64,
    improvement: ImprovementInput,
) -> Result<Improvement, IpcError> {
    Ok(state.store()?.update_improvement(id, &improvement)?)
}

#[tauri::command]
pub fn mark_improvement_done(
    state: State<'_, AppState>,
    id: i64,
    done_date: Option<String>,
) -> Result<Improvement, IpcError> {
    Ok(state
        .store()?
        .mark_improvement_done(id, done_date.as_deref())?)
}

#[tauri::command]
pub fn check_improvement(
    state: State<'_, AppState>,
    id: i64,
    worked: bool,
    next_check: Option<String>,
) -> Result<Improvement, IpcError> {
    Ok(state
        .store()?
        .check_improvement(id, worked, next_check.as_deref())?)
}
