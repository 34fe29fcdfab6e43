//! When two computers change the same thing at once: one value shows
//! everywhere, every value is kept for the owner, and the one they keep
//! becomes the value everywhere.

use super::conflicts;
use super::test_computers::{computer, only_complaint, rounds, Computer};
use crate::journey::Step;
use crate::kinds::CloseReason;
use crate::store::complaints::NewComplaint;
use crate::store::journey::Closing;
use crate::store::test_support::{at, phone_complaint, walk_to};
use crate::Store;

#[test]
fn the_same_field_changed_on_both_computers_ends_the_same_on_both_and_keeps_both_values() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    let mut desktop = computer(shared.path());
    let made = laptop
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    laptop.round();
    desktop.round();
    let there = desktop
        .store
        .read(|conn| Ok(conn.query_row("SELECT id FROM complaints", [], |row| row.get(0))?));
    let there: i64 = there.unwrap();
    let edit = |summary: &str| NewComplaint {
        summary: summary.into(),
        ..phone_complaint("Ana Lima", "")
    };
    let mut on_laptop = edit("Birthday cake arrived squashed");
    on_laptop.new_customer = None;
    on_laptop.customer_id = Some(made.customer_id);
    laptop.store.correct_complaint(made.id, &on_laptop).unwrap();
    let customer_there = desktop.store.complaint(there).unwrap().summary.customer_id;
    let mut on_desktop = edit("Cake squashed in the box");
    on_desktop.new_customer = None;
    on_desktop.customer_id = Some(customer_there);
    desktop.store.correct_complaint(there, &on_desktop).unwrap();
    for _ in 0..2 {
        laptop.round();
        desktop.round();
    }
    assert_eq!(
        laptop.summaries(),
        desktop.summaries(),
        "one value wins everywhere"
    );
    assert_eq!(laptop.shared(), desktop.shared());
    let conflict = desktop.conflicts();
    assert_eq!(conflict.len(), 1, "{conflict:?}");
    assert_eq!(conflict[0].0, "summary");
    assert!(
        conflict[0].1.contains("Birthday cake arrived squashed")
            && conflict[0].1.contains("Cake squashed in the box")
    );
    assert_eq!(laptop.conflicts(), conflict);
}

#[test]
fn the_owner_keeps_one_of_the_values_and_it_becomes_the_value_everywhere() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    let mut desktop = computer(shared.path());
    let made = laptop
        .store
        .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
        .unwrap();
    laptop.round();
    desktop.round();
    let there: i64 = desktop
        .store
        .read(|conn| Ok(conn.query_row("SELECT id FROM complaints", [], |row| row.get(0))?))
        .unwrap();
    let rename = |store: &mut Store, id: i64, summary: &str| {
        let customer = store.complaint(id).unwrap().summary.customer_id;
        let edit = NewComplaint {
            new_customer: None,
            customer_id: Some(customer),
            ..phone_complaint("", summary)
        };
        store.correct_complaint(id, &edit).unwrap();
    };
    rename(&mut laptop.store, made.id, "Birthday cake arrived squashed");
    rename(&mut desktop.store, there, "Cake squashed in the box");
    for _ in 0..2 {
        laptop.round();
        desktop.round();
    }
    let shown = conflicts::complaint_conflicts(&desktop.store, there).unwrap();
    assert_eq!(shown.len(), 1, "{shown:?}");
    assert_eq!(shown[0].label, "What happened");
    let mut values = shown[0].values.clone();
    values.sort();
    assert_eq!(
        values,
        ["Birthday cake arrived squashed", "Cake squashed in the box"]
    );

    // The value shown now: the harder case, as nothing changes where it is shown.
    let kept = shown[0].values[0].clone();
    conflicts::keep_value(&mut desktop.store, there, "summary", &kept).unwrap();
    for _ in 0..2 {
        desktop.round();
        laptop.round();
    }
    assert_eq!(laptop.summaries(), [kept.as_str()]);
    assert_eq!(desktop.summaries(), [kept.as_str()]);
    let left = conflicts::complaint_conflicts(&laptop.store, made.id).unwrap();
    assert!(left.is_empty(), "{left:?} {:?}", laptop.conflicts());
    assert!(conflicts::complaint_conflicts(&desktop.store, there)
        .unwrap()
        .is_empty());
    let history = laptop.store.complaint(made.id).unwrap().history;
    assert!(
        history
            .iter()
            .any(|line| line.what.contains("changed on both computers")),
        "{history:?}"
    );
    assert!(conflicts::keep_value(&mut laptop.store, made.id, "summary", "Anything").is_err());
}

