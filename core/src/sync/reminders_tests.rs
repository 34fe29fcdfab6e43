//! Reminders on two computers: one the owner ends on one computer is not
//! rung on the other, and the owner's own reminders are on both.

use super::test_computers::{laptop_and_desktop, note, only_complaint, rounds, Computer};
use crate::reminders::ReminderKind;
use crate::store::reminders::NewReminder;
use crate::store::test_support::at;

/// The reminders due now that the desktop would still be told of, by kind.
fn still_to_ring(on: &Computer) -> Vec<ReminderKind> {
    on.store
        .reminders_to_notify()
        .unwrap()
        .iter()
        .map(|reminder| reminder.kind)
        .collect()
}

#[test]
fn a_reminder_dismissed_on_one_computer_is_not_rung_on_the_other() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, _) = laptop_and_desktop(shared.path());
    // Not acknowledged by the afternoon: both computers would remind.
    laptop.clock.set(at(14));
    desktop.clock.set(at(14));
    assert_eq!(still_to_ring(&desktop), [ReminderKind::Acknowledge]);
    let due = laptop.store.due_reminders().unwrap();
    assert_eq!(due.len(), 1);
    laptop.store.dismiss_reminder(due[0].id).unwrap();

    rounds(&mut laptop, &mut desktop);
    assert_eq!(still_to_ring(&desktop), [], "dismissed on the laptop");
    assert_eq!(desktop.store.due_summary().unwrap().count, 0);
    assert_eq!(laptop.shared(), desktop.shared());
    // Worked out again on the desktop (with the next thing written about
    // the complaint), it stays ended.
    let there = only_complaint(&desktop);
    desktop
        .store
        .add_contact(there, &note("Left a message"))
        .unwrap();
    assert_eq!(still_to_ring(&desktop), []);
}

#[test]
fn a_reminder_ended_on_both_computers_is_one_ending() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, _) = laptop_and_desktop(shared.path());
    laptop.clock.set(at(14));
    desktop.clock.set(at(14));
    let on_laptop = laptop.store.due_reminders().unwrap()[0].id;
    let on_desktop = desktop.store.due_reminders().unwrap()[0].id;
    laptop.store.complete_reminder(on_laptop).unwrap();
    desktop.store.dismiss_reminder(on_desktop).unwrap();

    rounds(&mut laptop, &mut desktop);
    assert_eq!(laptop.shared(), desktop.shared());
    let endings = |on: &Computer| {
        on.store
            .read(|conn| {
                Ok(
                    conn.query_row("SELECT count(*) FROM reminder_endings", [], |row| {
                        row.get::<_, i64>(0)
                    })?,
                )
            })
            .unwrap()
    };
    assert_eq!((endings(&laptop), endings(&desktop)), (1, 1));
}

#[test]
fn the_owners_own_reminders_are_on_both_computers_and_done_on_both() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, made) = laptop_and_desktop(shared.path());
    for (complaint_id, note) in [(Some(made), "Ring Ana back"), (None, "Order more boxes")] {
        laptop
            .store
            .add_reminder(&NewReminder {
                complaint_id,
                due_at: "2026-11-23T16:00:00Z".into(),
                note: note.into(),
            })
            .unwrap();
    }
    rounds(&mut laptop, &mut desktop);
    desktop.clock.set(at(17));
    let mut notes: Vec<String> = desktop
        .store
        .due_reminders()
        .unwrap()
        .into_iter()
        .filter(|reminder| reminder.kind == ReminderKind::Custom)
        .map(|reminder| reminder.note)
        .collect();
    notes.sort();
    assert_eq!(notes, ["Order more boxes", "Ring Ana back"]);

    // Done on the desktop: no longer due on the laptop either.
    for reminder in desktop.store.due_reminders().unwrap() {
        if reminder.kind == ReminderKind::Custom {
            desktop.store.complete_reminder(reminder.id).unwrap();
        }
    }
    rounds(&mut laptop, &mut desktop);
    laptop.clock.set(at(17));
    assert!(
        !still_to_ring(&laptop).contains(&ReminderKind::Custom),
        "{:?}",
        still_to_ring(&laptop)
    );
    assert_eq!(laptop.shared(), desktop.shared());
}

/// A known issue's reminder (its target day) dismissed on the laptop is not
/// rung on the desktop, which works it out too.
#[test]
fn a_known_issues_reminder_dismissed_on_one_computer_is_not_rung_on_the_other() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, _) = laptop_and_desktop(shared.path());
    laptop
        .store
        .create_known_issue(&crate::store::known_issues::IssueText {
            title: "Boxes too thin for tall cakes".into(),
            target_date: Some("2026-11-24".into()),
            ..Default::default()
        })
        .unwrap();
    rounds(&mut laptop, &mut desktop);
    let next_day = at(12) + chrono::Duration::days(1);
    laptop.clock.set(next_day);
    desktop.clock.set(next_day);
    let due = laptop.store.due_reminders().unwrap();
    let target = due
        .iter()
        .find(|reminder| reminder.kind == ReminderKind::IssueTargetDay)
        .expect("the target day is due");
    laptop.store.dismiss_reminder(target.id).unwrap();
    // The desktop rang nothing yet: it hears of the dismissal first.
    rounds(&mut laptop, &mut desktop);
    assert!(
        !still_to_ring(&desktop).contains(&ReminderKind::IssueTargetDay),
        "{:?}",
        still_to_ring(&desktop)
    );
}
