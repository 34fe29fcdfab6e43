//! Reminders kept in SQLite: derived ones follow their complaint (synced in
//! the same transaction as every change to it), custom ones are the owner's.
//! Each is notified once: `notified_at` is set when the desktop was told.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::{Deserialize, Serialize};

use super::derived;
use super::rows::{progress, MAX_LONG_TEXT_CHARS};
use super::timeline::log;
use super::Store;
use crate::dates;
use crate::error::{Error, Problems, Result};
use crate::journey::Step;
use crate::reminders::{self, ReminderKind, Snooze};
use crate::text;

/// A reminder as the app shows and notifies it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    pub id: i64,
    pub complaint_id: Option<i64>,
    /// The known issue it is about, if any (then `summary` is its title).
    pub known_issue_id: Option<i64>,
    /// The improvement it is about, if any (then `summary` says what changes).
    pub improvement_id: Option<i64>,
    pub kind: ReminderKind,
    pub note: String,
    pub due_at: DateTime<Utc>,
    pub notified: bool,
    pub customer_name: Option<String>,
    pub summary: Option<String>,
    /// The complaint's step to open for it.
    pub step: Option<Step>,
    pub title: String,
    pub body: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewReminder {
    pub complaint_id: Option<i64>,
    /// RFC 3339.
    pub due_at: String,
    pub note: String,
}

/// What to show on the desktop for reminders falling due together: each on
/// its own, or one summary when there are more than a few.
pub fn notifications_for(due: &[Reminder]) -> Vec<(String, String)> {
    if due.len() > reminders::MAX_SEPARATE_NOTIFICATIONS {
        let customers: Vec<String> = due.iter().filter_map(|r| r.customer_name.clone()).collect();
        return vec![reminders::summary_message(due.len(), &customers)];
    }
    due.iter()
        .map(|r| (r.title.clone(), r.body.clone()))
        .collect()
}

/// A reminder that a later one has replaced: the eve of a promise, or of a
/// known issue's target date, once the day itself is due (`?1` is now).
/// Reminders due at once are listed by kind, then note: alike on every
/// computer (not by which one each computer made first).
pub(crate) const IN_ORDER: &str = "r.due_at, r.kind, r.note, r.id";

pub(crate) const REPLACED: &str = "((r.kind = 'promise_eve' AND EXISTS (
        SELECT 1 FROM reminders day WHERE day.complaint_id = r.complaint_id
        AND day.kind = 'promise_day' AND day.state = 'open' AND day.due_at <= ?1))
     OR (r.kind = 'issue_target_eve' AND EXISTS (
        SELECT 1 FROM reminders day WHERE day.known_issue_id = r.known_issue_id
        AND day.kind = 'issue_target_day' AND day.state = 'open' AND day.due_at <= ?1)))";

const COLUMNS: &str = "r.id, r.complaint_id, r.kind, r.note, r.due_at, r.notified_at IS NOT NULL, \
     k.name, coalesce(c.summary, i.title, m.what), c.step, c.closed_at IS NOT NULL, r.known_issue_id, \
     r.improvement_id";
const FROM: &str = "reminders r LEFT JOIN complaints c ON c.id = r.complaint_id \
     LEFT JOIN customers k ON k.id = c.customer_id \
     LEFT JOIN known_issues i ON i.id = r.known_issue_id \
     LEFT JOIN improvements m ON m.id = r.improvement_id";

fn reminder_from_row(row: &Row<'_>) -> rusqlite::Result<Reminder> {
    let word: String = row.get(2)?;
    let kind = ReminderKind::parse(&word).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            2,
            rusqlite::types::Type::Text,
            format!("unknown reminder kind {word}").into(),
        )
    })?;
    let note: String = row.get(3)?;
    let customer_name: Option<String> = row.get(6)?;
    let summary: Option<String> = row.get(7)?;
    let current_step: Option<Step> = row.get(8)?;
    let closed: Option<bool> = row.get(9)?;
    let (title, body) =
        reminders::message(kind, &note, customer_name.as_deref(), summary.as_deref());
    let step = match (kind.step(), closed) {
        (_, Some(true)) => Some(Step::Close),
        (Some(step), _) => Some(step),
        (None, _) => current_step,
    };
    Ok(Reminder {
        id: row.get(0)?,
        complaint_id: row.get(1)?,
        known_issue_id: row.get(10)?,
        improvement_id: row.get(11)?,
        kind,
        note,
        due_at: row.get(4)?,
        notified: row.get(5)?,
        customer_name,
        summary,
        step,
        title,
        body,
    })
}

