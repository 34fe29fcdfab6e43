use std::sync::Arc;

use super::*;
use crate::kinds::{CloseReason, Direction, Severity};
use crate::store::list::ComplaintQuery;
use crate::store::rows::ComplaintSummary;
use crate::store::test_support::at;
use crate::FixedClock;

fn store() -> Store {
    Store::open_in_memory(Arc::new(FixedClock::at(at(9)))).unwrap()
}

fn sheet(text: &str) -> Sheet {
    read_sheet(text.as_bytes()).unwrap()
}

/// The choices an owner makes by accepting every guess.
fn as_guessed(sheet: &Sheet) -> CsvChoices {
    let preview = preview(sheet);
    CsvChoices {
        mapping: preview.guesses,
        order: preview.dates.order,
        no_customer_column: false,
    }
}

fn listed(store: &Store) -> Vec<ComplaintSummary> {
    let query = ComplaintQuery {
        limit: 50,
        ..Default::default()
    };
    let mut items = store.list_complaints(&query).unwrap().items;
    items.reverse();
    items
}

/// What an owner's old spreadsheet looks like: Excel's BOM and line ends,
/// a quoted note with a comma and a line break, day/month/year dates.
const MESSY: &str = "\u{feff}Customer name,E-mail,Date received,Complaint summary,What they said,Priority\r\n\
    Ana Lima,ana@example.com,25/12/2025,Cake squashed,\"It was for Christmas, and\r\nit was ruined\",High\r\n\
    Bruno Costa,,03/01/2026 14:30,Late parcel,,\r\n\
    Zoë 李,,13/01/2026,Crème brûlée 🎂,,urgent\r\n";

#[test]
fn a_messy_spreadsheet_is_read_with_its_columns_guessed() {
    let sheet = sheet(MESSY);
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
    assert_eq!(preview.dates.order, Some(DateOrder::DayMonthYear));
    assert_eq!(
        preview.dates.shown_by,
        Some((2, "25/12/2025".into())),
        "25/12 can only be day first"
    );
    assert_eq!(
        sheet.rows[1].0, 3,
        "the row a spreadsheet shows, even after a line break in quotes"
    );
}

/// Headers from real spreadsheets, and what a person would take each for.
#[test]
fn headers_are_read_as_a_person_would() {
    let cases: &[(&str, Field)] = &[
        ("Customer", Field::CustomerName),
        ("Client name", Field::CustomerName),
        ("Full Name", Field::CustomerName),
        ("Email address", Field::Email),
        ("E-mail", Field::Email),
        ("Mobile", Field::Phone),
        ("Phone number", Field::Phone),
        ("Date", Field::ReceivedAt),
        ("Date received", Field::ReceivedAt),
        ("When", Field::ReceivedAt),
        ("Subject", Field::Summary),
        ("Summary", Field::Summary),
        ("What happened", Field::CustomerWords),
        ("Description", Field::CustomerWords),
        ("Complaint details", Field::CustomerWords),
        ("Complaint", Field::CustomerWords),
        ("Problem", Field::CustomerWords),
        ("Issue", Field::CustomerWords),
        ("What they want", Field::DesiredOutcome),
        ("Outcome wanted", Field::DesiredOutcome),
        ("Order #", Field::Reference),
        ("Order number", Field::Reference),
        ("Invoice", Field::Reference),
        ("Category", Field::Category),
        ("Type", Field::Category),
        ("Priority", Field::Severity),
        ("Urgency", Field::Severity),
        ("Channel", Field::Channel),
        ("Submitted via", Field::Channel),
        ("Notes", Field::Note),
        ("My notes", Field::Note),
        ("Comments", Field::Note),
        ("Internal remarks", Field::Note),
        ("Status", Field::Status),
        ("Resolved?", Field::Status),
        ("Complaint ID", Field::Reference),
        ("Reference", Field::Reference),
        ("Review", Field::CustomerWords),
        ("Posted", Field::ReceivedAt),
        ("Customer ID", Field::Reference),
        ("Order date", Field::Ignore),
        ("Received by", Field::Ignore),
        ("Favourite colour", Field::Ignore),
    ];
    for (header, expected) in cases {
        let one = Sheet {
            headers: vec![(*header).into()],
            rows: Vec::new(),
        };
        assert_eq!(guesses(&one), [*expected], "{header}");
    }
}

