//! Files handed to Mend from outside the page: dropped on the window, or
//! opened with Mend (a second start with files named, as a file manager's
//! "Open with" does). The paths stay here; the page is told only their
//! names and a number, and asks for them to be taken in for what it shows
//! (a new complaint, or the complaint open) by that number.

use std::path::PathBuf;

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

/// Tells the page that files were handed in.
pub const EVENT: &str = "files-handed-in";

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct HandedIn {
    pick: u64,
    names: Vec<String>,
    /// Whether they are all emails (.eml).
    all_emails: bool,
}

/// Keeps the paths and tells the page; nothing is read until it asks.
pub fn receive(app: &AppHandle, paths: Vec<PathBuf>) {
    if paths.is_empty() {
        return;
    }
    let names = paths
        .iter()
        .map(|path| {
            path.file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        })
        .collect();
    let all_emails = paths.iter().all(|path| {
        path.extension()
            .is_some_and(|ext| ext.eq_ignore_ascii_case("eml"))
    });
    let state = app.state::<AppState>();
    let pick = state.keep(&state.handed_in, Some(paths));
    crate::tray::show_window(app);
    if let Err(error) = app.emit(
        EVENT,
        HandedIn {
            pick,
            names,
            all_emails,
        },
    ) {
        tracing::warn!(%error, "the page could not be told of files handed in");
    }
}

/// The files named when Mend was started again (the first argument is Mend).
pub fn from_arguments(args: &[String], cwd: &str) -> Vec<PathBuf> {
    args.iter()
        .skip(1)
        .filter(|arg| !arg.starts_with('-'))
        .map(|arg| {
            let path = PathBuf::from(arg);
            if path.is_absolute() {
                path
            } else {
                PathBuf::from(cwd).join(path)
            }
        })
        .collect()
}
