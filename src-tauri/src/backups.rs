//! Automatic backups while Mend runs: one at start, then one a day.

use std::time::Duration;

use mend_core::store::backups::automatic_backup_in;
use mend_core::SystemClock;
use tauri::{AppHandle, Manager};

use crate::state::AppState;

const EVERY: Duration = Duration::from_secs(24 * 60 * 60);

pub fn start(app: AppHandle) {
    tauri::async_runtime::spawn(async move {
        loop {
            let handle = app.clone();
            let made = tauri::async_runtime::spawn_blocking(move || back_up(&handle)).await;
            if let Ok(Err(message)) = made {
                tracing::warn!(%message, "the automatic backup failed");
            }
            tokio::time::sleep(EVERY).await;
        }
    });
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
