//! The report for a period: every complaint received in it, for printing.

use chrono::{Duration, NaiveDate};

use super::rows::{summary_from_row, ComplaintSummary, SUMMARY_COLUMNS, SUMMARY_FROM};
use super::Store;
use crate::dates;
use crate::error::{Error, Result};

/// A period report may cover at most this many complaints.
const MOST: u32 = 5_000;

impl Store {
    /// Complaints received from the start of `from` to the end of `to`, in
    /// the owner's days, the oldest first.
    pub fn complaints_received_between(
        &self,
        from: &str,
        to: &str,
    ) -> Result<Vec<ComplaintSummary>> {
        let from: NaiveDate = dates::day(from, "first day")?;
        let to: NaiveDate = dates::day(to, "last day")?;
        if to < from {
            return Err(Error::InvalidInput(
                "The last day comes before the first day; please swap them.".into(),
            ));
        }
        let start = self.clock.instant_of(from.and_time(chrono::NaiveTime::MIN));
        let end = self
            .clock
            .instant_of((to + Duration::days(1)).and_time(chrono::NaiveTime::MIN));
        let sql = format!(
            "SELECT {SUMMARY_COLUMNS} FROM {SUMMARY_FROM}
             WHERE c.received_at >= :start AND c.received_at < :end
             ORDER BY c.received_at, c.id LIMIT {MOST}"
        );
        let mut statement = self.conn.prepare_cached(&sql)?;
        let rows = statement.query_map(
            rusqlite::named_params! {
                ":start": dates::stamp(start),
                ":end": dates::stamp(end),
                ":today": self.clock.today(),
            },
            summary_from_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use crate::store::test_support::{at, phone_complaint, store_at};

    #[test]
    fn a_period_holds_the_complaints_received_in_its_days() {
        let (mut store, clock) = store_at(at(9));
        store
            .create_complaint(&phone_complaint("Ana", "on the 23rd"))
            .unwrap();
        clock.set(at(9) + chrono::Duration::days(2));
        store
            .create_complaint(&phone_complaint("Bruno", "on the 25th"))
            .unwrap();
        let summaries = |from: &str, to: &str| -> Vec<String> {
            store
                .complaints_received_between(from, to)
                .unwrap()
                .into_iter()
                .map(|c| c.summary)
                .collect()
        };
        assert_eq!(summaries("2026-11-23", "2026-11-23"), ["on the 23rd"]);
        assert_eq!(
            summaries("2026-11-01", "2026-11-30"),
            ["on the 23rd", "on the 25th"]
        );
        assert!(summaries("2026-12-01", "2026-12-31").is_empty());
        let err = store
            .complaints_received_between("2026-11-30", "2026-11-01")
            .unwrap_err();
        assert!(err.to_string().contains("please swap them"), "{err}");
        let err = store
            .complaints_received_between("2026-02-30", "2026-03-01")
            .unwrap_err();
        assert_eq!(err.code(), "invalid_input");
        assert!(err.to_string().contains("first day"), "{err}");
    }
}
