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
#[tauri::command(async)]
pub fn latest_backup(state: State<'_, AppState>) -> Result<Option<BackupFile>, IpcError> {
    let folder = state.data_dir.clone()?;
    Ok(backups(&folder)?.into_iter().next())
}

#[tauri::command(async)]
pub fn recover_data(state: State<'_, AppState>, start: StartFrom) -> Result<Recovered, IpcError> {
    let Some(problem) = state.problem() else {
        return Err(IpcError::new(
            "nothing_to_recover",
            "Your data opened normally; there is nothing to recover.",
        ));
    };
    if !matches!(problem.code, "damaged_database" | "not_a_database") {
        return Err(problem);
    }
    let folder = state.data_dir.clone()?;
    let (store, aside) = recover(&folder, Arc::new(SystemClock), start)?;
    state.replace_store(store);
    Ok(Recovered {
        damaged_file: aside.display().to_string(),
    })
}
