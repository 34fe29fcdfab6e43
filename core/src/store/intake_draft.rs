//! The new complaint the owner is writing, kept as it is typed so that it
//! survives closing the window, or Mend itself; cleared once it is saved.
//! The draft is the UI's own: the core keeps it whole, and only checks that
//! it is a JSON object of a sane size.

use rusqlite::{OptionalExtension, Transaction};

use super::Store;
use crate::error::{Error, Result};

const KEY: &str = "intake_draft";

/// Far more than any complaint typed by hand.
pub const MAX_DRAFT_CHARS: usize = 100_000;

impl Store {
    /// The half-written new complaint, if there is one.
    pub fn intake_draft(&self) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM settings WHERE key = ?1", [KEY], |row| {
                row.get(0)
            })
            .optional()?)
    }

    /// Keeps `draft` (a JSON object) as the half-written new complaint; an
    /// empty one clears it.
    pub fn save_intake_draft(&mut self, draft: &str) -> Result<()> {
        if draft.chars().count() > MAX_DRAFT_CHARS {
            return Err(Error::InvalidInput(
                "The new complaint is too long to keep as a draft; please shorten their words."
                    .into(),
            ));
        }
        if !draft.trim().is_empty()
            && !matches!(
                serde_json::from_str(draft),
                Ok(serde_json::Value::Object(_))
            )
        {
            return Err(Error::InvalidInput(
                "Mend could not keep the draft of the new complaint (it is not in Mend's form)."
                    .into(),
            ));
        }
        self.write(|write| {
            if draft.trim().is_empty() {
                clear(write)
            } else {
                super::preferences::put(write, KEY, draft)
            }
        })
    }
}

/// Whether a new complaint is half-written (its files wait for it).
pub(crate) fn pending(tx: &Transaction<'_>) -> Result<bool> {
    Ok(tx
        .query_row("SELECT 1 FROM settings WHERE key = ?1", [KEY], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The draft is done with: its complaint was saved.
pub(crate) fn clear(tx: &Transaction<'_>) -> Result<()> {
    tx.execute("DELETE FROM settings WHERE key = ?1", [KEY])?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{at, phone_complaint, store_at};

    #[test]
    fn a_draft_is_kept_until_its_complaint_is_saved() {
        let (mut store, _) = store_at(at(9));
        assert_eq!(store.intake_draft().unwrap(), None);
        let draft = r#"{"customerName":"Ana","summary":"Cake squas"}"#;
        store.save_intake_draft(draft).unwrap();
        assert_eq!(store.intake_draft().unwrap().as_deref(), Some(draft));
        store
            .create_complaint(&phone_complaint("Ana", "Cake squashed"))
            .unwrap();
        assert_eq!(store.intake_draft().unwrap(), None);
    }

    #[test]
    fn a_draft_that_is_not_an_object_or_is_huge_is_refused_and_the_old_one_kept() {
        let (mut store, _) = store_at(at(9));
        store.save_intake_draft(r#"{"summary":"kept"}"#).unwrap();
        for bad in ["not json", "[1, 2]", "\"text\""] {
            let error = store.save_intake_draft(bad).unwrap_err();
            assert!(
                error.to_string().contains("not in Mend's form"),
                "{bad}: {error}"
            );
        }
        let huge = format!(r#"{{"words":"{}"}}"#, "a".repeat(super::MAX_DRAFT_CHARS));
        let error = store.save_intake_draft(&huge).unwrap_err();
        assert!(error.to_string().contains("too long"), "{error}");
        assert_eq!(
            store.intake_draft().unwrap().as_deref(),
            Some(r#"{"summary":"kept"}"#)
        );
        store.save_intake_draft("").unwrap();
        assert_eq!(store.intake_draft().unwrap(), None);
    }
}