/// The US CFPB's public consumer-complaint export: its column names as
/// published, and rows shaped like its data.
const CFPB: &str = "Date received,Product,Sub-product,Issue,Sub-issue,Consumer complaint narrative,\
Company public response,Company,State,ZIP code,Tags,Consumer consent provided?,Submitted via,\
Date sent to company,Company response to consumer,Timely response?,Consumer disputed?,Complaint ID\n\
2025-03-04,Credit card,General-purpose credit card,Problem with a purchase shown on your statement,\
Card was charged for something you did not purchase,\"I was charged twice for the same order and the \
store will not refund the second charge. I have asked three times.\",Company has responded to the consumer,\
EXAMPLE BANK,CA,90210,,Consent provided,Web,2025-03-04,Closed with monetary relief,Yes,N/A,12345678\n\
2025-03-05,Checking or savings account,Checking account,Managing an account,Deposits and withdrawals,\
\"My deposit did not show up for nine days, and nobody could tell me why.\",,EXAMPLE BANK,NY,10001,\
Older American,Consent provided,Phone,2025-03-06,In progress,Yes,N/A,12345679\n";

#[test]
fn the_cfpb_export_is_read_with_each_field_from_its_best_column() {
    let sheet = sheet(CFPB);
    let guessed = preview(&sheet).guesses;
    let by_header: Vec<(&str, Field)> = sheet
        .headers
        .iter()
        .map(String::as_str)
        .zip(guessed.iter().copied())
        .collect();
    assert_eq!(
        by_header,
        [
            ("Date received", Field::ReceivedAt),
            ("Product", Field::Reference),
            ("Sub-product", Field::Ignore),
            ("Issue", Field::Summary),
            ("Sub-issue", Field::Ignore),
            ("Consumer complaint narrative", Field::CustomerWords),
            ("Company public response", Field::Ignore),
            ("Company", Field::Ignore),
            ("State", Field::Ignore),
            ("ZIP code", Field::Ignore),
            ("Tags", Field::Ignore),
            ("Consumer consent provided?", Field::Ignore),
            ("Submitted via", Field::Channel),
            ("Date sent to company", Field::Ignore),
            ("Company response to consumer", Field::Status),
            ("Timely response?", Field::Ignore),
            ("Consumer disputed?", Field::Ignore),
            ("Complaint ID", Field::Ignore),
        ]
    );

    // It names no customer: imported once the owner says so.
    let mut store = store();
    let refused = store.import_csv(&sheet, &as_guessed(&sheet)).unwrap_err();
    assert!(
        refused.to_string().contains("names no customer"),
        "{refused}"
    );
    let choices = CsvChoices {
        no_customer_column: true,
        ..as_guessed(&sheet)
    };
    let report = store.import_csv(&sheet, &choices).unwrap();
    assert_eq!((report.imported, report.closed), (2, 1), "{report:?}");
    let complaints = listed(&store);
    assert_eq!(
        complaints[0].summary,
        "Problem with a purchase shown on your statement"
    );
    assert_eq!(complaints[0].customer_name, UNKNOWN_CUSTOMER);
    assert_eq!(complaints[1].customer_name, UNKNOWN_CUSTOMER);
    assert_ne!(
        complaints[0].customer_id, complaints[1].customer_id,
        "one unknown customer per row, each renamed on its own"
    );
    assert!(
        complaints[0].closed_at.is_some(),
        "closed with monetary relief"
    );
    assert!(complaints[1].closed_at.is_none(), "in progress");
    let first = store.complaint(complaints[0].id).unwrap();
    assert!(first.customer_words.starts_with("I was charged twice"));
    assert_eq!(first.reference, "Credit card");
    assert_eq!(
        crate::dates::stamp(first.summary.received_at),
        "2025-03-04T12:00:00.000Z"
    );
}

