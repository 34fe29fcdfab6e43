//! Turning planned complaints into rows, as the store itself would write them.

use chrono::{DateTime, Days, NaiveDate, Utc};
use rusqlite::{params, Transaction};

use super::{Generator, Plan, DAY};
use crate::dates::stamp;
use crate::error::Result;
use crate::journey::{after_record, Step};
use crate::kinds::Direction::{self, Incoming, Note, Outgoing};
use crate::kinds::{Channel, CloseReason, Remedy, Severity};

/// Unix seconds as the store writes times.
fn time(secs: i64) -> String {
    stamp(DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default())
}

fn day(secs: i64) -> NaiveDate {
    let instant = DateTime::<Utc>::from_timestamp(secs, 0).unwrap_or_default();
    instant.date_naive()
}

impl Generator {
    /// A line of `list`, with its blanks filled.
    fn say(&mut self, list: &str, fill: &[(&str, &str)]) -> String {
        let line = self.rng.pick(self.words.list(list)).to_owned();
        fill.iter()
            .fold(line, |line, (blank, word)| line.replace(blank, word))
    }

    pub(super) fn customer(&mut self, tx: &Transaction<'_>, at: i64) -> Result<i64> {
        let first = self.rng.pick(self.words.list("first names"));
        let last = self.rng.pick(self.words.list("last names"));
        let name = format!("{first} {last}");
        let ascii = |word: &str| {
            word.to_lowercase()
                .replace(|c: char| !c.is_ascii_lowercase(), "")
        };
        let n = self.rng.below(999);
        let mut email = format!("{}.{}{n}@example.com", ascii(first), ascii(last));
        let mut phone = format!("+44 7700 9{:05}", self.rng.below(100_000));
        if self.rng.chance(20) {
            email.clear();
        } else if self.rng.chance(40) {
            phone.clear();
        }
        let sql = "INSERT INTO customers (name, email, phone, created_at) VALUES (?, ?, ?, ?)";
        let mut insert = tx.prepare_cached(sql)?;
        insert.execute(params![name, email, phone, time(at)])?;
        let id = tx.last_insert_rowid();
        let what = format!("Added the customer {name}");
        log(tx, (None, Some(id)), at, &what)?;
        Ok(id)
    }

