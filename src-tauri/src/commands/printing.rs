//! Printing the report on screen: the system's print window, or "Save as
//! PDF" to a file the owner picks (see `printing`).

use tauri::{AppHandle, WebviewWindow};

use crate::dialogs::{self, Question};
use crate::error::IpcError;
use crate::printing::{self, PrintOutcome};

#[tauri::command]
pub fn print_report(window: WebviewWindow) -> Result<PrintOutcome, IpcError> {
    printing::print_dialog(&window)
}

/// Asks where to save the PDF, with `name` proposed; its path, or None
/// when the owner cancelled.
#[tauri::command]
pub fn save_report_pdf(
    app: AppHandle,
    window: WebviewWindow,
    name: String,
) -> Result<Option<String>, IpcError> {
    let question = Question {
        title: "Save the report as PDF",
        kind: "PDF document",
        extensions: &["pdf"],
        proposed_name: Some(format!("{}.pdf", safe_file_name(&name))),
    };
    let Some(path) = dialogs::save_to(&app, question)? else {
        return Ok(None);
    };
    printing::save_pdf(&window, &path)?;
    Ok(Some(path.display().to_string()))
}

/// A file name from a report's title: no slashes or other characters a
/// file system refuses, and not too long.
fn safe_file_name(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_control() || r#"/\\:*?"<>|"#.contains(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let trimmed: String = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let short: String = trimmed.chars().take(80).collect();
    if short.is_empty() {
        "Mend report".into()
    } else {
        short
    }
}

#[cfg(test)]
mod tests {
    use super::safe_file_name;

    #[test]
    fn a_title_becomes_a_file_name_any_system_accepts() {
        assert_eq!(
            safe_file_name("Complaint 12: cake/box \"squashed\""),
            "Complaint 12 cake box squashed"
        );
        assert_eq!(safe_file_name("  "), "Mend report");
        assert_eq!(safe_file_name(&"é".repeat(100)).chars().count(), 80);
    }
}
