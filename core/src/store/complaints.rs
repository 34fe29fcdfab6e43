//! Complaints: recording one and listing them.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Row};
use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::Result;
use crate::text;

pub const MAX_SUMMARY_CHARS: usize = 200;
pub const MAX_NAME_CHARS: usize = 200;

/// What the owner enters for a new complaint.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewComplaint {
    pub customer_name: String,
    pub summary: String,
}

/// A complaint as the list shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Complaint {
    pub id: i64,
    pub customer_name: String,
    pub summary: String,
    pub received_at: DateTime<Utc>,
}

impl Store {
    /// Records a complaint, received now, from a new customer of that name.
    pub fn create_complaint(&mut self, new: &NewComplaint) -> Result<Complaint> {
        let customer_name = text::required(&new.customer_name, "customer's name", MAX_NAME_CHARS)?;
        let summary = text::required(&new.summary, "summary", MAX_SUMMARY_CHARS)?;
        let now = self.clock.now();
        let stamp = timestamp(now);

        let tx = self.conn.transaction()?;
        tx.execute(
            "INSERT INTO customers (name, created_at) VALUES (?1, ?2)",
            params![customer_name, stamp],
        )?;
        let customer_id = tx.last_insert_rowid();
        tx.execute(
            "INSERT INTO complaints (customer_id, summary, received_at, created_at)
             VALUES (?1, ?2, ?3, ?3)",
            params![customer_id, summary, stamp],
        )?;
        let id = tx.last_insert_rowid();
        tx.commit()?;

        Ok(Complaint {
            id,
            customer_name,
            summary,
            received_at: now,
        })
    }

    /// Every complaint, the most recently received first.
    pub fn list_complaints(&self) -> Result<Vec<Complaint>> {
        let mut statement = self.conn.prepare_cached(
            "SELECT c.id, k.name, c.summary, c.received_at
             FROM complaints c JOIN customers k ON k.id = c.customer_id
             ORDER BY c.received_at DESC, c.id DESC",
        )?;
        let rows = statement.query_map([], complaint_from_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

fn complaint_from_row(row: &Row<'_>) -> rusqlite::Result<Complaint> {
    Ok(Complaint {
        id: row.get(0)?,
        customer_name: row.get(1)?,
        summary: row.get(2)?,
        received_at: row.get(3)?,
    })
}

/// Times are stored as RFC 3339 in UTC, so that text order is time order.
fn timestamp(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests;
