//! Crash safety: a writer process is killed with SIGKILL at random moments,
//! again and again. After each kill the database must pass its integrity
//! check, and every write the writer reported as done must be there.
//!
//! The writer is this same test binary, started again with `WRITER_FOLDER`
//! set, running only the `writer` test.

mod kills;

use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::time::Duration;

use mend_core::kinds::{Channel, Direction};
use mend_core::store::complaints::NewComplaint;
use mend_core::store::customers::CustomerInput;
use mend_core::store::timeline::NewContact;
use mend_core::{Store, SystemClock};

use kills::Moments;

const WRITER_FOLDER: &str = "MEND_CRASH_WRITER_FOLDER";
const KILLS: usize = 50;

/// Writes complaints, each with a note, and reports each one once it is
/// saved ("saved <complaint id> <n>"). Does nothing in a normal test run.
#[test]
fn writer() {
    let Some(folder) = std::env::var_os(WRITER_FOLDER) else {
        return;
    };
    let mut store = Store::open_in(folder.as_ref(), Arc::new(SystemClock)).unwrap();
    for n in 0.. {
        let complaint = store
            .create_complaint(&NewComplaint {
                new_customer: Some(CustomerInput {
                    name: format!("Customer {n}"),
                    ..CustomerInput::default()
                }),
                summary: format!("Complaint {n}"),
                customer_words: "The parcel arrived late and the box was crushed. ".repeat(20),
                ..NewComplaint::default()
            })
            .unwrap();
        let note = NewContact {
            direction: Direction::Note,
            channel: Channel::Phone,
            at: None,
            text: format!("Note {n}"),
        };
        store.add_contact(complaint.id, &note).unwrap();
        println!("saved {} {n}", complaint.id);
    }
}

#[test]
fn every_acknowledged_write_survives_a_kill_at_a_random_moment() {
    if std::env::var_os(WRITER_FOLDER).is_some() {
        return;
    }
    let folder = tempfile::tempdir().unwrap();
    let mut moments = Moments::new();
    let seed = moments.seed;
    let mut acknowledged: Vec<(i64, u64)> = Vec::new();
    for round in 0..KILLS {
        let mut writer = Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "writer", "--nocapture", "--test-threads", "1"])
            .env(WRITER_FOLDER, folder.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let output = writer.stdout.take().unwrap();
        let reader = std::thread::spawn(move || {
            BufReader::new(output)
                .lines()
                .map_while(Result::ok)
                .filter_map(|line| {
                    let mut words = line.strip_prefix("saved ")?.split(' ');
                    Some((words.next()?.parse().ok()?, words.next()?.parse().ok()?))
                })
                .collect::<Vec<(i64, u64)>>()
        });
        std::thread::sleep(Duration::from_millis(30 + moments.next_millis(400)));
        writer.kill().unwrap(); // SIGKILL: no chance to tidy up
        writer.wait().unwrap();
        acknowledged.extend(reader.join().unwrap());

        let conn = rusqlite::Connection::open(Store::database_path(folder.path())).unwrap();
        let check: String = conn
            .query_row("PRAGMA integrity_check", [], |row| row.get(0))
            .unwrap();
        assert_eq!(check, "ok", "round {round} (seed {seed})");
        for (id, n) in &acknowledged {
            let kept: i64 = conn
                .query_row(
                    "SELECT count(*) FROM complaints c JOIN contacts n ON n.complaint_id = c.id
                     WHERE c.id = ?1 AND c.summary = ?2 AND n.text = ?3",
                    rusqlite::params![id, format!("Complaint {n}"), format!("Note {n}")],
                    |row| row.get(0),
                )
                .unwrap();
            assert_eq!(
                kept, 1,
                "round {round}: complaint {n} was reported saved but is missing (seed {seed})"
            );
        }
    }
    assert!(
        acknowledged.len() > KILLS,
        "the writer got some work done: {} writes",
        acknowledged.len()
    );
}
