//! Bringing a full JSON export back in: into an empty Mend only, all or
//! nothing, so that nothing is ever mixed up or half-imported. Exports from
//! every earlier version of Mend are read too.

use std::path::Path;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use rusqlite::types::Value as SqlValue;
use rusqlite::Connection;
use serde::Serialize;
use serde_json::{Map, Value};

use super::export::{tables_of, BLOB_KEY, FORMAT, TABLES};
use super::Store;
use crate::db::{migrations, APPLICATION_ID, LATEST_VERSION};
use crate::error::{Error, Result};
use crate::progress::{Progress, Unit, Unwatched, EVERY};

/// The largest export file Mend reads (far above any one-person business).
const MAX_BYTES: u64 = 2 * 1024 * 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub customers: usize,
    pub complaints: usize,
}

fn not_an_export(reason: &str) -> Error {
    Error::InvalidInput(format!(
        "This file is not a Mend export Mend can read: {reason}. Nothing was imported."
    ))
}

impl Store {
    /// Reads a file written by `export_json_to` and imports it.
    pub fn import_json_from(&mut self, path: &Path) -> Result<Imported> {
        self.import_json_from_watched(path, &Unwatched)
    }

    /// `import_json_from`, telling `progress` of the reading, then of the
    /// rows brought in.
    pub fn import_json_from_watched(
        &mut self,
        path: &Path,
        progress: &dyn Progress,
    ) -> Result<Imported> {
        progress.tell("Reading the file", 0, 0, Unit::Items);
        let size = std::fs::metadata(path)
            .map_err(|source| Error::Folder {
                path: path.to_owned(),
                source,
            })?
            .len();
        if size > MAX_BYTES {
            return Err(not_an_export("it is far too large"));
        }
        let text = std::fs::read_to_string(path).map_err(|_| not_an_export("it is not text"))?;
        let export: Value =
            serde_json::from_str(&text).map_err(|_| not_an_export("it is not JSON"))?;
        drop(text);
        self.import_json_watched(&export, progress)
    }

    /// Imports a full export into this Mend, which must hold no complaints
    /// and no customers yet. An export from an older Mend is first brought
    /// up to date through the same migrations as its data file would be.
    pub fn import_json(&mut self, export: &Value) -> Result<Imported> {
        self.import_json_watched(export, &Unwatched)
    }

    fn import_json_watched(&mut self, export: &Value, progress: &dyn Progress) -> Result<Imported> {
        if export.get("format").and_then(Value::as_str) != Some(FORMAT) {
            return Err(not_an_export("it was not made by Mend's export"));
        }
        let version = export
            .get("schemaVersion")
            .and_then(Value::as_i64)
            .unwrap_or(0);
        if version > LATEST_VERSION {
            return Err(not_an_export(
                "it was made by a newer Mend; please install the latest Mend first",
            ));
        }
        if version < 1 {
            return Err(not_an_export(
                "it does not say which version of Mend made it",
            ));
        }
        let tables = export
            .get("tables")
            .and_then(Value::as_object)
            .ok_or_else(|| not_an_export("it holds no data"))?;
        let upgraded;
        let tables = if version < LATEST_VERSION {
            progress.tell("Bringing the export up to date", 0, 0, Unit::Items);
            upgraded = brought_up_to_date(tables, version)?;
            &upgraded
        } else {
            tables
        };
        self.write(|tx| {
            let used: i64 = tx.query_row(
                "SELECT (SELECT count(*) FROM complaints) + (SELECT count(*) FROM customers)
                      + (SELECT count(*) FROM known_issues) + (SELECT count(*) FROM improvements)",
                [],
                |row| row.get(0),
            )?;
            if used > 0 {
                return Err(Error::Refused(
                    "Mend brings a full export only into an empty Mend, so that nothing is mixed up. \
                     Start Mend with an empty data folder, then import."
                        .into(),
                ));
            }
            // The export brings its own lists, settings and wording.
            tx.execute_batch(
                "DELETE FROM categories; DELETE FROM causes; DELETE FROM settings;
                 DELETE FROM reminder_endings; DELETE FROM reminders; DELETE FROM templates;
                 DELETE FROM attachment_contents; DELETE FROM attachments;",
            )?;
            let counts = insert_tables(tx, tables, progress)?;
            let ids: Vec<i64> = {
                let mut statement = tx.prepare("SELECT id FROM complaints")?;
                let rows = statement.query_map([], |row| row.get(0))?;
                rows.collect::<rusqlite::Result<_>>()?
            };
            for id in ids {
                tx.complaint_changed(id);
            }
            // What each complaint needs (its reminders, its search words)
            // is worked out as the import is saved, in one go.
            progress.tell("Working out each complaint's reminders", 0, 0, Unit::Items);
            Ok(counts)
        })
    }
}