#[test]
fn the_owners_notes_are_an_internal_note_never_the_customers_words() {
    let sheet = sheet(
        "Date,Customer,What happened,My notes\n\
         2025-03-01,Ana Lima,The cake was squashed,Called her back; offered a new one\n",
    );
    let choices = as_guessed(&sheet);
    assert_eq!(
        choices.mapping,
        [
            Field::ReceivedAt,
            Field::CustomerName,
            Field::CustomerWords,
            Field::Note
        ]
    );
    let mut store = store();
    store.import_csv(&sheet, &choices).unwrap();
    let complaint = store.complaint(listed(&store)[0].id).unwrap();
    assert_eq!(complaint.customer_words, "The cake was squashed");
    let notes: Vec<&str> = complaint
        .timeline
        .iter()
        .filter(|contact| contact.direction == Direction::Note)
        .map(|contact| contact.text.as_str())
        .collect();
    assert_eq!(notes, ["Called her back; offered a new one"]);
    assert!(!complaint
        .timeline
        .iter()
        .any(|c| c.direction == Direction::Incoming && c.text.contains("Called her back")));
}

#[test]
fn other_columns_can_be_kept_as_one_note_with_their_headers() {
    let sheet =
        sheet("Customer,Summary,Sub-issue,Company\nAna,Late parcel,Courier lost it,Parcels Ltd\n");
    let mut choices = as_guessed(&sheet);
    assert_eq!(choices.mapping[2..], [Field::Ignore, Field::Ignore]);
    choices.mapping[2] = Field::Note;
    choices.mapping[3] = Field::Note;
    let mut store = store();
    store.import_csv(&sheet, &choices).unwrap();
    let complaint = store.complaint(listed(&store)[0].id).unwrap();
    let note = complaint
        .timeline
        .iter()
        .find(|c| c.direction == Direction::Note)
        .unwrap();
    assert_eq!(
        note.text,
        "Sub-issue: Courier lost it\nCompany: Parcels Ltd"
    );
}

#[test]
fn without_a_summary_column_the_summary_is_the_start_of_the_complaint_in_whole_words() {
    let long = "The box arrived crushed on one side and the lid had come off, so half of the \
                macarons were broken and the rest had slid into a heap at the bottom; I had \
                ordered them as a thank-you present for my neighbour and could not give them.";
    let text = format!("Customer,Problem\nAna,\"{long}\"\nBruno,Late\n");
    let sheet = sheet(&text);
    let mut store = store();
    store.import_csv(&sheet, &as_guessed(&sheet)).unwrap();
    let complaints = listed(&store);
    let summary = &complaints[0].summary;
    assert!(summary.chars().count() <= 200, "{summary}");
    assert!(summary.ends_with('…'), "{summary}");
    let kept = summary.trim_end_matches('…');
    assert!(long.starts_with(kept), "{summary}");
    assert!(
        long[kept.len()..].starts_with(' '),
        "cut between words: {summary}"
    );
    assert_eq!(complaints[1].summary, "Late");
    assert_eq!(summary_from("  one line\nand another"), "one line");
}

#[test]
fn the_date_order_is_worked_out_from_the_rows_that_read_one_way() {
    let table: &[(&[&str], Option<DateOrder>, &[u64])] = &[
        (
            &["05/03/2025", "25/03/2025"],
            Some(DateOrder::DayMonthYear),
            &[],
        ),
        (
            &["05/03/2025", "03/25/2025"],
            Some(DateOrder::MonthDayYear),
            &[],
        ),
        (&["2025-03-05", "2025-03-25"], Some(DateOrder::Iso), &[]),
        // ISO dates are ISO, whatever order the others use.
        (
            &["2025-03-05", "25/03/2025", "05/03/2025"],
            Some(DateOrder::DayMonthYear),
            &[],
        ),
        (&["03/03/2025", "2025-01-12"], Some(DateOrder::Iso), &[]),
        // Only these ask, and say which rows.
        (&["05/03/2025", "2025-03-09", "06/04/2025"], None, &[2, 4]),
    ];
    for (values, order, ambiguous) in table {
        let rows: Vec<(u64, &str)> = values
            .iter()
            .enumerate()
            .map(|(i, v)| (i as u64 + 2, *v))
            .collect();
        let found = dates::find_order(&rows);
        assert_eq!(found.order, *order, "{values:?}");
        assert_eq!(found.ambiguous_rows, *ambiguous, "{values:?}");
    }
    assert_eq!(
        parse_date("2025-03-05", DateOrder::MonthDayYear).map(|d| d.to_string()),
        Some("2025-03-05 12:00:00".into()),
        "ISO whatever the order"
    );
}

