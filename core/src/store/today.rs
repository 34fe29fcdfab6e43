//! Today: what needs the owner now, the most pressing first, one entry per
//! complaint with its due reminders, each with the step to open.

use chrono::Duration;
use serde::Serialize;

use std::collections::HashSet;

use super::reminders::{self, Reminder, IN_ORDER, REPLACED};
use super::rows::{summary_from_row, ComplaintSummary, SUMMARY_COLUMNS, SUMMARY_FROM};
use super::Store;
use crate::dates;
use crate::error::Result;
use crate::journey::Step;

/// An open complaint whose customer heard nothing for this long needs an update.
pub const QUIET_DAYS: i64 = 3;
/// Each section of Today shows at most this many; the list has the rest.
const SECTION_SIZE: u32 = 50;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Today {
    /// What needs the owner, the most pressing first: one entry per complaint.
    pub entries: Vec<TodayEntry>,
    /// Due reminders of the owner's own that are about no complaint.
    pub own_reminders: Vec<Reminder>,
    /// Due reminders of the learning: a known issue's target date or its
    /// customers to tell, an improvement due or to check.
    pub learning_reminders: Vec<Reminder>,
    /// Not yet acknowledged: urgent ones first, then the oldest.
    #[serde(skip)]
    pub to_acknowledge: Vec<ComplaintSummary>,
    /// Promised for today or earlier, and not fixed yet.
    #[serde(skip)]
    pub promises_due: Vec<ComplaintSummary>,
    /// Fixed, waiting for the follow-up.
    #[serde(skip)]
    pub to_follow_up: Vec<ComplaintSummary>,
    /// Acknowledged, but nothing was sent to the customer for `QUIET_DAYS`.
    #[serde(skip)]
    pub to_update: Vec<ComplaintSummary>,
}

/// Why a complaint is on Today, the most pressing first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Why {
    /// Urgent (health, safety, money) and nobody has answered yet.
    UrgentToAcknowledge,
    /// A promise is due today or already late.
    PromiseDue,
    ToAcknowledge,
    ToFollowUp,
    /// Nothing was sent to the customer for a while.
    ToUpdate,
    /// Only a reminder of the owner's own, or a check-in, is due.
    Reminder,
}

