//! "Email it": a step's message, as the owner edited it, handed to the
//! owner's own mail program as a `mailto:` link (RFC 6068) with the
//! customer's address and a subject. Mend itself sends nothing. Emails that
//! come in are read in `incoming`.

mod html_text;
pub mod incoming;

use percent_encoding::{utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};
use serde::Serialize;

use super::rows::MAX_LONG_TEXT_CHARS;
use super::Store;
use crate::error::{Error, Result};
use crate::text;

/// What stays as it is in a mailto: link's parts: the unreserved characters.
const KEPT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// The link to open, and to whom it goes (for the owner to read).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub link: String,
}

/// A `mailto:` link; line breaks are sent as CR LF, as mail wants them.
pub fn mailto(to: &str, subject: &str, body: &str) -> String {
    let body = body.replace("\r\n", "\n").replace('\n', "\r\n");
    format!(
        "mailto:{}?subject={}&body={}",
        utf8_percent_encode(to, KEPT)
            .to_string()
            .replace("%40", "@"),
        utf8_percent_encode(subject, KEPT),
        utf8_percent_encode(&body, KEPT)
    )
}

impl Store {
    /// The email of a complaint's message `body` to its customer.
    pub fn email_for(&self, complaint_id: i64, body: &str) -> Result<Email> {
        let complaint = self.complaint(complaint_id)?;
        let body = text::long(body, "the message", MAX_LONG_TEXT_CHARS, true)?;
        let to = complaint.customer.email.trim().to_owned();
        if to.is_empty() {
            return Err(Error::InvalidInput(format!(
                "Mend has no email address for {}. Add it on their page, or copy the message instead.",
                complaint.customer.name
            )));
        }
        let subject = format!("Re: {}", complaint.summary.summary);
        Ok(Email {
            link: mailto(&to, &subject, &body),
            to,
            subject,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::complaints::NewComplaint;
    use crate::store::customers::CustomerInput;
    use crate::store::test_support::{at, phone_complaint, store_at};

    #[test]
    fn a_link_keeps_every_character_and_line_of_the_message() {
        assert_eq!(
            mailto("ana.lima@example.com", "Re: Cake & crème", "Hello Ana,\n\n100% sorry?"),
            "mailto:ana.lima@example.com?subject=Re%3A%20Cake%20%26%20cr%C3%A8me&body=Hello%20Ana%2C%0D%0A%0D%0A100%25%20sorry%3F"
        );
    }

    #[test]
    fn the_email_goes_to_the_customer_with_the_summary_as_its_subject() {
        let (mut store, _) = store_at(at(9));
        let with_email = store
            .create_complaint(&NewComplaint {
                new_customer: Some(CustomerInput {
                    name: "Ana Lima".into(),
                    email: "ana@example.com".into(),
                    ..CustomerInput::default()
                }),
                ..phone_complaint("", "Cake squashed")
            })
            .unwrap();
        let email = store.email_for(with_email.id, "Sorry, Ana.").unwrap();
        assert_eq!(email.to, "ana@example.com");
        assert_eq!(email.subject, "Re: Cake squashed");
        assert!(email
            .link
            .starts_with("mailto:ana@example.com?subject=Re%3A%20Cake%20squashed&body=Sorry"));
        let without = store
            .create_complaint(&phone_complaint("Ben Ode", "Late"))
            .unwrap();
        let error = store.email_for(without.id, "Sorry").unwrap_err();
        assert!(
            error
                .to_string()
                .starts_with("Mend has no email address for Ben Ode."),
            "{error}"
        );
        assert!(
            store.email_for(with_email.id, "  ").is_err(),
            "an empty message is refused"
        );
    }
}
