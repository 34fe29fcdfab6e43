//! The owner's list of complaint categories. A retired category is no
//! longer offered for new complaints but stays on the old ones.

use rusqlite::{params, ErrorCode, OptionalExtension, Transaction};
use serde::Serialize;

use super::timeline::log;
use super::Store;
use crate::dates;
use crate::error::{Error, Result};
use crate::text;

pub const MAX_CATEGORY_CHARS: usize = 80;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Category {
    pub id: i64,
    pub name: String,
    pub retired: bool,
}

pub(crate) fn check_exists(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let found: Option<i64> = tx
        .query_row("SELECT id FROM categories WHERE id = ?1", [id], |row| {
            row.get(0)
        })
        .optional()?;
    found
        .map(|_| ())
        .ok_or_else(|| Error::NotFound(format!("Category {id} was not found.")))
}

/// A new complaint may only take a category that is still in use.
pub(crate) fn check_offered(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let found: Option<(String, bool)> = tx
        .query_row(
            "SELECT name, retired_at IS NOT NULL FROM categories WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?;
    match found {
        None => Err(Error::NotFound(format!("Category {id} was not found."))),
        Some((name, true)) => Err(Error::InvalidInput(format!(
            "The category \"{name}\" is retired; please choose another one."
        ))),
        Some(_) => Ok(()),
    }
}

/// A second category of the same name (in any case) is refused in words.
fn duplicate_name(error: rusqlite::Error, name: &str) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) => {
            Error::InvalidInput(format!("There is already a category called \"{name}\"."))
        }
        _ => Error::Database(error),
    }
}

impl Store {
    /// Every category, in the order of their names; retired ones too.
    pub fn categories(&self) -> Result<Vec<Category>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT id, name, retired_at IS NOT NULL FROM categories ORDER BY name COLLATE NOCASE",
        )?;
        let rows = statement.query_map([], |row| {
            Ok(Category {
                id: row.get(0)?,
                name: row.get(1)?,
                retired: row.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_category(&mut self, name: &str) -> Result<Category> {
        let name = text::required(name, "the category name", MAX_CATEGORY_CHARS)?;
        let now = self.clock.now();
        let id = self.write(|tx| {
            tx.execute("INSERT INTO categories (name) VALUES (?1)", [&name])
                .map_err(|error| duplicate_name(error, &name))?;
            let id = tx.last_insert_rowid();
            log(
                tx,
                None,
                None,
                now,
                &format!("Added the category \"{name}\""),
            )?;
            Ok(id)
        })?;
        Ok(Category {
            id,
            name,
            retired: false,
        })
    }

    pub fn rename_category(&mut self, id: i64, name: &str) -> Result<Category> {
        let name = text::required(name, "the category name", MAX_CATEGORY_CHARS)?;
        let now = self.clock.now();
        self.write(|tx| {
            check_exists(tx, id)?;
            let before: String =
                tx.query_row("SELECT name FROM categories WHERE id = ?1", [id], |row| {
                    row.get(0)
                })?;
            tx.execute(
                "UPDATE categories SET name = ?2 WHERE id = ?1",
                params![id, name],
            )
            .map_err(|error| duplicate_name(error, &name))?;
            log(
                tx,
                None,
                None,
                now,
                &format!("Renamed the category \"{before}\" to \"{name}\""),
            )?;
            Ok(())
        })?;
        self.category(id)
    }

    /// Retires a category, or brings a retired one back.
    pub fn set_category_retired(&mut self, id: i64, retired: bool) -> Result<Category> {
        let now = self.clock.now();
        self.write(|tx| {
            check_exists(tx, id)?;
            let retired_at: Option<String> = retired.then(|| dates::stamp(now));
            tx.execute(
                "UPDATE categories SET retired_at = ?2 WHERE id = ?1",
                params![id, retired_at],
            )?;
            let name: String =
                tx.query_row("SELECT name FROM categories WHERE id = ?1", [id], |row| {
                    row.get(0)
                })?;
            let verb = if retired { "Retired" } else { "Brought back" };
            log(
                tx,
                None,
                None,
                now,
                &format!("{verb} the category \"{name}\""),
            )?;
            Ok(())
        })?;
        self.category(id)
    }

    fn category(&self, id: i64) -> Result<Category> {
        Ok(self.conn.query_row(
            "SELECT id, name, retired_at IS NOT NULL FROM categories WHERE id = ?1",
            [id],
            |row| {
                Ok(Category {
                    id: row.get(0)?,
                    name: row.get(1)?,
                    retired: row.get(2)?,
                })
            },
        )?)
    }
}

#[cfg(test)]
mod tests;
