//! Patterns on hand-built data whose answers are known.

use std::sync::Arc;

use chrono::{DateTime, TimeZone, Utc};

use super::*;
use crate::clock::FixedClock;
use crate::journey::Step;
use crate::kinds::{Channel, CloseReason, Remedy};
use crate::store::complaints::NewComplaint;
use crate::store::journey::{Closing, StepEntry};
use crate::store::list::ComplaintQuery;
use crate::store::test_support::{cause_id, phone_complaint};

fn utc(text: &str) -> DateTime<Utc> {
    Utc.from_utc_datetime(&chrono::NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap())
}

fn store_at(text: &str) -> (Store, Arc<FixedClock>) {
    let clock = Arc::new(FixedClock::at(utc(text)));
    (Store::open_in_memory(clock.clone()).unwrap(), clock)
}

fn between(from: &str, to: &str) -> PeriodChoice {
    PeriodChoice::Between {
        from: from.into(),
        to: to.into(),
    }
}

/// A complaint received now from `customer` (an existing one by id, or new).
fn complaint(store: &mut Store, customer: Result<i64, &str>, summary: &str) -> i64 {
    let new = match customer {
        Ok(id) => NewComplaint {
            customer_id: Some(id),
            new_customer: None,
            ..phone_complaint("", summary)
        },
        Err(name) => phone_complaint(name, summary),
    };
    store.create_complaint(&new).unwrap().id
}

fn record(store: &mut Store, id: i64, step: Step, entry: StepEntry) {
    store.record_step(id, step, &entry).unwrap();
}

fn said(text: &str) -> StepEntry {
    StepEntry {
        text: text.into(),
        ..StepEntry::default()
    }
}

fn close(store: &mut Store, id: i64, cause_id: Option<i64>) {
    store
        .close_complaint(
            id,
            &Closing {
                reason: CloseReason::Resolved,
                note: String::new(),
                root_cause: "Why".into(),
                preventive_action: String::new(),
                check_in_date: None,
                cause_id,
                issue: Default::default(),
            },
        )
        .unwrap();
}

#[test]
fn an_empty_mend_has_nothing_to_show_and_nothing_fails() {
    let (store, _) = store_at("2026-12-02 12:00");
    let patterns = store.patterns(&PeriodChoice::Last90Days).unwrap();
    assert_eq!(patterns.total.this, 0);
    assert_eq!(patterns.total.previous, 0);
    assert!(patterns.over_time.iter().all(|bar| bar.this == 0));
    assert!(patterns.by_category.is_empty());
    assert!(patterns.causes_by_count.is_empty());
    assert_eq!(patterns.acknowledge.median_hours, None);
    assert_eq!(patterns.resolve.p90_hours, None);
    assert_eq!(patterns.satisfaction_average, None);
    assert_eq!(patterns.promises[0].this + patterns.promises[1].this, 0);
    assert_eq!(patterns.by, BucketSize::Week, "90 days by week");
}

