use std::sync::Arc;

use super::*;
use crate::kinds::{Channel, Direction};
use crate::store::complaints::NewComplaint;
use crate::store::test_support::{at, phone_complaint, small_photo, store_at};
use crate::store::timeline::NewContact;
use crate::FixedClock;

fn file(name: &str, bytes: &[u8]) -> NewFile {
    checked_file(name, bytes.to_vec()).unwrap()
}

fn complaint(store: &mut Store) -> i64 {
    store
        .create_complaint(&phone_complaint("Ana Lima", "Wedding cake squashed"))
        .unwrap()
        .id
}

#[test]
fn a_photo_is_kept_whole_with_a_thumbnail_and_the_history_says_so() {
    let (mut store, _) = store_at(at(9));
    let id = complaint(&mut store);
    let photo = small_photo();
    let added = store
        .attach_files(id, None, &[file("cake.png", &photo)])
        .unwrap();
    assert_eq!(added.len(), 1);
    let kept = &added[0];
    assert_eq!(kept.name, "cake.png");
    assert_eq!(kept.media_type, "image/png");
    assert_eq!(kept.size, photo.len() as i64);
    assert!(kept.is_image);
    assert_eq!(kept.complaint_id, Some(id));

    assert_eq!(store.attachment_content(kept.id).unwrap().bytes, photo);
    let thumbnail = store.attachment_thumbnail(kept.id).unwrap();
    let small = image::load_from_memory(&thumbnail).unwrap();
    assert_eq!(
        image::guess_format(&thumbnail).unwrap(),
        image::ImageFormat::Jpeg
    );
    assert!(small.width() <= THUMBNAIL_SIDE && small.height() <= THUMBNAIL_SIDE);

    let details = store.complaint(id).unwrap();
    assert_eq!(details.attachments, added);
    assert!(
        details
            .history
            .last()
            .unwrap()
            .what
            .starts_with("Added the file \"cake.png\" ("),
        "{:?}",
        details.history.last()
    );
}

#[test]
fn what_a_file_is_comes_from_its_bytes_not_its_name() {
    let (mut store, _) = store_at(at(9));
    let id = complaint(&mut store);
    let added = store
        .attach_files(
            id,
            None,
            &[
                file("photo.jpg", b"PK\x03\x04 a zip pretending to be a photo"),
                file("receipt.pdf", b"%PDF-1.7\n1 0 obj\n"),
                file("broken.png", &small_photo()[..60]),
                file("notes.txt", "Zoë's order, 2 × éclair".as_bytes()),
            ],
        )
        .unwrap();
    let kinds: Vec<(&str, bool)> = added
        .iter()
        .map(|a| (a.media_type.as_str(), a.is_image))
        .collect();
    assert_eq!(
        kinds,
        [
            (UNKNOWN_KIND, false),
            ("application/pdf", false),
            (UNKNOWN_KIND, false),
            (UNKNOWN_KIND, false)
        ]
    );
    assert!(store.attachment_thumbnail(added[0].id).is_err());
}

#[test]
fn an_empty_or_too_big_file_is_refused_in_words() {
    let empty = checked_file("blank.jpg", Vec::new()).unwrap_err();
    assert_eq!(
        empty.to_string(),
        "\"blank.jpg\" is empty: there is nothing in it to keep."
    );
    let big = checked_file("video.mov", vec![0; MAX_FILE_BYTES + 1]).unwrap_err();
    assert!(
        big.to_string()
            .starts_with("\"video.mov\" is 25.0 MB; Mend keeps files of up to 25 MB each."),
        "{big}"
    );
    assert!(checked_file("just right.bin", vec![1; MAX_FILE_BYTES]).is_ok());
}

#[test]
fn a_file_that_cannot_be_read_is_refused_in_words() {
    let folder = tempfile::tempdir().unwrap();
    let missing = read_file(&folder.path().join("gone.jpg")).unwrap_err();
    assert!(
        missing
            .to_string()
            .starts_with("Mend could not read \"gone.jpg\" ("),
        "{missing}"
    );
    let inside = folder.path().join("photos");
    std::fs::create_dir(&inside).unwrap();
    assert_eq!(
        read_file(&inside).unwrap_err().to_string(),
        "\"photos\" is a folder; choose the files in it instead."
    );
    let big = folder.path().join("big.mov");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(MAX_FILE_BYTES as u64 + 1)
        .unwrap();
    assert!(read_file(&big)
        .unwrap_err()
        .to_string()
        .contains("up to 25 MB"));
    let photo = folder.path().join("cake.png");
    std::fs::write(&photo, small_photo()).unwrap();
    assert_eq!(read_file(&photo).unwrap().bytes, small_photo());
}

