//! Helpers shared by the store's tests: a store at a chosen instant and
//! complaints walked to a chosen step.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};

use super::complaints::NewComplaint;
use super::customers::CustomerInput;
use super::journey::StepEntry;
use super::Store;
use crate::clock::FixedClock;
use crate::journey::Step;
use crate::kinds::{Channel, Remedy, Severity};

/// 23 November 2026 at `hour`:00 UTC.
pub fn at(hour: u32) -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap()
}

pub fn store_at(instant: DateTime<Utc>) -> (Store, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::at(instant));
    (Store::open_in_memory(clock.clone()).unwrap(), clock)
}

/// A phone complaint from a new customer, received now.
pub fn phone_complaint(customer: &str, summary: &str) -> NewComplaint {
    NewComplaint {
        new_customer: Some(CustomerInput {
            name: customer.into(),
            ..CustomerInput::default()
        }),
        channel: Some(Channel::Phone),
        summary: summary.into(),
        severity: Some(Severity::Normal),
        ..NewComplaint::default()
    }
}

/// A valid entry for `step`.
pub fn entry(step: Step) -> StepEntry {
    let mut entry = StepEntry {
        text: format!("{} done", step.title()),
        ..StepEntry::default()
    };
    match step {
        Step::Assure => entry.promised_date = Some("2026-11-27".into()),
        Step::Fix => entry.remedy = Some(Remedy::Replacement),
        Step::FollowUp => {
            entry.satisfaction = Some(5);
            entry.satisfied = Some(true);
        }
        _ => {}
    }
    entry
}

/// Records every step before `next`, so that `next` is the step to do.
pub fn walk_to(store: &mut Store, id: i64, next: Step) {
    for step in [
        Step::Acknowledge,
        Step::Apologize,
        Step::Assure,
        Step::Fix,
        Step::FollowUp,
    ] {
        if step >= next {
            break;
        }
        store.record_step(id, step, &entry(step)).unwrap();
    }
}

/// The summaries of the newest complaints, the newest first.
pub fn summaries(store: &Store) -> Vec<String> {
    let query = super::list::ComplaintQuery {
        limit: 50,
        ..Default::default()
    };
    store
        .list_complaints(&query)
        .unwrap()
        .items
        .into_iter()
        .map(|c| c.summary)
        .collect()
}

/// The id of the cause named `name` in the owner's list.
pub fn cause_id(store: &Store, name: &str) -> i64 {
    store
        .list_items(super::lists::ListKind::Causes)
        .unwrap()
        .into_iter()
        .find(|cause| cause.name == name)
        .unwrap_or_else(|| panic!("no cause {name:?}"))
        .id
}

/// A small photo (a PNG of 60 by 40 pixels, darker to the right).
pub fn small_photo() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(60, 40, |x, _| image::Rgb([200 - x as u8 * 2, 120, 90]));
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Png,
        )
        .unwrap();
    bytes
}
