//! A customer's email read into a new complaint: who sent it (matched to a
//! customer by address, or a new one from the sender's name), when, a
//! summary from its subject, and their words from its body as plain text
//! (an HTML body is turned into text, never shown as a page). The MIME,
//! charsets and encoded headers are read by mail-parser.

use chrono::{DateTime, Utc};
use mail_parser::{MessageParser, MimeHeaders};
use serde::Serialize;

use crate::error::{Error, Result};
use crate::kinds::{Channel, Direction};
use crate::store::attachments::{checked_file, Attachment, NewFile};
use crate::store::rows::Contact;
use crate::store::rows::{
    customer_from_row, Customer, CUSTOMER_COLUMNS, MAX_LONG_TEXT_CHARS, MAX_SUMMARY_CHARS,
};
use crate::store::timeline::NewContact;
use crate::store::Store;

/// The largest email Mend reads (an email with a few big photos is less).
pub const MAX_EMAIL_BYTES: usize = 60 * 1024 * 1024;

/// An email put on a complaint's timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailOnTimeline {
    pub contact: Contact,
    /// Why a file it carried was not kept, in words.
    pub not_kept: Vec<String>,
}

/// A new complaint, as the email tells it; the owner checks it and saves.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EmailIntake {
    /// The customer with the sender's address, if there is one.
    pub customer: Option<Customer>,
    /// The sender, as the email names them (their address when it does not).
    pub name: String,
    pub email: String,
    /// When it was sent; none when it does not say (or says the future).
    pub received_at: Option<DateTime<Utc>>,
    pub summary: String,
    pub words: String,
    /// The files it carried, kept for the new complaint (see
    /// `Store::add_waiting_files`) once it is read by the store.
    pub attachments: Vec<Attachment>,
    /// Why a file it carried was not kept (too big, say), in words.
    pub not_kept: Vec<String>,
    /// The files, as read, until they are kept.
    #[serde(skip)]
    pub files: Vec<NewFile>,
}

fn not_an_email() -> Error {
    Error::InvalidInput(
        "This is not an email Mend can read: it says nobody sent it. \
         Save the email from your mail program as a .eml file, or paste all of it, with its From line."
            .into(),
    )
}

/// At most `max` characters, cut at a character, never in one.
fn at_most(text: &str, max: usize) -> String {
    text.chars().take(max).collect()
}

/// The subject without the "Re:" and "Fwd:" a reply puts before it, on one line.
fn summary_from(subject: &str) -> String {
    let mut rest = subject.trim();
    loop {
        let lower = rest.to_lowercase();
        let Some(prefix) = ["re:", "fwd:", "fw:", "aw:", "wg:", "sv:"]
            .into_iter()
            .find(|prefix| lower.starts_with(prefix))
        else {
            break;
        };
        rest = rest[prefix.len()..].trim_start();
    }
    let line: String = rest
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    at_most(line.trim(), MAX_SUMMARY_CHARS)
}

/// Their words: the text, with no control characters but line breaks and tabs.
fn words_from(body: &str) -> String {
    let clean: String = body
        .replace("\r\n", "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect();
    at_most(clean.trim(), MAX_LONG_TEXT_CHARS)
}

/// Reads an email (the bytes of a .eml file, or its text pasted).
pub fn read(bytes: &[u8], now: DateTime<Utc>) -> Result<EmailIntake> {
    if bytes.len() > MAX_EMAIL_BYTES {
        return Err(Error::InvalidInput(format!(
            "This email is {}; Mend reads emails of up to {} MB.",
            crate::store::attachments::size_in_words(bytes.len()),
            MAX_EMAIL_BYTES / (1024 * 1024)
        )));
    }
    let message = MessageParser::default()
        .parse(bytes)
        .ok_or_else(not_an_email)?;
    let sender = message.from().and_then(|from| from.first());
    let email = sender
        .and_then(|sender| sender.address())
        .unwrap_or("")
        .trim()
        .to_owned();
    let words = match message
        .text_body
        .first()
        .and_then(|&i| message.parts.get(i as usize))
    {
        Some(part) if part.is_text_html() => words_from(&super::html_text::html_as_text(
            part.text_contents().unwrap_or(""),
        )),
        Some(part) => words_from(part.text_contents().unwrap_or("")),
        None => String::new(),
    };
    // Without a sender there is nobody to answer: not an email to read.
    if email.is_empty() {
        return Err(not_an_email());
    }
    let name = sender
        .and_then(|sender| sender.name())
        .map(|name| name.trim().trim_matches('"').trim().to_owned())
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| email.clone());
    let received_at = message
        .date()
        .and_then(|date| DateTime::from_timestamp(date.to_timestamp(), 0))
        .filter(|at| *at <= now);
    let mut summary = summary_from(message.subject().unwrap_or(""));
    if summary.is_empty() {
        summary = summary_from(
            words
                .lines()
                .find(|line| !line.trim().is_empty())
                .unwrap_or(""),
        );
    }
    let mut files = Vec::new();
    let mut not_kept = Vec::new();
    for part in message.attachments() {
        let name = part.attachment_name().unwrap_or("file");
        match checked_file(name, part.contents().to_vec()) {
            Ok(file) => files.push(file),
            Err(why) => not_kept.push(why.to_string()),
        }
    }
    Ok(EmailIntake {
        customer: None,
        name: at_most(&name, 200),
        email: at_most(&email, 200),
        received_at,
        summary,
        words,
        attachments: Vec::new(),
        not_kept,
        files,
    })
}

impl Store {
    /// An email the customer sent about an open complaint, on its timeline
    /// as a message from them, at the time it was sent; the subject stands
    /// in for an email with no text.
    /// The files it carried go with that entry; those not kept are said.
    pub fn add_email_to_complaint(
        &mut self,
        complaint_id: i64,
        bytes: &[u8],
    ) -> Result<EmailOnTimeline> {
        let email = read(bytes, self.clock.now())?;
        let text = if email.words.is_empty() {
            format!("(An email with no text: {})", email.summary)
        } else {
            email.words
        };
        let contact = NewContact {
            direction: Direction::Incoming,
            channel: Channel::Email,
            at: email.received_at.map(crate::dates::stamp),
            text,
        };
        let contact = self.add_contact_with_files(complaint_id, &contact, &email.files)?;
        Ok(EmailOnTimeline {
            contact,
            not_kept: email.not_kept,
        })
    }

    /// A new complaint from an email, its sender matched to a customer by
    /// email address (one merged into another is not offered).
    pub fn intake_from_email(&mut self, bytes: &[u8]) -> Result<EmailIntake> {
        let mut intake = read(bytes, self.clock.now())?;
        if !intake.email.is_empty() {
            intake.customer = self
                .conn
                .prepare_cached(&format!(
                    "SELECT {CUSTOMER_COLUMNS} FROM customers k
                     WHERE k.email = ?1 COLLATE NOCASE AND k.merged_into IS NULL ORDER BY k.id LIMIT 1"
                ))?
                .query_row([&intake.email], customer_from_row)
                .ok();
        }
        let files = std::mem::take(&mut intake.files);
        intake.attachments = self.add_waiting_files(&files)?;
        Ok(intake)
    }
}

#[cfg(test)]
mod tests;
