//! Files kept with a complaint or one of its timeline entries: photos of
//! the broken item, a receipt as a PDF, anything up to 25 MB. The bytes are
//! kept in the database (see migration 0012), so adding one is a single
//! transaction, and backups, restore and the export carry them. An image
//! gets a small thumbnail when it is added; what kind of image a file is
//! comes from its bytes, never from its name.

use chrono::{DateTime, Duration, Utc};
use rusqlite::{params, OptionalExtension, Row, Transaction};
use serde::Serialize;

use super::rows::progress;
use super::timeline::log;
use super::write::Write;
use super::Store;
use crate::dates;
use crate::error::{Error, Result};

mod files;
mod hashes;
pub use files::{
    checked_file, clean_name, read_file, refuse_unless_safe_to_open, size_in_words, why_unreadable,
    NewFile, MAX_FILE_BYTES,
};
#[cfg(test)]
use files::{MAX_NAME_CHARS, THUMBNAIL_SIDE, UNKNOWN_KIND};
pub(crate) use hashes::{arrived, by_hash, bytes_of, content_hash, hash_missing};

/// Files added to a new complaint that was never saved are let go after this.
const STAGED_DAYS: i64 = 2;

/// A file as the complaint's page lists it (its bytes are asked for apart).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    pub id: i64,
    pub complaint_id: Option<i64>,
    /// The timeline entry it came with, if any.
    pub contact_id: Option<i64>,
    pub name: String,
    /// What the bytes are: an image's or a PDF's media type, else unknown.
    pub media_type: String,
    pub size: i64,
    /// The size as an owner reads it ("3.4 MB").
    pub size_in_words: String,
    /// Images (that could be read) have a thumbnail.
    pub is_image: bool,
    pub added_at: DateTime<Utc>,
}

/// A file's bytes, with what it is called and what it is.
#[derive(Debug, Clone)]
pub struct FileContent {
    pub attachment: Attachment,
    pub bytes: Vec<u8>,
}

const COLUMNS: &str = "a.id, a.complaint_id, a.contact_id, a.name, a.media_type, a.size,
     (SELECT thumbnail IS NOT NULL FROM attachment_contents WHERE attachment_id = a.id),
     a.added_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<Attachment> {
    Ok(Attachment {
        id: row.get(0)?,
        complaint_id: row.get(1)?,
        contact_id: row.get(2)?,
        name: row.get(3)?,
        media_type: row.get(4)?,
        size: row.get(5)?,
        size_in_words: size_in_words(row.get::<_, i64>(5)?.max(0) as usize),
        is_image: row.get::<_, Option<bool>>(6)?.unwrap_or(false),
        added_at: row.get(7)?,
    })
}

/// Keeps one file; the history line is the caller's to write.
fn insert(
    tx: &Transaction<'_>,
    complaint_id: Option<i64>,
    contact_id: Option<i64>,
    file: &NewFile,
    now: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO attachments (complaint_id, contact_id, name, media_type, size, added_at,
                                  content_hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            complaint_id,
            contact_id,
            file.name,
            file.media_type,
            file.bytes.len() as i64,
            dates::stamp(now),
            content_hash(&file.bytes)
        ],
    )?;
    let id = tx.last_insert_rowid();
    tx.execute(
        "INSERT INTO attachment_contents (attachment_id, bytes, thumbnail) VALUES (?1, ?2, ?3)",
        params![id, file.bytes, file.thumbnail],
    )?;
    Ok(id)
}

fn added_line(name: &str, size: i64, contact_id: Option<i64>) -> String {
    let to = if contact_id.is_some() {
        " to a timeline entry"
    } else {
        ""
    };
    format!(
        "Added the file \"{name}\" ({}){to}",
        size_in_words(size as usize)
    )
}

/// Keeps files on a complaint (and one of its timeline entries), each with a
/// line in the history; used inside a write that changes the complaint.
pub(crate) fn attach(
    write: &mut Write<'_>,
    complaint_id: i64,
    contact_id: Option<i64>,
    files: &[NewFile],
) -> Result<Vec<i64>> {
    let now = write.clock().now();
    let mut ids = Vec::new();
    for file in files {
        ids.push(insert(write, Some(complaint_id), contact_id, file, now)?);
        log(
            write,
            Some(complaint_id),
            None,
            now,
            &added_line(&file.name, file.bytes.len() as i64, contact_id),
        )?;
    }
    Ok(ids)
}

/// Gives files that waited for a new complaint to it, as it is saved.
pub(crate) fn attach_waiting(
    write: &mut Write<'_>,
    complaint_id: i64,
    contact_id: Option<i64>,
    ids: &[i64],
) -> Result<()> {
    let now = write.clock().now();
    let mut ids = ids.to_vec();
    ids.sort_unstable();
    ids.dedup();
    for id in ids {
        let found: Option<(String, i64)> = write
            .query_row(
                "SELECT name, size FROM attachments WHERE id = ?1 AND complaint_id IS NULL",
                [id],
                |row| Ok((row.get(0)?, row.get(1)?)),
            )
            .optional()?;
        let Some((name, size)) = found else {
            return Err(Error::NotFound(
                "A file added to this complaint is no longer waiting to be saved; \
                 please add it again."
                    .into(),
            ));
        };
        write.execute(
            "UPDATE attachments SET complaint_id = ?2, contact_id = ?3 WHERE id = ?1",
            params![id, complaint_id, contact_id],
        )?;
        log(
            write,
            Some(complaint_id),
            None,
            now,
            &added_line(&name, size, None),
        )?;
    }
    Ok(())
}

