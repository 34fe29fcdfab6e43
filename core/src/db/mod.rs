//! Opening Mend's database: the one place that checks what the file is,
//! sets the connection up and brings the schema up to date.

pub mod migrations;

use std::fs::File;
use std::io::Read;
use std::path::Path;
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Error, Result};
pub use migrations::LATEST_VERSION;

/// Marks a database file as Mend's: the bytes "MEND" read as a big-endian i32.
pub const APPLICATION_ID: i32 = i32::from_be_bytes(*b"MEND");

/// The name of the database file inside the data folder.
pub const FILE_NAME: &str = "mend.sqlite3";

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// Opens (or creates) the database at `path`. A file that is not Mend's, or
/// that a newer Mend wrote, is refused before anything is written to it.
pub fn open(path: &Path) -> Result<Connection> {
    refuse_if_not_sqlite(path)?;
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    // The header says SQLite: from here, "not a database" means damaged.
    // The whole file is checked apart, in the background (`check_whole_file`):
    // start never waits for it, however big the file.
    let checked = refuse_if_not_ours(&conn, path);
    match checked {
        Err(Error::NotADatabase { .. }) => Err(Error::Damaged {
            path: path.to_owned(),
        }),
        Err(error) => Err(damaged_if_corrupt(error, path)),
        Ok(()) => prepare(conn).map_err(|error| damaged_if_corrupt(error, path)),
    }
}

/// Checks every page of the data file through a connection of its own
/// (a reader: the owner works on meanwhile), so that damage is found in one
/// place rather than as odd failures later. Damaged in words, or fine.
pub fn check_whole_file(path: &Path) -> Result<()> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    conn.busy_timeout(Duration::from_secs(5))?;
    refuse_if_damaged(&conn, path)
}

/// SQLite's quick structural check of the whole file.
fn refuse_if_damaged(conn: &Connection, path: &Path) -> Result<()> {
    let verdict: rusqlite::Result<String> =
        conn.query_row("PRAGMA quick_check", [], |row| row.get(0));
    match verdict {
        Ok(verdict) if verdict == "ok" => Ok(()),
        Ok(_) => Err(Error::Damaged {
            path: path.to_owned(),
        }),
        Err(error) => Err(damaged_if_corrupt(Error::Database(error), path)),
    }
}

/// SQLite's "corrupt" and "not a database" answers mean a damaged file.
fn damaged_if_corrupt(error: Error, path: &Path) -> Error {
    match &error {
        Error::Database(inner)
            if matches!(
                inner.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
            ) =>
        {
            Error::Damaged {
                path: path.to_owned(),
            }
        }
        _ => error,
    }
}

/// A private database in memory, with the same set-up and schema; for tests.
pub fn open_in_memory() -> Result<Connection> {
    prepare(Connection::open_in_memory()?)
}

fn prepare(mut conn: Connection) -> Result<Connection> {
    conn.busy_timeout(Duration::from_secs(5))?;
    // journal_mode answers with a row, so it is read rather than executed.
    let _mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |row| row.get(0))?;
    conn.execute_batch("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;")?;
    migrations::migrate(&mut conn, APPLICATION_ID)?;
    Ok(conn)
}

/// SQLite would happily treat some non-database files as empty databases and
/// write into them; reading the header ourselves guarantees we never do.
pub(crate) fn refuse_if_not_sqlite(path: &Path) -> Result<()> {
    let mut file = match File::open(path) {
        Ok(file) => file,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(source) => {
            return Err(Error::Folder {
                path: path.to_owned(),
                source,
            })
        }
    };
    let mut header = Vec::with_capacity(SQLITE_HEADER.len());
    (&mut file)
        .take(SQLITE_HEADER.len() as u64)
        .read_to_end(&mut header)
        .map_err(|source| Error::Folder {
            path: path.to_owned(),
            source,
        })?;
    // An empty file is what a fresh database looks like before its first write.
    if header.is_empty() || header == SQLITE_HEADER {
        Ok(())
    } else {
        Err(Error::NotADatabase {
            path: path.to_owned(),
        })
    }
}

/// Reads only; the file is not touched unless it is Mend's and not too new.
pub(crate) fn refuse_if_not_ours(conn: &Connection, path: &Path) -> Result<()> {
    let application_id: i32 = conn
        .query_row("PRAGMA application_id", [], |row| row.get(0))
        .map_err(|e| match e.sqlite_error_code() {
            Some(rusqlite::ErrorCode::NotADatabase) => Error::NotADatabase {
                path: path.to_owned(),
            },
            _ => Error::Database(e),
        })?;
    let tables: i64 = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))?;
    let is_empty = application_id == 0 && tables == 0;
    if application_id != APPLICATION_ID && !is_empty {
        return Err(Error::ForeignDatabase {
            path: path.to_owned(),
        });
    }
    let found = migrations::user_version(conn)?;
    if found > LATEST_VERSION {
        return Err(Error::NewerDatabase {
            found,
            supported: LATEST_VERSION,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests;
