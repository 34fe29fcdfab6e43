//! Photos and files kept with complaints: added from the file window or
//! handed in (dropped, or opened with Mend), shown, opened in the system's
//! program, saved elsewhere, and removed. The bytes go to the page as they
//! are (not as JSON), for it to show an image.

use std::io::Write;
use std::path::{Path, PathBuf};

use mend_core::store::attachments::{
    clean_name, read_file, refuse_unless_safe_to_open, Attachment, NewFile,
};
use mend_core::store::handed_in::{read, ForNewComplaint, OntoComplaint};
use serde::Serialize;
use tauri::ipc::Response;
use tauri::{AppHandle, Manager, State};

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

/// The files read, and what was wrong with each of the others.
type Picked = (Vec<NewFile>, Vec<String>);

/// Asks which files and reads each; None when the owner cancelled. Those
/// that cannot be read are said, and the others are added anyway.
fn pick_files(app: &AppHandle) -> Result<Option<Picked>, IpcError> {
    let Some(paths) = dialogs::open_many(app, CHOOSE_FILES)? else {
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
pub fn add_files_to_complaint(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
    contact_id: Option<i64>,
) -> Result<Option<FilesAdded>, IpcError> {
    let Some((files, problems)) = pick_files(&app)? else {
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
pub fn add_waiting_files(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<FilesAdded>, IpcError> {
    let Some((files, problems)) = pick_files(&app)? else {
        return Ok(None);
    };
    let files = state.store()?.add_waiting_files(&files)?;
    Ok(Some(FilesAdded { files, problems }))
}

/// Takes a file off the new complaint being written.
#[tauri::command]
pub fn discard_waiting_file(state: State<'_, AppState>, id: i64) -> Result<(), IpcError> {
    Ok(state.store()?.discard_waiting_file(id)?)
}

/// The files handed in with the number `pick`, once.
fn handed_in(state: &AppState, pick: u64) -> Result<Vec<PathBuf>, IpcError> {
    state
        .take_handed_in(pick)
        .ok_or_else(|| IpcError::new("handed_in", "Those files were already taken in."))
}

/// Takes files handed in for a new complaint: emails read into it, the
/// other files waiting for it.
#[tauri::command]
pub fn hand_in_for_new_complaint(
    state: State<'_, AppState>,
    pick: u64,
) -> Result<ForNewComplaint, IpcError> {
    let handed = read(&handed_in(&state, pick)?);
    Ok(state.store()?.hand_in_for_new_complaint(handed)?)
}

/// Takes files handed in on a complaint's page: emails onto its timeline,
/// the other files kept on it.
#[tauri::command]
pub fn hand_in_onto_complaint(
    state: State<'_, AppState>,
    pick: u64,
    id: i64,
) -> Result<OntoComplaint, IpcError> {
    let handed = read(&handed_in(&state, pick)?);
    Ok(state.store()?.hand_in_onto_complaint(id, handed)?)
}

/// An image's thumbnail (a JPEG), as bytes.
#[tauri::command]
pub fn attachment_thumbnail(state: State<'_, AppState>, id: i64) -> Result<Response, IpcError> {
    Ok(Response::new(state.store()?.attachment_thumbnail(id)?))
}

/// A file's bytes, to show an image larger in the app.
#[tauri::command]
pub fn attachment_content(state: State<'_, AppState>, id: i64) -> Result<Response, IpcError> {
    Ok(Response::new(state.store()?.attachment_content(id)?.bytes))
}

/// Where copies of files opened in other programs are written: a folder
/// of this user's own, emptied when Mend starts.
fn opened_folder(app: &AppHandle) -> Result<PathBuf, IpcError> {
    app.path()
        .app_cache_dir()
        .map(|cache| cache.join("opened"))
        .map_err(|_| {
            IpcError::new(
                "open_file",
                "Mend has no folder of its own to open the file from. Save a copy instead.",
            )
        })
}

/// Lets go of the copies opened in other programs before (files may have
/// been removed from Mend since).
pub fn clear_opened(app: &AppHandle) {
    if let Ok(folder) = opened_folder(app) {
        let _ = std::fs::remove_dir_all(folder);
    }
}

/// Writes `bytes` to `target` whole: into a new file beside it first, then
/// renamed over it, so that no half-written file ever carries its name.
fn write_whole(target: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = target.parent().unwrap_or(Path::new("."));
    let mut partial = tempfile::NamedTempFile::new_in(folder)?;
    partial.write_all(bytes)?;
    partial
        .persist(target)
        .map(|_| ())
        .map_err(|error| error.error)
}

fn in_words(error: &std::io::Error) -> &'static str {
    match error.kind() {
        std::io::ErrorKind::PermissionDenied => "Mend is not allowed to write there",
        std::io::ErrorKind::StorageFull => "the disk is full",
        std::io::ErrorKind::NotFound => "that folder is no longer there",
        _ => "the computer would not write it",
    }
}

/// Opens a file in the program the system has for it: a copy is written to
/// a folder of Mend's own, and opened. Only photos, documents, sound and
/// video are opened (see the core).
#[tauri::command]
pub fn open_attachment(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<(), IpcError> {
    let content = state.store()?.attachment_content(id)?;
    refuse_unless_safe_to_open(&content.attachment.name)?;
    let folder = opened_folder(&app)?.join(id.to_string());
    // The name is cleaned again here: one from an old export or backup
    // never names a place outside this folder.
    let copy = folder.join(clean_name(&content.attachment.name));
    let written =
        std::fs::create_dir_all(&folder).and_then(|()| write_whole(&copy, &content.bytes));
    if let Err(error) = written {
        tracing::warn!(%error, "a copy to open could not be written");
        return Err(IpcError::new(
            "open_file",
            format!(
                "Mend could not make a copy to open ({}). Save a copy instead.",
                in_words(&error)
            ),
        ));
    }
    crate::opener::open_file(&app, &copy)
}

/// Asks where, and saves a copy of a file there; false when cancelled.
#[tauri::command]
pub fn save_attachment_as(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<bool, IpcError> {
    let name = state.store()?.attachment(id)?.name;
    let question = Question {
        title: "Save a copy of the file",
        kind: "The same kind of file",
        extensions: &["*"],
        proposed_name: Some(clean_name(&name)),
    };
    let Some(target) = dialogs::save_to(&app, question)? else {
        return Ok(false);
    };
    let bytes = state.store()?.attachment_content(id)?.bytes;
    write_whole(&target, &bytes).map_err(|error| {
        IpcError::new(
            "save_file",
            format!(
                "Mend could not save the copy to {} ({}).",
                target.display(),
                in_words(&error)
            ),
        )
    })?;
    Ok(true)
}

/// Removes a file from its complaint; the history keeps its name. A copy
/// opened in another program goes too.
#[tauri::command]
pub fn remove_attachment(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<(), IpcError> {
    state.store()?.remove_attachment(id)?;
    if let Ok(folder) = opened_folder(&app) {
        let _ = std::fs::remove_dir_all(folder.join(id.to_string()));
    }
    Ok(())
}
