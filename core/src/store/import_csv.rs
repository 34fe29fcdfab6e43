//! Bringing in the spreadsheet an owner kept before Mend: read the CSV,
//! guess which column is which, show a preview, list every problem row with
//! its line and a plain reason, then import all of it or nothing.

use chrono::{DateTime, NaiveDate, NaiveDateTime, NaiveTime, Utc};
use rusqlite::OptionalExtension;
use serde::{Deserialize, Serialize};

use super::complaints::{insert_complaint, NewComplaint};
use super::customers::CustomerInput;
use super::Store;
use crate::error::{Error, Result};
use crate::kinds::{Channel, Severity};

/// What a column of the spreadsheet holds, as the owner maps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    CustomerName,
    Email,
    Phone,
    ReceivedAt,
    Summary,
    CustomerWords,
    DesiredOutcome,
    Reference,
    Category,
    Severity,
    Channel,
    Ignore,
}

/// How the dates in the file are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// 2024-03-05
    Iso,
    /// 05/03/2024
    DayMonthYear,
    /// 03/05/2024
    MonthDayYear,
}

/// A spreadsheet read in: its header, and each row with its row number as a
/// spreadsheet shows it (the header is row 1).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Sheet {
    pub headers: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Preview {
    pub headers: Vec<String>,
    pub guesses: Vec<Field>,
    /// The first rows, as read.
    pub first_rows: Vec<Vec<String>>,
    pub total_rows: usize,
    /// The ways the dates can be read; more than one means: ask the owner.
    pub date_orders: Vec<DateOrder>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RowProblem {
    pub line: u64,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CsvImport {
    pub imported: usize,
    /// Rows already in Mend (imported before), left out.
    pub already_there: usize,
    /// When there are any, nothing was imported.
    pub problems: Vec<RowProblem>,
}

const PREVIEW_ROWS: usize = 5;

/// Reads CSV bytes: UTF-8 with or without a byte-order mark, Windows or Unix
/// line ends, quoted fields with commas and line breaks.
pub fn read_sheet(bytes: &[u8]) -> Result<Sheet> {
    let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| {
        Error::InvalidInput("This file is not UTF-8 text. Save it from your spreadsheet as \"CSV UTF-8\" and try again.".into())
    })?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let unreadable = |error: csv::Error| {
        Error::InvalidInput(format!(
            "This file cannot be read as a spreadsheet ({error})."
        ))
    };
    let headers: Vec<String> = reader
        .headers()
        .map_err(unreadable)?
        .iter()
        .map(|h| h.trim().to_owned())
        .collect();
    if headers.iter().all(String::is_empty) {
        return Err(Error::InvalidInput(
            "This file has no header row: the first line should name the columns.".into(),
        ));
    }
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(unreadable)?;
        // The row number a spreadsheet shows: the header is row 1.
        let line = record
            .position()
            .map_or(0, |position| position.record() + 1);
        let cells: Vec<String> = record.iter().map(|cell| cell.trim().to_owned()).collect();
        if cells.iter().any(|cell| !cell.is_empty()) {
            rows.push((line, cells));
        }
    }
    Ok(Sheet { headers, rows })
}

/// Mend's guess of what a column holds, from its header.
pub fn guess(header: &str) -> Field {
    let name = header.to_lowercase();
    let has = |words: &[&str]| words.iter().any(|word| name.contains(word));
    if has(&["e-mail", "email", "mail"]) {
        Field::Email
    } else if has(&["phone", "tel", "mobile"]) {
        Field::Phone
    } else if has(&["date", "received", "when", "day"]) {
        Field::ReceivedAt
    } else if has(&["summary", "subject", "title", "issue", "problem"]) {
        Field::Summary
    } else if has(&["outcome", "want", "resolution", "remedy"]) {
        Field::DesiredOutcome
    } else if has(&[
        "word",
        "detail",
        "description",
        "comment",
        "note",
        "complaint",
        "said",
    ]) {
        Field::CustomerWords
    } else if has(&["order", "ref", "product", "invoice"]) {
        Field::Reference
    } else if has(&["categor", "type", "kind"]) {
        Field::Category
    } else if has(&["severity", "priority", "urgen"]) {
        Field::Severity
    } else if has(&["channel", "source", "via", "how"]) {
        Field::Channel
    } else if has(&["name", "customer", "client", "who"]) {
        Field::CustomerName
    } else {
        Field::Ignore
    }
}

