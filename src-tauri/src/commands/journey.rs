//! The guided journey of one complaint: coaching, drafts, recording steps,
//! closing, reopening and checklists.

use mend_core::journey::guide::{guide, Guide};
use mend_core::journey::template::Draft;
use mend_core::journey::Step;
use mend_core::store::complaints::ComplaintDetails;
use mend_core::store::email::Email;
use mend_core::store::journey::{Call, Closing, StepEntry};
use mend_core::store::lessons::Lesson;
use mend_core::store::settings::DraftChoices;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn journey_guide() -> Guide {
    guide()
}

#[tauri::command]
pub fn draft_message(
    state: State<'_, AppState>,
    id: i64,
    step: Step,
    choosing: DraftChoices,
) -> Result<Draft, IpcError> {
    Ok(state.store()?.draft_message(id, step, &choosing)?)
}

#[tauri::command]
pub fn record_step(
    state: State<'_, AppState>,
    id: i64,
    step: Step,
    entry: StepEntry,
) -> Result<ComplaintDetails, IpcError> {
    Ok(state.store()?.record_step(id, step, &entry)?)
}

#[tauri::command]
pub fn close_complaint(
    state: State<'_, AppState>,
    id: i64,
    closing: Closing,
) -> Result<ComplaintDetails, IpcError> {
    Ok(state.store()?.close_complaint(id, &closing)?)
}

#[tauri::command]
pub fn reopen_complaint(
    state: State<'_, AppState>,
    id: i64,
    why: String,
) -> Result<ComplaintDetails, IpcError> {
    Ok(state.store()?.reopen_complaint(id, &why)?)
}

#[tauri::command]
pub fn set_checklist_item(
    state: State<'_, AppState>,
    id: i64,
    step: Step,
    item: String,
    ticked: bool,
) -> Result<(), IpcError> {
    Ok(state.store()?.set_checklist_item(id, step, &item, ticked)?)
}

/// Several steps done in one call, recorded in one go.
#[tauri::command]
pub fn record_call(
    state: State<'_, AppState>,
    id: i64,
    call: Call,
) -> Result<ComplaintDetails, IpcError> {
    Ok(state.store()?.record_call(id, &call)?)
}

/// Puts right (or completes) the lesson of a closed complaint.
#[tauri::command]
pub fn correct_lesson(
    state: State<'_, AppState>,
    id: i64,
    lesson: Lesson,
) -> Result<ComplaintDetails, IpcError> {
    Ok(state.store()?.correct_lesson(id, &lesson)?)
}

/// "Email it": the owner's mail program opens with the message to the
/// customer; Mend sends nothing itself.
#[tauri::command]
pub fn email_message(
    app: tauri::AppHandle,
    state: State<'_, AppState>,
    id: i64,
    body: String,
) -> Result<Email, IpcError> {
    let email = state.store()?.email_for(id, &body)?;
    crate::opener::open_mail(&app, &email.link)?;
    Ok(email)
}
