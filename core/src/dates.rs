//! Dates and times the owner gives: parsed strictly, refused in plain words.

use chrono::{DateTime, Datelike, Duration, NaiveDate, SecondsFormat, Utc};

use crate::error::{Error, Result};

/// A moment may be this far ahead of the clock (a laptop's clock drifts).
const FUTURE_SLACK: Duration = Duration::minutes(5);
/// The earliest year a complaint, a contact or a step may be dated.
const EARLIEST_YEAR: i32 = 1990;

/// A moment in RFC 3339 (the UI converts the owner's local time), or now when empty.
/// A moment in the future is refused: it has not happened yet.
pub(crate) fn past_instant(
    value: Option<&str>,
    what: &str,
    now: DateTime<Utc>,
) -> Result<DateTime<Utc>> {
    let value = value.map(str::trim).unwrap_or("");
    if value.is_empty() {
        return Ok(now);
    }
    let instant = DateTime::parse_from_rfc3339(value)
        .map_err(|_| {
            Error::InvalidInput(format!(
                "The {what} \"{value}\" is not a valid date and time."
            ))
        })?
        .with_timezone(&Utc);
    // Before Mend's owners were in business, or a slip of the keyboard.
    if instant.year() < EARLIEST_YEAR {
        return Err(Error::InvalidInput(format!(
            "The {what} is before {EARLIEST_YEAR}; please check the year."
        )));
    }
    if instant > now + FUTURE_SLACK {
        return Err(Error::InvalidInput(format!(
            "The {what} is in the future; please give a time that has already passed."
        )));
    }
    Ok(instant)
}

/// A calendar day as YYYY-MM-DD, the form a date picker gives.
pub(crate) fn day(value: &str, what: &str) -> Result<NaiveDate> {
    let value = value.trim();
    if value.is_empty() {
        return Err(Error::InvalidInput(format!("Please choose the {what}.")));
    }
    NaiveDate::parse_from_str(value, "%Y-%m-%d").map_err(|_| {
        Error::InvalidInput(format!(
            "The {what} \"{value}\" is not a valid date; please pick one from the calendar."
        ))
    })
}

/// A day that may not come before `earliest` (a promise before the call it
/// was made in, a check-in before the close): one rule and one wording for
/// every such date, whether the step is written down now or after the fact.
pub(crate) fn not_before(day: NaiveDate, earliest: NaiveDate, what: &str) -> Result<NaiveDate> {
    if day < earliest {
        return Err(Error::InvalidInput(format!(
            "The {what} is before the day it was given; please choose that day or a later one."
        )));
    }
    Ok(day)
}

/// Times are stored as RFC 3339 in UTC, so that text order is time order.
pub(crate) fn stamp(instant: DateTime<Utc>) -> String {
    instant.to_rfc3339_opts(SecondsFormat::Millis, true)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap()
    }

    #[test]
    fn an_empty_moment_means_now() {
        assert_eq!(past_instant(None, "time", now()).unwrap(), now());
        assert_eq!(past_instant(Some(" "), "time", now()).unwrap(), now());
    }

    #[test]
    fn a_moment_with_an_offset_is_kept_as_the_same_instant() {
        let parsed = past_instant(Some("2026-11-23T10:30:00+01:00"), "time", now()).unwrap();
        assert_eq!(
            parsed,
            Utc.with_ymd_and_hms(2026, 11, 23, 9, 30, 0).unwrap()
        );
    }

    #[test]
    fn a_future_moment_is_refused() {
        let err = past_instant(Some("2026-11-24T12:00:00Z"), "time received", now()).unwrap_err();
        assert!(err.to_string().contains("in the future"), "{err}");
    }

    #[test]
    fn invalid_dates_are_refused_in_plain_words() {
        for bad in ["yesterday", "2026-02-30T10:00:00Z", "2026-13-01T00:00:00Z"] {
            let err = past_instant(Some(bad), "time received", now()).unwrap_err();
            assert!(err.to_string().contains("not a valid date"), "{bad}: {err}");
        }
        for bad in ["2026-02-29", "29/02/2028", "soon"] {
            let err = day(bad, "promised date").unwrap_err();
            assert!(err.to_string().contains("not a valid date"), "{bad}: {err}");
        }
        assert_eq!(
            day("2028-02-29", "promised date").unwrap(),
            NaiveDate::from_ymd_opt(2028, 2, 29).unwrap()
        );
    }
}
