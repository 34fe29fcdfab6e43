//! Checks on text the owner types: trimmed, present, and not too long.

use crate::error::{Error, Result};

/// Trims `value` and refuses it when empty or longer than `max` characters.
/// `what` names the field as a sentence would ("the summary", "what you said").
pub(crate) fn required(value: &str, what: &str, max: usize) -> Result<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Error::InvalidInput(format!(
            "Please write {what}: it cannot be empty."
        )));
    }
    let length = trimmed.chars().count();
    if length > max {
        return Err(Error::InvalidInput(format!(
            "{} is {length} characters long; please keep it to {max} or fewer.",
            capitalized(what)
        )));
    }
    if trimmed.chars().any(|c| c.is_control()) {
        return Err(Error::InvalidInput(format!(
            "{} must fit on one line; please remove line breaks and tabs.",
            capitalized(what)
        )));
    }
    Ok(trimmed.to_owned())
}

/// Like `required`, but an empty value is allowed (and saved as "").
pub(crate) fn optional_line(value: &str, what: &str, max: usize) -> Result<String> {
    if value.trim().is_empty() {
        return Ok(String::new());
    }
    required(value, what, max)
}

/// Longer text, such as the customer's own words: line breaks and tabs are
/// kept, other control characters are refused. May be empty unless `needed`.
pub(crate) fn long(value: &str, what: &str, max: usize, needed: bool) -> Result<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        if needed {
            return Err(Error::InvalidInput(format!(
                "Please write {what}: it cannot be empty."
            )));
        }
        return Ok(String::new());
    }
    let length = trimmed.chars().count();
    if length > max {
        return Err(Error::InvalidInput(format!(
            "{} is {length} characters long; please keep it to {max} or fewer.",
            capitalized(what)
        )));
    }
    if trimmed
        .chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(Error::InvalidInput(format!(
            "{} contains invisible control characters; please retype it.",
            capitalized(what)
        )));
    }
    Ok(trimmed.to_owned())
}

/// `what` with a capital first letter, to start a sentence.
fn capitalized(what: &str) -> String {
    let mut chars = what.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// An email address, or nothing. Only its shape is checked: something@domain.tld.
pub(crate) fn email(value: &str) -> Result<String> {
    let email = optional_line(value, "the email address", 254)?;
    if email.is_empty() {
        return Ok(email);
    }
    let shaped = match email.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && !domain.contains('@')
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !email.chars().any(char::is_whitespace)
        }
        None => false,
    };
    if !shaped {
        return Err(Error::InvalidInput(format!(
            "\"{email}\" does not look like an email address (like name@example.com)."
        )));
    }
    Ok(email)
}

/// A phone number, or nothing: digits with the usual + ( ) - . and spaces.
pub(crate) fn phone(value: &str) -> Result<String> {
    let phone = optional_line(value, "the phone number", 40)?;
    if phone.is_empty() {
        return Ok(phone);
    }
    let allowed = phone
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    if !allowed || digits < 3 {
        return Err(Error::InvalidInput(format!(
            "\"{phone}\" does not look like a phone number; use digits, spaces and + - ( )."
        )));
    }
    Ok(phone)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_read_as_sentences_whatever_the_field() {
        assert_eq!(
            long("", "what you said", 10, true).unwrap_err().to_string(),
            "Please write what you said: it cannot be empty."
        );
        assert_eq!(
            long("eleven char", "what you said", 10, true)
                .unwrap_err()
                .to_string(),
            "What you said is 11 characters long; please keep it to 10 or fewer."
        );
        assert_eq!(
            required("a\tb", "the summary", 10).unwrap_err().to_string(),
            "The summary must fit on one line; please remove line breaks and tabs."
        );
    }

    #[test]
    fn surrounding_spaces_are_trimmed() {
        assert_eq!(
            required("  late parcel ", "the summary", 200).unwrap(),
            "late parcel"
        );
    }

    #[test]
    fn empty_and_blank_text_is_refused() {
        for blank in ["", "   ", "\u{3000}"] {
            let err = required(blank, "the summary", 200).unwrap_err();
            assert_eq!(
                err.to_string(),
                "Please write the summary: it cannot be empty."
            );
        }
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        let two_hundred_emoji = "😀".repeat(200);
        assert!(required(&two_hundred_emoji, "the summary", 200).is_ok());
        let err = required(&"é".repeat(201), "the summary", 200).unwrap_err();
        assert!(err.to_string().contains("201 characters"), "{err}");
    }

    #[test]
    fn line_breaks_are_refused_in_one_line_text() {
        let err = required("one\ntwo", "the summary", 200).unwrap_err();
        assert!(err.to_string().contains("must fit on one line"), "{err}");
    }

    #[test]
    fn odd_unicode_is_kept_exactly() {
        let text = "שלום e\u{301} 👩‍👩‍👧 <script>";
        assert_eq!(required(text, "the summary", 200).unwrap(), text);
    }
    #[test]
    fn long_text_keeps_line_breaks_but_not_other_control_characters() {
        assert_eq!(
            long(" one\ntwo ", "the words", 50, true).unwrap(),
            "one\ntwo"
        );
        let err = long("a\u{0}b", "the words", 50, true).unwrap_err();
        assert!(
            err.to_string().contains("invisible control characters"),
            "{err}"
        );
        assert_eq!(long("  ", "the words", 50, false).unwrap(), "");
        let err = long("  ", "the words", 50, true).unwrap_err();
        assert!(err.to_string().contains("Please write the words"), "{err}");
    }

    #[test]
    fn emails_must_be_shaped_like_emails() {
        for good in ["ana@example.com", "a.b+c@mail.example.pt", ""] {
            assert!(email(good).is_ok(), "{good}");
        }
        for bad in [
            "ana",
            "ana@",
            "@example.com",
            "ana@example",
            "a b@example.com",
            "a@b@c.com",
        ] {
            let err = email(bad).unwrap_err();
            assert!(
                err.to_string().contains("does not look like an email"),
                "{bad}"
            );
        }
    }

    #[test]
    fn phones_are_digits_and_the_usual_signs() {
        assert!(phone("+351 912 345 678").is_ok());
        assert!(phone("(555) 010-0199").is_ok());
        for bad in ["call me", "12"] {
            let err = phone(bad).unwrap_err();
            assert!(
                err.to_string()
                    .contains("does not look like a phone number"),
                "{bad}: {err}"
            );
        }
    }
}