#[test]
fn one_complaint_walked_through_gives_every_figure_its_known_answer() {
    let (mut store, clock) = store_at("2026-11-02 09:00");
    let packaging = cause_id(&store, "Packaging");
    let id = complaint(&mut store, Err("Ana Lima"), "Cake squashed");
    clock.set(utc("2026-11-02 11:00"));
    record(&mut store, id, Step::Acknowledge, said("I hear you"));
    record(&mut store, id, Step::Apologize, said("Sorry"));
    record(
        &mut store,
        id,
        Step::Assure,
        StepEntry {
            promised_date: Some("2026-11-04".into()),
            ..said("New cake")
        },
    );
    clock.set(utc("2026-11-04 10:00"));
    record(
        &mut store,
        id,
        Step::Fix,
        StepEntry {
            remedy: Some(Remedy::Replacement),
            cost: Some("25.50".into()),
            ..said("Baked")
        },
    );
    record(
        &mut store,
        id,
        Step::FollowUp,
        StepEntry {
            satisfaction: Some(4),
            satisfied: Some(true),
            ..said("Lovely")
        },
    );
    clock.set(utc("2026-11-05 09:00"));
    close(&mut store, id, Some(packaging));
    clock.set(utc("2026-11-30 12:00"));

    let patterns = store.patterns(&PeriodChoice::Last30Days).unwrap();
    assert_eq!(patterns.total.this, 1);
    assert_eq!(patterns.acknowledge.median_hours, Some(2.0));
    assert_eq!(patterns.acknowledge.p90_hours, Some(2.0));
    assert_eq!(patterns.resolve.median_hours, Some(72.0));
    assert_eq!(
        (patterns.promises[0].this, patterns.promises[1].this),
        (1, 0),
        "kept on its day"
    );
    assert_eq!(patterns.satisfaction[3].this, 1);
    assert_eq!(patterns.satisfaction_average, Some(4.0));
    assert_eq!(patterns.causes_by_count[0].label, "Packaging");
    assert_eq!(patterns.causes_by_count[0].this, 1);
    assert_eq!(patterns.causes_by_cost[0].this, 2550);
    assert_eq!(patterns.cost.this, 2550);
    assert_eq!(patterns.by_channel[0].label, "Phone");
    assert_eq!(patterns.by_visibility[1].this, 1, "in private");
    assert_eq!(patterns.reopened.this, 0);
    assert_eq!(patterns.repeat_customers.this, 0);
    let behind = store
        .complaints_behind(&Behind {
            period: PeriodChoice::Last30Days,
            slice: Slice::Cause {
                id: Some(packaging),
            },
        })
        .unwrap();
    assert_eq!(behind, [id]);
}

#[test]
fn a_reopened_complaint_an_open_one_and_a_missed_promise_count_as_they_should() {
    let (mut store, clock) = store_at("2026-11-10 09:00");
    let unhappy = complaint(&mut store, Err("Ben Ode"), "Bread stale");
    let still_open = complaint(&mut store, Err("Cleo Park"), "Tart late");
    clock.set(utc("2026-11-10 10:00"));
    for id in [unhappy, still_open] {
        record(&mut store, id, Step::Acknowledge, said("Heard"));
        record(&mut store, id, Step::Apologize, said("Sorry"));
        record(
            &mut store,
            id,
            Step::Assure,
            StepEntry {
                promised_date: Some("2026-11-12".into()),
                ..said("Soon")
            },
        );
    }
    clock.set(utc("2026-11-14 10:00"));
    record(
        &mut store,
        unhappy,
        Step::Fix,
        StepEntry {
            remedy: Some(Remedy::Refund),
            ..said("Refunded")
        },
    );
    record(
        &mut store,
        unhappy,
        Step::FollowUp,
        StepEntry {
            satisfaction: Some(2),
            satisfied: Some(false),
            ..said("Still cross")
        },
    );
    clock.set(utc("2026-12-02 12:00"));

    let patterns = store.patterns(&PeriodChoice::Last30Days).unwrap();
    assert_eq!(patterns.total.this, 2);
    assert_eq!(
        patterns.reopened.this, 1,
        "unhappy at the follow-up: it came back"
    );
    assert_eq!(patterns.resolve.count, 0, "neither is closed");
    assert_eq!(patterns.resolve.median_hours, None);
    assert_eq!(patterns.acknowledge.count, 2);
    // Fixed two days late, and not fixed at all with its day gone by.
    assert_eq!(
        (patterns.promises[0].this, patterns.promises[1].this),
        (0, 2)
    );
    let missed = store
        .complaints_behind(&Behind {
            period: PeriodChoice::Last30Days,
            slice: Slice::PromiseMissed,
        })
        .unwrap();
    assert_eq!(missed.len(), 2);
    // The Complaints list shows exactly those, and counts them.
    let query = ComplaintQuery {
        behind: Some(Behind {
            period: PeriodChoice::Last30Days,
            slice: Slice::Reopened,
        }),
        limit: 50,
        ..ComplaintQuery::default()
    };
    let page = store.list_complaints(&query).unwrap();
    assert_eq!(
        page.items.iter().map(|c| c.id).collect::<Vec<_>>(),
        [unhappy]
    );
    assert_eq!(store.count_complaints(&query).unwrap(), 1);
}

