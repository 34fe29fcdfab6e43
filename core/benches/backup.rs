//! How long the owner's writes wait while a backup is made: writes to the
//! timeline alone, then the same writes while an automatic backup of the
//! whole file runs beside them (as the one at start and the daily one do).
//! Over 100,000 synthetic complaints and 500,000 timeline entries unless
//! MEND_BENCH_COMPLAINTS / MEND_BENCH_CONTACTS say otherwise. Prints the
//! median and the longest write, and the backup's own time; it fails only
//! if a write fails.
//!
//! `cargo bench -p mend-core --bench backup`

use std::error::Error;
use std::sync::Arc;
use std::time::{Duration, Instant};

use mend_core::generate::populate;
use mend_core::kinds::{Channel, Direction};
use mend_core::store::backups::automatic_backup_in;
use mend_core::store::timeline::NewContact;
use mend_core::{Store, SystemClock};

const SEED: u64 = 2026;

fn setting(name: &str, default: usize) -> Result<usize, Box<dyn Error>> {
    let Ok(value) = std::env::var(name) else {
        return Ok(default);
    };
    let number = value.replace('_', "").parse();
    Ok(number.map_err(|_| format!("{name}={value} is not a number"))?)
}

/// Writes a note to the timeline `count` times, a few milliseconds apart,
/// as an owner's clicks would; answers how long each took, in ms.
fn writes(store: &mut Store, count: usize) -> Result<Vec<f64>, Box<dyn Error>> {
    let mut took = Vec::with_capacity(count);
    for n in 0..count {
        let note = NewContact {
            direction: Direction::Note,
            channel: Channel::Phone,
            at: None,
            text: format!("Called back, try {n}"),
        };
        let started = Instant::now();
        store.add_contact(1 + n as i64, &note)?;
        took.push(started.elapsed().as_secs_f64() * 1000.0);
        std::thread::sleep(Duration::from_millis(5));
    }
    Ok(took)
}

fn median_and_longest(mut took: Vec<f64>) -> (f64, f64) {
    took.sort_by(f64::total_cmp);
    (took[took.len() / 2], took[took.len() - 1])
}

fn main() -> Result<(), Box<dyn Error>> {
    let complaints = setting("MEND_BENCH_COMPLAINTS", 100_000)?;
    let contacts = setting("MEND_BENCH_CONTACTS", 500_000)?;
    let folder = tempfile::tempdir()?;
    let mut store = Store::open_in(folder.path(), Arc::new(SystemClock))?;
    populate(&mut store, complaints, contacts, SEED)?;
    let size = std::fs::metadata(Store::database_path(folder.path()))?.len() / 1_000_000;
    println!("{complaints} complaints, {contacts} timeline entries ({size} MB)");

    let (median, longest) = median_and_longest(writes(&mut store, 100)?);
    println!("writes alone:            median {median:6.2} ms, longest {longest:6.2} ms");

    let data = folder.path().to_owned();
    let backup = std::thread::spawn(move || {
        let started = Instant::now();
        automatic_backup_in(&data, &SystemClock).map(|_| started.elapsed())
    });
    let mut during = Vec::new();
    while !backup.is_finished() {
        during.extend(writes(&mut store, 10)?);
    }
    let backup_took = backup.join().map_err(|_| "the backup panicked")??;
    let (median, longest) = median_and_longest(during.clone());
    println!(
        "writes during a backup:  median {median:6.2} ms, longest {longest:6.2} ms ({} writes)",
        during.len()
    );
    println!(
        "the backup itself:       {:.0} ms",
        backup_took.as_secs_f64() * 1000.0
    );
    Ok(())
}