#[test]
fn names_are_kept_readable_and_never_a_path() {
    assert_eq!(clean_name("C:\\Users\\ana\\Pictures\\cake.jpg"), "cake.jpg");
    assert_eq!(clean_name("../../etc/passwd"), "passwd");
    assert_eq!(clean_name("..."), "file");
    assert_eq!(clean_name("  "), "file");
    assert_eq!(clean_name("bad\u{7}name?.png"), "badname_.png");
    assert_eq!(clean_name("photo.exe. "), "photo.exe");
    assert_eq!(clean_name("Crème brûlée 🎂.jpg"), "Crème brûlée 🎂.jpg");
    let long = format!("{}.jpeg", "a".repeat(300));
    let short = clean_name(&long);
    assert_eq!(short.chars().count(), MAX_NAME_CHARS);
    assert!(short.ends_with("….jpeg"), "{short}");
}

#[test]
fn files_can_go_with_a_timeline_entry_of_the_same_complaint_only() {
    let (mut store, _) = store_at(at(9));
    let id = complaint(&mut store);
    let other = complaint(&mut store);
    let contact = store
        .add_contact(
            id,
            &NewContact {
                direction: Direction::Incoming,
                channel: Channel::Email,
                at: None,
                text: "Here is the box it came in.".into(),
            },
        )
        .unwrap();
    let added = store
        .attach_files(id, Some(contact.id), &[file("box.png", &small_photo())])
        .unwrap();
    assert_eq!(added[0].contact_id, Some(contact.id));
    let error = store
        .attach_files(other, Some(contact.id), &[file("box.png", &small_photo())])
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "That timeline entry is not on this complaint."
    );
    assert!(store.complaint(other).unwrap().attachments.is_empty());
}

#[test]
fn files_added_while_writing_a_complaint_become_its_own_when_saved() {
    let (mut store, clock) = store_at(at(9));
    let waiting = store
        .add_waiting_files(&[file("cake.png", &small_photo()), file("note.txt", b"hi")])
        .unwrap();
    assert!(waiting.iter().all(|a| a.complaint_id.is_none()));
    store.discard_waiting_file(waiting[1].id).unwrap();
    let saved = store
        .create_complaint(&NewComplaint {
            customer_words: "It arrived squashed.".into(),
            attachments: vec![waiting[0].id],
            ..phone_complaint("Ana Lima", "Wedding cake squashed")
        })
        .unwrap();
    let details = store.complaint(saved.id).unwrap();
    assert_eq!(details.attachments.len(), 1);
    assert_eq!(details.attachments[0].name, "cake.png");
    assert_eq!(
        details.attachments[0].contact_id,
        Some(details.timeline[0].id)
    );

    // A file no longer waiting cannot be given to another complaint; the
    // complaint is not saved without it.
    let again = store
        .create_complaint(&NewComplaint {
            attachments: vec![waiting[0].id],
            ..phone_complaint("Ben Ode", "Late")
        })
        .unwrap_err();
    assert!(again.to_string().contains("add it again"), "{again}");
    assert_eq!(crate::store::test_support::summaries(&store).len(), 1);

    // One left waiting for days is let go when Mend next opens, unless a
    // half-written complaint (whose draft may list it) is still there.
    let left = store
        .add_waiting_files(&[file("forgotten.png", &small_photo())])
        .unwrap();
    clock.set(at(9) + Duration::days(3));
    store.save_intake_draft("{\"summary\": \"Late\"}").unwrap();
    store
        .write(|write| clear_abandoned(write, write.clock().now()))
        .unwrap();
    assert!(store.attachment(left[0].id).is_ok());
    store.save_intake_draft("").unwrap();
    store
        .write(|write| clear_abandoned(write, write.clock().now()))
        .unwrap();
    assert!(store.attachment(left[0].id).is_err());
    assert!(store.attachment(waiting[0].id).is_ok());
}

#[test]
fn removing_a_file_lets_go_of_its_bytes_and_the_history_keeps_its_name() {
    let (mut store, _) = store_at(at(9));
    let id = complaint(&mut store);
    let added = store
        .attach_files(id, None, &[file("cake.png", &small_photo())])
        .unwrap();
    store.remove_attachment(added[0].id).unwrap();
    let details = store.complaint(id).unwrap();
    assert!(details.attachments.is_empty());
    assert!(details
        .history
        .last()
        .unwrap()
        .what
        .starts_with("Removed the file \"cake.png\""));
    let left: i64 = store
        .conn
        .query_row("SELECT count(*) FROM attachment_contents", [], |row| {
            row.get(0)
        })
        .unwrap();
    assert_eq!(left, 0);
    assert!(store.remove_attachment(added[0].id).is_err());
}

