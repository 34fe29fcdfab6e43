//! Complaints: intake (the Receive step) and reading one back whole.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::customers::{Customer, CustomerInput};
use super::journey::{ChecklistTick, StepRecord};
use super::timeline::{Contact, HistoryEntry};
use super::Store;
use crate::clock::Clock;
use crate::dates;
use crate::error::{Error, Result};
use crate::journey::Step;
use crate::kinds::{Channel, CloseReason, Direction, Severity};
use crate::text;

pub const MAX_SUMMARY_CHARS: usize = 200;
pub const MAX_LONG_TEXT_CHARS: usize = 20_000;
pub const MAX_REFERENCE_CHARS: usize = 200;

/// What the owner enters for a new complaint: an existing customer
/// (`customer_id`) or a new one (`new_customer`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct NewComplaint {
    pub customer_id: Option<i64>,
    pub new_customer: Option<CustomerInput>,
    pub channel: Option<Channel>,
    /// RFC 3339; empty means now.
    pub received_at: Option<String>,
    pub is_public: bool,
    pub summary: String,
    pub customer_words: String,
    pub desired_outcome: String,
    pub reference: String,
    pub category_id: Option<i64>,
    pub severity: Option<Severity>,
}

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
    /// Promised date passed and not fixed.
    pub overdue: bool,
}

/// Everything about one complaint, for its page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComplaintDetails {
    #[serde(flatten)]
    pub summary: ComplaintSummary,
    pub channel: Channel,
    pub is_public: bool,
    pub customer_words: String,
    pub desired_outcome: String,
    pub reference: String,
    pub category_id: Option<i64>,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub apologized_at: Option<DateTime<Utc>>,
    pub fixed_at: Option<DateTime<Utc>>,
    pub last_outgoing_at: Option<DateTime<Utc>>,
    pub close_reason: Option<CloseReason>,
    pub customer: Customer,
    pub records: Vec<StepRecord>,
    pub ticks: Vec<ChecklistTick>,
    pub timeline: Vec<Contact>,
    pub history: Vec<HistoryEntry>,
}

/// The columns `summary_from_row` reads, over `SUMMARY_FROM`.
pub(crate) const SUMMARY_COLUMNS: &str = "c.id, c.customer_id, k.name, c.summary, c.received_at, \
     c.severity, c.step, cat.name, c.promised_date, c.closed_at, c.acknowledged_at, \
     coalesce(c.closed_at IS NULL AND c.fixed_at IS NULL AND c.promised_date < :today, 0)";

pub(crate) const SUMMARY_FROM: &str = "complaints c \
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
    })
}

impl Store {
    /// Records a complaint (the Receive step): the customer's own words go
    /// on the timeline, and the history notes it.
    pub fn create_complaint(&mut self, new: &NewComplaint) -> Result<ComplaintSummary> {
        let tx = self.conn.transaction()?;
        let id = insert_complaint(&tx, new, self.clock.as_ref())?;
        tx.commit()?;
        self.complaint_summary(id)
    }

    /// One complaint as lists show it.
    pub fn complaint_summary(&self, id: i64) -> Result<ComplaintSummary> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} WHERE c.id = :id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        statement
            .query_row(
                rusqlite::named_params! { ":id": id, ":today": self.clock.today() },
                summary_from_row,
            )
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    /// Everything about one complaint, for its page.
    pub fn complaint(&self, id: i64) -> Result<ComplaintDetails> {
        let summary = self.complaint_summary(id)?;
        let mut details = self.conn.query_row(
            "SELECT channel, is_public, customer_words, desired_outcome, reference, category_id,
                    acknowledged_at, apologized_at, fixed_at, last_outgoing_at, close_reason
             FROM complaints WHERE id = ?1",
            [id],
            |row| {
                Ok(ComplaintDetails {
                    summary: summary.clone(),
                    channel: row.get(0)?,
                    is_public: row.get(1)?,
                    customer_words: row.get(2)?,
                    desired_outcome: row.get(3)?,
                    reference: row.get(4)?,
                    category_id: row.get(5)?,
                    acknowledged_at: row.get(6)?,
                    apologized_at: row.get(7)?,
                    fixed_at: row.get(8)?,
                    last_outgoing_at: row.get(9)?,
                    close_reason: row.get(10)?,
                    customer: Customer::default(),
                    records: Vec::new(),
                    ticks: Vec::new(),
                    timeline: Vec::new(),
                    history: Vec::new(),
                })
            },
        )?;
        details.customer = self.customer_record(summary.customer_id)?;
        details.records = super::journey::records(&self.conn, id)?;
        details.ticks = super::journey::ticks(&self.conn, id)?;
        details.timeline = super::timeline::contacts(&self.conn, id)?;
        details.history = super::timeline::history(&self.conn, id)?;
        Ok(details)
    }
}

