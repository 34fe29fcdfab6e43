//! The derived reminders: kept in line with their complaints and with the
//! owner's delays, inside the same transaction as each change. Called only
//! by the after-write work in `write`, never by an area on its own.

use chrono::Duration;
use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::clock::Clock;
use crate::dates;
use crate::error::Result;
use crate::reminders::{
    self, ComplaintState, ImprovementState, IssueState, ReminderKind, ReminderSettings,
};

/// Where the owner's delays are kept in the settings table.
pub(crate) const ACKNOWLEDGE_HOURS: &str = "reminder_acknowledge_hours";
pub(crate) const UPDATE_DAYS: &str = "reminder_update_days";
pub(crate) const FOLLOW_UP_DAYS: &str = "reminder_follow_up_days";
pub(crate) const CHECK_IN_ENABLED: &str = "reminder_check_in_enabled";
pub(crate) const CHECK_IN_DAYS: &str = "reminder_check_in_days";

/// Set once every complaint has its derived reminders (data from before
/// reminders existed gets them the first time this Mend opens it).
pub(crate) const DERIVED_KEY: &str = "reminders_derived";

pub(crate) fn setting(conn: &Connection, key: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |row| {
            row.get(0)
        })
        .optional()?)
}

fn number(conn: &Connection, key: &str, default: u32) -> Result<u32> {
    Ok(setting(conn, key)?
        .and_then(|value| value.parse().ok())
        .unwrap_or(default))
}

/// The owner's delays, or the defaults for those never changed.
pub(crate) fn reminder_settings(conn: &Connection) -> Result<ReminderSettings> {
    let default = ReminderSettings::default();
    Ok(ReminderSettings {
        acknowledge_after_hours: number(conn, ACKNOWLEDGE_HOURS, default.acknowledge_after_hours)?,
        update_after_days: number(conn, UPDATE_DAYS, default.update_after_days)?,
        follow_up_after_days: number(conn, FOLLOW_UP_DAYS, default.follow_up_after_days)?,
        check_in_enabled: setting(conn, CHECK_IN_ENABLED)?.as_deref() == Some("1"),
        check_in_after_days: number(conn, CHECK_IN_DAYS, default.check_in_after_days)?,
    })
}

fn state_of(tx: &Transaction<'_>, complaint_id: i64) -> Result<Option<ComplaintState>> {
    Ok(tx
        .prepare_cached(
            "SELECT received_at, severity, step, acknowledged_at, promised_date, fixed_at,
                    last_outgoing_at, closed_at,
                    (SELECT check_in_date FROM step_records
                     WHERE complaint_id = c.id AND step = 'close' ORDER BY id DESC LIMIT 1)
             FROM complaints c WHERE id = ?1 AND deleted_at IS NULL",
        )?
        .query_row([complaint_id], |row| {
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
        })
        .optional()?)
}

/// Brings a complaint's derived reminders in line with its state: new ones
/// are added, moved ones move (and will ring again), unneeded ones complete.
/// One the owner already ended is not brought back for the same moment.
/// Says whether any reminder changed.
pub(crate) fn sync(
    tx: &Transaction<'_>,
    complaint_id: i64,
    settings: &ReminderSettings,
    clock: &dyn Clock,
) -> Result<bool> {
    // A complaint no longer there has no reminders to keep in line.
    let Some(state) = state_of(tx, complaint_id)? else {
        return Ok(false);
    };
    let desired = reminders::derive(&state, settings, clock);
    follow(tx, Owner::Complaint(complaint_id), &desired, clock)
}

/// Brings a known issue's derived reminders in line with its state.
pub(crate) fn sync_issue(tx: &Transaction<'_>, issue_id: i64, clock: &dyn Clock) -> Result<bool> {
    let Some(state) = issue_state_of(tx, issue_id)? else {
        return Ok(false);
    };
    let desired = reminders::derive_for_issue(&state, clock);
    follow(tx, Owner::Issue(issue_id), &desired, clock)
}

