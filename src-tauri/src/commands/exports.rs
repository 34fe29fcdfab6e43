//! Export and import. The file dialogs are opened here (see `dialogs`),
//! never by the page; a spreadsheet picked for import is read once and kept
//! until the owner imports it.

use mend_core::store::export::write_export;
use mend_core::store::import_csv::{preview, read_sheet, CsvChoices, CsvImport, Preview, Sheet};
use mend_core::store::import_json::Imported;
use mend_core::store::rows::ComplaintSummary;
use mend_core::{Clock, SystemClock};
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::dialogs::{self, Question};
use crate::error::IpcError;
use crate::long_work::Work;
use crate::state::AppState;

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Saved {
    path: String,
    /// How many complaints the file holds.
    complaints: usize,
}

/// A spreadsheet picked for import: its name, and what Mend makes of it.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PickedSheet {
    file_name: String,
    /// Names this pick, for the import that follows it.
    pick: u64,
    #[serde(flatten)]
    preview: Preview,
}

fn proposed(name: &str, extension: &str) -> Option<String> {
    Some(format!("{name} {}.{extension}", SystemClock.today()))
}

/// Asks where, then writes one row per complaint; nothing when cancelled.
#[tauri::command]
pub fn export_csv(app: AppHandle, state: State<'_, AppState>) -> Result<Option<Saved>, IpcError> {
    let running = state.long_work.start(&app, Work::ExportSpreadsheet)?;
    let question = Question {
        title: "Save the complaints as a spreadsheet",
        kind: "Spreadsheet (CSV)",
        extensions: &["csv"],
        proposed_name: proposed("Mend complaints", "csv"),
    };
    let Some(target) = dialogs::save_to(&app, question)? else {
        return Ok(None);
    };
    let complaints = state.store()?.export_csv_watched(&target, &running)?;
    Ok(Some(Saved {
        path: target.display().to_string(),
        complaints,
    }))
}

/// Asks where, then writes everything; nothing when cancelled.
#[tauri::command]
pub fn export_json(app: AppHandle, state: State<'_, AppState>) -> Result<Option<String>, IpcError> {
    let running = state.long_work.start(&app, Work::ExportEverything)?;
    let question = Question {
        title: "Save everything in Mend",
        kind: "Mend export (JSON)",
        extensions: &["json"],
        proposed_name: proposed("Mend export", "json"),
    };
    let Some(target) = dialogs::save_to(&app, question)? else {
        return Ok(None);
    };
    // The store is held while the data is read, not while the file is written.
    let export = state.store()?.export_json_watched(&running)?;
    write_export(&export, &target, &running)?;
    Ok(Some(target.display().to_string()))
}

/// Asks for a full export and imports it; nothing when cancelled.
#[tauri::command]
pub fn import_json(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<Imported>, IpcError> {
    let running = state.long_work.start(&app, Work::ImportExport)?;
    let question = Question {
        title: "Choose a full export of Mend to import",
        kind: "Mend export (JSON)",
        extensions: &["json"],
        proposed_name: None,
    };
    let Some(source) = dialogs::open_from(&app, question)? else {
        return Ok(None);
    };
    Ok(Some(
        state.store()?.import_json_from_watched(&source, &running)?,
    ))
}

/// Asks for a spreadsheet, reads it and says what Mend makes of it, before
/// anything is imported; nothing when cancelled.
#[tauri::command]
pub fn preview_csv(
    app: AppHandle,
    state: State<'_, AppState>,
) -> Result<Option<PickedSheet>, IpcError> {
    let question = Question {
        title: "Choose the spreadsheet to import",
        kind: "Spreadsheet (CSV)",
        extensions: &["csv", "txt"],
        proposed_name: None,
    };
    // A new pick replaces the last one, even when it cannot be read.
    state.keep(&state.picked_sheet, None);
    let Some(source) = dialogs::open_from(&app, question)? else {
        return Ok(None);
    };
    let bytes = std::fs::read(&source).map_err(|error| {
        IpcError::new(
            "unreadable_file",
            format!("Mend could not read {} ({error}).", source.display()),
        )
    })?;
    let sheet: Sheet = read_sheet(&bytes)?;
    let preview = preview(&sheet);
    let pick = state.keep(&state.picked_sheet, Some(sheet));
    Ok(Some(PickedSheet {
        file_name: source
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default(),
        pick,
        preview,
    }))
}

/// Imports the spreadsheet of the pick numbered `pick`, read as the owner chose.
#[tauri::command]
pub fn import_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    pick: u64,
    choices: CsvChoices,
) -> Result<CsvImport, IpcError> {
    let running = state.long_work.start(&app, Work::ImportSpreadsheet)?;
    let sheet = AppState::picked(&state.picked_sheet, pick).ok_or_else(|| {
        IpcError::new(
            "not_found",
            "This is no longer the spreadsheet you chose last; please choose it again.",
        )
    })?;
    Ok(state
        .store()?
        .import_csv_watched(&sheet, &choices, &running)?)
}

/// Every complaint received in a period, for its printable report.
#[tauri::command]
pub fn period_report(
    state: State<'_, AppState>,
    from: String,
    to: String,
) -> Result<Vec<ComplaintSummary>, IpcError> {
    Ok(state.store()?.complaints_received_between(&from, &to)?)
}