#[test]
fn a_complaint_open_at_the_end_of_an_earlier_period_is_not_resolved_in_it() {
    let (mut store, clock) = store_at("2026-10-10 09:00");
    let id = complaint(&mut store, Err("Ana"), "Cake squashed");
    clock.set(utc("2026-11-05 10:00"));
    store
        .close_complaint(
            id,
            &Closing {
                reason: CloseReason::Withdrawn,
                note: "She never called back".into(),
                root_cause: "Unclear".into(),
                preventive_action: String::new(),
                check_in_date: None,
                cause_id: None,
                issue: Default::default(),
            },
        )
        .unwrap();
    clock.set(utc("2026-12-02 12:00"));
    let october = store
        .patterns(&between("2026-10-01", "2026-10-31"))
        .unwrap();
    assert_eq!(october.total.this, 1);
    assert_eq!(october.resolve.count, 0, "still open on 31 October");
    let autumn = store
        .patterns(&between("2026-10-01", "2026-11-30"))
        .unwrap();
    assert_eq!(autumn.resolve.count, 1);
    assert_eq!(autumn.causes_by_count[0].label, "Not recorded");
}

#[test]
fn weeks_across_the_change_of_the_clocks_count_by_the_owners_calendar() {
    // London: BST until 01:00 UTC on Sunday 25 October 2026, then GMT.
    let clock = Arc::new(FixedClock::in_zone(
        utc("2026-10-18 23:30"),
        chrono_tz::Europe::London,
    ));
    let mut store = Store::open_in_memory(clock.clone()).unwrap();
    // 00:30 on Monday 19 October, London time: the first week.
    complaint(&mut store, Err("Ana"), "First");
    // 23:30 on Sunday 25 October, GMT: still the first week.
    clock.set(utc("2026-10-25 23:30"));
    complaint(&mut store, Err("Ben"), "Second");
    // 00:30 on Monday 26 October: the second week.
    clock.set(utc("2026-10-26 00:30"));
    complaint(&mut store, Err("Cleo"), "Third");
    clock.set(utc("2026-11-02 12:00"));
    let patterns = store
        .patterns(&between("2026-10-19", "2026-11-01"))
        .unwrap();
    assert_eq!(patterns.by, BucketSize::Week);
    let weeks: Vec<(&str, i64)> = patterns
        .over_time
        .iter()
        .map(|bar| (bar.label.as_str(), bar.this))
        .collect();
    assert_eq!(
        weeks,
        [("Week of 19 Oct 2026", 2), ("Week of 26 Oct 2026", 1)]
    );
    // The week before: 12 to 18 October, nothing in it.
    assert_eq!(patterns.previous_period.from.to_string(), "2026-10-05");
    assert_eq!(patterns.total.previous, 0);
}