pub(crate) fn query(
    conn: &Connection,
    filter: &str,
    order: &str,
    params: impl rusqlite::Params,
) -> Result<Vec<Reminder>> {
    // A deleted complaint's reminders wait, unseen, in case it is brought back.
    let sql = format!(
        "SELECT {COLUMNS} FROM {FROM} WHERE ({filter}) AND c.deleted_at IS NULL ORDER BY {order}"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(params, reminder_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many reminders are due, and which, in short (see `due_summary`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DueSummary {
    pub count: usize,
    /// Changes whenever which reminders are due (or when they fell due) does.
    pub signature: String,
}

impl Store {
    /// Open reminders that are due now, the oldest first; one that a later
    /// one has replaced (the eve of a promise, once its day has come) is left out.
    pub fn due_reminders(&self) -> Result<Vec<Reminder>> {
        let now = dates::stamp(self.clock.now());
        query(
            &self.conn,
            &format!("r.state = 'open' AND r.due_at <= ?1 AND NOT {REPLACED}"),
            IN_ORDER,
            [now],
        )
    }

    /// How many reminders are due, and a fingerprint of which (and when):
    /// what the window needs to count them and to see they changed, without
    /// every one of them (thousands after a long absence).
    pub fn due_summary(&self) -> Result<DueSummary> {
        let now = dates::stamp(self.clock.now());
        // The few deleted complaints are listed once, not each reminder's
        // complaint looked up: with years of reminders due, that was most of
        // the time Mend took to show Today.
        let sql = format!(
            "SELECT count(*), coalesce(sum(r.id), 0), coalesce(sum(r.id * r.id % 1000003), 0),
                    coalesce(max(r.due_at), ''), coalesce(sum(length(r.due_at) * r.id), 0)
             FROM reminders r
             WHERE r.state = 'open' AND r.due_at <= ?1 AND NOT {REPLACED}
               AND coalesce(r.complaint_id NOT IN
                   (SELECT id FROM complaints WHERE deleted_at IS NOT NULL), 1)"
        );
        let (count, ids, squares, latest, stamps): (i64, i64, i64, String, i64) =
            self.conn.query_row(&sql, [now], |row| {
                Ok((
                    row.get(0)?,
                    row.get(1)?,
                    row.get(2)?,
                    row.get(3)?,
                    row.get(4)?,
                ))
            })?;
        Ok(DueSummary {
            count: count as usize,
            signature: format!("{count}:{ids}:{squares}:{latest}:{stamps}"),
        })
    }

    /// Completes the reminders a later one has replaced, so they go away by
    /// themselves; the scheduler calls this before it notifies.
    pub fn retire_replaced_reminders(&mut self) -> Result<()> {
        let now = dates::stamp(self.clock.now());
        self.write(|write| {
            let retired = write.execute(
                &format!(
                    "UPDATE reminders AS r SET state = 'done', ended_at = ?1
                     WHERE r.state = 'open' AND {REPLACED}"
                ),
                [&now],
            )?;
            if retired > 0 {
                write.reminder_changed();
            }
            Ok(())
        })
    }

    /// A complaint's open reminders, due or not, the soonest first.
    pub fn complaint_reminders(&self, complaint_id: i64) -> Result<Vec<Reminder>> {
        query(
            &self.conn,
            "r.state = 'open' AND r.complaint_id = ?1",
            IN_ORDER,
            [complaint_id],
        )
    }

    /// Due reminders the desktop has not been told about yet.
    pub fn reminders_to_notify(&self) -> Result<Vec<Reminder>> {
        let now = dates::stamp(self.clock.now());
        query(
            &self.conn,
            &format!(
                "r.state = 'open' AND r.due_at <= ?1 AND r.notified_at IS NULL AND NOT {REPLACED}"
            ),
            IN_ORDER,
            [now],
        )
    }

    /// When the next reminder still to be notified falls due.
    pub fn next_reminder_at(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self.conn.query_row(
            "SELECT min(r.due_at) FROM reminders r LEFT JOIN complaints c ON c.id = r.complaint_id
             WHERE r.state = 'open' AND r.notified_at IS NULL AND c.deleted_at IS NULL",
            [],
            |row| row.get(0),
        )?)
    }

    /// Records that the desktop was told about these reminders, so it is
    /// never told again. Only for the due time it was told about: a reminder
    /// snoozed or moved meanwhile keeps its new time and still rings then.
    pub fn mark_notified(&mut self, notified: &[Reminder]) -> Result<()> {
        let now = dates::stamp(self.clock.now());
        // Not a change to tell the scheduler of: it is the one making it.
        self.write(|write| {
            for reminder in notified {
                write
                    .prepare_cached(
                        "UPDATE reminders SET notified_at = ?3
                         WHERE id = ?1 AND julianday(due_at) = julianday(?2)
                           AND notified_at IS NULL",
                    )?
                    .execute(params![reminder.id, dates::stamp(reminder.due_at), now])?;
            }
            Ok(())
        })
    }

    /// A reminder of the owner's own, about a complaint or not.
    pub fn add_reminder(&mut self, new: &NewReminder) -> Result<Reminder> {
        let now = self.clock.now();
        let mut problems = Problems::default();
        let note = problems
            .check(
                "note",
                text::long(&new.note, "the reminder's note", MAX_LONG_TEXT_CHARS, true),
            )
            .unwrap_or_default();
        let due_at = problems
            .check("dueAt", future_instant(&new.due_at, "reminder's time", now))
            .unwrap_or(now);
        problems.finish()?;
        let id = self.write(|write| {
            if let Some(complaint_id) = new.complaint_id {
                progress(write, complaint_id)?;
            }
            write.execute(
                "INSERT INTO reminders (complaint_id, kind, note, base_due_at, due_at, created_at)
             VALUES (?1, 'custom', ?2, ?3, ?3, ?4)",
                params![
                    new.complaint_id,
                    note,
                    dates::stamp(due_at),
                    dates::stamp(now)
                ],
            )?;
            let id = write.last_insert_rowid();
            log(
                write,
                new.complaint_id,
                None,
                now,
                &format!("Set a reminder for {}", dates::stamp(due_at)),
            )?;
            write.reminder_changed();
            Ok(id)
        })?;
        self.reminder(id)
    }

    pub fn complete_reminder(&mut self, id: i64) -> Result<()> {
        self.end_reminder(id, "done", "Marked a reminder as done")
    }

    pub fn dismiss_reminder(&mut self, id: i64) -> Result<()> {
        self.end_reminder(id, "dismissed", "Dismissed a reminder")
    }

    /// Puts a reminder off; it will be notified again when the snooze ends.
    pub fn snooze_reminder(&mut self, id: i64, snooze: &Snooze) -> Result<Reminder> {
        let now = self.clock.now();
        let until = match snooze {
            Snooze::Until(when) => future_instant(when, "time to be reminded again", now)?,
            fixed => reminders::snooze_end(fixed, self.clock.as_ref()).ok_or_else(|| {
                Error::InvalidInput("Mend could not work out that date; please pick a time.".into())
            })?,
        };
        self.write(|write| {
            let complaint_id = open_reminder(write, id)?;
            write.execute(
                "UPDATE reminders SET due_at = ?2, notified_at = NULL WHERE id = ?1",
                params![id, dates::stamp(until)],
            )?;
            log(
                write,
                complaint_id,
                None,
                now,
                &format!("Snoozed a reminder until {}", dates::stamp(until)),
            )?;
            write.reminder_changed();
            Ok(())
        })?;
        self.reminder(id)
    }

    fn end_reminder(&mut self, id: i64, state: &str, what: &str) -> Result<()> {
        let now = self.clock.now();
        self.write(|write| {
            let complaint_id = open_reminder(write, id)?;
            write.execute(
                "UPDATE reminders SET state = ?2, ended_at = ?3 WHERE id = ?1",
                params![id, state, dates::stamp(now)],
            )?;
            derived::note_ending(write, id)?;
            log(write, complaint_id, None, now, what)?;
            write.reminder_changed();
            Ok(())
        })
    }

    fn reminder(&self, id: i64) -> Result<Reminder> {
        query(&self.conn, "r.id = ?1", "r.id", [id])?
            .pop()
            .ok_or_else(|| Error::NotFound("That reminder was not found.".into()))
    }
}

/// The complaint of an open reminder; a reminder already ended is refused.
fn open_reminder(tx: &Transaction<'_>, id: i64) -> Result<Option<i64>> {
    let found: Option<(Option<i64>, String)> = tx
        .query_row(
            "SELECT complaint_id, state FROM reminders WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    match found {
        None => Err(Error::NotFound("That reminder was not found.".into())),
        Some((_, state)) if state != "open" => Err(Error::Refused(
            "That reminder is already done or dismissed.".into(),
        )),
        Some((complaint_id, _)) => Ok(complaint_id),
    }
}

/// A moment for a reminder: a valid RFC 3339 time, not already past.
fn future_instant(value: &str, what: &str, now: DateTime<Utc>) -> Result<DateTime<Utc>> {
    let instant = DateTime::parse_from_rfc3339(value.trim())
        .map_err(|_| {
            Error::InvalidInput(format!(
                "Please choose a valid date and time for the {what}."
            ))
        })?
        .with_timezone(&Utc);
    if instant < now - Duration::minutes(1) {
        return Err(Error::InvalidInput(format!(
            "The {what} has already passed; please choose a later time."
        )));
    }
    Ok(instant)
}

#[cfg(test)]
mod tests;
