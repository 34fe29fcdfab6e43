//! The lesson of a closed complaint: its cause (from the owner's list of
//! causes), why it happened, and what will change. Recorded at close, and
//! put right or completed later; complaints closed before causes existed
//! keep their lesson and show their cause as "Not recorded" until it is set.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Deserialize;

use super::complaints::ComplaintDetails;
use super::known_issues::choice::IssueChoice;
use super::lists::{self, ListKind};
use super::rows::{progress, MAX_LONG_TEXT_CHARS};
use super::timeline::log;
use super::Store;
use crate::error::{Error, Problems, Result};
use crate::text;

/// A closed complaint's lesson, as the owner corrects it.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Lesson {
    pub cause_id: Option<i64>,
    pub root_cause: String,
    pub preventive_action: String,
    /// The known issue it belongs to; none takes it out of the one it had.
    #[serde(flatten)]
    pub issue: IssueChoice,
}

impl Store {
    /// Changes the lesson of a closed complaint; the history keeps the old one.
    pub fn correct_lesson(
        &mut self,
        complaint_id: i64,
        lesson: &Lesson,
    ) -> Result<ComplaintDetails> {
        let mut problems = Problems::default();
        let (root_cause, prevention) =
            checked_texts(&mut problems, &lesson.root_cause, &lesson.preventive_action);
        let issue = lesson.issue.checked(&mut problems);
        problems.finish()?;
        let now = self.clock.now();
        self.write(|write| {
            let (current, _) = progress(write, complaint_id)?;
            if !current.closed {
                return Err(Error::InvalidInput(
                    "The lesson is written when the complaint is closed; close it first.".into(),
                ));
            }
            let tx: &Transaction<'_> = write;
            let (old_cause, record, old_root, old_prevention) = current_lesson(tx, complaint_id)?;
            if lesson.cause_id != old_cause {
                if let Some(cause_id) = lesson.cause_id {
                    lists::check_offered(tx, ListKind::Causes, cause_id)?;
                }
            }
            let mut changes = Vec::new();
            if lesson.cause_id != old_cause {
                changes.push(format!(
                    "Changed the cause: {} → {}",
                    lists::name_or_none(tx, ListKind::Causes, old_cause)?,
                    lists::name_or_none(tx, ListKind::Causes, lesson.cause_id)?
                ));
            }
            if root_cause != old_root {
                changes.push(format!(
                    "Changed the lesson: \"{old_root}\" → \"{root_cause}\""
                ));
            }
            if prevention != old_prevention {
                changes.push(format!(
                    "Changed what will change: \"{old_prevention}\" → \"{prevention}\""
                ));
            }
            if !changes.is_empty() {
                tx.execute(
                    "UPDATE complaints SET cause_id = ?2 WHERE id = ?1",
                    params![complaint_id, lesson.cause_id],
                )?;
                if let Some(record) = record {
                    tx.execute(
                    "UPDATE step_records SET root_cause = ?2, preventive_action = ?3 WHERE id = ?1",
                    params![record, root_cause, prevention],
                )?;
                }
                for change in &changes {
                    log(tx, Some(complaint_id), None, now, change)?;
                }
            }
            // A link or an unlink writes its own history lines.
            issue.apply(write, complaint_id, lesson.cause_id, true)?;
            super::improvements::follow_lesson(write, complaint_id, &prevention)?;
            write.complaint_changed(complaint_id);
            Ok(())
        })?;
        self.complaint(complaint_id)
    }
}

/// A lesson's two texts, checked the same way at close and afterwards:
/// why it happened (needed) and what will change (optional).
pub(crate) fn checked_texts(
    problems: &mut Problems,
    root_cause: &str,
    preventive_action: &str,
) -> (String, String) {
    let root_cause = problems
        .check(
            "rootCause",
            text::long(
                root_cause,
                "the lesson (why it happened)",
                MAX_LONG_TEXT_CHARS,
                true,
            ),
        )
        .unwrap_or_default();
    let prevention = problems
        .check(
            "preventiveAction",
            text::long(
                preventive_action,
                "the preventive action",
                MAX_LONG_TEXT_CHARS,
                false,
            ),
        )
        .unwrap_or_default();
    (root_cause, prevention)
}

