//! Computers on different versions of Mend: both updated to a Mend whose
//! migration adds shared rows (what it adds reaches the other once, not
//! twice), and an older Mend meeting what a newer one wrote (kept, passed on).

use super::test_computers::{computer, laptop_and_desktop, rounds, Computer};
use super::SyncSession;
use crate::store::test_support::{at, phone_complaint};
use crate::Store;

/// Puts `on`'s data back as a Mend of schema 13 left it: what migrations
/// 0014 to 0017 add taken away (a later one must be undone here too), the
/// version set back.
fn as_the_previous_mend_left_it(on: &Computer) -> std::path::PathBuf {
    on.store
        .read(|conn| {
            for what in ["setting", "template"] {
                for change in ["added", "changed", "removed"] {
                    conn.execute_batch(&format!("DROP TRIGGER sync_{what}_{change};"))?;
                }
            }
            conn.execute_batch(
                "DROP TABLE sync_settings_pending;
                 DROP TRIGGER attachment_bytes_go_with_it;
                 ALTER TABLE attachments DROP COLUMN content_hash;",
            )?;
            for table in [
                "known_issues",
                "improvements",
                "known_issue_tellings",
                "attachments",
            ] {
                conn.execute_batch(&format!(
                    "DROP TRIGGER sync_id_of_{table};
                     DROP TRIGGER sync_change_of_{table};
                     DROP TRIGGER sync_removal_of_{table};
                     DELETE FROM sync_ids WHERE tbl = '{table}';"
                ))?;
            }
            conn.execute_batch(
                "DROP TABLE known_issue_tellings;
                 CREATE TABLE known_issue_tellings (
                     known_issue_id  INTEGER NOT NULL REFERENCES known_issues (id),
                     customer_id     INTEGER NOT NULL REFERENCES customers (id),
                     state           TEXT NOT NULL CHECK (state IN ('told', 'dismissed')),
                     at              TEXT NOT NULL,
                     PRIMARY KEY (known_issue_id, customer_id)
                 ) WITHOUT ROWID;
                 DROP TRIGGER sync_change_of_history;
                 CREATE TRIGGER sync_change_of_history AFTER UPDATE
                     OF complaint_id, customer_id, at, who, what
                     ON history
                 BEGIN
                     INSERT OR IGNORE INTO sync_pending (tbl, local_id)
                         SELECT 'history', NEW.id FROM sync_on;
                 END;",
            )?;
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

/// The desktop runs a newer Mend, which keeps what this one does not know
/// (a field of a complaint, rows of a kind it does not have). The laptop's
/// older Mend takes it in, changes the complaint, and passes it all on: a
/// third computer joining later has everything the newer one wrote.
#[test]
fn what_a_newer_mend_wrote_is_kept_by_an_older_one_and_passed_on() {
    use automerge::transaction::Transactable;
    use automerge::{ObjType, ReadDoc, ROOT};

    let shared = tempfile::tempdir().unwrap();
    let (mut older, mut newer, made) = laptop_and_desktop(shared.path());
    let key = older
        .store
        .read(|conn| super::doc::uid_of(conn, "complaints", made))
        .unwrap()
        .map(|uid| format!("complaints/{uid}"))
        .unwrap();
    newer
        .sync
        .change_as_a_newer_mend(&mut newer.store, |change| {
            let (_, row) = change.get(ROOT, key.as_str()).unwrap().unwrap();
            change.put(&row, "mood", "cross").unwrap();
            let feeling = change.put_object(ROOT, "feelings/1", ObjType::Map).unwrap();
            change.put(&feeling, "word", "upset").unwrap();
        });
    newer.round();
    older.round();
    let customer = older.store.complaint(made).unwrap().summary.customer_id;
    let mut edit = phone_complaint("", "Birthday cake arrived squashed");
    edit.new_customer = None;
    edit.customer_id = Some(customer);
    edit.received_at = Some(crate::dates::stamp(
        older.store.complaint(made).unwrap().summary.received_at,
    ));
    older.store.correct_complaint(made, &edit).unwrap();
    rounds(&mut older, &mut newer);
    let mut third = computer(shared.path());
    third.round();

    for on in [&older, &newer, &third] {
        assert_eq!(on.summaries(), ["Birthday cake arrived squashed"]);
        let doc = on.sync.document();
        let (_, row) = doc.get(ROOT, key.as_str()).unwrap().unwrap();
        let mood = doc
            .get(&row, "mood")
            .unwrap()
            .map(|(value, _)| value.to_string());
        assert_eq!(mood.as_deref(), Some("\"cross\""), "the newer field kept");
        assert!(
            doc.get(ROOT, "feelings/1").unwrap().is_some(),
            "the rows of a newer kind kept"
        );
    }
}

/// The desktop's older Mend did not know known issues, so it left the
/// laptop's in the shared document and kept none. Once updated, it puts
/// in place what it left alone.
#[test]
fn an_updated_mend_puts_in_place_what_its_older_self_left_alone() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, made) = laptop_and_desktop(shared.path());
    let issue = laptop
        .store
        .create_known_issue(&crate::store::known_issues::IssueText {
            title: "Boxes too thin for tall cakes".into(),
            ..Default::default()
        })
        .unwrap()
        .summary
        .id;
    laptop.store.link_complaint(issue, made).unwrap();
    rounds(&mut laptop, &mut desktop);
    // As the older Mend left it: no known issue, not linked, not caught up.
    desktop
        .store
        .read(|conn| {
            // Its history lines about the issue had none either (the
            // history is never changed otherwise: its guard is put back).
            let guard: String = conn.query_row(
                "SELECT sql FROM sqlite_schema WHERE name = 'history_is_append_only_delete'",
                [],
                |row| row.get(0),
            )?;
            conn.execute_batch(&format!(
                "DROP TRIGGER history_is_append_only_delete;
                 DELETE FROM history WHERE known_issue_id IS NOT NULL;
                 {guard};
                 DELETE FROM sync_ids WHERE tbl = 'known_issues';
                 UPDATE complaints SET known_issue_id = NULL;
                 DELETE FROM known_issues;
                 DELETE FROM sync_pending;
                 DELETE FROM sync_removed;
                 DELETE FROM settings WHERE key = 'sync_caught_up';"
            ))?;
            Ok(())
        })
        .unwrap();
    assert!(desktop.store.known_issues().unwrap().is_empty());

    desktop.round();
    let issues = desktop.store.known_issues().unwrap();
    assert_eq!(issues.len(), 1, "put in place once updated");
    assert_eq!(issues[0].title, "Boxes too thin for tall cakes");
    assert_eq!(
        issues[0].complaint_count, 1,
        "and its complaint linked to it"
    );
    rounds(&mut laptop, &mut desktop);
    assert_eq!(laptop.shared(), desktop.shared());
}
