use std::sync::Arc;

use super::*;
use crate::clock::FixedClock;
use crate::store::test_support::at;

fn store_in(folder: &Path, clock: &Arc<FixedClock>) -> Store {
    Store::open_in(folder, clock.clone()).unwrap()
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

#[test]
fn a_backup_is_made_while_the_owner_is_writing_and_holds_what_was_saved() {
    let folder = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::at(at(9)));
    let mut store = store_in(folder.path(), &clock);
    store
        .create_complaint(&crate::store::test_support::phone_complaint(
            "Ana Lima",
            "Saved before the backup",
        ))
        .unwrap();
    let target = folder.path().join("copy.sqlite3");
    // The copy is made in the middle of a write that is not saved yet: it
    // neither waits for it nor holds any of it.
    store
        .write(|write| {
            write.execute(
                "UPDATE complaints SET summary = 'Being written' WHERE id = 1",
                [],
            )?;
            automatic_backup_in(folder.path(), &*clock)?;
            back_up_file(&Store::database_path(folder.path()), &target)
        })
        .unwrap();
    for copy in [
        target,
        Path::new(&backups(folder.path()).unwrap()[0].path).to_owned(),
    ] {
        check_backup(&copy).unwrap();
        let summary: String = Connection::open(&copy)
            .unwrap()
            .query_row("SELECT summary FROM complaints", [], |row| row.get(0))
            .unwrap();
        assert_eq!(summary, "Saved before the backup");
    }
    let live = Store::database_path(folder.path());
    let refused = back_up_file(&live, &live).unwrap_err();
    assert!(refused
        .to_string()
        .starts_with("That is the file Mend is using now"));
}

#[test]
fn a_copy_is_written_beside_its_whole_name_and_one_cut_short_is_let_go() {
    let folder = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::at(at(9)));
    drop(store_in(folder.path(), &clock));
    // "Backup 2026.05" is not "Backup 2026" with an ending: its neighbour stays.
    let neighbour = folder.path().join("Backup 2026.partial");
    std::fs::write(&neighbour, "the owner's own file").unwrap();
    let target = folder.path().join("Backup 2026.05");
    back_up_file(&Store::database_path(folder.path()), &target).unwrap();
    check_backup(&target).unwrap();
    assert_eq!(
        std::fs::read_to_string(&neighbour).unwrap(),
        "the owner's own file"
    );

    let backups_folder = folder.path().join(BACKUP_FOLDER);
    std::fs::create_dir_all(&backups_folder).unwrap();
    let cut_short = backups_folder.join("mend-2026-11-22T09-00-00Z.sqlite3.partial");
    std::fs::write(&cut_short, "half a copy").unwrap();
    automatic_backup_in(folder.path(), &*clock).unwrap();
    assert!(!cut_short.exists());
}
