//! Known issues: a problem behind one or more complaints. Each has what
//! customers notice, its cause, a workaround to tell them meanwhile, a
//! status (open → being fixed → fixed → checked) and a target date with
//! reminders like a promise. Complaints are linked to it from either side;
//! every change, link and status is in the history. Telling the customers
//! once it is fixed is in `telling`.

pub mod choice;
mod editing;
pub mod telling;

pub use editing::IssueText;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use super::rows::{
    summary_from_row, ComplaintSummary, HistoryEntry, MAX_SUMMARY_CHARS, SUMMARY_COLUMNS,
    SUMMARY_FROM,
};
use super::timeline::log_about_issue;
use super::write::Write;
use super::Store;
use crate::dates;
use crate::error::{Error, Result};
use crate::kinds::IssueStatus;
use crate::text;
use telling::CustomerToTell;

/// A known issue as lists show it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IssueSummary {
    pub id: i64,
    pub title: String,
    pub status: IssueStatus,
    pub target_date: Option<NaiveDate>,
    pub complaint_count: i64,
    /// When the first and the latest of its complaints came in.
    pub first_seen: Option<DateTime<Utc>>,
    pub last_seen: Option<DateTime<Utc>>,
    /// What its complaints' remedies cost, in cents.
    pub cost_cents: i64,
    /// Customers behind it not told (nor passed over) yet.
    pub untold: i64,
}

/// Everything about one known issue, for its page.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct KnownIssue {
    #[serde(flatten)]
    pub summary: IssueSummary,
    pub noticed: String,
    pub cause: String,
    pub workaround: String,
    pub what_changed: String,
    pub fixed_at: Option<DateTime<Utc>>,
    pub complaints: Vec<ComplaintSummary>,
    /// Once it is fixed: every customer behind it, to tell.
    pub customers: Vec<CustomerToTell>,
    pub history: Vec<HistoryEntry>,
}

const ISSUE_COLUMNS: &str = "i.id, i.title, i.status, i.target_date,
     (SELECT count(*) FROM complaints c WHERE c.known_issue_id = i.id AND c.deleted_at IS NULL),
     (SELECT min(received_at) FROM complaints c WHERE c.known_issue_id = i.id AND c.deleted_at IS NULL),
     (SELECT max(received_at) FROM complaints c WHERE c.known_issue_id = i.id AND c.deleted_at IS NULL),
     (SELECT coalesce(sum(s.cost_cents), 0) FROM step_records s JOIN complaints c ON c.id = s.complaint_id
      WHERE c.known_issue_id = i.id AND c.deleted_at IS NULL AND s.step = 'fix'),
     (SELECT count(DISTINCT c.customer_id) FROM complaints c
      WHERE c.known_issue_id = i.id AND c.deleted_at IS NULL
        AND NOT EXISTS (SELECT 1 FROM known_issue_tellings t
                        WHERE t.known_issue_id = i.id AND t.customer_id = c.customer_id))";

fn issue_summary_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<IssueSummary> {
    Ok(IssueSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        status: row.get(2)?,
        target_date: row.get(3)?,
        complaint_count: row.get(4)?,
        first_seen: row.get(5)?,
        last_seen: row.get(6)?,
        cost_cents: row.get(7)?,
        untold: row.get(8)?,
    })
}

pub(crate) fn issue_not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "Known issue {id} was not found. It may have been removed."
    ))
}

/// The issue's title, or not found.
pub(crate) fn title_of(tx: &Transaction<'_>, issue_id: i64) -> Result<String> {
    tx.query_row(
        "SELECT title FROM known_issues WHERE id = ?1",
        [issue_id],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| issue_not_found(issue_id))
}

/// A new known issue's title, checked as every title is.
pub(crate) fn checked_title(title: &str) -> Result<String> {
    text::required(title, "the known issue's title", MAX_SUMMARY_CHARS)
}

/// Adds a known issue with only its title (as the Close step does when the
/// owner creates one on the spot); the history notes it.
pub(crate) fn create_in(write: &mut Write<'_>, title: &str) -> Result<i64> {
    let now = write.clock().now();
    let tx: &Transaction<'_> = write;
    tx.execute(
        "INSERT INTO known_issues (title, created_at) VALUES (?1, ?2)",
        params![title, dates::stamp(now)],
    )?;
    let id = tx.last_insert_rowid();
    log_about_issue(
        tx,
        id,
        None,
        now,
        &format!("Noted the known issue \"{title}\""),
    )?;
    Ok(id)
}

/// Links a complaint to a known issue (moving it from another one, if it
/// had one); both histories say so. Nothing is written when it is linked
/// there already.
pub(crate) fn link_in(write: &mut Write<'_>, issue_id: i64, complaint_id: i64) -> Result<()> {
    let now = write.clock().now();
    let title = title_of(write, issue_id)?;
    let current: Option<i64> = write
        .query_row(
            "SELECT known_issue_id FROM complaints WHERE id = ?1 AND deleted_at IS NULL",
            [complaint_id],
            |row| row.get(0),
        )
        .optional()?
        .ok_or_else(|| super::rows::complaint_not_found(complaint_id))?;
    if current == Some(issue_id) {
        return Ok(());
    }
    if let Some(old) = current {
        let old_title = title_of(write, old)?;
        log_about_issue(
            write,
            old,
            Some(complaint_id),
            now,
            &format!("Unlinked from the known issue \"{old_title}\" (moved to \"{title}\")"),
        )?;
        write.known_issue_changed(old);
    }
    write.execute(
        "UPDATE complaints SET known_issue_id = ?2 WHERE id = ?1",
        params![complaint_id, issue_id],
    )?;
    log_about_issue(
        write,
        issue_id,
        Some(complaint_id),
        now,
        &format!("Linked to the known issue \"{title}\""),
    )?;
    write.known_issue_changed(issue_id);
    write.complaint_changed(complaint_id);
    Ok(())
}

