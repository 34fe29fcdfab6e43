use super::*;
use crate::journey::Step;
use crate::kinds::Severity;
use crate::store::customers::CustomerInput;
use crate::store::list::{ComplaintQuery, Status};
use crate::store::test_support::{at, entry, phone_complaint, store_at, summaries};

fn edit_of(store: &Store, id: i64) -> NewComplaint {
    let details = store.complaint(id).unwrap();
    NewComplaint {
        customer_id: Some(details.summary.customer_id),
        new_customer: None,
        channel: Some(details.channel),
        received_at: Some(dates::stamp(details.summary.received_at)),
        is_public: details.is_public,
        summary: details.summary.summary.clone(),
        customer_words: details.customer_words.clone(),
        desired_outcome: details.desired_outcome.clone(),
        reference: details.reference.clone(),
        category_id: details.category_id,
        severity: Some(details.summary.severity),
        attachments: Vec::new(),
    }
}

fn history(store: &Store, id: i64) -> Vec<String> {
    store
        .complaint(id)
        .unwrap()
        .history
        .into_iter()
        .map(|h| h.what)
        .collect()
}

#[test]
fn every_fact_can_be_corrected_and_the_history_says_old_and_new() {
    let (mut store, _) = store_at(at(12));
    let mut new = phone_complaint("Ana Lima", "Cake arrived squashed");
    new.customer_words = "It was squashed.".into();
    new.received_at = Some("2026-11-23T09:00:00Z".into());
    let id = store.create_complaint(&new).unwrap().id;
    let category = store.categories().unwrap()[1].clone();

    let mut edit = edit_of(&store, id);
    edit.new_customer = Some(CustomerInput {
        name: "Bea Costa".into(),
        ..CustomerInput::default()
    });
    edit.customer_id = None;
    edit.summary = "Wedding cake arrived squashed".into();
    edit.customer_words = "It was squashed flat.".into();
    edit.desired_outcome = "A new cake".into();
    edit.reference = "Order 1042".into();
    edit.received_at = Some("2026-11-23T08:30:00Z".into());
    edit.channel = Some(Channel::Email);
    edit.severity = Some(Severity::High);
    edit.category_id = Some(category.id);
    edit.is_public = true;
    assert_eq!(store.correct_complaint(id, &edit).unwrap(), 10);

    let details = store.complaint(id).unwrap();
    assert_eq!(details.summary.customer_name, "Bea Costa");
    assert_eq!(details.summary.summary, "Wedding cake arrived squashed");
    assert_eq!(details.desired_outcome, "A new cake");
    assert_eq!(details.channel, Channel::Email);
    assert_eq!(details.summary.severity, Severity::High);
    assert!(details.is_public);
    // The words at intake opened the timeline: that entry follows.
    assert_eq!(details.timeline.len(), 1);
    assert_eq!(details.timeline[0].text, "It was squashed flat.");
    assert_eq!(
        details.timeline[0].at,
        at(8) + chrono::Duration::minutes(30)
    );
    let lines = history(&store, id);
    for expected in [
        "Changed the customer: Ana Lima → Bea Costa",
        "Changed the summary: \"Cake arrived squashed\" → \"Wedding cake arrived squashed\"",
        "Changed the customer's own words: \"It was squashed.\" → \"It was squashed flat.\"",
        "Changed the outcome they want: (nothing) → \"A new cake\"",
        "Changed the reference: (nothing) → \"Order 1042\"",
        "Changed when it was received: 2026-11-23T09:00:00.000Z → 2026-11-23T08:30:00.000Z",
        "Changed how it reached you: Phone → Email",
        "Changed how serious it is: Normal → High",
        &format!("Changed the category: Not sure yet → {}", category.name),
        "Changed whether it is public: Private → In public",
    ] {
        assert!(
            lines.iter().any(|line| line == expected),
            "missing {expected:?} in {lines:#?}"
        );
    }
    // The search follows the new facts.
    let found = store
        .list_complaints(&ComplaintQuery {
            search: "wedding".into(),
            limit: 10,
            ..ComplaintQuery::default()
        })
        .unwrap();
    assert_eq!(found.items.len(), 1);
}

#[test]
fn nothing_changed_writes_nothing() {
    let (mut store, _) = store_at(at(12));
    let id = store
        .create_complaint(&phone_complaint("Ana", "Late delivery"))
        .unwrap()
        .id;
    let before = history(&store, id);
    assert_eq!(
        store.correct_complaint(id, &edit_of(&store, id)).unwrap(),
        0
    );
    assert_eq!(history(&store, id), before);
}

