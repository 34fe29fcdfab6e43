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
