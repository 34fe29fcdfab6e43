//! Mend's log: to standard error, and to a file in the system's log folder
//! for the app (`mend.log`, started again past 1 MB, the last three kept),
//! to help when something goes wrong on an owner's computer. It holds
//! start-up, every problem told to the owner (a failed command: its code,
//! and its message only when that cannot hold what the owner typed),
//! backups, checks, restores, recoveries, notification failures and faults
//! in Mend itself (where in the code), and never a customer's name or
//! words. `RUST_LOG`, a list of levels, chooses how much goes to standard
//! error.

use std::cell::Cell;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, OnceLock};

use file_rotate::compression::Compression;
use file_rotate::suffix::AppendCount;
use file_rotate::{ContentLimit, FileRotate};
use tauri::{AppHandle, Manager};
use tracing_subscriber::filter::{LevelFilter, Targets};
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;
use tracing_subscriber::{fmt, Layer};

pub const FILE_NAME: &str = "mend.log";
const MAX_BYTES: usize = 1024 * 1024;
const KEPT: usize = 3;

/// The log file, once the app knows its log folder.
static FILE: OnceLock<Mutex<FileRotate<AppendCount>>> = OnceLock::new();

/// Writes to the log file (nothing until it is opened).
struct ToFile;

thread_local! {
    /// Whether this thread is writing to the log file: a fault while it
    /// writes (the log folder gone as it starts a new file) is logged by the
    /// panic hook, which must not wait for the lock this thread holds.
    static WRITING: Cell<bool> = const { Cell::new(false) };
}

impl ToFile {
    fn with_file<T>(
        &self,
        write: impl FnOnce(&mut FileRotate<AppendCount>) -> std::io::Result<T>,
        nothing: T,
    ) -> std::io::Result<T> {
        let Some(file) = FILE.get() else {
            return Ok(nothing);
        };
        if WRITING.with(|writing| writing.replace(true)) {
            return Ok(nothing);
        }
        let _done = DoneWriting;
        write(&mut file.lock().unwrap_or_else(|e| e.into_inner()))
    }
}

/// Ends `WRITING`, also when a fault unwinds the write.
struct DoneWriting;

impl Drop for DoneWriting {
    fn drop(&mut self) {
        WRITING.with(|writing| writing.set(false));
    }
}

impl Write for ToFile {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.with_file(|file| file.write(bytes), bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.with_file(|file| file.flush(), ())
    }
}

/// Starts logging to standard error; the file follows once `open_file` says where.
pub fn init() {
    let stderr = std::env::var("RUST_LOG")
        .map(|wanted| levels_wanted(&wanted))
        .unwrap_or_else(|_| Targets::new().with_default(LevelFilter::INFO));
    let _ = tracing_subscriber::registry()
        .with(
            fmt::layer()
                .with_writer(std::io::stderr)
                .with_filter(stderr),
        )
        .with(
            fmt::layer()
                .with_ansi(false)
                .with_writer(|| ToFile)
                .with_filter(LevelFilter::INFO),
        )
        .try_init();
    log_faults();
}

/// A fault in Mend itself (a panic) is logged with where in the code it
/// happened, not what it said (that can hold what the owner typed); what
/// it said goes to standard error only, as before.
fn log_faults() {
    let default_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |fault| {
        let place = fault
            .location()
            .map(|at| format!("{}:{}", at.file(), at.line()))
            .unwrap_or_default();
        let thread = std::thread::current()
            .name()
            .unwrap_or("unnamed")
            .to_owned();
        tracing::error!(place, thread, "Mend failed inside");
        default_hook(fault);
    }));
}

/// `RUST_LOG` as a list of levels ("info", "mend_core=debug,warn"), read
/// without env-filter's regular expressions (which doubled the log's share
/// of the binary); anything else, such as a span filter, logs at info and
/// says so.
fn levels_wanted(wanted: &str) -> Targets {
    let pieces: Vec<&str> = wanted
        .split(',')
        .map(str::trim)
        .filter(|piece| !piece.is_empty())
        .collect();
    let parsed = if pieces.is_empty() || wanted.contains('[') {
        None
    } else {
        pieces.join(",").parse::<Targets>().ok()
    };
    parsed.unwrap_or_else(|| {
        if !pieces.is_empty() {
            eprintln!(
                "RUST_LOG={wanted:?} is not a list of levels (such as \"info\" or \"mend_core=debug,warn\"): logging at info"
            );
        }
        Targets::new().with_default(LevelFilter::INFO)
    })
}

/// The app's log folder.
pub fn folder(app: &AppHandle) -> Option<PathBuf> {
    app.path().app_log_dir().ok()
}

/// Opens the log file in the app's log folder.
pub fn open_file(app: &AppHandle) {
    let Some(folder) = folder(app) else {
        tracing::warn!("the system gives Mend no log folder; logging to standard error only");
        return;
    };
    if let Err(error) = std::fs::create_dir_all(&folder) {
        tracing::warn!(%error, "the log folder could not be made");
        return;
    }
    let file = FileRotate::new(
        log_path(&folder),
        AppendCount::new(KEPT),
        ContentLimit::BytesSurpassed(MAX_BYTES),
        Compression::None,
        #[cfg(unix)]
        None,
    );
    let _ = FILE.set(Mutex::new(file));
    tracing::info!(version = env!("CARGO_PKG_VERSION"), "Mend started");
}

pub fn log_path(folder: &Path) -> PathBuf {
    folder.join(FILE_NAME)
}

#[cfg(test)]
mod tests {
    use super::levels_wanted;
    use tracing::Level;

    #[test]
    fn rust_log_is_read_as_levels_for_each_part_of_mend() {
        let levels = levels_wanted("mend_core=debug, warn");
        assert!(levels.would_enable("mend_core::store", &Level::DEBUG));
        assert!(!levels.would_enable("zbus", &Level::INFO));
        assert!(levels.would_enable("zbus", &Level::WARN));
    }

    #[test]
    fn an_empty_part_of_rust_log_does_not_let_everything_through() {
        for wanted in ["info,", " info , ", "", ","] {
            let levels = levels_wanted(wanted);
            assert!(levels.would_enable("zbus", &Level::INFO), "{wanted:?}");
            assert!(!levels.would_enable("zbus", &Level::DEBUG), "{wanted:?}");
        }
    }

    #[test]
    fn a_span_filter_logs_at_info() {
        let levels = levels_wanted("[sync]=debug");
        assert!(levels.would_enable("mend_app", &Level::INFO));
        assert!(!levels.would_enable("mend_app", &Level::DEBUG));
    }
}
