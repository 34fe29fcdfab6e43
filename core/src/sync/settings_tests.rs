//! The owner's settings and wording on two computers: the first computer's
//! are the starting point, a change on either reaches the other (the
//! reminder delays moving the reminders there too), and each computer's
//! own settings stay its own.

use std::sync::Arc;

use super::test_computers::{computer, laptop_and_desktop, rounds, Computer};
use super::SyncSession;
use crate::clock::FixedClock;
use crate::journey::Step;
use crate::reminders::ReminderKind;
use crate::store::preferences::DesktopSettings;
use crate::store::settings::Settings;
use crate::store::test_support::at;
use crate::Store;

fn named(business: &str, owner: &str) -> Settings {
    Settings {
        business_name: business.into(),
        owner_name: owner.into(),
        currency: Some("GBP".into()),
    }
}

#[test]
fn the_first_computers_settings_and_wording_are_the_starting_point_for_one_joining() {
    let shared = tempfile::tempdir().unwrap();
    let mut laptop = computer(shared.path());
    laptop
        .store
        .save_settings(&named("Ana's Bakes", "Ana"))
        .unwrap();
    laptop
        .store
        .save_template(Step::Apologize, "I am so sorry about your {summary}.")
        .unwrap();
    laptop.round();

    // The desktop had its own names before it joined.
    let data = tempfile::tempdir().unwrap();
    let clock = Arc::new(FixedClock::at(at(9)));
    let mut store = Store::open_in(data.path(), clock.clone()).unwrap();
    store.save_settings(&named("Bakery", "")).unwrap();
    let sync = SyncSession::open(&mut store, shared.path()).unwrap();
    let mut desktop = Computer {
        _data: data,
        store,
        sync,
        clock,
    };
    for _ in 0..2 {
        desktop.round();
        laptop.round();
    }
    for on in [&laptop, &desktop] {
        let settings = on.store.settings().unwrap();
        assert_eq!(settings.business_name, "Ana's Bakes");
        assert_eq!(settings.owner_name, "Ana");
        assert_eq!(settings.currency.as_deref(), Some("GBP"));
        let apology = on.store.template(Step::Apologize).unwrap();
        assert_eq!(apology.body, "I am so sorry about your {summary}.");
        assert!(!apology.is_default);
    }
}

#[test]
fn a_change_on_either_reaches_the_other_and_reminders_follow_the_delays() {
    let shared = tempfile::tempdir().unwrap();
    let (mut laptop, mut desktop, _) = laptop_and_desktop(shared.path());
    // Acknowledge within an hour, not four: the complaint of 9:00 is due at 10:00.
    let mut delays = desktop.store.reminder_settings().unwrap();
    delays.acknowledge_after_hours = 1;
    desktop.store.save_reminder_settings(&delays).unwrap();
    desktop.store.reset_template(Step::Acknowledge).unwrap();
    desktop
        .store
        .save_desktop_settings(&DesktopSettings {
            keep_running_in_tray: false,
            start_at_login: true,
        })
        .unwrap();
    rounds(&mut laptop, &mut desktop);

    assert_eq!(
        laptop
            .store
            .reminder_settings()
            .unwrap()
            .acknowledge_after_hours,
        1
    );
    laptop.clock.set(at(10) + chrono::Duration::minutes(5));
    let due: Vec<ReminderKind> = laptop
        .store
        .due_reminders()
        .unwrap()
        .iter()
        .map(|reminder| reminder.kind)
        .collect();
    assert_eq!(due, [ReminderKind::Acknowledge], "moved on the laptop too");
    assert!(
        !laptop.store.desktop_settings().unwrap().start_at_login,
        "starting at login is each computer's own"
    );
}
