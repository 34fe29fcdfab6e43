use super::*;
use crate::kinds::{CloseReason, Direction};
use crate::reminders::ReminderSettings;
use crate::store::journey::{Closing, StepEntry};
use crate::store::test_support::{at, entry, phone_complaint, store_at, walk_to};
use crate::store::timeline::NewContact;
use std::sync::Arc;

fn kinds(reminders: &[Reminder]) -> Vec<ReminderKind> {
    reminders.iter().map(|reminder| reminder.kind).collect()
}

#[test]
fn a_new_complaint_is_reminded_to_be_acknowledged_and_acknowledging_completes_it() {
    let (mut store, clock) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana Lima", "Cake squashed"))
        .unwrap()
        .id;
    let open = store.complaint_reminders(id).unwrap();
    assert_eq!(kinds(&open), [ReminderKind::Acknowledge]);
    assert_eq!(open[0].due_at, at(13));
    assert!(store.due_reminders().unwrap().is_empty());

    clock.set(at(13));
    let due = store.reminders_to_notify().unwrap();
    assert_eq!(due[0].title, "Acknowledge a new complaint");
    assert_eq!(due[0].body, "Ana Lima: Cake squashed");
    store
        .record_step(id, Step::Acknowledge, &entry(Step::Acknowledge))
        .unwrap();
    assert!(store.due_reminders().unwrap().is_empty());
    assert_eq!(
        kinds(&store.complaint_reminders(id).unwrap()),
        [ReminderKind::Update]
    );
}

#[test]
fn each_reminder_is_notified_once_even_after_a_restart() {
    let folder = tempfile::tempdir().unwrap();
    let clock = Arc::new(crate::FixedClock::at(at(9)));
    let mut store = Store::open_in(folder.path(), clock.clone()).unwrap();
    store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap();
    clock.set(at(14));
    let due = store.reminders_to_notify().unwrap();
    assert_eq!(due.len(), 1);
    store.mark_notified(&due[..1]).unwrap();
    assert!(store.reminders_to_notify().unwrap().is_empty());
    drop(store);

    let store = Store::open_in(folder.path(), clock.clone()).unwrap();
    assert!(
        store.reminders_to_notify().unwrap().is_empty(),
        "not again after a restart"
    );
    assert_eq!(
        store.due_reminders().unwrap().len(),
        1,
        "still shown until done"
    );
}

#[test]
fn moving_the_promised_date_moves_its_reminders_and_they_ring_again() {
    let (mut store, clock) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Fix);
    let promise_day = |store: &Store| {
        store
            .complaint_reminders(id)
            .unwrap()
            .into_iter()
            .find(|reminder| reminder.kind == ReminderKind::PromiseDay)
            .unwrap()
    };
    assert_eq!(
        promise_day(&store).due_at,
        at(9) + chrono::Duration::days(4)
    );

    clock.set(at(9) + chrono::Duration::days(4));
    let due = store.reminders_to_notify().unwrap();
    store.mark_notified(&due).unwrap();
    store.record_step(id, Step::Fix, &entry(Step::Fix)).unwrap();
    let unhappy = StepEntry {
        satisfaction: Some(2),
        satisfied: Some(false),
        ..entry(Step::FollowUp)
    };
    store.record_step(id, Step::FollowUp, &unhappy).unwrap();
    let later = StepEntry {
        promised_date: Some("2026-12-04".into()),
        ..entry(Step::Assure)
    };
    store.record_step(id, Step::Assure, &later).unwrap();
    let moved = promise_day(&store);
    assert_eq!(
        moved.due_at.date_naive(),
        chrono::NaiveDate::from_ymd_opt(2026, 12, 4).unwrap()
    );
    assert!(!moved.notified);
}

#[test]
fn closing_a_complaint_completes_its_open_reminders() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Fix);
    assert!(!store.complaint_reminders(id).unwrap().is_empty());
    let closing = Closing {
        reason: CloseReason::Withdrawn,
        note: String::new(),
        root_cause: "Mixed-up order".into(),
        preventive_action: String::new(),
        check_in_date: None,
        cause_id: None,
        issue: Default::default(),
    };
    store.close_complaint(id, &closing).unwrap();
    assert!(store.complaint_reminders(id).unwrap().is_empty());
}

#[test]
fn a_check_in_chosen_at_close_is_a_reminder() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Close);
    let closing = Closing {
        reason: CloseReason::Resolved,
        note: String::new(),
        root_cause: "Thin box".into(),
        preventive_action: String::new(),
        check_in_date: Some("2026-12-23".into()),
        cause_id: None,
        issue: Default::default(),
    };
    store.close_complaint(id, &closing).unwrap();
    let open = store.complaint_reminders(id).unwrap();
    assert_eq!(kinds(&open), [ReminderKind::CheckIn]);
    assert_eq!(open[0].step, Some(Step::Close));
}

