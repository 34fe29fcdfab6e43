use super::*;
use crate::journey::Step;
use crate::kinds::Severity;
use crate::reminders::ReminderKind;
use crate::store::complaints::NewComplaint;
use crate::store::test_support::{at, entry, phone_complaint, store_at, walk_to};

fn names(section: &[ComplaintSummary]) -> Vec<&str> {
    section.iter().map(|item| item.summary.as_str()).collect()
}

#[test]
fn complaints_to_acknowledge_are_urgent_first_then_oldest() {
    let (mut store, clock) = store_at(at(8));
    store
        .create_complaint(&phone_complaint("Ana", "oldest"))
        .unwrap();
    clock.set(at(9));
    store
        .create_complaint(&phone_complaint("Bruno", "newer"))
        .unwrap();
    clock.set(at(10));
    let urgent = NewComplaint {
        severity: Some(Severity::Urgent),
        ..phone_complaint("Carla", "urgent")
    };
    store.create_complaint(&urgent).unwrap();
    let acknowledged = store
        .create_complaint(&phone_complaint("Dora", "acknowledged"))
        .unwrap()
        .id;
    walk_to(&mut store, acknowledged, Step::Apologize);
    assert_eq!(
        names(&store.today().unwrap().to_acknowledge),
        ["urgent", "oldest", "newer"]
    );
}

#[test]
fn promises_due_today_or_overdue_are_listed_until_fixed() {
    let (mut store, clock) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "promised"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Fix);
    assert!(
        store.today().unwrap().promises_due.is_empty(),
        "due on the 27th"
    );
    clock.set(at(9) + chrono::Duration::days(4));
    assert_eq!(names(&store.today().unwrap().promises_due), ["promised"]);
    store.record_step(id, Step::Fix, &entry(Step::Fix)).unwrap();
    let today = store.today().unwrap();
    assert!(today.promises_due.is_empty());
    assert_eq!(names(&today.to_follow_up), ["promised"]);
}

#[test]
fn customers_not_updated_for_three_days_are_listed() {
    let (mut store, clock) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "quiet"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Apologize);
    clock.set(at(9) + chrono::Duration::days(3) - chrono::Duration::minutes(1));
    assert!(store.today().unwrap().to_update.is_empty());
    clock.set(at(9) + chrono::Duration::days(3) + chrono::Duration::minutes(1));
    assert_eq!(names(&store.today().unwrap().to_update), ["quiet"]);
    store
        .record_step(id, Step::Apologize, &entry(Step::Apologize))
        .unwrap();
    assert!(
        store.today().unwrap().to_update.is_empty(),
        "the apology went out"
    );
}

/// A weekend away: a complaint to acknowledge from Friday, an urgent one
/// from Saturday, a promise that fell due on Sunday, a follow-up to do.
#[test]
fn after_a_weekend_away_the_urgent_complaint_comes_first_then_the_late_promise() {
    use crate::store::reminders::NewReminder;
    // Friday 27 November 2026, 10:00.
    let friday = at(10) + chrono::Duration::days(4);
    let (mut store, clock) = store_at(friday - chrono::Duration::days(4));
    let promised = store
        .create_complaint(&phone_complaint("Ana", "promised for Friday"))
        .unwrap()
        .id;
    walk_to(&mut store, promised, Step::Fix);
    let followed = store
        .create_complaint(&phone_complaint("Bruno", "fixed, to follow up"))
        .unwrap()
        .id;
    walk_to(&mut store, followed, Step::FollowUp);
    clock.set(friday);
    let quiet = store
        .create_complaint(&phone_complaint("Carla", "came in on Friday"))
        .unwrap()
        .id;
    store
        .add_reminder(&NewReminder {
            complaint_id: Some(quiet),
            due_at: "2026-11-28T09:00:00Z".into(),
            note: "Call Carla".into(),
        })
        .unwrap();
    clock.set(friday + chrono::Duration::days(1));
    let urgent = NewComplaint {
        severity: Some(Severity::Urgent),
        ..phone_complaint("Dora", "allergic reaction")
    };
    store.create_complaint(&urgent).unwrap();
    // Monday morning.
    clock.set(friday + chrono::Duration::days(3) - chrono::Duration::hours(1));

    let today = store.today().unwrap();
    let entries: Vec<(&str, Why, Step)> = today
        .entries
        .iter()
        .map(|entry| (entry.complaint.summary.as_str(), entry.why, entry.step))
        .collect();
    assert_eq!(
        entries,
        [
            (
                "allergic reaction",
                Why::UrgentToAcknowledge,
                Step::Acknowledge
            ),
            ("promised for Friday", Why::PromiseDue, Step::Fix),
            ("came in on Friday", Why::ToAcknowledge, Step::Acknowledge),
            ("fixed, to follow up", Why::ToFollowUp, Step::FollowUp),
        ]
    );
    let carla = &today.entries[2];
    let kinds: Vec<ReminderKind> = carla.reminders.iter().map(|r| r.kind).collect();
    assert_eq!(
        kinds,
        [ReminderKind::Acknowledge, ReminderKind::Custom],
        "her reminders are with her complaint, not on their own"
    );
    let promise: Vec<ReminderKind> = today.entries[1].reminders.iter().map(|r| r.kind).collect();
    assert!(promise.contains(&ReminderKind::PromiseDay), "{promise:?}");
    assert!(
        !promise.contains(&ReminderKind::PromiseEve),
        "the eve of the promise was replaced by its day: {promise:?}"
    );
    assert!(today.own_reminders.is_empty());
}

#[test]
fn a_reminder_replaced_by_a_later_one_goes_away_by_itself() {
    let (mut store, clock) = store_at(at(9));
    let id = store
        .create_complaint(&phone_complaint("Ana", "promised"))
        .unwrap()
        .id;
    walk_to(&mut store, id, Step::Fix);
    // The eve of the 27th: only the eve is due.
    clock.set(at(9) + chrono::Duration::days(3));
    let due: Vec<ReminderKind> = store
        .due_reminders()
        .unwrap()
        .iter()
        .map(|r| r.kind)
        .collect();
    assert!(due.contains(&ReminderKind::PromiseEve), "{due:?}");
    // The day itself: the eve goes away, notified or not.
    clock.set(at(9) + chrono::Duration::days(4));
    store.retire_replaced_reminders().unwrap();
    let open: Vec<ReminderKind> = store
        .complaint_reminders(id)
        .unwrap()
        .iter()
        .map(|r| r.kind)
        .collect();
    assert!(!open.contains(&ReminderKind::PromiseEve), "{open:?}");
    assert!(open.contains(&ReminderKind::PromiseDay), "{open:?}");
}
