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
