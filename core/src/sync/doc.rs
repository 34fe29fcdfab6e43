//! The shared document (Automerge) against the local tables: a local row is
//! put into the document field by field, and a row of the document is put
//! in place locally. Each row is a map at the document's root, under
//! "table/global id"; links to other rows hold their global ids.

use std::collections::HashMap;

use automerge::transaction::Transactable;
use automerge::{
    hydrate, Automerge, ObjType, Patch, PatchAction, Prop, ReadDoc, ScalarValue, Value, ROOT,
};
use rusqlite::types::Value as SqlValue;
use rusqlite::{params, params_from_iter, Connection, OptionalExtension};

use super::clash;
use super::conflicts::{is_pickable, note_conflict};
use super::journey::{latest_mover, value_of, JOURNEY};
use super::tables::{key, parse_key, Table};
use crate::error::{Error, Result};

pub(crate) fn merge_failed(error: automerge::AutomergeError) -> Error {
    Error::NotMerged(error.to_string())
}

/// A row's global id, from its local one.
pub(crate) fn uid_of(conn: &Connection, table: &str, local_id: i64) -> Result<Option<String>> {
    Ok(conn
        .prepare_cached("SELECT uid FROM sync_ids WHERE tbl = ?1 AND local_id = ?2")?
        .query_row(params![table, local_id], |row| row.get(0))
        .optional()?)
}

/// A row's local id, from its global one.
pub(crate) fn local_id_of(conn: &Connection, table: &str, uid: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT local_id FROM sync_ids WHERE tbl = ?1 AND uid = ?2")?
        .query_row(params![table, uid], |row| row.get(0))
        .optional()?)
}

fn to_scalar(value: SqlValue) -> ScalarValue {
    match value {
        SqlValue::Null => ScalarValue::Null,
        SqlValue::Integer(number) => ScalarValue::Int(number),
        SqlValue::Real(number) => ScalarValue::F64(number),
        SqlValue::Text(text) => ScalarValue::Str(text.into()),
        SqlValue::Blob(bytes) => ScalarValue::Bytes(bytes),
    }
}

pub(crate) fn to_sql(value: &ScalarValue) -> SqlValue {
    match value {
        ScalarValue::Int(number) => SqlValue::Integer(*number),
        ScalarValue::Uint(number) => SqlValue::Integer(*number as i64),
        ScalarValue::F64(number) => SqlValue::Real(*number),
        ScalarValue::Str(text) => SqlValue::Text(text.to_string()),
        ScalarValue::Bytes(bytes) => SqlValue::Blob(bytes.clone()),
        ScalarValue::Boolean(yes) => SqlValue::Integer(i64::from(*yes)),
        _ => SqlValue::Null,
    }
}

/// A local row's shared fields, links as global ids; None when it is gone.
pub(crate) fn read_row(
    conn: &Connection,
    table: &Table,
    local_id: i64,
) -> Result<Option<Vec<ScalarValue>>> {
    let sql = format!(
        "SELECT {} FROM {} WHERE id = ?1",
        table.columns.join(", "),
        table.name
    );
    let values: Option<Vec<SqlValue>> = conn
        .prepare_cached(&sql)?
        .query_row([local_id], |row| {
            (0..table.columns.len()).map(|i| row.get(i)).collect()
        })
        .optional()?;
    let Some(values) = values else {
        return Ok(None);
    };
    let mut fields = Vec::with_capacity(values.len());
    for (column, value) in table.columns.iter().zip(values) {
        fields.push(match (table.link(column), value) {
            (Some(target), SqlValue::Integer(id)) => match uid_of(conn, target, id)? {
                Some(uid) => ScalarValue::Str(uid.into()),
                None => ScalarValue::Null,
            },
            (_, value) => to_scalar(value),
        });
    }
    Ok(Some(fields))
}

