//! Reading the dates of a spreadsheet. An ISO date (2025-03-01) is always
//! read as ISO. For the others, the order (day first or month first) is
//! worked out from the rows that can only be read one way; only a file
//! whose every such date could be either asks, naming those rows.

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

/// How the dates that are not ISO are written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DateOrder {
    /// Every date is 2024-03-05: there is nothing to choose.
    Iso,
    /// 05/03/2024 is 5 March.
    DayMonthYear,
    /// 03/05/2024 is 5 March.
    MonthDayYear,
}

/// What Mend made of a date column.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateFinding {
    /// The order worked out; None when the owner must say.
    pub order: Option<DateOrder>,
    /// A row that shows the order worked out, and its date as written.
    pub shown_by: Option<(u64, String)>,
    /// When the owner must say: the rows whose dates read either way.
    pub ambiguous_rows: Vec<u64>,
}

/// How one date as written can be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Iso,
    /// Day first or month first gives the same day (03/03/2025).
    Same,
    DayFirst,
    MonthFirst,
    Either,
    Neither,
}

fn split_time(value: &str) -> (&str, Option<&str>) {
    match value.trim().split_once([' ', 'T']) {
        Some((day, time)) => (day, Some(time.trim())),
        None => (value.trim(), None),
    }
}

fn time_of(time: Option<&str>) -> Option<NaiveTime> {
    match time {
        // A date with no time is taken as midday, so no time zone moves it
        // to another day.
        None | Some("") => NaiveTime::from_hms_opt(12, 0, 0),
        Some(time) => [
            "%H:%M:%S",
            "%H:%M",
            "%I:%M:%S %p",
            "%I:%M %p",
            "%I:%M%p",
            "%I %p",
        ]
        .iter()
        .find_map(|format| NaiveTime::parse_from_str(time, format).ok()),
    }
}

/// The first reading of `day` in `formats` with a year written in full:
/// "05/03/25" is not taken for the year 25.
fn day_in(day: &str, formats: &[&str]) -> Option<NaiveDate> {
    formats
        .iter()
        .find_map(|format| NaiveDate::parse_from_str(day, format).ok())
        .filter(|date| date.year() >= 1900)
}

/// Whether a date is written with a two-digit year, to say so plainly.
pub fn has_short_year(value: &str) -> bool {
    let (day, _) = split_time(value);
    let parts: Vec<&str> = day.split(['/', '.', '-']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|part| part.chars().all(|c| c.is_ascii_digit()))
        && parts[0].len() <= 2
        && parts[2].len() == 2
}

const ISO: &[&str] = &["%Y-%m-%d", "%Y/%m/%d"];
const DAY_FIRST: &[&str] = &["%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"];
const MONTH_FIRST: &[&str] = &["%m/%d/%Y", "%m-%d-%Y"];

fn reading(value: &str) -> Reading {
    let (day, time) = split_time(value);
    if time_of(time).is_none() {
        return Reading::Neither;
    }
    if day_in(day, ISO).is_some() {
        return Reading::Iso;
    }
    let day_first = day_in(day, DAY_FIRST);
    let month_first = day_in(day, MONTH_FIRST);
    match (day_first, month_first) {
        (Some(a), Some(b)) if a == b => Reading::Same,
        (Some(_), Some(_)) => Reading::Either,
        (Some(_), None) => Reading::DayFirst,
        (None, Some(_)) => Reading::MonthFirst,
        (None, None) => Reading::Neither,
    }
}

/// Reads a date (and maybe a time): ISO whatever `order` says; the others
/// the `order` way.
pub fn parse_date(value: &str, order: DateOrder) -> Option<NaiveDateTime> {
    let (day, time) = split_time(value);
    let time = time_of(time)?;
    let formats = match order {
        DateOrder::Iso => &[][..],
        DateOrder::DayMonthYear => DAY_FIRST,
        DateOrder::MonthDayYear => MONTH_FIRST,
    };
    let date = day_in(day, ISO).or_else(|| day_in(day, formats))?;
    Some(date.and_time(time))
}

/// Works out how the dates of `values` (each with its row) are written.
pub fn find_order(values: &[(u64, &str)]) -> DateFinding {
    let mut day_first = Vec::new();
    let mut month_first = Vec::new();
    let mut either = Vec::new();
    for &(row, value) in values {
        if value.trim().is_empty() {
            continue;
        }
        match reading(value) {
            Reading::DayFirst => day_first.push((row, value)),
            Reading::MonthFirst => month_first.push((row, value)),
            Reading::Either => either.push(row),
            Reading::Iso | Reading::Same | Reading::Neither => {}
        }
    }
    // The rows that can be read one way only decide; where they disagree,
    // the most of them do, and the others are listed when imported.
    let decided = match (day_first.first(), month_first.first()) {
        (None, None) => None,
        (Some(first), _) if day_first.len() >= month_first.len() => {
            Some((DateOrder::DayMonthYear, *first))
        }
        (_, Some(first)) => Some((DateOrder::MonthDayYear, *first)),
        (Some(first), None) => Some((DateOrder::DayMonthYear, *first)),
    };
    match decided {
        Some((order, (row, value))) => DateFinding {
            order: Some(order),
            shown_by: Some((row, value.trim().to_owned())),
            ambiguous_rows: Vec::new(),
        },
        None if either.is_empty() => DateFinding {
            order: Some(DateOrder::Iso),
            shown_by: None,
            ambiguous_rows: Vec::new(),
        },
        None => DateFinding {
            order: None,
            shown_by: None,
            ambiguous_rows: either,
        },
    }
}
