use chrono::{TimeZone, Utc};

use super::*;
use crate::journey::Step;
use crate::kinds::CloseReason;
use crate::reminders::ReminderKind;
use crate::store::journey::Closing;
use crate::store::lessons::Lesson;
use crate::store::test_support::{at, cause_id, phone_complaint, store_at, walk_to};

fn close_with(store: &mut Store, customer: &str, prevention: &str) -> i64 {
    let cause = cause_id(store, "Packaging");
    let id = store
        .create_complaint(&phone_complaint(customer, "Cake squashed"))
        .unwrap()
        .id;
    walk_to(store, id, Step::Close);
    store
        .close_complaint(
            id,
            &Closing {
                reason: CloseReason::Resolved,
                note: String::new(),
                root_cause: "Thin box".into(),
                preventive_action: prevention.into(),
                check_in_date: None,
                cause_id: Some(cause),
                issue: Default::default(),
            },
        )
        .unwrap();
    id
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn what_will_change_at_close_becomes_an_improvement_that_follows_the_lesson() {
    let (mut store, _) = store_at(at(9));
    let id = close_with(&mut store, "Ana", "Double-wall boxes for tiered cakes");
    let all = store.improvements().unwrap();
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].what, "Double-wall boxes for tiered cakes");
    assert_eq!(all[0].complaint_id, Some(id));
    assert_eq!(all[0].cause.as_deref(), Some("Packaging"));
    assert_eq!(all[0].stage, Stage::Planned);
    store
        .correct_lesson(
            id,
            &Lesson {
                cause_id: Some(cause_id(&store, "Packaging")),
                root_cause: "Thin box".into(),
                preventive_action: "Double-wall boxes for every cake".into(),
                ..Lesson::default()
            },
        )
        .unwrap();
    let all = store.improvements().unwrap();
    assert_eq!(all.len(), 1, "the same improvement, reworded");
    assert_eq!(all[0].what, "Double-wall boxes for every cake");
    // A close with nothing to change plans nothing.
    close_with(&mut store, "Ben", "");
    assert_eq!(store.improvements().unwrap().len(), 1);
}

#[test]
fn an_improvement_is_reminded_when_due_then_checked_after_it_is_done() {
    let (mut store, clock) = store_at(at(9));
    let planned = store
        .add_improvement(
            None,
            &ImprovementInput {
                what: "Train the Saturday helper on boxing".into(),
                due_date: Some("2026-11-25".into()),
                cost: Some("40".into()),
                check_after_days: Some("14".into()),
            },
        )
        .unwrap();
    assert_eq!(planned.cost_cents, Some(4000));
    clock.set(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap());
    let due = store.today().unwrap().learning_reminders;
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].kind, ReminderKind::ImprovementDue);
    assert_eq!(due[0].body, "Train the Saturday helper on boxing");
    assert_eq!(due[0].improvement_id, Some(planned.id));

    let done = store.mark_improvement_done(planned.id, None).unwrap();
    assert_eq!(done.done_date, Some(day("2026-11-25")));
    assert_eq!(done.check_date, Some(day("2026-12-09")));
    assert!(store.today().unwrap().learning_reminders.is_empty());
    assert!(matches!(
        store.mark_improvement_done(planned.id, None),
        Err(Error::Refused(_))
    ));

    clock.set(Utc.with_ymd_and_hms(2026, 12, 9, 9, 0, 0).unwrap());
    let due = store.today().unwrap().learning_reminders;
    assert_eq!(due[0].kind, ReminderKind::ImprovementCheck);
    // Not yet: open again, with a new day, and the reminder moves there.
    let Err(Error::Fields(problems)) =
        store.check_improvement(planned.id, false, Some("2026-12-01"))
    else {
        panic!("a day in the past is refused");
    };
    assert_eq!(problems[0].field, "nextCheck");
    let again = store
        .check_improvement(planned.id, false, Some("2026-12-20"))
        .unwrap();
    assert_eq!(again.stage, Stage::Done);
    assert_eq!(again.check_date, Some(day("2026-12-20")));
    assert!(store.today().unwrap().learning_reminders.is_empty());
    clock.set(Utc.with_ymd_and_hms(2026, 12, 20, 9, 0, 0).unwrap());
    let worked = store.check_improvement(planned.id, true, None).unwrap();
    assert_eq!(worked.stage, Stage::Worked);
    assert!(store.today().unwrap().learning_reminders.is_empty());
    let lines: Vec<&str> = worked.history.iter().map(|h| h.what.as_str()).collect();
    assert_eq!(
        lines,
        [
            "Planned",
            "Done on 2026-11-25; to be checked on 2026-12-09",
            "Checked: not yet; to be checked again on 2026-12-20",
            "Checked: it worked",
        ]
    );
}

#[test]
fn the_check_counts_the_complaints_of_the_same_cause_since_it_was_done() {
    let (mut store, clock) = store_at(at(9));
    close_with(&mut store, "Ana", "Double-wall boxes");
    let id = store.improvements().unwrap()[0].id;
    assert_eq!(
        store.improvement(id).unwrap().since_done,
        None,
        "not done yet"
    );
    store.mark_improvement_done(id, Some("2026-11-23")).unwrap();
    assert_eq!(store.improvement(id).unwrap().since_done, Some(0));
    clock.set(at(11));
    close_with(&mut store, "Ben", "");
    // Another cause does not count.
    store
        .create_complaint(&phone_complaint("Cleo", "Late delivery"))
        .unwrap();
    let improvement = store.improvement(id).unwrap();
    assert_eq!(improvement.since_done, Some(1));
    let checked = store
        .check_improvement(id, false, Some("2026-12-31"))
        .unwrap();
    assert_eq!(
        checked.history.last().unwrap().what,
        "Checked: not yet (1 complaint of the same kind since it was done); to be checked again on 2026-12-31"
    );
}

#[test]
fn bad_input_is_said_next_to_each_field_and_nothing_is_written() {
    let (mut store, _) = store_at(at(9));
    let Err(Error::Fields(problems)) = store.add_improvement(
        None,
        &ImprovementInput {
            what: " ".into(),
            due_date: Some("soon".into()),
            cost: Some("a lot".into()),
            check_after_days: Some("2.5".into()),
        },
    ) else {
        panic!("expected problems");
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["what", "dueDate", "cost", "checkAfterDays"]);
    assert!(store.improvements().unwrap().is_empty());
    let error = store
        .add_improvement(
            Some(42),
            &ImprovementInput {
                what: "x".into(),
                ..ImprovementInput::default()
            },
        )
        .unwrap_err();
    assert!(
        error.to_string().contains("Known issue 42 was not found"),
        "{error}"
    );
}
