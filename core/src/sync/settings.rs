//! The owner's settings and wording on two computers: each shared setting
//! and each template is one value at the shared document's root, under
//! "settings/<key>" or "templates/<step>"; when both computers change one
//! at once, one value wins, alike everywhere. A computer's own settings
//! (its sync, its tray, its welcome) are never there.

use automerge::transaction::Transactable;
use automerge::{Automerge, ReadDoc, ScalarValue, Value, ROOT};
use rusqlite::{params, Connection, OptionalExtension};

use super::doc::merge_failed;
use crate::error::Result;
use crate::journey::Step;
use crate::store::derived;

/// The settings the computers share (migration 0017's triggers list them too).
pub(crate) const SHARED: &[&str] = &[
    "business_name",
    "owner_name",
    "currency",
    derived::ACKNOWLEDGE_HOURS,
    derived::UPDATE_DAYS,
    derived::FOLLOW_UP_DAYS,
    derived::CHECK_IN_ENABLED,
    derived::CHECK_IN_DAYS,
    "template_issue_fixed",
];

const SETTINGS: &str = "settings/";
const TEMPLATES: &str = "templates/";

/// Whether `key` in the shared document is a setting or a template.
pub(crate) fn is_setting(key: &str) -> bool {
    key.starts_with(SETTINGS) || key.starts_with(TEMPLATES)
}

/// The value of `key` here; None: not set (Mend's own wording or default).
fn here(conn: &Connection, key: &str) -> Result<Option<String>> {
    let (sql, name) = match (key.strip_prefix(SETTINGS), key.strip_prefix(TEMPLATES)) {
        (Some(name), _) => ("SELECT value FROM settings WHERE key = ?1", name),
        (_, Some(step)) => ("SELECT body FROM templates WHERE step = ?1", step),
        _ => return Ok(None),
    };
    Ok(conn
        .prepare_cached(sql)?
        .query_row([name], |row| row.get(0))
        .optional()?)
}

fn in_document(doc: &impl ReadDoc, key: &str) -> Result<Option<String>> {
    Ok(match doc.get(ROOT, key).map_err(merge_failed)? {
        Some((Value::Scalar(value), _)) => value.to_str().map(str::to_owned),
        _ => None,
    })
}

/// Puts the settings and templates changed here into the document.
pub(crate) fn put_changed(doc: &mut impl Transactable, conn: &Connection) -> Result<()> {
    let keys: Vec<String> = {
        let mut statement = conn.prepare("SELECT key FROM sync_settings_pending")?;
        let rows = statement.query_map([], |row| row.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for key in keys {
        let value = here(conn, &key)?;
        if in_document(doc, &key)? != value {
            let scalar = value.map_or(ScalarValue::Null, |text| ScalarValue::Str(text.into()));
            doc.put(ROOT, key.as_str(), scalar).map_err(merge_failed)?;
        }
    }
    conn.execute("DELETE FROM sync_settings_pending", [])?;
    Ok(())
}

/// Notes every shared setting and template here to be given out: the
/// first computer's are the starting point (one joining takes theirs).
pub(crate) fn give_all(conn: &Connection) -> Result<()> {
    let shared: Vec<String> = SHARED.iter().map(|key| format!("'{key}'")).collect();
    conn.execute(
        &format!(
            "INSERT OR IGNORE INTO sync_settings_pending (key)
             SELECT '{SETTINGS}' || key FROM settings WHERE key IN ({})",
            shared.join(", ")
        ),
        [],
    )?;
    conn.execute(
        &format!(
            "INSERT OR IGNORE INTO sync_settings_pending (key)
             SELECT '{TEMPLATES}' || step FROM templates"
        ),
        [],
    )?;
    Ok(())
}

/// Puts the document's value of `key` in place here (`now` for a
/// template's time); says whether the reminder delays changed.
pub(crate) fn place(doc: &Automerge, conn: &Connection, key: &str, now: &str) -> Result<bool> {
    let value = in_document(doc, key)?;
    if here(conn, key)? == value {
        return Ok(false);
    }
    if let Some(name) = key.strip_prefix(SETTINGS) {
        // One this Mend does not share (a newer one's): left in the document.
        if !SHARED.contains(&name) {
            return Ok(false);
        }
        match &value {
            Some(value) => conn.execute(
                "INSERT INTO settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                params![name, value],
            )?,
            None => conn.execute("DELETE FROM settings WHERE key = ?1", [name])?,
        };
        return Ok(name.starts_with("reminder_"));
    }
    if let Some(step) = key
        .strip_prefix(TEMPLATES)
        .filter(|step| Step::parse(step).is_some())
    {
        match &value {
            Some(body) => conn.execute(
                "INSERT INTO templates (step, body, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (step) DO UPDATE SET body = excluded.body, updated_at = excluded.updated_at",
                params![step, body, now],
            )?,
            None => conn.execute("DELETE FROM templates WHERE step = ?1", [step])?,
        };
    }
    Ok(false)
}
