//! Two computers in sync, both updated to a Mend whose migration adds
//! shared rows: each runs the migration on its own data, and what it adds
//! reaches the other once, not twice.

use super::test_computers::{laptop_and_desktop, rounds, Computer};
use super::SyncSession;
use crate::store::test_support::at;
use crate::Store;

/// Puts `on`'s data back as the previous Mend (schema 13) left it: what
/// migration 0014 adds taken away, the version set back.
fn as_the_previous_mend_left_it(on: &Computer) -> std::path::PathBuf {
    on.store
        .read(|conn| {
            conn.execute_batch(
                "DROP TRIGGER sync_id_of_reminder_endings;
                 DROP TRIGGER sync_change_of_reminder_endings;
                 DROP TRIGGER sync_removal_of_reminder_endings;
                 DROP TRIGGER sync_id_of_reminders;
                 DROP TRIGGER sync_change_of_reminders;
                 DROP TRIGGER sync_removal_of_reminders;
                 DROP TRIGGER moved_reminder_rings_again;
                 DROP TABLE reminder_endings;
                 DELETE FROM sync_ids WHERE tbl IN ('reminder_endings', 'reminders');
                 DROP TRIGGER sync_change_of_complaints;
                 ALTER TABLE complaints DROP COLUMN journey_at;
                 CREATE TRIGGER sync_change_of_complaints AFTER UPDATE
                     OF customer_id, summary, received_at, created_at, channel, is_public,
                        customer_words, desired_outcome, reference, category_id, severity,
                        cause_id, deleted_at, cleared_at, step, acknowledged_at,
                        apologized_at, promised_date, fixed_at, last_outgoing_at, closed_at,
                        close_reason
                     ON complaints
                 BEGIN
                     INSERT OR IGNORE INTO sync_pending (tbl, local_id)
                         SELECT 'complaints', NEW.id FROM sync_on;
                 END;
                 PRAGMA user_version = 13;",
            )?;
            Ok(())
        })
        .unwrap();
    on._data.path().to_owned()
}

fn endings(on: &Computer) -> (i64, i64) {
    on.store
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT count(*), (SELECT count(*) FROM sync_ids WHERE tbl = 'reminder_endings')
                 FROM reminder_endings",
                [],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )?)
        })
        .unwrap()
}

#[test]
fn a_migration_run_on_each_computer_with_sync_on_adds_its_rows_once() {
    let shared = tempfile::tempdir().unwrap();
    let (laptop, desktop, _) = laptop_and_desktop(shared.path());
    let mut updated = Vec::new();
    for on in [laptop, desktop] {
        let folder = as_the_previous_mend_left_it(&on);
        // The same reminder dismissed on both, as the previous Mend did it
        // (it shared no endings).
        on.store
            .read(|conn| {
                conn.execute(
                    "UPDATE reminders SET state = 'dismissed', ended_at = ?1
                     WHERE kind = 'acknowledge'",
                    [crate::dates::stamp(at(14))],
                )?;
                Ok(())
            })
            .unwrap();
        let Computer {
            _data,
            store,
            clock,
            ..
        } = on;
        drop(store);
        // The update: Mend opens the data and runs the migration.
        let mut store = Store::open_in(&folder, clock.clone()).unwrap();
        let sync = SyncSession::open(&mut store, shared.path()).unwrap();
        updated.push(Computer {
            _data,
            store,
            sync,
            clock,
        });
    }
    let (mut laptop, mut desktop) = (updated.remove(0), updated.remove(0));
    assert_eq!(endings(&laptop), (1, 1), "the ending noted, to give out");
    rounds(&mut laptop, &mut desktop);
    assert_eq!(
        endings(&laptop),
        (1, 1),
        "taken in as the same row, not a second"
    );
    assert_eq!(endings(&desktop), (1, 1));
    assert_eq!(laptop.shared(), desktop.shared());
    laptop.clock.set(at(14));
    assert_eq!(laptop.store.due_summary().unwrap().count, 0);
}
