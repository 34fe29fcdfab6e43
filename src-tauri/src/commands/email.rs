//! A customer's email, read into a new complaint, or onto the timeline of
//! the complaint it is about: picked as a .eml file in the system's file
//! window (the dialog is opened here), or pasted.

use std::io::Read;

use mend_core::store::email::incoming::{EmailIntake, EmailOnTimeline, MAX_EMAIL_BYTES};
use tauri::{AppHandle, State};

use crate::dialogs::{self, Question};
use crate::error::IpcError;
use crate::state::AppState;

/// Asks which email (a .eml file), then answers its bytes; None when
/// the owner cancelled.
fn pick_email(app: &AppHandle) -> Result<Option<Vec<u8>>, IpcError> {
    let question = Question {
        title: "Choose the customer's email",
        kind: "Email (.eml)",
        extensions: &["eml"],
        proposed_name: None,
    };
    let Some(path) = dialogs::open_from(app, question)? else {
        return Ok(None);
    };
    let unreadable = |error: std::io::Error| {
        IpcError::new(
            "email",
            format!("Mend could not read {} ({error}).", path.display()),
        )
    };
    let file = std::fs::File::open(&path).map_err(unreadable)?;
    // One byte more than Mend reads, so that a larger file is refused in words.
    let mut bytes = Vec::new();
    file.take(MAX_EMAIL_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
    Ok(Some(bytes))
}

/// Asks which email, then reads it into a new complaint; nothing when cancelled.
#[tauri::command]
pub fn email_from_file(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<EmailIntake>, IpcError> {
    let Some(bytes) = pick_email(&app)? else {
        return Ok(None);
    };
    Ok(Some(state.store()?.intake_from_email(&bytes)?))
}

/// Asks which email, then puts it on a complaint's timeline as a message
/// from the customer; nothing when cancelled.
#[tauri::command]
pub fn add_email_to_complaint(
    app: AppHandle,
    state: State<'_, AppState>,
    id: i64,
) -> Result<Option<EmailOnTimeline>, IpcError> {
    let Some(bytes) = pick_email(&app)? else {
        return Ok(None);
    };
    Ok(Some(state.store()?.add_email_to_complaint(id, &bytes)?))
}

/// The text of an email, pasted.
#[tauri::command]
pub fn email_from_text(state: State<'_, AppState>, text: String) -> Result<EmailIntake, IpcError> {
    Ok(state.store()?.intake_from_email(text.as_bytes())?)
}
