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
/// the end), telling its size as it grows, and all of it once the work
/// succeeded: the way to show the progress of work SQLite does in one
/// statement (`VACUUM INTO`), or of a file written in one go.
pub(crate) fn watching_file<T, E>(
    progress: &dyn Progress,
    doing: &str,
    growing: &Path,
    expected: u64,
    work: impl FnOnce() -> Result<T, E>,
) -> Result<T, E> {
    let finished = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let watcher = scope.spawn(|| {
            while !finished.load(Ordering::Acquire) {
                let written = std::fs::metadata(growing).map_or(0, |meta| meta.len());
                progress.tell(doing, written.min(expected), expected, Unit::Bytes);
                std::thread::park_timeout(Duration::from_millis(100));
            }
        });
        let done = {
            // However the work ends (a panic too), the watcher stops, so
            // the scope can end.
            let _stop = Stop {
                finished: &finished,
                watcher: watcher.thread(),
            };
            work()
        };
        // Its last word is told before the end, never after it.
        let _ = watcher.join();
        if done.is_ok() {
            progress.tell(doing, expected, expected, Unit::Bytes);
        }
        done
    })
}

struct Stop<'a> {
    finished: &'a AtomicBool,
    watcher: &'a std::thread::Thread,
}

impl Drop for Stop<'_> {
    fn drop(&mut self) {
        self.finished.store(true, Ordering::Release);
        self.watcher.unpark();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Mutex;

    type Told = Mutex<Vec<(String, u64, u64, Unit)>>;

    fn keeper(told: &Told) -> impl Fn(&str, u64, u64, Unit) + Sync + '_ {
        |doing: &str, done: u64, total: u64, unit: Unit| {
            told.lock()
                .unwrap()
                .push((doing.to_owned(), done, total, unit));
        }
    }

    /// Waits until the watcher has told `bytes`.
    fn until_told(told: &Told, bytes: u64) {
        for _ in 0..500 {
            if told
                .lock()
                .unwrap()
                .iter()
                .any(|(_, done, ..)| *done == bytes)
            {
                return;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        panic!("{bytes} bytes were never told");
    }

    #[test]
    fn a_growing_file_is_told_as_it_grows_and_whole_at_the_end() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("copy");
        let told = Told::default();
        let answer = watching_file(&keeper(&told), "Copying", &file, 3000, || {
            use std::io::Write;
            let mut out = std::fs::File::create(&file).unwrap();
            for written in [1000, 2000] {
                out.write_all(&[0; 1000]).unwrap();
                out.flush().unwrap();
                until_told(&told, written);
            }
            out.write_all(&[0; 1000]).unwrap();
            Ok::<_, ()>(42)
        });
        assert_eq!(answer, Ok(42));
        let told = told.into_inner().unwrap();
        assert!(told.iter().all(|(doing, _, total, unit)| doing == "Copying"
            && *total == 3000
            && *unit == Unit::Bytes));
        assert!(
            told.windows(2).all(|pair| pair[0].1 <= pair[1].1),
            "{told:?}"
        );
        assert_eq!(told.last().unwrap().1, 3000);
    }

    #[test]
    fn failed_work_is_not_told_as_whole_and_a_panic_does_not_hang() {
        let folder = tempfile::tempdir().unwrap();
        let file = folder.path().join("copy");
        let told = Told::default();
        let failed = watching_file(&keeper(&told), "Copying", &file, 3000, || {
            Err::<(), _>("full")
        });
        assert_eq!(failed, Err("full"));
        assert!(told
            .lock()
            .unwrap()
            .iter()
            .all(|(_, done, ..)| *done < 3000));

        let panicked = std::panic::catch_unwind(|| {
            watching_file(&Unwatched, "Copying", &file, 3000, || -> Result<(), ()> {
                panic!("cut short")
            })
        });
        assert!(panicked.is_err());
    }
}
