//! Two rows from two computers that may not both be here (a customer told
//! of a known issue twice once two customers were merged into one, say):
//! the one with the smaller global id is kept, alike on every computer.

use rusqlite::types::Value as SqlValue;
use rusqlite::{params_from_iter, Connection, OptionalExtension};

use super::doc::uid_of;
use super::tables::Table;
use crate::error::Result;

/// Whether writing a row failed on a uniqueness its table declares.
pub(crate) fn is_clash(table: &Table, error: &rusqlite::Error) -> bool {
    !table.unique.is_empty()
        && matches!(error, rusqlite::Error::SqliteFailure(failure, _)
            if failure.code == rusqlite::ErrorCode::ConstraintViolation)
}

/// Settles a clash between the incoming row `uid` (its `values`, in the
/// order of the table's columns) and the row here that has the same unique
/// columns (not row `except`, the incoming row's own): says whether the
/// incoming one is kept, the other then gone.
pub(crate) fn incoming_is_kept(
    conn: &Connection,
    table: &Table,
    uid: &str,
    values: &[SqlValue],
    except: Option<i64>,
) -> Result<bool> {
    let mut conditions = Vec::new();
    let mut same = Vec::new();
    for column in table.unique {
        if let Some(at) = table.columns.iter().position(|c| c == column) {
            same.push(values[at].clone());
            conditions.push(format!("{column} IS ?{}", same.len()));
        }
    }
    same.push(SqlValue::Integer(except.unwrap_or(0)));
    let sql = format!(
        "SELECT id FROM {} WHERE {} AND id != ?{}",
        table.name,
        conditions.join(" AND "),
        same.len()
    );
    let other: Option<i64> = conn
        .query_row(&sql, params_from_iter(same.iter()), |row| row.get(0))
        .optional()?;
    let Some(other) = other else {
        return Ok(false);
    };
    let kept = uid_of(conn, table.name, other)?.is_none_or(|theirs| uid < theirs.as_str());
    if kept {
        conn.execute(
            &format!("DELETE FROM {} WHERE id = ?1", table.name),
            [other],
        )?;
    }
    Ok(kept)
}