/// Checks and writes one complaint inside `tx` (the Receive step): the
/// customer's own words open the timeline, and the history notes it.
pub(crate) fn insert_complaint(
    tx: &Transaction<'_>,
    new: &NewComplaint,
    clock: &dyn Clock,
) -> Result<i64> {
    let now = clock.now();
    let summary = text::required(&new.summary, "summary", MAX_SUMMARY_CHARS)?;
    let words = text::long(
        &new.customer_words,
        "customer's own words",
        MAX_LONG_TEXT_CHARS,
        false,
    )?;
    let outcome = text::long(
        &new.desired_outcome,
        "outcome they want",
        MAX_LONG_TEXT_CHARS,
        false,
    )?;
    let reference = text::optional_line(
        &new.reference,
        "order or product reference",
        MAX_REFERENCE_CHARS,
    )?;
    let received_at = dates::past_instant(new.received_at.as_deref(), "time it was received", now)?;
    let channel = new.channel.unwrap_or(Channel::Other);
    let severity = new.severity.unwrap_or(Severity::Normal);

    if let Some(category_id) = new.category_id {
        super::categories::check_offered(tx, category_id)?;
    }
    let customer_id = match (new.customer_id, &new.new_customer) {
        (Some(id), _) => {
            super::customers::check_exists(tx, id)?;
            id
        }
        (None, Some(customer)) => super::customers::insert(tx, customer, now)?,
        (None, None) => {
            return Err(Error::InvalidInput(
                "Please choose the customer, or add a new one with their name.".into(),
            ))
        }
    };
    tx.execute(
        "INSERT INTO complaints (customer_id, summary, received_at, created_at, channel,
                 is_public, customer_words, desired_outcome, reference, category_id, severity, step)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'acknowledge')",
        params![
            customer_id,
            summary,
            dates::stamp(received_at),
            dates::stamp(now),
            channel,
            new.is_public,
            words,
            outcome,
            reference,
            new.category_id,
            severity,
        ],
    )?;
    let id = tx.last_insert_rowid();
    if !words.is_empty() {
        super::timeline::insert_contact(
            tx,
            id,
            Direction::Incoming,
            channel,
            received_at,
            &words,
            now,
        )?;
    }
    super::timeline::log(
        tx,
        Some(id),
        Some(customer_id),
        now,
        &format!("Received the complaint: {summary}"),
    )?;
    super::search::refresh(tx, id)?;
    super::reminders::sync(tx, id, clock)?;
    Ok(id)
}

pub(crate) fn not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "Complaint {id} was not found. It may have been removed."
    ))
}

/// The state the journey rules look at, read inside a write transaction.
pub(crate) fn progress(
    tx: &Transaction<'_>,
    id: i64,
) -> Result<(crate::journey::Progress, DateTime<Utc>)> {
    tx.query_row(
        "SELECT step, apologized_at IS NOT NULL, closed_at IS NOT NULL, received_at
         FROM complaints WHERE id = ?1",
        [id],
        |row| {
            Ok((
                crate::journey::Progress {
                    next: row.get(0)?,
                    apologized: row.get(1)?,
                    closed: row.get(2)?,
                },
                row.get(3)?,
            ))
        },
    )
    .optional()?
    .ok_or_else(|| not_found(id))
}

#[cfg(test)]
mod tests;
