use std::sync::Arc;

use super::*;
use crate::clock::FixedClock;
use crate::store::test_support::{at, phone_complaint};

fn store_in(folder: &Path, clock: &Arc<FixedClock>) -> Store {
    Store::open_in(folder, clock.clone()).unwrap()
}

fn summaries(store: &Store) -> Vec<String> {
    let query = crate::store::list::ComplaintQuery {
        limit: 50,
        ..Default::default()
    };
    store
        .list_complaints(&query)
        .unwrap()
        .items
        .into_iter()
        .map(|c| c.summary)
        .collect()
}

#[test]
fn a_restore_brings_back_the_backup_and_keeps_the_data_it_replaced() {
    let folder = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::at(at(9)));
    let mut store = store_in(folder.path(), &clock);
    store
        .create_complaint(&phone_complaint("Ana", "before the backup"))
        .unwrap();
    let backup = store.automatic_backup(folder.path()).unwrap();
    clock.set(at(10));
    store
        .create_complaint(&phone_complaint("Bruno", "after the backup"))
        .unwrap();

    let kept = store
        .restore_from(folder.path(), Path::new(&backup.path))
        .unwrap();
    assert_eq!(summaries(&store), ["before the backup"]);
    store
        .create_complaint(&phone_complaint("Carla", "after the restore"))
        .unwrap();
    drop(store);

    let reopened = store_in(folder.path(), &clock);
    assert_eq!(
        summaries(&reopened),
        ["after the restore", "before the backup"]
    );
    let previous = Store::open_in(&tempdir_with(&kept), clock.clone()).unwrap();
    assert_eq!(
        summaries(&previous),
        ["after the backup", "before the backup"]
    );
}

/// A data folder holding a copy of `database`.
fn tempdir_with(database: &Path) -> PathBuf {
    let folder = tempfile::tempdir().unwrap().keep();
    std::fs::copy(database, Store::database_path(&folder)).unwrap();
    folder
}

#[test]
fn a_file_that_is_not_a_good_mend_backup_is_refused_and_nothing_changes() {
    let folder = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::at(at(9)));
    let mut store = store_in(folder.path(), &clock);
    store
        .create_complaint(&phone_complaint("Ana", "kept"))
        .unwrap();
    let good = store.automatic_backup(folder.path()).unwrap();
    let bytes = std::fs::read(&good.path).unwrap();

    let files = tempfile::tempdir().unwrap();
    let write = |name: &str, content: &[u8]| {
        let path = files.path().join(name);
        std::fs::write(&path, content).unwrap();
        path
    };
    let other_program = files.path().join("other.sqlite3");
    Connection::open(&other_program)
        .unwrap()
        .execute_batch("CREATE TABLE notes (text TEXT);")
        .unwrap();
    let newer = files.path().join("newer.sqlite3");
    std::fs::copy(&good.path, &newer).unwrap();
    Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 999;")
        .unwrap();
    let cases = [
        (
            write("notes.txt", b"just some notes"),
            "it is not a database",
        ),
        (write("empty.sqlite3", b""), "it is empty"),
        (other_program, "it was not made by Mend"),
        (newer, "newer Mend"),
        (
            write("half.sqlite3", &bytes[..bytes.len() / 2]),
            "cannot be restored",
        ),
    ];
    for (path, expected) in cases {
        let err = store.restore_from(folder.path(), &path).unwrap_err();
        assert_eq!(err.code(), "not_a_backup", "{}", path.display());
        assert!(
            err.to_string().contains(expected),
            "{}: {err}",
            path.display()
        );
        assert!(err.to_string().contains("Nothing was changed"));
    }
    assert_eq!(summaries(&store), ["kept"]);
    let kept_copies = std::fs::read_dir(folder.path())
        .unwrap()
        .filter(|entry| {
            entry
                .as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("before-restore")
        })
        .count();
    assert_eq!(kept_copies, 0, "no copy is made when nothing is restored");
}

#[test]
fn automatic_backups_keep_the_last_seven_days_and_four_weeks() {
    let folder = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::at(at(9)));
    let store = store_in(folder.path(), &clock);
    for day in 0..40 {
        clock.set(at(9) + chrono::Duration::days(day));
        store.automatic_backup(folder.path()).unwrap();
    }
    let left = backups(folder.path()).unwrap();
    let newest: Vec<_> = left.iter().take(7).map(|b| b.made_at).collect();
    let expected: Vec<_> = (0..7)
        .map(|back| at(9) + chrono::Duration::days(39 - back))
        .collect();
    assert_eq!(newest, expected, "the last seven days");
    let mut weeks: Vec<_> = left
        .iter()
        .map(|b| b.made_at.date_naive().iso_week())
        .collect();
    weeks.dedup();
    assert_eq!(weeks.len(), 4, "four weeks: {left:?}");
    assert!(left.len() <= KEEP_DAYS + KEEP_WEEKS, "{}", left.len());
}
