//! How quickly the complaints list, its search, Today and Patterns answer
//! over a big history: 100,000 synthetic complaints and 500,000 timeline
//! entries unless MEND_BENCH_COMPLAINTS / MEND_BENCH_CONTACTS say otherwise.
//! Each query runs once, then `RUNS` more times; a median over its budget
//! (50 ms for a list, 100 ms for everything Patterns shows) fails the run.
//!
//! `cargo bench -p mend-core --bench list`

use std::error::Error;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use mend_core::generate::populate;
use mend_core::journey::Step;
use mend_core::kinds::Severity;
use mend_core::patterns::{PeriodChoice, Slice};
use mend_core::store::list::{ComplaintQuery, SortBy, Status};
use mend_core::store::patterns::Behind;
use mend_core::{Store, SystemClock};

const BUDGET_MS: f64 = 50.0;
const PATTERNS_BUDGET_MS: f64 = 100.0;
const RUNS: usize = 20;
const SEED: u64 = 2026;

fn main() -> ExitCode {
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(error) => {
            eprintln!("The benchmark could not run: {error}");
            ExitCode::FAILURE
        }
    }
}

fn setting(name: &str, default: usize) -> Result<usize, Box<dyn Error>> {
    let Ok(value) = std::env::var(name) else {
        return Ok(default);
    };
    let number = value.replace('_', "").parse();
    Ok(number.map_err(|_| format!("{name}={value} is not a number"))?)
}

fn with(mut query: ComplaintQuery, change: impl FnOnce(&mut ComplaintQuery)) -> ComplaintQuery {
    change(&mut query);
    query
}

/// A page of 50, as the list asks for, changed by `change`.
fn page(change: impl FnOnce(&mut ComplaintQuery)) -> ComplaintQuery {
    let first = ComplaintQuery {
        limit: 50,
        ..ComplaintQuery::default()
    };
    with(first, change)
}

