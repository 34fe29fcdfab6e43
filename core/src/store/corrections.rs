//! Corrections: a complaint's facts and its timeline entries changed after
//! saving. Each change goes in the history as old → new, so nothing the
//! owner once wrote is lost.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension, Transaction};

use super::complaints::{checked_facts, Facts, NewComplaint};
use super::lists::{self, ListKind};
use super::rows::{self, Contact};
use super::timeline::{log, NewContact};
use super::Store;
use crate::dates;
use crate::error::{Error, Result};
use crate::kinds::{Channel, Direction};

impl Store {
    /// Changes a complaint's facts to those in `edit` (the same shape as a
    /// new complaint). Says how many facts changed; none is not an error.
    pub fn correct_complaint(&mut self, id: i64, edit: &NewComplaint) -> Result<usize> {
        self.write(|write| {
            rows::progress(write, id)?;
            let now = write.clock().now();
            let tx: &Transaction<'_> = write;
            let (old, old_customer) = facts_of(tx, id)?;
            let (new, customer_id) = checked_facts(tx, edit, now, Some(old.received_at))?;
            // Only a time the owner changes is checked against the steps:
            // the one recorded stands (with computers whose clocks disagree,
            // a step may be recorded as before it).
            if new.received_at != old.received_at {
                check_received_before_steps(tx, id, new.received_at)?;
            }

            let mut changes = Vec::new();
            if customer_id != old_customer {
                changes.push(format!(
                    "Changed the customer: {} → {}",
                    customer_name(tx, old_customer)?,
                    customer_name(tx, customer_id)?
                ));
            }
            changed_text(&mut changes, "summary", &old.summary, &new.summary);
            changed_text(&mut changes, "customer's own words", &old.words, &new.words);
            changed_text(
                &mut changes,
                "outcome they want",
                &old.outcome,
                &new.outcome,
            );
            changed_text(&mut changes, "reference", &old.reference, &new.reference);
            if old.received_at != new.received_at {
                changes.push(format!(
                    "Changed when it was received: {} → {}",
                    dates::stamp(old.received_at),
                    dates::stamp(new.received_at)
                ));
            }
            changed_kind(
                &mut changes,
                "how it reached you",
                old.channel.label(),
                new.channel.label(),
            );
            changed_kind(
                &mut changes,
                "how serious it is",
                old.severity.label(),
                new.severity.label(),
            );
            if old.category_id != new.category_id {
                changes.push(format!(
                    "Changed the category: {} → {}",
                    lists::name_or_none(tx, ListKind::Categories, old.category_id)?,
                    lists::name_or_none(tx, ListKind::Categories, new.category_id)?
                ));
            }
            if old.is_public != new.is_public {
                let word = |public: bool| if public { "In public" } else { "Private" };
                changes.push(format!(
                    "Changed whether it is public: {} → {}",
                    word(old.is_public),
                    word(new.is_public)
                ));
            }
            if changes.is_empty() {
                write.discard();
                return Ok(0);
            }

            tx.execute(
                "UPDATE complaints SET customer_id = ?2, summary = ?3, customer_words = ?4,
                        desired_outcome = ?5, reference = ?6, received_at = ?7, channel = ?8,
                        severity = ?9, category_id = ?10, is_public = ?11
                 WHERE id = ?1",
                params![
                    id,
                    customer_id,
                    new.summary,
                    new.words,
                    new.outcome,
                    new.reference,
                    dates::stamp(new.received_at),
                    new.channel,
                    new.severity,
                    new.category_id,
                    new.is_public,
                ],
            )?;
            follow_intake_entry(tx, id, &old, &new, now)?;
            for change in &changes {
                log(tx, Some(id), Some(customer_id), now, change)?;
            }
            write.complaint_changed(id);
            Ok(changes.len())
        })
    }

    /// Changes one timeline entry; the history keeps what it said before.
    pub fn correct_contact(&mut self, contact_id: i64, edit: &NewContact) -> Result<Contact> {
        let now = self.clock.now();
        let (words, at) = super::timeline::checked_contact(edit, now)?;
        self.write(|write| {
            let tx: &Transaction<'_> = write;
            let old = contact(tx, contact_id)?;
            let complaint_id = old.complaint_id;
            rows::progress(tx, complaint_id)?;
            let mut changes = Vec::new();
            changed_kind(&mut changes, "what it was", old.contact.direction.label(), edit.direction.label());
            changed_kind(&mut changes, "how", old.contact.channel.label(), edit.channel.label());
            if old.contact.at != at {
                changes.push(format!(
                    "Changed when: {} → {}",
                    dates::stamp(old.contact.at),
                    dates::stamp(at)
                ));
            }
            changed_text(&mut changes, "text", &old.contact.text, &words);
            let corrected = Contact {
                id: contact_id,
                direction: edit.direction,
                channel: edit.channel,
                at,
                text: words.clone(),
            };
            if changes.is_empty() {
                write.discard();
                return Ok(corrected);
            }
            tx.execute(
                "UPDATE contacts SET direction = ?2, channel = ?3, at = ?4, text = ?5 WHERE id = ?1",
                params![contact_id, edit.direction, edit.channel, dates::stamp(at), words],
            )?;
            latest_outgoing_from_contacts(tx, complaint_id)?;
            let what = format!(
                "Corrected the timeline entry of {}: {}",
                dates::stamp(old.contact.at),
                changes
                    .iter()
                    .map(|change| lower_first(change.trim_start_matches("Changed ")))
                    .collect::<Vec<_>>()
                    .join("; ")
            );
            log(tx, Some(complaint_id), None, now, &what)?;
            write.complaint_changed(complaint_id);
            Ok(corrected)
        })
    }
}

