//! Files handed to Mend from outside the page: dropped on the window, or
//! opened with Mend (Mend started with files named, as a file manager's
//! "Open with" does; a second start hands them to the Mend running). The
//! paths stay here; the page is told only a number, and
//! asks for them to be taken in for what it shows (a new complaint, or the
//! complaint open) by that number.

use std::path::PathBuf;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// Tells the page that files were handed in.
pub const EVENT: &str = "files-handed-in";

/// What the page is told: the number to ask for the files by.
#[derive(Clone, Serialize)]
pub struct HandedIn {
    pick: u64,
}

/// Keeps the paths and tells the page; nothing is read until it asks.
pub fn receive(app: &AppHandle, paths: Vec<PathBuf>) {
    if paths.is_empty() {
        return;
    }
    let state = app.state::<AppState>();
    let pick = state.hand_in(paths);
    crate::tray::show_window(app);
    if let Err(error) = app.emit(EVENT, HandedIn { pick }) {
        tracing::warn!(%error, "the page could not be told of files handed in");
    }
}

/// Keeps the files Mend was started with, for the page to ask for once it
/// is drawn (it is not there yet to be told).
pub fn keep_at_start(state: &AppState) {
    let args: Vec<String> = std::env::args().collect();
    let cwd = std::env::current_dir().unwrap_or_default();
    let paths = from_arguments(&args, &cwd.to_string_lossy());
    if !paths.is_empty() {
        state.hand_in(paths);
    }
}

/// Files handed in that the page has not taken yet (those Mend started with).
#[tauri::command]
pub fn handed_in_waiting(state: tauri::State<'_, AppState>) -> Vec<HandedIn> {
    state
        .handed_in_waiting()
        .into_iter()
        .map(|pick| HandedIn { pick })
        .collect()
}

/// The files named when Mend was started (the first argument is Mend);
/// anything else on its command line is not a file to take in.
pub fn from_arguments(args: &[String], cwd: &str) -> Vec<PathBuf> {
    args.iter()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .map(|arg| PathBuf::from(cwd).join(arg))
        .filter(|path| path.is_file())
        .collect()
}
