//! Starting again after the data file was found damaged: the damaged file is
//! set aside under a new name (never deleted), then Mend starts from the
//! latest automatic backup, or from an empty database.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde::Deserialize;

use super::backups::{backups, check_backup};
use super::restore::{move_database, prepare_incoming};
use super::Store;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::progress::Unwatched;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StartFrom {
    LatestBackup,
    Empty,
}

/// Beside the data file once the check in the background found it damaged:
/// the next start offers to start again, as for damage found at start.
const DAMAGE_MARK: &str = "mend.sqlite3-damaged";

/// Whether the data in `data_dir` is damaged, as the check in the background
/// found: checked again first (the file may have been put right by hand
/// since), so a mark left behind never keeps a good file from opening.
pub(crate) fn still_damaged(data_dir: &Path) -> bool {
    if !data_dir.join(DAMAGE_MARK).exists() {
        return false;
    }
    match crate::db::check_whole_file(&Store::database_path(data_dir)) {
        Err(Error::Damaged { .. }) => true,
        _ => {
            clear_damage_mark(data_dir);
            false
        }
    }
}

pub(crate) fn clear_damage_mark(data_dir: &Path) {
    let _ = std::fs::remove_file(data_dir.join(DAMAGE_MARK));
}

/// Checks the whole data file in `data_dir` (see `db::check_whole_file`),
/// apart from the store; damage found is marked for the next start, and
/// said in words.
pub fn check_data(data_dir: &Path) -> Result<()> {
    let checked = crate::db::check_whole_file(&Store::database_path(data_dir));
    if matches!(checked, Err(Error::Damaged { .. })) {
        // The damage is said even when it cannot be marked for the next start.
        if let Err(error) = std::fs::write(data_dir.join(DAMAGE_MARK), "") {
            tracing::error!(kind = ?error.kind(), "the damage could not be marked");
        }
    }
    checked
}

/// Whether a problem met when opening the data can be recovered from by
/// starting again (from the latest backup, or empty): only a damaged file
/// or one that is not a database at all. A newer Mend's file, another
/// program's database or a folder that cannot be used are left as they are.
pub fn can_recover(error: &Error) -> bool {
    matches!(error, Error::Damaged { .. } | Error::NotADatabase { .. })
}

