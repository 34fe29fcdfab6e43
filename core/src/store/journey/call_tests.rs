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
