//! How quickly the complaints list, its search and Today answer over a big
//! history: 100,000 synthetic complaints and 500,000 timeline entries unless
//! MEND_BENCH_COMPLAINTS / MEND_BENCH_CONTACTS say otherwise. Each query runs
//! once to warm up, then `RUNS` times; a median over budget fails the run.
//!
//! `cargo bench -p mend-core --bench list`

use std::error::Error;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use mend_core::generate::populate;
use mend_core::journey::Step;
use mend_core::kinds::Severity;
use mend_core::store::list::{ComplaintQuery, SortBy, Status};
use mend_core::{Store, SystemClock};

const BUDGET_MS: f64 = 50.0;
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
    match std::env::var(name) {
        Ok(value) => Ok(value.replace('_', "").parse().map_err(|_| format!("{name}={value} is not a number"))?),
        Err(_) => Ok(default),
    }
}

fn run() -> Result<bool, Box<dyn Error>> {
    let complaints = setting("MEND_BENCH_COMPLAINTS", 100_000)?;
    let contacts = setting("MEND_BENCH_CONTACTS", 500_000)?;
    let folder = tempfile::tempdir()?;
    let started = Instant::now();
    let mut store = Store::open_in(folder.path(), Arc::new(SystemClock))?;
    populate(&mut store, complaints, contacts, SEED)?;
    drop(store);
    let size = std::fs::metadata(Store::database_path(folder.path()))?.len();
    println!(
        "populated {complaints} complaints and {contacts} contacts in {:.1} s ({:.0} MB)",
        started.elapsed().as_secs_f64(),
        size as f64 / 1e6
    );

    // A fresh connection, as the app has after starting.
    let store = Store::open_in(folder.path(), Arc::new(SystemClock))?;
    let delivery = store.categories()?.into_iter().find(|category| category.name == "Delivery");
    let page = ComplaintQuery { limit: 50, ..ComplaintQuery::default() };
    let search = |words: &str| ComplaintQuery { search: words.into(), ..page.clone() };
    let cases = [
        ("newest first, no filter", page.clone()),
        ("severity urgent", ComplaintQuery { severity: Some(Severity::Urgent), ..page.clone() }),
        ("step fix (open)", ComplaintQuery { step: Some(Step::Fix), ..page.clone() }),
        ("step follow up (open)", ComplaintQuery { step: Some(Step::FollowUp), ..page.clone() }),
        ("open", ComplaintQuery { status: Status::Open, ..page.clone() }),
        ("closed", ComplaintQuery { status: Status::Closed, ..page.clone() }),
        ("category Delivery", ComplaintQuery { category_id: delivery.map(|c| c.id), ..page.clone() }),
        ("overdue only", ComplaintQuery { overdue_only: true, ..page.clone() }),
        ("open, urgent", ComplaintQuery { status: Status::Open, severity: Some(Severity::Urgent), ..page.clone() }),
        ("open, soonest promise first", ComplaintQuery { status: Status::Open, sort: SortBy::Promised, ..page.clone() }),
        ("open, page 5", ComplaintQuery { status: Status::Open, offset: 200, ..page.clone() }),
        ("search \"refu\"", search("refu")),
        ("search \"cake\"", search("cake")),
        ("search \"crème brûlée\"", search("crème brûlée")),
        ("search \"late deliv\"", search("late deliv")),
        ("search \"o\"", search("o")),
        ("search \"zebra\" (nothing)", search("zebra")),
        ("search \"refu\", open", ComplaintQuery { status: Status::Open, ..search("refu") }),
        ("search \"broken\", urgent", ComplaintQuery { severity: Some(Severity::Urgent), ..search("broken") }),
    ];

    println!("\n{:<32} {:>9} {:>9} {:>9} {:>6}", "query (limit 50)", "first", "median", "max", "rows");
    let mut all_pass = true;
    for (name, query) in &cases {
        let mut rows = 0;
        let (first, median, max) = time(|| {
            rows = store.list_complaints(query)?.items.len();
            Ok(())
        })?;
        all_pass &= report(name, first, median, max, &rows.to_string());
    }
    let mut rows = 0;
    let (first, median, max) = time(|| {
        let today = store.today()?;
        rows = today.to_acknowledge.len() + today.promises_due.len() + today.to_follow_up.len() + today.to_update.len();
        Ok(())
    })?;
    all_pass &= report("today()", first, median, max, &rows.to_string());
    println!("\n{}", if all_pass { "PASS: every median is within budget" } else { "FAIL: some medians are over budget" });
    Ok(all_pass)
}

/// The first run's time, then the median and the longest of `RUNS` more, in ms.
fn time(mut query: impl FnMut() -> mend_core::Result<()>) -> mend_core::Result<(f64, f64, f64)> {
    let started = Instant::now();
    query()?;
    let first = started.elapsed().as_secs_f64() * 1e3;
    let mut runs = Vec::with_capacity(RUNS);
    for _ in 0..RUNS {
        let started = Instant::now();
        query()?;
        runs.push(started.elapsed().as_secs_f64() * 1e3);
    }
    runs.sort_by(f64::total_cmp);
    Ok((first, runs[RUNS / 2], runs[RUNS - 1]))
}

fn report(name: &str, first: f64, median: f64, max: f64, rows: &str) -> bool {
    let pass = median <= BUDGET_MS;
    let verdict = if pass { "PASS" } else { "FAIL" };
    println!("{name:<32} {first:>6.2} ms {median:>6.2} ms {max:>6.2} ms {rows:>6}  {verdict} ({BUDGET_MS} ms)");
    pass
}