/// The tables of an export made at `version`, as the current Mend holds
/// them: written into a database at that version, which the migrations
/// then bring up to date, exactly as they do an owner's data file.
fn brought_up_to_date(tables: &Map<String, Value>, version: i64) -> Result<Map<String, Value>> {
    let mut conn = Connection::open_in_memory()?;
    conn.execute_batch("PRAGMA foreign_keys = ON;")?;
    migrations::migrate_to(&mut conn, version, APPLICATION_ID)?;
    {
        let tx = conn.transaction()?;
        // What the migrations put in (the default lists) the export brings itself.
        for list in ["categories", "causes"] {
            if tables.contains_key(list) {
                tx.execute_batch(&format!("DELETE FROM {list};"))?;
            }
        }
        insert_tables(&tx, tables, &Unwatched)?;
        tx.commit()?;
    }
    migrations::migrate(&mut conn, APPLICATION_ID)?;
    tables_of(&conn)
}

/// Writes every row of the export's tables, refusing in words what does
/// not fit; checks that every reference points at a row that is there.
fn insert_tables(
    tx: &Connection,
    tables: &Map<String, Value>,
    progress: &dyn Progress,
) -> Result<Imported> {
    const DOING: &str = "Importing everything";
    let total: u64 = tables
        .values()
        .map(|rows| rows.as_array().map_or(0, Vec::len) as u64)
        .sum();
    let mut done: u64 = 0;
    progress.tell(DOING, 0, total, Unit::Items);
    if let Some(unknown) = tables.keys().find(|name| !TABLES.contains(&name.as_str())) {
        return Err(not_an_export(&format!(
            "it holds \"{unknown}\", which Mend does not know"
        )));
    }
    let mut counts = Imported {
        customers: 0,
        complaints: 0,
    };
    for table in TABLES {
        let rows = match tables.get(table) {
            Some(Value::Array(rows)) => rows,
            Some(_) => return Err(not_an_export(&format!("its {table} are not a list"))),
            None => continue,
        };
        let known: Vec<String> = {
            let mut statement =
                tx.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
            let names = statement.query_map([], |row| row.get(0))?;
            names.collect::<rusqlite::Result<_>>()?
        };
        if known.is_empty() && !rows.is_empty() {
            return Err(not_an_export(&format!(
                "it holds {table}, which the Mend that made it did not have"
            )));
        }
        for row in rows {
            insert_row(tx, table, &known, row)?;
            done += 1;
            if done.is_multiple_of(EVERY) {
                progress.tell(DOING, done, total, Unit::Items);
            }
        }
        match table {
            "customers" => counts.customers = rows.len(),
            "complaints" => counts.complaints = rows.len(),
            _ => {}
        }
    }
    let broken: i64 = tx.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |row| {
        row.get(0)
    })?;
    if broken > 0 {
        return Err(not_an_export(
            "some of its records point at records that are not there",
        ));
    }
    Ok(counts)
}

fn insert_row(tx: &Connection, table: &str, known: &[String], row: &Value) -> Result<()> {
    let object = row
        .as_object()
        .ok_or_else(|| not_an_export(&format!("a row of its {table} is not a record")))?;
    let mut columns = Vec::new();
    let mut values = Vec::new();
    for (name, value) in object {
        // The history is only ever added to, and this Mend may have some
        // already (its welcome, say): the export's lines follow them.
        if table == "history" && name == "id" {
            continue;
        }
        if !known.contains(name) {
            return Err(not_an_export(&format!(
                "its {table} have an unknown field \"{name}\""
            )));
        }
        columns.push(format!("\"{name}\""));
        values.push(match value {
            Value::Null => SqlValue::Null,
            Value::Bool(flag) => SqlValue::Integer(i64::from(*flag)),
            Value::Number(number) => match number.as_i64() {
                Some(whole) => SqlValue::Integer(whole),
                None => SqlValue::Real(number.as_f64().unwrap_or(0.0)),
            },
            Value::String(text) => SqlValue::Text(text.clone()),
            Value::Object(marked) if marked.len() == 1 && marked.contains_key(BLOB_KEY) => {
                let bytes = marked[BLOB_KEY]
                    .as_str()
                    .and_then(|text| BASE64.decode(text).ok())
                    .ok_or_else(|| not_an_export(&format!("a file in its {table} is damaged")))?;
                SqlValue::Blob(bytes)
            }
            _ => {
                return Err(not_an_export(&format!(
                    "its {table} hold a value Mend does not know"
                )))
            }
        });
    }
    let marks = vec!["?"; values.len()].join(", ");
    let sql = format!(
        "INSERT INTO {table} ({}) VALUES ({marks})",
        columns.join(", ")
    );
    tx.prepare_cached(&sql)?
        .execute(rusqlite::params_from_iter(values.iter()))
        .map_err(|error| {
            if error.to_string().contains("FOREIGN KEY") {
                not_an_export("some of its records point at records that are not there")
            } else {
                not_an_export(&format!("a row of its {table} does not fit Mend's data"))
            }
        })?;
    Ok(())
}

#[cfg(test)]
mod tests;