impl Why {
    /// The step of the complaint to open for it.
    fn step(self, complaint: &ComplaintSummary, reminders: &[Reminder]) -> Step {
        match self {
            Why::UrgentToAcknowledge | Why::ToAcknowledge => Step::Acknowledge,
            Why::PromiseDue => Step::Fix,
            Why::ToFollowUp => Step::FollowUp,
            Why::ToUpdate => complaint.step,
            Why::Reminder => reminders
                .iter()
                .find_map(|reminder| reminder.step)
                .unwrap_or(complaint.step),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TodayEntry {
    pub complaint: ComplaintSummary,
    pub why: Why,
    /// The step to open to do it.
    pub step: Step,
    /// This complaint's reminders that are due now.
    pub reminders: Vec<Reminder>,
}

impl Store {
    pub fn today(&self) -> Result<Today> {
        let quiet_since = dates::stamp(self.clock.now() - Duration::days(QUIET_DAYS));
        let mut today = Today {
            entries: Vec::new(),
            own_reminders: Vec::new(),
            learning_reminders: Vec::new(),
            to_acknowledge: self.section(
                "c.closed_at IS NULL AND c.acknowledged_at IS NULL",
                "c.severity = 'urgent' DESC, c.received_at, c.id",
                None,
            )?,
            promises_due: self.section(
                "c.closed_at IS NULL AND c.fixed_at IS NULL AND c.promised_date <= :today",
                "c.promised_date, c.received_at",
                None,
            )?,
            to_follow_up: self.section(
                "c.closed_at IS NULL AND c.step = 'follow_up'",
                "c.fixed_at, c.id",
                None,
            )?,
            to_update: self.section(
                "c.closed_at IS NULL AND c.acknowledged_at IS NOT NULL AND c.step != 'follow_up'
                 AND coalesce(c.last_outgoing_at, c.received_at) < :quiet_since
                 AND NOT coalesce(c.fixed_at IS NULL AND c.promised_date <= :today, 0)",
                "coalesce(c.last_outgoing_at, c.received_at), c.id",
                Some(&quiet_since),
            )?,
        };
        let now = dates::stamp(self.clock.now());
        let due = format!("r.state = 'open' AND r.due_at <= ?1 AND NOT {REPLACED}");
        today.own_reminders = reminders::query(
            &self.conn,
            &format!(
                "{due} AND r.complaint_id IS NULL AND r.known_issue_id IS NULL
                 AND r.improvement_id IS NULL"
            ),
            &format!("{IN_ORDER} LIMIT {SECTION_SIZE}"),
            [&now],
        )?;
        today.learning_reminders = reminders::query(
            &self.conn,
            &format!("{due} AND (r.known_issue_id IS NOT NULL OR r.improvement_id IS NOT NULL)"),
            &format!("{IN_ORDER} LIMIT {SECTION_SIZE}"),
            [&now],
        )?;
        let (urgent, to_acknowledge): (Vec<&ComplaintSummary>, Vec<&ComplaintSummary>) = today
            .to_acknowledge
            .iter()
            .partition(|complaint| complaint.urgent);
        let mut candidates: Vec<(Why, ComplaintSummary)> = Vec::new();
        for (why, section) in [
            (Why::UrgentToAcknowledge, urgent),
            (Why::PromiseDue, today.promises_due.iter().collect()),
            (Why::ToAcknowledge, to_acknowledge),
            (Why::ToFollowUp, today.to_follow_up.iter().collect()),
            (Why::ToUpdate, today.to_update.iter().collect()),
        ] {
            candidates.extend(
                section
                    .into_iter()
                    .map(|complaint| (why, complaint.clone())),
            );
        }
        // Complaints with only a reminder due (the owner's own, a check-in),
        // the soonest due first; bounded like every section.
        let listed: HashSet<i64> = candidates
            .iter()
            .map(|(_, complaint)| complaint.id)
            .collect();
        let mut only_reminded: Vec<i64> = Vec::new();
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT r.complaint_id FROM reminders r JOIN complaints c ON c.id = r.complaint_id
             WHERE {due} AND c.deleted_at IS NULL
             ORDER BY r.due_at LIMIT ?2"
        ))?;
        let ids =
            statement.query_map(rusqlite::params![now, SECTION_SIZE * 6], |row| row.get(0))?;
        for id in ids {
            let id: i64 = id?;
            if !listed.contains(&id)
                && !only_reminded.contains(&id)
                && only_reminded.len() < SECTION_SIZE as usize
            {
                only_reminded.push(id);
            }
        }
        for id in only_reminded {
            candidates.push((Why::Reminder, self.complaint_summary(id)?));
        }
        let mut seen = HashSet::new();
        for (why, complaint) in candidates {
            if !seen.insert(complaint.id) {
                continue; // listed already, for a more pressing reason
            }
            let reminders: Vec<Reminder> = reminders::query(
                &self.conn,
                &format!("{due} AND r.complaint_id = ?2"),
                IN_ORDER,
                rusqlite::params![now, complaint.id],
            )?;
            today.entries.push(TodayEntry {
                step: why.step(&complaint, &reminders),
                complaint,
                why,
                reminders,
            });
        }
        Ok(today)
    }

    fn section(
        &self,
        filter: &str,
        order: &str,
        quiet_since: Option<&str>,
    ) -> Result<Vec<ComplaintSummary>> {
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} WHERE {filter} ORDER BY {order} LIMIT {SECTION_SIZE}"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let today = self.clock.today();
        let rows = match quiet_since {
            Some(since) => statement.query_map(
                rusqlite::named_params! { ":today": today, ":quiet_since": since },
                summary_from_row,
            )?,
            None => statement.query_map(
                rusqlite::named_params! { ":today": today },
                summary_from_row,
            )?,
        };
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests;
