//! The bytes of files kept with complaints (photos, PDFs), through the
//! shared folder: each as a file of its own named by its SHA-256, written
//! once by a computer that has it, put in place by the others only whole.

use super::folder::SharedFolder;
use super::round::HoldStore;
use crate::error::Result;
use crate::store::attachments;

/// Writes the bytes of kept files no computer has put in the folder yet.
pub(crate) fn give(folder: &SharedFolder, store: &mut impl HoldStore) -> Result<()> {
    let there = folder.file_contents();
    let kept = store
        .hold()?
        .read(|conn| attachments::by_hash(conn, true))?;
    for (id, hash) in kept {
        if !there.contains(&hash) {
            let bytes = store.hold()?.read(|conn| attachments::bytes_of(conn, id))?;
            folder.write_file_content(&hash, &bytes)?;
        }
    }
    Ok(())
}

/// Puts in place the bytes of kept files that came whole from the other
/// computers; says how many.
pub(crate) fn take(folder: &SharedFolder, store: &mut impl HoldStore) -> Result<usize> {
    let awaited = store
        .hold()?
        .read(|conn| attachments::by_hash(conn, false))?;
    let mut arrived = 0;
    for (id, hash) in awaited {
        if let Some(bytes) = folder.read_file_content(&hash) {
            store
                .hold()?
                .write(|write| attachments::arrived(write, id, &bytes))?;
            arrived += 1;
        }
    }
    Ok(arrived)
}
