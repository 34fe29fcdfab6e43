//! Housekeeping while Mend runs, never in the owner's way: a moment after
//! start, the whole data file is checked, then backed up; then it is backed
//! up once a day. Both read the file through connections of their own, so
//! the store is never held for them. A problem is logged and told to the
//! owner once, in plain words (a banner in the window, which also asks for
//! it when it opens).

use std::time::Duration;

use mend_core::store::backups::automatic_backup_in;
use mend_core::store::recovery::check_data;
use mend_core::SystemClock;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// Tells the page of a problem found.
pub const PROBLEM_EVENT: &str = "housekeeping-problem";
const AFTER_START: Duration = Duration::from_secs(3);
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);

const DAMAGED: &str = "Mend found damage in your data file. Close Mend and open it again: \
     it will offer to put your latest backup in place (the damaged file is kept aside, never deleted).";

pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        // The window comes up first, with nothing else reading the disk.
        tokio::time::sleep(AFTER_START).await;
        let handle = app.clone();
        let checked = tauri::async_runtime::spawn_blocking(move || check(&handle)).await;
        if !matches!(checked, Ok(true)) {
            // A damaged file is not backed up over the good backups.
            return;
        }
        loop {
            let handle = app.clone();
            let made = tauri::async_runtime::spawn_blocking(move || back_up(&handle)).await;
            if let Ok(Err(message)) = made {
                tracing::warn!(%message, "the automatic backup failed");
                tell(
                    &app,
                    format!("Mend could not make today's backup. {message}"),
                );
            }
            tokio::time::sleep(EVERY).await;
        }
    });
}

/// Checks the whole data file; false when it is damaged (or not open).
fn check(app: &AppHandle) -> bool {
    let state = app.state::<AppState>();
    let Ok(folder) = state.data_dir.clone() else {
        return false;
    };
    if state.problem().is_some() {
        return false;
    }
    let started = std::time::Instant::now();
    match check_data(&folder) {
        Ok(()) => {
            tracing::info!(
                took_ms = started.elapsed().as_millis() as u64,
                "checked the data file"
            );
            true
        }
        Err(error) if error.code() == "damaged_database" => {
            tracing::error!("the check of the data file found damage");
            tell(app, DAMAGED.into());
            false
        }
        Err(error) => {
            // Could not be read through (busy, say): checked at the next start.
            tracing::warn!(code = error.code(), "the data file could not be checked");
            true
        }
    }
}

/// Backs up without holding the store: the owner works on meanwhile.
fn back_up(app: &AppHandle) -> Result<(), String> {
    let state = app.state::<AppState>();
    let folder = state.data_dir.clone().map_err(|problem| problem.message)?;
    // Data that could not be opened (a damaged file) is not copied.
    if let Some(unopened) = state.problem() {
        return Err(unopened.problem.message);
    }
    let made = automatic_backup_in(&folder, &SystemClock).map_err(|error| error.to_string())?;
    tracing::info!(path = %made.path, "made the automatic backup");
    Ok(())
}

/// Keeps the problem for the window to ask for, and tells it now.
fn tell(app: &AppHandle, message: String) {
    let state = app.state::<AppState>();
    if state.housekeeping_problem(message.clone()) {
        let _ = app.emit(PROBLEM_EVENT, message);
    }
}
