//! Complaints: intake (the Receive step) and reading one back whole.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::attachments::Attachment;
use super::customers::CustomerInput;
use super::rows::{
    self, complaint_not_found, summary_from_row, ChecklistTick, ComplaintSummary, Contact,
    Customer, HistoryEntry, StepRecord, ANY_SUMMARY_FROM, MAX_LONG_TEXT_CHARS, MAX_REFERENCE_CHARS,
    MAX_SUMMARY_CHARS, SUMMARY_COLUMNS,
};
use super::write::Write;
use super::Store;
use crate::dates;
use crate::error::{Problems, Result};
use crate::kinds::{Channel, CloseReason, Direction, Severity};
use crate::text;

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
    /// Files added while it was being written (`add_waiting_files`).
    pub attachments: Vec<i64>,
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
    /// Set while it is in the Deleted list.
    pub deleted_at: Option<DateTime<Utc>>,
    /// Until when a deleted complaint can be brought back.
    pub kept_until: Option<DateTime<Utc>>,
    /// When it was written down in Mend, if well after it was received.
    pub written_later: Option<DateTime<Utc>>,
    /// Its cause, from the owner's list, once the lesson names one.
    pub cause_id: Option<i64>,
    pub cause: Option<String>,
    /// The known issue it belongs to, if any.
    pub known_issue_id: Option<i64>,
    pub known_issue: Option<String>,
    pub customer: Customer,
    pub records: Vec<StepRecord>,
    pub ticks: Vec<ChecklistTick>,
    pub timeline: Vec<Contact>,
    pub attachments: Vec<Attachment>,
    pub history: Vec<HistoryEntry>,
}

impl Store {
    /// Records a complaint (the Receive step): the customer's own words go
    /// on the timeline, and the history notes it.
    /// The half-written draft of it is done with.
    pub fn create_complaint(&mut self, new: &NewComplaint) -> Result<ComplaintSummary> {
        let id = self.write(|write| {
            let id = insert_complaint(write, new)?;
            super::intake_draft::clear(write)?;
            Ok(id)
        })?;
        self.complaint_summary(id)
    }

    /// One complaint as lists show it (a deleted one too: its page says so).
    pub fn complaint_summary(&self, id: i64) -> Result<ComplaintSummary> {
        let sql = format!("SELECT {SUMMARY_COLUMNS} FROM {ANY_SUMMARY_FROM} WHERE c.id = :id");
        let mut statement = self.conn.prepare_cached(&sql)?;
        statement
            .query_row(
                rusqlite::named_params! { ":id": id, ":today": self.clock.today() },
                summary_from_row,
            )
            .optional()?
            .ok_or_else(|| complaint_not_found(id))
    }

    /// Everything about one complaint, for its page.
    pub fn complaint(&self, id: i64) -> Result<ComplaintDetails> {
        let summary = self.complaint_summary(id)?;
        let mut details = self.conn.query_row(
            "SELECT channel, is_public, customer_words, desired_outcome, reference, category_id,
                    acknowledged_at, apologized_at, fixed_at, last_outgoing_at, close_reason,
                    deleted_at, received_at, created_at, cause_id,
                    (SELECT name FROM causes WHERE id = cause_id), known_issue_id,
                    (SELECT title FROM known_issues WHERE id = known_issue_id)
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
                    deleted_at: row.get(11)?,
                    kept_until: None,
                    written_later: rows::written_later(row.get(12)?, row.get(13)?),
                    cause_id: row.get(14)?,
                    cause: row.get(15)?,
                    known_issue_id: row.get(16)?,
                    known_issue: row.get(17)?,
                    customer: Customer::default(),
                    records: Vec::new(),
                    ticks: Vec::new(),
                    timeline: Vec::new(),
                    attachments: Vec::new(),
                    history: Vec::new(),
                })
            },
        )?;
        details.kept_until = details
            .deleted_at
            .map(|deleted_at| deleted_at + chrono::Duration::days(super::deleted::KEPT_DAYS));
        details.customer = self.customer_record(summary.customer_id)?;
        details.records = rows::records(&self.conn, id)?;
        details.ticks = rows::ticks(&self.conn, id)?;
        details.timeline = rows::contacts(&self.conn, id)?;
        details.attachments = super::attachments::of_complaint(&self.conn, id)?;
        details.history = rows::history(&self.conn, id)?;
        Ok(details)
    }
}

