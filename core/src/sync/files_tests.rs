//! Photos and files on two computers: the record through the document, the
//! bytes through the shared folder by their hash, put in place only whole.

use super::folder::SUBFOLDER;
use super::test_computers::{laptop_and_desktop, only_complaint, rounds, Computer};
use crate::store::attachments::checked_file;
use crate::store::test_support::{phone_complaint, small_photo};

fn files_of(on: &Computer) -> Vec<String> {
    let id = only_complaint(on);
    on.store
        .complaint(id)
        .unwrap()
        .attachments
        .into_iter()
        .map(|file| format!("{} {} image: {}", file.name, file.size, file.is_image))
        .collect()
}

/// Every file of file contents in the shared folder (the bytes of kept files).
fn contents_in(shared: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(computers) = std::fs::read_dir(shared.join(SUBFOLDER)) else {
        return Vec::new();
    };
    computers
        .flatten()
        .filter_map(|computer| std::fs::read_dir(computer.path().join("files")).ok())
        .flat_map(|files| files.flatten().map(|file| file.path()))
        .collect()
}

#[test]
fn a_photo_kept_on_one_computer_reaches_the_other_whole_and_goes_from_both_when_removed() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, made) = laptop_and_desktop(shared.path());
    let photo = small_photo();
    laptop
        .store
        .attach_files(
            made,
            None,
            &[checked_file("squashed cake.png", photo.clone()).unwrap()],
        )
        .unwrap();
    laptop.round();

    // The bytes cut short, as a sync program still copying them: the
    // record is there, the photo is said to be on its way.
    let contents = contents_in(shared.path());
    assert_eq!(contents.len(), 1, "{contents:?}");
    std::fs::write(&contents[0], &photo[..photo.len() / 2]).unwrap();
    desktop.round();
    let id = desktop
        .store
        .complaint(only_complaint(&desktop))
        .unwrap()
        .attachments[0]
        .id;
    let waiting = desktop
        .store
        .attachment_content(id)
        .unwrap_err()
        .to_string();
    assert!(
        waiting.contains("still on its way from your other computer"),
        "{waiting}"
    );

    std::fs::write(&contents[0], &photo).unwrap();
    desktop.round();
    assert_eq!(desktop.store.attachment_content(id).unwrap().bytes, photo);
    assert!(
        desktop.store.attachment_thumbnail(id).is_ok(),
        "a thumbnail made there"
    );
    assert_eq!(files_of(&desktop), files_of(&laptop));
    assert_eq!(laptop.shared(), desktop.shared());

    desktop.store.remove_attachment(id).unwrap();
    rounds(&mut laptop, &mut desktop);
    assert_eq!(files_of(&laptop), Vec::<String>::new());
    assert_eq!(laptop.shared(), desktop.shared());
}

#[test]
fn a_file_waiting_for_a_new_complaint_is_shared_once_the_complaint_is_saved() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, _) = laptop_and_desktop(shared.path());
    let waiting = laptop
        .store
        .add_waiting_files(&[checked_file("receipt.png", small_photo()).unwrap()])
        .unwrap();
    rounds(&mut laptop, &mut desktop);
    assert!(contents_in(shared.path()).is_empty(), "not while it waits");

    let mut new = phone_complaint("Rui Costa", "Wrong flavour");
    new.attachments = vec![waiting[0].id];
    laptop.store.create_complaint(&new).unwrap();
    rounds(&mut laptop, &mut desktop);
    assert_eq!(contents_in(shared.path()).len(), 1);
    assert_eq!(laptop.shared(), desktop.shared());
    let on_desktop = desktop
        .store
        .read(|conn| {
            Ok(
                conn.query_row("SELECT count(*) FROM attachment_contents", [], |row| {
                    row.get::<_, i64>(0)
                })?,
            )
        })
        .unwrap();
    assert_eq!(on_desktop, 1);
}

/// The customer's words taken off a complaint on the desktop: their
/// timeline entry goes on both computers, the photo that came with them
/// stays with the complaint (what points at a row is put in place before
/// the row goes).
#[test]
fn words_taken_off_with_their_photo_kept_end_the_same_on_both() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = super::test_computers::computer(shared.path());
    let mut desktop = super::test_computers::computer(shared.path());
    let mut new = phone_complaint("Ana Lima", "Cake arrived squashed");
    new.customer_words = "The top tier collapsed.".into();
    let made = laptop.store.create_complaint(&new).unwrap();
    let words = laptop.store.complaint(made.id).unwrap().timeline[0].id;
    laptop
        .store
        .attach_files(
            made.id,
            Some(words),
            &[checked_file("cake.png", small_photo()).unwrap()],
        )
        .unwrap();
    rounds(&mut laptop, &mut desktop);

    let there = only_complaint(&desktop);
    let details = desktop.store.complaint(there).unwrap();
    let mut edit = phone_complaint("", "Cake arrived squashed");
    edit.new_customer = None;
    edit.customer_id = Some(details.summary.customer_id);
    edit.received_at = Some(crate::dates::stamp(details.summary.received_at));
    desktop.store.correct_complaint(there, &edit).unwrap();
    rounds(&mut laptop, &mut desktop);

    let on_laptop = laptop.store.complaint(made.id).unwrap();
    assert!(on_laptop.timeline.is_empty(), "{:?}", on_laptop.timeline);
    let kept = &on_laptop.attachments;
    assert_eq!(kept.len(), 1);
    assert_eq!(
        (kept[0].name.as_str(), kept[0].contact_id),
        ("cake.png", None)
    );
    assert_eq!(laptop.shared(), desktop.shared());
}
