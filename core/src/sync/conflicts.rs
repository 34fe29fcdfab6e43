//! "Changed on both computers": a complaint's fields that two computers
//! changed at once, with every value, until the owner keeps one.

use automerge::Value;
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::doc::{to_sql, uid_of};
use crate::error::{Error, Result};
use crate::store::Store;

/// The complaint's fields the owner reads and may pick between, and their
/// names in plain words. (The journey's own state follows its records.)
const FIELDS: &[(&str, &str)] = &[
    ("summary", "What happened"),
    ("customer_words", "In their words"),
    ("desired_outcome", "What they want"),
    ("reference", "Reference"),
    ("severity", "How serious"),
    ("channel", "How it came in"),
    ("received_at", "When it came in"),
];

/// Whether the owner picks between the values of a complaint's `field`
/// (only then are they all kept when two computers change it at once).
pub(crate) fn is_pickable(field: &str) -> bool {
    FIELDS.iter().any(|(name, _)| *name == field)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FieldConflict {
    pub field: String,
    pub label: String,
    /// Every value the computers gave it; the one shown now is first.
    pub values: Vec<String>,
}

/// The fields of complaint `id` changed on two computers at once.
pub fn complaint_conflicts(store: &Store, id: i64) -> Result<Vec<FieldConflict>> {
    store.read(|conn| {
        let Some(uid) = uid_of(conn, "complaints", id)? else { return Ok(Vec::new()) };
        let mut found = Vec::new();
        for (field, label) in FIELDS {
            let kept: Option<String> = conn
                .query_row(
                    "SELECT vals FROM sync_conflicts WHERE tbl = 'complaints' AND uid = ?1 AND field = ?2",
                    params![uid, field],
                    |row| row.get(0),
                )
                .optional()?;
            let Some(kept) = kept else { continue };
            let now: String = conn.query_row(
                &format!("SELECT CAST({field} AS TEXT) FROM complaints WHERE id = ?1"),
                [id],
                |row| row.get::<_, Option<String>>(0).map(Option::unwrap_or_default),
            )?;
            let mut values = vec![now.clone()];
            for value in serde_json::from_str::<Vec<serde_json::Value>>(&kept).unwrap_or_default() {
                let value = match value {
                    serde_json::Value::String(text) => text,
                    serde_json::Value::Null => String::new(),
                    other => other.to_string(),
                };
                if !values.contains(&value) {
                    values.push(value);
                }
            }
            if values.len() > 1 {
                found.push(FieldConflict { field: (*field).into(), label: (*label).into(), values });
            }
        }
        Ok(found)
    })
}

/// Keeps `value`, one of those the computers gave `field` of complaint `id`:
/// it becomes the value everywhere once sync goes round, and the history
/// says so.
pub fn keep_value(store: &mut Store, id: i64, field: &str, value: &str) -> Result<()> {
    let conflict = complaint_conflicts(store, id)?
        .into_iter()
        .find(|c| c.field == field);
    let Some(conflict) = conflict else {
        return Err(Error::NotFound(
            "That field was not changed on two computers, or the choice was already made.".into(),
        ));
    };
    if !conflict.values.iter().any(|known| known == value) {
        return Err(Error::InvalidInput(
            "Please pick one of the values your computers gave it.".into(),
        ));
    }
    store.write(|write| {
        write.execute(
            &format!("UPDATE complaints SET {field} = ?2 WHERE id = ?1"),
            params![id, value],
        )?;
        write.execute(
            "INSERT OR IGNORE INTO sync_settled (tbl, local_id, field) VALUES ('complaints', ?1, ?2)",
            params![id, field],
        )?;
        let uid = uid_of(write, "complaints", id)?;
        write.execute(
            "DELETE FROM sync_conflicts WHERE tbl = 'complaints' AND uid = ?1 AND field = ?2",
            params![uid, field],
        )?;
        let line = format!(
            "Kept “{value}” for “{}”, which was changed on both computers",
            conflict.label
        );
        crate::store::timeline::log(write, Some(id), None, write.clock().now(), &line)?;
        write.complaint_changed(id);
        Ok(())
    })
}

/// Keeps every value of a field two computers changed at once (the row's
/// old notes are cleared before its fields are looked at).
pub(crate) fn note_conflict(
    conn: &Connection,
    table: &str,
    uid: &str,
    column: &str,
    all: &[(Value<'_>, automerge::ObjId)],
) -> Result<()> {
    if all.len() < 2 {
        return Ok(());
    }
    let values: Vec<serde_json::Value> = all
        .iter()
        .map(|(value, _)| match value {
            Value::Scalar(scalar) => match to_sql(scalar) {
                SqlValue::Integer(number) => number.into(),
                SqlValue::Real(number) => number.into(),
                SqlValue::Text(text) => text.into(),
                _ => serde_json::Value::Null,
            },
            Value::Object(_) => serde_json::Value::Null,
        })
        .collect();
    conn.prepare_cached(
        "INSERT INTO sync_conflicts (tbl, uid, field, vals) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (tbl, uid, field) DO UPDATE SET vals = excluded.vals",
    )?
    .execute(params![
        table,
        uid,
        column,
        serde_json::Value::from(values).to_string()
    ])?;
    Ok(())
}
