//! Patterns over the data: the rows of a period (one per complaint received
//! in it, deleted ones left out), the names to label figures with, the
//! complaints behind a figure for the Complaints list, and the figures as a
//! CSV for a spreadsheet.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Duration, Months, NaiveTime};
use rusqlite::params;
use serde::Deserialize;

use super::saving::{write_whole, Spreadsheet};
use super::Store;
use crate::dates;
use crate::error::Result;
use crate::patterns::figures::{self, Bar, Names, Patterns, Period};
use crate::patterns::period::span_of;
use crate::patterns::{BucketSize, PeriodChoice, Row, Slice, Span, Window};

/// "The complaints behind this figure", as the Complaints list asks for them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Behind {
    pub period: PeriodChoice,
    pub slice: Slice,
}

const ROW_COLUMNS: &str = "id, unixepoch(received_at), channel, is_public, category_id, cause_id,
     known_issue_id, customer_id, unixepoch(acknowledged_at), unixepoch(closed_at), unixepoch(promised_date),
     unixepoch(first_fixed_at), satisfaction, remedy_cents, reopened";

impl Store {
    /// Every figure of the chosen period, beside the period before it.
    pub fn patterns(&self, choice: &PeriodChoice) -> Result<Patterns> {
        let span = span_of(choice, self.clock.today())?;
        let previous_span = span.previous();
        let mut this = self.window(span, span, HashMap::new());
        let mut previous = self.window(previous_span, span, HashMap::new());
        // One read for both periods, split where this one starts.
        let mut previous_rows = self.rows_between(previous_span.from, span)?;
        let split = previous_rows.partition_point(|row| row.received_at < this.start);
        let this_rows = previous_rows.split_off(split);
        [this.repeat_customers, previous.repeat_customers] = self.repeat_customers(
            [span, previous_span],
            Some((previous.start, &previous_rows, &this_rows)),
        )?;
        let mut patterns = figures::compute(
            &Period {
                window: &this,
                rows: this_rows.iter().collect(),
            },
            &Period {
                window: &previous,
                rows: previous_rows.iter().collect(),
            },
            &Names {
                buckets: labels(span, span.by()),
                months: labels(span, BucketSize::Month),
                ..self.names()?
            },
        );
        self.name_repeat_customers(&mut patterns)?;
        Ok(patterns)
    }

    /// The complaints behind one figure of this period, the newest first.
    pub fn complaints_behind(&self, behind: &Behind) -> Result<Vec<i64>> {
        let span = span_of(&behind.period, self.clock.today())?;
        let repeat = if behind.slice == Slice::RepeatCustomers {
            let [repeat, _] = self.repeat_customers([span, span], None)?;
            repeat
        } else {
            HashMap::new()
        };
        let window = self.window(span, span, repeat);
        let rows = self.rows_between(span.from, span)?;
        let mut ids: Vec<(i64, i64)> = rows
            .iter()
            .filter(|row| window.holds(behind.slice, row))
            .map(|row| (row.received_at, row.id))
            .collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        Ok(ids.into_iter().map(|(_, id)| id).collect())
    }

    /// A period's moments, weeks or months, and repeat customers.
    /// Its weeks and months are those of `shown` (the period on screen),
    /// moved back to it, so that the period before is cut the same way,
    /// fully, and each of its runs sits beside the one it stands for.
    fn window(&self, span: Span, shown: Span, repeat_customers: HashMap<i64, i64>) -> Window {
        let clock = self.clock.as_ref();
        let (start, end) = span.instants(clock);
        let back = shown.from - span.from;
        let runs = |by: BucketSize| {
            shown
                .buckets(by)
                .into_iter()
                .map(|bucket| {
                    let moved = Span {
                        from: bucket.from - back,
                        to: bucket.to - back,
                    };
                    let (from, to) = moved.instants(clock);
                    (from.timestamp(), to.timestamp())
                })
                .collect()
        };
        Window {
            span,
            start: start.timestamp(),
            end: end.timestamp(),
            buckets: runs(shown.by()),
            months: runs(BucketSize::Month),
            today: clock.today(),
            repeat_customers,
        }
    }

