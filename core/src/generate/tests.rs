use std::sync::Arc;

use chrono::{TimeZone, Utc};

use super::*;
use crate::clock::FixedClock;
use crate::kinds::{Remedy, Severity};
use crate::store::list::{ComplaintQuery, Status};

fn populated(seed: u64) -> Store {
    let clock = FixedClock::at(Utc.with_ymd_and_hms(2026, 11, 23, 12, 0, 0).unwrap());
    let mut store = Store::open_in_memory(Arc::new(clock)).unwrap();
    populate(&mut store, 300, 1500, seed).unwrap();
    store
}

fn number(store: &mut Store, sql: &str) -> i64 {
    store
        .connection_mut()
        .query_row(sql, [], |row| row.get(0))
        .unwrap()
}

#[test]
fn every_word_list_is_there() {
    let words = Words::load();
    for list in [
        "first names",
        "last names",
        "products",
        "problems",
        "occasions",
        "openers",
        "asks",
        "outcomes",
        "acknowledge",
        "apologize",
        "assure",
        "fix",
        "follow_up",
        "unhappy",
        "incoming",
        "outgoing",
        "notes",
        "root causes",
        "preventions",
    ] {
        assert!(
            words.list(list).iter().any(|line| !line.is_empty()),
            "{list}"
        );
    }
    assert!(words
        .list("problems")
        .iter()
        .all(|line| line.contains(" | ")));
    let fixes = words
        .list("fix")
        .iter()
        .map(|line| line.split_once(" | ").map(|(word, _)| word));
    let remedies: Vec<_> = fixes.map(|word| word.and_then(Remedy::parse)).collect();
    assert!(
        remedies.iter().all(Option::is_some),
        "each fix starts with its remedy"
    );
    assert_eq!(remedies.len(), Remedy::ALL.len(), "one fix per remedy");
}

#[test]
fn the_data_is_whole() {
    let mut store = populated(7);
    let conn = store.connection_mut();
    let integrity: String = conn
        .query_row("PRAGMA integrity_check", [], |row| row.get(0))
        .unwrap();
    assert_eq!(integrity, "ok");
    let mut check = conn.prepare("PRAGMA foreign_key_check").unwrap();
    assert!(
        check.query([]).unwrap().next().unwrap().is_none(),
        "every reference points at a row"
    );
    drop(check);
    for (sql, expected) in [
        ("SELECT count(*) FROM complaints", 300),
        ("SELECT count(*) FROM customers", 100),
        ("SELECT count(*) FROM contacts", 1500),
        ("SELECT count(*) FROM complaint_search", 300),
        (
            "SELECT count(*) FROM history WHERE what LIKE 'Received the complaint: %'",
            300,
        ),
        (
            "SELECT count(*) FROM customers k WHERE created_at >
              (SELECT min(received_at) FROM complaints WHERE customer_id = k.id)",
            0,
        ),
    ] {
        assert_eq!(number(&mut store, sql), expected, "{sql}");
    }
}

#[test]
fn the_data_is_varied_and_follows_the_journey() {
    let mut store = populated(7);
    for (sql, expected) in [
        ("SELECT count(DISTINCT step) FROM complaints", 6),
        ("SELECT count(DISTINCT severity) FROM complaints", 4),
        ("SELECT count(DISTINCT channel) FROM complaints", 7),
        ("SELECT count(DISTINCT coalesce(close_reason, 'open')) FROM complaints", 5),
        ("SELECT count(DISTINCT summary) > 100 FROM complaints", 1),
        ("SELECT count(*) FROM complaints WHERE (acknowledged_at IS NULL) != (step = 'acknowledge')", 0),
        ("SELECT count(*) FROM complaints WHERE step IN ('fix', 'follow_up') AND apologized_at IS NULL", 0),
        ("SELECT count(*) FROM complaints WHERE step = 'follow_up' AND fixed_at IS NULL", 0),
        ("SELECT count(*) FROM complaints WHERE close_reason = 'resolved' AND step != 'close'", 0),
        ("SELECT count(*) FROM complaints WHERE (closed_at IS NULL) != (close_reason IS NULL)", 0),
        ("SELECT count(*) FROM complaints c WHERE (closed_at IS NOT NULL) != EXISTS
              (SELECT 1 FROM step_records WHERE complaint_id = c.id AND step = 'close')", 0),
        ("SELECT count(*) FROM complaints c WHERE last_outgoing_at IS NOT (SELECT max(at) FROM contacts
              WHERE complaint_id = c.id AND direction = 'outgoing')", 0),
        ("SELECT count(*) FROM step_records s JOIN complaints c ON c.id = s.complaint_id
              WHERE s.done_at < c.received_at OR s.done_at > '2026-11-23T12:00:00.000Z'", 0),
    ] {
        assert_eq!(number(&mut store, sql), expected, "{sql}");
    }
}

#[test]
fn the_search_documents_are_the_ones_the_store_writes() {
    let mut store = populated(7);
    let documents = "SELECT group_concat(rowid || ':' || body, '|')
                     FROM (SELECT rowid, body FROM complaint_search ORDER BY rowid)";
    let conn = store.connection_mut();
    let written: String = conn.query_row(documents, [], |row| row.get(0)).unwrap();
    let tx = conn.transaction().unwrap();
    for id in 1..=300 {
        crate::store::search::refresh(&tx, id).unwrap();
    }
    let refreshed: String = tx.query_row(documents, [], |row| row.get(0)).unwrap();
    assert_eq!(written, refreshed);
}

#[test]
fn filters_and_search_find_the_generated_complaints() {
    let store = populated(7);
    let page = |query: ComplaintQuery| {
        store
            .list_complaints(&ComplaintQuery { limit: 50, ..query })
            .unwrap()
            .items
    };
    for word in [
        "refu",
        "replacement",
        "late",
        "broken",
        "cake",
        "delivery",
        "creme brulee",
    ] {
        let found = page(ComplaintQuery {
            search: word.into(),
            ..ComplaintQuery::default()
        });
        assert!(!found.is_empty(), "{word}");
    }
    let urgent = page(ComplaintQuery {
        severity: Some(Severity::Urgent),
        ..ComplaintQuery::default()
    });
    assert!(!urgent.is_empty() && urgent.iter().all(|item| item.severity == Severity::Urgent));
    let fixing = page(ComplaintQuery {
        step: Some(Step::Fix),
        ..ComplaintQuery::default()
    });
    assert!(!fixing.is_empty() && fixing.iter().all(|item| item.step == Step::Fix));
    let open = page(ComplaintQuery {
        status: Status::Open,
        ..ComplaintQuery::default()
    });
    assert!(!open.is_empty() && open.iter().all(|item| item.closed_at.is_none()));
    let overdue = page(ComplaintQuery {
        overdue_only: true,
        ..ComplaintQuery::default()
    });
    assert!(!overdue.is_empty() && overdue.iter().all(|item| item.overdue));
    let category = page(ComplaintQuery {
        category_id: Some(2),
        ..ComplaintQuery::default()
    });
    assert!(!category.is_empty());
}

#[test]
fn the_same_seed_gives_the_same_data() {
    let digest = "SELECT group_concat(summary || customer_words || step || received_at, '|')
                  FROM complaints";
    let text = |seed| -> String {
        populated(seed)
            .connection_mut()
            .query_row(digest, [], |row| row.get(0))
            .unwrap()
    };
    assert_eq!(text(3), text(3));
    assert_ne!(text(3), text(4));
}
