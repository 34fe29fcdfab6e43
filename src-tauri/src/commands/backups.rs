//! Backups: where the data and its backups are, backing up to a file the
//! owner picks, and restoring an automatic backup or a picked file. The
//! file dialogs are opened here (see `dialogs`), never by the page.

use std::path::PathBuf;

use mend_core::store::backups::{
    automatic_backup_named, back_up_file_watched, backups, check_backup, BackupFile, BACKUP_FOLDER,
};
use mend_core::store::restore::restore_watched;
use mend_core::{Clock, Store, SystemClock};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, State};

use crate::dialogs::{self, Question};
use crate::error::IpcError;
use crate::long_work::Work;
use crate::state::{AppState, Unopened};

const BACKUP_FILES: &[&str] = &["sqlite3"];

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Backups {
    data_folder: String,
    backup_folder: String,
    /// The automatic ones, the newest first.
    backups: Vec<BackupFile>,
}

/// Which backup to restore: an automatic one, by its file name, or the file
/// the owner picked with `pick_backup_file` (by the number of that pick).
#[derive(Deserialize)]
#[serde(rename_all = "snake_case", tag = "from")]
pub enum BackupSource {
    Automatic { name: String },
    Picked { pick: u64 },
}

/// A backup file the owner picked, to confirm before restoring it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PickedBackup {
    path: String,
    pick: u64,
}

#[tauri::command]
pub fn list_backups(state: State<'_, AppState>) -> Result<Backups, IpcError> {
    let folder = state.data_dir.clone()?;
    Ok(Backups {
        data_folder: folder.display().to_string(),
        backup_folder: folder.join(BACKUP_FOLDER).display().to_string(),
        backups: backups(&folder)?,
    })
}

/// Asks where to save a backup and makes it; answers where, or nothing
/// when the owner cancelled.
#[tauri::command]
pub fn back_up_now(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    let running = state.long_work.start(&app, Work::BackUp)?;
    let day = SystemClock.today();
    let question = Question {
        title: "Save a backup of Mend",
        kind: "Mend backup",
        extensions: BACKUP_FILES,
        proposed_name: Some(format!("Mend backup {day}.sqlite3")),
    };
    let Some(target) = dialogs::save_to(&app, question)? else {
        return Ok(None);
    };
    let folder = state.data_dir.clone()?;
    // Data that could not be opened (a damaged file) is not copied.
    if let Some(unopened) = state.problem() {
        return Err(unopened.problem);
    }
    // Without holding the store: the owner can work while it is copied.
    let _not_while_swapping = state.housekeeping.read();
    back_up_file_watched(&Store::database_path(&folder), &target, &running)?;
    tracing::info!("made a backup on request");
    Ok(Some(target.display().to_string()))
}

/// Asks for a backup file and checks it; answers it for the owner to
/// confirm, or nothing when they cancelled.
#[tauri::command]
pub fn pick_backup_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<PickedBackup>, IpcError> {
    let question = Question {
        title: "Choose a Mend backup to restore",
        kind: "Mend backup",
        extensions: BACKUP_FILES,
        proposed_name: None,
    };
    // A new pick replaces the last one, even when it is refused.
    state.keep(&state.picked_backup, None);
    let Some(path) = dialogs::open_from(&app, question)? else {
        return Ok(None);
    };
    check_backup(&path)?;
    let pick = state.keep(&state.picked_backup, Some(path.clone()));
    Ok(Some(PickedBackup {
        path: path.display().to_string(),
        pick,
    }))
}

/// Restores a backup; answers where the replaced data was kept.
#[tauri::command]
pub fn restore_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    source: BackupSource,
) -> Result<String, IpcError> {
    let running = state.long_work.start(&app, Work::Restore)?;
    let folder = state.data_dir.clone()?;
    let backup: PathBuf = match source {
        BackupSource::Automatic { name } => automatic_backup_named(&folder, &name)?,
        BackupSource::Picked { pick } => {
            AppState::picked(&state.picked_backup, pick).ok_or_else(|| {
                IpcError::new(
                    "not_found",
                    "That is no longer the backup file you chose last; please choose it again.",
                )
            })?
        }
    };
    // Not while the housekeeping reads the file about to be swapped.
    let _swapping = state.housekeeping.write();
    let kept = state.swap_store(|current| match current {
        Ok(store) => {
            let (store, outcome) = restore_watched(store, &folder, &backup, &running);
            (
                store.map_err(Unopened::from),
                outcome.map_err(IpcError::from),
            )
        }
        Err(unopened) => {
            let problem = unopened.problem.clone();
            (Err(unopened), Err(problem))
        }
    })?;
    state.keep(&state.picked_backup, None);
    crate::syncing::resume(&state);
    tracing::info!(kept = %kept.display(), "restored a backup");
    Ok(kept.display().to_string())
}