#[test]
fn a_category_of_the_same_name_made_on_both_computers_is_kept_twice_not_lost() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    let mut desktop = computer(shared.path());
    laptop.store.add_category("Allergens").unwrap();
    desktop.store.add_category("Allergens").unwrap();
    for _ in 0..2 {
        laptop.round();
        desktop.round();
    }
    let names = |computer: &Computer| {
        computer
            .store
            .read(|conn| {
                let mut statement = conn.prepare(
                    "SELECT name FROM categories WHERE name LIKE 'Allergens%' ORDER BY name",
                )?;
                let rows = statement.query_map([], |row| row.get::<_, String>(0))?;
                Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
            })
            .unwrap()
    };
    assert_eq!(names(&laptop), ["Allergens", "Allergens (2)"]);
    assert_eq!(names(&desktop), ["Allergens", "Allergens (2)"]);
    assert_eq!(
        laptop.shared(),
        desktop.shared(),
        "the same one is marked on both"
    );
}

fn closing(reason: CloseReason, note: &str) -> Closing {
    Closing {
        reason,
        note: note.into(),
        root_cause: "The box was too thin".into(),
        preventive_action: String::new(),
        check_in_date: None,
        cause_id: None,
        issue: Default::default(),
    }
}

/// Where the complaint stands on each computer: its step and whether closed.
fn standing(on: &Computer) -> (String, bool, Option<String>) {
    on.store
        .read(|conn| {
            Ok(conn.query_row(
                "SELECT step, closed_at IS NOT NULL, close_reason FROM complaints",
                [],
                |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)),
            )?)
        })
        .unwrap()
}

fn history(on: &Computer) -> Vec<String> {
    let id = only_complaint(on);
    on.store
        .complaint(id)
        .unwrap()
        .history
        .into_iter()
        .map(|line| line.what)
        .filter(|what| what.starts_with("Reopened") || what.starts_with("Closed"))
        .collect()
}

/// Closed on both; then, before either hears of the other, the desktop
/// reopens it and closes it again, and the laptop reopens it later still.
#[test]
fn a_complaint_closed_on_one_computer_and_reopened_on_the_other_follows_the_later_action() {
    for laptop_reopens_later in [true, false] {
        let shared = tempfile::tempdir().unwrap();
        let mut laptop = computer(shared.path());
        let mut desktop = computer(shared.path());
        let made = laptop
            .store
            .create_complaint(&phone_complaint("Ana Lima", "Cake arrived squashed"))
            .unwrap();
        walk_to(&mut laptop.store, made.id, Step::Close);
        laptop
            .store
            .close_complaint(made.id, &closing(CloseReason::Resolved, ""))
            .unwrap();
        laptop.round();
        desktop.round();
        assert!(standing(&desktop).1, "closed on both");

        let there = only_complaint(&desktop);
        desktop.clock.set(at(10));
        desktop
            .store
            .reopen_complaint(there, "She rang again")
            .unwrap();
        desktop.clock.set(at(11));
        desktop
            .store
            .close_complaint(
                there,
                &closing(CloseReason::Withdrawn, "She sorted it herself"),
            )
            .unwrap();
        laptop.clock.set(if laptop_reopens_later {
            at(12)
        } else {
            at(10) + chrono::Duration::minutes(30)
        });
        laptop
            .store
            .reopen_complaint(made.id, "The box was crushed too")
            .unwrap();
        rounds(&mut laptop, &mut desktop);

        let expected = if laptop_reopens_later {
            // Reopened (a resolved complaint goes back to Assure), as a whole.
            ("assure".to_owned(), false, None)
        } else {
            ("assure".to_owned(), true, Some("withdrawn".to_owned()))
        };
        assert_eq!(
            standing(&laptop),
            expected,
            "laptop reopens later: {laptop_reopens_later}"
        );
        assert_eq!(standing(&desktop), expected);
        assert_eq!(laptop.shared(), desktop.shared());
        let lines = history(&desktop);
        assert_eq!(
            lines
                .iter()
                .filter(|line| line.starts_with("Reopened"))
                .count(),
            2,
            "both reopenings are in the history: {lines:?}"
        );
        assert_eq!(history(&laptop).len(), lines.len());
    }
}
