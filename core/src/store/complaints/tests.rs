use super::*;
use crate::journey::Step;
use crate::store::customers::CustomerInput;
use crate::store::test_support::{at, phone_complaint, store_at};

#[test]
fn a_complaint_is_received_now_and_waits_to_be_acknowledged() {
    let (mut store, _) = store_at(at(9));
    let saved = store
        .create_complaint(&phone_complaint(" Ana Lima ", "Cake arrived squashed"))
        .unwrap();
    assert_eq!(saved.customer_name, "Ana Lima");
    assert_eq!(saved.received_at, at(9));
    assert_eq!(saved.step, Step::Acknowledge);
    assert_eq!(saved.closed_at, None);
}

#[test]
fn every_intake_field_is_kept() {
    let (mut store, _) = store_at(at(9));
    let category = store.categories().unwrap()[0].clone();
    let new = NewComplaint {
        new_customer: Some(CustomerInput {
            name: "Ana Lima".into(),
            email: "ana@example.com".into(),
            phone: "+351 912 345 678".into(),
            notes: None,
        }),
        channel: Some(Channel::Review),
        received_at: Some("2026-11-23T07:30:00Z".into()),
        is_public: true,
        summary: "Cake arrived squashed".into(),
        customer_words: "It was for my daughter's party.\nRuined.".into(),
        desired_outcome: "A new cake by Saturday".into(),
        reference: "Order 1042".into(),
        category_id: Some(category.id),
        severity: Some(Severity::High),
        ..NewComplaint::default()
    };
    let id = store.create_complaint(&new).unwrap().id;
    let details = store.complaint(id).unwrap();
    assert_eq!(details.channel, Channel::Review);
    assert!(details.is_public);
    assert_eq!(
        details.summary.received_at,
        at(7) + chrono::Duration::minutes(30)
    );
    assert_eq!(
        details.customer_words,
        "It was for my daughter's party.\nRuined."
    );
    assert_eq!(details.desired_outcome, "A new cake by Saturday");
    assert_eq!(details.reference, "Order 1042");
    assert_eq!(
        details.summary.category.as_deref(),
        Some(category.name.as_str())
    );
    assert_eq!(details.summary.severity, Severity::High);
    assert_eq!(details.customer.email, "ana@example.com");
    assert_eq!(details.customer.phone, "+351 912 345 678");
    assert_eq!(
        details.timeline.len(),
        1,
        "the customer's words open the timeline"
    );
    assert_eq!(details.timeline[0].direction, Direction::Incoming);
    assert_eq!(details.history.len(), 1);
}

#[test]
fn an_existing_customer_can_complain_again() {
    let (mut store, _) = store_at(at(9));
    let first = store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap();
    let again = NewComplaint {
        customer_id: Some(first.customer_id),
        summary: "late again".into(),
        ..NewComplaint::default()
    };
    let second = store.create_complaint(&again).unwrap();
    assert_eq!(second.customer_id, first.customer_id);
    assert_eq!(
        store.customer(first.customer_id).unwrap().complaints.len(),
        2
    );
}

#[test]
fn a_complaint_needs_a_customer() {
    let (mut store, _) = store_at(at(9));
    let new = NewComplaint {
        summary: "late".into(),
        ..NewComplaint::default()
    };
    let err = store.create_complaint(&new).unwrap_err();
    assert!(err.to_string().contains("choose the customer"), "{err}");
}

