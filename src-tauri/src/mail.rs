//! Opens the owner's own mail program with a drafted reply. Only `mailto:`
//! links are ever opened, and only from here: the page has no opener
//! permission at all. Debug builds have a seam for the end-to-end tests,
//! which stand in for the mail program: with `MEND_TEST_OPENER` set to a
//! folder, the link is added to `opened` there instead. Release builds do
//! not contain it.

use tauri::AppHandle;
use tauri_plugin_opener::OpenerExt;

use crate::error::IpcError;

pub fn open(app: &AppHandle, link: &str) -> Result<(), IpcError> {
    if !link.starts_with("mailto:") {
        return Err(IpcError::new(
            "not_mail",
            "Mend only opens your mail program.",
        ));
    }
    #[cfg(debug_assertions)]
    if let Some(folder) = std::env::var_os("MEND_TEST_OPENER") {
        use std::io::Write;
        let path = std::path::Path::new(&folder).join("opened");
        let mut file = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(path)
            .map_err(|error| {
                IpcError::new(
                    "mail",
                    &format!("The test's mail program could not be reached ({error})."),
                )
            })?;
        writeln!(file, "{link}").map_err(|error| {
            IpcError::new(
                "mail",
                &format!("The test's mail program could not be reached ({error})."),
            )
        })?;
        return Ok(());
    }
    app.opener().open_url(link, None::<&str>).map_err(|error| {
        tracing::warn!(%error, "the mail program could not be opened");
        IpcError::new(
            "mail",
            "Mend could not open your mail program. Is one set up? You can copy the message instead.",
        )
    })
}
