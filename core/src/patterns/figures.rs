//! Every figure of Patterns, for the period and the one before it, from the
//! rows of each; each figure names the slice of complaints behind it.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use serde::Serialize;

use super::{median, percentile_90, BucketSize, Row, Slice, Span, Window};
use crate::kinds::Channel;

/// How many repeat customers are listed, the most frequent first.
pub const REPEAT_LISTED: usize = 20;

/// The names figures are labelled with.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub categories: HashMap<i64, String>,
    pub causes: HashMap<i64, String>,
    pub known_issues: HashMap<i64, String>,
    /// The label of each week or month of the period, and of each month.
    pub buckets: Vec<String>,
    pub months: Vec<String>,
}

/// One figure: its label, the complaints behind it, and its value in this
/// period and the one before (a count, or cents for costs).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Bar {
    pub label: String,
    pub slice: Slice,
    pub this: i64,
    pub previous: i64,
}

/// How long something took, in hours: middle and 90th percentile.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Durations {
    pub slice: Slice,
    pub count: i64,
    pub median_hours: Option<f64>,
    pub p90_hours: Option<f64>,
    pub previous_count: i64,
    pub previous_median_hours: Option<f64>,
    pub previous_p90_hours: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RepeatCustomer {
    pub customer_id: i64,
    pub name: String,
    /// Their complaints in the 12 months to the period's end.
    pub complaints: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Patterns {
    pub period: Span,
    pub previous_period: Span,
    pub by: BucketSize,
    pub total: Bar,
    pub over_time: Vec<Bar>,
    pub by_category: Vec<Bar>,
    pub by_channel: Vec<Bar>,
    pub by_visibility: Vec<Bar>,
    pub causes_by_count: Vec<Bar>,
    /// In cents.
    pub causes_by_cost: Vec<Bar>,
    pub known_issues: Vec<Bar>,
    pub acknowledge: Durations,
    pub resolve: Durations,
    /// Kept, then missed.
    pub promises: Vec<Bar>,
    /// Scores 1 to 5.
    pub satisfaction: Vec<Bar>,
    pub satisfaction_average: Option<f64>,
    pub previous_satisfaction_average: Option<f64>,
    pub reopened: Bar,
    /// The number of customers (not complaints).
    pub repeat_customers: Bar,
    /// The most frequent of them (`REPEAT_LISTED` at most).
    pub repeat_list: Vec<RepeatCustomer>,
    /// In cents.
    pub cost: Bar,
    /// By month.
    pub cost_over_time: Vec<Bar>,
    pub cost_by_category: Vec<Bar>,
}

/// A period and its rows (or some of them), in the order received.
pub struct Period<'a> {
    pub window: &'a Window,
    pub rows: Vec<&'a Row>,
}

impl<'a> Period<'a> {
    fn held(&self, slice: Slice) -> impl Iterator<Item = &'a Row> + '_ {
        self.rows
            .iter()
            .copied()
            .filter(move |row| self.window.holds(slice, row))
    }

    /// The rows received in the n-th of `runs` (its weeks or months): a run
    /// of them, as they are in the order received.
    fn in_run(&self, runs: &[(i64, i64)], index: usize) -> Period<'a> {
        let rows = match runs.get(index) {
            Some(&(from, to)) => {
                let first = self.rows.partition_point(|row| row.received_at < from);
                let end = self.rows.partition_point(|row| row.received_at < to);
                self.rows[first..end.max(first)].to_vec()
            }
            None => Vec::new(),
        };
        Period {
            window: self.window,
            rows,
        }
    }

    fn count(&self, slice: Slice) -> i64 {
        self.held(slice).count() as i64
    }

    fn cost(&self, slice: Slice) -> i64 {
        self.held(slice).map(|row| row.remedy_cents).sum()
    }

    fn hours(&self, slice: Slice, took: impl Fn(&Row) -> Option<f64>) -> Vec<f64> {
        let mut hours: Vec<f64> = self.held(slice).filter_map(took).collect();
        hours.sort_by(f64::total_cmp);
        hours
    }
}

fn bar(label: impl Into<String>, slice: Slice, this: i64, previous: i64) -> Bar {
    Bar {
        label: label.into(),
        slice,
        this,
        previous,
    }
}