/// A complaint's facts as the owner gave them, checked: what intake writes
/// and what a correction compares.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Facts {
    pub summary: String,
    pub words: String,
    pub outcome: String,
    pub reference: String,
    pub received_at: DateTime<Utc>,
    pub channel: Channel,
    pub severity: Severity,
    pub category_id: Option<i64>,
    pub is_public: bool,
}

/// Checks the facts in `new` and the customer it names (an existing one,
/// or a new one added now); all that is wrong is said at once. `recorded`
/// is when a complaint being corrected was received, as recorded: kept
/// even where this computer's clock says it is still to come (it came from
/// a computer whose clock runs ahead).
pub(crate) fn checked_facts(
    tx: &rusqlite::Transaction<'_>,
    new: &NewComplaint,
    now: DateTime<Utc>,
    recorded: Option<DateTime<Utc>>,
) -> Result<(Facts, i64)> {
    let mut problems = Problems::default();
    let customer_id = match (new.customer_id, &new.new_customer) {
        (Some(id), _) => problems.check(
            "customer",
            super::customers::check_exists(tx, id).map(|()| id),
        ),
        (None, Some(customer)) => {
            problems.check_within("newCustomer", super::customers::insert(tx, customer, now))
        }
        (None, None) => {
            problems.add(
                "customer",
                "Please choose the customer, or add a new one with their name.",
            );
            None
        }
    };
    let facts = Facts {
        summary: problems
            .check(
                "summary",
                text::required(&new.summary, "the summary", MAX_SUMMARY_CHARS),
            )
            .unwrap_or_default(),
        words: problems
            .check(
                "customerWords",
                text::long(
                    &new.customer_words,
                    "the customer's own words",
                    MAX_LONG_TEXT_CHARS,
                    false,
                ),
            )
            .unwrap_or_default(),
        outcome: problems
            .check(
                "desiredOutcome",
                text::long(
                    &new.desired_outcome,
                    "the outcome they want",
                    MAX_LONG_TEXT_CHARS,
                    false,
                ),
            )
            .unwrap_or_default(),
        reference: problems
            .check(
                "reference",
                text::optional_line(
                    &new.reference,
                    "the order or product reference",
                    MAX_REFERENCE_CHARS,
                ),
            )
            .unwrap_or_default(),
        received_at: problems
            .check(
                "receivedAt",
                dates::past_instant(
                    new.received_at.as_deref(),
                    "time it was received",
                    recorded.map_or(now, |recorded| now.max(recorded)),
                ),
            )
            .unwrap_or(now),
        channel: new.channel.unwrap_or(Channel::Other),
        severity: new.severity.unwrap_or(Severity::Normal),
        category_id: new.category_id,
        is_public: new.is_public,
    };
    if let Some(category_id) = facts.category_id {
        problems.check(
            "categoryId",
            super::lists::check_offered(tx, super::lists::ListKind::Categories, category_id),
        );
    }
    problems.finish()?;
    Ok((facts, customer_id.expect("checked above")))
}

/// Checks and writes one complaint (the Receive step): the customer's own
/// words open the timeline, and the history notes it.
pub(crate) fn insert_complaint(write: &mut Write<'_>, new: &NewComplaint) -> Result<i64> {
    let tx: &rusqlite::Transaction<'_> = write;
    let now = write.clock().now();
    let (facts, customer_id) = checked_facts(tx, new, now, None)?;
    tx.execute(
        "INSERT INTO complaints (customer_id, summary, received_at, created_at, channel,
                 is_public, customer_words, desired_outcome, reference, category_id, severity, step)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 'acknowledge')",
        params![
            customer_id,
            facts.summary,
            dates::stamp(facts.received_at),
            dates::stamp(now),
            facts.channel,
            facts.is_public,
            facts.words,
            facts.outcome,
            facts.reference,
            facts.category_id,
            facts.severity,
        ],
    )?;
    let id = tx.last_insert_rowid();
    let mut words_contact = None;
    if !facts.words.is_empty() {
        words_contact = Some(super::timeline::insert_contact(
            tx,
            id,
            Direction::Incoming,
            facts.channel,
            facts.received_at,
            &facts.words,
            now,
        )?);
    }
    super::timeline::log(
        tx,
        Some(id),
        Some(customer_id),
        now,
        &format!("Received the complaint: {}", facts.summary),
    )?;
    // Files that came with their words (an email's photos) go with them.
    super::attachments::attach_waiting(write, id, words_contact, &new.attachments)?;
    write.complaint_changed(id);
    Ok(id)
}

#[cfg(test)]
mod tests;