/// Every id of `table` (known issues, improvements: a few hundred at most).
pub(crate) fn all_ids(tx: &Transaction<'_>, table: &str) -> Result<Vec<i64>> {
    let mut statement = tx.prepare(&format!("SELECT id FROM {table}"))?;
    let rows = statement.query_map([], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The known issue a complaint belongs to, if any.
pub(crate) fn known_issue_of(tx: &Transaction<'_>, complaint_id: i64) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT known_issue_id FROM complaints WHERE id = ?1")?
        .query_row([complaint_id], |row| row.get(0))
        .optional()?
        .flatten())
}

/// Brings an improvement's derived reminders in line with its state.
pub(crate) fn sync_improvement(
    tx: &Transaction<'_>,
    improvement_id: i64,
    clock: &dyn Clock,
) -> Result<bool> {
    let state = tx
        .prepare_cached(
            "SELECT due_date, done_date, check_date, worked_at IS NOT NULL
             FROM improvements WHERE id = ?1",
        )?
        .query_row([improvement_id], |row| {
            Ok(ImprovementState {
                due_date: row.get(0)?,
                done_date: row.get(1)?,
                check_date: row.get(2)?,
                worked: row.get(3)?,
            })
        })
        .optional()?;
    let Some(state) = state else {
        return Ok(false);
    };
    let desired = reminders::derive_for_improvement(&state, clock);
    follow(tx, Owner::Improvement(improvement_id), &desired, clock)
}

/// What derived reminders are about.
#[derive(Clone, Copy)]
enum Owner {
    Complaint(i64),
    Issue(i64),
    Improvement(i64),
}

impl Owner {
    fn column_and_id(self) -> (&'static str, i64) {
        match self {
            Owner::Complaint(id) => ("complaint_id", id),
            Owner::Issue(id) => ("known_issue_id", id),
            Owner::Improvement(id) => ("improvement_id", id),
        }
    }

    fn kinds(self) -> &'static [ReminderKind] {
        match self {
            Owner::Complaint(_) => &ReminderKind::DERIVED,
            Owner::Issue(_) => &ReminderKind::ISSUE_DERIVED,
            Owner::Improvement(_) => &ReminderKind::IMPROVEMENT_DERIVED,
        }
    }
}

/// Makes the open derived reminders of `owner` be exactly `desired`.
fn follow(
    tx: &Transaction<'_>,
    owner: Owner,
    desired: &[(ReminderKind, chrono::DateTime<chrono::Utc>)],
    clock: &dyn Clock,
) -> Result<bool> {
    let (column, owner_id) = owner.column_and_id();
    let now = dates::stamp(clock.now());
    let mut changed = 0;
    for &kind in owner.kinds() {
        let want = desired
            .iter()
            .find(|(found, _)| *found == kind)
            .map(|(_, due)| dates::stamp(*due));
        let open: Option<(i64, String)> = tx
            .prepare_cached(&format!(
                "SELECT id, base_due_at FROM reminders
                 WHERE {column} = ?1 AND kind = ?2 AND state = 'open'"
            ))?
            .query_row(params![owner_id, kind.as_str()], |row| {
                Ok((row.get(0)?, row.get(1)?))
            })
            .optional()?;
        changed += match (want, open) {
            (Some(due), Some((id, base))) if base != due => tx
                .prepare_cached(
                    "UPDATE reminders SET base_due_at = ?2, due_at = ?2, notified_at = NULL WHERE id = ?1",
                )?
                .execute(params![id, due])?,
            // The reminder to tell the customers cannot be ended by the owner
            // (telling them ends it), so one Mend ended comes back whenever
            // a customer to tell is added; the others, once ended, are not
            // brought back for the same moment.
            (Some(due), None) if kind == ReminderKind::TellCustomers => tx
                .prepare_cached(&format!(
                    "INSERT INTO reminders ({column}, kind, base_due_at, due_at, created_at)
                     VALUES (?1, ?2, ?3, ?3, ?4)"
                ))?
                .execute(params![owner_id, kind.as_str(), due, now])?,
            (Some(due), None) => tx
                .prepare_cached(&format!(
                    "INSERT INTO reminders ({column}, kind, base_due_at, due_at, created_at)
                     SELECT ?1, ?2, ?3, ?3, ?4
                     WHERE NOT EXISTS (SELECT 1 FROM reminders
                                       WHERE {column} = ?1 AND kind = ?2 AND base_due_at = ?3)"
                ))?
                .execute(params![owner_id, kind.as_str(), due, now])?,
            (None, Some((id, _))) => tx
                .prepare_cached("UPDATE reminders SET state = 'done', ended_at = ?2 WHERE id = ?1")?
                .execute(params![id, now])?,
            _ => 0,
        };
    }
    // What the owner ended, here or on another computer, stays ended.
    changed += tx
        .prepare_cached(&format!(
            "UPDATE reminders SET state = e.state, ended_at = e.ended_at
             FROM reminder_endings e
             WHERE reminders.{column} = ?1 AND reminders.state = 'open'
               AND e.{column} = ?1 AND e.kind = reminders.kind
               AND e.base_due_at = reminders.base_due_at"
        ))?
        .execute([owner_id])?;
    Ok(changed > 0)
}