#[test]
fn snoozed_until_tomorrow_it_rings_again_at_nine() {
    let (mut store, clock) = store_at(at(9));
    store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap();
    clock.set(at(14));
    let due = store.reminders_to_notify().unwrap();
    store.mark_notified(&due[..1]).unwrap();
    let snoozed = store.snooze_reminder(due[0].id, &Snooze::Tomorrow).unwrap();
    assert_eq!(snoozed.due_at, at(9) + chrono::Duration::days(1));
    assert!(store.due_reminders().unwrap().is_empty());
    clock.set(at(9) + chrono::Duration::days(1));
    assert_eq!(store.reminders_to_notify().unwrap().len(), 1, "rings again");
}

#[test]
fn a_snooze_while_the_desktop_is_being_told_still_rings_at_its_new_time() {
    let (mut store, clock) = store_at(at(9));
    store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap();
    clock.set(at(14));
    // The scheduler reads what is due, and tells the desktop...
    let due = store.reminders_to_notify().unwrap();
    assert_eq!(due.len(), 1);
    // ...while the owner snoozes that reminder from the window...
    store.snooze_reminder(due[0].id, &Snooze::Tomorrow).unwrap();
    // ...and only then marks what it told.
    store.mark_notified(&due).unwrap();

    clock.set(at(9) + chrono::Duration::days(1));
    let again = store.reminders_to_notify().unwrap();
    assert_eq!(again.len(), 1, "the snoozed reminder rings again");
    assert_eq!(again[0].id, due[0].id);
    assert_eq!(again[0].due_at, at(9) + chrono::Duration::days(1));
}

#[test]
fn a_dismissed_reminder_does_not_come_back_on_an_unrelated_change() {
    let (mut store, clock) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap()
        .id;
    clock.set(at(14));
    let due = store.due_reminders().unwrap();
    store.dismiss_reminder(due[0].id).unwrap();
    let note = NewContact {
        direction: Direction::Note,
        channel: crate::kinds::Channel::Phone,
        at: None,
        text: "Called the courier".into(),
    };
    store.add_contact(id, &note).unwrap();
    assert!(store.due_reminders().unwrap().is_empty());
    let err = store.dismiss_reminder(due[0].id).unwrap_err();
    assert_eq!(err.code(), "refused");
    assert!(
        err.to_string().contains("already done or dismissed"),
        "{err}"
    );
}

#[test]
fn custom_reminders_need_a_note_and_a_time_to_come() {
    let (mut store, _) = store_at(at(9));
    let past = NewReminder {
        complaint_id: None,
        due_at: "2026-11-23T08:00:00Z".into(),
        note: "Call".into(),
    };
    assert!(store
        .add_reminder(&past)
        .unwrap_err()
        .to_string()
        .contains("already passed"));
    let bad = NewReminder {
        complaint_id: None,
        due_at: "tomorrow".into(),
        note: "Call".into(),
    };
    assert!(store
        .add_reminder(&bad)
        .unwrap_err()
        .to_string()
        .contains("valid date"));
    let empty = NewReminder {
        complaint_id: None,
        due_at: "2026-11-23T10:00:00Z".into(),
        note: " ".into(),
    };
    let err = store.add_reminder(&empty).unwrap_err();
    assert!(
        err.to_string().contains("Please write the reminder's note"),
        "{err}"
    );
    let fine = NewReminder {
        complaint_id: None,
        due_at: "2026-11-23T10:00:00Z".into(),
        note: "Call the courier".into(),
    };
    let saved = store.add_reminder(&fine).unwrap();
    assert_eq!(saved.title, "Reminder: Call the courier");
    assert_eq!(store.next_reminder_at().unwrap(), Some(at(10)));
}

#[test]
fn changing_the_delays_moves_the_reminders_that_follow_them() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap()
        .id;
    let quicker = ReminderSettings {
        acknowledge_after_hours: 1,
        ..ReminderSettings::default()
    };
    store.save_reminder_settings(&quicker).unwrap();
    assert_eq!(store.complaint_reminders(id).unwrap()[0].due_at, at(10));
    let silly = ReminderSettings {
        update_after_days: 0,
        ..ReminderSettings::default()
    };
    assert!(store
        .save_reminder_settings(&silly)
        .unwrap_err()
        .to_string()
        .contains("between 1 and 60"));
}

#[test]
fn up_to_three_due_together_are_notified_each_and_more_as_one_summary() {
    let (mut store, clock) = store_at(at(9));
    for name in ["Ana", "Bruno", "Carla", "Dora"] {
        store
            .create_complaint(&phone_complaint(name, "late"))
            .unwrap();
    }
    clock.set(at(14));
    let due = store.reminders_to_notify().unwrap();
    assert_eq!(notifications_for(&due[..3]).len(), 3);
    assert_eq!(
        notifications_for(&due),
        vec![(
            "4 reminders are due".to_owned(),
            "For Ana, Bruno, Carla and 1 more. Open Mend to see them.".to_owned()
        )]
    );
}