#[test]
fn truly_ambiguous_dates_ask_and_are_read_the_way_the_owner_says() {
    let sheet = sheet("Name,Date,Summary\nAna,05/03/2025,Late\nBruno,06/04/2025,Cold\n");
    let preview = preview(&sheet);
    assert_eq!(preview.dates.order, None);
    assert_eq!(preview.dates.ambiguous_rows, [2, 3]);
    let mut store = store();
    let err = store.import_csv(&sheet, &as_guessed(&sheet)).unwrap_err();
    assert!(
        err.to_string().contains("how the dates are written"),
        "{err}"
    );
    let choices = CsvChoices {
        order: Some(DateOrder::MonthDayYear),
        ..as_guessed(&sheet)
    };
    store.import_csv(&sheet, &choices).unwrap();
    let received = listed(&store)[0].received_at;
    assert_eq!(crate::dates::stamp(received), "2025-05-03T12:00:00.000Z");
}

#[test]
fn an_order_number_is_the_reference_rather_than_the_sheets_own_row_id() {
    let sheet = sheet("Ref ID,Customer,Summary,Order #\n1,Ana,Late,A-1042\n");
    assert_eq!(
        preview(&sheet).guesses,
        [
            Field::Ignore,
            Field::CustomerName,
            Field::Summary,
            Field::Reference
        ]
    );
}

#[test]
fn each_field_comes_from_one_column_only() {
    let sheet = sheet(
        "Date received,Date sent to company,Issue,Sub-issue,Customer,Order ID,Notes,Comments\n\
         2025-03-01,2025-03-02,Late,Courier,Ana,A-1,n1,c1\n",
    );
    let guessed = preview(&sheet).guesses;
    assert_eq!(
        guessed,
        [
            Field::ReceivedAt,
            Field::Ignore,
            Field::CustomerWords,
            Field::Ignore,
            Field::CustomerName,
            Field::Reference,
            Field::Note,
            Field::Note,
        ]
    );
    let mut twice = guessed.clone();
    twice[1] = Field::ReceivedAt;
    let err = store()
        .import_csv(
            &sheet,
            &CsvChoices {
                mapping: twice,
                order: Some(DateOrder::Iso),
                no_customer_column: false,
            },
        )
        .unwrap_err();
    assert!(
        err.to_string().contains(
            "\"Date received\", \"Date sent to company\" are all chosen for the same thing"
        ),
        "{err}"
    );
}

#[test]
fn without_a_name_column_the_customer_comes_from_the_email() {
    let sheet = sheet(
        "Email,Summary\nana@example.com,Late parcel\nana@example.com,Cold soup\n,No name at all\n",
    );
    let mut store = store();
    let choices = CsvChoices {
        no_customer_column: true,
        ..as_guessed(&sheet)
    };
    store.import_csv(&sheet, &choices).unwrap();
    let complaints = listed(&store);
    let names: Vec<&str> = complaints
        .iter()
        .map(|c| c.customer_name.as_str())
        .collect();
    assert_eq!(
        names,
        ["ana@example.com", "ana@example.com", UNKNOWN_CUSTOMER]
    );
    assert_eq!(
        complaints[0].customer_id, complaints[1].customer_id,
        "the same email is the same customer"
    );
}

#[test]
fn a_status_column_imports_closed_complaints_as_closed_and_says_so() {
    let sheet = sheet(
        "Customer,Summary,Status\nAna,Late,Done\nBruno,Cold,open\nCarla,Broken,Refunded\nDora,Lost,In progress\n",
    );
    let mut store = store();
    let report = store.import_csv(&sheet, &as_guessed(&sheet)).unwrap();
    assert_eq!((report.imported, report.closed), (4, 2));
    let closed: Vec<(String, bool)> = listed(&store)
        .into_iter()
        .map(|c| (c.summary, c.closed_at.is_some()))
        .collect();
    assert_eq!(
        closed,
        [
            ("Late".into(), true),
            ("Cold".into(), false),
            ("Broken".into(), true),
            ("Lost".into(), false)
        ]
    );
    let late = store.complaint(listed(&store)[0].id).unwrap();
    assert_eq!(late.close_reason, Some(CloseReason::Other));
    let history: Vec<&str> = late.history.iter().map(|h| h.what.as_str()).collect();
    assert!(
        history.contains(&"Closed the complaint (imported as closed)"),
        "{history:?}"
    );
    assert!(
        store
            .complaint_reminders(late.summary.id)
            .unwrap()
            .is_empty(),
        "a closed complaint is not to be acknowledged"
    );
    let odd = crate::store::import_csv::tests::sheet("Customer,Summary,Status\nAna,Late,maybe\n");
    let report = store.import_csv(&odd, &as_guessed(&odd)).unwrap();
    assert!(
        report.problems[0]
            .reason
            .contains("\"maybe\" does not say whether it is open or closed"),
        "{:?}",
        report.problems
    );
}