fn facts_of(tx: &Transaction<'_>, id: i64) -> Result<(Facts, i64)> {
    Ok(tx.query_row(
        "SELECT summary, customer_words, desired_outcome, reference, received_at, channel,
                severity, category_id, is_public, customer_id
         FROM complaints WHERE id = ?1",
        [id],
        |row| {
            Ok((
                Facts {
                    summary: row.get(0)?,
                    words: row.get(1)?,
                    outcome: row.get(2)?,
                    reference: row.get(3)?,
                    received_at: row.get(4)?,
                    channel: row.get(5)?,
                    severity: row.get(6)?,
                    category_id: row.get(7)?,
                    is_public: row.get(8)?,
                },
                row.get(9)?,
            ))
        },
    )?)
}

/// A complaint cannot have been received after a step was done on it.
fn check_received_before_steps(
    tx: &Transaction<'_>,
    id: i64,
    received_at: DateTime<Utc>,
) -> Result<()> {
    let first_step: Option<DateTime<Utc>> = tx.query_row(
        "SELECT min(done_at) FROM step_records WHERE complaint_id = ?1",
        [id],
        |row| row.get(0),
    )?;
    match first_step {
        Some(first) if received_at > first => Err(Error::InvalidInput(
            "That is after the first step recorded on this complaint; please give a time before it."
                .into(),
        )),
        _ => Ok(()),
    }
}

/// The customer's words at intake opened the timeline: that entry follows
/// the correction, or is added if there were no words before.
fn follow_intake_entry(
    tx: &Transaction<'_>,
    id: i64,
    old: &Facts,
    new: &Facts,
    now: DateTime<Utc>,
) -> Result<()> {
    let entry: Option<i64> = tx
        .query_row(
            "SELECT id FROM contacts WHERE complaint_id = ?1 AND direction = 'incoming'
                    AND at = ?2 AND text = ?3
             ORDER BY id LIMIT 1",
            params![id, dates::stamp(old.received_at), old.words],
            |row| row.get(0),
        )
        .optional()?;
    match entry {
        Some(entry) if new.words.is_empty() => {
            // Files that came with their words stay with the complaint.
            tx.execute(
                "UPDATE attachments SET contact_id = NULL WHERE contact_id = ?1",
                [entry],
            )?;
            tx.execute("DELETE FROM contacts WHERE id = ?1", [entry])?;
        }
        Some(entry) => {
            tx.execute(
                "UPDATE contacts SET text = ?2, at = ?3, channel = ?4 WHERE id = ?1",
                params![entry, new.words, dates::stamp(new.received_at), new.channel],
            )?;
        }
        None if old.words.is_empty() && !new.words.is_empty() => {
            super::timeline::insert_contact(
                tx,
                id,
                Direction::Incoming,
                new.channel,
                new.received_at,
                &new.words,
                now,
            )?;
        }
        None => {}
    }
    Ok(())
}

struct StoredContact {
    complaint_id: i64,
    contact: Contact,
}

fn contact(tx: &Transaction<'_>, id: i64) -> Result<StoredContact> {
    tx.query_row(
        "SELECT complaint_id, direction, channel, at, text FROM contacts WHERE id = ?1",
        [id],
        |row| {
            Ok(StoredContact {
                complaint_id: row.get(0)?,
                contact: Contact {
                    id,
                    direction: row.get(1)?,
                    channel: row.get::<_, Channel>(2)?,
                    at: row.get(3)?,
                    text: row.get(4)?,
                },
            })
        },
    )
    .optional()?
    .ok_or_else(|| Error::NotFound("That timeline entry was not found.".into()))
}

/// The customer's latest update is the latest outgoing contact still there.
fn latest_outgoing_from_contacts(tx: &Transaction<'_>, complaint_id: i64) -> Result<()> {
    tx.execute(
        "UPDATE complaints SET last_outgoing_at =
             (SELECT max(at) FROM contacts WHERE complaint_id = ?1 AND direction = 'outgoing')
         WHERE id = ?1",
        [complaint_id],
    )?;
    Ok(())
}

fn customer_name(tx: &Transaction<'_>, id: i64) -> Result<String> {
    Ok(
        tx.query_row("SELECT name FROM customers WHERE id = ?1", [id], |row| {
            row.get(0)
        })?,
    )
}

fn changed_text(changes: &mut Vec<String>, what: &str, old: &str, new: &str) {
    if old != new {
        changes.push(format!(
            "Changed the {what}: {} → {}",
            quoted(old),
            quoted(new)
        ));
    }
}

fn changed_kind(changes: &mut Vec<String>, what: &str, old: &str, new: &str) {
    if old != new {
        changes.push(format!("Changed {what}: {old} → {new}"));
    }
}

/// Text as the history quotes it: whole, so that nothing is lost.
fn quoted(text: &str) -> String {
    if text.is_empty() {
        return "(nothing)".into();
    }
    format!("\"{text}\"")
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests;