/// One bar per key found in either period, the largest first; `value`
/// counts or sums, `slice` names the complaints behind a key. The rows are
/// sorted by key once, so each key reads only its own rows.
fn grouped<K: Ord + Copy>(
    this: &Period<'_>,
    previous: &Period<'_>,
    key: impl Fn(&Row) -> Option<K>,
    slice: impl Fn(K) -> Slice,
    label: impl Fn(K) -> String,
    value: impl Fn(&Period<'_>, Slice) -> i64,
) -> Vec<Bar> {
    let (now, before) = (by_key(this, &key), by_key(previous, &key));
    let keys: BTreeSet<K> = now.keys().chain(before.keys()).copied().collect();
    let of = |period: &Period<'_>, groups: &BTreeMap<K, Vec<&Row>>, k: K| {
        let rows = groups.get(&k).cloned().unwrap_or_default();
        value(
            &Period {
                window: period.window,
                rows,
            },
            slice(k),
        )
    };
    let mut bars: Vec<Bar> = keys
        .into_iter()
        .map(|k| {
            bar(
                label(k),
                slice(k),
                of(this, &now, k),
                of(previous, &before, k),
            )
        })
        .filter(|bar| bar.this != 0 || bar.previous != 0)
        .collect();
    bars.sort_by(|a, b| {
        (b.this, b.previous)
            .cmp(&(a.this, a.previous))
            .then_with(|| a.label.cmp(&b.label))
    });
    bars
}

fn by_key<'a, K: Ord>(
    period: &Period<'a>,
    key: &impl Fn(&Row) -> Option<K>,
) -> BTreeMap<K, Vec<&'a Row>> {
    let mut groups: BTreeMap<K, Vec<&'a Row>> = BTreeMap::new();
    for &row in &period.rows {
        if let Some(k) = key(row) {
            groups.entry(k).or_default().push(row);
        }
    }
    groups
}

fn name(names: &HashMap<i64, String>, id: Option<i64>, none: &str) -> String {
    id.and_then(|id| names.get(&id).cloned())
        .unwrap_or_else(|| none.to_owned())
}

fn durations(
    this: &Period<'_>,
    previous: &Period<'_>,
    slice: Slice,
    took: impl Fn(&Row) -> Option<f64> + Copy,
) -> Durations {
    let now = this.hours(slice, took);
    let before = previous.hours(slice, took);
    Durations {
        slice,
        count: now.len() as i64,
        median_hours: median(&now),
        p90_hours: percentile_90(&now),
        previous_count: before.len() as i64,
        previous_median_hours: median(&before),
        previous_p90_hours: percentile_90(&before),
    }
}

fn hours_between(from: i64, to: i64) -> f64 {
    (to - from) as f64 / 3600.0
}

fn average_satisfaction(period: &Period<'_>) -> Option<f64> {
    let scores: Vec<f64> = period
        .rows
        .iter()
        .filter_map(|row| row.satisfaction.map(f64::from))
        .collect();
    (!scores.is_empty()).then(|| scores.iter().sum::<f64>() / scores.len() as f64)
}

fn distinct_customers(period: &Period<'_>, slice: Slice) -> i64 {
    period
        .held(slice)
        .map(|row| row.customer_id)
        .collect::<BTreeSet<_>>()
        .len() as i64
}

