//! Recording the steps of a complaint's journey, closing and reopening it,
//! and ticking its checklists. The rules come from `crate::journey`.

use rusqlite::params;
use serde::Deserialize;

use super::complaints::ComplaintDetails;
use super::known_issues::choice::IssueChoice;
use super::lessons;
use super::lists::{self, ListKind};
use super::rows::{progress, MAX_LONG_TEXT_CHARS};
use super::timeline::{insert_contact, log};
use super::write::Write;
use super::Store;
use crate::dates;
use crate::error::{Error, Problems, Result};
use crate::journey::{self, coaching, Step};
use crate::kinds::{Channel, CloseReason, Remedy};
use crate::text;
pub(crate) use entry::cost_cents;
use entry::Validated;

/// What the owner records for one step. Which fields matter depends on the
/// step: `text` is what was said (Acknowledge, Apologize), the plan (Assure),
/// what was done (Fix) or the customer's words (Follow up).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct StepEntry {
    pub done_at: Option<String>,
    pub channel: Option<Channel>,
    pub text: String,
    pub promised_date: Option<String>,
    pub remedy: Option<Remedy>,
    /// An amount such as "12.50"; empty when there was no cost.
    pub cost: Option<String>,
    pub satisfaction: Option<u8>,
    pub satisfied: Option<bool>,
}

/// How the owner closes a complaint, with its lesson.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Closing {
    pub reason: CloseReason,
    /// Why it was closed early, or how it ended.
    #[serde(default)]
    pub note: String,
    pub root_cause: String,
    #[serde(default)]
    pub preventive_action: String,
    /// A friendly check-in planned for later, as YYYY-MM-DD.
    #[serde(default)]
    pub check_in_date: Option<String>,
    /// The cause, from the owner's list; None: not recorded (yet).
    #[serde(default)]
    pub cause_id: Option<i64>,
    /// The known issue it belongs to, if the owner names one.
    #[serde(flatten)]
    pub issue: IssueChoice,
}

impl Store {
    /// Records `step` on a complaint, if the rules allow it now.
    pub fn record_step(
        &mut self,
        complaint_id: i64,
        step: Step,
        entry: &StepEntry,
    ) -> Result<ComplaintDetails> {
        self.write(|write| {
            let record = write_record(write, complaint_id, step, entry)?;
            let (direction, words) = record.timeline_entry(step);
            if !words.is_empty() {
                let channel = record.channel.expect("write_record settles the channel");
                insert_contact(
                    write,
                    complaint_id,
                    direction,
                    channel,
                    record.done_at,
                    &words,
                    write.clock().now(),
                )?;
            }
            Ok(())
        })?;
        self.complaint(complaint_id)
    }

    /// Closes a complaint with its lesson; early only with a reason.
    pub fn close_complaint(
        &mut self,
        complaint_id: i64,
        closing: &Closing,
    ) -> Result<ComplaintDetails> {
        let now = self.clock.now();
        let today = self.clock.today();
        let mut problems = Problems::default();
        let note = problems
            .check(
                "note",
                text::long(
                    &closing.note,
                    "the reason or note",
                    MAX_LONG_TEXT_CHARS,
                    false,
                ),
            )
            .unwrap_or_default();
        let (root_cause, prevention) = lessons::checked_texts(
            &mut problems,
            &closing.root_cause,
            &closing.preventive_action,
        );
        // A check-in, like a promise, cannot be before the day it is planned.
        let check_in = match closing.check_in_date.as_deref().map(str::trim) {
            Some(day) if !day.is_empty() => problems.check(
                "checkInDate",
                dates::day(day, "check-in date")
                    .and_then(|day| dates::not_before(day, today, "check-in date")),
            ),
            _ => None,
        };
        let issue = closing.issue.checked(&mut problems);
        problems.finish()?;
        self.write(|write| {
            let (current, received_at) = progress(write, complaint_id)?;
            // Closed now, and never before it was received (which another
            // computer, its clock ahead of this one, may say is later).
            let now = now.max(received_at);
            let reason_given = closing.reason != CloseReason::Other || !note.is_empty();
            journey::check_close(
                current,
                reason_given,
                closing.reason == CloseReason::Resolved,
            )?;
            write.execute(
            "INSERT INTO step_records (complaint_id, step, done_at, text, close_reason, root_cause,
                 preventive_action, check_in_date, created_at)
             VALUES (?1, 'close', ?2, ?3, ?4, ?5, ?6, ?7, ?2)",
            params![
                complaint_id,
                dates::stamp(now),
                note,
                closing.reason,
                root_cause,
                prevention,
                check_in
            ],
        )?;
            if let Some(cause_id) = closing.cause_id {
                lists::check_offered(write, ListKind::Causes, cause_id)?;
            }
            write.execute(
                "UPDATE complaints SET closed_at = ?2, close_reason = ?3, cause_id = ?4, journey_at = ?2
                 WHERE id = ?1",
                params![complaint_id, dates::stamp(now), closing.reason, closing.cause_id],
            )?;
            log(
                write,
                Some(complaint_id),
                None,
                now,
                &format!(
                    "Closed the complaint ({}); cause: {}",
                    closing.reason.label().to_lowercase(),
                    lists::name_or_none(write, ListKind::Causes, closing.cause_id)?
                ),
            )?;
            issue.apply(write, complaint_id, closing.cause_id, false)?;
            super::improvements::follow_lesson(write, complaint_id, &prevention)?;
            write.complaint_changed(complaint_id);
            Ok(())
        })?;
        self.complaint(complaint_id)
    }

    /// Reopens a closed complaint. A resolved one goes back to Assure (the
    /// problem is back, so a new plan is needed); one closed early goes back
    /// to the step it had reached.
    pub fn reopen_complaint(&mut self, complaint_id: i64, why: &str) -> Result<ComplaintDetails> {
        let now = self.clock.now();
        let why = text::long(why, "the reason for reopening", MAX_LONG_TEXT_CHARS, false)?;
        self.write(|write| {
            let (current, _) = progress(write, complaint_id)?;
            journey::check_reopen(current)?;
            write.execute(
                "UPDATE complaints
             SET closed_at = NULL, close_reason = NULL,
                 fixed_at = CASE WHEN close_reason = 'resolved' THEN NULL ELSE fixed_at END,
                 step = CASE WHEN close_reason = 'resolved' THEN 'assure' ELSE step END,
                 journey_at = ?2
             WHERE id = ?1",
                params![complaint_id, dates::stamp(now)],
            )?;
            let line = if why.is_empty() {
                "Reopened the complaint".to_owned()
            } else {
                format!("Reopened the complaint: {why}")
            };
            log(write, Some(complaint_id), None, now, &line)?;
            write.complaint_changed(complaint_id);
            Ok(())
        })?;
        self.complaint(complaint_id)
    }

    /// Ticks or unticks one item of a step's checklist.
    pub fn set_checklist_item(
        &mut self,
        complaint_id: i64,
        step: Step,
        item: &str,
        ticked: bool,
    ) -> Result<()> {
        let known = coaching::coaching(step)
            .checklist
            .iter()
            .find(|known| known.key == item);
        let Some(known) = known else {
            return Err(Error::NotFound(format!(
                "\"{item}\" is not on the checklist of \"{}\".",
                step.title()
            )));
        };
        let now = self.clock.now();
        self.write(|write| {
        progress(write, complaint_id)?;
        let changed = if ticked {
            write.execute(
                "INSERT OR IGNORE INTO checklist_ticks (complaint_id, step, item, ticked_at) VALUES (?1, ?2, ?3, ?4)",
                params![complaint_id, step, item, dates::stamp(now)],
            )?
        } else {
            write.execute(
                "DELETE FROM checklist_ticks WHERE complaint_id = ?1 AND step = ?2 AND item = ?3",
                params![complaint_id, step, item],
            )?
        };
        if changed > 0 {
            let verb = if ticked { "Ticked" } else { "Unticked" };
            log(
                write,
                Some(complaint_id),
                None,
                now,
                &format!("{verb} \"{}\" ({})", known.label, step.title()),
            )?;
        }
        Ok(())
        })
    }
}

