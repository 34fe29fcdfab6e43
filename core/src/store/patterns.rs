//! Patterns over the data: the rows of a period (one per complaint received
//! in it, deleted ones left out), the names to label figures with, the
//! complaints behind a figure for the Complaints list, and the figures as a
//! CSV for a spreadsheet.

use std::collections::HashMap;
use std::path::Path;

use chrono::{Duration, Months, NaiveTime};
use rusqlite::params;
use serde::Deserialize;

use super::Store;
use crate::dates;
use crate::error::{Error, Result};
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

const ROW_COLUMNS: &str = "id, received_at, channel, is_public, category_id, cause_id,
     known_issue_id, customer_id, acknowledged_at, closed_at, promised_date, first_fixed_at,
     satisfaction, remedy_cents, reopened";

impl Store {
    /// Every figure of the chosen period, beside the period before it.
    pub fn patterns(&self, choice: &PeriodChoice) -> Result<Patterns> {
        let span = span_of(choice, self.clock.today())?;
        let (this, this_rows) = self.period_rows(span)?;
        let (previous, previous_rows) = self.period_rows(span.previous())?;
        let mut names = self.names(&this.repeat_customers)?;
        names.buckets = bucket_labels(span);
        Ok(figures::compute(
            &Period {
                window: &this,
                rows: &this_rows,
            },
            &Period {
                window: &previous,
                rows: &previous_rows,
            },
            &names,
        ))
    }

    /// The complaints behind one figure of this period, the newest first.
    pub fn complaints_behind(&self, behind: &Behind) -> Result<Vec<i64>> {
        let span = span_of(&behind.period, self.clock.today())?;
        let (window, rows) = self.period_rows(span)?;
        let mut ids: Vec<(chrono::DateTime<chrono::Utc>, i64)> = rows
            .iter()
            .filter(|row| window.holds(behind.slice, row))
            .map(|row| (row.received_at, row.id))
            .collect();
        ids.sort_unstable_by(|a, b| b.cmp(a));
        Ok(ids.into_iter().map(|(_, id)| id).collect())
    }

    /// The period's window and its complaints.
    fn period_rows(&self, span: Span) -> Result<(Window, Vec<Row>)> {
        let clock = self.clock.as_ref();
        let (start, end) = span.instants(clock);
        let buckets = span
            .buckets(span.by())
            .into_iter()
            .map(|bucket| bucket.instants(clock))
            .collect();
        let year_before = span
            .to
            .checked_sub_months(Months::new(12))
            .map_or(span.to, |day| day + Duration::days(1));
        let year_start = clock.instant_of(year_before.and_time(NaiveTime::MIN));
        let mut statement = self.conn.prepare_cached(
            "SELECT customer_id, count(*) FROM complaints
             WHERE deleted_at IS NULL AND received_at >= ?1 AND received_at < ?2
             GROUP BY customer_id HAVING count(*) >= 2",
        )?;
        let repeat_customers = statement
            .query_map(
                params![dates::stamp(year_start), dates::stamp(end)],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?
            .collect::<rusqlite::Result<HashMap<i64, i64>>>()?;
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {ROW_COLUMNS} FROM complaints
             WHERE deleted_at IS NULL AND received_at >= ?1 AND received_at < ?2"
        ))?;
        let rows = statement.query_map(params![dates::stamp(start), dates::stamp(end)], |row| {
            let fixed_at: Option<chrono::DateTime<chrono::Utc>> = row.get(11)?;
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
                promised_date: row.get(10)?,
                fixed_day: fixed_at.map(|at| clock.local(at).date()),
                fixed_at,
                satisfaction: row.get(12)?,
                remedy_cents: row.get(13)?,
                reopened: row.get(14)?,
            })
        })?;
        let rows = rows.collect::<rusqlite::Result<Vec<Row>>>()?;
        Ok((
            Window {
                span,
                start,
                end,
                buckets,
                today: clock.today(),
                repeat_customers,
            },
            rows,
        ))
    }

    /// The names of the owner's lists, known issues, and the repeat customers.
    fn names(&self, repeat_customers: &HashMap<i64, i64>) -> Result<Names> {
        let map = |sql: &str| -> Result<HashMap<i64, String>> {
            let mut statement = self.conn.prepare_cached(sql)?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        };
        let mut customers = HashMap::new();
        let mut statement = self
            .conn
            .prepare_cached("SELECT name FROM customers WHERE id = ?1")?;
        for &id in repeat_customers.keys() {
            customers.insert(id, statement.query_row([id], |row| row.get(0))?);
        }
        Ok(Names {
            categories: map("SELECT id, name FROM categories")?,
            causes: map("SELECT id, name FROM causes")?,
            known_issues: map("SELECT id, title FROM known_issues")?,
            customers,
            buckets: Vec::new(),
        })
    }

    /// Writes every figure of the period as a CSV (figure, what, this
    /// period, the period before), beside `target` and then renamed.
    pub fn export_patterns_csv(&self, choice: &PeriodChoice, target: &Path) -> Result<usize> {
        let patterns = self.patterns(choice)?;
        let rows = csv_rows(&patterns);
        let partial = target.with_extension("partial");
        let to_error = |error: csv::Error| {
            Error::InvalidInput(format!("Mend could not write the spreadsheet ({error})."))
        };
        let folder_error = |path: &Path| {
            let path = path.to_owned();
            move |source| Error::Folder { path, source }
        };
        let mut file = std::fs::File::create(&partial).map_err(folder_error(&partial))?;
        std::io::Write::write_all(&mut file, "\u{feff}".as_bytes())
            .map_err(folder_error(&partial))?;
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(file);
        let this = format!("{} to {}", patterns.period.from, patterns.period.to);
        let before = format!(
            "{} to {}",
            patterns.previous_period.from, patterns.previous_period.to
        );
        writer
            .write_record(["Figure", "What", this.as_str(), before.as_str()])
            .map_err(to_error)?;
        for row in &rows {
            writer.write_record(row).map_err(to_error)?;
        }
        writer.flush().map_err(folder_error(&partial))?;
        drop(writer);
        std::fs::rename(&partial, target).map_err(folder_error(target))?;
        Ok(rows.len())
    }
}

/// The label of each week ("Week of 23 Nov") or month ("Nov 2026").
fn bucket_labels(span: Span) -> Vec<String> {
    let by = span.by();
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
    bars("Cost of remedies over time", &patterns.cost_over_time, true);
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
