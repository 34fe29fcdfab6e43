//! The owner's controls: stopping sync on a computer and turning it on
//! again, another folder, another name.

use super::setup;
use super::test_computers::{computer, laptop_and_desktop, note, rounds, Computer};

fn turn_on(on: &mut Computer, folder: &std::path::Path, name: &str) {
    let data = on._data.path().to_owned();
    on.sync = setup::turn_on(&mut on.store, &data, folder, name).unwrap();
}

#[test]
fn a_computer_stopped_and_turned_on_again_sends_what_was_done_meanwhile() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, made) = laptop_and_desktop(shared.path());
    turn_on(&mut laptop, shared.path(), "Laptop");
    setup::stop(&mut laptop.store).unwrap();
    let status = setup::status(&laptop.store).unwrap();
    assert!(!status.on);
    assert_eq!(status.computer_name.as_deref(), Some("Laptop"));

    laptop
        .store
        .add_contact(made, &note("Rang Ana while at the market"))
        .unwrap();
    assert!(setup::status(&laptop.store).unwrap().waiting > 0, "noted");

    let preview = setup::preview(&laptop.store, laptop._data.path(), shared.path()).unwrap();
    assert!(preview.this_computer_there);
    assert_eq!(preview.other_computers, 1, "the desktop, not this one");
    turn_on(&mut laptop, shared.path(), "Laptop");
    rounds(&mut laptop, &mut desktop);
    assert_eq!(laptop.shared(), desktop.shared());
    assert!(format!("{:?}", desktop.shared()).contains("Rang Ana while at the market"));
}

#[test]
fn another_folder_gets_everything_this_computer_did_and_a_new_computer_there_has_it_all() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, _desktop, _) = laptop_and_desktop(shared.path());
    let moved = tempfile::tempdir().unwrap();
    turn_on(&mut laptop, moved.path(), "Laptop");
    laptop.round();
    let mut helper = computer(moved.path());
    helper.round();
    assert_eq!(helper.summaries(), ["Cake arrived squashed"]);
    assert_eq!(helper.shared(), laptop.shared());
}

#[test]
fn a_computer_is_renamed_and_a_name_must_be_given() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    turn_on(&mut laptop, shared.path(), "Laptop");
    setup::rename(&mut laptop.store, "  Market laptop ").unwrap();
    assert_eq!(
        setup::status(&laptop.store)
            .unwrap()
            .computer_name
            .as_deref(),
        Some("Market laptop")
    );
    let refused = setup::rename(&mut laptop.store, "   ").unwrap_err();
    assert!(refused
        .to_string()
        .contains("Please give this computer a name"));
    assert_eq!(
        setup::status(&laptop.store)
            .unwrap()
            .computer_name
            .as_deref(),
        Some("Market laptop"),
        "nothing changed"
    );
}

/// The laptop renamed one of Mend's own categories before the desktop
/// joined: the desktop takes the laptop's lists, and the name stays.
#[test]
fn mends_own_lists_come_from_the_first_computer_to_one_joining_later() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    let third = laptop.store.categories().unwrap()[2].id;
    laptop
        .store
        .rename_category(third, "Late or missing delivery")
        .unwrap();
    laptop.round();
    let mut desktop = computer(shared.path());
    for _ in 0..3 {
        desktop.round();
        laptop.round();
    }
    let names = |on: &Computer| -> Vec<String> {
        on.store
            .categories()
            .unwrap()
            .into_iter()
            .map(|category| category.name)
            .collect()
    };
    assert!(names(&desktop).contains(&"Late or missing delivery".to_owned()));
    assert_eq!(names(&laptop), names(&desktop));
    assert_eq!(laptop.shared(), desktop.shared());
}
