//! Printing the report on screen, by WebKit's own print operation: the
//! system's print window, or a PDF written straight to a file the owner
//! picked. Both print the page with its print layout (`print.css`), so the
//! PDF is exactly what would come out of the printer.

use std::path::Path;

use tauri::WebviewWindow;

use crate::error::IpcError;

const CODE: &str = "print_failed";

fn failed(reason: impl std::fmt::Display) -> IpcError {
    IpcError::new(
        CODE,
        format!("Mend could not print the report ({reason}). Please try again."),
    )
}

/// How the print window was left.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PrintOutcome {
    Printed,
    Cancelled,
    /// The print window was shown; the system does not say what came of it.
    #[cfg_attr(target_os = "linux", allow(dead_code))]
    Shown,
}

#[cfg(target_os = "linux")]
mod webkit {
    use std::path::Path;
    use std::sync::{Arc, Mutex};

    use tauri::WebviewWindow;
    use webkit2gtk::{PrintOperation, PrintOperationExt, PrintOperationResponse};

    use super::{failed, PrintOutcome};
    use crate::error::IpcError;

    /// Whether it printed, or why it failed; sent once.
    type Answer = Arc<Mutex<Option<std::sync::mpsc::SyncSender<Result<PrintOutcome, String>>>>>;

    fn reply(answer: &Answer, result: Result<PrintOutcome, String>) {
        if let Some(sender) = answer.lock().ok().and_then(|mut held| held.take()) {
            let _ = sender.send(result);
        }
    }

    /// Makes a print operation on the window's WebKit view (on the main
    /// thread), lets `start` start it (false: the owner cancelled), and
    /// waits until it has finished or failed.
    fn run(
        window: &WebviewWindow,
        start: impl FnOnce(&PrintOperation) -> bool + Send + 'static,
    ) -> Result<PrintOutcome, IpcError> {
        let (sender, receiver) = std::sync::mpsc::sync_channel(1);
        let answer: Answer = Arc::new(Mutex::new(Some(sender)));
        window
            .with_webview(move |webview| {
                let operation = PrintOperation::new(&webview.inner());
                let on_failed = answer.clone();
                operation.connect_failed(move |_, error| reply(&on_failed, Err(error.to_string())));
                let on_finished = answer.clone();
                operation.connect_finished(move |_| reply(&on_finished, Ok(PrintOutcome::Printed)));
                if !start(&operation) {
                    reply(&answer, Ok(PrintOutcome::Cancelled));
                }
            })
            .map_err(failed)?;
        match receiver.recv() {
            Ok(result) => result.map_err(failed),
            Err(_) => Err(failed("the print operation ended without a word")),
        }
    }

    pub fn dialog(window: &WebviewWindow) -> Result<PrintOutcome, IpcError> {
        run(window, |operation| {
            operation.run_dialog(None::<&gtk::Window>) == PrintOperationResponse::Print
        })
    }

    pub fn pdf(window: &WebviewWindow, path: &Path) -> Result<(), IpcError> {
        let uri = tauri::Url::from_file_path(path)
            .map_err(|()| failed(format!("{} is not a place to write to", path.display())))?
            .to_string();
        run(window, move |operation| {
            // GTK's own file printer, with no window: straight to the file.
            // It is known by its name in the owner's language, as GTK says it.
            let settings = gtk::PrintSettings::new();
            settings.set_printer(&gtk::glib::dgettext(Some("gtk30"), "Print to File"));
            settings.set("output-file-format", Some("pdf"));
            settings.set("output-uri", Some(&uri));
            operation.set_print_settings(&settings);
            operation.print();
            true
        })
        .map(|_| ())
    }
}

/// Opens the system's print window on the report; says whether the owner printed.
pub fn print_dialog(window: &WebviewWindow) -> Result<PrintOutcome, IpcError> {
    #[cfg(target_os = "linux")]
    return webkit::dialog(window);
    #[cfg(not(target_os = "linux"))]
    {
        window.print().map_err(failed)?;
        Ok(PrintOutcome::Shown)
    }
}

/// Writes the report as a PDF to `path`: first beside it, then put in its
/// place once whole, so a failure never leaves half a file (or an older
/// file under the new one's name).
pub fn save_pdf(window: &WebviewWindow, path: &Path) -> Result<(), IpcError> {
    #[cfg(target_os = "linux")]
    {
        let mut partial = path.as_os_str().to_owned();
        partial.push(".part");
        let partial = std::path::PathBuf::from(partial);
        let _ = std::fs::remove_file(&partial);
        let printed = webkit::pdf(window, &partial);
        let written = std::fs::metadata(&partial).map(|m| m.len()).unwrap_or(0);
        let placed = match printed {
            Ok(()) if written > 0 => std::fs::rename(&partial, path).map_err(failed),
            Ok(()) => Err(failed("the PDF came out empty")),
            Err(problem) => Err(problem),
        };
        if placed.is_err() {
            let _ = std::fs::remove_file(&partial);
        }
        placed
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = (window, path);
        Err(IpcError::new(
            CODE,
            "On this computer, choose Print and then Save as PDF in the print window.",
        ))
    }
}
