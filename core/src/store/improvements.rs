//! Improvements: every change the owner makes so a problem does not come
//! back, from a complaint's lesson ("what will change") or from a known
//! issue. Each has a due date, a done date and a cost; some days after it
//! is done (30 unless the owner says otherwise) Mend asks whether it worked,
//! showing how many complaints of the same cause or known issue came in
//! since. "Not yet" keeps it open with a new date to check again.

use chrono::{Duration, NaiveDate, NaiveTime};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::journey::cost_cents;
use super::rows::{HistoryEntry, MAX_LONG_TEXT_CHARS};
use super::write::Write;
use super::Store;
use crate::dates;
use crate::error::{Error, Problems, Result};
use crate::text;

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

/// An improvement as the owner writes it, new or changed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ImprovementInput {
    pub what: String,
    /// YYYY-MM-DD, or empty.
    pub due_date: Option<String>,
    /// An amount such as "40.00", or empty.
    pub cost: Option<String>,
    /// Days from done to its check; empty: 30.
    pub check_after_days: Option<u32>,
}

struct Checked {
    what: String,
    due_date: Option<NaiveDate>,
    cost_cents: Option<i64>,
    check_after_days: u32,
}

fn checked(input: &ImprovementInput) -> Result<Checked> {
    let mut problems = Problems::default();
    let what = problems
        .check(
            "what",
            text::long(&input.what, "what will change", MAX_LONG_TEXT_CHARS, true),
        )
        .unwrap_or_default();
    let due_date = match input.due_date.as_deref().map(str::trim) {
        Some(day) if !day.is_empty() => problems.check("dueDate", dates::day(day, "due date")),
        _ => None,
    };
    let cost_cents = problems
        .check("cost", cost_cents(input.cost.as_deref().unwrap_or("")))
        .flatten();
    let check_after_days = input.check_after_days.unwrap_or(CHECK_AFTER_DAYS);
    if !(1..=3650).contains(&check_after_days) {
        problems.add(
            "checkAfterDays",
            "Please check between 1 day and 10 years after it is done.",
        );
    }
    problems.finish()?;
    Ok(Checked {
        what,
        due_date,
        cost_cents,
        check_after_days,
    })
}

fn not_found(id: i64) -> Error {
    Error::NotFound(format!(
        "Improvement {id} was not found. It may have been removed."
    ))
}

