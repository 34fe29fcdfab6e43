//! Improvements: every change the owner makes so a problem does not come
//! back, from a complaint's lesson ("what will change") or from a known
//! issue. Each has a due date, a done date and a cost; some days after it
//! is done (30 unless the owner says otherwise) Mend asks whether it worked,
//! showing how many complaints of the same cause or known issue came in
//! since. "Not yet" keeps it open with a new date to check again.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{params, OptionalExtension};
use serde::Serialize;

use super::rows::HistoryEntry;
use super::write::Write;
use super::Store;
use crate::dates;
use crate::error::{Error, Result};

/// How many days after an improvement is done its check comes, unless the
/// owner chooses otherwise.
pub const CHECK_AFTER_DAYS: u32 = 30;

/// Where an improvement stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Not done yet.
    Planned,
    /// Done; its check is still to come (or due).
    Done,
    /// Checked: it worked.
    Worked,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Improvement {
    pub id: i64,
    pub what: String,
    pub stage: Stage,
    /// Where it came from: a complaint's lesson, or a known issue.
    pub complaint_id: Option<i64>,
    pub complaint_summary: Option<String>,
    pub known_issue_id: Option<i64>,
    pub known_issue: Option<String>,
    pub cause: Option<String>,
    pub due_date: Option<NaiveDate>,
    pub done_date: Option<NaiveDate>,
    pub cost_cents: Option<i64>,
    pub check_after_days: u32,
    pub check_date: Option<NaiveDate>,
    /// Its check has come.
    pub check_due: bool,
    /// Once done: complaints of the same cause or known issue that came in
    /// since (None when it names neither).
    pub since_done: Option<i64>,
    pub history: Vec<HistoryEntry>,
}

fn not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "Improvement {id} was not found. It may have been removed."
    ))
}

pub(super) fn log(write: &Write<'_>, id: i64, what: &str) -> Result<()> {
    write.execute(
        "INSERT INTO history (improvement_id, at, who, what) VALUES (?1, ?2, 'owner', ?3)",
        params![id, dates::stamp(write.clock().now()), what],
    )?;
    Ok(())
}

