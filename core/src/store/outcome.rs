//! What a complaint came to, kept on the complaint itself so that Patterns
//! reads one row per complaint: when it was first fixed, the latest
//! satisfaction, what its remedies cost in all, and whether it came back
//! (the customer unhappy at a follow-up, or reopened after closing).
//! Refreshed only by the after-write work in `write`, for every complaint
//! a write changed, and by the synthetic data generator once it is done.

use rusqlite::Connection;

use crate::error::Result;

const REFRESH: &str = "UPDATE complaints SET
    first_fixed_at = (SELECT min(done_at) FROM step_records WHERE complaint_id = complaints.id AND step = 'fix'),
    satisfaction = (SELECT satisfaction FROM step_records
                    WHERE complaint_id = complaints.id AND step = 'follow_up' AND satisfaction IS NOT NULL
                    ORDER BY id DESC LIMIT 1),
    remedy_cents = (SELECT coalesce(sum(cost_cents), 0) FROM step_records
                    WHERE complaint_id = complaints.id AND step = 'fix'),
    reopened = EXISTS (SELECT 1 FROM step_records
                       WHERE complaint_id = complaints.id AND step = 'follow_up' AND satisfied = 0)
            OR EXISTS (SELECT 1 FROM history
                       WHERE complaint_id = complaints.id AND what LIKE 'Reopened the complaint%')";

/// Brings one complaint's outcome in line with its records.
pub(crate) fn refresh(conn: &Connection, complaint_id: i64) -> Result<()> {
    conn.prepare_cached(&format!("{REFRESH} WHERE id = ?1"))?
        .execute([complaint_id])?;
    Ok(())
}

/// Brings every complaint's outcome in line (after data written in bulk).
pub(crate) fn refresh_all(conn: &Connection) -> Result<()> {
    conn.execute(REFRESH, [])?;
    Ok(())
}
