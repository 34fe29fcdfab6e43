//! Turning sync on, and what the owner sees of it: the folder, this
//! computer's name, when the last round was and what is waiting.

use std::path::{Path, PathBuf};

use rusqlite::OptionalExtension;
use serde::Serialize;

use super::engine::{HoldStore, Round, SyncSession, COMPUTER_KEY};
use super::folder::{is_computer_id, SharedFolder, SUBFOLDER};
use crate::error::{Error, Result};
use crate::store::{preferences, Store};

const FOLDER_KEY: &str = "sync_folder";
const NAME_KEY: &str = "sync_name";
const LAST_ROUND_KEY: &str = "sync_last_round";

/// The longest name a computer can have.
const LONGEST_NAME: usize = 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncStatus {
    pub on: bool,
    pub folder: Option<String>,
    pub computer_name: Option<String>,
    /// RFC 3339; when the last round ended without a problem.
    pub last_round_at: Option<String>,
    /// Changes made here not in the shared folder yet.
    pub waiting: usize,
}

/// What turning sync on with a folder will do, said before it is done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SyncPreview {
    pub folder: String,
    /// Complaints here, which the other computers will receive.
    pub complaints_here: usize,
    /// Other computers already syncing through that folder.
    pub other_computers: usize,
    /// This computer synced through that folder before (sync was stopped
    /// here): it picks up where it left off.
    pub this_computer_there: bool,
}

fn setting(store: &Store, key: &str) -> Result<Option<String>> {
    store.read(|conn| {
        Ok(conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
                row.get(0)
            })
            .optional()?)
    })
}

pub fn status(store: &Store) -> Result<SyncStatus> {
    let folder = setting(store, FOLDER_KEY)?;
    let waiting = store.read(|conn| {
        Ok(conn.query_row(
            "SELECT (SELECT count(*) FROM sync_pending)
                  + (SELECT count(*) FROM sync_settings_pending)
                  + (SELECT count(*) FROM sync_chunks WHERE name IS NULL
                     AND computer = (SELECT value FROM settings WHERE key = ?1))",
            [COMPUTER_KEY],
            |row| row.get::<_, i64>(0),
        )?)
    })?;
    Ok(SyncStatus {
        on: folder.is_some(),
        folder,
        computer_name: setting(store, NAME_KEY)?,
        last_round_at: setting(store, LAST_ROUND_KEY)?,
        waiting: usize::try_from(waiting).unwrap_or(0),
    })
}

/// What turning sync on through `chosen` would do; nothing is changed.
pub fn preview(store: &Store, data_dir: &Path, chosen: &Path) -> Result<SyncPreview> {
    usable_folder(data_dir, chosen)?;
    let complaints_here = store.read(|conn| {
        Ok(conn.query_row(
            "SELECT count(*) FROM complaints WHERE deleted_at IS NULL",
            [],
            |row| row.get::<_, i64>(0),
        )?)
    })?;
    let this_computer = setting(store, COMPUTER_KEY)?;
    let computers: Vec<String> = match std::fs::read_dir(chosen.join(SUBFOLDER)) {
        Ok(entries) => entries
            .flatten()
            .filter_map(|entry| entry.file_name().to_str().map(str::to_owned))
            .filter(|name| is_computer_id(name))
            .collect(),
        Err(_) => Vec::new(),
    };
    let this_computer_there = this_computer.is_some_and(|id| computers.contains(&id));
    Ok(SyncPreview {
        folder: chosen.display().to_string(),
        complaints_here: usize::try_from(complaints_here).unwrap_or(0),
        other_computers: computers.len() - usize::from(this_computer_there),
        this_computer_there,
    })
}

/// A computer's name as the owner typed it, checked.
fn checked_name(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::InvalidInput(
            "Please give this computer a name, such as \u{201c}Laptop\u{201d}, so that you can tell your computers apart.".into(),
        ));
    }
    if name.chars().count() > LONGEST_NAME {
        return Err(Error::InvalidInput(format!(
            "Please give this computer a shorter name (at most {LONGEST_NAME} letters)."
        )));
    }
    Ok(name)
}

