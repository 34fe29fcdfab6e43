//! Synthetic data: many varied, consistent complaints written straight with
//! SQL, to measure Mend at scale and to try the app with a busy history.

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

const FIRST: &[&str] = &[
    "Ana", "Bruno", "Chloé", "Dmitri", "Émile", "Fatima", "Grace", "Hiroshi", "Inès", "José",
    "Katarzyna", "Liam", "Mårten", "Noor", "Olivia", "Pádraig", "Rosa", "Søren", "Tomás", "Zoë",
];
const LAST: &[&str] = &[
    "Lima", "Costa", "Müller", "O'Brien", "García", "Nguyen", "Smith", "Kowalski", "Dubois",
    "Rossi", "Jensen", "Okafor", "Haddad", "Silva", "Łukaszewicz", "Moreau", "Patel", "Sato",
];
const PRODUCTS: &[&str] = &[
    "birthday cake", "wedding cake", "crème brûlée", "sourdough loaf", "croissants", "éclairs",
    "macarons", "lemon tart", "quiche", "baguettes", "cheesecake", "catering tray", "gift hamper",
    "coffee beans", "cupcakes", "gâteau",
];
/// A problem as the summary names it, and as the customer tells it.
const PROBLEMS: &[(&str, &str)] = &[
    ("Late delivery", "arrived two hours late"),
    ("Broken on arrival", "was broken in the box"),
    ("Stale", "was stale and dry"),
    ("Wrong flavour", "was the wrong flavour"),
    ("Never delivered", "never arrived"),
    ("Missing from the order", "was missing from the delivery"),
    ("Overcharged", "cost more than the price on the website"),
    ("Rude delivery driver", "came with a very rude driver"),
    ("Damaged packaging", "was squashed and the box was torn"),
    ("Allergy label missing", "had no allergy label although it contains nuts"),
];
const OCCASIONS: &[&str] = &[
    "my daughter's birthday", "our wedding", "a work lunch", "a funeral", "Sunday brunch",
    "a christening", "the office party",
];
const OPENERS: &[&str] = &["Hello,", "Hi.", "I'm very disappointed.", "This is the second time.", ""];
const ASKS: &[&str] = &[
    "I want a refund.", "Please send a replacement.", "Not acceptable at all.",
    "Please call me back.", "What will you do about it?", "",
];
const OUTCOMES: &[&str] = &[
    "A full refund", "A replacement delivered tomorrow", "An apology",
    "A discount on the next order", "A call back from the manager", "",
];
const ACKS: &[&str] = &[
    "Thank you for telling us about the {p}; we are looking into it today.",
    "Got your message about the {p}. I will come back to you by tomorrow.",
    "Thanks for calling about the {p}, I have noted everything.",
];
const PLANS: &[&str] = &[
    "send a replacement {p}", "refund the full amount", "bake a fresh {p}",
    "refund the delivery charge", "call you with what went wrong",
];
/// What was done, in the order of `Remedy::ALL`.
const FIXES: &[&str] = &[
    "Refunded the {p}", "Delivered a replacement {p}", "Baked the {p} again",
    "Gave a discount on the next order", "Explained what went wrong with the {p}",
    "Sent flowers and a card",
];
const INCOMING: &[&str] = &[
    "Any news about my {p}?", "Still waiting for the refund.", "I called twice and nobody answered.",
    "The replacement {p} was late too.", "Thanks, that's kind of you.", "Can you call me after 5pm?",
];
const OUTGOING: &[&str] = &[
    "Just checking in: the replacement {p} is on its way.", "Your refund has been processed.",
    "Sorry for the wait, we are still looking into the delivery.",
    "Could you send a photo of the broken {p}?",
];
const NOTES: &[&str] = &[
    "Checked with the kitchen: that batch of {p} came out late.", "Called, no answer.",
    "The delivery van broke down that morning.", "Same customer complained last year about a {p}.",
];
const ROOT_CAUSES: &[&str] = &[
    "The delivery van broke down", "Boxes too small for tall cakes", "A new member of staff missed the order",
    "The oven ran too hot", "The website price list was out of date", "Phone orders were not written down",
];
const PREVENTIONS: &[&str] = &[
    "Keep a spare van booked on busy days", "Order taller cake boxes", "Read back every phone order",
    "Check the oven thermometer weekly", "",
];