/// Takes a complaint out of its known issue, if it has one; both
/// histories say so.
pub(crate) fn unlink_in(write: &mut Write<'_>, complaint_id: i64) -> Result<()> {
    let Some(issue_id) = super::derived::known_issue_of(write, complaint_id)? else {
        return Ok(());
    };
    let now = write.clock().now();
    let title = title_of(write, issue_id)?;
    write.execute(
        "UPDATE complaints SET known_issue_id = NULL WHERE id = ?1",
        [complaint_id],
    )?;
    log_about_issue(
        write,
        issue_id,
        Some(complaint_id),
        now,
        &format!("Unlinked from the known issue \"{title}\""),
    )?;
    write.known_issue_changed(issue_id);
    write.complaint_changed(complaint_id);
    Ok(())
}

impl Store {
    /// Every known issue: open and being fixed first (the soonest target
    /// first, then the newest), then the fixed ones, the newest first.
    pub fn known_issues(&self) -> Result<Vec<IssueSummary>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {ISSUE_COLUMNS} FROM known_issues i
             ORDER BY i.status IN ('fixed', 'checked'), i.target_date IS NULL, i.target_date,
                      i.id DESC"
        ))?;
        let rows = statement.query_map([], issue_summary_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One known issue with its complaints, customers and history.
    pub fn known_issue(&self, id: i64) -> Result<KnownIssue> {
        let mut issue = self
            .conn
            .query_row(
                &format!(
                    "SELECT {ISSUE_COLUMNS}, i.noticed, i.cause, i.workaround, i.what_changed,
                            i.fixed_at
                     FROM known_issues i WHERE i.id = ?1"
                ),
                [id],
                |row| {
                    Ok(KnownIssue {
                        summary: issue_summary_from_row(row)?,
                        noticed: row.get(9)?,
                        cause: row.get(10)?,
                        workaround: row.get(11)?,
                        what_changed: row.get(12)?,
                        fixed_at: row.get(13)?,
                        complaints: Vec::new(),
                        customers: Vec::new(),
                        history: Vec::new(),
                    })
                },
            )
            .optional()?
            .ok_or_else(|| issue_not_found(id))?;
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM}
             WHERE c.known_issue_id = :issue ORDER BY c.received_at, c.id"
        ))?;
        let rows = statement.query_map(
            rusqlite::named_params! { ":issue": id, ":today": self.clock.today() },
            summary_from_row,
        )?;
        issue.complaints = rows.collect::<rusqlite::Result<_>>()?;
        if issue.summary.status.is_fixed() {
            issue.customers = self.customers_to_tell(&issue)?;
        }
        issue.history = super::rows::history_of(&self.conn, "known_issue_id", id)?;
        Ok(issue)
    }

    /// Moves a known issue along (or back): open, being fixed, fixed,
    /// checked. Marking it fixed starts the telling of its customers.
    pub fn set_known_issue_status(&mut self, id: i64, status: IssueStatus) -> Result<KnownIssue> {
        let now = self.clock.now();
        self.write(|write| {
            let old: IssueStatus = write
                .query_row(
                    "SELECT status FROM known_issues WHERE id = ?1",
                    [id],
                    |row| row.get(0),
                )
                .optional()?
                .ok_or_else(|| issue_not_found(id))?;
            if old == status {
                write.discard();
                return Ok(());
            }
            // The moment it was fixed is kept while it stays fixed (checking
            // the fix does not move it); going back to work clears it.
            write.execute(
                "UPDATE known_issues SET status = ?2,
                        fixed_at = CASE WHEN ?3 THEN coalesce(fixed_at, ?4) ELSE NULL END
                 WHERE id = ?1",
                params![id, status, status.is_fixed(), dates::stamp(now)],
            )?;
            log_about_issue(
                write,
                id,
                None,
                now,
                &format!("Changed the status: {} → {}", old.label(), status.label()),
            )?;
            // It came back: when it is fixed again, everyone is told again.
            if old.is_fixed() && !status.is_fixed() {
                let told = write.execute(
                    "DELETE FROM known_issue_tellings WHERE known_issue_id = ?1",
                    [id],
                )?;
                if told > 0 {
                    log_about_issue(
                        write,
                        id,
                        None,
                        now,
                        "Not fixed after all: every customer will be told again once it is",
                    )?;
                }
            }
            write.known_issue_changed(id);
            Ok(())
        })?;
        self.known_issue(id)
    }

    /// Links a complaint to a known issue, from either's page.
    pub fn link_complaint(&mut self, issue_id: i64, complaint_id: i64) -> Result<KnownIssue> {
        self.write(|write| link_in(write, issue_id, complaint_id))?;
        self.known_issue(issue_id)
    }

    /// Takes a complaint out of its known issue; both histories say so.
    pub fn unlink_complaint(&mut self, complaint_id: i64) -> Result<()> {
        self.write(|write| unlink_in(write, complaint_id))
    }
}

#[cfg(test)]
mod tests;
