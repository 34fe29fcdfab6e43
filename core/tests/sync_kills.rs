//! Two computers in sync, each killed with SIGKILL at random moments, again
//! and again: in the middle of writing a file to the shared folder, of
//! taking the other's in, of saving. Afterwards both must end with the same
//! complaints, and every complaint a computer reported as synced is there.
//!
//! Each computer is this same test binary, started again with
//! `COMPUTER_FOLDERS` set, running only the `computer` test.

mod kills;

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use mend_core::store::complaints::NewComplaint;
use mend_core::store::customers::CustomerInput;
use mend_core::sync::SyncSession;
use mend_core::{Store, SystemClock};

use kills::Moments;

/// "<data folder>|<shared folder>|<name>" for a computer process.
const COMPUTER_FOLDERS: &str = "MEND_SYNC_KILL_COMPUTER";
const KILLS: usize = 12;

/// Makes complaints and syncs after each, reporting each once its round
/// is over ("synced <summary>"). Does nothing in a normal test run.
#[test]
fn computer() {
    let Some(folders) = std::env::var(COMPUTER_FOLDERS).ok() else {
        return;
    };
    let mut parts = folders.split('|');
    let (data, shared, name) = (
        parts.next().unwrap(),
        parts.next().unwrap(),
        parts.next().unwrap(),
    );
    let mut store = Store::open_in(Path::new(data), Arc::new(SystemClock)).unwrap();
    let mut sync = SyncSession::open(&mut store, Path::new(shared)).unwrap();
    for n in 0.. {
        let summary = format!("{name} {n} {}", std::process::id());
        store
            .create_complaint(&NewComplaint {
                new_customer: Some(CustomerInput {
                    name: format!("Customer of {name}"),
                    ..CustomerInput::default()
                }),
                summary: summary.clone(),
                ..NewComplaint::default()
            })
            .unwrap();
        sync.round(&mut store).unwrap();
        println!("synced {summary}");
    }
}

/// A computer process, and what it reports.
fn start(data: &Path, shared: &Path, name: &str) -> (Child, JoinHandle<Vec<String>>) {
    let mut child = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "computer", "--nocapture", "--test-threads", "1"])
        .env(
            COMPUTER_FOLDERS,
            format!("{}|{}|{name}", data.display(), shared.display()),
        )
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let output = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        BufReader::new(output)
            .lines()
            .map_while(Result::ok)
            .filter_map(|line| line.strip_prefix("synced ").map(str::to_owned))
            .collect()
    });
    (child, reader)
}

fn summaries(folder: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(Store::database_path(folder)).unwrap();
    let mut statement = conn.prepare("SELECT summary FROM complaints").unwrap();
    let mut found: Vec<String> = statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    found.sort();
    found
}

#[test]
fn two_computers_killed_at_random_moments_lose_nothing_synced_and_end_the_same() {
    if std::env::var_os(COMPUTER_FOLDERS).is_some() {
        return;
    }
    let shared = tempfile::tempdir().unwrap();
    let folders = [tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap()];
    let names = ["laptop", "desktop"];
    let mut moments = Moments::new();
    let seed = moments.seed;
    let mut synced: Vec<String> = Vec::new();
    for _ in 0..KILLS {
        let running: Vec<_> = folders
            .iter()
            .zip(names)
            .map(|(folder, name)| start(folder.path(), shared.path(), name))
            .collect();
        for (mut child, reader) in running {
            std::thread::sleep(Duration::from_millis(50 + moments.next_millis(500)));
            child.kill().unwrap(); // SIGKILL: no chance to tidy up
            child.wait().unwrap();
            synced.extend(reader.join().unwrap());
        }
    }
    assert!(
        synced.len() > KILLS,
        "the computers got some work done: {synced:?} (seed {seed})"
    );

    // Both started again: a few rounds each, and they hold the same.
    let mut computers: Vec<(Store, SyncSession)> = folders
        .iter()
        .map(|folder| {
            let mut store = Store::open_in(folder.path(), Arc::new(SystemClock)).unwrap();
            let sync = SyncSession::open(&mut store, shared.path()).unwrap();
            (store, sync)
        })
        .collect();
    for _ in 0..3 {
        for (store, sync) in computers.iter_mut() {
            let round = sync.round(store).unwrap();
            assert!(round.paused().is_none(), "{round:?} (seed {seed})");
        }
    }
    drop(computers);
    let laptop = summaries(folders[0].path());
    assert_eq!(laptop, summaries(folders[1].path()), "seed {seed}");
    for summary in &synced {
        assert!(
            laptop.contains(summary),
            "{summary} was reported synced but is missing (seed {seed})"
        );
    }
}
