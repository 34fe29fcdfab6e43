//! Hands things to the owner's own programs: a drafted reply to their mail
//! program (`mailto:` links only), and a kept file to the program their
//! system opens that kind of file with. Only from here: the page has no
//! opener permission at all. Debug builds have a seam for the end-to-end
//! tests, which stand in for those programs: with `MEND_TEST_OPENER` set to
//! a folder, what would be opened is added to `opened` there instead (the
//! link, or `file: ` or `folder: ` and its path). Release builds do not
//! contain it. Mend's own folders open in the file manager too.

use std::path::Path;

use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;

use crate::error::IpcError;

pub fn open_mail(app: &AppHandle, link: &str) -> Result<(), IpcError> {
    if !link.starts_with("mailto:") {
        return Err(IpcError::new(
            "not_mail",
            "Mend only opens your mail program.",
        ));
    }
    #[cfg(debug_assertions)]
    if let Some(folder) = std::env::var_os("MEND_TEST_OPENER") {
        return test_seam::record(Path::new(&folder), link);
    }
    app.opener().open_url(link, None::<&str>).map_err(|_| {
        // Not the error itself: it holds the link, the customer's address and words.
        tracing::warn!("the mail program could not be opened");
        IpcError::new(
            "mail",
            "Mend could not open your mail program. Is one set up? You can copy the message instead.",
        )
    })
}

/// Opens one of Mend's own folders in the system's file manager.
pub fn open_folder(app: &AppHandle, path: &Path) -> Result<(), IpcError> {
    #[cfg(debug_assertions)]
    if let Some(folder) = std::env::var_os("MEND_TEST_OPENER") {
        return test_seam::record(Path::new(&folder), &format!("folder: {}", path.display()));
    }
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|_| {
            tracing::warn!("a folder could not be opened");
            IpcError::new(
                "open_folder",
                format!(
                    "Your computer could not open the folder. It is {}.",
                    path.display()
                ),
            )
        })
}

/// Opens a file (a copy Mend wrote out) in the system's program for it.
pub fn open_file(app: &AppHandle, path: &Path) -> Result<(), IpcError> {
    #[cfg(debug_assertions)]
    if let Some(folder) = std::env::var_os("MEND_TEST_OPENER") {
        return test_seam::record(Path::new(&folder), &format!("file: {}", path.display()));
    }
    app.opener()
        .open_path(path.to_string_lossy(), None::<&str>)
        .map_err(|_| {
            // Not the error itself: it names the customer's file.
            tracing::warn!("a file could not be opened");
            IpcError::new(
                "open_file",
                "Your computer has no program set up to open this kind of file. \
                 Save a copy, and open it from there.",
            )
        })
}

#[cfg(debug_assertions)]
mod test_seam {
    use std::io::Write;
    use std::path::Path;

    use crate::error::IpcError;

    pub fn record(folder: &Path, line: &str) -> Result<(), IpcError> {
        let unreachable = |error: std::io::Error| {
            IpcError::new(
                "opener",
                format!("The test's stand-in program could not be reached ({error})."),
            )
        };
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(folder.join("opened"))
            .map_err(unreachable)?;
        writeln!(file, "{line}").map_err(unreachable)
    }
}
