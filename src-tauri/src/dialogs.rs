//! The file dialogs. Only the app opens them, never the page, so a command
//! reads or writes no file but one the owner picked. Each waits for the
//! owner's answer, so it is asked from a command (on a worker thread, see
//! `commands::off_the_window_thread`), never the window's. Debug builds have a
//! seam for the end-to-end tests, which cannot drive a native dialog: with
//! `MEND_TEST_DIALOGS` set to a folder, the dialog's question is added to
//! `asked` there and `answer` (a path; empty or missing means cancelled)
//! is taken as the owner's answer (several paths, one a line, when several
//! files may be chosen); while `hold` is there, the dialog stays open.
//! Release builds do not contain it.

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
pub fn save_to(app: &AppHandle, question: Question) -> Result<Option<PathBuf>, IpcError> {
    ask(app, question, true)
}

/// Asks which file to open; None when the owner cancelled.
pub fn open_from(app: &AppHandle, question: Question) -> Result<Option<PathBuf>, IpcError> {
    ask(app, question, false)
}

/// Asks which files to open, any kind, as many as the owner likes; None
/// when the owner cancelled.
pub fn open_many(app: &AppHandle, title: &'static str) -> Result<Option<Vec<PathBuf>>, IpcError> {
    #[cfg(debug_assertions)]
    if let Some(folder) = std::env::var_os("MEND_TEST_DIALOGS") {
        let question = Question {
            title,
            kind: "Any file",
            extensions: &["*"],
            proposed_name: None,
        };
        return Ok(test_seam::answers(PathBuf::from(folder), &question, false));
    }
    let (sender, receiver) = std::sync::mpsc::sync_channel(1);
    app.dialog()
        .file()
        .set_title(title)
        .pick_files(move |picked| {
            let _ = sender.send(picked);
        });
    let picked = receiver.recv().map_err(|_| closed_early())?;
    picked
        .map(|paths| paths.into_iter().map(usable).collect::<Result<Vec<_>, _>>())
        .transpose()
}

/// Asks which folder to use; None when the owner cancelled.
pub fn choose_folder(app: &AppHandle, title: &'static str) -> Result<Option<PathBuf>, IpcError> {
    #[cfg(debug_assertions)]
    if let Some(folder) = std::env::var_os("MEND_TEST_DIALOGS") {
        let question = Question {
            title,
            kind: "Folder",
            extensions: &[],
            proposed_name: None,
        };
        return Ok(test_seam::answers(PathBuf::from(folder), &question, false)
            .and_then(|paths| paths.into_iter().next()));
    }
    let (sender, receiver) = std::sync::mpsc::sync_channel(1);
    app.dialog()
        .file()
        .set_title(title)
        .pick_folder(move |picked| {
            let _ = sender.send(picked);
        });
    let picked = receiver.recv().map_err(|_| closed_early())?;
    picked.map(usable).transpose()
}

fn closed_early() -> IpcError {
    IpcError::new(
        "dialog",
        "The file window closed before a file was chosen; please try again.",
    )
}

fn usable(path: tauri_plugin_dialog::FilePath) -> Result<PathBuf, IpcError> {
    path.into_path().map_err(|error| {
        IpcError::new(
            "dialog",
            format!("Mend cannot use the file chosen ({error}); please choose another."),
        )
    })
}

fn ask(app: &AppHandle, question: Question, save: bool) -> Result<Option<PathBuf>, IpcError> {
    #[cfg(debug_assertions)]
    if let Some(folder) = std::env::var_os("MEND_TEST_DIALOGS") {
        return Ok(test_seam::answers(PathBuf::from(folder), &question, save)
            .and_then(|paths| paths.into_iter().next()));
    }
    let (sender, receiver) = std::sync::mpsc::sync_channel(1);
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
    let picked = receiver.recv().map_err(|_| closed_early())?;
    picked.map(usable).transpose()
}

#[cfg(debug_assertions)]
mod test_seam {
    use std::io::Write;
    use std::path::{Path, PathBuf};

    use super::Question;

    /// The answer's paths, one a line. While `hold` is in the folder, the
    /// owner is still choosing: the dialog stays open (at most a minute).
    pub fn answers(folder: PathBuf, question: &Question, save: bool) -> Option<Vec<PathBuf>> {
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
        for _ in 0..600 {
            if !folder.join("hold").exists() {
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let file = folder.join("answer");
        let answer = std::fs::read_to_string(&file).ok()?;
        // Each answer is given once, as an owner answers each dialog.
        let _ = std::fs::remove_file(&file);
        let paths: Vec<PathBuf> = answer
            .lines()
            .map(str::trim)
            .filter(|line| !line.is_empty())
            .map(|line| Path::new(line).to_owned())
            .collect();
        (!paths.is_empty()).then_some(paths)
    }
}
