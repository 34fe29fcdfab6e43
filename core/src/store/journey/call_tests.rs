use super::*;
use crate::kinds::Direction;
use crate::store::test_support::{at, phone_complaint, store_at, walk_to};

fn call(steps: &[Step]) -> Call {
    Call {
        steps: steps.to_vec(),
        done_at: None,
        channel: Some(Channel::Phone),
        said: "Thanked her for telling me, and said sorry the cake was squashed.".into(),
        plan: "A new cake, delivered by hand.".into(),
        promised_date: Some("2026-11-25".into()),
    }
}

#[test]
fn one_call_records_acknowledge_apologize_and_assure_in_order() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "Cake squashed"))
        .unwrap()
        .id;
    // Ticked out of order: they are still recorded in the journey's order.
    let details = store
        .record_call(
            id,
            &call(&[Step::Assure, Step::Acknowledge, Step::Apologize]),
        )
        .unwrap();
    assert_eq!(details.summary.step, Step::Fix);
    let steps: Vec<Step> = details.records.iter().map(|r| r.step).collect();
    assert_eq!(steps, [Step::Acknowledge, Step::Apologize, Step::Assure]);
    assert_eq!(details.records[2].text, "A new cake, delivered by hand.");
    assert_eq!(
        details
            .summary
            .promised_date
            .map(|d| d.to_string())
            .as_deref(),
        Some("2026-11-25")
    );
    assert!(details.acknowledged_at.is_some() && details.apologized_at.is_some());
    // One call, one entry on the timeline.
    let outgoing: Vec<_> = details
        .timeline
        .iter()
        .filter(|c| c.direction == Direction::Outgoing)
        .collect();
    assert_eq!(outgoing.len(), 1);
    assert_eq!(
        outgoing[0].text,
        "Thanked her for telling me, and said sorry the cake was squashed.\nPromised: A new cake, delivered by hand."
    );
    let history: Vec<&str> = details.history.iter().map(|h| h.what.as_str()).collect();
    assert_eq!(
        &history[1..],
        [
            "Recorded Acknowledge",
            "Recorded Apologize",
            "Recorded Assure: promised by 2026-11-25"
        ]
    );
}

#[test]
fn a_call_after_the_acknowledgement_records_the_rest() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "Cake squashed"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Apologize);
    let details = store
        .record_call(id, &call(&[Step::Apologize, Step::Assure]))
        .unwrap();
    assert_eq!(details.summary.step, Step::Fix);
}

#[test]
fn a_call_that_breaks_a_rule_records_nothing() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "Cake squashed"))
        .unwrap()
        .id;
    // A promise with no date: the acknowledgement and apology are not kept either.
    let mut no_date = call(&[Step::Acknowledge, Step::Apologize, Step::Assure]);
    no_date.promised_date = None;
    let error = store.record_call(id, &no_date).unwrap_err();
    assert_eq!(error.to_string(), "Please choose the promised date.");
    // Skipping the apology is refused: it comes before any promise.
    let error = store
        .record_call(id, &call(&[Step::Acknowledge, Step::Assure]))
        .unwrap_err();
    assert!(error.to_string().contains("Apologize"), "{error}");
    let error = store.record_call(id, &call(&[])).unwrap_err();
    assert!(error
        .to_string()
        .starts_with("Please tick what you did on the call"));
    let error = store.record_call(id, &call(&[Step::Fix])).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Fix is recorded on its own, not as part of a call."
    );
    let details = store.complaint(id).unwrap();
    assert!(details.records.is_empty());
    assert_eq!(details.summary.step, Step::Acknowledge);
}

#[test]
fn an_empty_call_is_said_against_the_call_forms_own_fields() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "Cake squashed"))
        .unwrap()
        .id;
    let mut empty = call(&[Step::Acknowledge, Step::Apologize, Step::Assure]);
    empty.said = " ".into();
    empty.plan = String::new();
    empty.promised_date = None;
    let Err(crate::error::Error::Fields(problems)) = store.record_call(id, &empty) else {
        panic!("expected field problems");
    };
    let said: Vec<(&str, &str)> = problems
        .iter()
        .map(|p| (p.field.as_str(), p.message.as_str()))
        .collect();
    assert_eq!(
        said,
        [
            ("said", "Please write what you said: it cannot be empty."),
            ("plan", "Please write the plan: it cannot be empty."),
            ("promisedDate", "Please choose the promised date."),
        ]
    );
}

#[test]
fn a_call_written_down_after_the_fact_keeps_its_promise_from_that_day() {
    // A complaint from a week ago, entered today: the promise made on the
    // call counts from the call's day, even though that day has passed.
    let (mut store, _) = store_at(at(9));
    let mut new = phone_complaint("Ana", "Cake squashed");
    new.received_at = Some("2026-11-16T09:00:00Z".into());
    let id = store.create_complaint(&new).unwrap().id;
    let mut late = call(&[Step::Acknowledge, Step::Apologize, Step::Assure]);
    late.done_at = Some("2026-11-16T10:00:00Z".into());
    late.promised_date = Some("2026-11-15".into());
    let error = store.record_call(id, &late).unwrap_err();
    assert_eq!(
        error.to_string(),
        "The promised date is before the day it was given; please choose that day or a later one."
    );
    late.promised_date = Some("2026-11-18".into());
    let details = store.record_call(id, &late).unwrap();
    assert!(
        details.summary.overdue,
        "a promise from last week not kept is overdue"
    );
    assert_eq!(
        details.records[0].done_at,
        at(10) - chrono::Duration::days(7)
    );
    // Both the complaint and its steps say they were written down later.
    assert_eq!(details.written_later, Some(at(9)));
    assert!(details
        .records
        .iter()
        .all(|r| r.written_later == Some(at(9))));
    let (mut fresh, _) = store_at(at(9));
    let id = fresh
        .create_complaint(&phone_complaint("Bea", "Late"))
        .unwrap()
        .id;
    assert_eq!(fresh.complaint(id).unwrap().written_later, None);
}

#[test]
fn a_check_in_follows_the_same_rule_as_a_promise() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "Cake squashed"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Close);
    let closing = |day: &str| Closing {
        reason: CloseReason::Resolved,
        note: String::new(),
        root_cause: "The box was too thin".into(),
        preventive_action: String::new(),
        check_in_date: Some(day.into()),
        cause_id: None,
        issue: Default::default(),
    };
    let error = store
        .close_complaint(id, &closing("2026-11-22"))
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "The check-in date is before the day it was given; please choose that day or a later one."
    );
    assert!(store.complaint(id).unwrap().summary.closed_at.is_none());
    store.close_complaint(id, &closing("2026-11-30")).unwrap();
}
