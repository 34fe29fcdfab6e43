//! The file dialogs. Only the app opens them, never the page, so a command
//! reads or writes no file but one the owner picked. Debug builds have a
//! seam for the end-to-end tests, which cannot drive a native dialog: with
//! `MEND_TEST_DIALOGS` set to a folder, the dialog's question is added to
//! `asked` there and `answer` (a path; empty or missing means cancelled)
//! is taken as the owner's answer. Release builds do not contain it.

use std::path::PathBuf;

use tauri::AppHandle;
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;

/// What the dialog asks for: its title, the kind of file and its endings,
/// and (for saving) the name it proposes.
pub struct Question {
    pub title: &'static str,
    pub kind: &'static str,
    pub extensions: &'static [&'static str],
    pub proposed_name: Option<String>,
}

/// Asks where to save; None when the owner cancelled.
pub async fn save_to(app: &AppHandle, question: Question) -> Result<Option<PathBuf>, IpcError> {
    ask(app, question, true).await
}

/// Asks which file to open; None when the owner cancelled.
pub async fn open_from(app: &AppHandle, question: Question) -> Result<Option<PathBuf>, IpcError> {
    ask(app, question, false).await
}

async fn ask(app: &AppHandle, question: Question, save: bool) -> Result<Option<PathBuf>, IpcError> {
    #[cfg(debug_assertions)]
    if let Some(folder) = std::env::var_os("MEND_TEST_DIALOGS") {
        return Ok(test_seam::answer(PathBuf::from(folder), &question, save));
    }
    let (sender, receiver) = tokio::sync::oneshot::channel();
    let mut dialog = app
        .dialog()
        .file()
        .set_title(question.title)
        .add_filter(question.kind, question.extensions);
    if let Some(name) = &question.proposed_name {
        dialog = dialog.set_file_name(name);
    }
    let answer = move |picked| {
        let _ = sender.send(picked);
    };
    if save {
        dialog.save_file(answer);
    } else {
        dialog.pick_file(answer);
    }
    let picked = receiver.await.map_err(|_| {
        IpcError::new(
            "dialog",
            "The file window closed before a file was chosen; please try again.",
        )
    })?;
    picked
        .map(|path| {
            path.into_path().map_err(|error| {
                IpcError::new(
                    "dialog",
                    format!("Mend cannot use the file chosen ({error}); please choose another."),
                )
            })
        })
        .transpose()
}

#[cfg(debug_assertions)]
mod test_seam {
    use std::io::Write;
    use std::path::{Path, PathBuf};

    use super::Question;

    pub fn answer(folder: PathBuf, question: &Question, save: bool) -> Option<PathBuf> {
        let verb = if save { "save" } else { "open" };
        let line = format!(
            "{verb}: {} [{}] {}\n",
            question.title,
            question.extensions.join(","),
            question.proposed_name.as_deref().unwrap_or("")
        );
        if let Ok(mut asked) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(folder.join("asked"))
        {
            let _ = asked.write_all(line.as_bytes());
        }
        let file = folder.join("answer");
        let answer = std::fs::read_to_string(&file).ok()?;
        // Each answer is given once, as an owner answers each dialog.
        let _ = std::fs::remove_file(&file);
        let answer = answer.trim();
        (!answer.is_empty()).then(|| Path::new(answer).to_owned())
    }
}
