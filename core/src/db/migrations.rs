//! The schema's history: numbered `.sql` files, embedded in the binary and
//! applied in order, each in one transaction together with its version bump.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::Result;

/// Every migration, in order; the version of the n-th is n (starting at 1).
const MIGRATIONS: &[&str] = &[
    include_str!("../../migrations/0001_complaints.sql"),
    include_str!("../../migrations/0002_journey.sql"),
    include_str!("../../migrations/0003_faster_lists.sql"),
    include_str!("../../migrations/0004_reminders.sql"),
    include_str!("../../migrations/0005_closed_last.sql"),
    include_str!("../../migrations/0006_customer_notes.sql"),
    include_str!("../../migrations/0007_deleted.sql"),
    include_str!("../../migrations/0008_causes.sql"),
    include_str!("../../migrations/0009_known_issues.sql"),
    include_str!("../../migrations/0010_learning.sql"),
    include_str!("../../migrations/0011_merged_customers.sql"),
    include_str!("../../migrations/0012_attachments.sql"),
    include_str!("../../migrations/0013_sync.sql"),
    include_str!("../../migrations/0014_sync_journey.sql"),
    include_str!("../../migrations/0015_sync_learning.sql"),
    include_str!("../../migrations/0016_sync_files.sql"),
    include_str!("../../migrations/0017_sync_settings.sql"),
];

/// The schema version this build of Mend writes.
pub const LATEST_VERSION: i64 = MIGRATIONS.len() as i64;

pub(crate) fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("PRAGMA user_version", [], |row| row.get(0))?)
}

/// Brings the schema up to `LATEST_VERSION`. The version is read again inside
/// each write transaction, so two Mends starting at once cannot both apply it.
pub(crate) fn migrate(conn: &mut Connection, application_id: i32) -> Result<()> {
    apply(conn, MIGRATIONS, application_id)
}

/// Brings an empty or older schema up to `version` only: how an export
/// from an older Mend is read before the later migrations bring it up to date.
pub(crate) fn migrate_to(conn: &mut Connection, version: i64, application_id: i32) -> Result<()> {
    let count = usize::try_from(version).unwrap_or(0).min(MIGRATIONS.len());
    apply(conn, &MIGRATIONS[..count], application_id)
}

fn apply(conn: &mut Connection, migrations: &[&str], application_id: i32) -> Result<()> {
    let latest = migrations.len() as i64;
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = user_version(&tx)?;
        if current >= latest {
            return Ok(());
        }
        let next = current + 1;
        tx.execute_batch(migrations[current as usize])?;
        tx.execute_batch(&format!(
            "PRAGMA user_version = {next}; PRAGMA application_id = {application_id};"
        ))?;
        tx.commit()?;
        tracing::info!(version = next, "applied database migration");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table_exists(conn: &Connection, name: &str) -> bool {
        conn.query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = ?1",
            [name],
            |r| r.get::<_, i64>(0),
        )
        .unwrap()
            == 1
    }

    #[test]
    fn a_failing_migration_leaves_no_trace_and_keeps_the_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        let steps = [
            "CREATE TABLE first (x);",
            "CREATE TABLE second (y); THIS IS NOT SQL;",
        ];

        let err = apply(&mut conn, &steps, 7).unwrap_err();
        assert!(err.to_string().contains("syntax error"), "{err}");

        assert_eq!(user_version(&conn).unwrap(), 1);
        assert!(table_exists(&conn, "first"));
        assert!(
            !table_exists(&conn, "second"),
            "the failed step must be rolled back whole"
        );
    }

    #[test]
    fn migrations_already_applied_are_not_applied_again() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &["CREATE TABLE first (x);"], 7).unwrap();
        apply(
            &mut conn,
            &["CREATE TABLE first (x);", "CREATE TABLE second (y);"],
            7,
        )
        .unwrap();
        assert_eq!(user_version(&conn).unwrap(), 2);
        assert!(table_exists(&conn, "second"));
    }

    #[test]
    fn upgrading_to_version_3_rebuilds_the_search_with_everything_written() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, &MIGRATIONS[..2], 7).unwrap();
        conn.execute_batch(
            "INSERT INTO customers (id, name, created_at) VALUES (1, 'Chloé Lima', 'now');
             INSERT INTO complaints (id, customer_id, summary, received_at, created_at)
                 VALUES (5, 1, 'Broken cake', 'now', 'now');
             INSERT INTO contacts (complaint_id, direction, channel, at, text, created_at)
                 VALUES (5, 'outgoing', 'email', 'now', 'A refund is on its way', 'now');",
        )
        .unwrap();

        apply(&mut conn, MIGRATIONS, 7).unwrap();

        let mut search = conn
            .prepare("SELECT rowid FROM complaint_search WHERE complaint_search MATCH ?1")
            .unwrap();
        for words in ["chloe", "broken", "\"refu\"*", "\"re\"*", "\"r\"*"] {
            let found: Vec<i64> = search
                .query_map([words], |row| row.get(0))
                .unwrap()
                .map(|id| id.unwrap())
                .collect();
            assert_eq!(found, [5], "{words}");
        }
    }
}
