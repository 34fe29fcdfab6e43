use super::*;
use crate::journey::Step;
use crate::store::list::ComplaintQuery;
use crate::store::reminders::NewReminder;
use crate::store::test_support::{at, phone_complaint, store_at, summaries};

#[test]
fn a_deleted_complaint_leaves_every_list_and_comes_back_as_it_was() {
    let (mut store, clock) = store_at(at(9));
    let kept = store
        .create_complaint(&phone_complaint("Ana", "Late delivery"))
        .unwrap()
        .id;
    let mistake = store
        .create_complaint(&phone_complaint("Ana", "Entered twice"))
        .unwrap()
        .id;
    store
        .add_reminder(&NewReminder {
            complaint_id: Some(mistake),
            due_at: "2026-11-23T10:00:00Z".into(),
            note: "Ring her".into(),
        })
        .unwrap();
    store.delete_complaint(mistake).unwrap();

    assert_eq!(summaries(&store), ["Late delivery"]);
    let query = ComplaintQuery {
        search: "twice".into(),
        limit: 5,
        ..ComplaintQuery::default()
    };
    assert!(store.list_complaints(&query).unwrap().items.is_empty());
    assert_eq!(
        store.count_complaints(&ComplaintQuery::default()).unwrap(),
        1
    );
    assert_eq!(
        store
            .customer(store.complaint_summary(kept).unwrap().customer_id)
            .unwrap()
            .complaints
            .len(),
        1
    );
    clock.set(at(23));
    assert!(store
        .due_reminders()
        .unwrap()
        .iter()
        .all(|r| r.complaint_id == Some(kept)));
    assert!(store
        .reminders_to_notify()
        .unwrap()
        .iter()
        .all(|r| r.complaint_id == Some(kept)));
    assert!(store
        .today()
        .unwrap()
        .entries
        .iter()
        .all(|e| e.complaint.id == kept));

    let deleted = store.deleted_complaints().unwrap();
    assert_eq!(deleted.len(), 1);
    assert_eq!(deleted[0].complaint.summary, "Entered twice");
    assert_eq!(deleted[0].kept_until, at(9) + Duration::days(30));
    // Not written to while deleted.
    let error = store
        .record_step(
            mistake,
            Step::Acknowledge,
            &crate::store::test_support::entry(Step::Acknowledge),
        )
        .unwrap_err();
    assert!(error.to_string().contains("Deleted list"), "{error}");

    store.restore_deleted_complaint(mistake).unwrap();
    assert_eq!(summaries(&store), ["Entered twice", "Late delivery"]);
    assert!(store.deleted_complaints().unwrap().is_empty());
    assert!(store
        .due_reminders()
        .unwrap()
        .iter()
        .any(|r| r.note == "Ring her"));
    let history: Vec<String> = store
        .complaint(mistake)
        .unwrap()
        .history
        .into_iter()
        .map(|h| h.what)
        .collect();
    assert!(
        history.contains(&"Deleted the complaint; it can be brought back for 30 days".to_string())
    );
    assert_eq!(
        history.last().unwrap(),
        "Brought the complaint back from the Deleted list"
    );
}

#[test]
fn after_thirty_days_a_deleted_complaint_is_cleared_for_good() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("mend.sqlite3");
    let clock = std::sync::Arc::new(crate::clock::FixedClock::at(at(9)));
    let mut store = Store::open_file(&path, clock.clone()).unwrap();
    // Even one whose summary happens to be what a cleared one's becomes.
    let mut new = phone_complaint("Ana", "Deleted complaint");
    new.customer_words = "Private words".into();
    let id = store.create_complaint(&new).unwrap().id;
    store.delete_complaint(id).unwrap();
    drop(store);

    clock.set(at(9) + Duration::days(29));
    let store = Store::open_file(&path, clock.clone()).unwrap();
    assert_eq!(store.deleted_complaints().unwrap().len(), 1);
    assert_eq!(store.complaint(id).unwrap().timeline.len(), 1);
    drop(store);

    clock.set(at(10) + Duration::days(30));
    let mut store = Store::open_file(&path, clock.clone()).unwrap();
    assert!(store.deleted_complaints().unwrap().is_empty());
    let details = store.complaint(id).unwrap();
    assert_eq!(details.summary.summary, "Deleted complaint");
    assert!(details.timeline.is_empty());
    assert_eq!(details.customer_words, "");
    let error = store.restore_deleted_complaint(id).unwrap_err();
    assert!(
        error.to_string().contains("more than 30 days ago"),
        "{error}"
    );
    assert_eq!(
        details.history.last().unwrap().what,
        "Cleared for good after 30 days in the Deleted list"
    );
    drop(store);
    // Cleared once: a later start adds nothing.
    let store = Store::open_file(&path, clock).unwrap();
    assert_eq!(
        store.complaint(id).unwrap().history.len(),
        details.history.len()
    );
}
