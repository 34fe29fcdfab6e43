//! Putting in place here what the shared document holds: the rows and the
//! settings a file from another computer touched (or, after an update,
//! all of them), in an order their links allow.

use automerge::{Automerge, ReadDoc, ROOT};

use super::doc::{place_row, Placed};
use super::settings;
use super::tables::{parse_key, TABLES};
use crate::error::Result;
use crate::store::write::Write;

/// Puts the document's rows `keys` in place here, with the rows that wait
/// for a row they link to and those with conflicts noted: rows in the
/// order of their tables (links first), rows removed in the reverse order
/// (what points at a row goes before it). What is put in place is no change
/// of this computer's (its own were recorded first, with the store held).
pub(crate) fn place_keys(
    doc: &Automerge,
    write: &mut Write<'_>,
    mut keys: Vec<String>,
) -> Result<()> {
    // A conflict settled elsewhere in favour of the value shown here
    // changes nothing shown, so no patch says so: rows with conflicts
    // noted are looked at again.
    let mut statement = write.prepare(
        "SELECT DISTINCT tbl || '/' || uid FROM sync_conflicts UNION SELECT key FROM sync_waiting",
    )?;
    let again = statement.query_map([], |row| row.get::<_, String>(0))?;
    keys.extend(again.collect::<rusqlite::Result<Vec<_>>>()?);
    drop(statement);
    keys.sort();
    keys.dedup();
    let position = |key: &str| {
        parse_key(key).map_or(0, |(table, _)| {
            TABLES
                .iter()
                .position(|t| t.name == table.name)
                .unwrap_or(0) as i64
                + 1
        })
    };
    keys.sort_by_cached_key(|key| match doc.get(ROOT, key.as_str()) {
        Ok(Some(_)) => position(key),
        _ => i64::MAX - position(key),
    });
    let now = crate::dates::stamp(write.clock().now());
    // A row linking to one of the same table placed later (a customer
    // merged into another) waits a turn: again while any is placed; those
    // still waiting are kept for later files.
    let mut waiting = keys;
    loop {
        let before = waiting.len();
        let mut still = Vec::new();
        for key in waiting {
            if settings::is_setting(&key) {
                match settings::place(doc, write, &key, &now) {
                    Ok(true) => write.delays_changed(),
                    Ok(false) => {}
                    Err(error) => tracing::warn!(
                        code = error.code(),
                        "a setting from another computer was not put in place"
                    ),
                }
                continue;
            }
            match place_row(doc, write, &key) {
                Ok(Placed::Waiting) => still.push(key),
                Ok(Placed::Done(owners)) => {
                    if let Some(id) = owners.complaint {
                        write.complaint_changed(id);
                    }
                    if let Some(id) = owners.known_issue {
                        write.known_issue_changed(id);
                    }
                    if let Some(id) = owners.improvement {
                        write.improvement_changed(id);
                    }
                    // The scheduler looks again (an own reminder has no
                    // complaint to say so).
                    if key.starts_with("reminder") {
                        write.reminder_changed();
                    }
                }
                Ok(Placed::Unknown) => {}
                // One row that cannot be put in place does not hold up the rest.
                Err(error) => tracing::warn!(
                    code = error.code(),
                    "a row from another computer was not put in place"
                ),
            }
        }
        waiting = still;
        if waiting.is_empty() || waiting.len() == before {
            break;
        }
    }
    write.execute("DELETE FROM sync_waiting", [])?;
    for key in &waiting {
        write.execute(
            "INSERT OR IGNORE INTO sync_waiting (key) VALUES (?1)",
            [key],
        )?;
    }
    write.execute("DELETE FROM sync_pending", [])?;
    write.execute("DELETE FROM sync_removed", [])?;
    write.execute("DELETE FROM sync_settings_pending", [])?;
    Ok(())
}
