//! The owner's own lists a complaint is described with: its categories and
//! the causes found when it is closed. Each list works the same way: items
//! are added, renamed, and retired (no longer offered for new complaints,
//! but kept on the old ones), and the history says so.

use rusqlite::{params, ErrorCode, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::timeline::log;
use super::Store;
use crate::dates;
use crate::error::{Error, Result};
use crate::text;

pub const MAX_ITEM_CHARS: usize = 80;

/// Which list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    Categories,
    Causes,
}

impl ListKind {
    fn table(self) -> &'static str {
        match self {
            ListKind::Categories => "categories",
            ListKind::Causes => "causes",
        }
    }

    /// How a sentence names one of its items.
    fn noun(self) -> &'static str {
        match self {
            ListKind::Categories => "category",
            ListKind::Causes => "cause",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ListItem {
    pub id: i64,
    pub name: String,
    pub retired: bool,
}

/// A category, as the intake and the filters know it.
pub type Category = ListItem;

/// A complaint may only be given an item that is still offered.
pub(crate) fn check_offered(tx: &Transaction<'_>, kind: ListKind, id: i64) -> Result<()> {
    let item = item_in(tx, kind, id)?;
    if item.retired {
        return Err(Error::InvalidInput(format!(
            "The {} \"{}\" is retired; please choose another one.",
            kind.noun(),
            item.name
        )));
    }
    Ok(())
}

/// An item's name, or how the owner reads "none" (a category "Not sure
/// yet", a cause "Not recorded"): for the history.
pub(crate) fn name_or_none(
    tx: &Transaction<'_>,
    kind: ListKind,
    id: Option<i64>,
) -> Result<String> {
    match id {
        Some(id) => Ok(item_in(tx, kind, id)?.name),
        None => Ok(match kind {
            ListKind::Categories => "Not sure yet",
            ListKind::Causes => "Not recorded",
        }
        .into()),
    }
}

fn item_in(tx: &rusqlite::Connection, kind: ListKind, id: i64) -> Result<ListItem> {
    tx.query_row(
        &format!(
            "SELECT id, name, retired_at IS NOT NULL FROM {} WHERE id = ?1",
            kind.table()
        ),
        [id],
        item_from_row,
    )
    .optional()?
    .ok_or_else(|| {
        let noun = kind.noun();
        Error::NotFound(format!(
            "{}{} {id} was not found.",
            noun[..1].to_uppercase(),
            &noun[1..]
        ))
    })
}

fn item_from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ListItem> {
    Ok(ListItem {
        id: row.get(0)?,
        name: row.get(1)?,
        retired: row.get(2)?,
    })
}

/// A second item of the same name (in any case) is refused in words.
fn duplicate_name(error: rusqlite::Error, kind: ListKind, name: &str) -> Error {
    match error.sqlite_error_code() {
        Some(ErrorCode::ConstraintViolation) => Error::InvalidInput(format!(
            "There is already a {} called \"{name}\".",
            kind.noun()
        )),
        _ => Error::Database(error),
    }
}

impl Store {
    /// Every item of a list, in the order of their names; retired ones too.
    pub fn list_items(&self, kind: ListKind) -> Result<Vec<ListItem>> {
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT id, name, retired_at IS NOT NULL FROM {} ORDER BY name COLLATE NOCASE",
            kind.table()
        ))?;
        let rows = statement.query_map([], item_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn add_list_item(&mut self, kind: ListKind, name: &str) -> Result<ListItem> {
        let name = text::required(name, &format!("the {} name", kind.noun()), MAX_ITEM_CHARS)?;
        let now = self.clock.now();
        let id = self.write(|tx| {
            tx.execute(
                &format!("INSERT INTO {} (name) VALUES (?1)", kind.table()),
                [&name],
            )
            .map_err(|error| duplicate_name(error, kind, &name))?;
            let id = tx.last_insert_rowid();
            log(
                tx,
                None,
                None,
                now,
                &format!("Added the {} \"{name}\"", kind.noun()),
            )?;
            Ok(id)
        })?;
        Ok(ListItem {
            id,
            name,
            retired: false,
        })
    }

    pub fn rename_list_item(&mut self, kind: ListKind, id: i64, name: &str) -> Result<ListItem> {
        let name = text::required(name, &format!("the {} name", kind.noun()), MAX_ITEM_CHARS)?;
        let now = self.clock.now();
        self.write(|tx| {
            let before = item_in(tx, kind, id)?.name;
            tx.execute(
                &format!("UPDATE {} SET name = ?2 WHERE id = ?1", kind.table()),
                params![id, name],
            )
            .map_err(|error| duplicate_name(error, kind, &name))?;
            log(
                tx,
                None,
                None,
                now,
                &format!("Renamed the {} \"{before}\" to \"{name}\"", kind.noun()),
            )?;
            Ok(())
        })?;
        item_in(&self.conn, kind, id)
    }

    /// Retires an item, or brings a retired one back.
    pub fn set_list_item_retired(
        &mut self,
        kind: ListKind,
        id: i64,
        retired: bool,
    ) -> Result<ListItem> {
        let now = self.clock.now();
        self.write(|tx| {
            let name = item_in(tx, kind, id)?.name;
            let retired_at: Option<String> = retired.then(|| dates::stamp(now));
            tx.execute(
                &format!("UPDATE {} SET retired_at = ?2 WHERE id = ?1", kind.table()),
                params![id, retired_at],
            )?;
            let verb = if retired { "Retired" } else { "Brought back" };
            log(
                tx,
                None,
                None,
                now,
                &format!("{verb} the {} \"{name}\"", kind.noun()),
            )?;
            Ok(())
        })?;
        item_in(&self.conn, kind, id)
    }

    /// The categories; see `list_items`.
    pub fn categories(&self) -> Result<Vec<Category>> {
        self.list_items(ListKind::Categories)
    }

    pub fn add_category(&mut self, name: &str) -> Result<Category> {
        self.add_list_item(ListKind::Categories, name)
    }

    pub fn rename_category(&mut self, id: i64, name: &str) -> Result<Category> {
        self.rename_list_item(ListKind::Categories, id, name)
    }

    pub fn set_category_retired(&mut self, id: i64, retired: bool) -> Result<Category> {
        self.set_list_item_retired(ListKind::Categories, id, retired)
    }
}

#[cfg(test)]
mod tests;