/// Reads a date (and maybe a time) written the `order` way.
pub fn parse_date(value: &str, order: DateOrder) -> Option<NaiveDateTime> {
    let value = value.trim();
    let (day, time) = match value.split_once([' ', 'T']) {
        Some((day, time)) => (day, Some(time.trim())),
        None => (value, None),
    };
    let formats: &[&str] = match order {
        DateOrder::Iso => &["%Y-%m-%d", "%Y/%m/%d"],
        DateOrder::DayMonthYear => &["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"],
        DateOrder::MonthDayYear => &["%m/%d/%Y", "%m-%d-%Y"],
    };
    let date = formats
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(day, format).ok())?;
    let time = match time {
        None | Some("") => NaiveTime::from_hms_opt(12, 0, 0)?,
        Some(time) => ["%H:%M:%S", "%H:%M"]
            .iter()
            .find_map(|format| NaiveTime::parse_from_str(time, format).ok())?,
    };
    Some(date.and_time(time))
}

/// The ways every date in `values` can be read.
pub fn date_orders(values: &[&str]) -> Vec<DateOrder> {
    [
        DateOrder::Iso,
        DateOrder::DayMonthYear,
        DateOrder::MonthDayYear,
    ]
    .into_iter()
    .filter(|order| {
        values
            .iter()
            .filter(|v| !v.is_empty())
            .all(|value| parse_date(value, *order).is_some())
    })
    .collect()
}

pub fn preview(sheet: &Sheet) -> Preview {
    let guesses: Vec<Field> = sheet.headers.iter().map(|header| guess(header)).collect();
    let dates: Vec<&str> = match guesses.iter().position(|field| *field == Field::ReceivedAt) {
        Some(column) => sheet
            .rows
            .iter()
            .filter_map(|(_, row)| row.get(column).map(String::as_str))
            .collect(),
        None => Vec::new(),
    };
    Preview {
        headers: sheet.headers.clone(),
        guesses,
        first_rows: sheet
            .rows
            .iter()
            .take(PREVIEW_ROWS)
            .map(|(_, row)| row.clone())
            .collect(),
        total_rows: sheet.rows.len(),
        date_orders: date_orders(&dates),
    }
}

fn choice<T: Copy>(
    value: &str,
    all: &[T],
    label: impl Fn(T) -> &'static str,
    word: impl Fn(T) -> &'static str,
) -> Option<T> {
    let wanted = value.trim().to_lowercase();
    all.iter()
        .copied()
        .find(|kind| label(*kind).to_lowercase() == wanted || word(*kind) == wanted)
}

