use chrono::{NaiveDate, TimeZone, Utc};

use super::period::span_of;
use super::*;
use crate::clock::FixedClock;
use crate::error::Error;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

#[test]
fn the_middle_and_the_90th_percentile_are_read_as_people_expect() {
    assert_eq!(median(&[]), None);
    assert_eq!(median(&[4.0]), Some(4.0));
    assert_eq!(median(&[1.0, 3.0]), Some(2.0));
    assert_eq!(median(&[1.0, 2.0, 10.0]), Some(2.0));
    assert_eq!(percentile_90(&[]), None);
    assert_eq!(percentile_90(&[5.0]), Some(5.0));
    let ten: Vec<f64> = (1..=10).map(f64::from).collect();
    assert_eq!(percentile_90(&ten), Some(9.0));
    let eleven: Vec<f64> = (1..=11).map(f64::from).collect();
    assert_eq!(percentile_90(&eleven), Some(10.0));
}

#[test]
fn each_choice_covers_the_days_an_owner_means_and_the_previous_period_is_as_long() {
    let today = day("2026-12-02");
    let thirty = span_of(&PeriodChoice::Last30Days, today).unwrap();
    assert_eq!((thirty.from, thirty.to), (day("2026-11-03"), today));
    assert_eq!(thirty.days(), 30);
    let before = thirty.previous();
    assert_eq!(
        (before.from, before.to),
        (day("2026-10-04"), day("2026-11-02"))
    );
    let year = span_of(&PeriodChoice::Last12Months, today).unwrap();
    assert_eq!((year.from, year.to), (day("2025-12-03"), today));
    assert_eq!(year.by(), BucketSize::Month);
    assert_eq!(thirty.by(), BucketSize::Week);
    let chosen = span_of(
        &PeriodChoice::Between {
            from: "2026-01-01".into(),
            to: "2026-03-31".into(),
        },
        today,
    )
    .unwrap();
    assert_eq!(chosen.days(), 90);
    let Err(Error::Fields(problems)) = span_of(
        &PeriodChoice::Between {
            from: "2026-03-31".into(),
            to: "2026-01-01".into(),
        },
        today,
    ) else {
        panic!("a period backwards is refused");
    };
    assert_eq!(
        problems[0].message,
        "The last day is before the first; please swap them."
    );
    assert!(span_of(
        &PeriodChoice::Between {
            from: "someday".into(),
            to: "2026-01-01".into()
        },
        today
    )
    .is_err());
}

#[test]
fn weeks_run_monday_to_sunday_and_months_are_cut_to_the_period() {
    let span = Span {
        from: day("2026-11-03"),
        to: day("2026-12-02"),
    };
    let weeks = span.buckets(BucketSize::Week);
    assert_eq!(
        (weeks[0].from, weeks[0].to),
        (day("2026-11-03"), day("2026-11-08"))
    );
    assert_eq!(
        (weeks[1].from, weeks[1].to),
        (day("2026-11-09"), day("2026-11-15"))
    );
    assert_eq!(weeks.last().unwrap().to, day("2026-12-02"));
    let months = Span {
        from: day("2025-12-03"),
        to: day("2026-12-02"),
    }
    .buckets(BucketSize::Month);
    assert_eq!(months.len(), 13);
    assert_eq!(
        (months[0].from, months[0].to),
        (day("2025-12-03"), day("2025-12-31"))
    );
    assert_eq!(
        (months[12].from, months[12].to),
        (day("2026-12-01"), day("2026-12-02"))
    );
}

#[test]
fn a_week_across_the_change_of_the_clocks_is_still_monday_midnight_to_monday_midnight() {
    // London goes from BST to GMT on Sunday 25 October 2026.
    let clock = FixedClock::in_zone(
        Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap(),
        chrono_tz::Europe::London,
    );
    let week = Span {
        from: day("2026-10-19"),
        to: day("2026-10-25"),
    };
    let (start, end) = week.instants(&clock);
    assert_eq!(
        start,
        Utc.with_ymd_and_hms(2026, 10, 18, 23, 0, 0).unwrap(),
        "midnight BST"
    );
    assert_eq!(
        end,
        Utc.with_ymd_and_hms(2026, 10, 26, 0, 0, 0).unwrap(),
        "midnight GMT"
    );
    assert_eq!((end - start).num_hours(), 7 * 24 + 1);
}