/// Every file of a complaint, in the order they were added.
pub(crate) fn of_complaint(
    conn: &rusqlite::Connection,
    complaint_id: i64,
) -> Result<Vec<Attachment>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM attachments a WHERE a.complaint_id = ?1 ORDER BY a.id"
    ))?;
    let rows = statement.query_map([complaint_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Lets go, for good, of the files `filter` (a condition on `attachments`,
/// with one parameter) picks: their bytes, then the files.
fn let_go(tx: &Transaction<'_>, filter: &str, value: &dyn rusqlite::ToSql) -> Result<()> {
    tx.execute(
        &format!(
            "DELETE FROM attachment_contents WHERE attachment_id IN
                 (SELECT id FROM attachments WHERE {filter})"
        ),
        [value],
    )?;
    tx.execute(&format!("DELETE FROM attachments WHERE {filter}"), [value])?;
    Ok(())
}

/// Lets go, for good, of every file of a complaint cleared from the Deleted list.
pub(crate) fn clear_complaint(tx: &Transaction<'_>, complaint_id: i64) -> Result<()> {
    let_go(tx, "complaint_id = ?1", &complaint_id)
}

/// Lets go of files added to a new complaint that was never saved; not
/// while one is half-written, whose draft may list them.
pub(crate) fn clear_abandoned(tx: &Transaction<'_>, now: DateTime<Utc>) -> Result<()> {
    if super::intake_draft::pending(tx)? {
        return Ok(());
    }
    let before = dates::stamp(now - Duration::days(STAGED_DAYS));
    let_go(tx, "complaint_id IS NULL AND added_at < ?1", &before)
}

fn not_found() -> Error {
    Error::NotFound("That file is no longer in Mend (it may have been removed).".into())
}

impl Store {
    /// Keeps files on a complaint, or on one of its timeline entries.
    pub fn attach_files(
        &mut self,
        complaint_id: i64,
        contact_id: Option<i64>,
        files: &[NewFile],
    ) -> Result<Vec<Attachment>> {
        let ids = self.write(|write| {
            progress(write, complaint_id)?;
            if let Some(contact) = contact_id {
                let on_complaint: Option<i64> = write
                    .query_row(
                        "SELECT complaint_id FROM contacts WHERE id = ?1",
                        [contact],
                        |row| row.get(0),
                    )
                    .optional()?;
                if on_complaint != Some(complaint_id) {
                    return Err(Error::NotFound(
                        "That timeline entry is not on this complaint.".into(),
                    ));
                }
            }
            let ids = attach(write, complaint_id, contact_id, files)?;
            write.complaint_changed(complaint_id);
            Ok(ids)
        })?;
        ids.into_iter().map(|id| self.attachment(id)).collect()
    }

    /// Keeps files for a new complaint that is still being written; they
    /// become its own when it is saved (`NewComplaint::attachments`).
    pub fn add_waiting_files(&mut self, files: &[NewFile]) -> Result<Vec<Attachment>> {
        let ids = self.write(|write| {
            let now = write.clock().now();
            files
                .iter()
                .map(|file| insert(write, None, None, file, now))
                .collect::<Result<Vec<_>>>()
        })?;
        ids.into_iter().map(|id| self.attachment(id)).collect()
    }

    /// Lets go of a file waiting for a new complaint (taken off the form,
    /// or the complaint was not saved after all).
    pub fn discard_waiting_file(&mut self, id: i64) -> Result<()> {
        self.write(|write| {
            // Only while it waits: one kept on a complaint is removed, with its history.
            let_go(write, "id = ?1 AND complaint_id IS NULL", &id)
        })
    }

    pub fn attachment(&self, id: i64) -> Result<Attachment> {
        self.conn
            .prepare_cached(&format!(
                "SELECT {COLUMNS} FROM attachments a WHERE a.id = ?1"
            ))?
            .query_row([id], from_row)
            .optional()?
            .ok_or_else(not_found)
    }

    /// A kept file's bytes.
    pub fn attachment_content(&self, id: i64) -> Result<FileContent> {
        let attachment = self.attachment(id)?;
        let bytes = self
            .conn
            .query_row(
                "SELECT bytes FROM attachment_contents WHERE attachment_id = ?1",
                [id],
                |row| row.get(0),
            )
            .optional()?
            .ok_or_else(|| {
                Error::NotFound(format!(
                    "\"{}\" is still on its way from your other computer: Mend shows it \
                     as soon as it has arrived.",
                    attachment.name
                ))
            })?;
        Ok(FileContent { attachment, bytes })
    }

    /// An image's thumbnail (a JPEG).
    pub fn attachment_thumbnail(&self, id: i64) -> Result<Vec<u8>> {
        self.conn
            .query_row(
                "SELECT thumbnail FROM attachment_contents WHERE attachment_id = ?1",
                [id],
                |row| row.get::<_, Option<Vec<u8>>>(0),
            )
            .optional()?
            .flatten()
            .ok_or_else(|| Error::NotFound("That file has no picture to show.".into()))
    }

    /// Removes a file from its complaint, for good; the history keeps its name.
    pub fn remove_attachment(&mut self, id: i64) -> Result<()> {
        let attachment = self.attachment(id)?;
        let Some(complaint_id) = attachment.complaint_id else {
            return self.discard_waiting_file(id);
        };
        self.write(|write| {
            progress(write, complaint_id)?;
            let_go(write, "id = ?1", &id)?;
            let now = write.clock().now();
            log(
                write,
                Some(complaint_id),
                None,
                now,
                &format!(
                    "Removed the file \"{}\" ({})",
                    attachment.name,
                    size_in_words(attachment.size as usize)
                ),
            )?;
            write.complaint_changed(complaint_id);
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests;
