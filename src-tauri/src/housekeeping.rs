//! Housekeeping while Mend runs, never in the owner's way: a moment after
//! start, the whole data file is checked, then backed up; then it is backed
//! up once a day. Both read the file through connections of their own, so
//! the store is never held for them. A problem is logged and told to the
//! owner once, in plain words (a banner in the window, which also asks for
//! it when it opens).

use std::time::Duration;

use mend_core::store::backups::automatic_backup_in;
use mend_core::store::recovery::check_data;
use mend_core::SystemClock;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;
use crate::wake::unless_it_faults;

/// Tells the page of a problem found.
pub const PROBLEM_EVENT: &str = "housekeeping-problem";
const AFTER_START: Duration = Duration::from_secs(3);
const EVERY: Duration = Duration::from_secs(24 * 60 * 60);

const DAMAGED: &str = "Mend found damage in your data file. Quit Mend (from its menu in the \
     system tray, if it keeps running there) and start it again: it will offer to put your latest \
     backup in place (the damaged file is kept aside, never deleted).";

const NOT_BACKED_UP: &str = "Mend could not make today's backup. Your data itself is safe, and \
     Mend will try again tomorrow. If this keeps happening, check that the disk has room.";

pub fn start(app: AppHandle) {
    crate::wake::in_background("housekeeping", move || {
        // The window comes up first, with nothing else reading the disk.
        std::thread::sleep(AFTER_START);
        // A check that failed inside Mend is not damage: the backups go on.
        if matches!(unless_it_faults(|| check(&app)), Some(Checked::Damaged)) {
            // A damaged file is not backed up over the good backups.
            return;
        }
        loop {
            let made = unless_it_faults(|| back_up(&app)).unwrap_or(Err("fault"));
            if let Err(code) = made {
                tracing::warn!(code, "the automatic backup failed");
                tell(&app, NOT_BACKED_UP.into());
            }
            give_memory_back();
            std::thread::sleep(EVERY);
        }
    });
}

enum Checked {
    Fine,
    Damaged,
    /// Not checked: the data is not open, or could not be read through.
    Skipped,
}

/// Checks the whole data file, unless a restore or a recovery is under way.
fn check(app: &AppHandle) -> Checked {
    let state = app.state::<AppState>();
    let Ok(folder) = state.data_dir.clone() else {
        return Checked::Skipped;
    };
    let _not_while_swapping = state.housekeeping.read();
    if state.problem().is_some() {
        return Checked::Skipped;
    }
    let started = std::time::Instant::now();
    match check_data(&folder) {
        Ok(()) => {
            tracing::info!(
                took_ms = started.elapsed().as_millis() as u64,
                "checked the data file"
            );
            Checked::Fine
        }
        Err(error) if error.code() == "damaged_database" => {
            tracing::error!("the check of the data file found damage");
            tell(app, DAMAGED.into());
            Checked::Damaged
        }
        Err(error) => {
            // Could not be read through (busy, say): checked at the next start.
            tracing::warn!(code = error.code(), "the data file could not be checked");
            Checked::Skipped
        }
    }
}

/// Backs up without holding the store (the owner works on meanwhile), and
/// not while a restore or a recovery swaps the file; data that could not
/// be opened is not copied. Answers the problem's code.
fn back_up(app: &AppHandle) -> Result<(), &'static str> {
    let state = app.state::<AppState>();
    let Ok(folder) = state.data_dir.clone() else {
        return Ok(());
    };
    let _not_while_swapping = state.housekeeping.read();
    if state.problem().is_some() {
        return Ok(());
    }
    let made = automatic_backup_in(&folder, &SystemClock).map_err(|error| error.code())?;
    tracing::info!(bytes = made.bytes, "made the automatic backup");
    Ok(())
}

/// The check and the backup read the whole file through caches of their
/// own; freed, that memory stays with the process until given back. Mend
/// runs all day beside the owner's other work, so it is given back.
fn give_memory_back() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim only returns free heap pages to the system.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// Keeps the problem for the window to ask for, and tells it now.
fn tell(app: &AppHandle, message: String) {
    let state = app.state::<AppState>();
    if state.housekeeping_problem(message.clone()) {
        let _ = app.emit(PROBLEM_EVENT, message);
    }
}