#[test]
fn bad_intake_is_refused_and_nothing_is_saved() {
    let (mut store, _) = store_at(at(9));
    let cases: Vec<(NewComplaint, &str)> = vec![
        (phone_complaint("Ana", "   "), "cannot be empty"),
        (phone_complaint("Ana", &"x".repeat(201)), "201 characters"),
        (phone_complaint("", "late"), "customer's name"),
        (
            NewComplaint {
                customer_words: "y".repeat(20_001),
                ..phone_complaint("Ana", "late")
            },
            "20001 characters",
        ),
        (
            NewComplaint {
                received_at: Some("2026-11-24T09:00:00Z".into()),
                ..phone_complaint("Ana", "late")
            },
            "in the future",
        ),
        (
            NewComplaint {
                received_at: Some("2026-02-30T09:00:00Z".into()),
                ..phone_complaint("Ana", "late")
            },
            "not a valid date",
        ),
        (
            NewComplaint {
                new_customer: Some(CustomerInput {
                    name: "Ana".into(),
                    email: "ana-at-example".into(),
                    ..CustomerInput::default()
                }),
                ..phone_complaint("Ana", "late")
            },
            "email address",
        ),
        (
            NewComplaint {
                category_id: Some(999),
                ..phone_complaint("Ana", "late")
            },
            "not found",
        ),
    ];
    for (new, expected) in cases {
        let err = store.create_complaint(&new).unwrap_err();
        assert!(err.to_string().contains(expected), "{expected}: {err}");
    }
    assert!(
        store.list_customers("", 0, 50).unwrap().is_empty(),
        "no customer was half-saved"
    );
}

#[test]
fn odd_unicode_and_markup_are_stored_exactly() {
    let (mut store, _) = store_at(at(9));
    let words = "שלום! e\u{301} 👩‍👩‍👧 <script>alert(1)</script> &amp;";
    let new = NewComplaint {
        customer_words: words.into(),
        ..phone_complaint("Zoë 李", "<b>bold</b> 🎂")
    };
    let id = store.create_complaint(&new).unwrap().id;
    let details = store.complaint(id).unwrap();
    assert_eq!(details.customer_words, words);
    assert_eq!(details.summary.summary, "<b>bold</b> 🎂");
    assert_eq!(details.customer.name, "Zoë 李");
}

#[test]
fn urgent_is_flagged_until_acknowledged() {
    let (mut store, _) = store_at(at(9));
    let new = NewComplaint {
        severity: Some(Severity::Urgent),
        ..phone_complaint("Ana", "Allergic reaction")
    };
    let id = store.create_complaint(&new).unwrap().id;
    assert!(store.complaint_summary(id).unwrap().urgent);
    store
        .record_step(
            id,
            Step::Acknowledge,
            &crate::store::test_support::entry(Step::Acknowledge),
        )
        .unwrap();
    assert!(!store.complaint_summary(id).unwrap().urgent);
}

#[test]
fn a_missing_complaint_is_reported_in_words() {
    let (store, _) = store_at(at(9));
    let err = store.complaint(42).unwrap_err();
    assert_eq!(err.code(), "not_found");
    assert!(err.to_string().contains("Complaint 42 was not found"));
}

#[test]
fn a_complaint_received_before_1990_or_in_the_future_is_refused() {
    let (mut store, _) = store_at(at(9));
    for (when, expected) in [
        ("1989-12-31T12:00:00Z", "before 1990"),
        ("2026-11-24T09:00:00Z", "in the future"),
    ] {
        let new = NewComplaint {
            received_at: Some(when.into()),
            ..phone_complaint("Ana", "late")
        };
        let err = store.create_complaint(&new).unwrap_err();
        assert!(err.to_string().contains(expected), "{when}: {err}");
    }
}

#[test]
fn everything_wrong_at_intake_is_said_at_once_each_against_its_field() {
    let (mut store, _) = store_at(at(9));
    let new = NewComplaint {
        new_customer: Some(CustomerInput {
            name: " ".into(),
            email: "ana@".into(),
            ..CustomerInput::default()
        }),
        summary: "".into(),
        received_at: Some("2027-01-01T10:00:00Z".into()),
        ..NewComplaint::default()
    };
    let Err(crate::error::Error::Fields(problems)) = store.create_complaint(&new) else {
        panic!("expected field problems");
    };
    let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
    assert_eq!(
        fields,
        [
            "newCustomer.name",
            "newCustomer.email",
            "summary",
            "receivedAt"
        ]
    );
    assert_eq!(
        problems[0].message,
        "Please write the customer's name: it cannot be empty."
    );
    assert_eq!(
        problems[2].message,
        "Please write the summary: it cannot be empty."
    );
    assert!(store.list_customers("", 0, 10).unwrap().is_empty());
}
