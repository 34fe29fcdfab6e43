use super::*;
use crate::store::complaints::NewComplaint;
use crate::store::test_support::{at, entry, phone_complaint, store_at, walk_to};

fn query() -> ComplaintQuery {
    ComplaintQuery {
        limit: 50,
        ..ComplaintQuery::default()
    }
}

fn summaries(page: &ComplaintPage) -> Vec<&str> {
    page.items
        .iter()
        .map(|item| item.summary.as_str())
        .collect()
}

#[test]
fn the_newest_complaint_is_listed_first() {
    let (mut store, clock) = store_at(at(9));
    store
        .create_complaint(&phone_complaint("Ana", "first"))
        .unwrap();
    clock.set(at(10));
    store
        .create_complaint(&phone_complaint("Bruno", "second"))
        .unwrap();
    assert_eq!(
        summaries(&store.list_complaints(&query()).unwrap()),
        ["second", "first"]
    );
}

#[test]
fn search_finds_words_by_their_start_anywhere_in_what_was_written() {
    let (mut store, _) = store_at(at(9));
    let words = NewComplaint {
        customer_words: "I want a refund for the broken vase".into(),
        ..phone_complaint("Ana Lima", "Broken vase")
    };
    let id = store.create_complaint(&words).unwrap().id;
    store
        .create_complaint(&phone_complaint("Bruno Costa", "Late parcel"))
        .unwrap();
    for typed in ["refu", "REFUND", "lim", "vase brok", "Ana"] {
        let search = ComplaintQuery {
            search: typed.into(),
            ..query()
        };
        assert_eq!(
            summaries(&store.list_complaints(&search).unwrap()),
            ["Broken vase"],
            "{typed}"
        );
    }
    walk_to(&mut store, id, Step::Apologize);
    let said = crate::store::journey::StepEntry {
        text: "Terribly sorry about the crème brûlée".into(),
        ..entry(Step::Apologize)
    };
    store.record_step(id, Step::Apologize, &said).unwrap();
    let search = ComplaintQuery {
        search: "creme".into(),
        ..query()
    };
    assert_eq!(
        summaries(&store.list_complaints(&search).unwrap()),
        ["Broken vase"],
        "step texts and accents"
    );
    let nothing = ComplaintQuery {
        search: "zebra".into(),
        ..query()
    };
    assert!(store.list_complaints(&nothing).unwrap().items.is_empty());
    let only_symbols = ComplaintQuery {
        search: "\"*(".into(),
        ..query()
    };
    assert_eq!(
        store.list_complaints(&only_symbols).unwrap().items.len(),
        2,
        "no search: everything"
    );
}

#[test]
fn filters_narrow_the_list() {
    let (mut store, _) = store_at(at(9));
    let category = store.categories().unwrap()[1].clone();
    let urgent = NewComplaint {
        severity: Some(Severity::Urgent),
        category_id: Some(category.id),
        ..phone_complaint("Ana", "urgent one")
    };
    store.create_complaint(&urgent).unwrap();
    let fixing = store
        .create_complaint(&phone_complaint("Bruno", "fixing one"))
        .unwrap()
        .id;
    walk_to(&mut store, fixing, Step::Fix);
    let closed = store
        .create_complaint(&phone_complaint("Carla", "closed one"))
        .unwrap()
        .id;
    walk_to(&mut store, closed, Step::Close);
    store
        .close_complaint(
            closed,
            &crate::store::journey::Closing {
                reason: crate::kinds::CloseReason::Resolved,
                note: String::new(),
                root_cause: "x".into(),
                preventive_action: String::new(),
                check_in_date: None,
                cause_id: None,
                issue: Default::default(),
            },
        )
        .unwrap();
    let cases = [
        (
            ComplaintQuery {
                severity: Some(Severity::Urgent),
                ..query()
            },
            vec!["urgent one"],
        ),
        (
            ComplaintQuery {
                category_id: Some(category.id),
                ..query()
            },
            vec!["urgent one"],
        ),
        (
            ComplaintQuery {
                step: Some(Step::Fix),
                ..query()
            },
            vec!["fixing one"],
        ),
        (
            ComplaintQuery {
                status: Status::Closed,
                ..query()
            },
            vec!["closed one"],
        ),
        (
            ComplaintQuery {
                status: Status::Open,
                sort: SortBy::Promised,
                ..query()
            },
            vec!["fixing one", "urgent one"],
        ),
    ];
    for (filter, expected) in cases {
        assert_eq!(
            summaries(&store.list_complaints(&filter).unwrap()),
            expected,
            "{filter:?}"
        );
    }
}

