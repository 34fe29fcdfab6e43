//! What every area of the store reads back the same way: the limits on what
//! is written, the row types shown to the owner and how rows map to them.
//! It imports none of its siblings, so any of them can use it.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::journey::{Progress, Step};
use crate::kinds::{Channel, CloseReason, Direction, Remedy, Severity};

pub const MAX_SUMMARY_CHARS: usize = 200;
pub const MAX_LONG_TEXT_CHARS: usize = 20_000;
pub const MAX_REFERENCE_CHARS: usize = 200;
pub const MAX_NAME_CHARS: usize = 200;

/// A complaint as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComplaintSummary {
    pub id: i64,
    pub customer_id: i64,
    pub customer_name: String,
    pub summary: String,
    pub received_at: DateTime<Utc>,
    pub severity: Severity,
    /// The step to do next (for a closed complaint: where it stood).
    pub step: Step,
    pub category: Option<String>,
    pub promised_date: Option<NaiveDate>,
    pub closed_at: Option<DateTime<Utc>>,
    /// Urgent and not yet acknowledged: flagged everywhere.
    pub urgent: bool,
    /// Promised date passed and not fixed: the same test everywhere.
    pub overdue: bool,
    /// Promised for today and not fixed yet.
    pub due_today: bool,
}

/// The columns `summary_from_row` reads, over `SUMMARY_FROM`.
pub(crate) const SUMMARY_COLUMNS: &str = "c.id, c.customer_id, k.name, c.summary, c.received_at, \
     c.severity, c.step, cat.name, c.promised_date, c.closed_at, c.acknowledged_at, \
     coalesce(c.closed_at IS NULL AND c.fixed_at IS NULL AND c.promised_date < :today, 0), \
     coalesce(c.closed_at IS NULL AND c.fixed_at IS NULL AND c.promised_date = :today, 0)";

/// Deleted complaints are left out here, by the join's condition, so that
/// no list, section or report can forget to leave them out.
pub(crate) const SUMMARY_FROM: &str = "complaints c \
     JOIN customers k ON k.id = c.customer_id AND c.deleted_at IS NULL \
     LEFT JOIN categories cat ON cat.id = c.category_id";

/// Like `SUMMARY_FROM`, deleted complaints included: for one complaint's
/// page and the Deleted list.
pub(crate) const ANY_SUMMARY_FROM: &str = "complaints c \
     JOIN customers k ON k.id = c.customer_id \
     LEFT JOIN categories cat ON cat.id = c.category_id";

pub(crate) fn summary_from_row(row: &Row<'_>) -> rusqlite::Result<ComplaintSummary> {
    let severity: Severity = row.get(5)?;
    let acknowledged_at: Option<DateTime<Utc>> = row.get(10)?;
    let closed_at: Option<DateTime<Utc>> = row.get(9)?;
    Ok(ComplaintSummary {
        id: row.get(0)?,
        customer_id: row.get(1)?,
        customer_name: row.get(2)?,
        summary: row.get(3)?,
        received_at: row.get(4)?,
        severity,
        step: row.get(6)?,
        category: row.get(7)?,
        promised_date: row.get(8)?,
        closed_at,
        urgent: severity == Severity::Urgent && acknowledged_at.is_none() && closed_at.is_none(),
        overdue: row.get(11)?,
        due_today: row.get(12)?,
    })
}

#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Customer {
    pub id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    pub created_at: Option<DateTime<Utc>>,
    /// The owner's own notes about them.
    pub notes: String,
    /// Merged into this customer (the same person, added twice).
    pub merged_into: Option<i64>,
}

/// The columns `customer_from_row` reads, over `customers k`.
pub(crate) const CUSTOMER_COLUMNS: &str =
    "k.id, k.name, k.email, k.phone, k.created_at, k.notes, k.merged_into";

pub(crate) fn customer_from_row(row: &Row<'_>) -> rusqlite::Result<Customer> {
    Ok(Customer {
        id: row.get(0)?,
        name: row.get(1)?,
        email: row.get(2)?,
        phone: row.get(3)?,
        created_at: row.get(4)?,
        notes: row.get(5)?,
        merged_into: row.get(6)?,
    })
}

/// One recorded step, as the complaint's page shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StepRecord {
    pub id: i64,
    pub step: Step,
    pub done_at: DateTime<Utc>,
    pub channel: Option<Channel>,
    pub text: String,
    pub promised_date: Option<NaiveDate>,
    pub remedy: Option<Remedy>,
    pub cost_cents: Option<i64>,
    pub satisfaction: Option<u8>,
    pub satisfied: Option<bool>,
    pub close_reason: Option<CloseReason>,
    pub root_cause: String,
    pub preventive_action: String,
    pub check_in_date: Option<NaiveDate>,
    /// When it was written down, if that was well after it was done.
    pub written_later: Option<DateTime<Utc>>,
}

