//! Checks on text the owner types: trimmed, present, and not too long.

use crate::error::{Error, Result};

/// Trims `value` and refuses it when empty or longer than `max` characters.
/// `what` names the field in the message, as the owner sees it ("summary").
pub(crate) fn required(value: &str, what: &str, max: usize) -> Result<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Error::InvalidInput(format!(
            "Please write the {what}: it cannot be empty."
        )));
    }
    let length = trimmed.chars().count();
    if length > max {
        return Err(Error::InvalidInput(format!(
            "The {what} is {length} characters long; please keep it to {max} or fewer."
        )));
    }
    if trimmed.chars().any(|c| c.is_control()) {
        return Err(Error::InvalidInput(format!(
            "The {what} must fit on one line; please remove line breaks and tabs."
        )));
    }
    Ok(trimmed.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surrounding_spaces_are_trimmed() {
        assert_eq!(
            required("  late parcel ", "summary", 200).unwrap(),
            "late parcel"
        );
    }

    #[test]
    fn empty_and_blank_text_is_refused() {
        for blank in ["", "   ", "\u{3000}"] {
            let err = required(blank, "summary", 200).unwrap_err();
            assert_eq!(
                err.to_string(),
                "Please write the summary: it cannot be empty."
            );
        }
    }

    #[test]
    fn length_is_counted_in_characters_not_bytes() {
        let two_hundred_emoji = "😀".repeat(200);
        assert!(required(&two_hundred_emoji, "summary", 200).is_ok());
        let err = required(&"é".repeat(201), "summary", 200).unwrap_err();
        assert!(err.to_string().contains("201 characters"), "{err}");
    }

    #[test]
    fn line_breaks_are_refused_in_one_line_text() {
        assert!(required("one\ntwo", "summary", 200).is_err());
    }

    #[test]
    fn odd_unicode_is_kept_exactly() {
        let text = "שלום e\u{301} 👩‍👩‍👧 <script>";
        assert_eq!(required(text, "summary", 200).unwrap(), text);
    }
}