fn run() -> Result<bool, Box<dyn Error>> {
    let complaints = setting("MEND_BENCH_COMPLAINTS", 100_000)?;
    let contacts = setting("MEND_BENCH_CONTACTS", 500_000)?;
    let folder = tempfile::tempdir()?;
    let started = Instant::now();
    let mut store = Store::open_in(folder.path(), Arc::new(SystemClock))?;
    populate(&mut store, complaints, contacts, SEED)?;
    drop(store);
    let seconds = started.elapsed().as_secs_f64();
    let path = Store::database_path(folder.path());
    let size = std::fs::metadata(&path)?.len() / 1_000_000;
    println!("Populated in {seconds:.1} s ({size} MB):");
    let written = rusqlite::Connection::open(&path)?;
    for table in [
        "customers",
        "complaints",
        "contacts",
        "step_records",
        "history",
    ] {
        let rows: i64 = written.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })?;
        println!("  {rows:>9} {table}");
    }
    drop(written);

    // A fresh connection, as the app has after starting.
    let store = Store::open_in(folder.path(), Arc::new(SystemClock))?;
    let categories = store.categories()?;
    let delivery = categories
        .iter()
        .find(|category| category.name == "Delivery");
    let delivery = delivery.map(|category| category.id);
    let words = |words: &str| page(|query| query.search = words.into());
    let by_promise = |query| with(query, |query| query.sort = SortBy::Promised);
    let cases = [
        ("newest first", page(|_| {})),
        (
            "severity urgent",
            page(|query| query.severity = Some(Severity::Urgent)),
        ),
        ("step fix", page(|query| query.step = Some(Step::Fix))),
        (
            "step follow up",
            page(|query| query.step = Some(Step::FollowUp)),
        ),
        ("open", page(|query| query.status = Status::Open)),
        ("closed", page(|query| query.status = Status::Closed)),
        (
            "category Delivery",
            page(|query| query.category_id = delivery),
        ),
        ("overdue only", page(|query| query.overdue_only = true)),
        (
            "open, page 5",
            with(page(|query| query.offset = 200), |q| {
                q.status = Status::Open
            }),
        ),
        ("search \"refu\"", words("refu")),
        ("search \"cake\"", words("cake")),
        ("search \"crème brûlée\"", words("crème brûlée")),
        ("search \"late deliv\"", words("late deliv")),
        ("search \"o\"", words("o")),
        ("search \"zebra\" (nothing)", words("zebra")),
        (
            "search \"refu\", open",
            with(words("refu"), |query| query.status = Status::Open),
        ),
        (
            "search \"broken\", urgent",
            with(words("broken"), |q| q.severity = Some(Severity::Urgent)),
        ),
        ("by promise", by_promise(page(|_| {}))),
        (
            "by promise, open",
            by_promise(page(|query| query.status = Status::Open)),
        ),
        (
            "by promise, step fix",
            by_promise(page(|query| query.step = Some(Step::Fix))),
        ),
        (
            "by promise, urgent",
            by_promise(page(|query| query.severity = Some(Severity::Urgent))),
        ),
        (
            "by promise, category Delivery",
            by_promise(page(|query| query.category_id = delivery)),
        ),
        ("by promise, search \"refu\"", by_promise(words("refu"))),
    ];

    println!(
        "\n{:<32} {:>9} {:>9} {:>9} {:>5}",
        "query (limit 50)", "first", "median", "max", "rows"
    );
    let mut pass = true;
    for (name, query) in &cases {
        let mut rows = 0;
        let times = time(|| {
            rows = store.list_complaints(query)?.items.len();
            Ok(())
        })?;
        pass &= report(name, times, rows, BUDGET_MS);
    }
    let mut rows = 0;
    let times = time(|| {
        let today = store.today()?;
        let sections = [
            today.to_acknowledge,
            today.promises_due,
            today.to_follow_up,
            today.to_update,
        ];
        rows = sections.iter().map(Vec::len).sum();
        Ok(())
    })?;
    pass &= report("today()", times, rows, BUDGET_MS);
    for (name, period) in [
        ("patterns, 12 months", PeriodChoice::Last12Months),
        ("patterns, 90 days", PeriodChoice::Last90Days),
    ] {
        let mut rows = 0;
        let times = time(|| {
            rows = store.patterns(&period)?.total.this as usize;
            Ok(())
        })?;
        pass &= report(name, times, rows, PATTERNS_BUDGET_MS);
    }
    let behind = page(|query| {
        query.behind = Some(Behind {
            period: PeriodChoice::Last12Months,
            slice: Slice::PromiseMissed,
        })
    });
    let mut rows = 0;
    let times = time(|| {
        rows = store.list_complaints(&behind)?.items.len();
        Ok(())
    })?;
    pass &= report(
        "list behind \"missed\", 12 months",
        times,
        rows,
        PATTERNS_BUDGET_MS,
    );
    let verdict = if pass {
        "PASS: every median is within"
    } else {
        "FAIL: a median is over"
    };
    println!(
        "\n{verdict} its budget ({BUDGET_MS} ms for a list, {PATTERNS_BUDGET_MS} ms for Patterns)."
    );
    Ok(pass)
}

/// The first run's time, then the median and the longest of `RUNS` more, in ms.
fn time(mut query: impl FnMut() -> mend_core::Result<()>) -> mend_core::Result<[f64; 3]> {
    let mut runs = Vec::with_capacity(RUNS + 1);
    for _ in 0..=RUNS {
        let started = Instant::now();
        query()?;
        runs.push(started.elapsed().as_secs_f64() * 1e3);
    }
    let first = runs.remove(0);
    runs.sort_by(f64::total_cmp);
    Ok([first, runs[RUNS / 2], runs[RUNS - 1]])
}

fn report(name: &str, [first, median, max]: [f64; 3], rows: usize, budget: f64) -> bool {
    let pass = median <= budget;
    let verdict = if pass { "PASS" } else { "FAIL" };
    println!("{name:<32} {first:>6.2} ms {median:>6.2} ms {max:>6.2} ms {rows:>5}  {verdict}");
    pass
}