    /// The complaints received from the day `from` to the end of `span`,
    /// the earliest first, read from the index kept for Patterns.
    fn rows_between(&self, from: chrono::NaiveDate, span: Span) -> Result<Vec<Row>> {
        let clock = self.clock.as_ref();
        let (_, end) = span.instants(clock);
        let start = clock.instant_of(from.and_time(NaiveTime::MIN));
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {ROW_COLUMNS} FROM complaints INDEXED BY complaints_for_patterns
             WHERE deleted_at IS NULL AND received_at >= ?1 AND received_at < ?2
             ORDER BY received_at"
        ))?;
        let rows = statement.query_map(params![dates::stamp(start), dates::stamp(end)], |row| {
            let fixed_at: Option<i64> = row.get(11)?;
            // A day, read as its midnight in Unix seconds: far quicker than as text.
            let promised_date = row
                .get::<_, Option<i64>>(10)?
                .and_then(|midnight| chrono::DateTime::from_timestamp(midnight, 0))
                .map(|midnight| midnight.date_naive());
            // The day it was fixed, on the owner's calendar, is read only
            // where a promise needs it.
            let fixed_day = match (fixed_at, promised_date) {
                (Some(at), Some(_)) => {
                    chrono::DateTime::from_timestamp(at, 0).map(|at| clock.local(at).date())
                }
                _ => None,
            };
            Ok(Row {
                id: row.get(0)?,
                received_at: row.get(1)?,
                channel: row.get(2)?,
                is_public: row.get(3)?,
                category_id: row.get(4)?,
                cause_id: row.get(5)?,
                known_issue_id: row.get(6)?,
                customer_id: row.get(7)?,
                acknowledged_at: row.get(8)?,
                closed_at: row.get(9)?,
                promised_date,
                fixed_day,
                fixed_at,
                satisfaction: row.get(12)?,
                remedy_cents: row.get(13)?,
                reopened: row.get(14)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<Vec<Row>>>()?)
    }

    /// For each period: the customers with two or more complaints in the 12
    /// months to its end, with how many. Counted from `loaded` (the rows
    /// read already, from the moment it names) when they cover both years,
    /// as they do for a period of 12 months; otherwise one read covers both.
    fn repeat_customers(
        &self,
        spans: [Span; 2],
        loaded: Option<(i64, &[Row], &[Row])>,
    ) -> Result<[HashMap<i64, i64>; 2]> {
        let clock = self.clock.as_ref();
        let year = |span: Span| {
            let from = span
                .to
                .checked_sub_months(Months::new(12))
                .map_or(span.to, |day| day + Duration::days(1));
            let (_, end) = span.instants(clock);
            (
                clock.instant_of(from.and_time(NaiveTime::MIN)).timestamp(),
                end.timestamp(),
            )
        };
        let years = spans.map(year);
        let earliest = years.iter().map(|(from, _)| *from).min().unwrap_or(0);
        let latest = years.iter().map(|(_, to)| *to).max().unwrap_or(0);
        let mut statement = self.conn.prepare_cached(
            "SELECT customer_id, unixepoch(received_at) FROM complaints INDEXED BY complaints_for_patterns
             WHERE deleted_at IS NULL AND received_at >= ?1 AND received_at < ?2",
        )?;
        let stamp = |seconds: i64| {
            dates::stamp(chrono::DateTime::from_timestamp(seconds, 0).unwrap_or_default())
        };
        let mut counts = [HashMap::new(), HashMap::new()];
        let mut add = |customer: i64, at: i64| {
            for (count, (from, to)) in counts.iter_mut().zip(years) {
                if from <= at && at < to {
                    *count.entry(customer).or_insert(0) += 1;
                }
            }
        };
        match loaded.filter(|(from, _, _)| *from <= earliest) {
            Some((_, before, now)) => {
                for row in before.iter().chain(now) {
                    add(row.customer_id, row.received_at);
                }
            }
            None => {
                let rows = statement.query_map(params![stamp(earliest), stamp(latest)], |row| {
                    Ok((row.get::<_, i64>(0)?, row.get::<_, i64>(1)?))
                })?;
                for row in rows {
                    let (customer, at) = row?;
                    add(customer, at);
                }
            }
        }
        Ok(counts.map(|mut count: HashMap<i64, i64>| {
            count.retain(|_, complaints| *complaints >= 2);
            count
        }))
    }

    /// The names of the owner's lists and known issues.
    fn names(&self) -> Result<Names> {
        let map = |sql: &str| -> Result<HashMap<i64, String>> {
            let mut statement = self.conn.prepare_cached(sql)?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        Ok(Names {
            categories: map("SELECT id, name FROM categories")?,
            causes: map("SELECT id, name FROM causes")?,
            known_issues: map("SELECT id, title FROM known_issues")?,
            buckets: Vec::new(),
            months: Vec::new(),
        })
    }

    /// The names of the repeat customers Patterns lists.
    fn name_repeat_customers(&self, patterns: &mut Patterns) -> Result<()> {
        let mut statement = self
            .conn
            .prepare_cached("SELECT name FROM customers WHERE id = ?1")?;
        for customer in &mut patterns.repeat_list {
            customer.name = statement.query_row([customer.customer_id], |row| row.get(0))?;
        }
        Ok(())
    }

    /// Writes every figure of the period as a CSV (figure, what, this
    /// period, the period before), whole or not at all (see `saving`).
    pub fn export_patterns_csv(&self, choice: &PeriodChoice, target: &Path) -> Result<usize> {
        let patterns = self.patterns(choice)?;
        let rows = csv_rows(&patterns);
        write_whole(target, |partial| {
            let mut sheet = Spreadsheet::create(partial, target)?;
            let this = format!("{} to {}", patterns.period.from, patterns.period.to);
            let before = format!(
                "{} to {}",
                patterns.previous_period.from, patterns.previous_period.to
            );
            sheet.row(["Figure", "What", this.as_str(), before.as_str()])?;
            for row in &rows {
                sheet.row(row)?;
            }
            sheet.finish()?;
            Ok(rows.len())
        })
    }
}

/// The label of each week ("Week of 23 Nov 2026") or month ("Nov 2026").
fn labels(span: Span, by: BucketSize) -> Vec<String> {
    span.buckets(by)
        .into_iter()
        .map(|bucket| match by {
            BucketSize::Week => format!("Week of {}", bucket.from.format("%-d %b %Y")),
            BucketSize::Month => bucket.from.format("%b %Y").to_string(),
        })
        .collect()
}

/// The figures as spreadsheet rows: counts as numbers, money as amounts,
/// times in hours. A cell that starts like a formula is kept as text.
pub fn csv_rows(patterns: &Patterns) -> Vec<[String; 4]> {
    let mut rows = Vec::new();
    let safe = |text: &str| {
        if text.starts_with(['=', '+', '-', '@']) {
            format!("'{text}")
        } else {
            text.to_owned()
        }
    };
    let mut bars = |figure: &str, bars: &[Bar], money: bool| {
        for bar in bars {
            let value = |value: i64| {
                if money {
                    format!("{}.{:02}", value / 100, value % 100)
                } else {
                    value.to_string()
                }
            };
            rows.push([
                figure.to_owned(),
                safe(&bar.label),
                value(bar.this),
                value(bar.previous),
            ]);
        }
    };
    bars("Complaints", std::slice::from_ref(&patterns.total), false);
    bars("Complaints over time", &patterns.over_time, false);
    bars("By category", &patterns.by_category, false);
    bars("By channel", &patterns.by_channel, false);
    bars("Public or private", &patterns.by_visibility, false);
    bars(
        "Causes by number of complaints",
        &patterns.causes_by_count,
        false,
    );
    bars("Causes by cost of remedies", &patterns.causes_by_cost, true);
    bars(
        "Known issues by number of complaints",
        &patterns.known_issues,
        false,
    );
    bars("Promises", &patterns.promises, false);
    bars("Satisfaction at follow-up", &patterns.satisfaction, false);
    bars("Came back", std::slice::from_ref(&patterns.reopened), false);
    bars(
        "Repeat customers",
        std::slice::from_ref(&patterns.repeat_customers),
        false,
    );
    bars(
        "Cost of remedies",
        std::slice::from_ref(&patterns.cost),
        true,
    );
    bars("Cost of remedies by month", &patterns.cost_over_time, true);
    bars(
        "Cost of remedies by category",
        &patterns.cost_by_category,
        true,
    );
    let hours = |value: Option<f64>| value.map_or_else(String::new, |hours| format!("{hours:.1}"));
    for (figure, durations) in [
        ("Hours to acknowledge", &patterns.acknowledge),
        ("Hours to resolve", &patterns.resolve),
    ] {
        rows.push([
            figure.into(),
            "Median".into(),
            hours(durations.median_hours),
            hours(durations.previous_median_hours),
        ]);
        rows.push([
            figure.into(),
            "90th percentile".into(),
            hours(durations.p90_hours),
            hours(durations.previous_p90_hours),
        ]);
    }
    let average =
        |value: Option<f64>| value.map_or_else(String::new, |average| format!("{average:.2}"));
    rows.push([
        "Satisfaction at follow-up".into(),
        "Average".into(),
        average(patterns.satisfaction_average),
        average(patterns.previous_satisfaction_average),
    ]);
    rows
}

#[cfg(test)]
mod tests;
