//! Changing an improvement: planning one, putting it right, marking it
//! done, and its check (it worked, or not yet: check again later).

use chrono::{Duration, NaiveDate};
use rusqlite::params;
use serde::Deserialize;

use super::{log, Improvement, Stage, CHECK_AFTER_DAYS};
use crate::dates;
use crate::error::{Error, FieldProblem, Problems, Result};
use crate::store::journey::cost_cents;
use crate::store::rows::MAX_LONG_TEXT_CHARS;
use crate::store::Store;
use crate::text;

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
    /// As typed: a whole number of days; empty: 30.
    pub check_after_days: Option<String>,
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
    let typed_days = input
        .check_after_days
        .as_deref()
        .map(str::trim)
        .unwrap_or("");
    let check_after_days = match typed_days {
        "" => CHECK_AFTER_DAYS,
        typed => match typed.parse::<u32>() {
            Ok(days) if (1..=3650).contains(&days) => days,
            Ok(_) => {
                problems.add(
                    "checkAfterDays",
                    "Please check between 1 day and 10 years after it is done.",
                );
                CHECK_AFTER_DAYS
            }
            Err(_) => {
                problems.add(
                    "checkAfterDays",
                    format!("\"{typed}\" is not a number of days; please write a whole number, like 30."),
                );
                CHECK_AFTER_DAYS
            }
        },
    };
    problems.finish()?;
    Ok(Checked {
        what,
        due_date,
        cost_cents,
        check_after_days,
    })
}

impl Store {
    /// Plans an improvement of the owner's own, or for a known issue.
    pub fn add_improvement(
        &mut self,
        known_issue_id: Option<i64>,
        input: &ImprovementInput,
    ) -> Result<Improvement> {
        let new = checked(input)?;
        let id = self.write(|write| {
            if let Some(issue) = known_issue_id {
                crate::store::known_issues::title_of(write, issue)?;
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
                    Error::Fields(vec![FieldProblem {
                        field: "nextCheck".into(),
                        message: error.to_string(),
                    }])
                })?;
            if day <= self.clock.today() {
                return Err(Error::Fields(vec![FieldProblem {
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
