//! Backups: copies of the database made while Mend runs. A copy is read
//! through a connection of its own (`VACUUM INTO`): the data file is in WAL
//! mode, so the copy reads a snapshot while the owner goes on working, and
//! the store is never held for it however big the file (photos and all).
//! The automatic ones roll (the latest of each of the last 7 days and of the
//! last 4 weeks are kept). A backup is checked before a restore, and the
//! data it replaces is kept first.

use std::path::Path;
use std::time::Duration;

use chrono::{DateTime, Datelike, NaiveDateTime, Utc};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use super::saving::{write_whole, PARTIAL};
use super::Store;
use crate::clock::Clock;
use crate::db::{self, APPLICATION_ID, LATEST_VERSION};
use crate::error::{Error, Result};
use crate::progress::{watching_file, Progress, Unwatched};

/// The folder of automatic backups, beside the database.
pub const BACKUP_FOLDER: &str = "backups";
const NAME_FORMAT: &str = "mend-%Y-%m-%dT%H-%M-%SZ.sqlite3";
const KEEP_DAYS: usize = 7;
const KEEP_WEEKS: usize = 4;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct BackupFile {
    pub path: String,
    pub made_at: DateTime<Utc>,
    pub bytes: u64,
}

fn folder_error(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Folder {
        path: path.to_owned(),
        source,
    }
}

impl Store {
    /// Copies the whole database to `target`. The copy is written under a
    /// temporary name and renamed when complete, so a half-made backup never
    /// carries the final name.
    pub fn back_up_to(&self, target: &Path) -> Result<()> {
        self.back_up_to_watched(target, &Unwatched)
    }

    /// `back_up_to`, telling `progress` of the copy as it grows.
    pub fn back_up_to_watched(&self, target: &Path, progress: &dyn Progress) -> Result<()> {
        match self.conn.path().filter(|path| !path.is_empty()) {
            Some(live) => back_up_file_watched(Path::new(live), target, progress),
            // A database in memory (the tests') has no file to read apart.
            None => write_whole(target, |partial| {
                let mut copy = Connection::open(partial)?;
                let backup = Backup::new(&self.conn, &mut copy)?;
                backup.run_to_completion(512, Duration::ZERO, None)?;
                Ok(())
            }),
        }
    }

    /// An automatic backup into the backups folder; older ones are pruned.
    pub fn automatic_backup(&self, data_dir: &Path) -> Result<BackupFile> {
        automatic_backup_in(data_dir, self.clock.as_ref())
    }
}

/// Backs the data file `live` up to `target`, a file the owner chose (not
/// the data file itself), without the store (see `copy_database`).
pub fn back_up_file(live: &Path, target: &Path) -> Result<()> {
    back_up_file_watched(live, target, &Unwatched)
}

/// `back_up_file`, telling `progress` of the copy as it grows.
pub fn back_up_file_watched(live: &Path, target: &Path, progress: &dyn Progress) -> Result<()> {
    let chosen = target
        .parent()
        .and_then(|folder| folder.canonicalize().ok())
        .zip(target.file_name());
    if let (Ok(live), Some((folder, name))) = (live.canonicalize(), chosen) {
        if folder.join(name) == live {
            return Err(Error::InvalidInput(
                "That is the file Mend is using now; please choose another name for the backup."
                    .into(),
            ));
        }
    }
    copy_database_watched(live, target, progress)
}

/// Copies the database at `live` to `target`, whole or not at all, through
/// a connection of its own: never holding the store, nor the owner's work.
/// Written under a temporary name and renamed when complete.
pub fn copy_database(live: &Path, target: &Path) -> Result<()> {
    copy_database_watched(live, target, &Unwatched)
}

