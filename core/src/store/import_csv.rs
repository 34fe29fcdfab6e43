//! Bringing in the spreadsheet an owner kept before Mend: read the CSV,
//! guess which column is which (`guess`) and how its dates are written
//! (`dates`), show a preview, list every problem row with its line and a
//! plain reason, then import all of it or nothing.

mod dates;
mod guess;
mod values;
mod writing;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::complaints::{insert_complaint, NewComplaint};
use super::customers::CustomerInput;
use super::Store;
use crate::error::{Error, Result};
use crate::kinds::Channel;
use crate::progress::{Progress, Unit, Unwatched, EVERY};
pub use dates::{parse_date, DateFinding, DateOrder};
pub use guess::guesses;
pub(crate) use values::status_of;
pub use values::summary_from;
use values::{choice, severity_of};
use writing::{
    add_note, already_there, close_as_imported, customer_named, customer_with_email, note_of,
};

/// What a column of the spreadsheet holds, as the owner maps it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    CustomerName,
    Email,
    Phone,
    ReceivedAt,
    Summary,
    /// The complaint as the customer told it.
    CustomerWords,
    DesiredOutcome,
    Reference,
    Category,
    Severity,
    Channel,
    /// Open or closed (done, resolved, refunded, in progress...).
    Status,
    /// Kept as an internal note on the complaint's timeline.
    Note,
    Ignore,
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
    /// How the dates of the guessed date column are written, as worked out.
    pub dates: DateFinding,
    /// The same for every column, for when the owner chooses another one.
    pub column_dates: Vec<DateFinding>,
}

/// What the owner chose on the preview.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct CsvChoices {
    /// One field per column.
    pub mapping: Vec<Field>,
    /// How the dates that are not ISO are written.
    pub order: Option<DateOrder>,
    /// The owner confirmed that the sheet names no customer: each row is
    /// from the customer of its email address, or from "Unknown customer".
    pub no_customer_column: bool,
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
    /// Of those, how many were imported as closed.
    pub closed: usize,
    /// Rows already in Mend (imported before), left out.
    pub already_there: usize,
    /// When there are any, nothing was imported.
    pub problems: Vec<RowProblem>,
}

/// Who a row is from when the sheet names no customer.
pub const UNKNOWN_CUSTOMER: &str = "Unknown customer";

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

/// The values of `column` with their rows.
fn column_values(sheet: &Sheet, column: usize) -> Vec<(u64, &str)> {
    sheet
        .rows
        .iter()
        .filter_map(|(line, row)| row.get(column).map(|value| (*line, value.as_str())))
        .collect()
}

pub fn preview(sheet: &Sheet) -> Preview {
    let guesses = guesses(sheet);
    let dates = match guesses.iter().position(|field| *field == Field::ReceivedAt) {
        Some(column) => dates::find_order(&column_values(sheet, column)),
        None => dates::find_order(&[]),
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
        dates,
        column_dates: (0..sheet.headers.len())
            .map(|column| dates::find_order(&column_values(sheet, column)))
            .collect(),
    }
}

/// Checks the owner's choices against the sheet before any row is read.
fn check_choices(sheet: &Sheet, choices: &CsvChoices) -> Result<Option<DateOrder>> {
    // The order is worked out for the date column chosen, whichever it is.
    let mapping = &choices.mapping;
    if mapping.len() != sheet.headers.len() {
        return Err(Error::InvalidInput(
            "Please say what each column holds (or leave it out).".into(),
        ));
    }
    for field in mapping
        .iter()
        .filter(|field| !matches!(field, Field::Note | Field::Ignore))
    {
        if mapping.iter().filter(|other| *other == field).count() > 1 {
            let columns: Vec<&str> = mapping
                .iter()
                .zip(&sheet.headers)
                .filter(|(other, _)| *other == field)
                .map(|(_, header)| header.as_str())
                .collect();
            return Err(Error::InvalidInput(format!(
                "The columns \"{}\" are all chosen for the same thing; please choose it for one of them only.",
                columns.join("\", \"")
            )));
        }
    }
    if !mapping.contains(&Field::Summary) && !mapping.contains(&Field::CustomerWords) {
        return Err(Error::InvalidInput(
            "Please choose the column that says what the complaint is (its summary, or what happened).".into(),
        ));
    }
    if !mapping.contains(&Field::CustomerName) && !choices.no_customer_column {
        return Err(Error::InvalidInput(
            "Please choose the column with the customer's name, or confirm that this spreadsheet names no customer."
                .into(),
        ));
    }
    let order = match mapping.iter().position(|field| *field == Field::ReceivedAt) {
        None => None,
        Some(column) => {
            let found = dates::find_order(&column_values(sheet, column));
            match (choices.order, found.order) {
                (Some(DateOrder::Iso) | None, Some(found)) => Some(found),
                (Some(DateOrder::Iso) | None, None) => {
                    return Err(Error::InvalidInput(
                        "Please say how the dates are written.".into(),
                    ))
                }
                (Some(chosen), _) => Some(chosen),
            }
        }
    };
    Ok(order)
}

impl Store {
    /// Imports the rows of `sheet` read as the owner chose. With any problem
    /// row, nothing is imported and every problem is listed. Rows already in
    /// Mend are left out, so importing the same file twice adds nothing.
    pub fn import_csv(&mut self, sheet: &Sheet, choices: &CsvChoices) -> Result<CsvImport> {
        self.import_csv_watched(sheet, choices, &Unwatched)
    }

