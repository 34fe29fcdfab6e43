//! Taking the data out: a CSV with one row per complaint, for a spreadsheet,
//! and a JSON file with everything, that Mend can bring back in.

use std::path::Path;

use base64::engine::general_purpose::STANDARD as BASE64;
use base64::Engine;
use chrono::{DateTime, Utc};
use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde_json::{Map, Value};

use super::rows::SUMMARY_FROM;
use super::saving::{not_written, write_whole, Spreadsheet};
use super::Store;
use crate::dates;
use crate::db::LATEST_VERSION;
use crate::error::{Error, Result};
use crate::progress::{watching_file, Progress, Unit, Unwatched, EVERY};

/// The tables a full export holds, in an order that keeps every reference
/// pointing at a row already there when they are read back.
pub(crate) const TABLES: [&str; 17] = [
    "categories",
    "causes",
    "customers",
    "known_issues",
    "complaints",
    "step_records",
    "checklist_ticks",
    "contacts",
    "attachments",
    "attachment_contents",
    "improvements",
    "history",
    "settings",
    "templates",
    "reminders",
    "reminder_endings",
    "known_issue_tellings",
];

/// Which rows of `table` an export holds: all but this computer's own
/// sync settings (its id among the computers, its folder), which another
/// Mend must never take on.
fn exported_rows(table: &str) -> &'static str {
    if table == "settings" {
        "substr(key, 1, 5) != 'sync_'"
    } else {
        "1"
    }
}

/// Marks a file as a full export of Mend's data.
pub(crate) const FORMAT: &str = "mend-export";

/// A complaint is numbered by its global id once sync is on: the same on
/// every computer, and never another complaint's.
const CSV_COLUMNS: &str = "coalesce((SELECT uid FROM sync_ids WHERE tbl = 'complaints' AND local_id = c.id), c.id),
     c.received_at, k.name, k.email, k.phone, c.channel, c.is_public, c.summary,
     c.customer_words, c.desired_outcome, c.reference, cat.name, c.severity,
     CASE WHEN c.closed_at IS NULL THEN c.step ELSE 'closed' END,
     c.promised_date, c.acknowledged_at, c.apologized_at, c.fixed_at, c.closed_at, c.close_reason,
     (SELECT remedy FROM step_records WHERE complaint_id = c.id AND step = 'fix' ORDER BY id DESC LIMIT 1),
     (SELECT cost_cents FROM step_records WHERE complaint_id = c.id AND step = 'fix' ORDER BY id DESC LIMIT 1),
     (SELECT satisfaction FROM step_records WHERE complaint_id = c.id AND step = 'follow_up' ORDER BY id DESC LIMIT 1),
     (SELECT root_cause FROM step_records WHERE complaint_id = c.id AND step = 'close' ORDER BY id DESC LIMIT 1),
     (SELECT preventive_action FROM step_records WHERE complaint_id = c.id AND step = 'close' ORDER BY id DESC LIMIT 1),
     (SELECT name FROM causes WHERE id = c.cause_id),
     (SELECT title FROM known_issues WHERE id = c.known_issue_id)";

const CSV_HEADER: [&str; 27] = [
    "Complaint",
    "Received",
    "Customer",
    "Email",
    "Phone",
    "Channel",
    "Public",
    "Summary",
    "Customer's words",
    "Outcome wanted",
    "Reference",
    "Category",
    "Severity",
    "Step reached",
    "Promised date",
    "Acknowledged",
    "Apologized",
    "Fixed",
    "Closed",
    "Closed as",
    "Remedy",
    "Cost",
    "Satisfaction (1-5)",
    "Root cause",
    "Preventive action",
    "Cause",
    "Known issue",
];

/// A spreadsheet would run a cell starting with = + - or @ as a formula.
fn spreadsheet_safe(text: String) -> String {
    if text.starts_with(['=', '+', '-', '@']) {
        format!("'{text}")
    } else {
        text
    }
}

fn cell(value: ValueRef<'_>, column: usize) -> String {
    match value {
        ValueRef::Null => String::new(),
        ValueRef::Integer(number) if column == 21 => {
            format!("{}.{:02}", number / 100, number % 100)
        }
        ValueRef::Integer(number) if column == 6 => if number == 1 { "yes" } else { "no" }.into(),
        ValueRef::Integer(number) => number.to_string(),
        ValueRef::Real(number) => number.to_string(),
        ValueRef::Text(bytes) => spreadsheet_safe(String::from_utf8_lossy(bytes).into_owned()),
        ValueRef::Blob(_) => String::new(),
    }
}

/// Every row of every exported table, as JSON values: what a full export
/// holds, read from a database at the current schema.
pub(crate) fn tables_of(conn: &Connection) -> Result<Map<String, Value>> {
    tables_watched(conn, &Unwatched)
}