/// Gives this computer another name (it is this computer's alone: the
/// other computers know it by its id).
pub fn rename(store: &mut Store, name: &str) -> Result<()> {
    let name = checked_name(name)?;
    store.write(|write| preferences::put(write, NAME_KEY, name))
}

/// Stops syncing on this computer. What is done here meanwhile is still
/// noted, and sent when sync is turned on again (with the same folder, it
/// picks up where it left off).
pub fn stop(store: &mut Store) -> Result<()> {
    store.write(|write| {
        write.execute("DELETE FROM settings WHERE key = ?1", [FOLDER_KEY])?;
        Ok(())
    })
}

/// Turns sync on through `chosen`, with this computer called `name`.
pub fn turn_on(
    store: &mut Store,
    data_dir: &Path,
    chosen: &Path,
    name: &str,
) -> Result<SyncSession> {
    let name = checked_name(name)?;
    usable_folder(data_dir, chosen)?;
    // This computer's changes not in that folder (another folder, or one
    // emptied meanwhile) are written there again.
    let there: Vec<String> = match setting(store, COMPUTER_KEY)? {
        Some(computer) => SharedFolder::new(chosen, &computer).own_names(),
        None => Vec::new(),
    };
    store.write(|write| {
        let written: Vec<(i64, String)> = {
            let mut statement = write.prepare(
                "SELECT seq, name FROM sync_chunks WHERE name IS NOT NULL
                 AND computer = (SELECT value FROM settings WHERE key = ?1)",
            )?;
            let rows = statement.query_map([COMPUTER_KEY], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        for (seq, name) in written {
            if !there.contains(&name) {
                write.execute("UPDATE sync_chunks SET name = NULL WHERE seq = ?1", [seq])?;
            }
        }
        for (key, value) in [
            (FOLDER_KEY, chosen.display().to_string()),
            (NAME_KEY, name.to_owned()),
        ] {
            preferences::put(write, key, &value)?;
        }
        Ok(())
    })?;
    SyncSession::open(store, chosen)
}

/// Sync as it was left, at start: None when it is off.
pub fn resume(store: &mut impl HoldStore) -> Result<Option<SyncSession>> {
    let folder = setting(&*store.hold()?, FOLDER_KEY)?;
    match folder {
        Some(folder) => Ok(Some(SyncSession::open(store, Path::new(&folder))?)),
        None => Ok(None),
    }
}

/// A round, and when it ended, for the owner to see.
pub fn round(sync: &mut SyncSession, store: &mut impl HoldStore) -> Result<Round> {
    let round = sync.round(store)?;
    if round.paused().is_some() {
        return Ok(round);
    }
    let mut held = store.hold()?;
    let now = crate::dates::stamp(held.now());
    held.write(|write| preferences::put(write, LAST_ROUND_KEY, &now))?;
    Ok(round)
}

/// A folder the computers can share: there, and not Mend's own data folder
/// (the live database is never put where a sync tool copies it).
fn usable_folder(data_dir: &Path, chosen: &Path) -> Result<PathBuf> {
    let chosen = chosen.canonicalize().map_err(|_| {
        Error::InvalidInput(format!(
            "Mend cannot find the folder {}. Please choose a folder that exists.",
            chosen.display()
        ))
    })?;
    if !chosen.is_dir() {
        return Err(Error::InvalidInput(format!(
            "{} is a file, not a folder. Please choose the folder your computers share.",
            chosen.display()
        )));
    }
    let data = data_dir
        .canonicalize()
        .unwrap_or_else(|_| data_dir.to_owned());
    if chosen.starts_with(&data) || data.starts_with(&chosen) {
        return Err(Error::InvalidInput(
            "That folder holds Mend's own data. Please choose the folder your sync program (or USB stick) shares between your computers.".into(),
        ));
    }
    Ok(chosen)
}
