//! What is written about a known issue: its title, what customers notice,
//! its cause, a workaround, what changed and a target date; new, or put
//! right with the old wording kept in the history.

use chrono::NaiveDate;
use rusqlite::{params, OptionalExtension};
use serde::Deserialize;

use super::{checked_title, create_in, issue_not_found, KnownIssue};
use crate::dates;
use crate::error::{Problems, Result};
use crate::store::rows::MAX_LONG_TEXT_CHARS;
use crate::store::timeline::log_about_issue;
use crate::store::Store;
use crate::text;

/// A known issue as the owner writes it, new or changed.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct IssueText {
    pub title: String,
    /// What customers notice.
    pub noticed: String,
    pub cause: String,
    /// What to tell customers meanwhile.
    pub workaround: String,
    /// What changed, once it is fixed; told to the customers.
    pub what_changed: String,
    /// YYYY-MM-DD; empty: none.
    pub target_date: Option<String>,
}

struct CheckedText {
    title: String,
    noticed: String,
    cause: String,
    workaround: String,
    what_changed: String,
    target_date: Option<NaiveDate>,
}

fn checked_text(text_in: &IssueText) -> Result<CheckedText> {
    let mut problems = Problems::default();
    let title = problems
        .check("title", checked_title(&text_in.title))
        .unwrap_or_default();
    let mut long = |field: &str, value: &str, what: &str| {
        problems
            .check(field, text::long(value, what, MAX_LONG_TEXT_CHARS, false))
            .unwrap_or_default()
    };
    let noticed = long("noticed", &text_in.noticed, "what customers notice");
    let cause = long("cause", &text_in.cause, "the cause");
    let workaround = long("workaround", &text_in.workaround, "the workaround");
    let what_changed = long("whatChanged", &text_in.what_changed, "what changed");
    let target_date = match text_in.target_date.as_deref().map(str::trim) {
        Some(day) if !day.is_empty() => {
            problems.check("targetDate", dates::day(day, "target date"))
        }
        _ => None,
    };
    problems.finish()?;
    Ok(CheckedText {
        title,
        noticed,
        cause,
        workaround,
        what_changed,
        target_date,
    })
}

impl Store {
    /// Notes a new known issue.
    pub fn create_known_issue(&mut self, new: &IssueText) -> Result<KnownIssue> {
        let checked = checked_text(new)?;
        let id = self.write(|write| {
            let id = create_in(write, &checked.title)?;
            write.execute(
                "UPDATE known_issues SET noticed = ?2, cause = ?3, workaround = ?4,
                        what_changed = ?5, target_date = ?6 WHERE id = ?1",
                params![
                    id,
                    checked.noticed,
                    checked.cause,
                    checked.workaround,
                    checked.what_changed,
                    checked.target_date
                ],
            )?;
            write.known_issue_changed(id);
            Ok(id)
        })?;
        self.known_issue(id)
    }

    /// Changes what is written about a known issue; the history keeps the
    /// old wording of each part that changed.
    pub fn update_known_issue(&mut self, id: i64, changed: &IssueText) -> Result<KnownIssue> {
        let new = checked_text(changed)?;
        let now = self.clock.now();
        self.write(|write| {
            let old = write
                .query_row(
                    "SELECT title, noticed, cause, workaround, what_changed, target_date
                     FROM known_issues WHERE id = ?1",
                    [id],
                    |row| {
                        Ok(CheckedText {
                            title: row.get(0)?,
                            noticed: row.get(1)?,
                            cause: row.get(2)?,
                            workaround: row.get(3)?,
                            what_changed: row.get(4)?,
                            target_date: row.get(5)?,
                        })
                    },
                )
                .optional()?
                .ok_or_else(|| issue_not_found(id))?;
            let mut changes = Vec::new();
            for (what, before, after) in [
                ("the title", &old.title, &new.title),
                ("what customers notice", &old.noticed, &new.noticed),
                ("the cause", &old.cause, &new.cause),
                ("the workaround", &old.workaround, &new.workaround),
                ("what changed", &old.what_changed, &new.what_changed),
            ] {
                if before != after {
                    changes.push(format!("Changed {what}: \"{before}\" → \"{after}\""));
                }
            }
            if old.target_date != new.target_date {
                let day = |date: Option<NaiveDate>| {
                    date.map_or_else(|| "none".to_owned(), |day| day.to_string())
                };
                changes.push(format!(
                    "Changed the target date: {} → {}",
                    day(old.target_date),
                    day(new.target_date)
                ));
            }
            if changes.is_empty() {
                write.discard();
                return Ok(());
            }
            write.execute(
                "UPDATE known_issues SET title = ?2, noticed = ?3, cause = ?4, workaround = ?5,
                        what_changed = ?6, target_date = ?7 WHERE id = ?1",
                params![
                    id,
                    new.title,
                    new.noticed,
                    new.cause,
                    new.workaround,
                    new.what_changed,
                    new.target_date
                ],
            )?;
            for change in &changes {
                log_about_issue(write, id, None, now, change)?;
            }
            write.known_issue_changed(id);
            Ok(())
        })?;
        self.known_issue(id)
    }
}
