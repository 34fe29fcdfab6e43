//! The timeline (every contact with the customer) and the history (every
//! change, append-only: the app only ever inserts into it).

use chrono::{DateTime, Utc};
use rusqlite::{params, Transaction};
use serde::Deserialize;

use super::attachments::NewFile;
use super::rows::{progress, Contact, MAX_LONG_TEXT_CHARS};
use super::Store;
use crate::dates;
use crate::error::{Problems, Result};
use crate::kinds::{Channel, Direction};
use crate::text;

/// Who made a change. Mend has one user: the owner.
const OWNER: &str = "owner";

/// A contact the owner adds to the timeline by hand.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NewContact {
    pub direction: Direction,
    pub channel: Channel,
    #[serde(default)]
    pub at: Option<String>,
    pub text: String,
}

impl Store {
    /// Adds a contact (from the customer, to them, or a note) to a complaint's timeline.
    pub fn add_contact(&mut self, complaint_id: i64, new: &NewContact) -> Result<Contact> {
        self.add_contact_with_files(complaint_id, new, &[])
    }

    /// Adds a contact with the files that came with it, all or nothing.
    pub fn add_contact_with_files(
        &mut self,
        complaint_id: i64,
        new: &NewContact,
        files: &[NewFile],
    ) -> Result<Contact> {
        let now = self.clock.now();
        let (words, at) = checked_contact(new, now)?;
        let id = self.write(|write| {
            progress(write, complaint_id)?;
            let id = insert_contact(
                write,
                complaint_id,
                new.direction,
                new.channel,
                at,
                &words,
                now,
            )?;
            let what = match new.direction {
                Direction::Incoming => "Noted a message from the customer",
                Direction::Outgoing => "Noted a message to the customer",
                Direction::Note => "Added an internal note",
            };
            log(write, Some(complaint_id), None, now, what)?;
            super::attachments::attach(write, complaint_id, Some(id), files)?;
            write.complaint_changed(complaint_id);
            Ok(id)
        })?;
        Ok(Contact {
            id,
            direction: new.direction,
            channel: new.channel,
            at,
            text: words,
        })
    }
}

/// A contact's text and time, checked; all that is wrong is said at once.
pub(crate) fn checked_contact(
    contact: &NewContact,
    now: DateTime<Utc>,
) -> Result<(String, DateTime<Utc>)> {
    let mut problems = Problems::default();
    let words = problems
        .check(
            "text",
            text::long(
                &contact.text,
                "what was said or noted",
                MAX_LONG_TEXT_CHARS,
                true,
            ),
        )
        .unwrap_or_default();
    let at = problems
        .check(
            "at",
            dates::past_instant(contact.at.as_deref(), "time of the contact", now),
        )
        .unwrap_or(now);
    problems.finish()?;
    Ok((words, at))
}

/// Adds a contact; an outgoing one also counts as the customer's latest update.
pub(crate) fn insert_contact(
    tx: &Transaction<'_>,
    complaint_id: i64,
    direction: Direction,
    channel: Channel,
    at: DateTime<Utc>,
    words: &str,
    now: DateTime<Utc>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO contacts (complaint_id, direction, channel, at, text, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            complaint_id,
            direction,
            channel,
            dates::stamp(at),
            words,
            dates::stamp(now)
        ],
    )?;
    let id = tx.last_insert_rowid();
    if direction == Direction::Outgoing {
        tx.execute(
            "UPDATE complaints SET last_outgoing_at = max(coalesce(last_outgoing_at, ''), ?2)
             WHERE id = ?1",
            params![complaint_id, dates::stamp(at)],
        )?;
    }
    Ok(id)
}

/// Appends one line to the history.
pub(crate) fn log(
    tx: &Transaction<'_>,
    complaint_id: Option<i64>,
    customer_id: Option<i64>,
    now: DateTime<Utc>,
    what: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO history (complaint_id, customer_id, at, who, what) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![complaint_id, customer_id, dates::stamp(now), OWNER, what],
    )?;
    Ok(())
}

/// Appends one line to the history of a known issue; about one of its
/// complaints (a link), it is in that complaint's history too.
pub(crate) fn log_about_issue(
    tx: &Transaction<'_>,
    issue_id: i64,
    complaint_id: Option<i64>,
    now: DateTime<Utc>,
    what: &str,
) -> Result<()> {
    tx.execute(
        "INSERT INTO history (complaint_id, known_issue_id, at, who, what)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![complaint_id, issue_id, dates::stamp(now), OWNER, what],
    )?;
    Ok(())
}
