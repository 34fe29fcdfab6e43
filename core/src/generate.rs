//! Synthetic data: many varied complaints, consistent with the journey's
//! rules, written straight with SQL to measure Mend at scale and to try the
//! app with a busy history. The same seed always gives the same data.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{params, Transaction};

use crate::dates::stamp;
use crate::error::Result;
use crate::journey::{after_record, Step};
use crate::kinds::{Channel, CloseReason, Direction, Remedy, Severity};
use crate::store::{search, Store};

/// Complaints written per transaction.
const BATCH: usize = 5_000;
const MINUTE: i64 = 60;
const HOUR: i64 = 3_600;
const DAY: i64 = 86_400;
/// Complaints are spread over the last three years.
const SPAN: i64 = 3 * 365 * DAY;

/// Writes `complaints` complaints from about a third as many customers, and
/// `contacts` timeline entries in all (more if their recorded steps need more).
pub fn populate(store: &mut Store, complaints: usize, contacts: usize, seed: u64) -> Result<()> {
    if complaints == 0 {
        return Ok(());
    }
    let now = store.clock().now().timestamp();
    let conn = store.connection_mut();
    let categories = conn
        .prepare("SELECT id FROM categories WHERE retired_at IS NULL")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut generator = Generator { rng: Rng(seed), words: Words::load(), categories, now };
    let mut received: Vec<i64> =
        (0..complaints).map(|_| now - generator.rng.between(10 * MINUTE, SPAN)).collect();
    received.sort_unstable();
    let customers = (complaints / 3).max(1);
    let plans: Vec<Plan> = received.iter().map(|&at| generator.plan(customers, at)).collect();
    let mut since: Vec<i64> = (0..customers).map(|_| now - generator.rng.between(DAY, SPAN)).collect();
    for plan in &plans {
        since[plan.customer] = since[plan.customer].min(plan.received);
    }
    // Every recorded step is on the timeline; the customer's own words and
    // later messages share what is left of `contacts`.
    let spare = contacts.saturating_sub(plans.iter().map(|plan| plan.done.len()).sum());
    let mut words_left = spare.min(complaints);
    let mut extra = vec![0u32; complaints];
    for _ in words_left..spare {
        extra[generator.rng.below(complaints)] += 1;
    }

    let tx = conn.transaction()?;
    let ids = since.iter().map(|&at| generator.customer(&tx, at)).collect::<Result<Vec<i64>>>()?;
    tx.commit()?;
    for (batch, chunk) in plans.chunks(BATCH).enumerate() {
        let tx = conn.transaction()?;
        for (offset, plan) in chunk.iter().enumerate() {
            let i = batch * BATCH + offset;
            // Selection sampling: exactly `words_left` of the rest have words.
            let words = generator.rng.below(complaints - i) < words_left;
            words_left -= usize::from(words);
            generator.complaint(&tx, plan, ids[plan.customer], words, extra[i])?;
        }
        tx.commit()?;
    }
    Ok(())
}

/// splitmix64: tiny, and the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
    fn between(&mut self, low: i64, high: i64) -> i64 {
        low + (self.next() % (high - low).max(1) as u64) as i64
    }
}

/// The word lists of `generate/words.txt`, by section.
struct Words(Vec<(&'static str, Vec<&'static str>)>);

impl Words {
    fn load() -> Words {
        let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
        for line in include_str!("generate/words.txt").lines().filter(|line| !line.is_empty()) {
            match (line.strip_prefix("# "), sections.last_mut()) {
                (Some(title), _) => sections.push((title.split(':').next().unwrap_or(""), vec![])),
                (None, Some((_, lines))) => lines.push(if line == "~" { "" } else { line }),
                (None, None) => {}
            }
        }
        Words(sections)
    }
    fn list(&self, name: &str) -> &[&'static str] {
        self.0.iter().find(|(title, _)| *title == name).map_or(&[""][..], |(_, lines)| lines)
    }
}

/// One step recorded on a planned complaint.
struct Done {
    step: Step,
    at: i64,
    satisfied: bool,
    promised: Option<NaiveDate>,
}

/// A complaint's journey, decided before anything is written.
struct Plan {
    customer: usize,
    received: i64,
    done: Vec<Done>,
    closed: Option<(i64, CloseReason)>,
}

struct Generator {
    rng: Rng,
    words: Words,
    categories: Vec<i64>,
    now: i64,
}

