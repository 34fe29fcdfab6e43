//! The guided journey: the seven steps, their order, and the rules that say
//! what may be recorded when. Pure decisions; the store applies them.

pub mod coaching;
pub mod guide;
pub mod template;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Receive,
    Acknowledge,
    Apologize,
    Assure,
    Fix,
    FollowUp,
    Close,
}

impl Step {
    pub const ALL: [Step; 7] = [
        Step::Receive,
        Step::Acknowledge,
        Step::Apologize,
        Step::Assure,
        Step::Fix,
        Step::FollowUp,
        Step::Close,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Step::Receive => "receive",
            Step::Acknowledge => "acknowledge",
            Step::Apologize => "apologize",
            Step::Assure => "assure",
            Step::Fix => "fix",
            Step::FollowUp => "follow_up",
            Step::Close => "close",
        }
    }

    pub fn parse(word: &str) -> Option<Step> {
        Step::ALL.into_iter().find(|step| step.as_str() == word)
    }

    /// The step's name as the owner reads it.
    pub fn title(self) -> &'static str {
        coaching::coaching(self).title
    }

    /// The step that comes after this one on the usual path.
    pub fn next(self) -> Step {
        match self {
            Step::Receive => Step::Acknowledge,
            Step::Acknowledge => Step::Apologize,
            Step::Apologize => Step::Assure,
            Step::Assure => Step::Fix,
            Step::Fix => Step::FollowUp,
            Step::FollowUp | Step::Close => Step::Close,
        }
    }
}

impl ToSql for Step {
    fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
        Ok(ToSqlOutput::from(self.as_str()))
    }
}

impl FromSql for Step {
    fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
        let word = value.as_str()?;
        Step::parse(word)
            .ok_or_else(|| FromSqlError::Other(format!("unknown step '{word}'").into()))
    }
}

/// Where a complaint stands, as far as the rules care.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    /// The step to do next.
    pub next: Step,
    pub apologized: bool,
    pub closed: bool,
}

/// Why the fix must wait: the articles are firm that the apology comes first.
pub const FIX_BEFORE_APOLOGY: &str = "Please apologize before recording a fix. \
     A fix without an apology feels cold: say sorry first, then put it right.";

/// May `step` be recorded now? If not, the refusal says why and what to do.
pub fn check_record(progress: Progress, step: Step) -> Result<()> {
    if progress.closed {
        return Err(Error::Refused(
            "This complaint is closed. Reopen it first to record more.".into(),
        ));
    }
    if step == Step::Receive {
        return Err(Error::Refused(
            "This complaint has already been received.".into(),
        ));
    }
    if step == Step::Close {
        return Err(Error::Refused(
            "Use \"Close the complaint\" to close it, with its lesson.".into(),
        ));
    }
    if step == Step::Fix && !progress.apologized {
        return Err(Error::Refused(FIX_BEFORE_APOLOGY.into()));
    }
    if step < progress.next {
        return Err(Error::Refused(format!(
            "\"{}\" is already done. The next step is \"{}\".",
            step.title(),
            progress.next.title()
        )));
    }
    if step > progress.next {
        return Err(Error::Refused(format!(
            "Please do \"{}\" first: the steps are done in order, and \"{}\" comes later.",
            progress.next.title(),
            step.title()
        )));
    }
    Ok(())
}

/// The step after recording `step`; an unsatisfied follow-up goes back to
/// Assure, so that a new plan is made.
pub fn after_record(step: Step, satisfied: bool) -> Step {
    if step == Step::FollowUp && !satisfied {
        Step::Assure
    } else {
        step.next()
    }
}

/// Closing before the follow-up is done is closing early: it needs a reason.
pub fn check_close(progress: Progress, reason_given: bool, resolved: bool) -> Result<()> {
    if progress.closed {
        return Err(Error::Refused("This complaint is already closed.".into()));
    }
    let early = progress.next != Step::Close;
    if early && resolved {
        return Err(Error::Refused(format!(
            "This complaint is not resolved yet (next step: \"{}\"). To close it now, \
             choose why: withdrawn, customer unreachable, or another reason.",
            progress.next.title()
        )));
    }
    if !reason_given {
        return Err(Error::InvalidInput(
            "Please say why you are closing it early.".into(),
        ));
    }
    Ok(())
}

/// A closed complaint can be reopened; an open one cannot.
pub fn check_reopen(progress: Progress) -> Result<()> {
    if !progress.closed {
        return Err(Error::Refused("This complaint is already open.".into()));
    }
    Ok(())
}

#[cfg(test)]
mod tests;