    /// `import_csv`, telling `progress` of the rows read.
    pub fn import_csv_watched(
        &mut self,
        sheet: &Sheet,
        choices: &CsvChoices,
        progress: &dyn Progress,
    ) -> Result<CsvImport> {
        const DOING: &str = "Importing the rows";
        let total = sheet.rows.len() as u64;
        let order = check_choices(sheet, choices)?;
        let clock = self.clock.clone();
        let categories: Vec<(i64, String)> = {
            let mut statement = self
                .conn
                .prepare("SELECT id, name FROM categories WHERE retired_at IS NULL")?;
            let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
            rows.collect::<rusqlite::Result<_>>()?
        };
        let mapping = &choices.mapping;
        let column = |field: Field| mapping.iter().position(|f| *f == field);
        let notes: Vec<usize> = (0..mapping.len())
            .filter(|&i| mapping[i] == Field::Note)
            .collect();
        self.write(|tx| {
            // Only what was there before counts as imported before: two
            // alike rows of this file are two complaints.
            let before: i64 =
                tx.query_row("SELECT coalesce(max(id), 0) FROM complaints", [], |row| row.get(0))?;
            let mut report = CsvImport {
                imported: 0,
                closed: 0,
                already_there: 0,
                problems: Vec::new(),
            };
            for (index, (line, row)) in sheet.rows.iter().enumerate() {
                if (index as u64).is_multiple_of(EVERY) {
                    progress.tell(DOING, index as u64, total, Unit::Items);
                }
                let cell = |field: Field| -> String {
                    column(field)
                        .and_then(|i| row.get(i))
                        .map(|value| value.trim().to_owned())
                        .unwrap_or_default()
                };
                let mut problem = |reason: String| {
                    report.problems.push(RowProblem { line: *line, reason });
                };
                let received_at: Option<DateTime<Utc>> = match (cell(Field::ReceivedAt), order) {
                    (date, _) if date.is_empty() => None,
                    (date, Some(order)) => match parse_date(&date, order) {
                        Some(wall) => Some(clock.instant_of(wall)),
                        None if dates::has_short_year(&date) => {
                            problem(format!("\"{date}\" has a two-digit year; please write the year in full (like 2025) in the spreadsheet."));
                            continue;
                        }
                        None => {
                            problem(format!("\"{date}\" is not a date written as the others are."));
                            continue;
                        }
                    },
                    (_, None) => None,
                };
                let severity = match cell(Field::Severity) {
                    word if word.is_empty() => None,
                    word => match severity_of(&word) {
                        Some(severity) => Some(severity),
                        None => {
                            problem(format!("\"{word}\" is not a severity Mend knows (low, normal or medium, high, urgent)."));
                            continue;
                        }
                    },
                };
                let closed = match cell(Field::Status) {
                    word if word.is_empty() => false,
                    word => match status_of(&word) {
                        Some(closed) => closed,
                        None => {
                            problem(format!(
                                "\"{word}\" does not say whether it is open or closed (like open, in progress, done, closed or resolved)."
                            ));
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
                let words = cell(Field::CustomerWords);
                let summary = match cell(Field::Summary) {
                    summary if summary.is_empty() => summary_from(&words),
                    summary => summary,
                };
                let email = cell(Field::Email);
                let (customer_id, name) = match column(Field::CustomerName) {
                    Some(_) => {
                        let name = cell(Field::CustomerName);
                        (customer_named(tx, &name)?, name)
                    }
                    None if !email.is_empty() => (customer_with_email(tx, &email)?, email.clone()),
                    // One unknown customer per row: each is renamed on its own later.
                    None => (None, UNKNOWN_CUSTOMER.to_owned()),
                };
                let stamp = received_at.map(crate::dates::stamp);
                if column(Field::CustomerName).is_some() || !email.is_empty() {
                    if already_there(tx, before, &name, &summary, stamp.as_deref())? {
                        report.already_there += 1;
                        continue;
                    }
                } else if already_there(tx, before, &name, &summary, stamp.as_deref())? && stamp.is_some() {
                    report.already_there += 1;
                    continue;
                }
                let new = NewComplaint {
                    customer_id,
                    new_customer: Some(CustomerInput {
                        name,
                        email,
                        phone: cell(Field::Phone),
                        notes: None,
                    }),
                    channel,
                    received_at: stamp,
                    is_public: false,
                    summary,
                    customer_words: words,
                    desired_outcome: cell(Field::DesiredOutcome),
                    reference: cell(Field::Reference),
                    category_id,
                    severity,
                    attachments: Vec::new(),
                };
                let id = match insert_complaint(tx, &new) {
                    Ok(id) => id,
                    Err(error @ (Error::InvalidInput(_) | Error::Fields(_))) => {
                        problem(error.to_string());
                        continue;
                    }
                    Err(other) => return Err(other),
                };
                let note = note_of(&notes, &sheet.headers, row);
                if !note.is_empty() {
                    add_note(tx, id, &note)?;
                }
                if closed {
                    close_as_imported(tx, id)?;
                    report.closed += 1;
                }
                report.imported += 1;
            }
            progress.tell(DOING, total, total, Unit::Items);
            if !report.problems.is_empty() {
                tx.discard();
                report.imported = 0;
                report.closed = 0;
                report.already_there = 0;
            }
            Ok(report)
        })
    }
}

#[cfg(test)]
mod tests;