#[test]
fn importing_the_same_file_twice_adds_nothing_the_second_time() {
    let mut store = store();
    let sheet = sheet(MESSY);
    let choices = as_guessed(&sheet);
    let first = store.import_csv(&sheet, &choices).unwrap();
    assert_eq!(
        (first.imported, first.already_there, first.problems.len()),
        (3, 0, 0)
    );
    let again = store.import_csv(&sheet, &choices).unwrap();
    assert_eq!((again.imported, again.already_there), (0, 3));

    let listed = listed(&store);
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
fn every_problem_row_is_listed_with_its_line_and_nothing_is_imported() {
    let text = "Name,Date,Summary,Priority\n\
                Ana,2025-03-05,Late,\n\
                Bruno,2025-03-06,,\n\
                Carla,yesterday,Cold,\n\
                Dora,2025-03-07,Broken,whenever\n";
    let sheet = sheet(text);
    let mut store = store();
    let report = store.import_csv(&sheet, &as_guessed(&sheet)).unwrap();
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

#[test]
fn owners_words_for_severity_dates_and_repeats_are_read_as_meant() {
    let repeats = sheet(
        "Customer,Summary,Priority,Date,Repeat customer?\n\
         Ana,Cold coffee,Medium,05/03/2025 2:30 PM,Yes\n\
         Ana,Cold coffee,Critical,25/03/2025,No\n",
    );
    let choices = as_guessed(&repeats);
    assert_eq!(
        choices.mapping[4],
        Field::Ignore,
        "yes and no are not a status"
    );
    let mut store = store();
    let report = store.import_csv(&repeats, &choices).unwrap();
    assert_eq!(
        (report.imported, report.already_there),
        (2, 0),
        "two alike rows of one file are two complaints: {report:?}"
    );
    let complaints = listed(&store);
    assert_eq!(complaints[0].severity, Severity::Normal, "medium");
    assert_eq!(complaints[1].severity, Severity::Urgent, "critical");
    assert_eq!(
        crate::dates::stamp(complaints[0].received_at),
        "2025-03-05T14:30:00.000Z"
    );

    let short = sheet("Customer,Summary,Date\nAna,Late,05/03/25\n");
    let report = store
        .import_csv(
            &short,
            &CsvChoices {
                order: Some(DateOrder::DayMonthYear),
                ..as_guessed(&short)
            },
        )
        .unwrap();
    assert!(
        report.problems[0].reason.contains("two-digit year"),
        "{:?}",
        report.problems
    );
}

#[test]
fn the_date_order_follows_the_date_column_the_owner_chose() {
    let sheet =
        read_sheet(b"Customer,Summary,Sent\nAna,Late,25/03/2025\nBruno,Cold,05/03/2025\n").unwrap();
    let mut choices = as_guessed(&sheet);
    assert_eq!(choices.mapping[2], Field::Ignore);
    assert_eq!(
        preview(&sheet).column_dates[2].order,
        Some(DateOrder::DayMonthYear)
    );
    choices.mapping[2] = Field::ReceivedAt;
    choices.order = Some(DateOrder::Iso);
    let mut store = store();
    store.import_csv(&sheet, &choices).unwrap();
    let received: Vec<String> = listed(&store)
        .iter()
        .map(|c| crate::dates::stamp(c.received_at))
        .collect();
    assert_eq!(
        received,
        ["2025-03-05T12:00:00.000Z", "2025-03-25T12:00:00.000Z"]
    );
}
