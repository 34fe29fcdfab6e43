//! Restoring a backup: the data in use is replaced by a checked copy of the
//! backup, and what it replaces is kept first. Everything that can fail is
//! done before the live file is touched; if the swap itself fails, the
//! previous file is put back and opened again. Mend never carries on with
//! data that lives only in memory.

use std::io;
use std::path::{Path, PathBuf};

use super::backups::check_backup;
use super::Store;
use crate::error::{Error, Result};
use crate::progress::{watching_file, Progress, Unit, Unwatched};

/// The store to carry on with (or why none could be opened), and where the
/// replaced data was kept (or why the restore did not happen).
pub type Restored = (Result<Store>, Result<PathBuf>);

/// Replaces the data in `data_dir` with the backup at `backup`.
pub fn restore(current: Store, data_dir: &Path, backup: &Path) -> Restored {
    restore_watched(current, data_dir, backup, &Unwatched)
}

/// `restore`, telling `progress` of each stage as it goes.
pub fn restore_watched(
    current: Store,
    data_dir: &Path,
    backup: &Path,
    progress: &dyn Progress,
) -> Restored {
    restore_with(current, data_dir, backup, progress, &|from, to| {
        std::fs::rename(from, to)
    })
}

/// `restore`, with the renames of the swap made by `rename` (tests make it fail).
fn restore_with(
    current: Store,
    data_dir: &Path,
    backup: &Path,
    progress: &dyn Progress,
    rename: &dyn Fn(&Path, &Path) -> io::Result<()>,
) -> Restored {
    let clock = current.clock.clone();
    let database = Store::database_path(data_dir);
    let incoming = database.with_extension("restoring");
    let stamp = clock.now().format("%Y-%m-%dT%H-%M-%SZ");
    let kept = data_dir.join(format!("mend-before-restore-{stamp}.sqlite3"));

    // First what can fail while the data in use stays as it is: the backup
    // is checked, the data it replaces is kept, and the copy to bring in is
    // opened once the way it will be used (the same checks and upgrades as
    // at start, and the same derived reminders).
    progress.tell("Checking the backup", 0, 0, Unit::Items);
    let prepared = check_backup(backup)
        .and_then(|()| current.back_up_to_watched(&kept, progress))
        .and_then(|()| prepare_incoming(backup, &incoming, clock.clone(), progress));
    if let Err(error) = prepared {
        remove_database(&incoming);
        let _ = std::fs::remove_file(&kept);
        return (Ok(current), Err(error));
    }

    // Let go of the live file (its write-ahead log is folded in as it
    // closes), then swap the files.
    progress.tell("Putting the backup in place", 0, 0, Unit::Items);
    drop(current);
    let aside = database.with_extension("replaced");
    remove_database(&aside);
    let swapped = move_database(&database, &aside, rename)
        .and_then(|()| move_database(&incoming, &database, rename))
        .map_err(|error| failed(&plain(&error)))
        .and_then(|()| {
            Store::open_file(&database, clock.clone()).map_err(|error| {
                tracing::error!(%error, "the restored file would not open");
                failed("the copy of the backup would not open once in place")
            })
        });
    match swapped {
        Ok(store) => {
            remove_database(&aside);
            // Damage found in the file replaced is no longer in the way.
            super::recovery::clear_damage_mark(data_dir);
            (Ok(store), Ok(kept))
        }
        Err(error) => {
            tracing::error!(%error, "the restore could not be completed; putting the data back");
            remove_database(&incoming);
            let store =
                put_back(&aside, &database).and_then(|()| Store::open_file(&database, clock));
            match store {
                Ok(store) => {
                    let _ = std::fs::remove_file(&kept);
                    (Ok(store), Err(error))
                }
                // The copy kept first is the owner's data: it stays, and
                // the owner is told where it is.
                Err(reopening) => {
                    tracing::error!(%reopening, "the data could not be opened again after a failed restore");
                    let unfinished = Error::RestoreUnfinished { kept: kept.clone() };
                    (Err(reopening), Err(unfinished))
                }
            }
        }
    }
}

