//! The complaints list: filters, full-text search and sorting, a page at a time.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::rows::{summary_from_row, ComplaintSummary, SUMMARY_COLUMNS, SUMMARY_FROM};
use super::search::prefix_query;
use super::Store;
use crate::error::Result;
use crate::journey::Step;
use crate::kinds::Severity;

pub const MAX_PAGE_SIZE: u32 = 200;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Any,
    Open,
    Closed,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortBy {
    /// The most recently received first.
    #[default]
    Received,
    /// The soonest promised date first; complaints with no promise last.
    Promised,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ComplaintQuery {
    /// Words to find anywhere in what was written; each may be a word's start.
    pub search: String,
    /// Open complaints whose next step is this one.
    pub step: Option<Step>,
    pub category_id: Option<i64>,
    pub severity: Option<Severity>,
    pub status: Status,
    pub overdue_only: bool,
    pub sort: SortBy,
    pub offset: u32,
    pub limit: u32,
    /// Only the complaints behind a figure of Patterns.
    pub behind: Option<super::patterns::Behind>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ComplaintPage {
    pub items: Vec<ComplaintSummary>,
    /// More match after this page.
    pub has_more: bool,
}

impl Store {
    pub fn list_complaints(&self, query: &ComplaintQuery) -> Result<ComplaintPage> {
        let limit = query.limit.clamp(1, MAX_PAGE_SIZE);
        let (filter, mut values) = self.filter_of(query)?;
        let order = match (query.sort, query.status) {
            (SortBy::Received, _) => "c.received_at DESC, c.id DESC",
            // Closed ones last: their promises no longer count.
            (SortBy::Promised, Status::Any) => {
                "c.closed_at IS NOT NULL, c.promised_date IS NULL, c.promised_date, c.received_at DESC, c.id DESC"
            }
            (SortBy::Promised, _) => {
                "c.promised_date IS NULL, c.promised_date, c.received_at DESC, c.id DESC"
            }
        };
        values.push((":limit", Value::Integer(i64::from(limit) + 1)));
        values.push((":offset", Value::Integer(i64::from(query.offset))));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM} {filter} ORDER BY {order} LIMIT :limit OFFSET :offset"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let params: Vec<(&str, &dyn rusqlite::ToSql)> = values
            .iter()
            .map(|(name, value)| (*name, value as &dyn rusqlite::ToSql))
            .collect();
        let rows = statement.query_map(params.as_slice(), summary_from_row)?;
        let mut items: Vec<ComplaintSummary> = rows.collect::<rusqlite::Result<_>>()?;
        let has_more = items.len() > limit as usize;
        items.truncate(limit as usize);
        Ok(ComplaintPage { items, has_more })
    }

    /// How many complaints match `query` in all (its page and sort aside).
    /// Asked apart from the page, so that a page is never slowed by counting.
    pub fn count_complaints(&self, query: &ComplaintQuery) -> Result<i64> {
        let (filter, values) = self.filter_of(query)?;
        let sql = format!("SELECT count(*) FROM complaints c {filter}");
        let mut statement = self.conn.prepare_cached(&sql)?;
        let params: Vec<(&str, &dyn rusqlite::ToSql)> = values
            .iter()
            .filter(|(name, _)| sql.contains(name))
            .map(|(name, value)| (*name, value as &dyn rusqlite::ToSql))
            .collect();
        Ok(statement.query_row(params.as_slice(), |row| row.get(0))?)
    }

    /// The WHERE clause of `query`, and the values it names.
    fn filter_of(&self, query: &ComplaintQuery) -> Result<(String, Vec<(&'static str, Value)>)> {
        let mut filters = vec!["c.deleted_at IS NULL"];
        let mut values: Vec<(&str, Value)> =
            vec![(":today", Value::Text(self.clock.today().to_string()))];
        if let Some(fts) = prefix_query(&query.search) {
            // The `+` keeps SQLite from starting at the matches, which may be
            // most complaints: it walks an index in the list's order instead,
            // keeps the complaints that match, and stops after a page.
            filters.push(
                "+c.id IN (SELECT rowid FROM complaint_search WHERE complaint_search MATCH :search)",
            );
            values.push((":search", Value::Text(fts)));
        }
        if let Some(step) = query.step {
            filters.push("c.step = :step AND c.closed_at IS NULL");
            values.push((":step", Value::Text(step.as_str().into())));
        }
        if let Some(category_id) = query.category_id {
            filters.push("c.category_id = :category");
            values.push((":category", Value::Integer(category_id)));
        }
        if let Some(severity) = query.severity {
            filters.push("c.severity = :severity");
            values.push((":severity", Value::Text(severity.as_str().into())));
        }
        match query.status {
            Status::Any => {}
            Status::Open => filters.push("c.closed_at IS NULL"),
            Status::Closed => filters.push("c.closed_at IS NOT NULL"),
        }
        if query.overdue_only {
            filters.push("c.closed_at IS NULL AND c.fixed_at IS NULL AND c.promised_date < :today");
        }
        if let Some(behind) = &query.behind {
            let ids = self.complaints_behind(behind)?;
            filters.push("c.id IN (SELECT value FROM json_each(:behind))");
            values.push((
                ":behind",
                Value::Text(serde_json::Value::from(ids).to_string()),
            ));
        }
        let filter = format!("WHERE {}", filters.join(" AND "));
        Ok((filter, values))
    }
}

#[cfg(test)]
mod tests;
