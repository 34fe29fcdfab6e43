//! The Deleted list: a complaint entered by mistake is set aside, out of
//! every list, Today, the reports and the reminders, and can be brought back
//! for 30 days. After that its content is cleared for good; the row stays
//! for the history that names it.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::rows::{self, summary_from_row, ComplaintSummary, ANY_SUMMARY_FROM, SUMMARY_COLUMNS};
use super::timeline::log;
use super::write::Write;
use super::Store;
use crate::dates;
use crate::error::{Error, Result};

/// How long a deleted complaint can be brought back.
pub const KEPT_DAYS: i64 = 30;

/// What a cleared complaint's summary becomes.
const CLEARED_SUMMARY: &str = "Deleted complaint";

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DeletedComplaint {
    #[serde(flatten)]
    pub complaint: ComplaintSummary,
    pub deleted_at: DateTime<Utc>,
    /// After this it can no longer be brought back.
    pub kept_until: DateTime<Utc>,
}

impl Store {
    /// Moves a complaint to the Deleted list; the history says so.
    pub fn delete_complaint(&mut self, id: i64) -> Result<()> {
        self.write(|write| {
            rows::progress(write, id)?;
            let now = write.clock().now();
            write.execute(
                "UPDATE complaints SET deleted_at = ?2 WHERE id = ?1",
                params![id, dates::stamp(now)],
            )?;
            log(
                write,
                Some(id),
                None,
                now,
                &format!("Deleted the complaint; it can be brought back for {KEPT_DAYS} days"),
            )?;
            // Its reminders wait unseen; the scheduler and Today look again.
            write.reminder_changed();
            // Its known issue has one complaint (perhaps one customer) fewer.
            if let Some(issue) = super::derived::known_issue_of(write, id)? {
                write.known_issue_changed(issue);
            }
            Ok(())
        })
    }

    /// Brings a complaint back from the Deleted list, as it was.
    pub fn restore_deleted_complaint(&mut self, id: i64) -> Result<()> {
        self.write(|write| {
            let now = write.clock().now();
            let deleted_at: Option<DateTime<Utc>> = write
                .query_row("SELECT deleted_at FROM complaints WHERE id = ?1", [id], |row| {
                    row.get(0)
                })
                .optional()?
                .ok_or_else(|| rows::complaint_not_found(id))?;
            let Some(deleted_at) = deleted_at else {
                return Err(Error::InvalidInput(format!(
                    "Complaint {id} is not in the Deleted list."
                )));
            };
            if deleted_at + Duration::days(KEPT_DAYS) < now {
                return Err(Error::InvalidInput(format!(
                    "Complaint {id} was deleted more than {KEPT_DAYS} days ago and cannot be brought back."
                )));
            }
            write.execute("UPDATE complaints SET deleted_at = NULL WHERE id = ?1", [id])?;
            log(write, Some(id), None, now, "Brought the complaint back from the Deleted list")?;
            write.complaint_changed(id);
            write.reminder_changed();
            Ok(())
        })
    }

    /// Complaints that can still be brought back, the latest deleted first.
    pub fn deleted_complaints(&self) -> Result<Vec<DeletedComplaint>> {
        let since = dates::stamp(self.clock.now() - Duration::days(KEPT_DAYS));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS}, c.deleted_at FROM {ANY_SUMMARY_FROM}
             WHERE c.deleted_at >= :since ORDER BY c.deleted_at DESC, c.id DESC"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(
            rusqlite::named_params! { ":since": since, ":today": self.clock.today() },
            |row| {
                let deleted_at: DateTime<Utc> = row.get(13)?;
                Ok(DeletedComplaint {
                    complaint: summary_from_row(row)?,
                    deleted_at,
                    kept_until: deleted_at + Duration::days(KEPT_DAYS),
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Clears, for good, what was written about complaints deleted more than
/// `KEPT_DAYS` ago: its contacts, steps, ticks, reminders and texts. The row
/// and its history stay (the history is never changed).
pub(crate) fn clear_expired(write: &mut Write<'_>) -> Result<()> {
    let now = write.clock().now();
    let before = dates::stamp(now - Duration::days(KEPT_DAYS));
    let expired: Vec<i64> = write
        .prepare("SELECT id FROM complaints WHERE deleted_at < ?1 AND cleared_at IS NULL")?
        .query_map(params![before], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for id in expired {
        super::attachments::clear_complaint(write, id)?;
        for table in [
            "contacts",
            "step_records",
            "checklist_ticks",
            "reminders",
            "reminder_endings",
        ] {
            write.execute(
                &format!("DELETE FROM {table} WHERE complaint_id = ?1"),
                [id],
            )?;
        }
        write.execute(
            "UPDATE complaints SET summary = ?2, customer_words = '', desired_outcome = '',
                    reference = '', cleared_at = ?3
             WHERE id = ?1",
            params![id, CLEARED_SUMMARY, dates::stamp(now)],
        )?;
        log(
            write,
            Some(id),
            None,
            now,
            &format!("Cleared for good after {KEPT_DAYS} days in the Deleted list"),
        )?;
        write.complaint_changed(id);
        write.reminder_changed();
    }
    Ok(())
}

#[cfg(test)]
mod tests;
