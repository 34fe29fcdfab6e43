//! The timeline (every contact with the customer) and the history (every
//! change, append-only: the app only ever inserts into it).

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::Store;
use crate::dates;
use crate::error::Result;
use crate::kinds::{Channel, Direction};
use crate::text;

/// Who made a change. Mend has one user: the owner.
const OWNER: &str = "owner";

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Contact {
    pub id: i64,
    pub direction: Direction,
    pub channel: Channel,
    pub at: DateTime<Utc>,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct HistoryEntry {
    pub id: i64,
    pub at: DateTime<Utc>,
    pub who: String,
    pub what: String,
}

/// A contact the owner adds to the timeline by hand.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewContact {
    pub direction: Direction,
    pub channel: Channel,
    #[serde(default)]
    pub at: Option<String>,
    pub text: String,
}

impl Store {
    /// Adds a contact (from the customer, to them, or a note) to a complaint's timeline.
    pub fn add_contact(&mut self, complaint_id: i64, new: &NewContact) -> Result<Contact> {
        let now = self.clock.now();
        let words = text::long(
            &new.text,
            "text",
            super::complaints::MAX_LONG_TEXT_CHARS,
            true,
        )?;
        let at = dates::past_instant(new.at.as_deref(), "time of the contact", now)?;
        let tx = self.conn.transaction()?;
        super::complaints::progress(&tx, complaint_id)?;
        let id = insert_contact(
            &tx,
            complaint_id,
            new.direction,
            new.channel,
            at,
            &words,
            now,
        )?;
        let what = match new.direction {
            Direction::Incoming => "Noted a message from the customer",
            Direction::Outgoing => "Noted a message to the customer",
            Direction::Note => "Added an internal note",
        };
        log(&tx, Some(complaint_id), None, now, what)?;
        super::search::refresh(&tx, complaint_id)?;
        super::reminders::sync(&tx, complaint_id, self.clock.as_ref())?;
        tx.commit()?;
        Ok(Contact {
            id,
            direction: new.direction,
            channel: new.channel,
            at,
            text: words,
        })
    }
}

/// Adds a contact; an outgoing one also counts as the customer's latest update.
pub(crate) fn insert_contact(
    tx: &Transaction<'_>,
    complaint_id: i64,
    direction: Direction,
    channel: Channel,
    at: DateTime<Utc>,
    words: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO contacts (complaint_id, direction, channel, at, text, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            complaint_id,
            direction,
            channel,
            dates::stamp(at),
            words,
            dates::stamp(now)
        ],
    )?;
    let id = tx.last_insert_rowid();
    if direction == Direction::Outgoing {
        tx.execute(
            "UPDATE complaints SET last_outgoing_at = max(coalesce(last_outgoing_at, ''), ?2)
             WHERE id = ?1",
            params![complaint_id, dates::stamp(at)],
        )?;
    }
    Ok(id)
}

/// Appends one line to the history.
pub(crate) fn log(
    tx: &Transaction<'_>,
    complaint_id: Option<i64>,
    customer_id: Option<i64>,
    now: DateTime<Utc>,
    what: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO history (complaint_id, customer_id, at, who, what) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![complaint_id, customer_id, dates::stamp(now), OWNER, what],
    )?;
    Ok(())
}

pub(crate) fn contacts(conn: &Connection, complaint_id: i64) -> Result<Vec<Contact>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, direction, channel, at, text FROM contacts
         WHERE complaint_id = ?1 ORDER BY at, id",
    )?;
    let rows = statement.query_map([complaint_id], |row| {
        Ok(Contact {
            id: row.get(0)?,
            direction: row.get(1)?,
            channel: row.get(2)?,
            at: row.get(3)?,
            text: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn history(conn: &Connection, complaint_id: i64) -> Result<Vec<HistoryEntry>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, at, who, what FROM history WHERE complaint_id = ?1 ORDER BY id",
    )?;
    let rows = statement.query_map([complaint_id], |row| {
        Ok(HistoryEntry {
            id: row.get(0)?,
            at: row.get(1)?,
            who: row.get(2)?,
            what: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
