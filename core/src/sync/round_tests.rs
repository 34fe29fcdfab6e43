//! A round takes the store in turns, never while the shared folder is read
//! or written, and the owner works on between its turns: nothing they do
//! meanwhile is lost.

use super::engine::HoldStore;
use super::test_computers::{laptop_and_desktop, note, only_complaint, rounds};
use crate::error::Result;
use crate::Store;

/// The laptop's store as the owner keeps working in it: each time the round
/// takes it, they have just added a note (a command between the round's turns).
struct OwnerAtWork<'s> {
    store: &'s mut Store,
    complaint: i64,
    notes: usize,
}

impl HoldStore for OwnerAtWork<'_> {
    type Held<'a>
        = &'a mut Store
    where
        Self: 'a;

    fn hold(&mut self) -> Result<&mut Store> {
        self.notes += 1;
        self.store
            .add_contact(
                self.complaint,
                &note(&format!("Between turns {}", self.notes)),
            )
            .unwrap();
        Ok(self.store)
    }
}

fn timeline(on: &super::test_computers::Computer) -> Vec<String> {
    let mut texts: Vec<String> = on
        .store
        .complaint(only_complaint(on))
        .unwrap()
        .timeline
        .into_iter()
        .map(|entry| entry.text)
        .collect();
    texts.sort();
    texts
}

#[test]
fn what_the_owner_does_between_a_rounds_turns_is_kept_and_sent() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, made) = laptop_and_desktop(shared.path());
    // Something for the laptop to take in while the owner works there.
    let there = only_complaint(&desktop);
    desktop
        .store
        .add_contact(there, &note("Rang Ana from the shop"))
        .unwrap();
    desktop.round();

    let mut working = OwnerAtWork {
        store: &mut laptop.store,
        complaint: made,
        notes: 0,
    };
    laptop.sync.round(&mut working).unwrap();
    let notes = working.notes;
    assert!(notes >= 3, "the round took the store in turns: {notes}");

    rounds(&mut laptop, &mut desktop);
    let on_desktop = timeline(&desktop);
    for n in 1..=notes {
        let text = format!("Between turns {n}");
        assert!(on_desktop.contains(&text), "{text} lost: {on_desktop:?}");
    }
    assert!(on_desktop.contains(&"Rang Ana from the shop".to_owned()));
    assert_eq!(timeline(&laptop), on_desktop);
    assert_eq!(laptop.shared(), desktop.shared());
}
