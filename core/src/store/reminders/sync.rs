//! Keeping the derived reminders in line with their complaints (in the same
//! transaction as each change), and catching up data from before reminders.

use chrono::Duration;
use rusqlite::{params, OptionalExtension, Transaction};

use super::super::Store;
use crate::clock::Clock;
use crate::dates;
use crate::error::Result;
use crate::reminders::{self, ComplaintState, ReminderKind};

fn state_of(tx: &Transaction<'_>, complaint_id: i64) -> Result<ComplaintState> {
    Ok(tx.query_row(
        "SELECT received_at, severity, step, acknowledged_at, promised_date, fixed_at,
                last_outgoing_at, closed_at,
                (SELECT check_in_date FROM step_records
                 WHERE complaint_id = c.id AND step = 'close' ORDER BY id DESC LIMIT 1)
         FROM complaints c WHERE id = ?1",
        [complaint_id],
        |row| {
            Ok(ComplaintState {
                received_at: row.get(0)?,
                severity: row.get(1)?,
                step: row.get(2)?,
                acknowledged_at: row.get(3)?,
                promised_date: row.get(4)?,
                fixed_at: row.get(5)?,
                last_outgoing_at: row.get(6)?,
                closed_at: row.get(7)?,
                check_in_date: row.get(8)?,
            })
        },
    )?)
}

/// Brings a complaint's derived reminders in line with its state: new ones
/// are added, moved ones move (and will ring again), unneeded ones complete.
/// One the owner already ended is not brought back for the same moment.
pub(crate) fn sync(tx: &Transaction<'_>, complaint_id: i64, clock: &dyn Clock) -> Result<()> {
    let settings = super::super::preferences::reminder_settings(tx)?;
    let desired = reminders::derive(&state_of(tx, complaint_id)?, &settings, clock);
    let now = dates::stamp(clock.now());
    for kind in ReminderKind::DERIVED {
        let want = desired
            .iter()
            .find(|(found, _)| *found == kind)
            .map(|(_, due)| dates::stamp(*due));
        let open: Option<(i64, String)> = tx
            .prepare_cached(
                "SELECT id, base_due_at FROM reminders
                 WHERE complaint_id = ?1 AND kind = ?2 AND state = 'open'",
            )?
            .query_row(params![complaint_id, kind.as_str()], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        match (want, open) {
            (Some(due), Some((id, base))) if base != due => {
                tx.prepare_cached(
                    "UPDATE reminders SET base_due_at = ?2, due_at = ?2, notified_at = NULL WHERE id = ?1",
                )?
                .execute(params![id, due])?;
            }
            (Some(due), None) => {
                tx.prepare_cached(
                    "INSERT INTO reminders (complaint_id, kind, base_due_at, due_at, created_at)
                     SELECT ?1, ?2, ?3, ?3, ?4
                     WHERE NOT EXISTS (SELECT 1 FROM reminders
                                       WHERE complaint_id = ?1 AND kind = ?2 AND base_due_at = ?3)",
                )?
                .execute(params![complaint_id, kind.as_str(), due, now])?;
            }
            (None, Some((id, _))) => {
                tx.prepare_cached(
                    "UPDATE reminders SET state = 'done', ended_at = ?2 WHERE id = ?1",
                )?
                .execute(params![id, now])?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// After the delays change: every complaint a derived reminder may concern.
pub(crate) fn sync_all(tx: &Transaction<'_>, clock: &dyn Clock) -> Result<()> {
    let settings = super::super::preferences::reminder_settings(tx)?;
    let check_in_window =
        dates::stamp(clock.now() - Duration::days(settings.check_in_after_days.into()));
    let ids: Vec<i64> = {
        let mut statement = tx.prepare(
            "SELECT id FROM complaints WHERE closed_at IS NULL OR closed_at >= ?1
             UNION SELECT complaint_id FROM reminders WHERE state = 'open' AND complaint_id IS NOT NULL",
        )?;
        let rows = statement.query_map([check_in_window], |row| row.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    for id in ids {
        sync(tx, id, clock)?;
    }
    Ok(())
}

/// Set once every complaint has its derived reminders (data from before
/// reminders existed gets them the first time this Mend opens it).
const DERIVED_KEY: &str = "reminders_derived";

impl Store {
    pub(crate) fn derive_missing_reminders(&mut self) -> Result<()> {
        let done: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [DERIVED_KEY],
                |row| row.get(0),
            )
            .optional()?;
        if done.is_some() {
            return Ok(());
        }
        let tx = self.conn.transaction()?;
        sync_all(&tx, self.clock.as_ref())?;
        tx.execute(
            "INSERT INTO settings (key, value) VALUES (?1, '1')",
            [DERIVED_KEY],
        )?;
        tx.commit()?;
        Ok(())
    }
}
