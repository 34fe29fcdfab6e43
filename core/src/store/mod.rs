//! The store: Mend's data, behind one connection and one clock.
//! Each area of the data has its own file beside this one.

pub mod backups;
pub mod categories;
pub mod complaints;
pub mod customers;
pub mod export;
pub mod import_csv;
pub mod import_json;
pub mod journey;
pub mod list;
pub mod preferences;
pub mod recovery;
pub mod reminders;
pub mod report;
pub(crate) mod search;
pub mod settings;
pub mod timeline;
pub mod today;

#[cfg(test)]
mod test_support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::Connection;

use crate::clock::Clock;
use crate::db;
use crate::error::{Error, Result};

pub struct Store {
    conn: Connection,
    clock: Arc<dyn Clock>,
}

impl Store {
    /// Opens the store kept in `data_dir`, creating the folder and the
    /// database when they do not exist yet.
    pub fn open_in(data_dir: &Path, clock: Arc<dyn Clock>) -> Result<Store> {
        std::fs::create_dir_all(data_dir).map_err(|source| Error::Folder {
            path: data_dir.to_owned(),
            source,
        })?;
        let mut store = Store {
            conn: db::open(&Self::database_path(data_dir))?,
            clock,
        };
        store.derive_missing_reminders()?;
        Ok(store)
    }

    /// A store that lives only in memory; for tests.
    pub fn open_in_memory(clock: Arc<dyn Clock>) -> Result<Store> {
        Ok(Store {
            conn: db::open_in_memory()?,
            clock,
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