/// Every figure of the period beside the one before it.
pub fn compute(this: &Period<'_>, previous: &Period<'_>, names: &Names) -> Patterns {
    let runs = |labels: &[String],
                runs: &dyn Fn(&Window) -> &[(i64, i64)],
                value: &dyn Fn(&Period<'_>, Slice) -> i64,
                slice: &dyn Fn(usize) -> Slice| {
        labels
            .iter()
            .enumerate()
            .map(|(index, label)| {
                bar(
                    label.clone(),
                    slice(index),
                    value(&this.in_run(runs(this.window), index), slice(index)),
                    value(&previous.in_run(runs(previous.window), index), slice(index)),
                )
            })
            .collect::<Vec<_>>()
    };
    let count = |period: &Period<'_>, slice: Slice| period.count(slice);
    let cost = |period: &Period<'_>, slice: Slice| period.cost(slice);
    let acknowledged = |row: &Row| {
        row.acknowledged_at
            .map(|at| hours_between(row.received_at, at))
    };
    let resolved = |row: &Row| row.closed_at.map(|at| hours_between(row.received_at, at));
    let mut repeat_list: Vec<RepeatCustomer> = this
        .held(Slice::RepeatCustomers)
        .map(|row| row.customer_id)
        .collect::<BTreeSet<_>>()
        .into_iter()
        .map(|customer_id| RepeatCustomer {
            customer_id,
            // Named by the store, for the few listed.
            name: String::new(),
            complaints: this
                .window
                .repeat_customers
                .get(&customer_id)
                .copied()
                .unwrap_or(0),
        })
        .collect();
    repeat_list.sort_by(|a, b| {
        b.complaints
            .cmp(&a.complaints)
            .then_with(|| a.customer_id.cmp(&b.customer_id))
    });
    repeat_list.truncate(REPEAT_LISTED);
    Patterns {
        period: this.window.span,
        previous_period: previous.window.span,
        by: this.window.span.by(),
        total: bar(
            "Complaints",
            Slice::All,
            this.count(Slice::All),
            previous.count(Slice::All),
        ),
        over_time: runs(
            &names.buckets,
            &|window| &window.buckets,
            &count,
            &|index| Slice::Bucket { index },
        ),
        by_category: grouped(
            this,
            previous,
            |row| Some(row.category_id),
            |id| Slice::Category { id },
            |id| name(&names.categories, id, "No category"),
            count,
        ),
        by_channel: grouped(
            this,
            previous,
            |row| Some(row.channel),
            |channel| Slice::Channel { channel },
            |channel: Channel| channel.label().to_owned(),
            count,
        ),
        by_visibility: [true, false]
            .into_iter()
            .map(|public| {
                let slice = Slice::Public { public };
                bar(
                    if public { "In public" } else { "In private" },
                    slice,
                    this.count(slice),
                    previous.count(slice),
                )
            })
            .collect(),
        causes_by_count: grouped(
            this,
            previous,
            |row| row.closed_at.map(|_| row.cause_id),
            |id| Slice::Cause { id },
            |id| name(&names.causes, id, "Not recorded"),
            count,
        ),
        causes_by_cost: grouped(
            this,
            previous,
            |row| row.closed_at.map(|_| row.cause_id),
            |id| Slice::CostCause { id },
            |id| name(&names.causes, id, "Not recorded"),
            cost,
        ),
        known_issues: grouped(
            this,
            previous,
            |row| row.known_issue_id,
            |id| Slice::KnownIssue { id },
            |id| name(&names.known_issues, Some(id), "A known issue"),
            count,
        ),
        acknowledge: durations(this, previous, Slice::Acknowledged, acknowledged),
        resolve: durations(this, previous, Slice::Resolved, resolved),
        promises: [
            (Slice::PromiseKept, "Kept"),
            (Slice::PromiseMissed, "Missed"),
        ]
        .into_iter()
        .map(|(slice, label)| bar(label, slice, this.count(slice), previous.count(slice)))
        .collect(),
        satisfaction: (1..=5)
            .map(|score| {
                let slice = Slice::Satisfaction { score };
                bar(
                    format!("{score} of 5"),
                    slice,
                    this.count(slice),
                    previous.count(slice),
                )
            })
            .collect(),
        satisfaction_average: average_satisfaction(this),
        previous_satisfaction_average: average_satisfaction(previous),
        reopened: bar(
            "Came back",
            Slice::Reopened,
            this.count(Slice::Reopened),
            previous.count(Slice::Reopened),
        ),
        repeat_customers: bar(
            "Customers who complained twice or more in 12 months",
            Slice::RepeatCustomers,
            distinct_customers(this, Slice::RepeatCustomers),
            distinct_customers(previous, Slice::RepeatCustomers),
        ),
        repeat_list,
        cost: bar(
            "Cost of remedies",
            Slice::Cost,
            this.cost(Slice::Cost),
            previous.cost(Slice::Cost),
        ),
        cost_over_time: runs(&names.months, &|window| &window.months, &cost, &|index| {
            Slice::CostMonth { index }
        }),
        cost_by_category: grouped(
            this,
            previous,
            |row| (row.remedy_cents > 0).then_some(row.category_id),
            |id| Slice::CostCategory { id },
            |id| name(&names.categories, id, "No category"),
            cost,
        ),
    }
}