/// Written down this long after it happened, a step or a complaint was
/// entered after the fact, and its page says so.
pub const AFTER_THE_FACT: chrono::Duration = chrono::Duration::hours(12);

/// `written`, if it is well after `happened` (see `AFTER_THE_FACT`).
pub fn written_later(happened: DateTime<Utc>, written: DateTime<Utc>) -> Option<DateTime<Utc>> {
    (written - happened > AFTER_THE_FACT).then_some(written)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ChecklistTick {
    pub step: Step,
    pub item: String,
}

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

pub(crate) fn records(conn: &Connection, complaint_id: i64) -> Result<Vec<StepRecord>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, step, done_at, channel, text, promised_date, remedy, cost_cents, satisfaction,
                satisfied, close_reason, root_cause, preventive_action, check_in_date, created_at
         FROM step_records WHERE complaint_id = ?1 ORDER BY id",
    )?;
    let rows = statement.query_map([complaint_id], |row| {
        Ok(StepRecord {
            id: row.get(0)?,
            step: row.get(1)?,
            done_at: row.get(2)?,
            channel: row.get(3)?,
            text: row.get(4)?,
            promised_date: row.get(5)?,
            remedy: row.get(6)?,
            cost_cents: row.get(7)?,
            satisfaction: row.get(8)?,
            satisfied: row.get(9)?,
            close_reason: row.get(10)?,
            root_cause: row.get(11)?,
            preventive_action: row.get(12)?,
            check_in_date: row.get(13)?,
            written_later: written_later(row.get(2)?, row.get(14)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn ticks(conn: &Connection, complaint_id: i64) -> Result<Vec<ChecklistTick>> {
    let mut statement = conn.prepare_cached(
        "SELECT step, item FROM checklist_ticks WHERE complaint_id = ?1 ORDER BY ticked_at",
    )?;
    let rows = statement.query_map([complaint_id], |row| {
        Ok(ChecklistTick {
            step: row.get(0)?,
            item: row.get(1)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A complaint's timeline, by when each contact was; two in the same
/// minute by when they were written down (the same on every computer).
pub(crate) fn contacts(conn: &Connection, complaint_id: i64) -> Result<Vec<Contact>> {
    let mut statement = conn.prepare_cached(
        "SELECT id, direction, channel, at, text FROM contacts
         WHERE complaint_id = ?1 ORDER BY at, created_at, id",
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
    history_of(conn, "complaint_id", complaint_id)
}

/// The history lines about one complaint, known issue or improvement
/// (`column` names which), the oldest first (by time, so that lines taken
/// in from another computer fall in place, the same on every computer).
pub(crate) fn history_of(conn: &Connection, column: &str, id: i64) -> Result<Vec<HistoryEntry>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT id, at, who, what FROM history WHERE {column} = ?1 ORDER BY at, id"
    ))?;
    let rows = statement.query_map([id], |row| {
        Ok(HistoryEntry {
            id: row.get(0)?,
            at: row.get(1)?,
            who: row.get(2)?,
            what: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn complaint_not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "Complaint {id} was not found. It may have been removed."
    ))
}

/// The state the journey rules look at, read inside a write transaction;
/// also how a write finds that its complaint is there at all. A deleted
/// complaint is not written to until it is brought back.
pub(crate) fn progress(tx: &Transaction<'_>, id: i64) -> Result<(Progress, DateTime<Utc>)> {
    let (progress, received_at, deleted) = tx
        .query_row(
            "SELECT step, apologized_at IS NOT NULL, closed_at IS NOT NULL, received_at,
                    deleted_at IS NOT NULL
             FROM complaints WHERE id = ?1",
            [id],
            |row| {
                Ok((
                    Progress {
                        next: row.get(0)?,
                        apologized: row.get(1)?,
                        closed: row.get(2)?,
                    },
                    row.get(3)?,
                    row.get::<_, bool>(4)?,
                ))
            },
        )
        .optional()?
        .ok_or_else(|| complaint_not_found(id))?;
    if deleted {
        return Err(Error::InvalidInput(format!(
            "Complaint {id} is in the Deleted list; bring it back before changing it."
        )));
    }
    Ok((progress, received_at))
}