/// splitmix64: tiny and the same everywhere, so a seed always gives the same data.
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
    fn say(&mut self, lines: &[&str], product: &str) -> String {
        self.pick(lines).replace("{p}", product)
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

fn instant(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(secs, 0).unwrap_or_default()
}

fn plan(rng: &mut Rng, customer: usize, received: i64, now: i64) -> Plan {
    let unhappy = rng.chance(12);
    let mut path = vec![(Step::Acknowledge, true), (Step::Apologize, true), (Step::Assure, true)];
    path.extend([(Step::Fix, true), (Step::FollowUp, !unhappy)]);
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
    let stop = if reason == Some(CloseReason::Resolved) { path.len() } else { rng.below(path.len()) };
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
        if at > now {
            return plan; // still under way today
        }
        let days = Days::new(rng.between(1, 10) as u64);
        let promised = (step == Step::Assure).then(|| instant(at).date_naive() + days);
        plan.done.push(Done { step, at, satisfied, promised });
    }
    let closing = at + rng.between(HOUR, 5 * DAY);
    plan.closed = reason.filter(|_| closing <= now).map(|reason| (closing, reason));
    plan
}

/// Writes `complaints` complaints from about a third as many customers, and
/// `contacts` timeline entries in all (more if their recorded steps need more).
pub fn populate(store: &mut Store, complaints: usize, contacts: usize, seed: u64) -> Result<()> {
    if complaints == 0 {
        return Ok(());
    }
    let now = store.clock().now().timestamp();
    let mut rng = Rng(seed);
    let mut received: Vec<i64> = (0..complaints).map(|_| now - rng.between(10 * MINUTE, SPAN)).collect();
    received.sort_unstable();
    let customers = (complaints / 3).max(1);
    let plans: Vec<Plan> = received
        .iter()
        .map(|&at| {
            let customer = rng.below(customers);
            plan(&mut rng, customer, at, now)
        })
        .collect();
    let mut since: Vec<i64> = (0..customers).map(|_| now - rng.between(DAY, SPAN)).collect();
    for plan in &plans {
        since[plan.customer] = since[plan.customer].min(plan.received);
    }
    // Every recorded step is on the timeline; the customer's own words and
    // later messages share what is left of `contacts`.
    let spare = contacts.saturating_sub(plans.iter().map(|plan| plan.done.len()).sum());
    let mut words_left = spare.min(complaints);
    let mut extra = vec![0u32; complaints];
    for _ in words_left..spare {
        extra[rng.below(complaints)] += 1;
    }

    let conn = store.connection_mut();
    let categories: Vec<i64> = conn
        .prepare("SELECT id FROM categories WHERE retired_at IS NULL")?
        .query_map([], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let tx = conn.transaction()?;
    let mut ids = Vec::with_capacity(customers);
    for (i, &at) in since.iter().enumerate() {
        let (first, last) = (rng.pick(FIRST), rng.pick(LAST));
        let name = format!("{first} {last}");
        let ascii = |word: &str| word.to_lowercase().replace(|c: char| !c.is_ascii_alphabetic(), "");
        let email = match rng.chance(80) {
            true => format!("{}.{}{i}@example.com", ascii(first), ascii(last)),
            false => String::new(),
        };
        let phone = match rng.chance(60) {
            true => format!("+44 7700 9{:05}", rng.below(100_000)),
            false => String::new(),
        };
        tx.prepare_cached("INSERT INTO customers (name, email, phone, created_at) VALUES (?1, ?2, ?3, ?4)")?
            .execute(params![name, email, phone, stamp(instant(at))])?;
        ids.push(tx.last_insert_rowid());
        log(&tx, None, Some(ids[i]), at, &format!("Added the customer {name}"))?;
    }
    tx.commit()?;
    for (batch, chunk) in plans.chunks(BATCH).enumerate() {
        let tx = conn.transaction()?;
        for (offset, plan) in chunk.iter().enumerate() {
            let i = batch * BATCH + offset;
            // Selection sampling: exactly `words_left` of the rest get words.
            let words = rng.below(complaints - i) < words_left;
            words_left -= usize::from(words);
            write(&tx, &mut rng, plan, ids[plan.customer], &categories, words, extra[i], now)?;
        }
        tx.commit()?;
    }
    Ok(())
}

#[allow(clippy::too_many_arguments)]
fn write(
    tx: &Transaction<'_>,
    rng: &mut Rng,
    plan: &Plan,
    customer_id: i64,
    categories: &[i64],
    words: bool,
    extra: u32,
    now: i64,
) -> Result<()> {
    let product = rng.pick(PRODUCTS);
    let (problem, told) = rng.pick(PROBLEMS);
    let channel = rng.pick(Channel::ALL);
    // One in five low, half normal, one in five high, one in ten urgent.
    let severity = Severity::ALL[[0, 0, 1, 1, 1, 1, 1, 2, 2, 3][rng.below(10)]];
    let said = match words {
        true => format!("{} I ordered the {product} for {} and it {told}. {}", rng.pick(OPENERS), rng.pick(OCCASIONS), rng.pick(ASKS)),
        false => String::new(),
    };
    let reference = if rng.chance(70) { format!("ORD-{:05}", rng.below(100_000)) } else { String::new() };
    let (mut next, mut acknowledged, mut apologized, mut promised, mut fixed) = (Step::Acknowledge, None, None, None, None);
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
    tx.prepare_cached(
        "INSERT INTO complaints (customer_id, summary, received_at, created_at, channel, is_public,
             customer_words, desired_outcome, reference, category_id, severity, step, acknowledged_at,
             apologized_at, promised_date, fixed_at, closed_at, close_reason)
         VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17)",
    )?
    .execute(params![
        customer_id,
        format!("{problem}: {product}"),
        stamp(instant(plan.received)),
        channel,
        matches!(channel, Channel::Review | Channel::Social) || rng.chance(3),
        said.trim(),
        rng.pick(OUTCOMES),
        reference,
        (rng.chance(93) && !categories.is_empty()).then(|| rng.pick(categories)),
        severity,
        next,
        acknowledged,
        apologized,
        promised,
        fixed,
        plan.closed.map(|(at, _)| stamp(instant(at))),
        plan.closed.map(|(_, reason)| reason),
    ])?;
    let id = tx.last_insert_rowid();
    log(tx, Some(id), Some(customer_id), plan.received, &format!("Received the complaint: {problem}: {product}"))?;
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
            Step::Acknowledge => rng.say(ACKS, product),
            Step::Apologize => format!("I'm truly sorry the {product} {told}. That is not what we want for you."),
            Step::Assure => format!("We will {} by {}.", rng.say(PLANS, product), rng.say(&["soon"], "").replace("soon", &done.promised.map(|day| day.to_string()).unwrap_or_default())),
            Step::Fix => {
                let index = rng.below(Remedy::ALL.len());
                remedy = Some(Remedy::ALL[index]);
                cost = (index < 4).then(|| rng.between(300, 9_000));
                FIXES[index].replace("{p}", product)
            }
            _ => {
                satisfaction = Some(if done.satisfied { rng.between(4, 6) } else { rng.between(1, 3) });
                match (rng.chance(50), done.satisfied) {
                    (true, true) => "Thanks, the replacement was lovely.".to_owned(),
                    (true, false) => format!("Still not happy: the {product} {told} again."),
                    _ => String::new(),
                }
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
        match done.step {
            Step::Fix => contact(Direction::Note, done.at, &format!("Fix: {text}"))?,
            Step::FollowUp if text.is_empty() => contact(Direction::Outgoing, done.at, "Followed up with the customer.")?,
            Step::FollowUp => contact(Direction::Incoming, done.at, &text)?,
            _ => contact(Direction::Outgoing, done.at, &text)?,
        }
        log(tx, Some(id), None, done.at, &format!("Recorded {}", done.step.title()))?;
    }
    let end = plan.closed.map_or(now, |(at, _)| at);
    for _ in 0..extra {
        let at = rng.between(plan.received, end);
        match rng.below(10) {
            0..=3 => contact(Direction::Incoming, at, &rng.say(INCOMING, product))?,
            4..=7 => contact(Direction::Outgoing, at, &rng.say(OUTGOING, product))?,
            _ => contact(Direction::Note, at, &rng.say(NOTES, product))?,
        }
    }
    if let Some((at, reason)) = plan.closed {
        let note = match reason {
            CloseReason::Other => "Duplicate of an earlier complaint",
            CloseReason::Withdrawn => "The customer said it is fine now",
            _ => "",
        };
        let check_in = (reason == CloseReason::Resolved && rng.chance(30)).then(|| instant(at + 14 * DAY).date_naive());
        tx.prepare_cached(
            "INSERT INTO step_records (complaint_id, step, done_at, text, close_reason, root_cause,
                 preventive_action, check_in_date, created_at)
             VALUES (?1, 'close', ?2, ?3, ?4, ?5, ?6, ?7, ?2)",
        )?
        .execute(params![id, stamp(instant(at)), note, reason, rng.pick(ROOT_CAUSES), rng.pick(PREVENTIONS), check_in])?;
        log(tx, Some(id), None, at, &format!("Closed the complaint ({})", reason.label().to_lowercase()))?;
    }
    if let Some(at) = last_outgoing {
        tx.prepare_cached("UPDATE complaints SET last_outgoing_at = ?2 WHERE id = ?1")?
            .execute(params![id, stamp(instant(at))])?;
    }
    search::refresh(tx, id)
}

fn log(tx: &Transaction<'_>, complaint: Option<i64>, customer: Option<i64>, at: i64, what: &str) -> Result<()> {
    tx.prepare_cached("INSERT INTO history (complaint_id, customer_id, at, who, what) VALUES (?1, ?2, ?3, 'owner', ?4)")?
        .execute(params![complaint, customer, stamp(instant(at)), what])?;
    Ok(())
}
