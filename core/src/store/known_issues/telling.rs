//! Telling the customers a known issue is fixed: every customer behind it,
//! closed complaints included, with how to reach them and a message from
//! the owner's "it is fixed" template. Each is told once (an outgoing
//! contact on their latest complaint of the issue) or passed over; until
//! then a reminder stays on Today.

use chrono::{DateTime, Utc};
use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{issue_not_found, KnownIssue};
use crate::error::{Error, Result};
use crate::journey::template::{
    self, Draft, Values, ISSUE_FIXED_PLACEHOLDERS, ISSUE_FIXED_TEMPLATE,
};
use crate::kinds::{Channel, Direction};
use crate::store::preferences;
use crate::store::settings::checked_template;
use crate::store::timeline::{insert_contact, log_about_issue};
use crate::store::Store;

/// Where the owner's own wording of the "it is fixed" message is kept.
const TEMPLATE_KEY: &str = "template_issue_fixed";

/// Whether a customer was told, or passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Telling {
    Told,
    /// Not to be told (the owner chose so): no longer waited for.
    Dismissed,
}

/// One customer behind a fixed known issue.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerToTell {
    pub customer_id: i64,
    pub name: String,
    pub email: String,
    pub phone: String,
    /// Their complaints of this issue, the latest last.
    pub complaint_ids: Vec<i64>,
    pub telling: Option<Telling>,
    pub telling_at: Option<DateTime<Utc>>,
    /// The message, from the "it is fixed" template.
    pub draft: Draft,
}

/// The "it is fixed" template as Settings shows it.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct IssueFixedTemplate {
    pub body: String,
    pub is_default: bool,
    pub placeholders: Vec<String>,
}

impl Store {
    /// Every customer behind a fixed issue, in the order they first complained.
    pub(super) fn customers_to_tell(&self, issue: &KnownIssue) -> Result<Vec<CustomerToTell>> {
        let settings = self.settings()?;
        let body = self.issue_fixed_template()?.body;
        let mut statement = self.conn.prepare_cached(
            "SELECT k.id, k.name, k.email, k.phone, group_concat(c.id, ' '), t.state, t.at
             FROM complaints c JOIN customers k ON k.id = c.customer_id
             LEFT JOIN known_issue_tellings t ON t.known_issue_id = ?1 AND t.customer_id = k.id
             WHERE c.known_issue_id = ?1 AND c.deleted_at IS NULL
             GROUP BY k.id ORDER BY min(c.received_at), k.id",
        )?;
        let rows = statement.query_map([issue.summary.id], |row| {
            let name: String = row.get(1)?;
            let ids: String = row.get(4)?;
            let state: Option<String> = row.get(5)?;
            let values = Values {
                first_name: template::first_name(&name),
                business_name: settings.business_name.clone(),
                owner_name: settings.owner_name.clone(),
                issue: issue.summary.title.clone(),
                what_changed: issue.what_changed.clone(),
                ..Values::default()
            };
            Ok(CustomerToTell {
                customer_id: row.get(0)?,
                email: row.get(2)?,
                phone: row.get(3)?,
                complaint_ids: ids.split(' ').filter_map(|id| id.parse().ok()).collect(),
                telling: match state.as_deref() {
                    Some("told") => Some(Telling::Told),
                    Some(_) => Some(Telling::Dismissed),
                    None => None,
                },
                telling_at: row.get(6)?,
                draft: template::render(&body, &values),
                name,
            })
        })?;
        let mut customers: Vec<CustomerToTell> = rows.collect::<rusqlite::Result<_>>()?;
        for customer in &mut customers {
            customer.complaint_ids.sort_unstable();
        }
        Ok(customers)
    }

    /// Records that a customer was told the issue is fixed: an outgoing
    /// contact on their latest complaint of it, in `channel`.
    pub fn tell_customer(
        &mut self,
        issue_id: i64,
        customer_id: i64,
        channel: Channel,
    ) -> Result<KnownIssue> {
        self.settle_customer(issue_id, customer_id, Telling::Told, channel)
    }

    /// Passes over a customer who will not be told (no longer reachable,
    /// say): the issue no longer waits for them.
    pub fn pass_over_customer(&mut self, issue_id: i64, customer_id: i64) -> Result<KnownIssue> {
        self.settle_customer(issue_id, customer_id, Telling::Dismissed, Channel::Other)
    }

