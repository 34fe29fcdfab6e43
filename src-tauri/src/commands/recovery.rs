//! Starting again when the data file is damaged: from the latest backup, or
//! empty. The damaged file is set aside, never deleted.

use std::sync::Arc;

use mend_core::store::backups::{backups, BackupFile};
use mend_core::store::recovery::{recover, StartFrom};
use mend_core::SystemClock;
use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Recovered {
    /// Where the damaged file was set aside.
    damaged_file: String,
}

/// The latest automatic backup, to offer it when the data is damaged.
#[tauri::command]
pub fn latest_backup(state: State<'_, AppState>) -> Result<Option<BackupFile>, IpcError> {
    let folder = state.data_dir.clone()?;
    Ok(backups(&folder)?.into_iter().next())
}

#[tauri::command]
pub fn recover_data(state: State<'_, AppState>, start: StartFrom) -> Result<Recovered, IpcError> {
    let folder = state.data_dir.clone()?;
    // Not while the housekeeping reads the file about to be set aside.
    let _swapping = state.housekeeping.write();
    // The core decides whether there is anything to recover from.
    state
        .swap_store(
            |current| match recover(&folder, Arc::new(SystemClock), start) {
                Ok((store, aside)) => (Ok(store), Ok(aside)),
                Err(error) => (current, Err(IpcError::from(error))),
            },
        )
        .map(|aside| {
            crate::syncing::resume(&state);
            tracing::info!(?start, damaged_file = %aside.display(), "started again after damage");
            Recovered {
                damaged_file: aside.display().to_string(),
            }
        })
}
