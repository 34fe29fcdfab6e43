use super::*;
use crate::store::test_support::{at, phone_complaint, store_at};

#[test]
fn customers_are_found_by_part_of_their_name_email_or_phone() {
    let (mut store, _) = store_at(at(9));
    store
        .create_complaint(&phone_complaint("Ana Lima", "late"))
        .unwrap();
    store
        .create_complaint(&phone_complaint("Bruno Costa", "cold"))
        .unwrap();
    let found: Vec<String> = store
        .list_customers("lim", 0, 10)
        .unwrap()
        .into_iter()
        .map(|summary| summary.customer.name)
        .collect();
    assert_eq!(found, ["Ana Lima"]);
    assert_eq!(store.list_customers("", 0, 10).unwrap().len(), 2);
    assert!(
        store.list_customers("100%", 0, 10).unwrap().is_empty(),
        "% is taken literally"
    );
}

#[test]
fn a_customer_page_lists_their_complaints() {
    let (mut store, _) = store_at(at(9));
    let first = store
        .create_complaint(&phone_complaint("Ana Lima", "late"))
        .unwrap();
    let page = store.customer(first.customer_id).unwrap();
    assert_eq!(page.customer.name, "Ana Lima");
    assert_eq!(page.complaints, vec![first]);
    let listed = &store.list_customers("", 0, 10).unwrap()[0];
    assert_eq!((listed.complaints, listed.open_complaints), (1, 1));
}

#[test]
fn editing_a_customer_is_checked_and_kept_in_the_history() {
    let (mut store, _) = store_at(at(9));
    let complaint = store
        .create_complaint(&phone_complaint("Ana Lima", "late"))
        .unwrap();
    let id = complaint.customer_id;
    let bad = CustomerInput {
        name: "Ana".into(),
        email: "nope".into(),
        phone: "".into(),
        notes: None,
    };
    let err = store.update_customer(id, &bad).unwrap_err();
    assert!(
        err.to_string()
            .contains("\"nope\" does not look like an email"),
        "{err}"
    );
    let good = CustomerInput {
        name: "Ana Lima-Sousa".into(),
        email: "ana@example.com".into(),
        phone: "912 345 678".into(),
        notes: None,
    };
    let saved = store.update_customer(id, &good).unwrap();
    assert_eq!(saved.email, "ana@example.com");
    let history: i64 = store
        .conn
        .query_row(
            "SELECT count(*) FROM history WHERE customer_id = ?1",
            [id],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(history, 3, "added, complained, changed");
    let search = crate::store::list::ComplaintQuery {
        search: "sousa".into(),
        ..Default::default()
    };
    assert_eq!(
        store.list_complaints(&search).unwrap().items.len(),
        1,
        "the new name is searchable"
    );
}

#[test]
fn notes_about_a_customer_are_kept_and_changing_them_is_in_the_history() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana Lima", "late"))
        .unwrap()
        .customer_id;
    let with_notes = CustomerInput {
        name: "Ana Lima".into(),
        notes: Some("Prefers a call after 6 pm.\nStanding order on Fridays.".into()),
        ..CustomerInput::default()
    };
    let saved = store.update_customer(id, &with_notes).unwrap();
    assert_eq!(
        saved.notes,
        "Prefers a call after 6 pm.\nStanding order on Fridays."
    );
    // Details changed without notes keep the notes as they are.
    let renamed = CustomerInput {
        name: "Ana Lima-Sousa".into(),
        ..CustomerInput::default()
    };
    assert_eq!(
        store.update_customer(id, &renamed).unwrap().notes,
        saved.notes
    );
    let history: Vec<String> = store
        .conn
        .prepare("SELECT what FROM history WHERE customer_id = ?1 ORDER BY id")
        .unwrap()
        .query_map([id], |row| row.get(0))
        .unwrap()
        .map(|what| what.unwrap())
        .collect();
    assert!(
        history.contains(&"Changed the customer's notes".to_owned()),
        "{history:?}"
    );
}
