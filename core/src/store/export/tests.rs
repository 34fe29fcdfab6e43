use std::sync::Arc;

use super::*;
use crate::store::complaints::NewComplaint;
use crate::store::test_support::{at, phone_complaint};
use crate::FixedClock;

#[test]
fn the_csv_has_a_header_and_one_row_per_complaint_in_utf8_with_a_bom() {
    let folder = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(folder.path(), Arc::new(FixedClock::at(at(9)))).unwrap();
    let words = NewComplaint {
        customer_words: "Line one, with a comma\nline \"two\"".into(),
        ..phone_complaint("Zoë 李", "Crème brûlée 🎂")
    };
    store.create_complaint(&words).unwrap();
    store
        .create_complaint(&phone_complaint("Ben", "=HYPERLINK(\"x\")"))
        .unwrap();
    let target = folder.path().join("complaints.csv");
    assert_eq!(store.export_csv(&target).unwrap(), 2);

    let bytes = std::fs::read(&target).unwrap();
    assert!(
        bytes.starts_with("\u{feff}".as_bytes()),
        "a byte-order mark for Excel"
    );
    assert!(
        String::from_utf8(bytes.clone()).unwrap().contains("\r\n"),
        "Windows line ends"
    );
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, CSV_HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(&rows[0][2], "Zoë 李");
    assert_eq!(&rows[0][7], "Crème brûlée 🎂");
    assert_eq!(&rows[0][8], "Line one, with a comma\nline \"two\"");
    assert_eq!(&rows[0][1], "2026-11-23T09:00:00.000Z", "ISO dates");
    assert_eq!(&rows[0][13], "acknowledge", "the step reached");
    assert_eq!(&rows[1][7], "'=HYPERLINK(\"x\")", "never run as a formula");
}

#[test]
fn the_csv_names_each_complaints_cause_and_known_issue() {
    use crate::journey::Step;
    use crate::kinds::CloseReason;
    use crate::store::journey::Closing;
    use crate::store::known_issues::choice::IssueChoice;
    use crate::store::lists::ListKind;
    use crate::store::test_support::walk_to;

    let folder = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(folder.path(), Arc::new(FixedClock::at(at(9)))).unwrap();
    let id = store
        .create_complaint(&phone_complaint("Ana", "Cake squashed"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Close);
    let packaging = store
        .list_items(ListKind::Causes)
        .unwrap()
        .into_iter()
        .find(|cause| cause.name == "Packaging")
        .map(|cause| cause.id);
    store
        .close_complaint(
            id,
            &Closing {
                reason: CloseReason::Resolved,
                note: String::new(),
                root_cause: "Thin box".into(),
                preventive_action: String::new(),
                check_in_date: None,
                cause_id: packaging,
                issue: IssueChoice {
                    new_known_issue: "Cake boxes crush in transit".into(),
                    ..IssueChoice::default()
                },
            },
        )
        .unwrap();
    store
        .create_complaint(&phone_complaint("Ben", "Late"))
        .unwrap();
    let target = folder.path().join("complaints.csv");
    store.export_csv(&target).unwrap();
    let bytes = std::fs::read(&target).unwrap();
    let mut reader = csv::Reader::from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.unwrap()).collect();
    assert_eq!(
        (&rows[0][25], &rows[0][26]),
        ("Packaging", "Cake boxes crush in transit")
    );
    assert_eq!(
        (&rows[1][25], &rows[1][26]),
        ("", ""),
        "open, with no cause yet"
    );
}

/// What a `Progress` was told, in order.
#[derive(Default)]
struct Told(std::sync::Mutex<Vec<(String, u64, u64)>>);

impl crate::progress::Progress for Told {
    fn tell(&self, doing: &str, done: u64, total: u64, _: crate::progress::Unit) {
        self.0.lock().unwrap().push((doing.into(), done, total));
    }
}

#[test]
fn exports_tell_how_far_they_have_come() {
    let folder = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(folder.path(), Arc::new(FixedClock::at(at(9)))).unwrap();
    crate::generate::populate(&mut store, 600, 600, 1).unwrap();

    let told = Told::default();
    let target = folder.path().join("complaints.csv");
    assert_eq!(store.export_csv_watched(&target, &told).unwrap(), 600);
    let told = told.0.into_inner().unwrap();
    let counts: Vec<u64> = told.iter().map(|(_, done, _)| *done).collect();
    assert_eq!(counts, [0, 250, 500, 600]);
    assert!(told
        .iter()
        .all(|(doing, _, total)| doing == "Writing the complaints" && *total == 600));

    let told = Told::default();
    let export = folder.path().join("everything.json");
    let everything = store.export_json_watched(&told).unwrap();
    write_export(&everything, &export, &told).unwrap();
    let told = told.0.into_inner().unwrap();
    let reading: Vec<&(String, u64, u64)> = told
        .iter()
        .filter(|(doing, ..)| doing == "Reading everything in Mend")
        .collect();
    assert!(reading.len() > 3, "{told:?}");
    assert!(reading
        .windows(2)
        .all(|pair| pair[0].1 < pair[1].1 && pair[0].2 == pair[1].2));
    let size = std::fs::metadata(&export).unwrap().len();
    assert_eq!(
        told.last().unwrap(),
        &("Writing the file".to_owned(), size, size)
    );
}

#[test]
fn an_export_never_carries_this_computers_sync_settings() {
    let folder = tempfile::tempdir().unwrap();
    let shared = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(folder.path(), Arc::new(FixedClock::at(at(9)))).unwrap();
    store
        .create_complaint(&phone_complaint("Ana", "Late"))
        .unwrap();
    crate::sync::SyncSession::open(&mut store, shared.path()).unwrap();
    store
        .write(|write| crate::store::preferences::put(write, "business_name", "Ana's Bakes"))
        .unwrap();
    let everything = store.export_json().unwrap();
    let keys: Vec<&str> = everything["tables"]["settings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| row["key"].as_str().unwrap())
        .collect();
    assert!(keys.contains(&"business_name"), "{keys:?}");
    assert!(
        keys.iter().all(|key| !key.starts_with("sync_")),
        "no computer's id goes to another Mend: {keys:?}"
    );
}
