//! Complaints: intake, the list, one complaint's page, the timeline and Today.

use mend_core::store::complaints::{ComplaintDetails, NewComplaint};
use mend_core::store::deleted::DeletedComplaint;
use mend_core::store::list::{ComplaintPage, ComplaintQuery};
use mend_core::store::rows::{ComplaintSummary, Contact};
use mend_core::store::timeline::NewContact;
use mend_core::store::today::Today;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn create_complaint(
    state: State<'_, AppState>,
    complaint: NewComplaint,
) -> Result<ComplaintSummary, IpcError> {
    Ok(state.store()?.create_complaint(&complaint)?)
}

/// The half-written new complaint, kept as typed.
#[tauri::command]
pub fn intake_draft(state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    Ok(state.store()?.intake_draft()?)
}

#[tauri::command]
pub fn save_intake_draft(state: State<'_, AppState>, draft: String) -> Result<(), IpcError> {
    Ok(state.store()?.save_intake_draft(&draft)?)
}

#[tauri::command]
pub fn list_complaints(
    state: State<'_, AppState>,
    query: ComplaintQuery,
) -> Result<ComplaintPage, IpcError> {
    Ok(state.store()?.list_complaints(&query)?)
}

/// How many complaints match, asked apart from the page so it never waits.
#[tauri::command]
pub fn count_complaints(
    state: State<'_, AppState>,
    query: ComplaintQuery,
) -> Result<i64, IpcError> {
    Ok(state.store()?.count_complaints(&query)?)
}

#[tauri::command]
pub fn get_complaint(state: State<'_, AppState>, id: i64) -> Result<ComplaintDetails, IpcError> {
    Ok(state.store()?.complaint(id)?)
}

#[tauri::command]
pub fn add_contact(
    state: State<'_, AppState>,
    id: i64,
    contact: NewContact,
) -> Result<Contact, IpcError> {
    Ok(state.store()?.add_contact(id, &contact)?)
}

/// Changes a complaint's facts; says how many changed.
#[tauri::command]
pub fn correct_complaint(
    state: State<'_, AppState>,
    id: i64,
    complaint: NewComplaint,
) -> Result<usize, IpcError> {
    Ok(state.store()?.correct_complaint(id, &complaint)?)
}

#[tauri::command]
pub fn correct_contact(
    state: State<'_, AppState>,
    id: i64,
    contact: NewContact,
) -> Result<Contact, IpcError> {
    Ok(state.store()?.correct_contact(id, &contact)?)
}

#[tauri::command]
pub fn delete_complaint(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    Ok(state.store()?.delete_complaint(id)?)
}

#[tauri::command]
pub fn restore_deleted_complaint(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    Ok(state.store()?.restore_deleted_complaint(id)?)
}

#[tauri::command]
pub fn deleted_complaints(state: State<'_, AppState>) -> Result<Vec<DeletedComplaint>, IpcError> {
    Ok(state.store()?.deleted_complaints()?)
}

#[tauri::command]
pub fn get_today(state: State<'_, AppState>) -> Result<Today, IpcError> {
    Ok(state.store()?.today()?)
}
