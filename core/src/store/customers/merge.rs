//! Two customers who are one person (added twice, or matched later by an
//! email address) become one: every complaint moves, with its timeline,
//! reminders and everything else that hangs on it, to the customer kept;
//! details the kept one lacks are taken over, notes are joined. The other
//! customer's row stays, marked as merged, so that its history still reads.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use super::{complaints_of, not_found};
use crate::error::{Error, Result};
use crate::store::rows::{customer_from_row, Customer, CUSTOMER_COLUMNS};
use crate::store::timeline::log;
use crate::store::Store;

/// Another customer who may be the same person, and why Mend thinks so.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PossibleDuplicate {
    #[serde(flatten)]
    pub customer: Customer,
    /// "the same email", "the same phone", "the same name".
    pub because: String,
}

fn record(tx: &Transaction<'_>, id: i64) -> Result<Customer> {
    tx.query_row(
        &format!("SELECT {CUSTOMER_COLUMNS} FROM customers k WHERE k.id = ?1"),
        [id],
        customer_from_row,
    )
    .optional()?
    .ok_or_else(|| not_found(id))
}

impl Store {
    /// Customers not merged yet with the same email, phone or name as `id`.
    pub fn possible_duplicates(&self, id: i64) -> Result<Vec<PossibleDuplicate>> {
        let customer = self.customer_record(id)?;
        let mut statement = self.conn.prepare_cached(&format!(
            "SELECT {CUSTOMER_COLUMNS},
                    CASE WHEN ?2 != '' AND k.email = ?2 COLLATE NOCASE THEN 'the same email'
                         WHEN ?3 != '' AND k.phone = ?3 THEN 'the same phone'
                         ELSE 'the same name' END
             FROM customers k
             WHERE k.id != ?1 AND k.merged_into IS NULL
               AND ((?2 != '' AND k.email = ?2 COLLATE NOCASE) OR (?3 != '' AND k.phone = ?3)
                    OR k.name = ?4 COLLATE NOCASE)
             ORDER BY k.id LIMIT 20"
        ))?;
        let rows = statement.query_map(
            params![id, customer.email, customer.phone, customer.name],
            |row| {
                Ok(PossibleDuplicate {
                    customer: customer_from_row(row)?,
                    because: row.get(7)?,
                })
            },
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Merges customer `merged` into `kept`: every complaint of `merged`
    /// becomes `kept`'s, and the histories of both, and of each complaint
    /// moved, say so. Answers the customer kept.
    pub fn merge_customers(&mut self, kept: i64, merged: i64) -> Result<Customer> {
        if kept == merged {
            return Err(Error::InvalidInput(
                "Please choose another customer to merge: a customer cannot be merged with themselves."
                    .into(),
            ));
        }
        let now = self.clock.now();
        self.write(|write| {
            let keep = record(write, kept)?;
            let gone = record(write, merged)?;
            for customer in [&keep, &gone] {
                if customer.merged_into.is_some() {
                    return Err(Error::Refused(format!(
                        "{} was merged into another customer already.",
                        customer.name
                    )));
                }
            }
            let moved = complaints_of(write, merged)?;
            write.execute(
                "UPDATE complaints SET customer_id = ?1 WHERE customer_id = ?2",
                params![kept, merged],
            )?;
            // Told once about a known issue is told: the kept customer's
            // own record wins where both have one.
            write.execute(
                "UPDATE OR IGNORE known_issue_tellings SET customer_id = ?1 WHERE customer_id = ?2",
                params![kept, merged],
            )?;
            write.execute(
                "DELETE FROM known_issue_tellings WHERE customer_id = ?1",
                [merged],
            )?;
            let email = if keep.email.is_empty() {
                &gone.email
            } else {
                &keep.email
            };
            let phone = if keep.phone.is_empty() {
                &gone.phone
            } else {
                &keep.phone
            };
            let notes = match (keep.notes.trim(), gone.notes.trim()) {
                (mine, "") => mine.to_owned(),
                ("", theirs) => theirs.to_owned(),
                (mine, theirs) if mine == theirs => mine.to_owned(),
                (mine, theirs) => format!("{mine}\n\n{theirs}"),
            };
            write.execute(
                "UPDATE customers SET email = ?2, phone = ?3, notes = ?4 WHERE id = ?1",
                params![kept, email, phone, notes],
            )?;
            write.execute(
                "UPDATE customers SET merged_into = ?1 WHERE id = ?2",
                params![kept, merged],
            )?;
            let count = match moved.len() {
                1 => "1 complaint".to_owned(),
                n => format!("{n} complaints"),
            };
            log(
                write,
                None,
                Some(kept),
                now,
                &format!("Merged in {} (the same person), with {count}", gone.name),
            )?;
            log(
                write,
                None,
                Some(merged),
                now,
                &format!("Merged into {}", keep.name),
            )?;
            for &complaint_id in &moved {
                log(
                    write,
                    Some(complaint_id),
                    None,
                    now,
                    &format!(
                        "Changed the customer: {} → {} (merged, the same person)",
                        gone.name, keep.name
                    ),
                )?;
            }
            // Their name, email and phone are in the search text of each of
            // their complaints: all of them, with what the merge brought.
            for complaint_id in complaints_of(write, kept)? {
                write.complaint_changed(complaint_id);
            }
            Ok(())
        })?;
        self.customer_record(kept)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::complaints::NewComplaint;
    use crate::store::customers::CustomerInput;
    use crate::store::test_support::{at, phone_complaint, store_at};

    fn new_customer(name: &str, email: &str, phone: &str) -> NewComplaint {
        NewComplaint {
            new_customer: Some(CustomerInput {
                name: name.into(),
                email: email.into(),
                phone: phone.into(),
                notes: None,
            }),
            ..phone_complaint("", "Cake squashed")
        }
    }

    #[test]
    fn a_customer_added_twice_is_merged_and_nothing_is_lost() {
        let (mut store, _) = store_at(at(9));
        let first = store
            .create_complaint(&new_customer("Ana Lima", "ana@example.com", ""))
            .unwrap();
        let second = store
            .create_complaint(&new_customer(
                "Ana  Lima",
                "ANA@example.com",
                "+351 912 000 111",
            ))
            .unwrap();
        let (kept, merged) = (first.customer_id, second.customer_id);
        let photo = crate::store::attachments::checked_file(
            "cake.png",
            crate::store::test_support::small_photo(),
        )
        .unwrap();
        store.attach_files(second.id, None, &[photo]).unwrap();
        let timeline_before = store.complaint(second.id).unwrap().timeline;
        let duplicates = store.possible_duplicates(kept).unwrap();
        assert_eq!(duplicates.len(), 1);
        assert_eq!(duplicates[0].customer.id, merged);
        assert_eq!(duplicates[0].because, "the same email");

        let customer = store.merge_customers(kept, merged).unwrap();
        assert_eq!(
            customer.phone, "+351 912 000 111",
            "a detail the kept one lacked"
        );
        assert_eq!(customer.email, "ana@example.com");
        let page = store.customer(kept).unwrap();
        assert_eq!(page.complaints.len(), 2);
        let moved = store.complaint(second.id).unwrap();
        assert_eq!(moved.customer.id, kept);
        assert_eq!(
            moved.history.last().unwrap().what,
            "Changed the customer: Ana  Lima → Ana Lima (merged, the same person)"
        );
        assert_eq!(
            moved.timeline, timeline_before,
            "its timeline moves with it"
        );
        assert_eq!(moved.attachments.len(), 1, "and its photos");
        let everyone: Vec<String> = store
            .list_customers("", 0, 50)
            .unwrap()
            .into_iter()
            .map(|c| c.customer.name)
            .collect();
        assert_eq!(everyone, ["Ana Lima"], "the merged one is no longer listed");
        assert_eq!(
            store.customer_record(merged).unwrap().merged_into,
            Some(kept)
        );
        // Found by the search with what was only the merged one's.
        let found = store
            .list_complaints(&crate::store::list::ComplaintQuery {
                search: "912 000".into(),
                limit: 10,
                ..Default::default()
            })
            .unwrap();
        assert_eq!(found.items.len(), 2);
        // Done once: again is refused in words, as is a customer with themselves.
        assert!(matches!(
            store.merge_customers(kept, merged),
            Err(Error::Refused(_))
        ));
        assert!(matches!(
            store.merge_customers(kept, kept),
            Err(Error::InvalidInput(_))
        ));
        assert!(store.possible_duplicates(kept).unwrap().is_empty());
    }
}
