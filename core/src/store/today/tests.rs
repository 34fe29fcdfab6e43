use super::*;
use crate::journey::Step;
use crate::kinds::Severity;
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
