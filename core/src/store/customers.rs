//! Customers: adding, finding, reading and editing them.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::rows::{
    customer_from_row, summary_from_row, ComplaintSummary, Customer, CUSTOMER_COLUMNS,
    MAX_LONG_TEXT_CHARS, MAX_NAME_CHARS, SUMMARY_COLUMNS, SUMMARY_FROM,
};
use super::timeline::log;
use super::Store;
use crate::dates;
use crate::error::{Error, Problems, Result};
use crate::text;

/// A customer's details as the owner enters them.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CustomerInput {
    pub name: String,
    pub email: String,
    pub phone: String,
    /// The owner's own notes about them; kept as they are when absent.
    pub notes: Option<String>,
}

/// A customer as the list shows them.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerSummary {
    #[serde(flatten)]
    pub customer: Customer,
    pub complaints: i64,
    pub open_complaints: i64,
}

/// A customer's page: their details and every complaint they made.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerPage {
    pub customer: Customer,
    pub complaints: Vec<ComplaintSummary>,
}

struct Checked {
    name: String,
    email: String,
    phone: String,
    notes: Option<String>,
}

/// Checks every field, and says all that is wrong at once.
fn check(input: &CustomerInput) -> Result<Checked> {
    let mut problems = Problems::default();
    let checked = Checked {
        name: problems
            .check(
                "name",
                text::required(&input.name, "the customer's name", MAX_NAME_CHARS),
            )
            .unwrap_or_default(),
        email: problems
            .check("email", text::email(&input.email))
            .unwrap_or_default(),
        phone: problems
            .check("phone", text::phone(&input.phone))
            .unwrap_or_default(),
        notes: problems
            .check(
                "notes",
                input
                    .notes
                    .as_deref()
                    .map(|notes| text::long(notes, "the notes", MAX_LONG_TEXT_CHARS, false))
                    .transpose(),
            )
            .flatten(),
    };
    problems.finish()?;
    Ok(checked)
}

pub(crate) fn insert(
    tx: &Transaction<'_>,
    input: &CustomerInput,
    now: DateTime<Utc>,
) -> Result<i64> {
    let customer = check(input)?;
    tx.execute(
        "INSERT INTO customers (name, email, phone, created_at, notes) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            customer.name,
            customer.email,
            customer.phone,
            dates::stamp(now),
            customer.notes.as_deref().unwrap_or(""),
        ],
    )?;
    let id = tx.last_insert_rowid();
    log(
        tx,
        None,
        Some(id),
        now,
        &format!("Added the customer {}", customer.name),
    )?;
    Ok(id)
}

pub(crate) fn check_exists(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let found: Option<Option<String>> = tx
        .query_row(
            "SELECT (SELECT name FROM customers WHERE id = k.merged_into) FROM customers k WHERE k.id = ?1",
            [id],
            |row| row.get(0),
        )
        .optional()?;
    match found {
        None => Err(not_found(id)),
        Some(Some(kept)) => Err(Error::InvalidInput(format!(
            "This customer was merged into {kept}; please choose {kept}."
        ))),
        Some(None) => Ok(()),
    }
}

pub(crate) fn not_found(id: i64) -> Error {
    Error::NotFound(format!("Customer {id} was not found."))
}

/// `LIKE` pattern for "contains", with the owner's % and _ taken literally.
fn contains_pattern(typed: &str) -> String {
    let escaped = typed
        .trim()
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    format!("%{escaped}%")
}

impl Store {
    /// Customers whose name, email or phone contains `typed`, by name;
    /// a page at a time. Empty `typed` lists everyone.
    pub fn list_customers(
        &self,
        typed: &str,
        offset: u32,
        limit: u32,
    ) -> Result<Vec<CustomerSummary>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT k.id, k.name, k.email, k.phone, k.created_at, k.notes, k.merged_into,
                    (SELECT count(*) FROM complaints c WHERE c.customer_id = k.id AND c.deleted_at IS NULL),
                    (SELECT count(*) FROM complaints c
                     WHERE c.customer_id = k.id AND c.closed_at IS NULL AND c.deleted_at IS NULL)
             FROM customers k
             WHERE k.merged_into IS NULL
               AND (?1 = '%%' OR k.name LIKE ?1 ESCAPE '\\' OR k.email LIKE ?1 ESCAPE '\\'
                    OR k.phone LIKE ?1 ESCAPE '\\')
             ORDER BY k.name COLLATE NOCASE, k.id
             LIMIT ?2 OFFSET ?3",
        )?;
        let rows = statement.query_map(
            params![contains_pattern(typed), limit.min(200), offset],
            |row| {
                Ok(CustomerSummary {
                    customer: customer_from_row(row)?,
                    complaints: row.get(7)?,
                    open_complaints: row.get(8)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub(crate) fn customer_record(&self, id: i64) -> Result<Customer> {
        let sql = format!("SELECT {CUSTOMER_COLUMNS} FROM customers k WHERE k.id = ?1");
        self.conn
            .prepare_cached(&sql)?
            .query_row([id], customer_from_row)
            .optional()?
            .ok_or_else(|| not_found(id))
    }

    /// A customer and all their complaints, the newest first.
    pub fn customer(&self, id: i64) -> Result<CustomerPage> {
        let customer = self.customer_record(id)?;
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} WHERE c.customer_id = :id
             ORDER BY c.received_at DESC, c.id DESC"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(
            rusqlite::named_params! { ":id": id, ":today": self.clock.today() },
            summary_from_row,
        )?;
        Ok(CustomerPage {
            customer,
            complaints: rows.collect::<rusqlite::Result<_>>()?,
        })
    }

    /// Changes a customer's details; the history notes what changed.
    pub fn update_customer(&mut self, id: i64, input: &CustomerInput) -> Result<Customer> {
        let checked = check(input)?;
        let before = self.customer_record(id)?;
        self.write(|write| {
            let now = write.clock().now();
            let notes = checked
                .notes
                .clone()
                .unwrap_or_else(|| before.notes.clone());
            write.execute(
                "UPDATE customers SET name = ?2, email = ?3, phone = ?4, notes = ?5 WHERE id = ?1",
                params![id, checked.name, checked.email, checked.phone, notes],
            )?;
            let mut changes = Vec::new();
            if before.name != checked.name {
                changes.push(format!(
                    "name from \"{}\" to \"{}\"",
                    before.name, checked.name
                ));
            }
            if before.email != checked.email {
                changes.push(format!("email to \"{}\"", checked.email));
            }
            if before.phone != checked.phone {
                changes.push(format!("phone to \"{}\"", checked.phone));
            }
            if before.notes != notes {
                changes.push("notes".to_owned());
            }
            if !changes.is_empty() {
                log(
                    write,
                    None,
                    Some(id),
                    now,
                    &format!("Changed the customer's {}", changes.join(", ")),
                )?;
            }
            // Their name, email and phone are in the search text of each of
            // their complaints.
            if before.name != checked.name
                || before.email != checked.email
                || before.phone != checked.phone
            {
                for complaint_id in complaints_of(write, id)? {
                    write.complaint_changed(complaint_id);
                }
            }
            Ok(())
        })?;
        self.customer_record(id)
    }
}

pub(crate) fn complaints_of(tx: &Transaction<'_>, customer_id: i64) -> Result<Vec<i64>> {
    let mut statement = tx.prepare_cached("SELECT id FROM complaints WHERE customer_id = ?1")?;
    let rows = statement.query_map([customer_id], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub mod merge;

#[cfg(test)]
mod tests;
