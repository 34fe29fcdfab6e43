use super::*;
use crate::clock::FixedClock;
use chrono::{NaiveDateTime, TimeZone};
use chrono_tz::{Asia::Tokyo, Europe::Lisbon};

fn utc(text: &str) -> DateTime<Utc> {
    NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M")
        .unwrap()
        .and_utc()
}

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn open_complaint(received: &str) -> ComplaintState {
    ComplaintState {
        received_at: utc(received),
        severity: Severity::Normal,
        step: Step::Acknowledge,
        acknowledged_at: None,
        promised_date: None,
        fixed_at: None,
        last_outgoing_at: None,
        closed_at: None,
        check_in_date: None,
    }
}

fn promised(date: &str) -> ComplaintState {
    ComplaintState {
        step: Step::Fix,
        acknowledged_at: Some(utc("2026-01-01 10:00")),
        last_outgoing_at: Some(utc("2026-01-01 10:00")),
        promised_date: Some(day(date)),
        ..open_complaint("2026-01-01 09:00")
    }
}

fn due_of(state: &ComplaintState, clock: &FixedClock, kind: ReminderKind) -> Option<DateTime<Utc>> {
    derive(state, &ReminderSettings::default(), clock)
        .into_iter()
        .find(|(found, _)| *found == kind)
        .map(|(_, due)| due)
}

#[test]
fn a_new_complaint_is_to_be_acknowledged_four_hours_after_it_came_in() {
    let clock = FixedClock::at(utc("2026-11-23 09:00"));
    let state = open_complaint("2026-11-23 09:00");
    assert_eq!(
        derive(&state, &ReminderSettings::default(), &clock),
        vec![(ReminderKind::Acknowledge, utc("2026-11-23 13:00"))]
    );
}

#[test]
fn an_urgent_complaint_is_to_be_acknowledged_at_once() {
    let clock = FixedClock::at(utc("2026-11-23 09:00"));
    let state = ComplaintState {
        severity: Severity::Urgent,
        ..open_complaint("2026-11-23 09:00")
    };
    assert_eq!(
        due_of(&state, &clock, ReminderKind::Acknowledge),
        Some(utc("2026-11-23 09:00"))
    );
}

#[test]
fn a_promise_is_reminded_the_morning_before_and_the_morning_of() {
    let clock = FixedClock::at(utc("2026-11-23 09:00"));
    let state = promised("2026-11-27");
    assert_eq!(
        due_of(&state, &clock, ReminderKind::PromiseEve),
        Some(utc("2026-11-26 09:00"))
    );
    assert_eq!(
        due_of(&state, &clock, ReminderKind::PromiseDay),
        Some(utc("2026-11-27 09:00"))
    );
}

#[test]
fn the_day_before_the_first_of_the_month_is_the_last_of_the_previous() {
    let clock = FixedClock::at(utc("2026-11-23 09:00"));
    assert_eq!(
        due_of(&promised("2026-12-01"), &clock, ReminderKind::PromiseEve),
        Some(utc("2026-11-30 09:00"))
    );
    assert_eq!(
        due_of(&promised("2027-03-01"), &clock, ReminderKind::PromiseEve),
        Some(utc("2027-02-28 09:00"))
    );
}

#[test]
fn the_day_before_the_first_of_march_in_a_leap_year_is_the_leap_day() {
    let clock = FixedClock::at(utc("2028-02-20 09:00"));
    assert_eq!(
        due_of(&promised("2028-03-01"), &clock, ReminderKind::PromiseEve),
        Some(utc("2028-02-29 09:00"))
    );
}

#[test]
fn nine_in_the_morning_is_the_owners_nine_across_a_daylight_saving_change() {
    // Lisbon moves from UTC+0 to UTC+1 on 29 March 2026.
    let clock = FixedClock::in_zone(utc("2026-03-20 09:00"), Lisbon);
    let state = promised("2026-03-29");
    assert_eq!(
        due_of(&state, &clock, ReminderKind::PromiseEve),
        Some(utc("2026-03-28 09:00"))
    );
    assert_eq!(
        due_of(&state, &clock, ReminderKind::PromiseDay),
        Some(utc("2026-03-29 08:00"))
    );
}

#[test]
fn nine_in_the_morning_in_tokyo_is_midnight_utc() {
    let clock = FixedClock::in_zone(utc("2026-11-23 09:00"), Tokyo);
    assert_eq!(
        due_of(&promised("2026-11-27"), &clock, ReminderKind::PromiseDay),
        Some(utc("2026-11-27 00:00"))
    );
}

