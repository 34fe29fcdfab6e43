//! Long work (an import, an export, a backup, a restore) tells how far it
//! has come as it goes, so the owner sees it move and knows what it is
//! doing. The shell shows it; tests and the automatic backups ignore it.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// What a report counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// Rows of a spreadsheet, complaints, records: told as "120 of 5,000".
    Items,
    /// Bytes of a file being written: told in megabytes.
    Bytes,
}

/// Told how far long work has come: `done` of `total` in `unit` while
/// `doing` (a few plain words, such as "Importing the complaints"); a
/// `total` of 0 means the work cannot tell how long it is.
pub trait Progress: Sync {
    fn tell(&self, doing: &str, done: u64, total: u64, unit: Unit);
}

/// For work nobody watches.
pub struct Unwatched;

impl Progress for Unwatched {
    fn tell(&self, _: &str, _: u64, _: u64, _: Unit) {}
}

impl<F: Fn(&str, u64, u64, Unit) + Sync> Progress for F {
    fn tell(&self, doing: &str, done: u64, total: u64, unit: Unit) {
        self(doing, done, total, unit)
    }
}

/// How often a count of items is told: often enough to move, seldom enough
/// to cost nothing (the shell tells the window at most a few times a second).
pub(crate) const EVERY: u64 = 250;

/// Runs `work`, which writes the file `growing` (about `expected` bytes in
/// the end), telling its size as it grows: the way to show the progress of
/// work SQLite does in one statement (`VACUUM INTO`).
pub(crate) fn watching_file<T>(
    progress: &dyn Progress,
    doing: &str,
    growing: &Path,
    expected: u64,
    work: impl FnOnce() -> T,
) -> T {
    let finished = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let watcher = scope.spawn(|| {
            while !finished.load(Ordering::Acquire) {
                let written = std::fs::metadata(growing).map_or(0, |meta| meta.len());
                progress.tell(doing, written.min(expected), expected, Unit::Bytes);
                std::thread::park_timeout(Duration::from_millis(100));
            }
        });
        let done = work();
        finished.store(true, Ordering::Release);
        watcher.thread().unpark();
        // Its last word before the end is told, never after it.
        let _ = watcher.join();
        progress.tell(doing, expected, expected, Unit::Bytes);
        done
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    #[test]
    fn a_growing_file_is_told_as_it_grows_and_whole_at_the_end() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("copy");
        let told = Mutex::new(Vec::new());
        let progress = |doing: &str, done: u64, total: u64, unit: Unit| {
            told.lock()
                .unwrap()
                .push((doing.to_owned(), done, total, unit));
        };
        let answer = watching_file(&progress, "Copying", &file, 3000, || {
            for _ in 0..3 {
                use std::io::Write;
                let mut out = std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(&file)
                    .unwrap();
                out.write_all(&[0; 1000]).unwrap();
                std::thread::sleep(Duration::from_millis(150));
            }
            42
        });
        assert_eq!(answer, 42);
        let told = told.into_inner().unwrap();
        assert!(told.len() >= 3, "{told:?}");
        assert!(told.iter().all(|(doing, _, total, unit)| doing == "Copying"
            && *total == 3000
            && *unit == Unit::Bytes));
        assert!(
            told.windows(2).all(|pair| pair[0].1 <= pair[1].1),
            "{told:?}"
        );
        assert!(
            told.iter().any(|(_, done, ..)| *done > 0 && *done < 3000),
            "{told:?}"
        );
        assert_eq!(told.last().unwrap().1, 3000);
    }
}
