use std::path::{Path, PathBuf};
use std::sync::Arc;

use rusqlite::Connection;

use super::*;
use crate::clock::FixedClock;
use crate::store::test_support::{at, phone_complaint, summaries};

fn store_in(folder: &Path, clock: &Arc<FixedClock>) -> Store {
    Store::open_in(folder, clock.clone()).unwrap()
}

/// A data folder holding a copy of `database`.
fn tempdir_with(database: &Path) -> PathBuf {
    let folder = tempfile::tempdir().unwrap().keep();
    std::fs::copy(database, Store::database_path(&folder)).unwrap();
    folder
}

/// A folder with "before the backup" in its backup and "after the backup"
/// written since; returns the store, the clock and the backup's path.
fn backed_up_folder() -> (tempfile::TempDir, Arc<FixedClock>, Store, PathBuf) {
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
    (folder, clock, store, PathBuf::from(backup.path))
}

fn names_in(folder: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(folder)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        // SQLite's companion files come and go with open connections.
        .filter(|name| name != "backups" && !name.ends_with("-wal") && !name.ends_with("-shm"))
        .collect();
    names.sort();
    names
}

#[test]
fn a_restore_brings_back_the_backup_and_keeps_the_data_it_replaced() {
    let (folder, clock, store, backup) = backed_up_folder();

    let (store, kept) = restore(store, folder.path(), &backup);
    let (mut store, kept) = (store.unwrap(), kept.unwrap());
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
    let files_before = names_in(folder.path());

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
        let (kept_store, outcome) = restore(store, folder.path(), &path);
        store = kept_store.unwrap();
        let err = outcome.unwrap_err();
        assert_eq!(err.code(), "not_a_backup", "{}", path.display());
        assert!(
            err.to_string().contains(expected),
            "{}: {err}",
            path.display()
        );
        assert!(err.to_string().contains("Nothing was changed"));
    }
    assert_eq!(summaries(&store), ["kept"]);
    assert_eq!(
        names_in(folder.path()),
        files_before,
        "no copy is made and nothing is left when nothing is restored"
    );
}

/// Where the swap fails: the rename that brings the backup in.
fn failing_to_bring_in(from: &Path, to: &Path) -> io::Result<()> {
    if from.extension().is_some_and(|e| e == "restoring") {
        return Err(io::Error::new(io::ErrorKind::StorageFull, "no space left"));
    }
    std::fs::rename(from, to)
}

/// The rename happens, but what arrives cannot be opened (a disk that
/// garbles the file, say).
fn garbling_what_comes_in(from: &Path, to: &Path) -> io::Result<()> {
    std::fs::rename(from, to)?;
    if from.extension().is_some_and(|e| e == "restoring") {
        std::fs::write(to, b"garbled by the disk")?;
    }
    Ok(())
}

#[test]
fn when_the_swap_fails_the_previous_data_is_back_in_place_and_still_saved_to_its_file() {
    for (rename, why) in [
        (
            failing_to_bring_in as fn(&Path, &Path) -> io::Result<()>,
            "the disk is full",
        ),
        (garbling_what_comes_in, "would not open"),
    ] {
        let (folder, clock, store, backup) = backed_up_folder();
        let files_before = names_in(folder.path());

        let (store, outcome) = restore_with(store, folder.path(), &backup, &Unwatched, &rename);
        let err = outcome.unwrap_err();
        assert_eq!(err.code(), "restore_failed", "{err}");
        assert!(err.to_string().contains(why), "{err}");
        assert!(
            err.to_string().contains("put your data back as it was"),
            "{err}"
        );

        let mut store = store.expect("the previous data is open again");
        assert_eq!(summaries(&store), ["after the backup", "before the backup"]);
        store
            .create_complaint(&phone_complaint(
                "Carla",
                "written after the failed restore",
            ))
            .unwrap();
        drop(store);
        let reopened = store_in(folder.path(), &clock);
        assert_eq!(
            summaries(&reopened),
            [
                "written after the failed restore",
                "after the backup",
                "before the backup"
            ],
            "saved to the data file, not to memory"
        );
        drop(reopened);
        assert_eq!(names_in(folder.path()), files_before, "nothing left behind");
    }
}

#[test]
fn a_start_after_a_restore_cut_short_puts_the_data_back_rather_than_starting_empty() {
    let (folder, clock, store, _) = backed_up_folder();
    drop(store);
    // Mend stopped between setting the data aside and bringing the backup in.
    let database = Store::database_path(folder.path());
    std::fs::rename(&database, database.with_extension("replaced")).unwrap();

    let reopened = store_in(folder.path(), &clock);
    assert_eq!(
        summaries(&reopened),
        ["after the backup", "before the backup"]
    );
    assert!(!database.with_extension("replaced").exists());
}
