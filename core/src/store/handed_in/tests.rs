use super::*;
use crate::store::test_support::{at, phone_complaint, small_photo, store_at};

const EMAIL: &str = "From: Ana Lima <ana@example.com>\r\nSubject: Squashed cake\r\nDate: Sun, 22 Nov 2026 18:30:00 +0000\r\n\r\nThe top tier collapsed.\r\n";

/// A folder as an owner's Downloads might be after a bad week.
fn downloads() -> (tempfile::TempDir, Vec<PathBuf>) {
    let folder = tempfile::tempdir().unwrap();
    let files = [
        ("Squashed cake.eml", EMAIL.as_bytes().to_vec()),
        ("cake.png", small_photo()),
        ("not really.EML", b"PK\x03\x04 a zip".to_vec()),
        ("empty.pdf", Vec::new()),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let path = folder.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        paths.push(path);
    }
    paths.push(folder.path().join("gone.jpg"));
    (folder, paths)
}

#[test]
fn files_for_a_new_complaint_are_read_kept_or_said_to_be_wrong() {
    let (mut store, _) = store_at(at(9));
    let (_folder, paths) = downloads();
    let taken = store.hand_in_for_new_complaint(read(&paths)).unwrap();
    assert_eq!(taken.emails.len(), 1);
    assert_eq!(taken.emails[0].summary, "Squashed cake");
    assert_eq!(taken.files.len(), 1);
    assert_eq!(taken.files[0].name, "cake.png");
    assert!(taken.files[0].is_image);
    assert_eq!(taken.problems.len(), 3, "{:?}", taken.problems);
    // Files that cannot be read are said first, then emails that are not emails.
    assert_eq!(
        taken.problems[0],
        "\"empty.pdf\" is empty: there is nothing in it to keep."
    );
    assert!(taken.problems[1].starts_with("Mend could not read \"gone.jpg\""));
    assert!(taken.problems[2].starts_with("\"not really.EML\": This is not an email Mend can read"));
}

#[test]
fn files_on_a_complaint_go_on_its_timeline_or_with_it() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana Lima", "Wedding cake squashed"))
        .unwrap()
        .id;
    let (_folder, paths) = downloads();
    let taken = store.hand_in_onto_complaint(id, read(&paths)).unwrap();
    assert_eq!(taken.emails, 1);
    assert_eq!(taken.files.len(), 1);
    assert_eq!(taken.problems.len(), 3);
    let details = store.complaint(id).unwrap();
    assert_eq!(
        details.timeline.last().unwrap().text,
        "The top tier collapsed."
    );
    assert_eq!(details.attachments.len(), 1);
}
