//! Computers for the sync tests: each with its own data folder and clock,
//! sharing one folder, and what to compare between them.

use std::path::Path;
use std::sync::Arc;

use super::doc::{read_row, uid_of};
use super::tables::TABLES;
use super::*;
use crate::clock::FixedClock;
use crate::kinds::{Channel, Direction};
use crate::store::test_support::{at, phone_complaint};
use crate::store::timeline::NewContact;
use crate::Store;

pub(super) struct Computer {
    pub _data: tempfile::TempDir,
    pub store: Store,
    pub sync: SyncSession,
    pub clock: Arc<FixedClock>,
}

pub(super) fn computer(shared: &Path) -> Computer {
    let data = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::at(at(9)));
    let mut store = Store::open_in(data.path(), clock.clone()).unwrap();
    let sync = SyncSession::open(&mut store, shared).unwrap();
    Computer {
        _data: data,
        store,
        sync,
        clock,
    }
}

impl Computer {
    pub fn round(&mut self) -> Round {
        self.sync.round(&mut self.store).unwrap()
    }

    /// Every shared row, by global id, links as global ids: what must be
    /// the same on every computer once all files are in.
    pub fn shared(&self) -> Vec<String> {
        let mut rows = Vec::new();
        self.store
            .read(|conn| {
                for table in TABLES {
                    let mut statement = conn.prepare(&format!(
                        "SELECT id FROM {} WHERE {}",
                        table.name, table.rows
                    ))?;
                    let ids: Vec<i64> = statement
                        .query_map([], |row| row.get(0))?
                        .collect::<rusqlite::Result<_>>()?;
                    for id in ids {
                        let uid = uid_of(conn, table.name, id)?.unwrap_or_default();
                        rows.push(format!(
                            "{} {uid} {:?}",
                            table.name,
                            read_row(conn, table, id)?
                        ));
                    }
                }
                Ok(())
            })
            .unwrap();
        rows.sort();
        rows
    }

    pub fn summaries(&self) -> Vec<String> {
        let mut found: Vec<String> = self
            .store
            .read(|conn| {
                let mut statement = conn.prepare("SELECT summary FROM complaints")?;
                let rows = statement.query_map([], |row| row.get(0))?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            })
            .unwrap();
        found.sort();
        found
    }

    pub fn conflicts(&self) -> Vec<(String, String)> {
        self.store
            .read(|conn| {
                let mut statement =
                    conn.prepare("SELECT field, vals FROM sync_conflicts ORDER BY field")?;
                let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
                Ok(rows.collect::<rusqlite::Result<_>>()?)
            })
            .unwrap()
    }
}

pub(super) fn note(text: &str) -> NewContact {
    NewContact {
        direction: Direction::Note,
        channel: Channel::Other,
        at: None,
        text: text.into(),
    }
}

/// A laptop and a desktop sharing `shared`, both holding the complaint the
/// laptop made (its id on the laptop).
pub(super) fn laptop_and_desktop(shared: &Path) -> (Computer, Computer, i64) {
    let mut laptop = computer(shared);
    let mut desktop = computer(shared);
    let made = laptop
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    rounds(&mut laptop, &mut desktop);
    (laptop, desktop, made.id)
}

/// Enough rounds for each to have all the other's changes.
pub(super) fn rounds(laptop: &mut Computer, desktop: &mut Computer) {
    for _ in 0..2 {
        laptop.round();
        desktop.round();
    }
}

/// The id of the one complaint on a computer.
pub(super) fn only_complaint(on: &Computer) -> i64 {
    on.store
        .read(|conn| Ok(conn.query_row("SELECT id FROM complaints", [], |row| row.get(0))?))
        .unwrap()
}
