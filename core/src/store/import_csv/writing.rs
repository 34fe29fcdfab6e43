//! What a row writes besides its complaint: finding its customer, telling
//! whether it was imported before, its note, and closing it when the sheet
//! says it is done.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use crate::error::Result;
use crate::kinds::{Channel, CloseReason, Direction};
use crate::store::rows::MAX_LONG_TEXT_CHARS;
use crate::store::timeline::{insert_contact, log};
use crate::store::write::Write;

pub(super) fn customer_named(tx: &Transaction<'_>, name: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM customers WHERE name = ?1 COLLATE NOCASE AND merged_into IS NULL ORDER BY id LIMIT 1",
            [name.trim()],
            |row| row.get(0),
        )
        .optional()?)
}

pub(super) fn customer_with_email(tx: &Transaction<'_>, email: &str) -> Result<Option<i64>> {
    Ok(tx
        .query_row(
            "SELECT id FROM customers WHERE email = ?1 COLLATE NOCASE AND merged_into IS NULL ORDER BY id LIMIT 1",
            [email.trim()],
            |row| row.get(0),
        )
        .optional()?)
}

/// A complaint of this customer with this summary (and received then) is
/// already in Mend: imported before.
pub(super) fn already_there(
    tx: &Transaction<'_>,
    before: i64,
    name: &str,
    summary: &str,
    received: Option<&str>,
) -> Result<bool> {
    let found: Option<i64> = tx
        .query_row(
            "SELECT c.id FROM complaints c JOIN customers k ON k.id = c.customer_id
             WHERE c.id <= ?4 AND c.deleted_at IS NULL
               AND (k.name = ?1 COLLATE NOCASE OR k.email = ?1 COLLATE NOCASE)
               AND c.summary = ?2 AND (?3 IS NULL OR c.received_at = ?3)",
            params![name.trim(), summary.trim(), received, before],
            |row| row.get(0),
        )
        .optional()?;
    Ok(found.is_some())
}

/// The columns kept as a note: "Header: value" for each one filled in (the
/// value alone when there is one note column).
pub(super) fn note_of(notes: &[usize], headers: &[String], row: &[String]) -> String {
    let filled: Vec<(&str, &str)> = notes
        .iter()
        .filter_map(|&i| Some((headers[i].as_str(), row.get(i)?.trim())))
        .filter(|(_, value)| !value.is_empty())
        .collect();
    match filled.as_slice() {
        [(_, value)] if notes.len() == 1 => (*value).to_owned(),
        _ => filled
            .iter()
            .map(|(header, value)| format!("{header}: {value}"))
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

pub(super) fn add_note(write: &mut Write<'_>, complaint_id: i64, note: &str) -> Result<()> {
    let now = write.clock().now();
    let (received_at, channel): (DateTime<Utc>, Channel) = write.query_row(
        "SELECT received_at, channel FROM complaints WHERE id = ?1",
        [complaint_id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    let text = crate::text::long(note, "the note", MAX_LONG_TEXT_CHARS, false)?;
    insert_contact(
        write,
        complaint_id,
        Direction::Note,
        channel,
        received_at,
        &text,
        now,
    )?;
    log(
        write,
        Some(complaint_id),
        None,
        now,
        "Added an internal note from the spreadsheet",
    )?;
    Ok(())
}

/// The spreadsheet says it is done: closed as imported, with no lesson
/// recorded yet (the owner can reopen it or add one).
pub(super) fn close_as_imported(write: &mut Write<'_>, complaint_id: i64) -> Result<()> {
    let now = crate::dates::stamp(write.clock().now());
    write.execute(
        "INSERT INTO step_records (complaint_id, step, done_at, text, close_reason, root_cause,
             preventive_action, created_at)
         VALUES (?1, 'close', ?2, 'Imported as closed', ?3, '', '', ?2)",
        params![complaint_id, now, CloseReason::Other],
    )?;
    write.execute(
        "UPDATE complaints SET closed_at = ?2, close_reason = ?3 WHERE id = ?1",
        params![complaint_id, now, CloseReason::Other],
    )?;
    log(
        write,
        Some(complaint_id),
        None,
        write.clock().now(),
        "Closed the complaint (imported as closed)",
    )?;
    Ok(())
}