#[test]
fn a_bad_correction_is_refused_and_changes_nothing() {
    let (mut store, _) = store_at(at(12));
    let id = store
        .create_complaint(&phone_complaint("Ana", "Late delivery"))
        .unwrap()
        .id;
    let mut edit = edit_of(&store, id);
    edit.summary = "  ".into();
    edit.severity = Some(Severity::Urgent);
    let error = store.correct_complaint(id, &edit).unwrap_err();
    assert_eq!(
        error.to_string(),
        "Please write the summary: it cannot be empty."
    );
    let mut edit = edit_of(&store, id);
    edit.received_at = Some("1985-01-01T00:00:00Z".into());
    let error = store.correct_complaint(id, &edit).unwrap_err();
    assert!(error.to_string().contains("before 1990"), "{error}");
    assert_eq!(
        store.complaint(id).unwrap().summary.severity,
        Severity::Normal
    );
    assert_eq!(summaries(&store), ["Late delivery"]);
}

#[test]
fn received_cannot_move_after_a_recorded_step() {
    let (mut store, clock) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "Late delivery"))
        .unwrap()
        .id;
    clock.set(at(10));
    store
        .record_step(id, Step::Acknowledge, &entry(Step::Acknowledge))
        .unwrap();
    clock.set(at(12));
    let mut edit = edit_of(&store, id);
    edit.received_at = Some("2026-11-23T11:00:00Z".into());
    let error = store.correct_complaint(id, &edit).unwrap_err();
    assert!(
        error.to_string().contains("after the first step"),
        "{error}"
    );
}

#[test]
fn a_timeline_entry_is_corrected_with_its_old_text_in_the_history() {
    let (mut store, _) = store_at(at(12));
    let id = store
        .create_complaint(&phone_complaint("Ana", "Late delivery"))
        .unwrap()
        .id;
    let contact = store
        .add_contact(
            id,
            &NewContact {
                direction: Direction::Note,
                channel: Channel::Phone,
                at: Some("2026-11-23T10:00:00Z".into()),
                text: "Called, no answer".into(),
            },
        )
        .unwrap();
    let corrected = store
        .correct_contact(
            contact.id,
            &NewContact {
                direction: Direction::Outgoing,
                channel: Channel::Phone,
                at: Some("2026-11-23T10:00:00Z".into()),
                text: "Called and said sorry".into(),
            },
        )
        .unwrap();
    assert_eq!(corrected.text, "Called and said sorry");
    let details = store.complaint(id).unwrap();
    assert_eq!(details.timeline[0].direction, Direction::Outgoing);
    // Now a message to the customer, it counts as their latest update.
    assert_eq!(details.last_outgoing_at, Some(at(10)));
    let lines = history(&store, id);
    let expected = "Corrected the timeline entry of 2026-11-23T10:00:00.000Z: what it was: \
                    Internal note → To the customer; the text: \"Called, no answer\" → \"Called and said sorry\"";
    assert!(lines.iter().any(|line| line == expected), "{lines:#?}");
    let error = store
        .correct_contact(
            contact.id,
            &NewContact {
                direction: Direction::Note,
                channel: Channel::Phone,
                at: None,
                text: " ".into(),
            },
        )
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Please write what was said or noted: it cannot be empty."
    );
    let open = store
        .list_complaints(&ComplaintQuery {
            status: Status::Open,
            limit: 5,
            ..ComplaintQuery::default()
        })
        .unwrap();
    assert_eq!(open.items.len(), 1);
}

#[test]
fn emptying_their_words_keeps_the_files_that_came_with_them() {
    let (mut store, _) = store_at(at(12));
    let photo = crate::store::attachments::checked_file(
        "cake.png",
        crate::store::test_support::small_photo(),
    )
    .unwrap();
    let waiting = store.add_waiting_files(&[photo]).unwrap();
    let mut new = phone_complaint("Ana Lima", "Cake arrived squashed");
    new.customer_words = "It was squashed.".into();
    new.attachments = vec![waiting[0].id];
    let id = store.create_complaint(&new).unwrap().id;
    assert!(store.complaint(id).unwrap().attachments[0]
        .contact_id
        .is_some());

    let mut edit = edit_of(&store, id);
    edit.customer_words = String::new();
    store.correct_complaint(id, &edit).unwrap();
    let details = store.complaint(id).unwrap();
    assert!(details.timeline.is_empty());
    assert_eq!(details.attachments.len(), 1);
    assert_eq!(details.attachments[0].contact_id, None);
}
