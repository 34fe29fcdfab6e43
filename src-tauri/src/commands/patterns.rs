//! Patterns: every figure of a period beside the one before, and the
//! figures saved as a spreadsheet (the file dialog is opened here).

use mend_core::patterns::figures::Patterns;
use mend_core::patterns::PeriodChoice;
use mend_core::{Clock, SystemClock};
use serde::Serialize;
use tauri::{AppHandle, State};

use crate::dialogs::{self, Question};
use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn get_patterns(
    state: State<'_, AppState>,
    period: PeriodChoice,
) -> Result<Patterns, IpcError> {
    Ok(state.store()?.patterns(&period)?)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SavedFigures {
    path: String,
    rows: usize,
}

/// Asks where, then writes the figures; nothing when cancelled.
#[tauri::command]
pub fn export_patterns_csv(
    app: AppHandle,
    state: State<'_, AppState>,
    period: PeriodChoice,
) -> Result<Option<SavedFigures>, IpcError> {
    let question = Question {
        title: "Save the figures of Patterns as a spreadsheet",
        kind: "Spreadsheet (CSV)",
        extensions: &["csv"],
        proposed_name: Some(format!("Mend patterns {}.csv", SystemClock.today())),
    };
    let Some(target) = dialogs::save_to(&app, question)? else {
        return Ok(None);
    };
    let rows = state.store()?.export_patterns_csv(&period, &target)?;
    Ok(Some(SavedFigures {
        path: target.display().to_string(),
        rows,
    }))
}
