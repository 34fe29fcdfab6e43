//! Backups: where the data and its backups are, backing up to a file of the
//! owner's choice, and restoring a backup. The file dialogs are a thin step
//! in the UI; these commands take the path the dialog gave.

use std::path::{Path, PathBuf};

use mend_core::store::backups::{backups, BackupFile, BACKUP_FOLDER};
use mend_core::store::restore::restore;
use serde::Serialize;
use tauri::State;

use crate::error::IpcError;
use crate::state::{AppState, Unopened};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Backups {
    data_folder: String,
    backup_folder: String,
    /// The automatic ones, the newest first.
    backups: Vec<BackupFile>,
}

fn data_folder(state: &AppState) -> Result<PathBuf, IpcError> {
    state.data_dir.clone()
}

#[tauri::command(async)]
pub fn list_backups(state: State<'_, AppState>) -> Result<Backups, IpcError> {
    let folder = data_folder(&state)?;
    Ok(Backups {
        data_folder: folder.display().to_string(),
        backup_folder: folder.join(BACKUP_FOLDER).display().to_string(),
        backups: backups(&folder)?,
    })
}

#[tauri::command(async)]
pub fn back_up_now(state: State<'_, AppState>, path: String) -> Result<String, IpcError> {
    let target = Path::new(&path);
    state.store()?.back_up_to(target)?;
    Ok(target.display().to_string())
}

/// Restores a backup; answers where the replaced data was kept.
#[tauri::command(async)]
pub fn restore_backup(state: State<'_, AppState>, path: String) -> Result<String, IpcError> {
    let folder = data_folder(&state)?;
    state
        .swap_store(|current| match current {
            Ok(store) => {
                let (store, outcome) = restore(store, &folder, Path::new(&path));
                (
                    store.map_err(Unopened::from),
                    outcome.map_err(IpcError::from),
                )
            }
            Err(unopened) => {
                let problem = unopened.problem.clone();
                (Err(unopened), Err(problem))
            }
        })
        .map(|kept| kept.display().to_string())
}
