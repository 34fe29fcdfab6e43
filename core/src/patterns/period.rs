//! The period Patterns looks at, the one before it of the same length, and
//! its weeks or months, all as the owner's calendar days; their instants are
//! found through the clock, so a week that crosses a change of the clocks
//! is still Monday to Monday on the owner's wall.

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};

use crate::clock::Clock;
use crate::dates;
use crate::error::{Error, Problems, Result};

/// The period the owner chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum PeriodChoice {
    Last30Days,
    Last90Days,
    Last12Months,
    /// From one day to another, both included (YYYY-MM-DD).
    Between {
        from: String,
        to: String,
    },
}

/// Calendar days, both ends included.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Span {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// The longest period Patterns looks at.
const MAX_DAYS: i64 = 20 * 366;
/// Up to this many days, a period is shown by week; longer, by month.
const WEEKS_UP_TO_DAYS: i64 = 92;

impl Span {
    pub fn days(self) -> i64 {
        (self.to - self.from).num_days() + 1
    }

    /// The period of the same length just before this one.
    pub fn previous(self) -> Span {
        let to = self.from - Duration::days(1);
        Span {
            from: to - Duration::days(self.days() - 1),
            to,
        }
    }

    /// Its first moment and the first moment after it, on the owner's clock.
    pub fn instants(self, clock: &dyn Clock) -> (DateTime<Utc>, DateTime<Utc>) {
        (
            midnight(self.from, clock),
            midnight(self.to + Duration::days(1), clock),
        )
    }

    pub fn by(self) -> BucketSize {
        if self.days() <= WEEKS_UP_TO_DAYS {
            BucketSize::Week
        } else {
            BucketSize::Month
        }
    }

    /// Its weeks (Monday to Sunday) or months, cut to the period.
    pub fn buckets(self, by: BucketSize) -> Vec<Span> {
        let mut buckets = Vec::new();
        let mut from = self.from;
        while from <= self.to {
            let next = match by {
                BucketSize::Week => {
                    from + Duration::days(7 - i64::from(from.weekday().num_days_from_monday()))
                }
                BucketSize::Month => (from.with_day(1).unwrap_or(from)) + Months::new(1),
            };
            let to = (next - Duration::days(1)).min(self.to);
            buckets.push(Span { from, to });
            from = next;
        }
        buckets
    }
}

/// How the period is cut for "over time".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BucketSize {
    Week,
    Month,
}

fn midnight(day: NaiveDate, clock: &dyn Clock) -> DateTime<Utc> {
    clock.instant_of(day.and_time(NaiveTime::MIN))
}

/// The days the owner's choice covers, seen from `today`.
pub fn span_of(choice: &PeriodChoice, today: NaiveDate) -> Result<Span> {
    let back = |days: i64| Span {
        from: today - Duration::days(days - 1),
        to: today,
    };
    Ok(match choice {
        PeriodChoice::Last30Days => back(30),
        PeriodChoice::Last90Days => back(90),
        PeriodChoice::Last12Months => Span {
            from: today
                .checked_sub_months(Months::new(12))
                .map_or(today, |day| day + Duration::days(1)),
            to: today,
        },
        PeriodChoice::Between { from, to } => {
            let mut problems = Problems::default();
            let from = problems.check("from", dates::day(from, "first day"));
            let to = problems.check("to", dates::day(to, "last day"));
            problems.finish()?;
            let (Some(from), Some(to)) = (from, to) else {
                return Err(Error::InvalidInput("Please choose both days.".into()));
            };
            if from > to {
                return Err(Error::Fields(vec![crate::error::FieldProblem {
                    field: "to".into(),
                    message: "The last day is before the first; please swap them.".into(),
                }]));
            }
            let span = Span { from, to };
            if span.days() > MAX_DAYS {
                return Err(Error::Fields(vec![crate::error::FieldProblem {
                    field: "from".into(),
                    message: "Please choose a period of 20 years or less.".into(),
                }]));
            }
            span
        }
    })
}
