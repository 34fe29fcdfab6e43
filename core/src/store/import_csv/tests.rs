use std::sync::Arc;

use super::*;
use crate::store::test_support::at;
use crate::FixedClock;

fn store() -> Store {
    Store::open_in_memory(Arc::new(FixedClock::at(at(9)))).unwrap()
}

/// What an owner's old spreadsheet looks like: Excel's BOM and line ends,
/// a quoted note with a comma and a line break, day/month/year dates.
const MESSY: &str = "\u{feff}Customer name,E-mail,Date received,Complaint summary,What they said,Priority\r\n\
    Ana Lima,ana@example.com,25/12/2025,Cake squashed,\"It was for Christmas, and\r\nit was ruined\",High\r\n\
    Bruno Costa,,03/01/2026 14:30,Late parcel,,\r\n\
    Zoë 李,,13/01/2026,Crème brûlée 🎂,,urgent\r\n";

fn mapping_for(sheet: &Sheet) -> Vec<Field> {
    preview(sheet).guesses
}

#[test]
fn a_messy_spreadsheet_is_read_with_its_columns_guessed() {
    let sheet = read_sheet(MESSY.as_bytes()).unwrap();
    let preview = preview(&sheet);
    assert_eq!(
        preview.guesses,
        [
            Field::CustomerName,
            Field::Email,
            Field::ReceivedAt,
            Field::Summary,
            Field::CustomerWords,
            Field::Severity
        ]
    );
    assert_eq!(preview.total_rows, 3);
    assert_eq!(
        preview.first_rows[0][4],
        "It was for Christmas, and\r\nit was ruined"
    );
    assert_eq!(
        preview.date_orders,
        [DateOrder::DayMonthYear],
        "25/12 can only be day first"
    );
    assert_eq!(
        sheet.rows[1].0, 3,
        "the row a spreadsheet shows, even after a line break in quotes"
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let mut store = store();
    let sheet = read_sheet(MESSY.as_bytes()).unwrap();
    let mapping = mapping_for(&sheet);
    let first = store
        .import_csv(&sheet, &mapping, Some(DateOrder::DayMonthYear))
        .unwrap();
    assert_eq!(
        (first.imported, first.already_there, first.problems.len()),
        (3, 0, 0)
    );
    let again = store
        .import_csv(&sheet, &mapping, Some(DateOrder::DayMonthYear))
        .unwrap();
    assert_eq!((again.imported, again.already_there), (0, 3));

    let query = crate::store::list::ComplaintQuery {
        limit: 10,
        ..Default::default()
    };
    let listed = store.list_complaints(&query).unwrap().items;
    assert_eq!(listed.len(), 3);
    let bruno = listed
        .iter()
        .find(|c| c.customer_name == "Bruno Costa")
        .unwrap();
    assert_eq!(
        crate::dates::stamp(bruno.received_at),
        "2026-01-03T14:30:00.000Z"
    );
    let zoe = listed.iter().find(|c| c.customer_name == "Zoë 李").unwrap();
    assert_eq!(zoe.summary, "Crème brûlée 🎂");
    assert!(zoe.urgent);
}

#[test]
fn ambiguous_dates_are_read_the_way_the_owner_says() {
    let text = "Name,Date,Summary\nAna,05/03/2025,Late\n";
    let sheet = read_sheet(text.as_bytes()).unwrap();
    assert_eq!(
        preview(&sheet).date_orders,
        [DateOrder::DayMonthYear, DateOrder::MonthDayYear]
    );
    let mapping = mapping_for(&sheet);
    assert!(store()
        .import_csv(&sheet, &mapping, None)
        .unwrap_err()
        .to_string()
        .contains("how the dates are written"));
    let mut store = store();
    store
        .import_csv(&sheet, &mapping, Some(DateOrder::MonthDayYear))
        .unwrap();
    let query = crate::store::list::ComplaintQuery {
        limit: 10,
        ..Default::default()
    };
    let received = store.list_complaints(&query).unwrap().items[0].received_at;
    assert_eq!(crate::dates::stamp(received), "2025-05-03T12:00:00.000Z");
}

#[test]
fn every_problem_row_is_listed_with_its_line_and_nothing_is_imported() {
    let text = "Name,Date,Summary,Priority\n\
                Ana,2025-03-05,Late,\n\
                Bruno,2025-03-06,,\n\
                Carla,yesterday,Cold,\n\
                Dora,2025-03-07,Broken,whenever\n";
    let sheet = read_sheet(text.as_bytes()).unwrap();
    let mapping = mapping_for(&sheet);
    let mut store = store();
    let report = store
        .import_csv(&sheet, &mapping, Some(DateOrder::Iso))
        .unwrap();
    let lines: Vec<u64> = report.problems.iter().map(|p| p.line).collect();
    assert_eq!(lines, [3, 4, 5]);
    assert!(
        report.problems[0].reason.contains("summary"),
        "{:?}",
        report.problems[0]
    );
    assert!(report.problems[1]
        .reason
        .contains("\"yesterday\" is not a date"));
    assert!(report.problems[2]
        .reason
        .contains("\"whenever\" is not a severity"));
    assert_eq!(report.imported, 0);
    assert!(
        store.list_customers("", 0, 10).unwrap().is_empty(),
        "all or nothing"
    );
}

#[test]
fn a_file_that_is_not_text_or_has_no_header_is_refused_in_words() {
    let err = read_sheet(&[0xff, 0xfe, 0x00, 0x41]).unwrap_err();
    assert!(err.to_string().contains("not UTF-8"), "{err}");
    let err = read_sheet(b"\n").unwrap_err();
    assert!(err.to_string().contains("no header row"), "{err}");
}