/// The improvement a complaint's lesson names ("what will change"): made
/// when it is first written, its wording kept in line while it is not done,
/// and its cause and known issue those of the complaint.
pub(crate) fn follow_lesson(write: &mut Write<'_>, complaint_id: i64, what: &str) -> Result<()> {
    let what = what.trim();
    // It is about what its complaint is about, as the lesson now says.
    write.execute(
        "UPDATE improvements SET cause_id = c.cause_id, known_issue_id = c.known_issue_id
         FROM complaints c WHERE c.id = ?1 AND improvements.complaint_id = ?1",
        [complaint_id],
    )?;
    let existing: Option<(i64, String, bool)> = write
        .query_row(
            "SELECT id, what, done_date IS NOT NULL FROM improvements
             WHERE complaint_id = ?1 ORDER BY id DESC LIMIT 1",
            [complaint_id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    let id = match existing {
        _ if what.is_empty() => return Ok(()),
        Some((_, old, _)) if old == what => return Ok(()),
        Some((id, old, false)) => {
            write.execute(
                "UPDATE improvements SET what = ?2 WHERE id = ?1",
                params![id, what],
            )?;
            log(
                write,
                id,
                &format!("Changed what will change: \"{old}\" → \"{what}\""),
            )?;
            id
        }
        _ => {
            write.execute(
                "INSERT INTO improvements (what, complaint_id, known_issue_id, cause_id, created_at)
                 SELECT ?2, id, known_issue_id, cause_id, ?3 FROM complaints WHERE id = ?1",
                params![complaint_id, what, dates::stamp(write.clock().now())],
            )?;
            let id = write.last_insert_rowid();
            log(write, id, "Planned from a complaint's lesson")?;
            id
        }
    };
    write.improvement_changed(id);
    Ok(())
}

const COLUMNS: &str = "m.id, m.what, m.complaint_id, c.summary, m.known_issue_id, i.title,
     (SELECT name FROM causes WHERE id = m.cause_id), m.due_date, m.done_date, m.cost_cents,
     m.check_after_days, m.check_date, m.worked_at IS NOT NULL, m.cause_id";
const FROM: &str = "improvements m LEFT JOIN complaints c ON c.id = m.complaint_id
     LEFT JOIN known_issues i ON i.id = m.known_issue_id";

impl Store {
    /// Every improvement: the ones to do first (the soonest due first), then
    /// the ones waiting for their check, then the ones that worked.
    pub fn improvements(&self) -> Result<Vec<Improvement>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM {FROM}
             ORDER BY m.worked_at IS NOT NULL, m.done_date IS NOT NULL,
                      coalesce(m.due_date, m.check_date) IS NULL, coalesce(m.due_date, m.check_date),
                      m.id DESC"
        ))?;
        let rows = statement.query_map([], |row| {
            Ok((self.improvement_from_row(row)?, row.get(13)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (mut improvement, cause_id): (Improvement, Option<i64>) = row?;
            improvement.since_done = self.since_done(&improvement, cause_id)?;
            out.push(improvement);
        }
        Ok(out)
    }

    pub fn improvement(&self, id: i64) -> Result<Improvement> {
        let (mut improvement, cause_id): (Improvement, Option<i64>) = self
            .conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM {FROM} WHERE m.id = ?1"),
                [id],
                |row| Ok((self.improvement_from_row(row)?, row.get(13)?)),
            )
            .optional()?
            .ok_or_else(|| not_found(id))?;
        improvement.since_done = self.since_done(&improvement, cause_id)?;
        improvement.history = super::rows::history_of(&self.conn, "improvement_id", id)?;
        Ok(improvement)
    }

    fn improvement_from_row(&self, row: &rusqlite::Row<'_>) -> rusqlite::Result<Improvement> {
        let done_date: Option<NaiveDate> = row.get(8)?;
        let check_date: Option<NaiveDate> = row.get(11)?;
        let worked: bool = row.get(12)?;
        Ok(Improvement {
            id: row.get(0)?,
            what: row.get(1)?,
            stage: match (worked, done_date) {
                (true, _) => Stage::Worked,
                (false, Some(_)) => Stage::Done,
                (false, None) => Stage::Planned,
            },
            complaint_id: row.get(2)?,
            complaint_summary: row.get(3)?,
            known_issue_id: row.get(4)?,
            known_issue: row.get(5)?,
            cause: row.get(6)?,
            due_date: row.get(7)?,
            done_date,
            cost_cents: row.get(9)?,
            check_after_days: row.get(10)?,
            check_date,
            check_due: !worked && check_date.is_some_and(|day| day <= self.clock.today()),
            since_done: None,
            history: Vec::new(),
        })
    }

    /// Complaints of the same cause or known issue received since it was done.
    fn since_done(&self, improvement: &Improvement, cause_id: Option<i64>) -> Result<Option<i64>> {
        let Some(done) = improvement.done_date else {
            return Ok(None);
        };
        if cause_id.is_none() && improvement.known_issue_id.is_none() {
            return Ok(None);
        }
        let since = dates::stamp(self.clock.instant_of(done.and_time(NaiveTime::MIN)));
        Ok(Some(self.conn.query_row(
            "SELECT count(*) FROM complaints
             WHERE deleted_at IS NULL AND received_at >= ?1
               AND (cause_id = ?2 OR known_issue_id = ?3)
               AND coalesce(id != ?4, 1)",
            params![
                since,
                cause_id,
                improvement.known_issue_id,
                improvement.complaint_id
            ],
            |row| row.get(0),
        )?))
    }
}

mod changes;
pub use changes::ImprovementInput;

#[cfg(test)]
mod tests;
