//! One computer's sync: its shared document, kept with its data, and the
//! round that takes the other computers' files in and gives its own
//! changes out.

use std::collections::HashSet;
use std::path::Path;

use automerge::{ActorId, Automerge, PatchLog, ReadDoc, ROOT};
use rusqlite::{params, OptionalExtension};

use super::doc::{merge_failed, put_local_row, remove_row, touched_keys};
use super::file_contents;
use super::folder::{file_name, Arrival, SharedFolder};
use super::placing::place_keys;
pub use super::round::{HoldStore, Round};
use super::settings;
use super::tables::{table, TABLES};
use crate::db::LATEST_VERSION;
use crate::error::Result;
use crate::store::preferences;
use crate::store::{attachments, Store};

/// Where this computer's id is kept (never shared, never exported).
pub(crate) const COMPUTER_KEY: &str = "sync_computer";
/// The schema version whose Mend last put every shared row in place.
const CAUGHT_UP_KEY: &str = "sync_caught_up";
/// How many rows a turn of catching up puts in place, the store held.
const CATCH_UP_TURN: usize = 2000;

/// Sync as one computer holds it while Mend runs: its shared document, its
/// id, and the folder it syncs through.
pub struct SyncSession {
    doc: Automerge,
    computer: String,
    folder: SharedFolder,
    newer_format: Option<u32>,
}

impl SyncSession {
    /// Sync for `store` through the folder `chosen`: turned on the first
    /// time (every shared row is then given out once), its document loaded
    /// from what this computer holds after that.
    pub fn open(store: &mut impl HoldStore, chosen: &Path) -> Result<SyncSession> {
        // Other computers already there: this one joins, and takes their settings.
        let joining = !SharedFolder::new(chosen, "").listing().is_empty();
        let computer = store.hold()?.write(|write| {
            write.execute("INSERT OR IGNORE INTO sync_on (only) VALUES (1)", [])?;
            let known: Option<String> = write
                .query_row("SELECT value FROM settings WHERE key = ?1", [COMPUTER_KEY], |row| row.get(0))
                .optional()?;
            if let Some(computer) = known {
                return Ok(computer);
            }
            let computer = uuid::Uuid::new_v4().hyphenated().to_string();
            write.execute("INSERT INTO settings (key, value) VALUES (?1, ?2)", params![COMPUTER_KEY, computer])?;
            // The first time: every row here gets its global id, and is this
            // computer's to give out.
            for table in TABLES {
                let made = table.uid_from.unwrap_or("NULL");
                write.execute(
                    &format!(
                        "INSERT OR IGNORE INTO sync_ids (tbl, local_id, uid)
                         SELECT '{name}', id, CASE WHEN id <= {seeded} THEN '{name}-' || id
                                                   ELSE coalesce({made}, lower(hex(randomblob(16)))) END
                         FROM {name} WHERE {rows}",
                        name = table.name,
                        seeded = table.seeded,
                        rows = table.rows,
                    ),
                    [],
                )?;
            }
            // Mend's own lists and the settings come from the first computer:
            // one joining gives out only the rows it made itself.
            for table in TABLES {
                write.execute(
                    &format!(
                        "INSERT OR IGNORE INTO sync_pending (tbl, local_id)
                         SELECT tbl, local_id FROM sync_ids
                         WHERE tbl = '{name}' AND (local_id > {seeded} OR NOT ?1)",
                        name = table.name,
                        seeded = table.seeded,
                    ),
                    [joining],
                )?;
            }
            if !joining {
                settings::give_all(write)?;
            }
            // A new document has nothing an older Mend left alone.
            preferences::put(write, CAUGHT_UP_KEY, &LATEST_VERSION.to_string())?;
            Ok(computer)
        })?;
        let doc = load(store, &computer)?;
        Ok(SyncSession {
            doc,
            folder: SharedFolder::new(chosen, &computer),
            computer,
            newer_format: None,
        })
    }

    pub fn computer(&self) -> &str {
        &self.computer
    }

    /// The other computers' file names now (see `SharedFolder::listing`).
    pub fn listing(&self) -> Vec<String> {
        self.folder.listing()
    }

    /// Records what changed here, takes in what the other computers wrote,
    /// then gives out what changed here; the document is read again from
    /// the data when it may no longer match it. The store is held only to
    /// read or write it, never while the shared folder is (a cloud folder
    /// may take its time, and the owner works on meanwhile).
    pub fn round(&mut self, store: &mut impl HoldStore) -> Result<Round> {
        if self.is_a_copy(store)? {
            return Ok(Round {
                copy_of_another: true,
                ..Round::default()
            });
        }
        // What changed here goes into the document first, so that a change
        // from elsewhere to the same field meets it as a conflict rather
        // than overwriting it.
        let recorded = self.record_changes(&mut *store.hold()?);
        if let Err(error) = recorded {
            self.doc = load(store, &self.computer)?;
            return Err(error);
        }
        if let Err(error) = self.catch_up(store) {
            self.doc = load(store, &self.computer)?;
            return Err(error);
        }
        let taken = self.take_in(store);
        if taken.is_err() {
            // The document may hold a file whose rows were not saved with it.
            self.doc = load(store, &self.computer)?;
        }
        // What changed here goes out even when taking in failed.
        let given = self.give_out(store)?;
        let arrived = file_contents::take(&self.folder, store)?;
        Ok(Round {
            taken: taken? + arrived,
            given,
            newer_format: self.newer_format,
            copy_of_another: false,
        })
    }

