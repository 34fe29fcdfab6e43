//! Reminders: the ones due, a complaint's, the owner's own, and done,
//! snooze or dismiss. Every change wakes the scheduler.

use mend_core::reminders::{ReminderSettings, Snooze};
use mend_core::store::reminders::{DueSummary, NewReminder, Reminder};
use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderStatus {
    /// How many are due, and which in short: not every one of them.
    due: DueSummary,
    /// Said once: why desktop notifications are not reaching the owner.
    notifications_problem: Option<String>,
}

#[tauri::command]
pub fn reminder_status(state: State<'_, AppState>) -> Result<ReminderStatus, IpcError> {
    let due = state.store()?.due_summary()?;
    Ok(ReminderStatus {
        due,
        notifications_problem: state.take_notifications_problem(),
    })
}

#[tauri::command]
pub fn complaint_reminders(state: State<'_, AppState>, id: i64) -> Result<Vec<Reminder>, IpcError> {
    Ok(state.store()?.complaint_reminders(id)?)
}

#[tauri::command]
pub fn add_reminder(
    state: State<'_, AppState>,
    reminder: NewReminder,
) -> Result<Reminder, IpcError> {
    Ok(state.store()?.add_reminder(&reminder)?)
}

#[tauri::command]
pub fn complete_reminder(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.store()?.complete_reminder(id)?;
    Ok(())
}

#[tauri::command]
pub fn dismiss_reminder(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    state.store()?.dismiss_reminder(id)?;
    Ok(())
}

#[tauri::command]
pub fn snooze_reminder(
    state: State<'_, AppState>,
    id: i64,
    snooze: Snooze,
) -> Result<Reminder, IpcError> {
    Ok(state.store()?.snooze_reminder(id, &snooze)?)
}

#[tauri::command]
pub fn get_reminder_settings(state: State<'_, AppState>) -> Result<ReminderSettings, IpcError> {
    Ok(state.store()?.reminder_settings()?)
}

#[tauri::command]
pub fn save_reminder_settings(
    state: State<'_, AppState>,
    settings: ReminderSettings,
) -> Result<ReminderSettings, IpcError> {
    Ok(state.store()?.save_reminder_settings(&settings)?)
}