mod entry;

/// Checks `entry` against the rules of `step` and records it: the step
/// record, where the complaint stands, and the history. The timeline is
/// the caller's (one call may cover several steps). The channel it
/// returns is settled: the complaint's own when none was given.
fn write_record(
    write: &mut Write<'_>,
    complaint_id: i64,
    step: Step,
    entry: &StepEntry,
) -> Result<Validated> {
    let now = write.clock().now();
    let (current, received_at) = progress(write, complaint_id)?;
    journey::check_record(current, step)?;
    let mut record = Validated::new(step, entry, write.clock(), received_at)?;
    let channel = match record.channel {
        Some(channel) => channel,
        None => write.query_row(
            "SELECT channel FROM complaints WHERE id = ?1",
            [complaint_id],
            |row| row.get(0),
        )?,
    };
    record.channel = Some(channel);
    write.execute(
        "INSERT INTO step_records (complaint_id, step, done_at, channel, text, promised_date,
             remedy, cost_cents, satisfaction, satisfied, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            complaint_id,
            step,
            dates::stamp(record.done_at),
            channel,
            record.text,
            record.promised_date,
            record.remedy,
            record.cost_cents,
            record.satisfaction,
            record.satisfied,
            dates::stamp(now),
        ],
    )?;
    let satisfied = record.satisfied.unwrap_or(true);
    let next = journey::after_record(step, satisfied);
    let done = dates::stamp(record.done_at);
    write.execute(
        "UPDATE complaints SET step = ?2, journey_at = ?3 WHERE id = ?1",
        params![complaint_id, next, dates::stamp(now)],
    )?;
    match step {
        Step::Acknowledge => write.execute(
            "UPDATE complaints SET acknowledged_at = ?2 WHERE id = ?1",
            params![complaint_id, done],
        )?,
        Step::Apologize => write.execute(
            "UPDATE complaints SET apologized_at = ?2 WHERE id = ?1",
            params![complaint_id, done],
        )?,
        Step::Assure => write.execute(
            "UPDATE complaints SET promised_date = ?2 WHERE id = ?1",
            params![complaint_id, record.promised_date],
        )?,
        Step::Fix => write.execute(
            "UPDATE complaints SET fixed_at = ?2 WHERE id = ?1",
            params![complaint_id, done],
        )?,
        // An unsatisfied customer needs a new fix, after a new plan.
        Step::FollowUp if !satisfied => write.execute(
            "UPDATE complaints SET fixed_at = NULL WHERE id = ?1",
            [complaint_id],
        )?,
        _ => 0,
    };
    log(
        write,
        Some(complaint_id),
        None,
        now,
        &record.history_line(step),
    )?;
    write.complaint_changed(complaint_id);
    Ok(record)
}

mod call;
pub use call::Call;

#[cfg(test)]
mod call_tests;
#[cfg(test)]
mod tests;
