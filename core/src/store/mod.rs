//! The store: Mend's data, behind one connection and one clock.
//! Each area of the data has its own file beside this one.

pub mod attachments;
pub mod backups;
pub mod complaints;
pub mod corrections;
pub mod customers;
pub mod deleted;
pub(crate) mod derived;
pub mod email;
pub mod export;
pub mod handed_in;
pub mod import_csv;
pub mod import_json;
pub mod improvements;
pub mod intake_draft;
pub mod journey;
pub mod known_issues;
pub mod lessons;
pub mod list;
pub mod lists;
pub(crate) mod outcome;
pub mod patterns;
pub mod preferences;
pub mod recovery;
pub mod reminders;
pub mod report;
pub mod restore;
pub mod rows;
pub(crate) mod saving;
pub(crate) mod search;
pub mod settings;
pub mod timeline;
pub mod today;
pub(crate) mod write;

#[cfg(test)]
pub(crate) mod test_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::Connection;

use crate::clock::Clock;
use crate::db;
use crate::error::{Error, Result};
use write::Write;

pub struct Store {
    conn: Connection,
    clock: Arc<dyn Clock>,
    /// Set by a write that changed reminders; taken by whoever wakes the
    /// reminder scheduler (the shell does so when it lets go of the store).
    reminders_changed: bool,
}

impl Store {
    /// Opens the store kept in `data_dir`, creating the folder and the
    /// database when they do not exist yet.
    pub fn open_in(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        std::fs::create_dir_all(data_dir).map_err(|source| Error::Folder {
            path: data_dir.to_owned(),
            source,
        })?;
        restore::finish_interrupted(data_dir)?;
        let database = Self::database_path(data_dir);
        if recovery::still_damaged(data_dir) {
            return Err(Error::Damaged { path: database });
        }
        Self::open_file(&database, clock)
    }

    /// The one way a data file becomes the store, at start and after a
    /// restore or a recovery: the file is checked and brought up to date,
    /// and data from before reminders gets its reminders.
    pub(crate) fn open_file(path: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        let mut store = Store::over(db::open(path)?, clock);
        store.derive_missing_reminders()?;
        store.write(|write| {
            search::refresh_all_if_older(write)?;
            attachments::clear_abandoned(write, write.clock().now())?;
            deleted::clear_expired(write)
        })?;
        Ok(store)
    }

    /// A store that lives only in memory; for tests.
    pub fn open_in_memory(clock: Arc<dyn Clock>) -> Result<Store> {
        Ok(Store::over(db::open_in_memory()?, clock))
    }

    fn over(conn: Connection, clock: Arc<dyn Clock>) -> Store {
        Store {
            conn,
            clock,
            // Whoever opened it has not seen its reminders yet.
            reminders_changed: true,
        }
    }

    /// Runs `work` as one transaction, with the after-write work of
    /// `write::Write` done before the commit. Nothing is kept on an error.
    pub(crate) fn write<T>(&mut self, work: impl FnOnce(&mut Write<'_>) -> Result<T>) -> Result<T> {
        let mut write = Write::begin(&mut self.conn, self.clock.as_ref())?;
        let value = work(&mut write)?;
        if write.finish()? {
            self.reminders_changed = true;
        }
        Ok(value)
    }

    /// The store's clock's instant, for the core's other modules.
    pub(crate) fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    /// Reads through the store's connection, for the core's other modules.
    pub(crate) fn read<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        work(&self.conn)
    }

    /// Whether reminders changed since this was last asked.
    pub fn take_reminders_changed(&mut self) -> bool {
        std::mem::take(&mut self.reminders_changed)
    }

    fn derive_missing_reminders(&mut self) -> Result<()> {
        if derived::setting(&self.conn, derived::DERIVED_KEY)?.is_some() {
            return Ok(());
        }
        self.derive_all_reminders()
    }

    /// Brings every derived reminder in line with its complaint.
    pub(crate) fn derive_all_reminders(&mut self) -> Result<()> {
        self.write(|write| {
            write.delays_changed();
            write.execute(
                "INSERT OR IGNORE INTO settings (key, value) VALUES (?1, '1')",
                [derived::DERIVED_KEY],
            )?;
            Ok(())
        })
    }

    /// Where the database file of `data_dir` is.
    pub fn database_path(data_dir: &Path) -> PathBuf {
        data_dir.join(db::FILE_NAME)
    }

    /// The connection itself, for `crate::generate`, which writes synthetic
    /// data straight with SQL in large transactions.
    pub(crate) fn connection_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub(crate) fn clock(&self) -> &dyn Clock {
        self.clock.as_ref()
    }
}
