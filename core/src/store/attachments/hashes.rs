//! Kept files known by the SHA-256 of their bytes: how computers in sync
//! tell which files they have, and that the bytes arrived whole.

use rusqlite::{params, Transaction};
use sha2::{Digest, Sha256};

use super::files;
use crate::error::Result;

/// The SHA-256 of some bytes, in hex: how computers in sync know the bytes
/// of a kept file or of a file of changes, and that they arrived whole.
pub(crate) fn content_hash(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|byte| format!("{byte:02x}"))
        .collect()
}

/// Gives the kept files from before hashes were kept theirs.
pub(crate) fn hash_missing(tx: &Transaction<'_>) -> Result<()> {
    let missing: Vec<i64> = {
        let mut statement = tx.prepare(
            "SELECT a.id FROM attachments a
             JOIN attachment_contents c ON c.attachment_id = a.id
             WHERE a.content_hash IS NULL AND a.complaint_id IS NOT NULL",
        )?;
        let rows = statement.query_map([], |row| row.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    // One file's bytes in memory at a time: years of photos may be many.
    for id in missing {
        let hash = content_hash(&bytes_of(tx, id)?);
        tx.execute(
            "UPDATE attachments SET content_hash = ?2 WHERE id = ?1",
            params![id, hash],
        )?;
    }
    Ok(())
}

/// Kept files by their hash: those whose bytes are here (`here`), or
/// those whose bytes are still to come from another computer.
pub(crate) fn by_hash(conn: &rusqlite::Connection, here: bool) -> Result<Vec<(i64, String)>> {
    let mut statement = conn.prepare(&format!(
        "SELECT a.id, a.content_hash FROM attachments a
         WHERE a.content_hash IS NOT NULL AND a.complaint_id IS NOT NULL
           AND {} EXISTS (SELECT 1 FROM attachment_contents c WHERE c.attachment_id = a.id)",
        if here { "" } else { "NOT" }
    ))?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A kept file's bytes.
pub(crate) fn bytes_of(conn: &rusqlite::Connection, id: i64) -> Result<Vec<u8>> {
    Ok(conn.query_row(
        "SELECT bytes FROM attachment_contents WHERE attachment_id = ?1",
        [id],
        |row| row.get(0),
    )?)
}

/// Puts in place the bytes of a file another computer kept, once they
/// arrived whole; its thumbnail is made here.
pub(crate) fn arrived(tx: &Transaction<'_>, id: i64, bytes: &[u8]) -> Result<()> {
    let (_, thumbnail) = files::kind_and_thumbnail(bytes);
    // Not if the file was removed meanwhile.
    tx.execute(
        "INSERT OR IGNORE INTO attachment_contents (attachment_id, bytes, thumbnail)
         SELECT ?1, ?2, ?3 WHERE EXISTS (SELECT 1 FROM attachments WHERE id = ?1)",
        params![id, bytes, thumbnail],
    )?;
    Ok(())
}
