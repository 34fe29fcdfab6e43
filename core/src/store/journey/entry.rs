//! A step entry checked against the rules of its step, and what it adds to
//! the timeline and the history.

use chrono::{DateTime, NaiveDate, Utc};

use super::super::rows::MAX_LONG_TEXT_CHARS;
use super::StepEntry;
use crate::clock::Clock;
use crate::dates;
use crate::error::{Error, Problems, Result};
use crate::journey::Step;
use crate::kinds::{Channel, Direction, Remedy};
use crate::text;

/// A step entry checked against the rules of its step.
pub(super) struct Validated {
    pub(super) done_at: DateTime<Utc>,
    pub(super) channel: Option<Channel>,
    pub(super) text: String,
    pub(super) promised_date: Option<NaiveDate>,
    pub(super) remedy: Option<Remedy>,
    pub(super) cost_cents: Option<i64>,
    pub(super) satisfaction: Option<u8>,
    pub(super) satisfied: Option<bool>,
}

impl Validated {
    /// Checks every field of `entry` for `step`, and says all that is wrong
    /// at once. A step may be written down after the fact (`done_at` in the
    /// past): a promise then counts from the day it was made, not today.
    pub(super) fn new(
        step: Step,
        entry: &StepEntry,
        clock: &dyn Clock,
        received_at: DateTime<Utc>,
    ) -> Result<Validated> {
        let now = clock.now();
        let mut problems = Problems::default();
        let mut done_at = problems
            .check(
                "doneAt",
                dates::past_instant(entry.done_at.as_deref(), "time it was done", now),
            )
            .unwrap_or(now);
        let typed = entry
            .done_at
            .as_deref()
            .is_some_and(|at| !at.trim().is_empty());
        if done_at < received_at && typed {
            problems.add(
                "doneAt",
                "That time is before the complaint was received; please check it.",
            );
        } else if done_at < received_at {
            // Done now, but received "later": on another computer whose
            // clock runs ahead of this one. Not before it was received.
            done_at = received_at;
        }
        let what = match step {
            Step::Acknowledge => "what you said",
            Step::Apologize => "your apology",
            Step::Assure => "the plan",
            Step::Fix => "what was done",
            _ => "the customer's words",
        };
        let text = problems
            .check(
                "text",
                text::long(
                    &entry.text,
                    what,
                    MAX_LONG_TEXT_CHARS,
                    step != Step::FollowUp,
                ),
            )
            .unwrap_or_default();
        let mut record = Validated {
            done_at,
            channel: entry.channel,
            text,
            promised_date: None,
            remedy: None,
            cost_cents: None,
            satisfaction: None,
            satisfied: None,
        };
        match step {
            Step::Assure => {
                let made_on = clock.local(done_at).date();
                record.promised_date = problems.check(
                    "promisedDate",
                    dates::day(
                        entry.promised_date.as_deref().unwrap_or(""),
                        "promised date",
                    )
                    .and_then(|day| dates::not_before(day, made_on, "promised date")),
                );
            }
            Step::Fix => {
                record.remedy = entry.remedy;
                if entry.remedy.is_none() {
                    problems.add(
                        "remedy",
                        "Please choose the remedy: refund, replacement, redo, discount, explanation or other.",
                    );
                }
                record.cost_cents = problems
                    .check("cost", cost_cents(entry.cost.as_deref().unwrap_or("")))
                    .flatten();
            }
            Step::FollowUp => {
                record.satisfaction = match entry.satisfaction {
                    Some(score @ 1..=5) => Some(score),
                    _ => {
                        problems.add(
                            "satisfaction",
                            "Please choose how satisfied the customer is, from 1 to 5.",
                        );
                        None
                    }
                };
                record.satisfied = entry.satisfied;
                if entry.satisfied.is_none() {
                    problems.add(
                        "satisfied",
                        "Please say whether the customer is satisfied now.",
                    );
                }
            }
            _ => {}
        }
        problems.finish()?;
        Ok(record)
    }

    /// What this step adds to the timeline.
    pub(super) fn timeline_entry(&self, step: Step) -> (Direction, String) {
        match step {
            Step::Fix => (Direction::Note, format!("Fix: {}", self.text)),
            Step::FollowUp if !self.text.is_empty() => (Direction::Incoming, self.text.clone()),
            Step::FollowUp => (Direction::Outgoing, "Followed up with the customer.".into()),
            _ => (Direction::Outgoing, self.text.clone()),
        }
    }

    pub(super) fn history_line(&self, step: Step) -> String {
        match step {
            Step::Assure => format!(
                "Recorded Assure: promised by {}",
                self.promised_date
                    .map(|day| day.to_string())
                    .unwrap_or_default()
            ),
            Step::Fix => format!(
                "Recorded Fix: {}",
                self.remedy
                    .map(|remedy| remedy.label().to_lowercase())
                    .unwrap_or_default()
            ),
            Step::FollowUp if self.satisfied == Some(false) => format!(
                "Recorded Follow up: not satisfied ({}/5); back to Assure for a new plan",
                self.satisfaction.unwrap_or(0)
            ),
            Step::FollowUp => format!(
                "Recorded Follow up: satisfied ({}/5)",
                self.satisfaction.unwrap_or(0)
            ),
            _ => format!("Recorded {}", step.title()),
        }
    }
}

/// "12.50", "12,50" or "12" as cents; empty means no cost.
pub(crate) fn cost_cents(typed: &str) -> Result<Option<i64>> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Ok(None);
    }
    let refuse = || {
        Error::InvalidInput(format!(
            "\"{typed}\" is not an amount; write it like 12.50."
        ))
    };
    let normal = typed.replace(',', ".");
    let (units, fraction) = normal.split_once('.').unwrap_or((&normal, ""));
    if units.is_empty() && fraction.is_empty() || fraction.len() > 2 {
        return Err(refuse());
    }
    if !units
        .chars()
        .chain(fraction.chars())
        .all(|c| c.is_ascii_digit())
    {
        return Err(refuse());
    }
    let units: i64 = if units.is_empty() {
        0
    } else {
        units.parse().map_err(|_| refuse())?
    };
    let fraction: i64 = format!("{fraction:0<2}").parse().map_err(|_| refuse())?;
    units
        .checked_mul(100)
        .and_then(|cents| cents.checked_add(fraction))
        .map(Some)
        .ok_or_else(refuse)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn costs_are_read_as_cents() {
        for (typed, cents) in [
            ("12", Some(1200)),
            ("12.50", Some(1250)),
            ("0,99", Some(99)),
            (".5", Some(50)),
            ("", None),
        ] {
            assert_eq!(cost_cents(typed).unwrap(), cents, "{typed}");
        }
        for bad in ["-3", "1.234", "1e3", ".", "99999999999999999999"] {
            let err = cost_cents(bad).unwrap_err();
            assert!(
                err.to_string()
                    .contains(&format!("\"{bad}\" is not an amount")),
                "{bad}: {err}"
            );
        }
    }
}