#[test]
fn a_write_says_whether_reminders_changed_so_the_scheduler_can_be_woken() {
    let (mut store, clock) = store_at(at(9));
    assert!(
        store.take_reminders_changed(),
        "a store just opened is news"
    );
    assert!(!store.take_reminders_changed(), "taken once");

    let id = store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap()
        .id;
    assert!(
        store.take_reminders_changed(),
        "a new complaint is to be acknowledged"
    );

    store
        .save_settings(&crate::store::settings::Settings {
            business_name: "Lima Cakes".into(),
            owner_name: "Rui".into(),
            currency: None,
        })
        .unwrap();
    assert!(!store.take_reminders_changed(), "names change no reminder");

    let note = NewContact {
        direction: Direction::Note,
        channel: crate::kinds::Channel::Phone,
        at: None,
        text: "Called the courier".into(),
    };
    store.add_contact(id, &note).unwrap();
    assert!(
        !store.take_reminders_changed(),
        "an internal note moves no reminder"
    );

    clock.set(at(14));
    let due = store.reminders_to_notify().unwrap();
    store.snooze_reminder(due[0].id, &Snooze::Hour).unwrap();
    assert!(store.take_reminders_changed(), "a snooze moves one");

    store
        .record_step(id, Step::Acknowledge, &entry(Step::Acknowledge))
        .unwrap();
    assert!(
        store.take_reminders_changed(),
        "acknowledging completes one"
    );
}

#[test]
fn a_due_time_written_another_way_is_still_marked_notified_once() {
    let (mut store, clock) = store_at(at(9));
    store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap();
    // As an export written by hand, or by another program, may hold it.
    store
        .conn
        .execute("UPDATE reminders SET due_at = '2026-11-23T13:00:00Z'", [])
        .unwrap();
    clock.set(at(14));
    let due = store.reminders_to_notify().unwrap();
    assert_eq!(due.len(), 1);
    store.mark_notified(&due).unwrap();
    assert!(store.reminders_to_notify().unwrap().is_empty());
}

#[test]
fn a_reminder_set_on_a_complaint_is_in_its_history() {
    let (mut store, _) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "late"))
        .unwrap()
        .id;
    store
        .add_reminder(&NewReminder {
            complaint_id: Some(id),
            due_at: "2026-11-24T09:00:00Z".into(),
            note: "Call Ana".into(),
        })
        .unwrap();
    let history = store.complaint(id).unwrap().history;
    assert_eq!(history.len(), 2, "{history:?}");
    assert!(
        history[1]
            .what
            .starts_with("Set a reminder for 2026-11-24T09:00:00"),
        "{history:?}"
    );
}

#[test]
fn the_summary_of_due_reminders_counts_them_and_changes_when_they_do() {
    let (mut store, clock) = store_at(at(9));
    let empty = store.due_summary().unwrap();
    assert_eq!(empty.count, 0);
    for (name, summary) in [("Ana", "late"), ("Ben", "cold"), ("Eva", "burnt")] {
        store
            .create_complaint(&phone_complaint(name, summary))
            .unwrap();
    }
    assert_eq!(store.due_summary().unwrap(), empty, "none due yet");

    clock.set(at(14));
    let three = store.due_summary().unwrap();
    assert_eq!(three.count, store.due_reminders().unwrap().len());
    assert_eq!(three.count, 3);
    assert_eq!(
        store.due_summary().unwrap(),
        three,
        "the same while nothing changes"
    );

    let due = store.due_reminders().unwrap();
    store.complete_reminder(due[1].id).unwrap();
    let two = store.due_summary().unwrap();
    assert_eq!(two.count, 2);
    assert_ne!(two.signature, three.signature);

    // Another one due in its place: as many, but not the same ones.
    store
        .create_complaint(&phone_complaint("Rui", "missing"))
        .unwrap();
    clock.set(at(18) + chrono::Duration::minutes(1));
    store.complete_reminder(due[0].id).unwrap();
    let other_two = store.due_summary().unwrap();
    assert_eq!(other_two.count, 2);
    assert_ne!(other_two.signature, two.signature);

    // A deleted complaint's reminders are not counted (nor shown).
    let complaint = store.due_reminders().unwrap()[0].complaint_id.unwrap();
    store.delete_complaint(complaint).unwrap();
    let one = store.due_summary().unwrap();
    assert_eq!(one.count, 1);
    assert_eq!(store.due_reminders().unwrap().len(), 1);
}