/// Puts local row `local_id` of `table` into the document: its map made
/// once, each field put only when it differs (so a merged value taken in
/// locally is not put again, and a conflict stays until the owner picks).
pub(crate) fn put_local_row(
    doc: &mut impl Transactable,
    conn: &Connection,
    table: &Table,
    local_id: i64,
) -> Result<()> {
    let Some(uid) = uid_of(conn, table.name, local_id)? else {
        return Ok(());
    };
    let row_key = key(table.name, &uid);
    // Gone here: its removal is given out by its global id (sync_removed).
    let Some(fields) = read_row(conn, table, local_id)? else {
        return Ok(());
    };
    let Some((Value::Object(ObjType::Map), row)) =
        doc.get(ROOT, row_key.as_str()).map_err(merge_failed)?
    else {
        // A new row, made whole at once (much quicker than field by field);
        // an empty field is left out, as a missing one reads as empty.
        let whole: HashMap<&str, hydrate::Value> = table
            .columns
            .iter()
            .zip(fields)
            .filter(|(_, value)| *value != ScalarValue::Null)
            .map(|(column, value)| (*column, hydrate::Value::from(value)))
            .collect();
        doc.batch_create_object(ROOT, row_key.as_str(), &whole.into(), false)
            .map_err(merge_failed)?;
        return Ok(());
    };
    let settled: Vec<String> = {
        let mut statement =
            conn.prepare_cached("SELECT field FROM sync_settled WHERE tbl = ?1 AND local_id = ?2")?;
        let rows = statement.query_map(params![table.name, local_id], |row| row.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for (column, value) in table.columns.iter().zip(fields) {
        // A value the owner kept is put even when it is the one shown.
        if settled.iter().any(|field| field == column) {
            doc.put(&row, *column, value).map_err(merge_failed)?;
            continue;
        }
        let same = match doc.get(&row, *column).map_err(merge_failed)? {
            Some((Value::Scalar(current), _)) => current.as_ref() == &value,
            None => value == ScalarValue::Null,
            Some(_) => false,
        };
        if !same {
            doc.put(&row, *column, value).map_err(merge_failed)?;
        }
    }
    Ok(())
}

/// Removes a row removed here (an expired complaint's records) from the
/// document, by its global id: it goes on every computer.
pub(crate) fn remove_row(doc: &mut impl Transactable, table: &str, uid: &str) -> Result<()> {
    let row_key = key(table, uid);
    if doc
        .get(ROOT, row_key.as_str())
        .map_err(merge_failed)?
        .is_some()
    {
        doc.delete(ROOT, row_key.as_str()).map_err(merge_failed)?;
    }
    Ok(())
}

/// The rows a set of patches touched, by their keys in the document.
pub(crate) fn touched_keys(patches: &[Patch]) -> Vec<String> {
    let mut keys: Vec<String> = patches
        .iter()
        .filter_map(|patch| match (patch.path.first(), &patch.action) {
            (Some((_, Prop::Map(key))), _) => Some(key.clone()),
            (None, PatchAction::PutMap { key, .. } | PatchAction::DeleteMap { key }) => {
                Some(key.clone())
            }
            _ => None,
        })
        .collect();
    keys.sort();
    keys.dedup();
    keys
}

/// What putting a row in place locally came to.
pub(crate) enum Placed {
    /// In place; what it belongs to, whose derived reminders follow.
    Done(Owners),
    /// It links to a row not here yet: tried again with the next changes.
    Waiting,
    /// Not a row Mend knows (written by a newer Mend, say): left alone.
    Unknown,
}

/// Puts the document's row `row_key` in place locally: inserted, updated
/// or removed, its links as local ids (see `journey` for a complaint moved
/// on two computers at once, and `conflicts` for what the owner picks).
pub(crate) fn place_row(doc: &Automerge, conn: &Connection, row_key: &str) -> Result<Placed> {
    let Some((table, uid)) = parse_key(row_key) else {
        return Ok(Placed::Unknown);
    };
    let local = local_id_of(conn, table.name, uid)?;
    let row = match doc.get(ROOT, row_key).map_err(merge_failed)? {
        Some((Value::Object(ObjType::Map), row)) => row,
        _ => {
            if let Some(id) = local {
                let owners = owners_of(conn, table, id)?;
                conn.execute(&format!("DELETE FROM {} WHERE id = ?1", table.name), [id])?;
                return Ok(Placed::Done(owners));
            }
            return Ok(Placed::Done(Owners::default()));
        }
    };
    // Every field in one pass; all the values of a field only where two
    // computers changed it at once.
    let mut fields: HashMap<String, (ScalarValue, bool)> = HashMap::new();
    for item in doc.map_range(&row, ..) {
        if let Value::Scalar(value) = item.value.into_value() {
            fields.insert(item.key.into_owned(), (value.into_owned(), item.conflict));
        }
    }
    conn.prepare_cached("DELETE FROM sync_conflicts WHERE tbl = ?1 AND uid = ?2")?
        .execute(params![table.name, uid])?;
    let complaint = table.name == "complaints";
    let mover = if complaint {
        latest_mover(doc, &row)?
    } else {
        None
    };
    let mut values = Vec::with_capacity(table.columns.len());
    for column in table.columns {
        let (mut winner, conflict) = fields.remove(*column).unwrap_or((ScalarValue::Null, false));
        if conflict && complaint && JOURNEY.contains(column) {
            winner = value_of(doc, &row, column, mover.as_ref())?.unwrap_or(winner);
        } else if conflict && complaint && is_pickable(column) {
            let all = doc.get_all(&row, *column).map_err(merge_failed)?;
            note_conflict(conn, table.name, uid, column, &all)?;
        }
        values.push(match (table.link(column), &winner) {
            (Some(target), ScalarValue::Str(target_uid)) => {
                match local_id_of(conn, target, target_uid)? {
                    Some(id) => SqlValue::Integer(id),
                    None => return Ok(Placed::Waiting),
                }
            }
            _ => to_sql(&winner),
        });
    }
    let id = match local {
        // The history is never changed once written.
        Some(id) if table.name == "history" => id,
        Some(id) => {
            let sets: Vec<String> = table
                .columns
                .iter()
                .enumerate()
                .map(|(i, c)| format!("{c} = ?{}", i + 1))
                .collect();
            let sql = format!(
                "UPDATE {} SET {} WHERE id = ?{}",
                table.name,
                sets.join(", "),
                values.len() + 1
            );
            values.push(SqlValue::Integer(id));
            let updated = conn
                .prepare_cached(&sql)?
                .execute(params_from_iter(values.iter()));
            match updated {
                Ok(_) => {}
                Err(error) if clash::is_clash(table, &error) => {
                    if !clash::incoming_is_kept(conn, table, uid, &values, Some(id))? {
                        // The other one stays: this one goes here, as everywhere.
                        let owners = owners_of(conn, table, id)?;
                        conn.execute(&format!("DELETE FROM {} WHERE id = ?1", table.name), [id])?;
                        return Ok(Placed::Done(owners));
                    }
                    conn.prepare_cached(&sql)?
                        .execute(params_from_iter(values.iter()))?;
                }
                Err(error) => return Err(error.into()),
            }
            id
        }
        None => {
            let marks: Vec<String> = (1..=values.len()).map(|i| format!("?{i}")).collect();
            let sql = format!(
                "INSERT INTO {} ({}) VALUES ({})",
                table.name,
                table.columns.join(", "),
                marks.join(", ")
            );
            let inserted = conn
                .prepare_cached(&sql)?
                .execute(params_from_iter(values.iter()));
            match inserted {
                Ok(_) => {}
                // The same name made on two computers (a list's names are
                // unique): both kept, one marked, for the owner to retire one.
                Err(rusqlite::Error::SqliteFailure(failure, _))
                    if failure.code == rusqlite::ErrorCode::ConstraintViolation
                        && table.seeded > 0 =>
                {
                    mark_the_later_of_two(conn, table, uid, &mut values)?;
                    conn.prepare_cached(&sql)?
                        .execute(params_from_iter(values.iter()))?;
                }
                Err(error) if clash::is_clash(table, &error) => {
                    if !clash::incoming_is_kept(conn, table, uid, &values, None)? {
                        return Ok(Placed::Done(Owners::default()));
                    }
                    conn.prepare_cached(&sql)?
                        .execute(params_from_iter(values.iter()))?;
                }
                Err(error) => return Err(error.into()),
            }
            let id = conn.last_insert_rowid();
            // The insert gave it an id of its own; it takes the shared one.
            conn.execute(
                "UPDATE sync_ids SET uid = ?3 WHERE tbl = ?1 AND local_id = ?2",
                params![table.name, id, uid],
            )?;
            id
        }
    };
    Ok(Placed::Done(owners_of(conn, table, id)?))
}

/// Two rows of a list named alike: the one with the greater global id is
/// marked " (2)", on every computer alike (the incoming row's `values`, or
/// the row here, in place only: each computer does the same).
fn mark_the_later_of_two(
    conn: &Connection,
    table: &Table,
    uid: &str,
    values: &mut [SqlValue],
) -> Result<()> {
    let Some(at) = table.columns.iter().position(|column| *column == "name") else {
        return Ok(());
    };
    let SqlValue::Text(name) = &mut values[at] else {
        return Ok(());
    };
    let here: Option<i64> = conn
        .query_row(
            &format!("SELECT id FROM {} WHERE name = ?1", table.name),
            [name.as_str()],
            |row| row.get(0),
        )
        .optional()?;
    let here_uid = match here {
        Some(id) => uid_of(conn, table.name, id)?,
        None => None,
    };
    match (here, here_uid) {
        (Some(id), Some(here_uid)) if here_uid.as_str() > uid => {
            conn.execute(
                &format!(
                    "UPDATE {} SET name = name || ' (2)' WHERE id = ?1",
                    table.name
                ),
                [id],
            )?;
        }
        _ => name.push_str(" (2)"),
    }
    Ok(())
}

/// The complaint, known issue and improvement a row is about, if any.
#[derive(Default)]
pub(crate) struct Owners {
    pub complaint: Option<i64>,
    pub known_issue: Option<i64>,
    pub improvement: Option<i64>,
}

/// What row `id` of `table` is about (itself, for one of those).
fn owners_of(conn: &Connection, table: &Table, id: i64) -> Result<Owners> {
    let about = |owner: &str, column: &str| -> Result<Option<i64>> {
        if table.name == owner {
            return Ok(Some(id));
        }
        if !table.columns.contains(&column) {
            return Ok(None);
        }
        let sql = format!("SELECT {column} FROM {} WHERE id = ?1", table.name);
        Ok(conn
            .query_row(&sql, [id], |row| row.get(0))
            .optional()?
            .flatten())
    };
    Ok(Owners {
        complaint: about("complaints", "complaint_id")?,
        known_issue: about("known_issues", "known_issue_id")?,
        improvement: about("improvements", "improvement_id")?,
    })
}
