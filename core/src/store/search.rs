//! The full-text index: one document per complaint holding everything
//! written about it, and the owner's words turned into a prefix query.

use rusqlite::{OptionalExtension, Transaction};

use crate::error::Result;

/// What a search document holds changes now and then (the customer's email
/// and phone joined in 2): documents written before are written again once.
pub(crate) const DOCUMENTS_VERSION: &str = "2";
pub(crate) const DOCUMENTS_KEY: &str = "search_documents";

/// Writes every document again, when they were written by an older Mend.
pub(crate) fn refresh_all_if_older(tx: &Transaction<'_>) -> Result<()> {
    let written: Option<String> = tx
        .query_row(
            "SELECT value FROM settings WHERE key = ?1",
            [DOCUMENTS_KEY],
            |row| row.get(0),
        )
        .optional()?;
    if written.as_deref() == Some(DOCUMENTS_VERSION) {
        return Ok(());
    }
    let (first, last): (Option<i64>, Option<i64>) =
        tx.query_row("SELECT min(id), max(id) FROM complaints", [], |row| {
            Ok((row.get(0)?, row.get(1)?))
        })?;
    if let (Some(first), Some(last)) = (first, last) {
        refresh_between(tx, first, last)?;
    }
    tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [DOCUMENTS_KEY, DOCUMENTS_VERSION],
    )?;
    Ok(())
}

/// Rewrites the complaint's document from what is stored now.
pub(crate) fn refresh(tx: &Transaction<'_>, complaint_id: i64) -> Result<()> {
    refresh_between(tx, complaint_id, complaint_id)
}

/// Rewrites the documents of complaints `first` to `last`: the one place
/// that says what a complaint's search text is. One statement for a range
/// is many times quicker than one refresh per complaint (synthetic data).
pub(crate) fn refresh_between(tx: &Transaction<'_>, first: i64, last: i64) -> Result<()> {
    // Cached statements: this runs on every write, and preparing the FTS
    // statements each time was most of its cost.
    tx.prepare_cached("DELETE FROM complaint_search WHERE rowid BETWEEN ?1 AND ?2")?
        .execute([first, last])?;
    tx.prepare_cached(
        "INSERT INTO complaint_search (rowid, body)
         SELECT c.id,
                k.name || ' ' || k.email || ' ' || k.phone || ' ' || c.summary || ' ' || c.customer_words || ' ' ||
                c.desired_outcome || ' ' || c.reference || ' ' ||
                coalesce((SELECT group_concat(text, ' ') FROM contacts WHERE complaint_id = c.id), '') || ' ' ||
                coalesce((SELECT group_concat(text || ' ' || root_cause || ' ' || preventive_action, ' ')
                          FROM step_records WHERE complaint_id = c.id), '')
         FROM complaints c JOIN customers k ON k.id = c.customer_id
         WHERE c.id BETWEEN ?1 AND ?2",
    )?
    .execute([first, last])?;
    Ok(())
}

/// Turns what the owner typed into an FTS5 query where every word must
/// match the start of a word: `refu` finds "refund". Returns None when
/// nothing searchable was typed.
pub(crate) fn prefix_query(typed: &str) -> Option<String> {
    let terms: Vec<String> = typed
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(|word| format!("\"{word}\"*"))
        .collect();
    (!terms.is_empty()).then(|| terms.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_becomes_a_quoted_prefix() {
        assert_eq!(prefix_query("refu"), Some("\"refu\"*".into()));
        assert_eq!(
            prefix_query("  late   cake "),
            Some("\"late\"* \"cake\"*".into())
        );
    }

    #[test]
    fn punctuation_and_fts_syntax_are_not_passed_through() {
        assert_eq!(
            prefix_query("\"NEAR(a OR b)*"),
            Some("\"NEAR\"* \"a\"* \"OR\"* \"b\"*".into())
        );
        assert_eq!(prefix_query(" -*\"() "), None);
    }

    #[test]
    fn non_latin_words_are_kept() {
        assert_eq!(prefix_query("שלום"), Some("\"שלום\"*".into()));
    }
}