#[test]
fn repeat_customers_categories_costs_and_the_previous_period_are_side_by_side() {
    let (mut store, clock) = store_at("2026-09-20 09:00");
    let ana = complaint(&mut store, Err("Ana Lima"), "Earlier squash");
    let ana_customer = store.complaint(ana).unwrap().customer.id;
    clock.set(utc("2026-11-20 09:00"));
    let again = complaint(&mut store, Ok(ana_customer), "Squashed again");
    complaint(&mut store, Err("Ben Ode"), "Once only");
    clock.set(utc("2026-11-21 09:00"));
    record(&mut store, again, Step::Acknowledge, said("Heard"));
    record(&mut store, again, Step::Apologize, said("Sorry"));
    record(
        &mut store,
        again,
        Step::Assure,
        StepEntry {
            promised_date: Some("2026-11-22".into()),
            ..said("Soon")
        },
    );
    record(
        &mut store,
        again,
        Step::Fix,
        StepEntry {
            remedy: Some(Remedy::Refund),
            cost: Some("10".into()),
            ..said("Refunded")
        },
    );
    clock.set(utc("2026-12-02 12:00"));
    let patterns = store.patterns(&PeriodChoice::Last30Days).unwrap();
    assert_eq!((patterns.total.this, patterns.total.previous), (2, 0));
    assert_eq!(patterns.repeat_customers.this, 1);
    assert_eq!(patterns.repeat_list[0].name, "Ana Lima");
    assert_eq!(patterns.repeat_list[0].complaints, 2);
    assert_eq!(patterns.cost.this, 1000);
    let months: Vec<(&str, i64)> = patterns
        .cost_over_time
        .iter()
        .map(|bar| (bar.label.as_str(), bar.this))
        .collect();
    assert_eq!(
        months,
        [("Nov 2026", 1000), ("Dec 2026", 0)],
        "costs by month, even over 30 days"
    );
    assert_eq!(patterns.cost_by_category[0].label, "No category");
    let behind = store
        .complaints_behind(&Behind {
            period: PeriodChoice::Last30Days,
            slice: Slice::RepeatCustomers,
        })
        .unwrap();
    assert_eq!(
        behind,
        [again],
        "only this period's complaints of the repeat customer"
    );
    let ninety = store.patterns(&PeriodChoice::Last90Days).unwrap();
    assert_eq!(ninety.total.this, 3);
    assert_eq!(
        ninety.by_channel,
        vec![Bar {
            label: "Phone".into(),
            slice: Slice::Channel {
                channel: Channel::Phone
            },
            this: 3,
            previous: 0
        }]
    );
}

#[test]
fn the_figures_go_to_a_spreadsheet_with_both_periods() {
    let (mut store, clock) = store_at("2026-11-20 09:00");
    complaint(&mut store, Err("=Ana"), "Squashed");
    clock.set(utc("2026-12-02 12:00"));
    let folder = tempfile::tempdir().unwrap();
    let target = folder.path().join("patterns.csv");
    let rows = store
        .export_patterns_csv(&PeriodChoice::Last30Days, &target)
        .unwrap();
    assert!(rows > 10);
    let text = std::fs::read_to_string(&target).unwrap();
    let mut lines = text.trim_start_matches('\u{feff}').lines();
    assert_eq!(
        lines.next(),
        Some("Figure,What,2026-11-03 to 2026-12-02,2026-10-04 to 2026-11-02")
    );
    assert_eq!(lines.next(), Some("Complaints,Complaints,1,0"));
    assert!(text.contains("Hours to acknowledge,Median,,"));
    assert!(!folder.path().join("patterns.partial").exists());
}

#[test]
fn the_period_before_is_cut_as_this_one_and_its_weeks_add_up_to_its_total() {
    // 30 days to Wednesday 2 December start on a Tuesday; the 30 before
    // start on a Sunday and would have six weeks of their own.
    let (mut store, clock) = store_at("2026-10-04 09:00");
    for day in [
        "2026-10-04 09:00",
        "2026-10-12 09:00",
        "2026-10-31 09:00",
        "2026-11-02 20:00",
    ] {
        clock.set(utc(day));
        complaint(&mut store, Err("Ana"), "Squashed");
    }
    clock.set(utc("2026-12-02 12:00"));
    let patterns = store.patterns(&PeriodChoice::Last30Days).unwrap();
    assert_eq!(patterns.total.previous, 4);
    let weeks: i64 = patterns.over_time.iter().map(|bar| bar.previous).sum();
    assert_eq!(weeks, 4, "{:?}", patterns.over_time);
}
