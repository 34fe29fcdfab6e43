//! The commands the UI may call, one file per area. Each only adapts:
//! it takes the state, calls the core, and returns the answer. All of them
//! run on a worker thread (see `off_the_window_thread`).

use std::sync::Arc;

use tauri::ipc::Invoke;
use tauri::Runtime;

use crate::error::IpcError;

pub mod app;
pub mod attachments;
pub mod backups;
pub mod complaints;
pub mod customers;
pub mod desktop;
pub mod email;
pub mod exports;
pub mod improvements;
pub mod journey;
pub mod known_issues;
pub mod patterns;
pub mod printing;
pub mod recovery;
pub mod reminders;
pub mod settings;
pub mod sync;

/// Runs each command on a worker thread, never on the window's own: the
/// store can be busy for a moment (a backup's turn, a sync round) and the
/// window must not wait for it, and a command may wait in turn (for a file
/// dialog's answer, a print). One hand-over for every command, rather than
/// Tauri's async commands (each its own task type, with its own copy of the
/// machinery), also took 0.9 MB off a 20 MB binary, and 0.3 MB more when the
/// last of them went.
pub fn off_the_window_thread<R: Runtime>(
    commands: impl Fn(Invoke<R>) -> bool + Send + Sync + 'static,
) -> impl Fn(Invoke<R>) -> bool + Send + Sync + 'static {
    let commands = Arc::new(commands);
    move |invoke| {
        let commands = commands.clone();
        let resolver = invoke.resolver.clone();
        let command = invoke.message.command().to_owned();
        tauri::async_runtime::spawn_blocking(move || {
            // A fault in Mend itself still gets the window an answer, rather
            // than a button that waits for ever. A write under way is rolled
            // back with its transaction; the store's lock is taken again as
            // is. (Should the answer itself have failed, answering again
            // fails too, and is only logged twice.)
            match crate::wake::unless_it_faults(|| commands(invoke)) {
                Some(true) => {}
                Some(false) => resolver.reject(format!("Command {command} not found")),
                None => {
                    tracing::error!(command, "a command failed inside Mend");
                    resolver.reject(IpcError::new(
                        "internal",
                        "Something went wrong inside Mend, and this was not done. Please \
                         try again; if it happens again, quit Mend and start it again. The \
                         log (Settings, About Mend) says where in Mend it went wrong.",
                    ));
                }
            }
        });
        true
    }
}