    pub(super) fn complaint(&mut self, tx: &Transaction<'_>, plan: &Plan, who: i64) -> Result<i64> {
        let product = self.rng.pick(self.words.list("products"));
        let problem = self.rng.pick(self.words.list("problems"));
        let (problem, told) = problem.split_once(" | ").unwrap_or_default();
        let summary = format!("{problem}: {product}");
        let occasion = self.say("occasions", &[]);
        let story = [
            ("{p}", product),
            ("{told}", told),
            ("{occasion}", occasion.as_str()),
        ];
        let (opener, asks) = (self.say("openers", &story), self.say("asks", &story));
        let said = format!("{opener} I ordered the {product} for {occasion} and it {told}. {asks}");
        let said = if plan.words { said.trim() } else { "" };
        let rng = &mut self.rng;
        let channel = rng.pick(Channel::ALL);
        let public = matches!(channel, Channel::Review | Channel::Social) || rng.chance(3);
        let outcome = rng.pick(self.words.list("outcomes"));
        let order = format!("ORD-{:05}", rng.below(100_000));
        let order = if rng.chance(70) { order.as_str() } else { "" };
        let any = !self.categories.is_empty() && rng.chance(93);
        let category = any.then(|| rng.pick(&self.categories));
        // One in five low, half normal, one in five high, one in ten urgent.
        let severity = Severity::ALL[[0, 0, 1, 1, 1, 1, 1, 2, 2, 3][rng.below(10)]];
        let received = time(plan.received);
        let closed = plan.closed.map(|(at, _)| time(at));
        let reason = plan.closed.map(|(_, reason)| reason);
        let mut insert = tx.prepare_cached(
            "INSERT INTO complaints (customer_id, summary, received_at, created_at, channel,
                 is_public, customer_words, desired_outcome, reference, category_id, severity,
                 closed_at, close_reason)
             VALUES (?1, ?2, ?3, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        )?;
        insert.execute(params![
            who, summary, received, channel, public, said, outcome, order, category, severity,
            closed, reason
        ])?;
        let id = tx.last_insert_rowid();
        let what = format!("Received the complaint: {summary}");
        log(tx, (Some(id), Some(who)), plan.received, &what)?;

        let mut last_outgoing = None;
        let mut contact = |direction: Direction, at: i64, text: &str| -> Result<()> {
            let mut insert = tx.prepare_cached(
                "INSERT INTO contacts (complaint_id, direction, channel, at, text, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?4)",
            )?;
            insert.execute(params![id, direction, channel, time(at), text.trim()])?;
            if direction == Outgoing {
                last_outgoing = last_outgoing.max(Some(at));
            }
            Ok(())
        };
        if plan.words {
            contact(Incoming, plan.received, said)?;
        }
        // The steps as `record_step` writes them, and where they leave the complaint.
        let (mut next, mut ack, mut apology, mut promised, mut fixed) =
            (Step::Acknowledge, None, None, None, None);
        for &(step, at, satisfied) in &plan.done {
            let days = Days::new(self.rng.below(9) as u64 + 1);
            let promise = (step == Step::Assure).then(|| day(at) + days);
            let list = if satisfied { step.as_str() } else { "unhappy" };
            let by = promise.map(|day| day.to_string()).unwrap_or_default();
            let line = self.say(list, &story).replace("{day}", &by);
            let (remedy, text) = match line.split_once(" | ") {
                Some((word, text)) => (Remedy::parse(word), text),
                None => (None, line.as_str()),
            };
            let cost = remedy.filter(|remedy| *remedy != Remedy::Explanation);
            let cost = cost.map(|_| self.rng.between(300, 9_000));
            let points = self.rng.between(1, 3) + 3 * i64::from(satisfied);
            let score = (step == Step::FollowUp).then_some(points);
            let happy = score.map(|_| satisfied);
            let mut insert = tx.prepare_cached(
                "INSERT INTO step_records (complaint_id, step, done_at, channel, text,
                     promised_date, remedy, cost_cents, satisfaction, satisfied, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?3)",
            )?;
            let when = time(at);
            insert.execute(params![
                id, step, when, channel, text, promise, remedy, cost, score, happy
            ])?;
            match step {
                Step::Acknowledge => ack = Some(when),
                Step::Apologize => apology = Some(when),
                Step::Assure => promised = promise,
                Step::Fix => fixed = Some(when),
                _ if !satisfied => fixed = None,
                _ => {}
            }
            next = after_record(step, satisfied);
            match step {
                Step::Fix => contact(Note, at, &format!("Fix: {text}"))?,
                Step::FollowUp if !text.is_empty() => contact(Incoming, at, text)?,
                Step::FollowUp => contact(Outgoing, at, "Followed up with the customer.")?,
                _ => contact(Outgoing, at, text)?,
            }
            let what = format!("Recorded {}", step.title());
            log(tx, (Some(id), None), at, &what)?;
        }
        let end = plan.closed.map_or(self.now, |(at, _)| at);
        for _ in 0..plan.extra {
            let at = self.rng.between(plan.received, end);
            let (direction, list) = match self.rng.below(3) {
                0 => (Incoming, "incoming"),
                1 => (Outgoing, "outgoing"),
                _ => (Note, "notes"),
            };
            contact(direction, at, &self.say(list, &story))?;
        }
        let mut update = tx.prepare_cached(
            "UPDATE complaints SET step = ?2, acknowledged_at = ?3, apologized_at = ?4,
                 promised_date = ?5, fixed_at = ?6, last_outgoing_at = ?7
             WHERE id = ?1",
        )?;
        let outgoing = last_outgoing.map(time);
        update.execute(params![id, next, ack, apology, promised, fixed, outgoing])?;
        if let Some((at, reason)) = plan.closed {
            self.close(tx, id, at, reason)?;
        }
        Ok(id)
    }

    fn close(&mut self, tx: &Transaction<'_>, id: i64, at: i64, reason: CloseReason) -> Result<()> {
        let note = match reason {
            CloseReason::Other => "Duplicate of an earlier complaint",
            CloseReason::Withdrawn => "The customer said it is fine now",
            _ => "",
        };
        let resolved = reason == CloseReason::Resolved;
        let check_in = (resolved && self.rng.chance(30)).then(|| day(at + 14 * DAY));
        let cause = self.rng.pick(self.words.list("root causes"));
        let prevention = self.rng.pick(self.words.list("preventions"));
        let mut insert = tx.prepare_cached(
            "INSERT INTO step_records (complaint_id, step, done_at, text, close_reason, root_cause,
                 preventive_action, check_in_date, created_at)
             VALUES (?1, 'close', ?2, ?3, ?4, ?5, ?6, ?7, ?2)",
        )?;
        let when = time(at);
        insert.execute(params![id, when, note, reason, cause, prevention, check_in])?;
        // Most closes name a cause; some complaints belong to a known issue;
        // a few lessons become improvements, most of them made, some checked.
        let cause_id =
            (!self.causes.is_empty() && self.rng.chance(85)).then(|| self.rng.pick(&self.causes));
        let issue_id = (!self.known_issues.is_empty() && self.rng.chance(10))
            .then(|| self.rng.pick(&self.known_issues));
        tx.prepare_cached(
            "UPDATE complaints SET cause_id = ?2, known_issue_id = ?3 WHERE id = ?1",
        )?
        .execute(params![id, cause_id, issue_id])?;
        if !prevention.trim().is_empty() && self.rng.chance(5) {
            let done = (at + self.rng.between(DAY, 20 * DAY)).min(self.now);
            let done = self.rng.chance(70).then(|| day(done));
            let check = done.and_then(|done| done.checked_add_days(Days::new(30)));
            let worked = (check.is_some_and(|check| check < day(self.now)) && self.rng.chance(60))
                .then(|| when.clone());
            let cost = self.rng.chance(50).then(|| self.rng.between(500, 30_000));
            tx.prepare_cached(
                "INSERT INTO improvements (what, complaint_id, known_issue_id, cause_id, due_date,
                        done_date, cost_cents, check_date, worked_at, created_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?
            .execute(params![
                prevention,
                id,
                issue_id,
                cause_id,
                day(at + 14 * DAY),
                done,
                cost,
                check,
                worked,
                when
            ])?;
        }
        let what = format!("Closed the complaint ({})", reason.label().to_lowercase());
        log(tx, (Some(id), None), at, &what)
    }

    pub(super) fn known_issue(&mut self, tx: &Transaction<'_>) -> Result<i64> {
        let problem = self.rng.pick(self.words.list("problems"));
        let (problem, _) = problem.split_once(" | ").unwrap_or_default();
        let product = self.rng.pick(self.words.list("products"));
        let at = self.ago(super::SPAN);
        let fixed = self.rng.chance(50);
        tx.prepare_cached(
            "INSERT INTO known_issues (title, workaround, what_changed, status, fixed_at, created_at)
             VALUES (?1, 'Offer a replacement straight away', ?2, ?3, ?4, ?5)",
        )?
        .execute(params![
            format!("{problem}: {product}"),
            if fixed { "A new way of working" } else { "" },
            if fixed { "fixed" } else { "being_fixed" },
            fixed.then(|| time((at + 30 * DAY).min(self.now))),
            time(at)
        ])?;
        Ok(tx.last_insert_rowid())
    }
}

/// Appends a line to the history of a complaint, a customer, or both.
fn log(tx: &Transaction<'_>, about: (Option<i64>, Option<i64>), at: i64, what: &str) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT INTO history (complaint_id, customer_id, at, who, what)
         VALUES (?1, ?2, ?3, 'owner', ?4)",
    )?;
    insert.execute(params![about.0, about.1, time(at), what])?;
    Ok(())
}