fn instant(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

impl Generator {
    /// A line of `list`, with the product put in.
    fn say(&mut self, list: &str, product: &str) -> String {
        self.rng.pick(self.words.list(list)).replace("{p}", product)
    }

    fn plan(&mut self, customers: usize, received: i64) -> Plan {
        let rng = &mut self.rng;
        let customer = rng.below(customers);
        let unhappy = rng.chance(12);
        let mut path = vec![(Step::Acknowledge, true), (Step::Apologize, true)];
        path.extend([(Step::Assure, true), (Step::Fix, true), (Step::FollowUp, !unhappy)]);
        if unhappy {
            path.extend([(Step::Assure, true), (Step::Fix, true), (Step::FollowUp, true)]);
        }
        let reason = match rng.below(100) {
            0..=71 => Some(CloseReason::Resolved),
            72..=79 => Some(CloseReason::Withdrawn),
            80..=85 => Some(CloseReason::Unreachable),
            86..=90 => Some(CloseReason::Other),
            _ => None, // stalled: left open somewhere along the way
        };
        let resolved = reason == Some(CloseReason::Resolved);
        let stop = if resolved { path.len() } else { rng.below(path.len()) };
        let mut plan = Plan { customer, received, done: Vec::new(), closed: None };
        let mut at = received;
        for &(step, satisfied) in &path[..stop] {
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
            let days = Days::new(rng.between(1, 10) as u64);
            let promised = (step == Step::Assure).then(|| instant(at).date_naive() + days);
            plan.done.push(Done { step, at, satisfied, promised });
        }
        let closing = at + rng.between(HOUR, 5 * DAY);
        plan.closed = reason.filter(|_| closing <= self.now).map(|reason| (closing, reason));
        plan
    }

    fn customer(&mut self, tx: &Transaction<'_>, at: i64) -> Result<i64> {
        let first = self.rng.pick(self.words.list("first names"));
        let last = self.rng.pick(self.words.list("last names"));
        let name = format!("{first} {last}");
        let ascii = |word: &str| word.to_lowercase().replace(|c: char| !c.is_ascii_lowercase(), "");
        let mut email = format!("{}.{}{}@example.com", ascii(first), ascii(last), self.rng.below(999));
        let mut phone = format!("+44 7700 9{:05}", self.rng.below(100_000));
        if self.rng.chance(20) {
            email.clear();
        } else if self.rng.chance(40) {
            phone.clear();
        }
        tx.prepare_cached(
            "INSERT INTO customers (name, email, phone, created_at) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![name, email, phone, stamp(instant(at))])?;
        let id = tx.last_insert_rowid();
        log(tx, None, Some(id), at, &format!("Added the customer {name}"))?;
        Ok(id)
    }

    fn complaint(&mut self, tx: &Transaction<'_>, plan: &Plan, customer: i64, words: bool, extra: u32) -> Result<()> {
        let product = self.rng.pick(self.words.list("products"));
        let (problem, told) = self.rng.pick(self.words.list("problems")).split_once(" | ").unwrap_or_default();
        let summary = format!("{problem}: {product}");
        let channel = self.rng.pick(Channel::ALL);
        let said = match words {
            true => format!(
                "{} I ordered the {product} for {} and it {told}. {}",
                self.say("openers", product),
                self.say("occasions", product),
                self.say("asks", product)
            ),
            false => String::new(),
        };
        let (mut next, mut acknowledged, mut apologized, mut promised, mut fixed) =
            (Step::Acknowledge, None, None, None, None);
        for done in &plan.done {
            next = after_record(done.step, done.satisfied);
            match done.step {
                Step::Acknowledge => acknowledged = Some(stamp(instant(done.at))),
                Step::Apologize => apologized = Some(stamp(instant(done.at))),
                Step::Assure => promised = done.promised,
                Step::Fix => fixed = Some(stamp(instant(done.at))),
                _ if !done.satisfied => fixed = None,
                _ => {}
            }
        }
        let rng = &mut self.rng;
        tx.prepare_cached(
            "INSERT INTO complaints (customer_id, summary, received_at, created_at, channel,
                 is_public, customer_words, desired_outcome, reference, category_id, severity,
                 step, acknowledged_at, apologized_at, promised_date, fixed_at, closed_at,
                 close_reason)
             VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
        )?
        .execute(params![
            customer,
            summary,
            stamp(instant(plan.received)),
            channel,
            matches!(channel, Channel::Review | Channel::Social) || rng.chance(3),
            said.trim(),
            rng.pick(self.words.list("outcomes")),
            if rng.chance(70) { format!("ORD-{:05}", rng.below(100_000)) } else { String::new() },
            (rng.chance(93) && !self.categories.is_empty()).then(|| rng.pick(&self.categories)),
            // One in five low, half normal, one in five high, one in ten urgent.
            Severity::ALL[[0, 0, 1, 1, 1, 1, 1, 2, 2, 3][rng.below(10)]],
            next,
            acknowledged,
            apologized,
            promised,
            fixed,
            plan.closed.map(|(at, _)| stamp(instant(at))),
            plan.closed.map(|(_, reason)| reason),
        ])?;
        let id = tx.last_insert_rowid();
        log(tx, Some(id), Some(customer), plan.received, &format!("Received the complaint: {summary}"))?;
        let mut last_outgoing = None;
        let mut contact = |direction: Direction, at: i64, text: &str| -> Result<()> {
            tx.prepare_cached(
                "INSERT INTO contacts (complaint_id, direction, channel, at, text, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?4)",
            )?
            .execute(params![id, direction, channel, stamp(instant(at)), text.trim()])?;
            if direction == Direction::Outgoing {
                last_outgoing = last_outgoing.max(Some(at));
            }
            Ok(())
        };
        if words {
            contact(Direction::Incoming, plan.received, &said)?;
        }
        for done in &plan.done {
            let (mut remedy, mut cost, mut satisfaction) = (None, None, None);
            let text = match done.step {
                Step::Acknowledge => self.say("acknowledgements", product),
                Step::Apologize => format!("I'm truly sorry the {product} {told}. That is not like us."),
                Step::Assure => {
                    let day = done.promised.map(|day| day.to_string()).unwrap_or_default();
                    format!("We will {} by {day}.", self.say("plans", product))
                }
                Step::Fix => {
                    let index = self.rng.below(Remedy::ALL.len());
                    remedy = Some(Remedy::ALL[index]);
                    cost = (index < 4).then(|| self.rng.between(300, 9_000));
                    let fixes = self.words.list("fixes");
                    fixes.get(index).copied().unwrap_or("Put it right").replace("{p}", product)
                }
                _ => {
                    let score = if done.satisfied { self.rng.between(4, 6) } else { self.rng.between(1, 3) };
                    satisfaction = Some(score);
                    self.say(if done.satisfied { "happy" } else { "unhappy" }, product)
                }
            };
            tx.prepare_cached(
                "INSERT INTO step_records (complaint_id, step, done_at, channel, text, promised_date,
                     remedy, cost_cents, satisfaction, satisfied, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?3)",
            )?
            .execute(params![
                id,
                done.step,
                stamp(instant(done.at)),
                channel,
                text,
                done.promised,
                remedy,
                cost,
                satisfaction,
                satisfaction.map(|_| done.satisfied),
            ])?;
            // What record_step puts on the timeline.
            match done.step {
                Step::Fix => contact(Direction::Note, done.at, &format!("Fix: {text}"))?,
                Step::FollowUp if text.is_empty() => {
                    contact(Direction::Outgoing, done.at, "Followed up with the customer.")?
                }
                Step::FollowUp => contact(Direction::Incoming, done.at, &text)?,
                _ => contact(Direction::Outgoing, done.at, &text)?,
            }
            log(tx, Some(id), None, done.at, &format!("Recorded {}", done.step.title()))?;
        }
        let end = plan.closed.map_or(self.now, |(at, _)| at);
        for _ in 0..extra {
            let at = self.rng.between(plan.received, end);
            let direction = self.rng.pick(&[Direction::Incoming, Direction::Outgoing, Direction::Note]);
            let list = match direction {
                Direction::Incoming => "incoming",
                Direction::Outgoing => "outgoing",
                Direction::Note => "notes",
            };
            contact(direction, at, &self.say(list, product))?;
        }
        if let Some(at) = last_outgoing {
            tx.prepare_cached("UPDATE complaints SET last_outgoing_at = ?2 WHERE id = ?1")?
                .execute(params![id, stamp(instant(at))])?;
        }
        if let Some((at, reason)) = plan.closed {
            self.close(tx, id, at, reason)?;
        }
        search::refresh(tx, id)
    }

    fn close(&mut self, tx: &Transaction<'_>, id: i64, at: i64, reason: CloseReason) -> Result<()> {
        let note = match reason {
            CloseReason::Other => "Duplicate of an earlier complaint",
            CloseReason::Withdrawn => "The customer said it is fine now",
            _ => "",
        };
        let resolved = reason == CloseReason::Resolved;
        let check_in = (resolved && self.rng.chance(30)).then(|| instant(at + 14 * DAY).date_naive());
        tx.prepare_cached(
            "INSERT INTO step_records (complaint_id, step, done_at, text, close_reason, root_cause,
                 preventive_action, check_in_date, created_at)
             VALUES (?1, 'close', ?2, ?3, ?4, ?5, ?6, ?7, ?2)",
        )?
        .execute(params![
            id,
            stamp(instant(at)),
            note,
            reason,
            self.rng.pick(self.words.list("root causes")),
            self.rng.pick(self.words.list("preventions")),
            check_in,
        ])?;
        let what = format!("Closed the complaint ({})", reason.label().to_lowercase());
        log(tx, Some(id), None, at, &what)
    }
}

fn log(tx: &Transaction<'_>, complaint: Option<i64>, customer: Option<i64>, at: i64, what: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO history (complaint_id, customer_id, at, who, what)
         VALUES (?1, ?2, ?3, 'owner', ?4)",
    )?
    .execute(params![complaint, customer, stamp(instant(at)), what])?;
    Ok(())
}

#[cfg(test)]
mod tests;
