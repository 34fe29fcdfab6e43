//! Today: what needs the owner now, each entry with the step to open.

use chrono::Duration;
use serde::Serialize;

use super::rows::{summary_from_row, ComplaintSummary, SUMMARY_COLUMNS, SUMMARY_FROM};
use super::Store;
use crate::dates;
use crate::error::Result;

/// An open complaint whose customer heard nothing for this long needs an update.
pub const QUIET_DAYS: i64 = 3;
/// Each section of Today shows at most this many; the list has the rest.
const SECTION_SIZE: u32 = 50;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Today {
    /// Not yet acknowledged: urgent ones first, then the oldest.
    pub to_acknowledge: Vec<ComplaintSummary>,
    /// Promised for today or earlier, and not fixed yet.
    pub promises_due: Vec<ComplaintSummary>,
    /// Fixed, waiting for the follow-up.
    pub to_follow_up: Vec<ComplaintSummary>,
    /// Acknowledged, but nothing was sent to the customer for `QUIET_DAYS`.
    pub to_update: Vec<ComplaintSummary>,
}

impl Store {
    pub fn today(&self) -> Result<Today> {
        let quiet_since = dates::stamp(self.clock.now() - Duration::days(QUIET_DAYS));
        Ok(Today {
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
        })
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
