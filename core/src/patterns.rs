//! Patterns: what keeps going wrong, for a period beside the one before it.
//! Every figure is computed here from one row per complaint received in the
//! period (the store reads them), and every figure names its `Slice`: the
//! test a complaint passes to be behind it, which is also how the
//! Complaints list shows exactly those. Pure: no SQL, no clock.

pub mod figures;
pub mod period;

use std::collections::HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::kinds::Channel;
pub use period::{BucketSize, PeriodChoice, Span};

/// One complaint as Patterns reads it. Moments are Unix seconds: a year of
/// complaints is read many times faster than as parsed dates.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: i64,
    pub received_at: i64,
    pub channel: Channel,
    pub is_public: bool,
    pub category_id: Option<i64>,
    pub cause_id: Option<i64>,
    pub known_issue_id: Option<i64>,
    pub customer_id: i64,
    pub acknowledged_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub promised_date: Option<NaiveDate>,
    /// When it was first fixed, and that day on the owner's calendar.
    pub fixed_at: Option<i64>,
    pub fixed_day: Option<NaiveDate>,
    /// The latest satisfaction at a follow-up, 1 to 5.
    pub satisfaction: Option<u8>,
    pub remedy_cents: i64,
    /// Unhappy at a follow-up, or reopened after closing.
    pub reopened: bool,
}

/// Which complaints of the period a figure counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Slice {
    All,
    /// Received in the n-th week or month of the period.
    Bucket {
        index: usize,
    },
    Category {
        id: Option<i64>,
    },
    Channel {
        channel: Channel,
    },
    Public {
        public: bool,
    },
    /// Closed with this cause (none: closed with no cause recorded).
    Cause {
        id: Option<i64>,
    },
    KnownIssue {
        id: i64,
    },
    Acknowledged,
    Resolved,
    PromiseKept,
    PromiseMissed,
    Satisfaction {
        score: u8,
    },
    Reopened,
    /// From a customer with two or more complaints in the 12 months to the
    /// period's end.
    RepeatCustomers,
    /// With a remedy that cost something: all, in the n-th month, of a
    /// category, of a cause.
    Cost,
    CostMonth {
        index: usize,
    },
    CostCategory {
        id: Option<i64>,
    },
    CostCause {
        id: Option<i64>,
    },
}

/// What a period is, for deciding which of its complaints a slice holds.
#[derive(Debug, Clone)]
pub struct Window {
    pub span: Span,
    /// Its first moment, and the first moment after it (Unix seconds).
    pub start: i64,
    pub end: i64,
    /// The period's weeks or months, as Unix seconds: [start, end).
    pub buckets: Vec<(i64, i64)>,
    /// Its months (costs are shown by month), as Unix seconds.
    pub months: Vec<(i64, i64)>,
    /// The owner's day today: a promise not kept is missed once its day is
    /// over, within the period.
    pub today: NaiveDate,
    /// Customers with two or more complaints in the 12 months to `end`,
    /// with how many.
    pub repeat_customers: HashMap<i64, i64>,
}

/// Kept, missed, or neither yet (no promise, or its day has not passed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Promise {
    Kept,
    Missed,
}

impl Window {
    fn in_run(runs: &[(i64, i64)], index: usize, at: i64) -> bool {
        runs.get(index)
            .is_some_and(|(from, to)| *from <= at && at < *to)
    }

    /// Whether the complaint's promise was kept: fixed on or before its day.
    /// One not fixed by the end of the period is missed once its day is over.
    pub fn promise(&self, row: &Row) -> Option<Promise> {
        let promised = row.promised_date?;
        match (row.fixed_at, row.fixed_day) {
            (Some(at), Some(day)) if at < self.end => Some(if day <= promised {
                Promise::Kept
            } else {
                Promise::Missed
            }),
            _ => {
                let over_by = self.today.min(self.span.to + chrono::Duration::days(1));
                (promised < over_by).then_some(Promise::Missed)
            }
        }
    }

    /// Whether `row` is behind a figure that counts `slice`.
    pub fn holds(&self, slice: Slice, row: &Row) -> bool {
        let closed = row.closed_at.is_some_and(|at| at < self.end);
        let cost = row.remedy_cents > 0;
        match slice {
            Slice::All => true,
            Slice::Bucket { index } => Window::in_run(&self.buckets, index, row.received_at),
            Slice::Category { id } => row.category_id == id,
            Slice::Channel { channel } => row.channel == channel,
            Slice::Public { public } => row.is_public == public,
            Slice::Cause { id } => closed && row.cause_id == id,
            Slice::KnownIssue { id } => row.known_issue_id == Some(id),
            Slice::Acknowledged => row.acknowledged_at.is_some_and(|at| at < self.end),
            Slice::Resolved => closed,
            Slice::PromiseKept => self.promise(row) == Some(Promise::Kept),
            Slice::PromiseMissed => self.promise(row) == Some(Promise::Missed),
            Slice::Satisfaction { score } => row.satisfaction == Some(score),
            Slice::Reopened => row.reopened,
            Slice::RepeatCustomers => self.repeat_customers.contains_key(&row.customer_id),
            Slice::Cost => cost,
            Slice::CostMonth { index } => {
                cost && Window::in_run(&self.months, index, row.received_at)
            }
            Slice::CostCategory { id } => cost && row.category_id == id,
            Slice::CostCause { id } => cost && closed && row.cause_id == id,
        }
    }
}

/// The middle value: the mean of the two middle ones when there is an even
/// number. `sorted` must be in order.
pub fn median(sorted: &[f64]) -> Option<f64> {
    let n = sorted.len();
    match n {
        0 => None,
        _ if n % 2 == 1 => Some(sorted[n / 2]),
        _ => Some((sorted[n / 2 - 1] + sorted[n / 2]) / 2.0),
    }
}

/// The value 90 in 100 are at or below (nearest rank). `sorted` must be in order.
pub fn percentile_90(sorted: &[f64]) -> Option<f64> {
    if sorted.is_empty() {
        return None;
    }
    let rank = (sorted.len() * 9).div_ceil(10);
    Some(sorted[rank.max(1) - 1])
}

#[cfg(test)]
mod tests;
