//! Known issues: the problems behind several complaints, their links, their
//! status, and telling the customers once one is fixed.

use mend_core::kinds::{Channel, IssueStatus};
use mend_core::store::complaints::ComplaintDetails;
use mend_core::store::known_issues::choice::{IssueChoice, SameCause};
use mend_core::store::known_issues::telling::IssueFixedTemplate;
use mend_core::store::known_issues::{IssueSummary, IssueText, KnownIssue};
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn list_known_issues(state: State<'_, AppState>) -> Result<Vec<IssueSummary>, IpcError> {
    Ok(state.store()?.known_issues()?)
}

#[tauri::command]
pub fn get_known_issue(state: State<'_, AppState>, id: i64) -> Result<KnownIssue, IpcError> {
    Ok(state.store()?.known_issue(id)?)
}

#[tauri::command]
pub fn create_known_issue(
    state: State<'_, AppState>,
    issue: IssueText,
) -> Result<KnownIssue, IpcError> {
    Ok(state.store()?.create_known_issue(&issue)?)
}

#[tauri::command]
pub fn update_known_issue(
    state: State<'_, AppState>,
    id: i64,
    issue: IssueText,
) -> Result<KnownIssue, IpcError> {
    Ok(state.store()?.update_known_issue(id, &issue)?)
}

#[tauri::command]
pub fn set_known_issue_status(
    state: State<'_, AppState>,
    id: i64,
    status: IssueStatus,
) -> Result<KnownIssue, IpcError> {
    Ok(state.store()?.set_known_issue_status(id, status)?)
}

#[tauri::command]
pub fn link_complaint(
    state: State<'_, AppState>,
    id: i64,
    complaint_id: i64,
) -> Result<KnownIssue, IpcError> {
    Ok(state.store()?.link_complaint(id, complaint_id)?)
}

/// From the complaint's page: into the known issue chosen, or out of its one.
#[tauri::command]
pub fn set_complaint_issue(
    state: State<'_, AppState>,
    complaint_id: i64,
    choice: IssueChoice,
) -> Result<ComplaintDetails, IpcError> {
    Ok(state.store()?.set_complaint_issue(complaint_id, &choice)?)
}

#[tauri::command]
pub fn unlink_complaint(state: State<'_, AppState>, complaint_id: i64) -> Result<(), IpcError> {
    Ok(state.store()?.unlink_complaint(complaint_id)?)
}

#[tauri::command]
pub fn tell_customer(
    state: State<'_, AppState>,
    id: i64,
    customer_id: i64,
    channel: Channel,
) -> Result<KnownIssue, IpcError> {
    Ok(state.store()?.tell_customer(id, customer_id, channel)?)
}

#[tauri::command]
pub fn pass_over_customer(
    state: State<'_, AppState>,
    id: i64,
    customer_id: i64,
) -> Result<KnownIssue, IpcError> {
    Ok(state.store()?.pass_over_customer(id, customer_id)?)
}

/// How many other complaints had this cause lately (the Close step says so).
#[tauri::command]
pub fn same_cause(
    state: State<'_, AppState>,
    complaint_id: i64,
    cause_id: i64,
) -> Result<SameCause, IpcError> {
    Ok(state.store()?.same_cause(complaint_id, cause_id)?)
}

#[tauri::command]
pub fn get_issue_fixed_template(
    state: State<'_, AppState>,
) -> Result<IssueFixedTemplate, IpcError> {
    Ok(state.store()?.issue_fixed_template()?)
}

#[tauri::command]
pub fn save_issue_fixed_template(
    state: State<'_, AppState>,
    body: String,
) -> Result<IssueFixedTemplate, IpcError> {
    Ok(state.store()?.save_issue_fixed_template(&body)?)
}

#[tauri::command]
pub fn reset_issue_fixed_template(
    state: State<'_, AppState>,
) -> Result<IssueFixedTemplate, IpcError> {
    Ok(state.store()?.reset_issue_fixed_template()?)
}
