//! Photos and files kept with complaints: added from the file window or
//! handed in (dropped, or opened with Mend), shown, opened in the system's
//! program, saved elsewhere, and removed. The bytes go to the page as they
//! are (not as JSON), for it to show an image.

use std::path::PathBuf;

use mend_core::store::attachments::{read_file, refuse_if_it_runs_a_program, Attachment, NewFile};
use mend_core::store::handed_in::{ForNewComplaint, OntoComplaint};
use serde::Serialize;
use tauri::ipc::Response;
use tauri::{AppHandle, State};

use crate::dialogs::{self, Question};
use crate::error::IpcError;
use crate::state::AppState;

const CHOOSE_FILES: &str = "Choose photos or files to keep with the complaint";

/// Files added, and what could not be, in words.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FilesAdded {
    files: Vec<Attachment>,
    problems: Vec<String>,
}

/// Asks which files and reads each; None when the owner cancelled. Those
/// that cannot be read are said, and the others are added anyway.
async fn pick_files(app: &AppHandle) -> Result<Option<(Vec<NewFile>, Vec<String>)>, IpcError> {
    let Some(paths) = dialogs::open_many(app, CHOOSE_FILES).await? else {
        return Ok(None);
    };
    let mut problems = Vec::new();
    let mut files = Vec::new();
    for path in paths {
        match read_file(&path) {
            Ok(file) => files.push(file),
            Err(error) => problems.push(error.to_string()),
        }
    }
    Ok(Some((files, problems)))
}

/// Asks which files, and keeps them on a complaint (or one of its timeline
/// entries); nothing when cancelled.
#[tauri::command]
pub async fn add_files_to_complaint(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    contact_id: Option<i64>,
) -> Result<Option<FilesAdded>, IpcError> {
    let Some((files, problems)) = pick_files(&app).await? else {
        return Ok(None);
    };
    let files = if files.is_empty() {
        Vec::new()
    } else {
        state.store()?.attach_files(id, contact_id, &files)?
    };
    Ok(Some(FilesAdded { files, problems }))
}

/// Asks which files, and keeps them for the new complaint being written.
#[tauri::command]
pub async fn add_waiting_files(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<FilesAdded>, IpcError> {
    let Some((files, problems)) = pick_files(&app).await? else {
        return Ok(None);
    };
    let files = state.store()?.add_waiting_files(&files)?;
    Ok(Some(FilesAdded { files, problems }))
}

/// Takes a file off the new complaint being written.
#[tauri::command(async)]
pub fn discard_waiting_file(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    Ok(state.store()?.discard_waiting_file(id)?)
}

/// The files handed in with the pick numbered `pick`, once.
fn handed_in(state: &AppState, pick: u64) -> Result<Vec<PathBuf>, IpcError> {
    let paths = AppState::picked(&state.handed_in, pick).ok_or_else(|| {
        IpcError::new(
            "handed_in",
            "Those files were already taken in, or others came after them; please drop them again.",
        )
    })?;
    state.keep(&state.handed_in, None);
    Ok(paths)
}

/// Takes files handed in for a new complaint: emails read into it, the
/// other files waiting for it.
#[tauri::command(async)]
pub fn hand_in_for_new_complaint(
    state: State<'_, AppState>,
    pick: u64,
) -> Result<ForNewComplaint, IpcError> {
    let paths = handed_in(&state, pick)?;
    Ok(state.store()?.hand_in_for_new_complaint(&paths)?)
}

/// Takes files handed in on a complaint's page: emails onto its timeline,
/// the other files kept on it.
#[tauri::command(async)]
pub fn hand_in_onto_complaint(
    state: State<'_, AppState>,
    pick: u64,
    id: i64,
) -> Result<OntoComplaint, IpcError> {
    let paths = handed_in(&state, pick)?;
    Ok(state.store()?.hand_in_onto_complaint(id, &paths)?)
}

/// An image's thumbnail (a JPEG), as bytes.
#[tauri::command(async)]
pub fn attachment_thumbnail(state: State<'_, AppState>, id: i64) -> Result<Response, IpcError> {
    Ok(Response::new(state.store()?.attachment_thumbnail(id)?))
}

/// A file's bytes, to show an image larger in the app.
#[tauri::command(async)]
pub fn attachment_content(state: State<'_, AppState>, id: i64) -> Result<Response, IpcError> {
    Ok(Response::new(state.store()?.attachment_content(id)?.bytes))
}

/// Opens a file in the program the system has for it: a copy is written to
/// a folder of Mend's own among the system's temporary files, and opened.
#[tauri::command(async)]
pub fn open_attachment(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<(), IpcError> {
    let content = state.store()?.attachment_content(id)?;
    refuse_if_it_runs_a_program(&content.attachment.name)?;
    let folder = std::env::temp_dir().join("mend-files").join(id.to_string());
    let copy = folder.join(&content.attachment.name);
    let cannot_write = |error: std::io::Error| {
        IpcError::new(
            "open_file",
            format!("Mend could not make a copy to open ({error}). Save a copy instead."),
        )
    };
    std::fs::create_dir_all(&folder).map_err(cannot_write)?;
    let partial = folder.join(".partial");
    std::fs::write(&partial, &content.bytes).map_err(cannot_write)?;
    std::fs::rename(&partial, &copy).map_err(cannot_write)?;
    crate::opener::open_file(&app, &copy)
}

/// Asks where, and saves a copy of a file there; false when cancelled.
#[tauri::command]
pub async fn save_attachment_as(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<bool, IpcError> {
    let name = state.store()?.attachment(id)?.name;
    let question = Question {
        title: "Save a copy of the file",
        kind: "The same kind of file",
        extensions: &["*"],
        proposed_name: Some(name),
    };
    let Some(target) = dialogs::save_to(&app, question).await? else {
        return Ok(false);
    };
    let bytes = state.store()?.attachment_content(id)?.bytes;
    let partial = target.with_extension("partial");
    let cannot_write = |error: std::io::Error| {
        IpcError::new(
            "save_file",
            format!(
                "Mend could not save the copy to {} ({error}).",
                target.display()
            ),
        )
    };
    std::fs::write(&partial, bytes).map_err(cannot_write)?;
    std::fs::rename(&partial, &target).map_err(cannot_write)?;
    Ok(true)
}

/// Removes a file from its complaint; the history keeps its name.
#[tauri::command(async)]
pub fn remove_attachment(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    Ok(state.store()?.remove_attachment(id)?)
}