#[test]
fn a_fix_is_followed_up_three_days_later_and_the_promise_reminders_stop() {
    let clock = FixedClock::at(utc("2026-11-23 09:00"));
    let state = ComplaintState {
        step: Step::FollowUp,
        fixed_at: Some(utc("2026-11-25 15:00")),
        ..promised("2026-11-27")
    };
    assert_eq!(
        derive(&state, &ReminderSettings::default(), &clock),
        vec![(ReminderKind::FollowUp, utc("2026-11-28 15:00"))]
    );
}

#[test]
fn an_update_is_due_when_nothing_went_out_for_three_days() {
    let clock = FixedClock::at(utc("2026-11-23 09:00"));
    let state = ComplaintState {
        last_outgoing_at: Some(utc("2026-11-20 16:00")),
        ..promised("2026-12-10")
    };
    assert_eq!(
        due_of(&state, &clock, ReminderKind::Update),
        Some(utc("2026-11-23 16:00"))
    );
}

#[test]
fn a_closed_complaint_needs_only_its_check_in_and_only_when_wanted() {
    let clock = FixedClock::at(utc("2026-11-23 09:00"));
    let closed = ComplaintState {
        step: Step::Close,
        closed_at: Some(utc("2026-11-23 09:00")),
        ..promised("2026-11-20")
    };
    assert!(derive(&closed, &ReminderSettings::default(), &clock).is_empty());
    let wanted = ReminderSettings {
        check_in_enabled: true,
        ..ReminderSettings::default()
    };
    assert_eq!(
        derive(&closed, &wanted, &clock),
        vec![(ReminderKind::CheckIn, utc("2026-12-23 09:00"))]
    );
    let chosen = ComplaintState {
        check_in_date: Some(day("2027-01-15")),
        ..closed
    };
    assert_eq!(
        derive(&chosen, &ReminderSettings::default(), &clock),
        vec![(ReminderKind::CheckIn, utc("2027-01-15 09:00"))]
    );
}

#[test]
fn snoozing_for_an_hour_is_an_hour_of_real_time_even_when_clocks_change() {
    // 00:30 UTC on 25 October 2026 is 01:30 in Lisbon, the hour that happens twice.
    let clock = FixedClock::in_zone(utc("2026-10-25 00:30"), Lisbon);
    assert_eq!(
        snooze_end(&Snooze::Hour, &clock),
        Some(utc("2026-10-25 01:30"))
    );
}

#[test]
fn tomorrow_means_nine_tomorrow_where_the_owner_is() {
    let clock = FixedClock::in_zone(utc("2026-11-23 23:30"), Tokyo);
    // It is already 08:30 on the 24th in Tokyo, so tomorrow is the 25th.
    assert_eq!(
        snooze_end(&Snooze::Tomorrow, &clock),
        Some(
            Tokyo
                .with_ymd_and_hms(2026, 11, 25, 9, 0, 0)
                .unwrap()
                .with_timezone(&Utc)
        )
    );
    let end_of_month = FixedClock::at(utc("2026-01-31 18:00"));
    assert_eq!(
        snooze_end(&Snooze::Tomorrow, &end_of_month),
        Some(utc("2026-02-01 09:00"))
    );
    let leap = FixedClock::at(utc("2028-02-28 18:00"));
    assert_eq!(
        snooze_end(&Snooze::Tomorrow, &leap),
        Some(utc("2028-02-29 09:00"))
    );
}

#[test]
fn next_week_means_next_monday_morning() {
    let wednesday = FixedClock::at(utc("2026-11-25 15:00"));
    assert_eq!(
        snooze_end(&Snooze::NextWeek, &wednesday),
        Some(utc("2026-11-30 09:00"))
    );
    let monday = FixedClock::at(utc("2026-11-23 08:00"));
    assert_eq!(
        snooze_end(&Snooze::NextWeek, &monday),
        Some(utc("2026-11-30 09:00"))
    );
}

#[test]
fn a_notification_says_what_to_do_then_who_and_what_about() {
    let (title, body) = message(
        ReminderKind::PromiseDay,
        "",
        Some("Ana Lima"),
        Some("Cake arrived squashed"),
    );
    assert_eq!(title, "A promise is due today");
    assert_eq!(body, "Ana Lima: Cake arrived squashed");
    let (title, _) = message(
        ReminderKind::Custom,
        "Call the courier\nabout the box",
        None,
        None,
    );
    assert_eq!(title, "Reminder: Call the courier");
}

#[test]
fn many_reminders_at_once_become_one_summary() {
    let names: Vec<String> = ["Ana", "Bruno", "Ana", "Carla", "Dora"]
        .iter()
        .map(|n| n.to_string())
        .collect();
    let (title, body) = summary_message(5, &names);
    assert_eq!(title, "5 reminders are due");
    assert_eq!(
        body,
        "For Ana, Bruno, Carla and 1 more. Open Mend to see them."
    );
}