#[test]
fn a_complaint_in_the_deleted_list_keeps_its_files_until_it_is_cleared() {
    let (mut store, clock) = store_at(at(9));
    let id = complaint(&mut store);
    let added = store
        .attach_files(id, None, &[file("cake.png", &small_photo())])
        .unwrap();
    store.delete_complaint(id).unwrap();
    assert!(store
        .attach_files(id, None, &[file("more.png", &small_photo())])
        .is_err());
    assert!(store.attachment(added[0].id).is_ok());
    clock.set(at(9) + Duration::days(31));
    store.write(crate::store::deleted::clear_expired).unwrap();
    assert!(store.attachment(added[0].id).is_err());
}

#[test]
fn a_backup_carries_the_files() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let folder = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(folder.path(), clock.clone()).unwrap();
    let id = complaint(&mut store);
    let photo = small_photo();
    let added = store
        .attach_files(id, None, &[file("cake.png", &photo)])
        .unwrap();
    let backup = folder.path().join("copy.sqlite3");
    store.back_up_to(&backup).unwrap();
    let copy = Store::open_file(&backup, clock).unwrap();
    assert_eq!(copy.attachment_content(added[0].id).unwrap().bytes, photo);
    assert!(copy.attachment_thumbnail(added[0].id).is_ok());
}

#[test]
fn sizes_read_as_an_owner_would_say_them() {
    assert_eq!(size_in_words(1), "1 KB");
    assert_eq!(size_in_words(820 * 1024), "820 KB");
    assert_eq!(size_in_words(3_565_158), "3.4 MB");
}

#[test]
fn only_photos_documents_sound_and_video_are_opened() {
    for name in [
        "invoice.pdf.exe",
        "photo.JS",
        "run.desktop",
        "Setup.MSI",
        "x.exe.",
        "help.chm",
        "page.html",
        "notes",
    ] {
        let refused = refuse_unless_safe_to_open(name).unwrap_err();
        assert!(
            refused.to_string().contains("which could be a program"),
            "{name}"
        );
    }
    for name in [
        "cake.JPG",
        "receipt.pdf",
        "order.docx",
        "call.m4a",
        "box.mov",
    ] {
        assert!(refuse_unless_safe_to_open(name).is_ok(), "{name}");
    }
}

#[test]
fn starting_again_from_the_latest_backup_after_damage_brings_the_files_back() {
    let clock = Arc::new(FixedClock::at(at(9)));
    let folder = tempfile::tempdir().unwrap();
    let mut store = Store::open_in(folder.path(), clock.clone()).unwrap();
    let id = complaint(&mut store);
    let photo = small_photo();
    let added = store
        .attach_files(id, None, &[file("cake.png", &photo)])
        .unwrap();
    store.automatic_backup(folder.path()).unwrap();
    drop(store);
    std::fs::write(
        Store::database_path(folder.path()),
        b"SQLite format 3\0 but damaged",
    )
    .unwrap();
    let (store, _aside) = crate::store::recovery::recover(
        folder.path(),
        clock,
        crate::store::recovery::StartFrom::LatestBackup,
    )
    .unwrap();
    assert_eq!(store.attachment_content(added[0].id).unwrap().bytes, photo);
}

#[test]
fn nothing_of_any_file_is_kept_when_adding_one_fails_partway() {
    let (mut store, _) = store_at(at(9));
    let id = complaint(&mut store);
    let history_before = store.complaint(id).unwrap().history.len();
    // The second cannot be written (no bytes): the first is not kept either.
    let broken = NewFile {
        name: "b.png".into(),
        bytes: Vec::new(),
        media_type: UNKNOWN_KIND.into(),
        thumbnail: None,
    };
    assert!(store
        .attach_files(id, None, &[file("a.png", &small_photo()), broken])
        .is_err());
    let (files, contents): (i64, i64) = store
        .conn
        .query_row(
            "SELECT (SELECT count(*) FROM attachments), (SELECT count(*) FROM attachment_contents)",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!((files, contents), (0, 0));
    assert_eq!(store.complaint(id).unwrap().history.len(), history_before);
}
