use std::sync::Arc;

use super::*;
use crate::journey::Step;
use crate::kinds::{CloseReason, Severity};
use crate::store::attachments::checked_file;
use crate::store::complaints::NewComplaint;
use crate::store::customers::CustomerInput;
use crate::store::journey::{Closing, StepEntry};
use crate::store::reminders::NewReminder;
use crate::store::settings::Settings;
use crate::store::test_support::{at, entry, small_photo, walk_to};
use crate::FixedClock;

/// A store in its own folder, with every kind of record and every field filled.
fn full_store(folder: &Path, clock: &Arc<FixedClock>) -> Store {
    let mut store = Store::open_in(folder, clock.clone()).unwrap();
    crate::generate::populate(&mut store, 40, 300, 11).unwrap();
    clock.set(at(9));
    let odd = NewComplaint {
        new_customer: Some(CustomerInput {
            name: "Zoë 李 שלום".into(),
            email: "zoe@example.com".into(),
            phone: "+351 912 345 678".into(),
            notes: None,
        }),
        channel: Some(crate::kinds::Channel::Review),
        is_public: true,
        summary: "Quokka e\u{301}clair 👩‍👩‍👧 <script>".into(),
        customer_words: "مرحبا\nline two\ttab".into(),
        desired_outcome: "A refund".into(),
        reference: "Order 42".into(),
        category_id: Some(store.categories().unwrap()[0].id),
        severity: Some(Severity::Urgent),
        ..NewComplaint::default()
    };
    let id = store.create_complaint(&odd).unwrap().id;
    walk_to(&mut store, id, Step::Fix);
    let fix = StepEntry {
        cost: Some("12.50".into()),
        ..entry(Step::Fix)
    };
    store.record_step(id, Step::Fix, &fix).unwrap();
    store
        .record_step(id, Step::FollowUp, &entry(Step::FollowUp))
        .unwrap();
    let closing = Closing {
        reason: CloseReason::Resolved,
        note: "All good".into(),
        root_cause: "Thin box".into(),
        preventive_action: "Double walls".into(),
        check_in_date: Some("2026-12-23".into()),
        cause_id: None,
        issue: Default::default(),
    };
    store.close_complaint(id, &closing).unwrap();
    store
        .set_checklist_item(id, Step::Apologize, "apology_sincere", true)
        .unwrap();
    store
        .save_settings(&Settings {
            business_name: "Lima Cakes".into(),
            owner_name: "Rui".into(),
            currency: None,
        })
        .unwrap();
    store
        .save_template(Step::Apologize, "Sorry, {first_name}. 🙏")
        .unwrap();
    store.add_category("Allergens").unwrap();
    let reminder = NewReminder {
        complaint_id: Some(id),
        due_at: "2026-11-30T09:00:00Z".into(),
        note: "Call Zoë".into(),
    };
    store.add_reminder(&reminder).unwrap();
    let photo = checked_file("cake.png", small_photo()).unwrap();
    store.attach_files(id, None, &[photo]).unwrap();
    store
}

#[test]
fn an_export_imported_into_an_empty_mend_gives_the_same_data_field_for_field() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let source = tempfile::tempdir().unwrap();
    let exported = full_store(source.path(), &clock).export_json().unwrap();

    let target = tempfile::tempdir().unwrap();
    let mut empty = Store::open_in(target.path(), clock.clone()).unwrap();
    let imported = empty.import_json(&exported).unwrap();
    assert_eq!(imported.complaints, 41);
    let again = empty.export_json().unwrap();
    for (name, rows) in exported["tables"].as_object().unwrap() {
        assert_eq!(&again["tables"][name], rows, "{name}");
    }

    let found = empty
        .list_complaints(&crate::store::list::ComplaintQuery {
            search: "quokk".into(),
            limit: 5,
            ..Default::default()
        })
        .unwrap();
    assert_eq!(found.items.len(), 1, "the search works on imported data");
}

#[test]
fn an_export_goes_only_into_an_empty_mend() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let source = tempfile::tempdir().unwrap();
    let mut store = full_store(source.path(), &clock);
    let exported = store.export_json().unwrap();
    let err = store.import_json(&exported).unwrap_err();
    assert!(err.to_string().contains("only into an empty Mend"), "{err}");
}

#[test]
fn a_file_that_is_not_an_export_is_refused_and_nothing_is_imported() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let folder = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(folder.path(), clock).unwrap();
    let files = tempfile::tempdir().unwrap();
    let cases: [(&str, &str); 4] = [
        ("not json at all", "it is not JSON"),
        ("{\"format\": \"something-else\"}", "not made by Mend"),
        ("{\"format\": \"mend-export\", \"schemaVersion\": 999, \"tables\": {}}", "newer Mend"),
        (
            "{\"format\": \"mend-export\", \"schemaVersion\": 4, \"tables\": {\"customers\": [{\"id\": 1, \"name\": \"Ana\", \"created_at\": \"x\"}], \"complaints\": [{\"id\": 1, \"customer_id\": 7, \"summary\": \"s\", \"received_at\": \"x\", \"created_at\": \"x\"}]}}",
            "point at records that are not there",
        ),
    ];
    for (content, expected) in cases {
        let path = files.path().join("export.json");
        std::fs::write(&path, content).unwrap();
        let err = store.import_json_from(&path).unwrap_err();
        assert!(err.to_string().contains(expected), "{expected}: {err}");
        assert!(err.to_string().contains("Nothing was imported"), "{err}");
    }
    assert!(store.list_customers("", 0, 10).unwrap().is_empty());
    assert!(
        !store.categories().unwrap().is_empty(),
        "the categories are still there"
    );
}

#[test]
fn an_export_goes_into_a_mend_that_was_only_set_up() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let source = tempfile::tempdir().unwrap();
    let exported = full_store(source.path(), &clock).export_json().unwrap();

    // A new computer: the owner answered the welcome and changed a template,
    // then imports their export.
    let target = tempfile::tempdir().unwrap();
    let mut fresh = Store::open_in(target.path(), clock.clone()).unwrap();
    fresh
        .save_settings(&Settings {
            business_name: "Lima Cakes".into(),
            owner_name: "Rui".into(),
            currency: None,
        })
        .unwrap();
    fresh.finish_welcome().unwrap();
    fresh
        .save_template(Step::Apologize, "Sorry, {first_name}.")
        .unwrap();
    let imported = fresh.import_json(&exported).unwrap();
    assert_eq!(imported.complaints, 41);
    let again = fresh.export_json().unwrap();
    for table in [
        "complaints",
        "customers",
        "contacts",
        "templates",
        "settings",
    ] {
        assert_eq!(again["tables"][table], exported["tables"][table], "{table}");
    }
    let lines = |export: &Value| export["tables"]["history"].as_array().unwrap().len();
    assert_eq!(
        lines(&again),
        lines(&exported) + 2,
        "its own two lines, then the export's"
    );
}
