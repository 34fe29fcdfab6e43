//! Everything the UI needs to draw the journey: the coaching of each step
//! and the fixed lists with their labels, so that wording lives in one place.

use serde::Serialize;

use super::coaching::{Coaching, COACHING};
use crate::kinds::{Channel, CloseReason, Direction, Remedy, Severity};

#[derive(Debug, Serialize)]
pub struct Choice {
    pub value: &'static str,
    pub label: &'static str,
}

#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Guide {
    pub steps: &'static [Coaching],
    pub channels: Vec<Choice>,
    pub severities: Vec<Choice>,
    pub remedies: Vec<Choice>,
    pub close_reasons: Vec<Choice>,
    pub directions: Vec<Choice>,
}

macro_rules! choices {
    ($kind:ty) => {
        <$kind>::ALL
            .iter()
            .map(|kind| Choice {
                value: kind.as_str(),
                label: kind.label(),
            })
            .collect()
    };
}

pub fn guide() -> Guide {
    Guide {
        steps: &COACHING,
        channels: choices!(Channel),
        severities: choices!(Severity),
        remedies: choices!(Remedy),
        close_reasons: choices!(CloseReason),
        directions: choices!(Direction),
    }
}
