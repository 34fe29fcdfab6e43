//! The one way the store writes. A write says what it changed (a complaint,
//! a known issue, an improvement, the reminder delays, a reminder itself);
//! before it commits, the search documents, what each complaint came to
//! (`outcome`) and the derived reminders of what changed are brought in
//! line, in the same transaction. The store then knows whether reminders
//! changed, which is how the shell knows to wake the reminder scheduler.

use std::collections::BTreeSet;
use std::ops::Deref;

use rusqlite::{Connection, Transaction};

use super::{derived, outcome, search};
use crate::clock::Clock;
use crate::error::Result;

pub(crate) struct Write<'a> {
    tx: Transaction<'a>,
    clock: &'a dyn Clock,
    complaints: BTreeSet<i64>,
    issues: BTreeSet<i64>,
    improvements: BTreeSet<i64>,
    delays_changed: bool,
    reminders_changed: bool,
    discard: bool,
}

impl<'a> Deref for Write<'a> {
    type Target = Transaction<'a>;

    fn deref(&self) -> &Transaction<'a> {
        &self.tx
    }
}

impl<'a> Write<'a> {
    pub(crate) fn begin(conn: &'a mut Connection, clock: &'a dyn Clock) -> Result<Write<'a>> {
        Ok(Write {
            tx: conn.transaction()?,
            clock,
            complaints: BTreeSet::new(),
            issues: BTreeSet::new(),
            improvements: BTreeSet::new(),
            delays_changed: false,
            reminders_changed: false,
            discard: false,
        })
    }

    pub(crate) fn clock(&self) -> &'a dyn Clock {
        self.clock
    }

    /// Something written about this complaint: its search document and its
    /// derived reminders follow before the commit.
    pub(crate) fn complaint_changed(&mut self, complaint_id: i64) {
        self.complaints.insert(complaint_id);
    }

    /// Something written about this known issue (or the complaints behind
    /// it): its derived reminders follow before the commit. A changed
    /// complaint's own known issue follows by itself.
    pub(crate) fn known_issue_changed(&mut self, issue_id: i64) {
        self.issues.insert(issue_id);
    }

    /// Something written about this improvement: its reminders follow.
    pub(crate) fn improvement_changed(&mut self, improvement_id: i64) {
        self.improvements.insert(improvement_id);
    }

    /// The reminder delays changed: every derived reminder follows.
    pub(crate) fn delays_changed(&mut self) {
        self.delays_changed = true;
    }

    /// A reminder was added, moved or ended directly.
    pub(crate) fn reminder_changed(&mut self) {
        self.reminders_changed = true;
    }

    /// Nothing of this write is kept (an import with problem rows, say).
    pub(crate) fn discard(&mut self) {
        self.discard = true;
    }

    /// Does the after-write work and commits; says whether reminders changed.
    pub(crate) fn finish(self) -> Result<bool> {
        if self.discard {
            return Ok(false);
        }
        for &id in &self.complaints {
            search::refresh(&self.tx, id)?;
            outcome::refresh(&self.tx, id)?;
        }
        let mut issues = self.issues;
        let mut improvements = self.improvements;
        for &id in &self.complaints {
            issues.extend(derived::known_issue_of(&self.tx, id)?);
        }
        let settings = derived::reminder_settings(&self.tx)?;
        let mut to_sync = self.complaints;
        if self.delays_changed {
            // Everything a derived reminder may follow.
            to_sync.extend(derived::concerned(&self.tx, &settings, self.clock)?);
            issues.extend(derived::all_ids(&self.tx, "known_issues")?);
            improvements.extend(derived::all_ids(&self.tx, "improvements")?);
        }
        let mut reminders_changed = self.reminders_changed;
        for id in to_sync {
            reminders_changed |= derived::sync(&self.tx, id, &settings, self.clock)?;
        }
        for id in issues {
            reminders_changed |= derived::sync_issue(&self.tx, id, self.clock)?;
        }
        for id in improvements {
            reminders_changed |= derived::sync_improvement(&self.tx, id, self.clock)?;
        }
        self.tx.commit()?;
        Ok(reminders_changed)
    }
}