    fn settle_customer(
        &mut self,
        issue_id: i64,
        customer_id: i64,
        telling: Telling,
        channel: Channel,
    ) -> Result<KnownIssue> {
        let now = self.clock.now();
        self.write(|write| {
            let (title, status): (String, crate::kinds::IssueStatus) = write
                .query_row(
                    "SELECT title, status FROM known_issues WHERE id = ?1",
                    [issue_id],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?
                .ok_or_else(|| issue_not_found(issue_id))?;
            if !status.is_fixed() {
                return Err(Error::Refused(format!(
                    "\"{title}\" is not fixed yet; mark it fixed before telling the customers."
                )));
            }
            let latest: Option<(i64, String)> = write
                .query_row(
                    "SELECT c.id, k.name FROM complaints c JOIN customers k ON k.id = c.customer_id
                     WHERE c.known_issue_id = ?1 AND c.customer_id = ?2 AND c.deleted_at IS NULL
                     ORDER BY c.received_at DESC, c.id DESC LIMIT 1",
                    params![issue_id, customer_id],
                    |row| Ok((row.get(0)?, row.get(1)?)),
                )
                .optional()?;
            let Some((complaint_id, name)) = latest else {
                return Err(Error::NotFound(
                    "This customer has no complaint in this known issue any more.".into(),
                ));
            };
            let already: Option<String> = write
                .query_row(
                    "SELECT state FROM known_issue_tellings WHERE known_issue_id = ?1 AND customer_id = ?2",
                    params![issue_id, customer_id],
                    |row| row.get(0),
                )
                .optional()?;
            if already.as_deref() == Some("told") {
                write.discard();
                return Ok(());
            }
            write.execute(
                "INSERT INTO known_issue_tellings (known_issue_id, customer_id, state, at)
                 VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT (known_issue_id, customer_id) DO UPDATE SET state = excluded.state, at = excluded.at",
                params![
                    issue_id,
                    customer_id,
                    match telling {
                        Telling::Told => "told",
                        Telling::Dismissed => "dismissed",
                    },
                    crate::dates::stamp(now)
                ],
            )?;
            let line = match telling {
                Telling::Told => {
                    insert_contact(
                        write,
                        complaint_id,
                        Direction::Outgoing,
                        channel,
                        now,
                        &format!("Told them the known issue \"{title}\" is fixed."),
                        now,
                    )?;
                    format!("Told {name} that \"{title}\" is fixed")
                }
                Telling::Dismissed => format!("Will not tell {name} that \"{title}\" is fixed"),
            };
            log_about_issue(write, issue_id, Some(complaint_id), now, &line)?;
            write.known_issue_changed(issue_id);
            write.complaint_changed(complaint_id);
            Ok(())
        })?;
        self.known_issue(issue_id)
    }

    /// The "it is fixed" message template: the owner's, or Mend's own.
    pub fn issue_fixed_template(&self) -> Result<IssueFixedTemplate> {
        let own: Option<String> = self
            .conn
            .query_row(
                "SELECT value FROM settings WHERE key = ?1",
                [TEMPLATE_KEY],
                |row| row.get(0),
            )
            .optional()?;
        Ok(IssueFixedTemplate {
            is_default: own.is_none(),
            body: own.unwrap_or_else(|| ISSUE_FIXED_TEMPLATE.to_owned()),
            placeholders: ISSUE_FIXED_PLACEHOLDERS
                .iter()
                .map(|name| format!("{{{name}}}"))
                .collect(),
        })
    }

    /// Saves the owner's wording of the "it is fixed" message.
    pub fn save_issue_fixed_template(&mut self, body: &str) -> Result<IssueFixedTemplate> {
        let body = checked_template(body, &ISSUE_FIXED_PLACEHOLDERS)?;
        let now = self.clock.now();
        self.write(|write| {
            preferences::put(write, TEMPLATE_KEY, &body)?;
            crate::store::timeline::log(
                write,
                None,
                None,
                now,
                "Changed the template for \"A known issue is fixed\"",
            )
        })?;
        self.issue_fixed_template()
    }

    /// Goes back to Mend's own wording of the "it is fixed" message.
    pub fn reset_issue_fixed_template(&mut self) -> Result<IssueFixedTemplate> {
        let now = self.clock.now();
        self.write(|write| {
            write.execute("DELETE FROM settings WHERE key = ?1", [TEMPLATE_KEY])?;
            crate::store::timeline::log(
                write,
                None,
                None,
                now,
                "Reset the template for \"A known issue is fixed\"",
            )
        })?;
        self.issue_fixed_template()
    }
}

#[cfg(test)]
mod tests;
