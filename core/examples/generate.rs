//! Fills a data folder with synthetic complaints, to try Mend with a lot of
//! data. The complaints are added to whatever the folder already holds.
//!
//! `cargo run --release -p mend-core --example generate -- <folder> [complaints] [contacts] [seed]`
//!
//! then start Mend on it: `MEND_DATA_DIR=<folder> bash scripts/start.sh`.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Instant;

use mend_core::generate::populate;
use mend_core::{Store, SystemClock};

const USAGE: &str = "usage: generate <data folder> [complaints, default 100000] \
                     [contacts, default 5 per complaint] [seed, default 1]";

fn number(arg: Option<&String>, default: usize) -> Option<usize> {
    arg.map_or(Some(default), |value| value.replace('_', "").parse().ok())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let complaints = number(args.get(1), 100_000);
    let contacts =
        complaints.and_then(|complaints| number(args.get(2), complaints.saturating_mul(5)));
    let seed = number(args.get(3), 1);
    let (Some(folder), Some(complaints), Some(contacts), Some(seed)) =
        (args.first(), complaints, contacts, seed)
    else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let started = Instant::now();
    let written = Store::open_in(Path::new(folder), Arc::new(SystemClock))
        .and_then(|mut store| populate(&mut store, complaints, contacts, seed as u64));
    match written {
        Ok(()) => {
            println!(
                "Added {complaints} complaints and {contacts} contacts (more if their \
                 recorded steps needed more) to {folder} in {:.1} s.\n\
                 To try them: MEND_DATA_DIR={folder} bash scripts/start.sh",
                started.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("Could not fill {folder}: {error}");
            ExitCode::FAILURE
        }
    }
}
