//! Two and three computers, each with its own data folder, sharing one
//! folder: what one does reaches the others, and all end the same.

use std::sync::Arc;

use super::tables::TABLES;
use super::test_computers::{computer, note, Computer};
use super::*;
use crate::clock::FixedClock;
use crate::store::test_support::{at, entry, phone_complaint};
use crate::Store;

#[test]
fn a_complaint_made_on_one_computer_appears_on_the_other_with_its_timeline() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    let mut desktop = computer(shared.path());
    let made = laptop
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    laptop
        .store
        .add_contact(made.id, &note("Called her back at noon"))
        .unwrap();
    assert_eq!(laptop.round().given, 1);
    assert_eq!(desktop.round().taken, 1);
    assert_eq!(desktop.summaries(), ["Cake arrived squashed"]);
    let there = desktop.store.read(|conn| {
        Ok(conn.query_row(
            "SELECT k.name, (SELECT text FROM contacts WHERE complaint_id = c.id)
             FROM complaints c JOIN customers k ON k.id = c.customer_id",
            [],
            |row| Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?)),
        )?)
    });
    assert_eq!(
        there.unwrap(),
        ("Ana Lima".to_owned(), "Called her back at noon".to_owned())
    );
    assert_eq!(laptop.shared(), desktop.shared());
    // Found by its words there, as any complaint is (its note's too).
    let found = desktop
        .store
        .list_complaints(&crate::store::list::ComplaintQuery {
            search: "noon".into(),
            limit: 10,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.items.len(), 1);
}

#[test]
fn a_change_taken_in_is_not_given_back_out() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    let mut desktop = computer(shared.path());
    laptop
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    laptop.round();
    // The desktop gives out its own lists once (Mend's categories and causes).
    desktop.round();
    laptop.round();
    assert_eq!(
        desktop.round(),
        Round::default(),
        "nothing new to give or take"
    );
    assert_eq!(laptop.round(), Round::default());
}

#[test]
fn three_computers_end_the_same_whatever_order_the_files_arrive_in() {
    let shared = tempfile::tempdir().unwrap();
    let mut computers: Vec<Computer> = (0..3).map(|_| computer(shared.path())).collect();
    for (number, computer) in computers.iter_mut().enumerate() {
        for complaint in 0..3 {
            let summary = format!("Complaint {complaint} from computer {number}");
            let made = computer
                .store
                .create_complaint(&phone_complaint("Rui Lima", &summary))
                .unwrap();
            computer
                .store
                .add_contact(made.id, &note("Rang back"))
                .unwrap();
            computer.round();
        }
    }
    // Each takes the others' files in its own order: one round after another.
    for order in [[2, 0, 1], [1, 2, 0], [0, 1, 2]] {
        for index in order {
            computers[index].round();
        }
    }
    assert_eq!(computers[0].summaries().len(), 9);
    assert_eq!(computers[0].shared(), computers[1].shared());
    assert_eq!(computers[1].shared(), computers[2].shared());
}

#[test]
fn turning_sync_on_where_both_already_had_data_keeps_all_of_it_and_the_lists_once() {
    let shared = tempfile::tempdir().unwrap();
    let mut first = computer(shared.path());
    first
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    first.round();
    let data = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::at(at(9)));
    let mut store = Store::open_in(data.path(), clock.clone()).unwrap();
    store
        .create_complaint(&phone_complaint("Rui Lima", "Wrong flavour"))
        .unwrap();
    let sync = SyncSession::open(&mut store, shared.path()).unwrap();
    let mut second = Computer {
        _data: data,
        store,
        sync,
        clock,
    };
    second.round();
    first.round();
    assert_eq!(
        first.summaries(),
        ["Cake arrived squashed", "Wrong flavour"]
    );
    assert_eq!(first.shared(), second.shared());
    let categories = second.store.read(|conn| {
        Ok(
            conn.query_row("SELECT count(*) FROM categories", [], |row| {
                row.get::<_, i64>(0)
            })?,
        )
    });
    assert_eq!(
        categories.unwrap(),
        8,
        "Mend's own categories are the same rows on both"
    );
}