/// The cause, and the latest close record with its lesson.
fn current_lesson(
    tx: &Transaction<'_>,
    complaint_id: i64,
) -> Result<(Option<i64>, Option<i64>, String, String)> {
    let cause: Option<i64> = tx.query_row(
        "SELECT cause_id FROM complaints WHERE id = ?1",
        [complaint_id],
        |row| row.get(0),
    )?;
    let record: Option<(i64, String, String)> = tx
        .query_row(
            "SELECT id, root_cause, preventive_action FROM step_records
             WHERE complaint_id = ?1 AND step = 'close' ORDER BY id DESC LIMIT 1",
            [complaint_id],
            |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
        )
        .optional()?;
    Ok(match record {
        Some((id, root, prevention)) => (cause, Some(id), root, prevention),
        None => (cause, None, String::new(), String::new()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::journey::Step;
    use crate::kinds::CloseReason;
    use crate::store::journey::Closing;
    use crate::store::test_support::{at, cause_id, phone_complaint, store_at, walk_to};

    #[test]
    fn a_cause_is_chosen_at_close_and_corrected_later_with_history() {
        let (mut store, _) = store_at(at(9));
        let id = store
            .create_complaint(&phone_complaint("Ana", "Cake squashed"))
            .unwrap()
            .id;
        walk_to(&mut store, id, Step::Close);
        let packaging = cause_id(&store, "Packaging");
        let closed = store
            .close_complaint(
                id,
                &Closing {
                    reason: CloseReason::Resolved,
                    note: String::new(),
                    root_cause: "The box was too thin".into(),
                    preventive_action: String::new(),
                    check_in_date: None,
                    cause_id: Some(packaging),
                    issue: Default::default(),
                },
            )
            .unwrap();
        assert_eq!(closed.cause.as_deref(), Some("Packaging"));
        assert!(closed
            .history
            .last()
            .unwrap()
            .what
            .ends_with("; cause: Packaging"));

        let courier = cause_id(&store, "Delivery or courier");
        let corrected = store
            .correct_lesson(
                id,
                &Lesson {
                    cause_id: Some(courier),
                    root_cause: "The courier dropped it".into(),
                    preventive_action: "Hand delivery for tiered cakes".into(),
                    ..Lesson::default()
                },
            )
            .unwrap();
        assert_eq!(corrected.cause.as_deref(), Some("Delivery or courier"));
        let lesson = corrected
            .records
            .iter()
            .rev()
            .find(|r| r.step == Step::Close)
            .unwrap();
        assert_eq!(lesson.root_cause, "The courier dropped it");
        let lines: Vec<&str> = corrected.history.iter().map(|h| h.what.as_str()).collect();
        assert!(
            lines.contains(&"Changed the cause: Packaging → Delivery or courier"),
            "{lines:?}"
        );
        assert!(lines.contains(
            &"Changed the lesson: \"The box was too thin\" → \"The courier dropped it\""
        ));
        assert!(
            lines.contains(&"Changed what will change: \"\" → \"Hand delivery for tiered cakes\"")
        );
    }

    #[test]
    fn an_old_close_shows_no_cause_until_one_is_set_and_an_open_one_has_no_lesson_to_correct() {
        let (mut store, _) = store_at(at(9));
        let id = store
            .create_complaint(&phone_complaint("Ana", "Cake squashed"))
            .unwrap()
            .id;
        let error = store
            .correct_lesson(
                id,
                &Lesson {
                    root_cause: "x".into(),
                    ..Lesson::default()
                },
            )
            .unwrap_err();
        assert!(error.to_string().contains("close it first"), "{error}");
        walk_to(&mut store, id, Step::Close);
        let closed = store
            .close_complaint(
                id,
                &Closing {
                    reason: CloseReason::Resolved,
                    note: String::new(),
                    root_cause: "Thin box".into(),
                    preventive_action: String::new(),
                    check_in_date: None,
                    cause_id: None,
                    issue: Default::default(),
                },
            )
            .unwrap();
        assert_eq!(closed.cause, None);
        assert!(closed
            .history
            .last()
            .unwrap()
            .what
            .ends_with("; cause: Not recorded"));
        let set = store
            .correct_lesson(
                id,
                &Lesson {
                    cause_id: Some(cause_id(&store, "Packaging")),
                    root_cause: "Thin box".into(),
                    ..Lesson::default()
                },
            )
            .unwrap();
        assert_eq!(set.cause.as_deref(), Some("Packaging"));
        assert_eq!(
            set.history.last().unwrap().what,
            "Changed the cause: Not recorded → Packaging"
        );
        // An empty lesson is refused, next to its field.
        let Err(Error::Fields(problems)) = store.correct_lesson(id, &Lesson::default()) else {
            panic!("expected a problem with the lesson");
        };
        assert_eq!(problems[0].field, "rootCause");
    }
}
