//! Sync with years of data: turning it on where 10,000 complaints (and
//! 50,000 timeline entries) are, the second computer joining from them, and
//! then one change going from one computer to the other. Unless
//! MEND_BENCH_COMPLAINTS / MEND_BENCH_CONTACTS say otherwise. Prints each
//! time; one change's trip is timed `RUNS` times (median and longest). It
//! fails only if something fails.
//!
//! `cargo bench -p mend-core --bench sync`

use std::error::Error;
use std::sync::Arc;
use std::time::Instant;

use mend_core::generate::populate;
use mend_core::kinds::{Channel, Direction};
use mend_core::store::timeline::NewContact;
use mend_core::sync::setup;
use mend_core::{Store, SystemClock};

const SEED: u64 = 2026;
const RUNS: usize = 15;

fn setting(name: &str, default: usize) -> Result<usize, Box<dyn Error>> {
    let Ok(value) = std::env::var(name) else {
        return Ok(default);
    };
    let number = value.replace('_', "").parse();
    Ok(number.map_err(|_| format!("{name}={value} is not a number"))?)
}

fn seconds(since: Instant) -> f64 {
    since.elapsed().as_secs_f64()
}

fn main() -> Result<(), Box<dyn Error>> {
    let complaints = setting("MEND_BENCH_COMPLAINTS", 10_000)?;
    let contacts = setting("MEND_BENCH_CONTACTS", 50_000)?;
    let shared = tempfile::tempdir()?;
    let (laptop_dir, desktop_dir) = (tempfile::tempdir()?, tempfile::tempdir()?);
    let mut laptop = Store::open_in(laptop_dir.path(), Arc::new(SystemClock))?;
    let mut desktop = Store::open_in(desktop_dir.path(), Arc::new(SystemClock))?;
    println!("Making {complaints} complaints and {contacts} timeline entries");
    populate(&mut laptop, complaints, contacts, SEED)?;

    let started = Instant::now();
    let mut laptop_sync = setup::turn_on(&mut laptop, laptop_dir.path(), shared.path(), "Laptop")?;
    let round = setup::round(&mut laptop_sync, &mut laptop)?;
    let turn_on = seconds(started);
    println!(
        "Turning sync on with them (one round, {} file written): {turn_on:.1} s",
        round.given
    );

    let started = Instant::now();
    let mut desktop_sync =
        setup::turn_on(&mut desktop, desktop_dir.path(), shared.path(), "Desktop")?;
    let round = setup::round(&mut desktop_sync, &mut desktop)?;
    let join = seconds(started);
    println!(
        "A second computer joining (took in {} file): {join:.1} s",
        round.taken
    );

    // One change: written down on the laptop, given out, then taken in on
    // the desktop; timed from the file being in the folder.
    let laptop_id = laptop.list_complaints(&Default::default())?.items[0].id;
    let mut trips = Vec::with_capacity(RUNS);
    let mut give = Vec::with_capacity(RUNS);
    for run in 0..RUNS {
        let note = NewContact {
            direction: Direction::Note,
            channel: Channel::Phone,
            at: None,
            text: format!("Rang back, try {run}"),
        };
        laptop.add_contact(laptop_id, &note)?;
        let started = Instant::now();
        setup::round(&mut laptop_sync, &mut laptop)?;
        give.push(seconds(started));
        let started = Instant::now();
        let round = setup::round(&mut desktop_sync, &mut desktop)?;
        trips.push(seconds(started));
        if round.taken != 1 {
            return Err(format!("the desktop took in {} files, not 1", round.taken).into());
        }
    }
    let median = |times: &mut Vec<f64>| {
        times.sort_by(f64::total_cmp);
        (times[times.len() / 2], times[times.len() - 1])
    };
    let (give_median, give_max) = median(&mut give);
    let (median, longest) = median(&mut trips);
    println!(
        "One change given out on the laptop: median {:.0} ms, longest {:.0} ms",
        give_median * 1e3,
        give_max * 1e3
    );
    println!(
        "The same change taken in on the desktop, from its file being there: median {:.0} ms, longest {:.0} ms",
        median * 1e3,
        longest * 1e3
    );
    Ok(())
}