#[test]
fn a_computer_that_meets_a_newer_format_stops_giving_out_and_keeps_working() {
    let shared = tempfile::tempdir().unwrap();
    let mut desktop = computer(shared.path());
    let newer = shared
        .path()
        .join(folder::SUBFOLDER)
        .join("6f1c2b1e-8a53-4c58-9d55-0d9e3c1b7a01");
    std::fs::create_dir_all(&newer).unwrap();
    let content = format!("MEND-SYNC {}\nsomething newer", folder::FORMAT + 1).into_bytes();
    use sha2::Digest;
    let hash: String = sha2::Sha256::digest(&content)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    std::fs::write(newer.join(format!("0000000001-{hash}.mend")), content).unwrap();
    desktop
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    let round = desktop.round();
    assert_eq!(round.newer_format, Some(folder::FORMAT + 1));
    assert_eq!(
        round.given, 0,
        "nothing given out in a format the newer Mend may not expect"
    );
    assert_eq!(
        desktop.summaries(),
        ["Cake arrived squashed"],
        "it keeps working here"
    );
}

#[test]
fn a_copy_of_a_computers_data_is_noticed_and_carries_on_as_a_new_computer() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    laptop
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    laptop.round();
    // The laptop's data folder, copied (or a backup of it restored elsewhere).
    let copied = tempfile::tempdir().unwrap();
    let original = laptop._data.path().join("mend.sqlite3");
    laptop
        .store
        .read(|conn| Ok(conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")?))
        .unwrap();
    std::fs::copy(&original, copied.path().join("mend.sqlite3")).unwrap();
    laptop
        .store
        .create_complaint(&phone_complaint("Rui Lima", "Wrong flavour"))
        .unwrap();
    laptop.round();
    let clock = Arc::new(FixedClock::at(at(10)));
    let mut store = Store::open_in(copied.path(), clock.clone()).unwrap();
    let mut sync = SyncSession::open(&mut store, shared.path()).unwrap();
    assert_eq!(
        sync.computer(),
        laptop.sync.computer(),
        "the copy holds the laptop's id"
    );
    let round = sync.round(&mut store).unwrap();
    assert!(round.copy_of_another, "{round:?}");
    assert_eq!(
        (round.taken, round.given),
        (0, 0),
        "nothing taken or given meanwhile"
    );
    let sync = SyncSession::become_new_computer(&mut store, shared.path()).unwrap();
    assert_ne!(sync.computer(), laptop.sync.computer());
    let mut copy = Computer {
        _data: copied,
        store,
        sync,
        clock,
    };
    copy.store
        .create_complaint(&phone_complaint("Eva Costa", "Late delivery"))
        .unwrap();
    for _ in 0..2 {
        copy.round();
        laptop.round();
    }
    assert_eq!(
        copy.summaries(),
        ["Cake arrived squashed", "Late delivery", "Wrong flavour"]
    );
    assert_eq!(copy.shared(), laptop.shared());
}

#[test]
fn a_file_written_before_mend_stopped_and_noted_its_name_is_not_taken_for_a_copy() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    laptop
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    laptop.round();
    laptop
        .store
        .read(|conn| Ok(conn.execute("UPDATE sync_chunks SET name = NULL", [])?))
        .unwrap();
    let round = laptop.round();
    assert!(!round.copy_of_another);
}

#[test]
fn once_everything_is_sent_and_taken_nothing_is_said_to_wait() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    let mut desktop = computer(shared.path());
    laptop
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    for _ in 0..2 {
        setup::round(&mut laptop.sync, &mut laptop.store).unwrap();
        setup::round(&mut desktop.sync, &mut desktop.store).unwrap();
    }
    for computer in [&laptop, &desktop] {
        let status = setup::status(&computer.store).unwrap();
        assert_eq!(status.waiting, 0, "{status:?}");
        assert!(status.last_round_at.is_some());
    }
}