/// `copy_database`, telling `progress` of the copy as it grows.
pub fn copy_database_watched(live: &Path, target: &Path, progress: &dyn Progress) -> Result<()> {
    write_whole(target, |partial| {
        let Some(partial_text) = partial.to_str() else {
            return Err(Error::InvalidInput(
                "Mend cannot write a backup to a place whose name has characters it cannot read; \
                 please choose another name or folder."
                    .into(),
            ));
        };
        let source = Connection::open_with_flags(
            live,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        source.busy_timeout(Duration::from_secs(5))?;
        let size: i64 = source.query_row(
            "SELECT page_count * page_size FROM pragma_page_count, pragma_page_size",
            [],
            |row| row.get(0),
        )?;
        watching_file(progress, "Copying your data", partial, size as u64, || {
            source.execute("VACUUM INTO ?1", [partial_text])
        })?;
        Ok(())
    })
}

/// The automatic backup of the data in `data_dir`, made without the store
/// (see `copy_database`), into its backups folder; older ones are pruned.
pub fn automatic_backup_in(data_dir: &Path, clock: &dyn Clock) -> Result<BackupFile> {
    let folder = data_dir.join(BACKUP_FOLDER);
    std::fs::create_dir_all(&folder).map_err(folder_error(&folder))?;
    // A backup cut short (Mend quit meanwhile) left its partial copy: let go.
    if let Ok(entries) = std::fs::read_dir(&folder) {
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().ends_with(PARTIAL) {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    let made_at = clock.now();
    let target = folder.join(made_at.format(NAME_FORMAT).to_string());
    copy_database(&Store::database_path(data_dir), &target)?;
    let all = backups(data_dir)?;
    for old in to_prune(&all, clock) {
        std::fs::remove_file(&old.path).map_err(folder_error(Path::new(&old.path)))?;
    }
    let bytes = std::fs::metadata(&target).map(|m| m.len()).unwrap_or(0);
    Ok(BackupFile {
        path: target.display().to_string(),
        made_at,
        bytes,
    })
}

/// The automatic backups in `data_dir`, the newest first.
pub fn backups(data_dir: &Path) -> Result<Vec<BackupFile>> {
    let folder = data_dir.join(BACKUP_FOLDER);
    let entries = match std::fs::read_dir(&folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(source) => {
            return Err(Error::Folder {
                path: folder,
                source,
            })
        }
    };
    let mut found: Vec<BackupFile> = entries
        .filter_map(|entry| entry.ok())
        .filter_map(|entry| {
            let name = entry.file_name().into_string().ok()?;
            let made_at = NaiveDateTime::parse_from_str(&name, NAME_FORMAT)
                .ok()?
                .and_utc();
            let bytes = entry.metadata().map(|m| m.len()).unwrap_or(0);
            Some(BackupFile {
                path: entry.path().display().to_string(),
                made_at,
                bytes,
            })
        })
        .collect();
    found.sort_by_key(|backup| std::cmp::Reverse(backup.made_at));
    Ok(found)
}

/// The automatic backup called `name`, if it is in the backups folder.
pub fn automatic_backup_named(data_dir: &Path, name: &str) -> Result<std::path::PathBuf> {
    backups(data_dir)?
        .into_iter()
        .map(|backup| std::path::PathBuf::from(backup.path))
        .find(|path| path.file_name().is_some_and(|file| file == name))
        .ok_or_else(|| {
            Error::NotFound(format!(
                "The backup \"{name}\" is no longer in the backups folder. Nothing was changed."
            ))
        })
}

/// Which backups to delete: all but the latest of each of the last 7 days
/// and of the last 4 weeks that have one (days and weeks where the owner is).
pub fn to_prune(newest_first: &[BackupFile], clock: &dyn Clock) -> Vec<BackupFile> {
    let mut days = Vec::new();
    let mut weeks = Vec::new();
    let mut prune = Vec::new();
    for backup in newest_first {
        let day = clock.local(backup.made_at).date();
        let week = day.iso_week();
        let mut keep = false;
        if days.len() < KEEP_DAYS && !days.contains(&day) {
            days.push(day);
            keep = true;
        }
        if weeks.len() < KEEP_WEEKS && !weeks.contains(&week) {
            weeks.push(week);
            keep = true;
        }
        if !keep {
            prune.push(backup.clone());
        }
    }
    prune
}

/// Refuses, in plain words, a file that is not a whole, readable Mend backup.
pub fn check_backup(path: &Path) -> Result<()> {
    let refuse = |reason: &str| Error::NotABackup {
        path: path.to_owned(),
        reason: reason.into(),
    };
    let length = std::fs::metadata(path)
        .map_err(|_| refuse("it cannot be read"))?
        .len();
    if length == 0 {
        return Err(refuse("it is empty"));
    }
    db::refuse_if_not_sqlite(path).map_err(|_| refuse("it is not a database"))?;
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| refuse("it is not a database"))?;
    let application_id: i32 = conn
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(|_| refuse("it is not a database"))?;
    if application_id != APPLICATION_ID {
        return Err(refuse("it was not made by Mend"));
    }
    let version: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if version > LATEST_VERSION {
        return Err(refuse(
            "it was made by a newer Mend; please install the latest Mend first",
        ));
    }
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .map_err(|_| refuse("it is damaged"))?;
    if check != "ok" {
        return Err(refuse("it is damaged"));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