/// `tables_of`, telling `progress` of the rows read.
fn tables_watched(conn: &Connection, progress: &dyn Progress) -> Result<Map<String, Value>> {
    const DOING: &str = "Reading everything in Mend";
    let total: u64 = TABLES.iter().try_fold(0, |sum, table| {
        conn.query_row(
            &format!(
                "SELECT count(*) FROM {table} WHERE {}",
                exported_rows(table)
            ),
            [],
            |row| row.get::<_, i64>(0),
        )
        .map(|count| sum + count as u64)
    })?;
    let mut read: u64 = 0;
    progress.tell(DOING, 0, total, Unit::Items);
    let mut tables = Map::new();
    for table in TABLES {
        let order = match table {
            "checklist_ticks" => "complaint_id, step, item",
            "known_issue_tellings" => "known_issue_id, customer_id",
            "settings" => "key",
            "templates" => "step",
            "attachment_contents" => "attachment_id",
            _ => "id",
        };
        let mut statement = conn.prepare(&format!(
            "SELECT * FROM {table} WHERE {} ORDER BY {order}",
            exported_rows(table)
        ))?;
        let names: Vec<String> = statement.column_names().map(String::from).collect();
        let mut rows = statement.query([])?;
        let mut out = Vec::new();
        while let Some(row) = rows.next()? {
            let mut object = Map::new();
            for (i, name) in names.iter().enumerate() {
                let value = match row.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(number) => Value::from(number),
                    ValueRef::Real(number) => Value::from(number),
                    ValueRef::Text(bytes) => {
                        Value::from(String::from_utf8_lossy(bytes).into_owned())
                    }
                    ValueRef::Blob(bytes) => blob_value(bytes),
                };
                object.insert(name.clone(), value);
            }
            out.push(Value::Object(object));
            read += 1;
            if read.is_multiple_of(EVERY) {
                progress.tell(DOING, read, total, Unit::Items);
            }
        }
        tables.insert(table.into(), Value::Array(out));
    }
    Ok(tables)
}

/// A file's bytes in the export: as base64 text, marked so.
fn blob_value(bytes: &[u8]) -> Value {
    serde_json::json!({ BLOB_KEY: BASE64.encode(bytes) })
}

/// The key that marks a value as bytes, written as base64.
pub(crate) const BLOB_KEY: &str = "base64";

impl Store {
    /// Writes every complaint as one CSV row (UTF-8 with a byte-order mark
    /// and Windows line ends, which both LibreOffice and Excel open cleanly),
    /// whole or not at all (see `saving`).
    pub fn export_csv(&self, target: &Path) -> Result<usize> {
        self.export_csv_watched(target, &Unwatched)
    }

    /// `export_csv`, telling `progress` of the complaints written.
    pub fn export_csv_watched(&self, target: &Path, progress: &dyn Progress) -> Result<usize> {
        const DOING: &str = "Writing the complaints";
        write_whole(target, |partial| {
            let total: i64 = self.conn.query_row(
                &format!("SELECT count(*) FROM {SUMMARY_FROM}"),
                [],
                |row| row.get(0),
            )?;
            let total = total as u64;
            progress.tell(DOING, 0, total, Unit::Items);
            let mut sheet = Spreadsheet::create(partial, target)?;
            sheet.row(CSV_HEADER)?;
            let sql =
                format!("SELECT {CSV_COLUMNS} FROM {SUMMARY_FROM} ORDER BY c.received_at, c.id");
            let mut statement = self.conn.prepare(&sql)?;
            let mut rows = statement.query([])?;
            let mut count: u64 = 0;
            while let Some(row) = rows.next()? {
                let record: Vec<String> = (0..CSV_HEADER.len())
                    .map(|i| row.get_ref(i).map(|v| cell(v, i)))
                    .collect::<rusqlite::Result<_>>()?;
                sheet.row(&record)?;
                count += 1;
                if count.is_multiple_of(EVERY) {
                    progress.tell(DOING, count, total, Unit::Items);
                }
            }
            sheet.finish()?;
            progress.tell(DOING, count, count, Unit::Items);
            Ok(count as usize)
        })
    }

    /// Everything Mend holds, as JSON that `import_json` reads back.
    pub fn export_json(&self) -> Result<Value> {
        self.export_json_watched(&Unwatched)
    }

    /// `export_json`, telling `progress` of the rows read.
    pub fn export_json_watched(&self, progress: &dyn Progress) -> Result<Value> {
        let exported_at: DateTime<Utc> = self.clock.now();
        Ok(serde_json::json!({
            "format": FORMAT,
            "schemaVersion": LATEST_VERSION,
            "exportedAt": dates::stamp(exported_at),
            "tables": tables_watched(&self.conn, progress)?,
        }))
    }

    /// Writes `export_json` to `target`, whole or not at all.
    pub fn export_json_to(&self, target: &Path) -> Result<()> {
        write_export(&self.export_json()?, target, &Unwatched)
    }
}

/// Writes an export made by `export_json` to `target`, whole or not at
/// all, telling `progress` of the file as it is written. Needs no store:
/// the store is free again while the file is written.
pub fn write_export(export: &Value, target: &Path, progress: &dyn Progress) -> Result<()> {
    let text = serde_json::to_string_pretty(export).map_err(|error| {
        Error::InvalidInput(format!("Mend could not write the export ({error})."))
    })?;
    write_whole(target, |partial| {
        watching_file(
            progress,
            "Writing the file",
            partial,
            text.len() as u64,
            || std::fs::write(partial, &text).map_err(|error| not_written(target, &error)),
        )
    })
}

#[cfg(test)]
mod tests;