fn log(write: &Write<'_>, id: i64, what: &str) -> Result<()> {
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
        let mut statement = self.conn.prepare_cached(
            "SELECT id, at, who, what FROM history WHERE improvement_id = ?1 ORDER BY id",
        )?;
        let rows = statement.query_map([id], |row| {
            Ok(HistoryEntry {
                id: row.get(0)?,
                at: row.get(1)?,
                who: row.get(2)?,
                what: row.get(3)?,
            })
        })?;
        improvement.history = rows.collect::<rusqlite::Result<_>>()?;
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

    /// Plans an improvement of the owner's own, or for a known issue.
    pub fn add_improvement(
        &mut self,
        known_issue_id: Option<i64>,
        input: &ImprovementInput,
    ) -> Result<Improvement> {
        let new = checked(input)?;
        let id = self.write(|write| {
            if let Some(issue) = known_issue_id {
                super::known_issues::title_of(write, issue)?;
            }
            write.execute(
                "INSERT INTO improvements (what, known_issue_id, due_date, cost_cents,
                        check_after_days, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
                params![
                    new.what,
                    known_issue_id,
                    new.due_date,
                    new.cost_cents,
                    new.check_after_days,
                    dates::stamp(write.clock().now())
                ],
            )?;
            let id = write.last_insert_rowid();
            log(write, id, "Planned")?;
            write.improvement_changed(id);
            Ok(id)
        })?;
        self.improvement(id)
    }

    /// Changes what an improvement is, when it is due, what it cost and
    /// when to check it; the history keeps what it said before.
    pub fn update_improvement(&mut self, id: i64, input: &ImprovementInput) -> Result<Improvement> {
        let new = checked(input)?;
        let old = self.improvement(id)?;
        self.write(|write| {
            let mut changes = Vec::new();
            if old.what != new.what {
                changes.push(format!(
                    "Changed what will change: \"{}\" → \"{}\"",
                    old.what, new.what
                ));
            }
            if old.due_date != new.due_date {
                changes.push(format!(
                    "Changed the due date: {} → {}",
                    day(old.due_date),
                    day(new.due_date)
                ));
            }
            if old.cost_cents != new.cost_cents {
                changes.push(format!(
                    "Changed the cost: {} → {}",
                    money(old.cost_cents),
                    money(new.cost_cents)
                ));
            }
            if old.check_after_days != new.check_after_days {
                changes.push(format!(
                    "Changed when to check it: {} → {} days after it is done",
                    old.check_after_days, new.check_after_days
                ));
            }
            if changes.is_empty() {
                write.discard();
                return Ok(());
            }
            // A check not made yet follows the new number of days.
            let check_date = match (old.done_date, old.stage) {
                (Some(done), Stage::Done) if old.check_after_days != new.check_after_days => {
                    Some(done + Duration::days(new.check_after_days.into()))
                }
                _ => old.check_date,
            };
            write.execute(
                "UPDATE improvements SET what = ?2, due_date = ?3, cost_cents = ?4,
                        check_after_days = ?5, check_date = ?6 WHERE id = ?1",
                params![
                    id,
                    new.what,
                    new.due_date,
                    new.cost_cents,
                    new.check_after_days,
                    check_date
                ],
            )?;
            for change in &changes {
                log(write, id, change)?;
            }
            write.improvement_changed(id);
            Ok(())
        })?;
        self.improvement(id)
    }

    /// Marks an improvement made, on `done_date` (today when empty): its
    /// check comes `check_after_days` later.
    pub fn mark_improvement_done(
        &mut self,
        id: i64,
        done_date: Option<&str>,
    ) -> Result<Improvement> {
        let today = self.clock.today();
        let done = match done_date.map(str::trim) {
            Some(day) if !day.is_empty() => {
                let done = dates::day(day, "day it was done")?;
                if done > today {
                    return Err(Error::InvalidInput(
                        "The day it was done is still to come; please choose today or an earlier day."
                            .into(),
                    ));
                }
                done
            }
            _ => today,
        };
        let old = self.improvement(id)?;
        if old.stage != Stage::Planned {
            return Err(Error::Refused(
                "This improvement is marked done already.".into(),
            ));
        }
        let check = done + Duration::days(old.check_after_days.into());
        self.write(|write| {
            write.execute(
                "UPDATE improvements SET done_date = ?2, check_date = ?3 WHERE id = ?1",
                params![id, done, check],
            )?;
            log(
                write,
                id,
                &format!("Done on {done}; to be checked on {check}"),
            )?;
            write.improvement_changed(id);
            Ok(())
        })?;
        self.improvement(id)
    }

    /// The check of an improvement: it worked (it is finished), or not yet
    /// (it stays open, to be checked again on `next_check`).
    pub fn check_improvement(
        &mut self,
        id: i64,
        worked: bool,
        next_check: Option<&str>,
    ) -> Result<Improvement> {
        let old = self.improvement(id)?;
        if old.stage != Stage::Done {
            return Err(Error::Refused(
                "An improvement is checked once it is done, and only until it has worked.".into(),
            ));
        }
        let next = if worked {
            None
        } else {
            let day =
                dates::day(next_check.unwrap_or(""), "day to check again").map_err(|error| {
                    Error::Fields(vec![crate::error::FieldProblem {
                        field: "nextCheck".into(),
                        message: error.to_string(),
                    }])
                })?;
            if day <= self.clock.today() {
                return Err(Error::Fields(vec![crate::error::FieldProblem {
                    field: "nextCheck".into(),
                    message: "Please choose a day after today to check again.".into(),
                }]));
            }
            Some(day)
        };
        let since = old.since_done;
        self.write(|write| {
            let seen = since.map_or_else(String::new, |count| {
                format!(
                    " ({count} complaint{} of the same kind since it was done)",
                    if count == 1 { "" } else { "s" }
                )
            });
            match next {
                None => {
                    write.execute(
                        "UPDATE improvements SET worked_at = ?2 WHERE id = ?1",
                        params![id, dates::stamp(write.clock().now())],
                    )?;
                    log(write, id, &format!("Checked: it worked{seen}"))?;
                }
                Some(day) => {
                    write.execute(
                        "UPDATE improvements SET check_date = ?2 WHERE id = ?1",
                        params![id, day],
                    )?;
                    log(
                        write,
                        id,
                        &format!("Checked: not yet{seen}; to be checked again on {day}"),
                    )?;
                }
            }
            write.improvement_changed(id);
            Ok(())
        })?;
        self.improvement(id)
    }
}

fn day(date: Option<NaiveDate>) -> String {
    date.map_or_else(|| "none".to_owned(), |day| day.to_string())
}

fn money(cents: Option<i64>) -> String {
    cents.map_or_else(
        || "none".to_owned(),
        |cents| format!("{}.{:02}", cents / 100, cents % 100),
    )
}

#[cfg(test)]
mod tests;
