//! Synthetic data: many varied complaints that follow the journey's rules,
//! written straight with SQL, to measure Mend at scale and to try the app with
//! a busy history. The same seed always gives the same data.

mod rows;
mod words;

use crate::error::Result;
use crate::journey::Step;
use crate::kinds::CloseReason;
use crate::store::Store;
use words::{Rng, Words};

/// Complaints written per transaction.
const BATCH: usize = 5_000;
const MINUTE: i64 = 60;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// Complaints are spread over the last three years.
const SPAN: i64 = 3 * 365 * DAY;
/// Known issues behind some of the closed complaints.
const KNOWN_ISSUES: usize = 25;

/// Writes `complaints` complaints from about a third as many customers, with
/// `contacts` timeline entries in all (more if their recorded steps need more).
pub fn populate(store: &mut Store, complaints: usize, contacts: usize, seed: u64) -> Result<()> {
    if complaints == 0 {
        return Ok(());
    }
    let now = store.clock().now().timestamp();
    let conn = store.connection_mut();
    let mut statement = conn.prepare("SELECT id FROM categories WHERE retired_at IS NULL")?;
    let categories = statement.query_map([], |row| row.get(0))?;
    let categories = categories.collect::<rusqlite::Result<_>>()?;
    drop(statement);
    let mut statement = conn.prepare("SELECT id FROM causes WHERE retired_at IS NULL")?;
    let causes = statement.query_map([], |row| row.get(0))?;
    let causes = causes.collect::<rusqlite::Result<_>>()?;
    drop(statement);
    let words = Words::load();
    let mut make = Generator {
        rng: Rng(seed),
        words,
        categories,
        causes,
        known_issues: Vec::new(),
        now,
    };
    let mut received: Vec<i64> = (0..complaints).map(|_| make.ago(SPAN)).collect();
    received.sort_unstable();
    let customers = (complaints / 3).max(1);
    let mut plans: Vec<Plan> = received
        .iter()
        .map(|&at| make.plan(customers, at))
        .collect();
    let mut since: Vec<i64> = (0..customers).map(|_| make.ago(SPAN)).collect();
    for plan in &plans {
        since[plan.customer] = since[plan.customer].min(plan.received);
    }
    // Each recorded step is on the timeline; the customer's own words and the
    // messages that came later share what is left of `contacts`.
    let recorded: usize = plans.iter().map(|plan| plan.done.len()).sum();
    let spare = contacts.saturating_sub(recorded);
    let mut words_left = spare.min(complaints);
    for (i, plan) in plans.iter_mut().enumerate() {
        // Selection sampling: exactly `words_left` of the rest have words.
        plan.words = make.rng.below(complaints - i) < words_left;
        words_left -= usize::from(plan.words);
    }
    for _ in complaints.min(spare)..spare {
        let i = make.rng.below(complaints);
        plans[i].extra += 1;
    }

    let tx = conn.transaction()?;
    let ids = since.iter().map(|&at| make.customer(&tx, at));
    let ids = ids.collect::<Result<Vec<i64>>>()?;
    make.known_issues = (0..KNOWN_ISSUES.min(complaints))
        .map(|_| make.known_issue(&tx))
        .collect::<Result<_>>()?;
    tx.commit()?;
    for chunk in plans.chunks(BATCH) {
        let tx = conn.transaction()?;
        let written = chunk
            .iter()
            .map(|plan| make.complaint(&tx, plan, ids[plan.customer]));
        let written = written.collect::<Result<Vec<i64>>>()?;
        if let (Some(&first), Some(&last)) = (written.first(), written.last()) {
            crate::store::search::refresh_between(&tx, first, last)?;
        }
        tx.commit()?;
    }
    // What each complaint came to, and the reminders the store would have
    // derived, as the store keeps them.
    crate::store::outcome::refresh_all(store.connection_mut())?;
    store.derive_all_reminders()
}

/// A complaint's journey, decided before anything is written.
#[derive(Default)]
struct Plan {
    customer: usize,
    received: i64,
    /// The steps recorded: which, when, and whether the customer was satisfied.
    done: Vec<(Step, i64, bool)>,
    closed: Option<(i64, CloseReason)>,
    /// The customer's own words are on the timeline.
    words: bool,
    /// Timeline entries besides the steps and the customer's words.
    extra: u32,
}

/// What turns plans into rows: the dice, the words, the categories, causes
/// and known issues to choose from, and the moment that counts as now.
struct Generator {
    rng: Rng,
    words: Words,
    categories: Vec<i64>,
    causes: Vec<i64>,
    known_issues: Vec<i64>,
    now: i64,
}

impl Generator {
    /// A moment up to `span` before now, in Unix seconds.
    fn ago(&mut self, span: i64) -> i64 {
        self.now - self.rng.between(10 * MINUTE, span)
    }

    fn plan(&mut self, customers: usize, received: i64) -> Plan {
        let rng = &mut self.rng;
        let customer = rng.below(customers);
        let mut path = vec![Step::Acknowledge, Step::Apologize, Step::Assure, Step::Fix];
        path.push(Step::FollowUp);
        // An unsatisfied follow-up sends the complaint back to Assure.
        let unhappy = rng.chance(12);
        if unhappy {
            path.extend([Step::Assure, Step::Fix, Step::FollowUp]);
        }
        let reason = match rng.below(100) {
            0..=71 => Some(CloseReason::Resolved),
            72..=79 => Some(CloseReason::Withdrawn),
            80..=85 => Some(CloseReason::Unreachable),
            86..=90 => Some(CloseReason::Other),
            _ => None, // stalled: left open somewhere along the way
        };
        let early = rng.below(path.len());
        let resolved = reason == Some(CloseReason::Resolved);
        let stop = if resolved { path.len() } else { early };
        let mut plan = Plan {
            customer,
            received,
            ..Plan::default()
        };
        let mut at = received;
        for (i, &step) in path[..stop].iter().enumerate() {
            at += match step {
                Step::Acknowledge => rng.between(10 * MINUTE, 2 * DAY),
                Step::Apologize => rng.between(MINUTE, DAY),
                Step::Assure => rng.between(HOUR, 2 * DAY),
                Step::Fix => rng.between(HOUR, 12 * DAY), // sometimes after the promised day
                _ => rng.between(DAY, 7 * DAY),
            };
            if at > self.now {
                return plan; // still under way
            }
            plan.done.push((step, at, !(unhappy && i == 4)));
        }
        let closing = at + rng.between(HOUR, 5 * DAY);
        plan.closed = reason
            .filter(|_| closing <= self.now)
            .map(|why| (closing, why));
        plan
    }
}

#[cfg(test)]
mod tests;
