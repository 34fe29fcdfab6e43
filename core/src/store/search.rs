//! The full-text index: one document per complaint holding everything
//! written about it, and the owner's words turned into a prefix query.

use rusqlite::Transaction;

use crate::error::Result;

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
                k.name || ' ' || c.summary || ' ' || c.customer_words || ' ' ||
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
