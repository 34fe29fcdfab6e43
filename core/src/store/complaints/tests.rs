use super::*;
use crate::clock::FixedClock;
use crate::error::Error;
use chrono::TimeZone;
use std::sync::Arc;

fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap()
}

fn store_at(clock: &Arc<FixedClock>) -> Store {
    Store::open_in_memory(clock.clone()).unwrap()
}

fn complaint(customer_name: &str, summary: &str) -> NewComplaint {
    NewComplaint {
        customer_name: customer_name.into(),
        summary: summary.into(),
    }
}

#[test]
fn a_complaint_is_recorded_as_received_now_and_listed() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let mut store = store_at(&clock);

    let saved = store
        .create_complaint(&complaint(" Ana Lima ", "Cake arrived squashed"))
        .unwrap();

    assert_eq!(saved.customer_name, "Ana Lima");
    assert_eq!(saved.received_at, at(9));
    assert_eq!(store.list_complaints().unwrap(), vec![saved]);
}

#[test]
fn the_newest_complaint_is_listed_first() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let mut store = store_at(&clock);
    store.create_complaint(&complaint("Ana", "first")).unwrap();
    clock.set(at(10));
    store.create_complaint(&complaint("Ben", "second")).unwrap();

    let summaries: Vec<_> = store
        .list_complaints()
        .unwrap()
        .into_iter()
        .map(|c| c.summary)
        .collect();
    assert_eq!(summaries, ["second", "first"]);
}

#[test]
fn an_empty_summary_is_refused_and_nothing_is_stored() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let mut store = store_at(&clock);

    let err = store.create_complaint(&complaint("Ana", "  ")).unwrap_err();

    assert!(matches!(err, Error::InvalidInput(_)));
    assert_eq!(
        err.to_string(),
        "Please write the summary: it cannot be empty."
    );
    assert!(store.list_complaints().unwrap().is_empty());
    let customers: i64 = store
        .conn
        .query_row("SELECT count(*) FROM customers", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        customers, 0,
        "a refused complaint must not leave its customer behind"
    );
}

#[test]
fn a_missing_customer_name_is_refused() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let err = store_at(&clock)
        .create_complaint(&complaint("", "Late parcel"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "Please write the customer's name: it cannot be empty."
    );
}

#[test]
fn a_summary_longer_than_the_limit_is_refused() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let long = "x".repeat(MAX_SUMMARY_CHARS + 1);
    let err = store_at(&clock)
        .create_complaint(&complaint("Ana", &long))
        .unwrap_err();
    assert!(err.to_string().contains("keep it to 200 or fewer"), "{err}");
}

#[test]
fn odd_unicode_and_markup_come_back_exactly() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let mut store = store_at(&clock);
    let name = "Zoë \u{202E}مريم\u{202C} 😀";
    let summary = "<img src=x onerror=alert(1)> n\u{303}o refund 👩‍👩‍👧";

    store.create_complaint(&complaint(name, summary)).unwrap();

    let listed = &store.list_complaints().unwrap()[0];
    assert_eq!(
        (listed.customer_name.as_str(), listed.summary.as_str()),
        (name, summary)
    );
}

#[test]
fn complaints_are_still_there_after_reopening() {
    let dir = tempfile::TempDir::new().unwrap();
    let clock = Arc::new(FixedClock::at(at(9)));
    {
        let mut store = Store::open_in(dir.path(), clock.clone()).unwrap();
        store
            .create_complaint(&complaint("Ana", "Cake arrived squashed"))
            .unwrap();
    }
    let store = Store::open_in(dir.path(), clock).unwrap();
    assert_eq!(
        store.list_complaints().unwrap()[0].summary,
        "Cake arrived squashed"
    );
}
