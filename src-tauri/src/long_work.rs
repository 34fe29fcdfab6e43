//! Long work the owner starts (an import, an export, a backup, a restore):
//! one at a time, and its progress told to the window as it goes. Every
//! such command starts with `LongWork::start`, the one place that refuses
//! a second start and tells the window when the work is over.

use std::sync::Mutex;
use std::time::{Duration, Instant};

use mend_core::progress::{Progress, Unit};
use serde::Serialize;
use tauri::{AppHandle, Emitter};

use crate::error::IpcError;

/// The event the window follows the work by.
const EVENT: &str = "long-work";

/// How often the window is told at most: it moves, and stays cheap.
const TELL_EVERY: Duration = Duration::from_millis(100);

/// The long work there is, and how it is named to the owner.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Work {
    ImportSpreadsheet,
    ImportExport,
    ExportSpreadsheet,
    ExportEverything,
    BackUp,
    Restore,
}

impl Work {
    /// What Mend is busy with, after "Mend is still …".
    fn busy_with(self) -> &'static str {
        match self {
            Work::ImportSpreadsheet => "importing a spreadsheet",
            Work::ImportExport => "importing a full export",
            Work::ExportSpreadsheet => "exporting the spreadsheet",
            Work::ExportEverything => "exporting everything",
            Work::BackUp => "making a backup",
            Work::Restore => "restoring a backup",
        }
    }
}

/// Which long work is running, if any.
#[derive(Default)]
pub struct LongWork {
    running: Mutex<Option<Work>>,
}

/// What the window is told: the work, what it is doing, how far it is; or
/// that it is over.
#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Told<'a> {
    work: Work,
    doing: &'a str,
    done: u64,
    total: u64,
    unit: Unit,
    over: bool,
}

/// The running work: tells the window its progress; when dropped (done,
/// failed or cancelled), frees the way for the next and tells the window.
pub struct Running<'a> {
    app: AppHandle,
    long_work: &'a LongWork,
    work: Work,
    last_told: Mutex<Option<Instant>>,
}

impl LongWork {
    /// Starts `work`, or refuses in plain words while other work runs.
    pub fn start(&self, app: &AppHandle, work: Work) -> Result<Running<'_>, IpcError> {
        let mut running = self.running.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(other) = *running {
            return Err(IpcError::new(
                "busy",
                format!(
                    "Mend is still {}. Please wait until it is done, then try again.",
                    other.busy_with()
                ),
            ));
        }
        *running = Some(work);
        tracing::info!(?work, "long work started");
        Ok(Running {
            app: app.clone(),
            long_work: self,
            work,
            last_told: Mutex::new(None),
        })
    }
}

impl Running<'_> {
    fn emit(&self, told: Told) {
        if let Err(error) = self.app.emit(EVENT, told) {
            tracing::warn!(%error, "could not tell the window how the work goes");
        }
    }
}

impl Progress for Running<'_> {
    fn tell(&self, doing: &str, done: u64, total: u64, unit: Unit) {
        let now = Instant::now();
        let mut last = self.last_told.lock().unwrap_or_else(|p| p.into_inner());
        // A new stage (done 0) and the end of one are always told.
        let due = done == 0
            || done == total
            || last.is_none_or(|told| now.duration_since(told) >= TELL_EVERY);
        if !due {
            return;
        }
        *last = Some(now);
        drop(last);
        self.emit(Told {
            work: self.work,
            doing,
            done,
            total,
            unit,
            over: false,
        });
    }
}

impl Drop for Running<'_> {
    fn drop(&mut self) {
        *self
            .long_work
            .running
            .lock()
            .unwrap_or_else(|p| p.into_inner()) = None;
        tracing::info!(work = ?self.work, "long work over");
        self.emit(Told {
            work: self.work,
            doing: "",
            done: 0,
            total: 0,
            unit: Unit::Items,
            over: true,
        });
    }
}