    /// Whether another copy of this data writes as this computer: a file
    /// of its own is in the shared folder that this data never wrote.
    fn is_a_copy(&self, store: &mut impl HoldStore) -> Result<bool> {
        // Named by this data, or about to be (written, then Mend stopped
        // before it noted the name).
        let written: HashSet<String> = store.hold()?.read(|conn| {
            // The bytes only of those not named yet: the first can be large.
            let mut statement = conn.prepare(
                "SELECT name, number, CASE WHEN name IS NULL THEN bytes END
                 FROM sync_chunks WHERE computer = ?1 AND number IS NOT NULL",
            )?;
            let rows = statement.query_map([&self.computer], |row| {
                let name: Option<String> = row.get(0)?;
                let number: i64 = row.get(1)?;
                let bytes: Option<Vec<u8>> = row.get(2)?;
                Ok(name
                    .unwrap_or_else(|| file_name(number.max(0) as u64, &bytes.unwrap_or_default())))
            })?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })?;
        Ok(self
            .folder
            .own_names()
            .iter()
            .any(|name| !written.contains(name)))
    }

    /// Makes this data a new computer in sync, for a copy: a new id, its
    /// changes so far kept as they are (they are the old computer's too),
    /// what changed here since sent again as the new computer's.
    pub fn become_new_computer(store: &mut Store, chosen: &Path) -> Result<SyncSession> {
        store.write(|write| {
            let computer = uuid::Uuid::new_v4().hyphenated().to_string();
            write.execute(
                "UPDATE settings SET value = ?2 WHERE key = ?1",
                params![COMPUTER_KEY, computer],
            )?;
            Ok(())
        })?;
        SyncSession::open(store, chosen)
    }

