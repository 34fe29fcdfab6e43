use super::choice::IssueChoice;
use super::*;
use crate::journey::Step;
use crate::kinds::{Channel, CloseReason};
use crate::reminders::ReminderKind;
use crate::store::journey::{Closing, StepEntry};
use crate::store::lessons::Lesson;
use crate::store::test_support::{at, cause_id, entry, phone_complaint, store_at, walk_to};
use chrono::TimeZone;

/// A complaint from `customer`, walked through the journey and closed with
/// `cause` and `issue`; its fix cost `cost`.
pub(super) fn closed_complaint(
    store: &mut Store,
    customer: &str,
    cost: &str,
    cause_id: Option<i64>,
    issue: IssueChoice,
) -> i64 {
    let id = store
        .create_complaint(&phone_complaint(customer, "Cake squashed in the box"))
        .unwrap()
        .id;
    walk_to(store, id, Step::Fix);
    store
        .record_step(
            id,
            Step::Fix,
            &StepEntry {
                cost: Some(cost.into()),
                ..entry(Step::Fix)
            },
        )
        .unwrap();
    store
        .record_step(id, Step::FollowUp, &entry(Step::FollowUp))
        .unwrap();
    store
        .close_complaint(
            id,
            &Closing {
                reason: CloseReason::Resolved,
                note: String::new(),
                root_cause: "The boxes are too thin".into(),
                preventive_action: String::new(),
                check_in_date: None,
                cause_id,
                issue,
            },
        )
        .unwrap();
    id
}

pub(super) fn issue_titled(title: &str) -> IssueText {
    IssueText {
        title: title.into(),
        ..IssueText::default()
    }
}

#[test]
fn a_known_issue_created_at_close_gathers_the_other_complaints_of_the_cause() {
    let (mut store, _) = store_at(at(9));
    let packaging = cause_id(&store, "Packaging");
    let first = closed_complaint(
        &mut store,
        "Ana Lima",
        "12.50",
        Some(packaging),
        IssueChoice::default(),
    );
    let second = closed_complaint(
        &mut store,
        "Ben Ode",
        "8.00",
        Some(packaging),
        IssueChoice::default(),
    );
    let third = store
        .create_complaint(&phone_complaint("Cleo Park", "Tart crushed"))
        .unwrap()
        .id;
    walk_to(&mut store, third, Step::Close);
    assert_eq!(
        store.same_cause(third, packaging).unwrap(),
        choice::SameCause {
            days: 90,
            others: 2,
            unlinked: 2
        }
    );
    let closed = store
        .close_complaint(
            third,
            &Closing {
                reason: CloseReason::Resolved,
                note: String::new(),
                root_cause: "Thin boxes again".into(),
                preventive_action: "Double-wall boxes".into(),
                check_in_date: None,
                cause_id: Some(packaging),
                issue: IssueChoice {
                    new_known_issue: "Cake boxes crush in transit".into(),
                    link_same_cause: true,
                    ..IssueChoice::default()
                },
            },
        )
        .unwrap();
    assert_eq!(
        closed.known_issue.as_deref(),
        Some("Cake boxes crush in transit")
    );
    let issue = store.known_issue(closed.known_issue_id.unwrap()).unwrap();
    let ids: Vec<i64> = issue.complaints.iter().map(|c| c.id).collect();
    assert_eq!(ids, [first, second, third]);
    assert_eq!(issue.summary.complaint_count, 3);
    assert_eq!(
        issue.summary.cost_cents, 2050,
        "12.50 + 8.00 + the third's none"
    );
    assert_eq!(issue.summary.first_seen, Some(at(9)));
    assert_eq!(issue.summary.status, IssueStatus::Open);
    let lines: Vec<&str> = issue.history.iter().map(|h| h.what.as_str()).collect();
    assert_eq!(
        lines[0],
        "Noted the known issue \"Cake boxes crush in transit\""
    );
    assert_eq!(
        lines
            .iter()
            .filter(|l| **l == "Linked to the known issue \"Cake boxes crush in transit\"")
            .count(),
        3
    );
    // The link is in the complaint's own history too.
    let first_history = store.complaint(first).unwrap().history;
    assert_eq!(
        first_history.last().unwrap().what,
        "Linked to the known issue \"Cake boxes crush in transit\""
    );
    assert_eq!(store.same_cause(third, packaging).unwrap().unlinked, 0);
}