#[test]
fn overdue_means_promised_date_passed_and_not_fixed() {
    let (mut store, clock) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "promised"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Fix);
    let overdue = ComplaintQuery {
        overdue_only: true,
        ..query()
    };
    assert!(store.list_complaints(&overdue).unwrap().items.is_empty());
    clock.set(at(9) + chrono::Duration::days(5));
    let page = store.list_complaints(&overdue).unwrap();
    assert_eq!(summaries(&page), ["promised"]);
    assert!(page.items[0].overdue);
    store.record_step(id, Step::Fix, &entry(Step::Fix)).unwrap();
    assert!(store.list_complaints(&overdue).unwrap().items.is_empty());
}

#[test]
fn results_come_a_page_at_a_time() {
    let (mut store, clock) = store_at(at(1));
    for hour in 1..=5 {
        clock.set(at(hour));
        store
            .create_complaint(&phone_complaint("Ana", &format!("number {hour}")))
            .unwrap();
    }
    let first = store
        .list_complaints(&ComplaintQuery {
            limit: 2,
            ..query()
        })
        .unwrap();
    assert_eq!(
        (summaries(&first), first.has_more),
        (vec!["number 5", "number 4"], true)
    );
    let last = store
        .list_complaints(&ComplaintQuery {
            limit: 2,
            offset: 4,
            ..query()
        })
        .unwrap();
    assert_eq!((summaries(&last), last.has_more), (vec!["number 1"], false));
}

#[test]
fn the_search_finds_a_customers_phone_and_email_as_the_customers_search_does() {
    let (mut store, _) = store_at(at(9));
    let reachable = NewComplaint {
        new_customer: Some(crate::store::customers::CustomerInput {
            name: "Ana Lima".into(),
            email: "ana.lima@example.com".into(),
            phone: "+351 912 345 678".into(),
            notes: None,
        }),
        ..phone_complaint("ignored", "Broken vase")
    };
    let id = store.create_complaint(&reachable).unwrap().customer_id;
    store
        .create_complaint(&phone_complaint("Bruno", "Late"))
        .unwrap();
    for typed in ["ana.lima@exa", "912 345", "912345678"] {
        let page = store
            .list_complaints(&ComplaintQuery {
                search: typed.into(),
                ..query()
            })
            .unwrap();
        if typed == "912345678" {
            // Digits typed without the spaces are another word: not found,
            // as in the customers' search.
            assert!(page.items.is_empty(), "{typed}");
            continue;
        }
        assert_eq!(summaries(&page), ["Broken vase"], "{typed}");
    }
    // A changed email is found at once.
    store
        .update_customer(
            id,
            &crate::store::customers::CustomerInput {
                name: "Ana Lima".into(),
                email: "ana@lima-cakes.example".into(),
                phone: "".into(),
                notes: None,
            },
        )
        .unwrap();
    let page = store
        .list_complaints(&ComplaintQuery {
            search: "lima-cakes".into(),
            ..query()
        })
        .unwrap();
    assert_eq!(summaries(&page), ["Broken vase"]);
}

#[test]
fn the_list_says_how_many_match_and_the_promised_sort_puts_closed_ones_last() {
    let (mut store, clock) = store_at(at(9));
    let closed = store
        .create_complaint(&phone_complaint("Ana", "closed, promised early"))
        .unwrap()
        .id;
    walk_to(&mut store, closed, Step::Fix);
    store
        .close_complaint(
            closed,
            &crate::store::journey::Closing {
                reason: crate::kinds::CloseReason::Withdrawn,
                note: "Changed her mind".into(),
                root_cause: "Misunderstanding".into(),
                preventive_action: String::new(),
                check_in_date: None,
                cause_id: None,
                issue: Default::default(),
            },
        )
        .unwrap();
    let open = store
        .create_complaint(&phone_complaint("Bruno", "open, promised"))
        .unwrap()
        .id;
    let later = crate::store::journey::StepEntry {
        promised_date: Some("2026-11-28".into()),
        ..entry(Step::Assure)
    };
    walk_to(&mut store, open, Step::Assure);
    store.record_step(open, Step::Assure, &later).unwrap();
    store
        .create_complaint(&phone_complaint("Carla", "no promise"))
        .unwrap();
    let page = store
        .list_complaints(&ComplaintQuery {
            sort: SortBy::Promised,
            limit: 2,
            ..query()
        })
        .unwrap();
    assert!(page.has_more);
    let counted = store
        .count_complaints(&ComplaintQuery {
            sort: SortBy::Promised,
            limit: 2,
            ..query()
        })
        .unwrap();
    assert_eq!(counted, 3);
    let all = store
        .list_complaints(&ComplaintQuery {
            sort: SortBy::Promised,
            ..query()
        })
        .unwrap();
    assert_eq!(
        summaries(&all),
        ["open, promised", "no promise", "closed, promised early"]
    );
    clock.set(at(9) + chrono::Duration::days(5));
    let due = store.complaint_summary(open).unwrap();
    assert!(
        due.due_today && !due.overdue,
        "due on the 28th, not late yet"
    );
}
