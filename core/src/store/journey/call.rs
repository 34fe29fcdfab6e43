//! One sitting: a call (or visit, or message) in which the owner did
//! several steps in a row, recorded in one go by the same rules as one at
//! a time.

use serde::Deserialize;

use super::entry::Validated;
use super::{write_record, StepEntry};
use crate::error::{Error, Problems, Result};
use crate::journey::Step;
use crate::kinds::{Channel, Direction};
use crate::store::complaints::ComplaintDetails;
use crate::store::rows::progress;
use crate::store::timeline::insert_contact;
use crate::store::Store;

impl Store {
    /// Records one call (or visit, or message) in which the owner did
    /// several steps in a row: acknowledged, apologized and promised. Each
    /// step is recorded in order, by the same rules as one at a time, and
    /// the call is one entry on the timeline. All or nothing.
    pub fn record_call(&mut self, complaint_id: i64, call: &Call) -> Result<ComplaintDetails> {
        if call.steps.is_empty() {
            return Err(Error::InvalidInput(
                "Please tick what you did on the call: acknowledged, apologized or promised."
                    .into(),
            ));
        }
        if let Some(step) = call.steps.iter().find(|step| !CALL_STEPS.contains(step)) {
            return Err(Error::InvalidInput(format!(
                "{} is recorded on its own, not as part of a call.",
                step.title()
            )));
        }
        let mut steps = call.steps.clone();
        steps.sort_by_key(|step| CALL_STEPS.iter().position(|s| s == step));
        steps.dedup();
        let entry_for = |step: Step| StepEntry {
            done_at: call.done_at.clone(),
            channel: call.channel,
            text: if step == Step::Assure {
                call.plan.clone()
            } else {
                call.said.clone()
            },
            promised_date: call.promised_date.clone(),
            ..StepEntry::default()
        };
        self.write(|write| {
            // Everything wrong with the call's fields is said at once,
            // against the call form's own fields, before anything is written.
            let (_, received_at) = progress(write, complaint_id)?;
            let mut problems = Problems::default();
            for &step in &steps {
                let text_field = if step == Step::Assure { "plan" } else { "said" };
                let checked = Validated::new(step, &entry_for(step), write.clock(), received_at)
                    .map_err(|error| error.renaming_field("text", text_field));
                problems.check("", checked);
            }
            problems.finish()?;
            let mut last = None;
            for &step in &steps {
                last = Some(write_record(write, complaint_id, step, &entry_for(step))?);
            }
            let record = last.expect("at least one step");
            let mut words = call.said.trim().to_owned();
            if steps.contains(&Step::Assure) {
                words.push_str(&format!("\nPromised: {}", call.plan.trim()));
            }
            insert_contact(
                write,
                complaint_id,
                Direction::Outgoing,
                record.channel.expect("write_record settles the channel"),
                record.done_at,
                words.trim(),
                write.clock().now(),
            )?;
            Ok(())
        })?;
        self.complaint(complaint_id)
    }
}

/// The steps one call may cover, in the order they must be done.
const CALL_STEPS: [Step; 3] = [Step::Acknowledge, Step::Apologize, Step::Assure];

/// One call in which the owner did several steps (see `Store::record_call`).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Call {
    pub steps: Vec<Step>,
    pub done_at: Option<String>,
    pub channel: Option<Channel>,
    /// What was said: the acknowledgement and the apology.
    pub said: String,
    /// What the owner promised to do (for Assure).
    pub plan: String,
    pub promised_date: Option<String>,
}