#[test]
fn a_new_issue_needs_a_title_said_next_to_its_field_and_nothing_is_closed() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "Cake squashed"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Close);
    let Err(Error::Fields(problems)) = store.close_complaint(
        id,
        &Closing {
            reason: CloseReason::Resolved,
            note: String::new(),
            root_cause: "Thin box".into(),
            preventive_action: String::new(),
            check_in_date: None,
            cause_id: None,
            issue: IssueChoice {
                new_known_issue: "x".repeat(201),
                ..IssueChoice::default()
            },
        },
    ) else {
        panic!("expected the title to be refused");
    };
    assert_eq!(problems[0].field, "newKnownIssue");
    assert!(store.complaint(id).unwrap().summary.closed_at.is_none());
    assert!(store.known_issues().unwrap().is_empty());
}

#[test]
fn complaints_are_linked_moved_and_unlinked_with_history_on_both_sides() {
    let (mut store, _) = store_at(at(9));
    let boxes = store
        .create_known_issue(&issue_titled("Thin boxes"))
        .unwrap()
        .summary
        .id;
    let courier = store
        .create_known_issue(&issue_titled("Courier drops parcels"))
        .unwrap()
        .summary
        .id;
    let id = store
        .create_complaint(&phone_complaint("Ana", "Cake squashed"))
        .unwrap()
        .id;
    store.link_complaint(boxes, id).unwrap();
    // Linking again changes nothing and writes nothing.
    let again = store.link_complaint(boxes, id).unwrap();
    assert_eq!(again.history.len(), 2);
    let moved = store.link_complaint(courier, id).unwrap();
    assert_eq!(moved.summary.complaint_count, 1);
    assert_eq!(store.known_issue(boxes).unwrap().summary.complaint_count, 0);
    store.unlink_complaint(id).unwrap();
    let details = store.complaint(id).unwrap();
    assert_eq!(details.known_issue_id, None);
    let lines: Vec<&str> = details.history.iter().map(|h| h.what.as_str()).collect();
    assert_eq!(
        &lines[1..],
        [
            "Linked to the known issue \"Thin boxes\"",
            "Unlinked from the known issue \"Thin boxes\" (moved to \"Courier drops parcels\")",
            "Linked to the known issue \"Courier drops parcels\"",
            "Unlinked from the known issue \"Courier drops parcels\"",
        ]
    );
    let error = store.link_complaint(999, id).unwrap_err();
    assert!(
        error.to_string().contains("Known issue 999 was not found"),
        "{error}"
    );
}

#[test]
fn the_target_date_is_reminded_like_a_promise_until_it_is_fixed() {
    let (mut store, clock) = store_at(at(9));
    let issue = store
        .create_known_issue(&IssueText {
            title: "Oven runs hot".into(),
            target_date: Some("2026-11-26".into()),
            ..IssueText::default()
        })
        .unwrap();
    let id = issue.summary.id;
    clock.set(Utc.with_ymd_and_hms(2026, 11, 25, 9, 0, 0).unwrap());
    let due = store.reminders_to_notify().unwrap();
    assert_eq!(due.len(), 1);
    assert_eq!(due[0].kind, ReminderKind::IssueTargetEve);
    assert_eq!(due[0].title, "A known issue is due to be fixed tomorrow");
    assert_eq!(due[0].body, "Oven runs hot");
    assert_eq!(due[0].known_issue_id, Some(id));
    let today = store.today().unwrap();
    assert_eq!(today.learning_reminders.len(), 1);
    assert!(today.own_reminders.is_empty());
    store
        .set_known_issue_status(id, IssueStatus::BeingFixed)
        .unwrap();
    assert_eq!(store.today().unwrap().learning_reminders.len(), 1);
    store
        .set_known_issue_status(id, IssueStatus::Fixed)
        .unwrap();
    // Fixed, with no complaints: nobody to tell, nothing to remind.
    assert!(store.today().unwrap().learning_reminders.is_empty());
    let lines: Vec<String> = store
        .known_issue(id)
        .unwrap()
        .history
        .into_iter()
        .map(|h| h.what)
        .collect();
    assert!(lines.contains(&"Changed the status: Open → Being fixed".to_owned()));
    assert!(lines.contains(&"Changed the status: Being fixed → Fixed".to_owned()));
}

