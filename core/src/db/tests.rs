use super::*;
use tempfile::TempDir;

fn data_file(dir: &TempDir) -> std::path::PathBuf {
    dir.path().join(FILE_NAME)
}

fn pragma<T: rusqlite::types::FromSql>(conn: &Connection, name: &str) -> T {
    conn.query_row(&format!("PRAGMA {name}"), [], |row| row.get(0))
        .unwrap()
}

#[test]
fn a_fresh_database_is_created_marked_and_migrated() {
    let dir = TempDir::new().unwrap();
    let conn = open(&data_file(&dir)).unwrap();
    assert_eq!(pragma::<i32>(&conn, "application_id"), APPLICATION_ID);
    assert_eq!(pragma::<i64>(&conn, "user_version"), LATEST_VERSION);
    let tables: i64 = conn
        .query_row(
            "SELECT count(*) FROM sqlite_schema WHERE name = 'complaints'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(tables, 1);
}

#[test]
fn the_connection_is_set_up_for_safety() {
    let dir = TempDir::new().unwrap();
    let conn = open(&data_file(&dir)).unwrap();
    assert_eq!(pragma::<String>(&conn, "journal_mode"), "wal");
    assert_eq!(pragma::<i64>(&conn, "foreign_keys"), 1);
    assert_eq!(pragma::<i64>(&conn, "synchronous"), 1, "1 is NORMAL");
    assert_eq!(pragma::<i64>(&conn, "busy_timeout"), 5000);
}

#[test]
fn reopening_a_current_database_keeps_it_as_it_is() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    {
        let conn = open(&path).unwrap();
        conn.execute(
            "INSERT INTO customers (name, created_at) VALUES ('Ana', 'now')",
            [],
        )
        .unwrap();
    }
    let conn = open(&path).unwrap();
    let count: i64 = conn
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 1);
    assert_eq!(pragma::<i64>(&conn, "user_version"), LATEST_VERSION);
}

#[test]
fn a_database_from_a_newer_mend_is_refused_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    {
        let conn = open(&path).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {}", LATEST_VERSION + 1))
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let err = open(&path).unwrap_err();

    assert!(matches!(err, Error::NewerDatabase { found, supported }
        if found == LATEST_VERSION + 1 && supported == LATEST_VERSION));
    assert!(err.to_string().contains("newer version of Mend"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_file_that_is_not_a_database_is_refused_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    let contents = b"name,summary\nAna,late parcel\n".repeat(300);
    std::fs::write(&path, &contents).unwrap();

    let err = open(&path).unwrap_err();

    assert!(matches!(err, Error::NotADatabase { .. }), "{err:?}");
    assert!(err.to_string().contains("is not a Mend data file"), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), contents);
}

#[test]
fn a_file_with_a_sqlite_header_but_nothing_behind_it_is_damaged_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    let mut contents = SQLITE_HEADER.to_vec();
    contents.extend(std::iter::repeat_n(0xA5u8, 8192));
    std::fs::write(&path, &contents).unwrap();

    let err = open(&path).unwrap_err();

    assert!(matches!(err, Error::Damaged { .. }), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), contents);
}

#[test]
fn another_programs_database_is_refused_and_left_untouched() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    {
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('mine');")
            .unwrap();
    }
    let before = std::fs::read(&path).unwrap();

    let err = open(&path).unwrap_err();

    assert!(matches!(err, Error::ForeignDatabase { .. }), "{err:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn an_empty_file_is_taken_as_a_new_database() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    std::fs::write(&path, b"").unwrap();
    let conn = open(&path).unwrap();
    assert_eq!(pragma::<i32>(&conn, "application_id"), APPLICATION_ID);
}

#[test]
fn an_in_memory_database_has_the_same_schema() {
    let conn = open_in_memory().unwrap();
    assert_eq!(pragma::<i64>(&conn, "user_version"), LATEST_VERSION);
    assert_eq!(pragma::<i64>(&conn, "foreign_keys"), 1);
}

/// The schema every migration adds up to, kept in `core/schema.sql` so that a
/// change to it is seen in review. `MEND_UPDATE_SCHEMA=1` rewrites the file.
#[test]
fn the_final_schema_matches_its_snapshot() {
    let conn = open_in_memory().unwrap();
    let mut statement = conn
        .prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY type DESC, name")
        .unwrap();
    let rows = statement
        .query_map([], |row| row.get::<_, String>(0))
        .unwrap();
    let schema: String = rows.map(|sql| format!("{};\n", sql.unwrap())).collect();

    let snapshot = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("schema.sql");
    if std::env::var_os("MEND_UPDATE_SCHEMA").is_some() {
        std::fs::write(&snapshot, &schema).unwrap();
    }
    let expected = std::fs::read_to_string(&snapshot).unwrap_or_default();
    assert_eq!(
        schema, expected,
        "the schema changed: check the change, then run the core tests once with \
         MEND_UPDATE_SCHEMA=1 to update core/schema.sql"
    );
}