    fn take_in(&mut self, store: &mut impl HoldStore) -> Result<usize> {
        let names: HashSet<String> = store.hold()?.read(|conn| {
            let mut statement =
                conn.prepare("SELECT name FROM sync_chunks WHERE name IS NOT NULL")?;
            let names = statement
                .query_map([], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(names)
        })?;
        let mut taken = 0;
        for arrival in self.folder.arrivals(&|name| names.contains(name))? {
            let (computer, name, payload) = match arrival {
                Arrival::Changes {
                    computer,
                    name,
                    payload,
                } => (computer, name, payload),
                Arrival::Newer { format, .. } => {
                    self.newer_format = self.newer_format.max(Some(format));
                    continue;
                }
            };
            // Held from here until this file is in place; what the owner
            // did since the last look goes into the document first.
            let mut held = store.hold()?;
            self.record_changes(&mut held)?;
            // A patch log of this file alone: what it touched, without
            // comparing the whole document before and after.
            let mut log = PatchLog::active();
            if let Err(error) = self.doc.load_incremental_log_patches(&payload, &mut log) {
                // Whole (its hash holds) but not readable: left alone, and said in the log.
                tracing::warn!(%error, "a file in the shared folder could not be read");
                continue;
            }
            let keys = touched_keys(&self.doc.make_patches(&mut log));
            let doc = &self.doc;
            held.write(|write| {
                place_keys(doc, write, keys)?;
                write.execute(
                    "INSERT INTO sync_chunks (computer, name, bytes) VALUES (?1, ?2, ?3)",
                    params![computer, name, payload],
                )?;
                Ok(())
            })?;
            taken += 1;
        }
        Ok(taken)
    }

    /// Puts the rows changed here since the last round into the document,
    /// as one change of this computer's, kept with the data.
    fn record_changes(&mut self, store: &mut Store) -> Result<()> {
        let doc = &mut self.doc;
        let computer = &self.computer;
        store.write(|write| {
            attachments::hash_missing(write)?;
            let pending: Vec<(String, i64)> = {
                let mut statement = write.prepare("SELECT tbl, local_id FROM sync_pending")?;
                let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            let mut ordered: Vec<_> = pending
                .iter()
                .filter_map(|(name, id)| Some((table(name)?, *id)))
                .collect();
            ordered
                .sort_by_key(|(table, id)| (TABLES.iter().position(|t| t.name == table.name), *id));
            let before = doc.get_heads();
            let mut change = doc.transaction();
            for (table, id) in ordered {
                put_local_row(&mut change, write, table, id)?;
            }
            let removed: Vec<(String, String)> = {
                let mut statement = write.prepare("SELECT tbl, uid FROM sync_removed")?;
                let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            for (table, uid) in removed {
                remove_row(&mut change, &table, &uid)?;
            }
            settings::put_changed(&mut change, write)?;
            write.execute("DELETE FROM sync_pending", [])?;
            write.execute("DELETE FROM sync_removed", [])?;
            write.execute("DELETE FROM sync_settled", [])?;
            if change.commit().0.is_some() {
                keep_own_change(write, computer, &doc.save_after(&before))?;
            }
            Ok(())
        })
    }

    /// Once after Mend is updated, every row of the shared document is put
    /// in place again: the older Mend left alone what it did not know (a
    /// table, a column), and this one knows it now. In turns of a few
    /// thousand rows, what the owner did meanwhile recorded first.
    fn catch_up(&mut self, store: &mut impl HoldStore) -> Result<()> {
        let caught_up = store.hold()?.read(|conn| {
            Ok(conn
                .query_row(
                    "SELECT value FROM settings WHERE key = ?1",
                    [CAUGHT_UP_KEY],
                    |row| row.get::<_, String>(0),
                )
                .optional()?)
        })?;
        if caught_up == Some(LATEST_VERSION.to_string()) {
            return Ok(());
        }
        let keys: Vec<String> = self.doc.keys(ROOT).collect();
        for turn in keys.chunks(CATCH_UP_TURN) {
            let mut held = store.hold()?;
            self.record_changes(&mut held)?;
            let doc = &self.doc;
            held.write(|write| place_keys(doc, write, turn.to_vec()))?;
        }
        store
            .hold()?
            .write(|write| preferences::put(write, CAUGHT_UP_KEY, &LATEST_VERSION.to_string()))
    }

    /// Writes this computer's changes not in the shared folder yet, and the
    /// bytes of kept files no computer has put there yet.
    fn give_out(&mut self, store: &mut impl HoldStore) -> Result<usize> {
        if self.newer_format.is_some() {
            return Ok(0);
        }
        file_contents::give(&self.folder, store)?;
        // Written after the data is saved; one not written yet is tried again next round.
        let unwritten: Vec<(i64, i64, Vec<u8>)> = store.hold()?.read(|conn| {
            let mut statement = conn.prepare(
                "SELECT seq, number, bytes FROM sync_chunks WHERE computer = ?1 AND name IS NULL ORDER BY seq",
            )?;
            let rows = statement.query_map([&self.computer], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })?;
        let mut given = 0;
        for (seq, number, bytes) in unwritten {
            let name = self.folder.write(number.max(0) as u64, &bytes)?;
            store.hold()?.write(|write| {
                write.execute(
                    "UPDATE sync_chunks SET name = ?2 WHERE seq = ?1",
                    params![seq, name],
                )?;
                Ok(())
            })?;
            given += 1;
        }
        Ok(given)
    }
}

/// Keeps a change of this computer's with the data, numbered after its
/// others, to be written to the shared folder.
fn keep_own_change(write: &rusqlite::Transaction<'_>, computer: &str, bytes: &[u8]) -> Result<()> {
    write.execute(
        "INSERT INTO sync_chunks (computer, number, bytes)
         VALUES (?1, (SELECT coalesce(max(number), 0) + 1 FROM sync_chunks WHERE computer = ?1), ?2)",
        params![computer, bytes],
    )?;
    Ok(())
}

#[cfg(test)]
impl SyncSession {
    /// Changes the document as a newer Mend might (what this one does not
    /// know), as one change of this computer's, given out with the next round.
    pub(crate) fn change_as_a_newer_mend(
        &mut self,
        store: &mut Store,
        change: impl FnOnce(&mut automerge::transaction::Transaction<'_>),
    ) {
        let before = self.doc.get_heads();
        let mut transaction = self.doc.transaction();
        change(&mut transaction);
        transaction.commit();
        let bytes = self.doc.save_after(&before);
        store
            .write(|write| keep_own_change(write, &self.computer, &bytes))
            .unwrap();
    }

    pub(crate) fn document(&self) -> &Automerge {
        &self.doc
    }
}

/// The shared document as this computer holds it: every change it took
/// or made, in order, with this computer as its author from now on. The
/// store is held only to read the changes, not while they are applied.
fn load(store: &mut impl HoldStore, computer: &str) -> Result<Automerge> {
    let actor = uuid::Uuid::try_parse(computer).map(|id| ActorId::from(id.as_bytes().as_slice()));
    // Automerge, not AutoCommit: AutoCommit's own patch log failed to take
    // in changes from a third author (automerge 0.9.0, PatchLogMismatch).
    let mut doc = Automerge::new();
    if let Ok(actor) = actor {
        doc.set_actor(actor);
    }
    let chunks: Vec<Vec<u8>> = store.hold()?.read(|conn| {
        let mut statement = conn.prepare("SELECT bytes FROM sync_chunks ORDER BY seq")?;
        let rows = statement.query_map([], |row| row.get(0))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    })?;
    for chunk in chunks {
        doc.load_incremental(&chunk).map_err(merge_failed)?;
    }
    Ok(doc)
}