impl Store {
    /// Imports the rows of `sheet` read through `mapping` (one field per
    /// column). With any problem row, nothing is imported and every problem
    /// is listed. Rows already in Mend are left out, so importing the same
    /// file twice adds nothing.
    pub fn import_csv(
        &mut self,
        sheet: &Sheet,
        mapping: &[Field],
        order: Option<DateOrder>,
    ) -> Result<CsvImport> {
        for needed in [Field::CustomerName, Field::Summary] {
            if !mapping.contains(&needed) {
                let what = if needed == Field::Summary {
                    "the summary"
                } else {
                    "the customer's name"
                };
                return Err(Error::InvalidInput(format!(
                    "Please choose the column that holds {what}."
                )));
            }
        }
        if mapping.contains(&Field::ReceivedAt) && order.is_none() {
            return Err(Error::InvalidInput(
                "Please say how the dates are written.".into(),
            ));
        }
        let clock = self.clock.clone();
        let categories: Vec<(i64, String)> = {
            let mut statement = self
                .conn
                .prepare("SELECT id, name FROM categories WHERE retired_at IS NULL")?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        self.write(|tx| {
        let mut report = CsvImport {
            imported: 0,
            already_there: 0,
            problems: Vec::new(),
        };
        for (line, row) in &sheet.rows {
            let cell = |field: Field| -> String {
                mapping
                    .iter()
                    .position(|f| *f == field)
                    .and_then(|column| row.get(column))
                    .cloned()
                    .unwrap_or_default()
            };
            let received_at: Option<DateTime<Utc>> = match (cell(Field::ReceivedAt), order) {
                (date, _) if date.is_empty() => None,
                (date, Some(order)) => match parse_date(&date, order) {
                    Some(wall) => Some(clock.instant_of(wall)),
                    None => {
                        report.problems.push(RowProblem {
                            line: *line,
                            reason: format!("\"{date}\" is not a date written as the others are."),
                        });
                        continue;
                    }
                },
                (_, None) => None,
            };
            let severity = match cell(Field::Severity) {
                word if word.is_empty() => None,
                word => match choice(&word, Severity::ALL, Severity::label, Severity::as_str) {
                    Some(severity) => Some(severity),
                    None => {
                        report.problems.push(RowProblem { line: *line, reason: format!("\"{word}\" is not a severity Mend knows (low, normal, high, urgent).") });
                        continue;
                    }
                },
            };
            let channel = {
                let word = cell(Field::Channel);
                if word.is_empty() {
                    None
                } else {
                    choice(&word, Channel::ALL, Channel::label, Channel::as_str)
                        .or(Some(Channel::Other))
                }
            };
            let category_id = {
                let name = cell(Field::Category).to_lowercase();
                categories
                    .iter()
                    .find(|(_, known)| known.to_lowercase() == name)
                    .map(|(id, _)| *id)
            };
            let name = cell(Field::CustomerName);
            let summary = cell(Field::Summary);
            let stamp = received_at.map(crate::dates::stamp);
            let duplicate: Option<i64> = tx
                .query_row(
                    "SELECT c.id FROM complaints c JOIN customers k ON k.id = c.customer_id
                     WHERE k.name = ?1 COLLATE NOCASE AND c.summary = ?2 AND (?3 IS NULL OR c.received_at = ?3)",
                    rusqlite::params![name.trim(), summary.trim(), stamp],
                    |row| row.get(0),
                )
                .optional()?;
            if duplicate.is_some() {
                report.already_there += 1;
                continue;
            }
            let existing: Option<i64> = tx
                .query_row(
                    "SELECT id FROM customers WHERE name = ?1 COLLATE NOCASE ORDER BY id LIMIT 1",
                    [name.trim()],
                    |row| row.get(0),
                )
                .optional()?;
            let new = NewComplaint {
                customer_id: existing,
                new_customer: Some(CustomerInput {
                    name: name.clone(),
                    email: cell(Field::Email),
                    phone: cell(Field::Phone),
                }),
                channel,
                received_at: stamp,
                is_public: false,
                summary,
                customer_words: cell(Field::CustomerWords),
                desired_outcome: cell(Field::DesiredOutcome),
                reference: cell(Field::Reference),
                category_id,
                severity,
            };
            match insert_complaint(tx, &new) {
                Ok(_) => report.imported += 1,
                Err(Error::InvalidInput(reason)) => report.problems.push(RowProblem {
                    line: *line,
                    reason,
                }),
                Err(other) => return Err(other),
            }
        }
        if !report.problems.is_empty() {
            tx.discard();
            report.imported = 0;
            report.already_there = 0;
        }
        Ok(report)
        })
    }
}

#[cfg(test)]
mod tests;
