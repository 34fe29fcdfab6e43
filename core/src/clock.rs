//! The one way the core reads the time, so that tests can choose the instant
//! and the owner's time zone.

use chrono::{DateTime, Duration, Local, LocalResult, NaiveDate, NaiveDateTime, TimeZone, Utc};
use std::sync::Mutex;

pub trait Clock: Send + Sync {
    fn now(&self) -> DateTime<Utc>;

    /// The owner's wall-clock time at `instant`, in the machine's time zone.
    fn local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.with_timezone(&Local).naive_local()
    }

    /// The instant the owner's clock shows `wall` (see `resolve`).
    fn instant_of(&self, wall: NaiveDateTime) -> DateTime<Utc> {
        resolve(&Local, wall)
    }

    /// The owner's calendar day now.
    fn today(&self) -> NaiveDate {
        self.local(self.now()).date()
    }
}

/// A wall-clock time as an instant in `zone`. When the clocks go back and the
/// time happens twice, the first; when they go forward and it never happens,
/// the same time one hour on (9:00 in a gap becomes 10:00).
pub fn resolve<Z: TimeZone>(zone: &Z, wall: NaiveDateTime) -> DateTime<Utc> {
    match zone.from_local_datetime(&wall) {
        LocalResult::Single(time) | LocalResult::Ambiguous(time, _) => time.with_timezone(&Utc),
        LocalResult::None => match zone.from_local_datetime(&(wall + Duration::hours(1))) {
            LocalResult::Single(time) | LocalResult::Ambiguous(time, _) => time.with_timezone(&Utc),
            // No zone skips two hours in a row; fall back to reading it as UTC.
            LocalResult::None => wall.and_utc(),
        },
    }
}

/// The real time, for the app.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }
}

/// A clock that says what the test tells it to, in a chosen time zone.
#[derive(Debug)]
pub struct FixedClock {
    now: Mutex<DateTime<Utc>>,
    zone: chrono_tz::Tz,
}

impl FixedClock {
    /// At `instant`, for an owner in UTC.
    pub fn at(instant: DateTime<Utc>) -> Self {
        Self::in_zone(instant, chrono_tz::UTC)
    }

    /// At `instant`, for an owner in `zone` (such as `chrono_tz::Europe::Lisbon`).
    pub fn in_zone(instant: DateTime<Utc>, zone: chrono_tz::Tz) -> Self {
        FixedClock {
            now: Mutex::new(instant),
            zone,
        }
    }

    pub fn set(&self, instant: DateTime<Utc>) {
        *self.now.lock().unwrap_or_else(|e| e.into_inner()) = instant;
    }
}

impl Clock for FixedClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn local(&self, instant: DateTime<Utc>) -> NaiveDateTime {
        instant.with_timezone(&self.zone).naive_local()
    }

    fn instant_of(&self, wall: NaiveDateTime) -> DateTime<Utc> {
        resolve(&self.zone, wall)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono_tz::Europe::Lisbon;

    fn wall(text: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(text, "%Y-%m-%d %H:%M").unwrap()
    }

    fn utc(text: &str) -> DateTime<Utc> {
        wall(text).and_utc()
    }

    #[test]
    fn a_wall_time_in_summer_is_an_hour_ahead_of_utc_in_lisbon() {
        assert_eq!(
            resolve(&Lisbon, wall("2026-07-01 09:00")),
            utc("2026-07-01 08:00")
        );
        assert_eq!(
            resolve(&Lisbon, wall("2026-12-01 09:00")),
            utc("2026-12-01 09:00")
        );
    }

    #[test]
    fn a_time_skipped_when_clocks_go_forward_moves_an_hour_on() {
        // Lisbon: 29 March 2026, 01:00 becomes 02:00.
        assert_eq!(
            resolve(&Lisbon, wall("2026-03-29 01:30")),
            utc("2026-03-29 01:30")
        );
    }

    #[test]
    fn a_time_that_happens_twice_when_clocks_go_back_is_the_first() {
        // Lisbon: 25 October 2026, 02:00 goes back to 01:00.
        assert_eq!(
            resolve(&Lisbon, wall("2026-10-25 01:30")),
            utc("2026-10-25 00:30")
        );
    }

    #[test]
    fn today_is_the_owners_day_not_utcs() {
        let clock = FixedClock::in_zone(utc("2026-11-23 23:30"), chrono_tz::Asia::Tokyo);
        assert_eq!(
            clock.today(),
            NaiveDate::from_ymd_opt(2026, 11, 24).unwrap()
        );
    }
}
