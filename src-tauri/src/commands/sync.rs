//! Sync with the owner's other computers: what it is doing, choosing the
//! shared folder (the dialog is opened here), turning it on, a round now.

use mend_core::sync::conflicts::{self, FieldConflict};
use mend_core::sync::setup::{self, SyncPreview};
use mend_core::sync::SyncSession;
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::dialogs;
use crate::error::IpcError;
use crate::state::AppState;
use crate::syncing::{self, Shown};

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PickedFolder {
    pick: u64,
    #[serde(flatten)]
    preview: SyncPreview,
}

#[tauri::command]
pub fn sync_status(state: State<'_, AppState>) -> Result<Shown, IpcError> {
    syncing::shown(&state)
}

/// Asks for the shared folder; answers what turning sync on with it will
/// do, or nothing when the owner cancelled.
#[tauri::command]
pub fn choose_sync_folder(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<PickedFolder>, IpcError> {
    state.keep(&state.picked_sync_folder, None);
    let Some(folder) = dialogs::choose_folder(&app, "Choose the folder your computers share")?
    else {
        return Ok(None);
    };
    let data_dir = state.data_dir.clone()?;
    let preview = setup::preview(&*state.store()?, &data_dir, &folder)?;
    let pick = state.keep(&state.picked_sync_folder, Some(folder));
    Ok(Some(PickedFolder { pick, preview }))
}

/// Turns sync on with the folder picked (by the number of that pick).
#[tauri::command]
pub fn turn_on_sync(
    state: State<'_, AppState>,
    pick: u64,
    name: String,
) -> Result<Shown, IpcError> {
    let folder = AppState::picked(&state.picked_sync_folder, pick)
        .ok_or_else(|| IpcError::new("stale_pick", "Please choose the shared folder again."))?;
    let data_dir = state.data_dir.clone()?;
    // The session first, then the store, as a round takes them: no round
    // of the old session runs while the new one is set up.
    let mut slot = state.syncing.slot();
    *slot = Some(setup::turn_on(
        &mut *state.store()?,
        &data_dir,
        &folder,
        &name,
    )?);
    drop(slot);
    state.syncing.say(None);
    tracing::info!("sync was turned on");
    state.syncing.wake.ring();
    syncing::shown(&state)
}

/// A round now (the owner asked); answers how sync stands after it.
#[tauri::command]
pub fn sync_now(app: AppHandle, state: State<'_, AppState>) -> Result<Shown, IpcError> {
    syncing::round_now(&app);
    syncing::shown(&state)
}

/// Stops syncing on this computer; what is done meanwhile is sent when it
/// is turned on again.
#[tauri::command]
pub fn stop_sync(state: State<'_, AppState>) -> Result<Shown, IpcError> {
    let mut slot = state.syncing.slot();
    setup::stop(&mut *state.store()?)?;
    *slot = None;
    drop(slot);
    state.syncing.say(None);
    tracing::info!("sync was stopped");
    syncing::shown(&state)
}

/// Gives this computer another name.
#[tauri::command]
pub fn rename_sync_computer(state: State<'_, AppState>, name: String) -> Result<Shown, IpcError> {
    setup::rename(&mut *state.store()?, &name)?;
    syncing::shown(&state)
}

/// For a copy of another computer's data: carries on as a computer of its own.
#[tauri::command]
pub fn sync_as_new_computer(state: State<'_, AppState>) -> Result<Shown, IpcError> {
    let mut slot = state.syncing.slot();
    {
        let mut store = state.store()?;
        let folder = setup::status(&store)?
            .folder
            .ok_or_else(|| IpcError::new("not_syncing", "Sync is not on."))?;
        *slot = Some(SyncSession::become_new_computer(
            &mut store,
            std::path::Path::new(&folder),
        )?);
    }
    drop(slot);
    state.syncing.say(None);
    tracing::info!("this copy now syncs as a computer of its own");
    state.syncing.wake.ring();
    syncing::shown(&state)
}

/// The fields of a complaint changed on two computers at once.
#[tauri::command]
pub fn complaint_conflicts(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<FieldConflict>, IpcError> {
    Ok(conflicts::complaint_conflicts(&*state.store()?, id)?)
}

/// Keeps one of the values two computers gave a field of a complaint.
#[tauri::command]
pub fn keep_sync_value(
    state: State<'_, AppState>,
    id: i64,
    field: String,
    value: String,
) -> Result<(), IpcError> {
    conflicts::keep_value(&mut *state.store()?, id, &field, &value)?;
    state.syncing.wake.ring();
    Ok(())
}
