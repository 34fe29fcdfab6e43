//! The known issue a complaint's lesson names: chosen at close (an existing
//! one, or a new one created on the spot) and put right afterwards, with the
//! other recent complaints of the same cause linked too when the owner asks.

use chrono::Duration;
use rusqlite::params;
use serde::{Deserialize, Serialize};

use super::{checked_title, create_in, link_in, unlink_in};
use crate::error::{Problems, Result};
use crate::store::complaints::ComplaintDetails;
use crate::store::rows::progress;
use crate::store::write::Write;
use crate::store::Store;

/// How far back "the same cause lately" looks.
pub const SAME_CAUSE_DAYS: i64 = 90;

/// The known issue chosen with a lesson.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct IssueChoice {
    /// An existing known issue.
    pub known_issue_id: Option<i64>,
    /// A new known issue's title, created on the spot (when no id is given).
    pub new_known_issue: String,
    /// Also link the other complaints of the same cause lately that belong
    /// to no known issue yet.
    pub link_same_cause: bool,
}

/// Checked before anything is written: a new issue's title.
pub(crate) struct CheckedChoice<'a> {
    choice: &'a IssueChoice,
    new_title: Option<String>,
}

impl IssueChoice {
    pub(crate) fn checked(&self, problems: &mut Problems) -> CheckedChoice<'_> {
        let new_title = match (self.known_issue_id, self.new_known_issue.trim()) {
            (None, title) if !title.is_empty() => {
                problems.check("newKnownIssue", checked_title(title))
            }
            _ => None,
        };
        CheckedChoice {
            choice: self,
            new_title,
        }
    }
}

impl CheckedChoice<'_> {
    /// Links the complaint as chosen. `unlink_when_none`: choosing no issue
    /// takes the complaint out of the one it had (when the lesson is put
    /// right); at close it only means none was chosen.
    pub(crate) fn apply(
        &self,
        write: &mut Write<'_>,
        complaint_id: i64,
        cause_id: Option<i64>,
        unlink_when_none: bool,
    ) -> Result<()> {
        let issue_id = match (self.choice.known_issue_id, &self.new_title) {
            (Some(id), _) => Some(id),
            (None, Some(title)) => Some(create_in(write, title)?),
            (None, None) => None,
        };
        let Some(issue_id) = issue_id else {
            if unlink_when_none {
                unlink_in(write, complaint_id)?;
            }
            return Ok(());
        };
        link_in(write, issue_id, complaint_id)?;
        if let (true, Some(cause_id)) = (self.choice.link_same_cause, cause_id) {
            let now = write.clock().now();
            for other in same_cause_ids(write, complaint_id, cause_id, now)? {
                link_in(write, issue_id, other)?;
            }
        }
        Ok(())
    }
}

/// The other complaints given `cause_id` that came in lately and belong to
/// no known issue yet.
fn same_cause_ids(
    conn: &rusqlite::Connection,
    complaint_id: i64,
    cause_id: i64,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<i64>> {
    let since = crate::dates::stamp(now - Duration::days(SAME_CAUSE_DAYS));
    let mut statement = conn.prepare_cached(
        "SELECT id FROM complaints
         WHERE cause_id = ?1 AND id != ?2 AND deleted_at IS NULL AND received_at >= ?3
           AND known_issue_id IS NULL
         ORDER BY received_at, id",
    )?;
    let rows = statement.query_map(params![cause_id, complaint_id, since], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// What the Close step says of a cause being chosen: how many other
/// complaints had it lately, and how many of those no known issue holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SameCause {
    pub days: i64,
    pub others: i64,
    pub unlinked: i64,
}

impl Store {
    /// Puts a complaint in the known issue chosen (an existing one, or a
    /// new one named now), or takes it out of its one when none is chosen.
    pub fn set_complaint_issue(
        &mut self,
        complaint_id: i64,
        choice: &IssueChoice,
    ) -> Result<ComplaintDetails> {
        let mut problems = Problems::default();
        let checked = choice.checked(&mut problems);
        problems.finish()?;
        self.write(|write| {
            progress(write, complaint_id)?;
            checked.apply(write, complaint_id, None, true)
        })?;
        self.complaint(complaint_id)
    }

    /// How many other complaints had `cause_id` in the last `SAME_CAUSE_DAYS`.
    pub fn same_cause(&self, complaint_id: i64, cause_id: i64) -> Result<SameCause> {
        let since = crate::dates::stamp(self.clock.now() - Duration::days(SAME_CAUSE_DAYS));
        let (others, unlinked) = self.conn.query_row(
            "SELECT count(*), count(*) FILTER (WHERE known_issue_id IS NULL) FROM complaints
             WHERE cause_id = ?1 AND id != ?2 AND deleted_at IS NULL AND received_at >= ?3",
            params![cause_id, complaint_id, since],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )?;
        Ok(SameCause {
            days: SAME_CAUSE_DAYS,
            others,
            unlinked,
        })
    }
}