#[test]
fn a_lesson_put_right_moves_the_complaint_to_another_issue_or_out_of_it() {
    let (mut store, _) = store_at(at(9));
    let issue = store
        .create_known_issue(&issue_titled("Thin boxes"))
        .unwrap()
        .summary
        .id;
    let id = closed_complaint(
        &mut store,
        "Ana",
        "0",
        None,
        IssueChoice {
            known_issue_id: Some(issue),
            ..IssueChoice::default()
        },
    );
    let lesson = |issue: IssueChoice| Lesson {
        root_cause: "The boxes are too thin".into(),
        issue,
        ..Lesson::default()
    };
    let moved = store
        .correct_lesson(
            id,
            &lesson(IssueChoice {
                new_known_issue: "Courier drops parcels".into(),
                ..IssueChoice::default()
            }),
        )
        .unwrap();
    assert_eq!(moved.known_issue.as_deref(), Some("Courier drops parcels"));
    let out = store
        .correct_lesson(id, &lesson(IssueChoice::default()))
        .unwrap();
    assert_eq!(out.known_issue, None);
    assert_eq!(
        out.history.last().unwrap().what,
        "Unlinked from the known issue \"Courier drops parcels\""
    );
}

#[test]
fn an_issue_is_edited_with_its_old_words_in_the_history_and_bad_input_is_refused() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_known_issue(&issue_titled("Thin boxes"))
        .unwrap()
        .summary
        .id;
    let changed = store
        .update_known_issue(
            id,
            &IssueText {
                title: "Thin boxes".into(),
                workaround: "Collect in person".into(),
                target_date: Some("2026-12-01".into()),
                ..IssueText::default()
            },
        )
        .unwrap();
    assert_eq!(changed.workaround, "Collect in person");
    let lines: Vec<&str> = changed.history.iter().map(|h| h.what.as_str()).collect();
    assert!(lines.contains(&"Changed the workaround: \"\" → \"Collect in person\""));
    assert!(lines.contains(&"Changed the target date: none → 2026-12-01"));
    let Err(Error::Fields(problems)) = store.update_known_issue(
        id,
        &IssueText {
            title: "  ".into(),
            target_date: Some("31/12/2026".into()),
            ..IssueText::default()
        },
    ) else {
        panic!("expected problems");
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(fields, ["title", "targetDate"]);
    assert_eq!(
        store.known_issue(id).unwrap().workaround,
        "Collect in person"
    );
}

#[test]
fn on_the_target_day_the_eve_gives_way_and_a_fix_that_did_not_hold_is_told_again() {
    let (mut store, clock) = store_at(at(9));
    let issue = store
        .create_known_issue(&IssueText {
            title: "Oven runs hot".into(),
            target_date: Some("2026-11-25".into()),
            ..IssueText::default()
        })
        .unwrap()
        .summary
        .id;
    clock.set(Utc.with_ymd_and_hms(2026, 11, 25, 10, 0, 0).unwrap());
    let due = store.today().unwrap().learning_reminders;
    let kinds: Vec<ReminderKind> = due.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [ReminderKind::IssueTargetDay],
        "not also 'due tomorrow'"
    );

    let id = store
        .create_complaint(&phone_complaint("Ana Lima", "Burnt loaf"))
        .unwrap();
    store.link_complaint(issue, id.id).unwrap();
    store
        .set_known_issue_status(issue, IssueStatus::Fixed)
        .unwrap();
    store
        .tell_customer(issue, id.customer_id, Channel::Phone)
        .unwrap();
    store
        .set_known_issue_status(issue, IssueStatus::BeingFixed)
        .unwrap();
    let again = store
        .set_known_issue_status(issue, IssueStatus::Fixed)
        .unwrap();
    assert_eq!(
        again.customers[0].telling, None,
        "told again once fixed again"
    );
    assert!(again
        .history
        .iter()
        .any(|h| h.what == "Not fixed after all: every customer will be told again once it is"));
}

#[test]
fn a_full_export_is_not_brought_into_a_mend_that_has_a_known_issue_already() {
    let (mut store, _) = store_at(at(9));
    let export = store.export_json().unwrap();
    store
        .create_known_issue(&issue_titled("Thin boxes"))
        .unwrap();
    let error = store.import_json(&export).unwrap_err();
    assert!(matches!(error, Error::Refused(_)), "{error}");
}