/// Notes that the owner ended reminder `id`, if Mend worked it out (from a
/// complaint, a known issue or an improvement): the other computers, which
/// work it out too, end theirs.
pub(crate) fn note_ending(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let update = "DO UPDATE SET state = excluded.state, ended_at = excluded.ended_at";
    tx.prepare_cached(&format!(
        "INSERT INTO reminder_endings (complaint_id, known_issue_id, improvement_id, kind,
                                       base_due_at, state, ended_at)
         SELECT complaint_id, known_issue_id, improvement_id, kind, base_due_at, state, ended_at
         FROM reminders
         WHERE id = ?1 AND kind != 'custom' AND state != 'open'
         ON CONFLICT (complaint_id, kind, base_due_at) WHERE complaint_id IS NOT NULL {update}
         ON CONFLICT (known_issue_id, kind, base_due_at) WHERE known_issue_id IS NOT NULL {update}
         ON CONFLICT (improvement_id, kind, base_due_at) WHERE improvement_id IS NOT NULL {update}"
    ))?
    .execute([id])?;
    Ok(())
}

fn issue_state_of(tx: &Transaction<'_>, issue_id: i64) -> Result<Option<IssueState>> {
    Ok(tx
        .prepare_cached(&format!(
            "SELECT status, target_date, fixed_at, EXISTS ({UNTOLD}) FROM known_issues i WHERE id = ?1"
        ))?
        .query_row([issue_id], |row| {
            Ok(IssueState {
                status: row.get(0)?,
                target_date: row.get(1)?,
                fixed_at: row.get(2)?,
                customers_untold: row.get(3)?,
            })
        })
        .optional()?)
}

/// The customers of known issue `i` neither told nor passed over yet.
const UNTOLD: &str = "SELECT 1 FROM complaints c
     WHERE c.known_issue_id = i.id AND c.deleted_at IS NULL
       AND NOT EXISTS (SELECT 1 FROM known_issue_tellings t
                       WHERE t.known_issue_id = i.id AND t.customer_id = c.customer_id)";

/// Every complaint a derived reminder may concern, for when the delays change.
pub(crate) fn concerned(
    tx: &Transaction<'_>,
    settings: &ReminderSettings,
    clock: &dyn Clock,
) -> Result<Vec<i64>> {
    let check_in_window =
        dates::stamp(clock.now() - Duration::days(settings.check_in_after_days.into()));
    let mut statement = tx.prepare(
        "SELECT id FROM complaints WHERE closed_at IS NULL OR closed_at >= ?1
         UNION SELECT complaint_id FROM step_records WHERE step = 'close' AND check_in_date IS NOT NULL
         UNION SELECT complaint_id FROM reminders WHERE state = 'open' AND complaint_id IS NOT NULL",
    )?;
    let rows = statement.query_map([check_in_window], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