#[test]
fn a_change_is_noted_for_the_other_computers_exactly_when_a_shared_column_changes() {
    let shared = tempfile::tempdir().unwrap();
    let laptop = computer(shared.path());
    let schema: Vec<(String, String)> = laptop
        .store
        .read(|conn| {
            let mut statement = conn.prepare(
                "SELECT name, sql FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'sync_change_of_%'",
            )?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
        .unwrap();
    assert_eq!(schema.len(), TABLES.len());
    for table in TABLES {
        let sql = &schema
            .iter()
            .find(|(name, _)| *name == format!("sync_change_of_{}", table.name))
            .unwrap()
            .1;
        let listed = sql
            .split_once(" OF ")
            .unwrap()
            .1
            .split_once(" ON ")
            .unwrap()
            .0;
        let mut listed: Vec<&str> = listed.split(',').map(str::trim).collect();
        let mut columns = table.columns.to_vec();
        listed.sort();
        columns.sort();
        assert_eq!(
            listed, columns,
            "the trigger of {} lists its shared columns",
            table.name
        );
    }
}

/// The desktop's clock runs three hours ahead of the laptop's: what it
/// received "later" can still be acknowledged and corrected on the laptop.
#[test]
fn a_complaint_from_a_computer_whose_clock_runs_ahead_can_be_worked_on_here() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    let mut desktop = computer(shared.path());
    desktop.clock.set(at(12));
    desktop
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    desktop.round();
    laptop.round();
    let there = laptop.summaries();
    assert_eq!(there, ["Cake arrived squashed"]);
    let id: i64 = laptop
        .store
        .read(|conn| Ok(conn.query_row("SELECT id FROM complaints", [], |row| row.get(0))?))
        .unwrap();

    let acknowledged = laptop
        .store
        .record_step(
            id,
            crate::journey::Step::Acknowledge,
            &entry(crate::journey::Step::Acknowledge),
        )
        .unwrap();
    assert_eq!(acknowledged.summary.step, crate::journey::Step::Apologize);
    let mut edit = phone_complaint("", "Birthday cake arrived squashed");
    edit.new_customer = None;
    edit.customer_id = Some(acknowledged.summary.customer_id);
    edit.received_at = Some(crate::dates::stamp(acknowledged.summary.received_at));
    laptop.store.correct_complaint(id, &edit).unwrap();

    laptop.round();
    desktop.round();
    assert_eq!(laptop.shared(), desktop.shared());
    assert_eq!(desktop.summaries(), ["Birthday cake arrived squashed"]);
}

/// Each computer's spreadsheet numbers a complaint alike, and two
/// complaints made on two computers never alike.
#[test]
fn complaints_are_numbered_alike_on_every_computer_in_the_spreadsheet() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    let mut desktop = computer(shared.path());
    for (on, who) in [(&mut laptop, "Ana Lima"), (&mut desktop, "Rui Costa")] {
        on.store
            .create_complaint(&phone_complaint(who, "Cake arrived squashed"))
            .unwrap();
    }
    for _ in 0..2 {
        laptop.round();
        desktop.round();
    }
    let numbers = |on: &Computer| {
        let csv = on._data.path().join("complaints.csv");
        on.store.export_csv(&csv).unwrap();
        let bytes = std::fs::read(&csv).unwrap();
        let mut rows: Vec<(String, String)> = csv::Reader::from_reader(&bytes[3..])
            .records()
            .map(|row| {
                let row = row.unwrap();
                (row[2].to_owned(), row[0].to_owned())
            })
            .collect();
        rows.sort();
        rows
    };
    let on_laptop = numbers(&laptop);
    assert_eq!(on_laptop, numbers(&desktop));
    assert_eq!(on_laptop.len(), 2);
    assert_ne!(on_laptop[0].1, on_laptop[1].1, "{on_laptop:?}");
}