/// Copies `backup` to `incoming` and opens the copy once the way it will be
/// used (the same checks and upgrades as at start, the same derived
/// reminders), before the live file is touched; nothing is left on failure.
pub(crate) fn prepare_incoming(
    backup: &Path,
    incoming: &Path,
    clock: std::sync::Arc<dyn crate::clock::Clock>,
    progress: &dyn Progress,
) -> Result<()> {
    remove_database(incoming);
    let size = std::fs::metadata(backup).map_or(0, |meta| meta.len());
    let prepared = watching_file(progress, "Copying the backup in", incoming, size, || {
        std::fs::copy(backup, incoming)
    })
    .map_err(folder_error(incoming))
    .and_then(|_| {
        progress.tell("Opening the backup", 0, 0, Unit::Items);
        Store::open_file(incoming, clock).map(drop)
    });
    if prepared.is_err() {
        remove_database(incoming);
    }
    prepared
}

/// Puts the set-aside data back under the database's name.
fn put_back(aside: &Path, database: &Path) -> Result<()> {
    if aside.exists() {
        remove_database(database);
    }
    for (from, to) in with_companions(aside).iter().zip(with_companions(database)) {
        if from.exists() {
            std::fs::rename(from, &to).map_err(folder_error(from))?;
        }
    }
    // Opening a missing file would make a new, empty one: never that.
    if !database.exists() {
        return Err(Error::Folder {
            path: database.to_owned(),
            source: io::Error::from(io::ErrorKind::NotFound),
        });
    }
    Ok(())
}

/// What went wrong with a file, in the owner's words.
fn plain(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::PermissionDenied => {
            "Mend is not allowed to change files in its data folder".into()
        }
        io::ErrorKind::NotFound => "a file it needed was no longer there".into(),
        io::ErrorKind::ResourceBusy => "another program is using the data file".into(),
        _ => format!("the files could not be moved ({error})"),
    }
}

/// A start after a restore was cut short (Mend stopped between its two
/// renames) finds the data set aside and no data file: it is put back
/// before anything else, so Mend never starts empty beside the owner's data.
pub(crate) fn finish_interrupted(data_dir: &Path) -> Result<()> {
    let database = Store::database_path(data_dir);
    let aside = database.with_extension("replaced");
    if !database.exists() && aside.exists() {
        tracing::warn!("putting back the data a cut-short restore set aside");
        put_back(&aside, &database)?;
    }
    Ok(())
}

fn failed(reason: &str) -> Error {
    Error::RestoreFailed {
        reason: reason.trim_end_matches('.').to_owned(),
    }
}

fn folder_error(path: &Path) -> impl FnOnce(io::Error) -> Error + '_ {
    move |source| Error::Folder {
        path: path.to_owned(),
        source,
    }
}

/// The files of a database: the file itself and SQLite's files beside it.
fn with_companions(path: &Path) -> [PathBuf; 3] {
    let named = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        PathBuf::from(name)
    };
    [path.to_owned(), named("-wal"), named("-shm")]
}

/// Moves a database with its companions, so that a log never meets a file
/// it does not belong to.
pub(crate) fn move_database(
    from: &Path,
    to: &Path,
    rename: &dyn Fn(&Path, &Path) -> io::Result<()>,
) -> io::Result<()> {
    let [file, wal, shm] = with_companions(from);
    let [to_file, to_wal, to_shm] = with_companions(to);
    for (from, to) in [(&wal, &to_wal), (&shm, &to_shm)] {
        if from.exists() {
            rename(from, to)?;
        }
    }
    rename(&file, &to_file)
}

fn remove_database(path: &Path) {
    for file in with_companions(path) {
        let _ = std::fs::remove_file(file);
    }
}

#[cfg(test)]
mod tests;