/// Sets the damaged data aside and opens the store again from `start`.
/// Returns the store and where the damaged file now is. Refused when the
/// data opens, or when its problem is not one to recover from.
pub fn recover(
    data_dir: &Path,
    clock: Arc<dyn Clock>,
    start: StartFrom,
) -> Result<(Store, PathBuf)> {
    match Store::open_in(data_dir, clock.clone()) {
        Ok(_) => {
            return Err(Error::Refused(
                "Your data opened normally; there is nothing to recover.".into(),
            ))
        }
        Err(error) if !can_recover(&error) => return Err(error),
        Err(_) => {}
    }
    let database = Store::database_path(data_dir);
    let incoming = database.with_extension("restoring");
    // The backup is copied and opened first, while the damaged file is
    // still where it was: a backup that will not open changes nothing.
    if start == StartFrom::LatestBackup {
        let latest = backups(data_dir)?
            .into_iter()
            .next()
            .ok_or_else(|| Error::Refused("There is no backup to restore yet.".into()))?;
        let backup = Path::new(&latest.path);
        check_backup(backup)?;
        prepare_incoming(backup, &incoming, clock.clone(), &Unwatched)?;
    }
    let stamp = clock.now().format("%Y-%m-%dT%H-%M-%SZ");
    let aside = data_dir.join(format!("mend-damaged-{stamp}.sqlite3"));
    let rename = |from: &Path, to: &Path| std::fs::rename(from, to);
    let folder_error = |path: &Path| {
        let path = path.to_owned();
        move |source| Error::Folder { path, source }
    };
    move_database(&database, &aside, &rename).map_err(folder_error(&database))?;
    clear_damage_mark(data_dir);
    if start == StartFrom::LatestBackup {
        move_database(&incoming, &database, &rename).map_err(folder_error(&database))?;
    }
    Ok((Store::open_in(data_dir, clock)?, aside))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::test_support::{at, phone_complaint, summaries};
    use crate::FixedClock;

    /// A data folder with one complaint and a backup, whose file then breaks.
    fn damaged_folder() -> (tempfile::TempDir, Arc<FixedClock>, Vec<u8>) {
        let folder = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(at(9)));
        let mut store = Store::open_in(folder.path(), clock.clone()).unwrap();
        store
            .create_complaint(&phone_complaint("Ana", "in the backup"))
            .unwrap();
        store.automatic_backup(folder.path()).unwrap();
        drop(store);
        let database = Store::database_path(folder.path());
        let bytes = std::fs::read(&database).unwrap();
        let damaged = bytes[..bytes.len() / 3].to_vec();
        std::fs::write(&database, &damaged).unwrap();
        let _ = std::fs::remove_file(database.with_extension("sqlite3-wal"));
        (folder, clock, damaged)
    }

    #[test]
    fn damage_deep_in_the_file_is_found_in_the_background_and_offered_at_the_next_start() {
        let folder = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(at(9)));
        let mut store = Store::open_in(folder.path(), clock.clone()).unwrap();
        crate::generate::populate(&mut store, 300, 2000, 7).unwrap();
        store.automatic_backup(folder.path()).unwrap();
        drop(store);
        // A page near the end scrambled: the file still opens.
        let database = Store::database_path(folder.path());
        let mut bytes = std::fs::read(&database).unwrap();
        let page = 4096;
        let last = bytes.len() / page - 2;
        bytes[last * page..(last + 1) * page].fill(0x5A);
        std::fs::write(&database, &bytes).unwrap();
        let store = Store::open_in(folder.path(), clock.clone()).unwrap();

        let found = check_data(folder.path()).unwrap_err();
        assert_eq!(found.code(), "damaged_database", "{found}");
        drop(store);
        let next_start = Store::open_in(folder.path(), clock.clone()).err().unwrap();
        assert!(can_recover(&next_start), "{next_start}");

        let (store, _aside) =
            recover(folder.path(), clock.clone(), StartFrom::LatestBackup).unwrap();
        let complaints: i64 = store
            .conn
            .query_row("SELECT count(*) FROM complaints", [], |row| row.get(0))
            .unwrap();
        assert_eq!(complaints, 300);
        drop(store);
        check_data(folder.path()).unwrap();
        Store::open_in(folder.path(), clock).unwrap();
    }

    #[test]
    fn a_damage_mark_left_on_a_good_file_does_not_keep_it_from_opening() {
        let folder = tempfile::tempdir().unwrap();
        let clock = Arc::new(FixedClock::at(at(9)));
        drop(Store::open_in(folder.path(), clock.clone()).unwrap());
        // Marked, then the file put right by hand (a good copy brought in).
        std::fs::write(folder.path().join(DAMAGE_MARK), "").unwrap();
        Store::open_in(folder.path(), clock).unwrap();
        assert!(!folder.path().join(DAMAGE_MARK).exists());
    }

    #[test]
    fn a_damaged_file_is_refused_at_start_in_plain_words() {
        let (folder, clock, damaged) = damaged_folder();
        let err = Store::open_in(folder.path(), clock).err().unwrap();
        assert_eq!(err.code(), "damaged_database", "{err}");
        assert!(err.to_string().contains("is damaged"));
        assert_eq!(
            std::fs::read(Store::database_path(folder.path())).unwrap(),
            damaged,
            "untouched"
        );
    }

    #[test]
    fn starting_from_the_latest_backup_keeps_the_damaged_file_aside() {
        let (folder, clock, damaged) = damaged_folder();
        let (store, aside) = recover(folder.path(), clock, StartFrom::LatestBackup).unwrap();
        assert_eq!(summaries(&store), ["in the backup"]);
        assert_eq!(
            std::fs::read(&aside).unwrap(),
            damaged,
            "kept, byte for byte"
        );
    }

    #[test]
    fn starting_empty_keeps_the_damaged_file_aside() {
        let (folder, clock, damaged) = damaged_folder();
        let (store, aside) = recover(folder.path(), clock, StartFrom::Empty).unwrap();
        assert!(summaries(&store).is_empty());
        assert_eq!(std::fs::read(&aside).unwrap(), damaged);
    }

    #[test]
    fn without_a_backup_there_is_nothing_to_restore_and_nothing_moves() {
        let folder = tempfile::tempdir().unwrap();
        let database = Store::database_path(folder.path());
        std::fs::write(&database, b"not a database at all").unwrap();
        let clock = Arc::new(FixedClock::at(at(9)));
        let err = recover(folder.path(), clock, StartFrom::LatestBackup)
            .err()
            .unwrap();
        assert!(err.to_string().contains("no backup"), "{err}");
        assert!(database.is_file());
    }

    #[test]
    fn only_a_damaged_file_is_recovered_from() {
        let clock = Arc::new(FixedClock::at(at(9)));
        let healthy = tempfile::tempdir().unwrap();
        Store::open_in(healthy.path(), clock.clone())
            .unwrap()
            .create_complaint(&phone_complaint("Ana", "fine"))
            .unwrap();
        let err = recover(healthy.path(), clock.clone(), StartFrom::Empty)
            .err()
            .unwrap();
        assert_eq!(err.code(), "refused");
        assert!(err.to_string().contains("nothing to recover"), "{err}");

        let foreign = tempfile::tempdir().unwrap();
        let database = Store::database_path(foreign.path());
        rusqlite::Connection::open(&database)
            .unwrap()
            .execute_batch("CREATE TABLE notes (text TEXT);")
            .unwrap();
        let err = recover(foreign.path(), clock.clone(), StartFrom::Empty)
            .err()
            .unwrap();
        assert_eq!(err.code(), "foreign_database", "{err}");
        assert!(!can_recover(&err));
        assert!(
            database.is_file(),
            "another program's file stays where it is"
        );

        let (damaged, clock, _) = damaged_folder();
        let err = Store::open_in(damaged.path(), clock).err().unwrap();
        assert!(can_recover(&err), "{err}");
    }
}
