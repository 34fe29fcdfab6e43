//! Reminders: which ones a complaint needs and when, where a snooze ends,
//! and what a notification says. Pure decisions; the store keeps them.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Utc, Weekday};
use serde::{Deserialize, Serialize};

use crate::clock::Clock;
use crate::journey::Step;
use crate::kinds::{IssueStatus, Severity};

/// What a reminder is for. All but `Custom` follow the complaint's state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReminderKind {
    Acknowledge,
    PromiseEve,
    PromiseDay,
    Update,
    FollowUp,
    CheckIn,
    Custom,
    /// The day before a known issue's target date.
    IssueTargetEve,
    /// A known issue's target date.
    IssueTargetDay,
    /// A known issue is fixed and some of its customers are not told yet.
    TellCustomers,
    /// An improvement is due to be made.
    ImprovementDue,
    /// An improvement was made a while ago: did it work?
    ImprovementCheck,
}

impl ReminderKind {
    pub const DERIVED: [ReminderKind; 6] = [
        ReminderKind::Acknowledge,
        ReminderKind::PromiseEve,
        ReminderKind::PromiseDay,
        ReminderKind::Update,
        ReminderKind::FollowUp,
        ReminderKind::CheckIn,
    ];

    /// The ones that follow a known issue's state.
    pub const ISSUE_DERIVED: [ReminderKind; 3] = [
        ReminderKind::IssueTargetEve,
        ReminderKind::IssueTargetDay,
        ReminderKind::TellCustomers,
    ];

    /// The ones that follow an improvement's state.
    pub const IMPROVEMENT_DERIVED: [ReminderKind; 2] =
        [ReminderKind::ImprovementDue, ReminderKind::ImprovementCheck];

    pub fn as_str(self) -> &'static str {
        match self {
            ReminderKind::Acknowledge => "acknowledge",
            ReminderKind::PromiseEve => "promise_eve",
            ReminderKind::PromiseDay => "promise_day",
            ReminderKind::Update => "update",
            ReminderKind::FollowUp => "follow_up",
            ReminderKind::CheckIn => "check_in",
            ReminderKind::Custom => "custom",
            ReminderKind::IssueTargetEve => "issue_target_eve",
            ReminderKind::IssueTargetDay => "issue_target_day",
            ReminderKind::TellCustomers => "tell_customers",
            ReminderKind::ImprovementDue => "action_due",
            ReminderKind::ImprovementCheck => "action_check",
        }
    }

    pub fn parse(word: &str) -> Option<ReminderKind> {
        ReminderKind::DERIVED
            .into_iter()
            .chain([ReminderKind::Custom])
            .chain(ReminderKind::ISSUE_DERIVED)
            .chain(ReminderKind::IMPROVEMENT_DERIVED)
            .find(|kind| kind.as_str() == word)
    }

    /// What the owner should do, as a notification's title.
    pub fn title(self) -> &'static str {
        match self {
            ReminderKind::Acknowledge => "Acknowledge a new complaint",
            ReminderKind::PromiseEve => "A promise is due tomorrow",
            ReminderKind::PromiseDay => "A promise is due today",
            ReminderKind::Update => "Send the customer an update",
            ReminderKind::FollowUp => "Follow up on a fix",
            ReminderKind::CheckIn => "Check in with a customer",
            ReminderKind::Custom => "Reminder",
            ReminderKind::IssueTargetEve => "A known issue is due to be fixed tomorrow",
            ReminderKind::IssueTargetDay => "A known issue is due to be fixed today",
            ReminderKind::TellCustomers => "Tell the customers a known issue is fixed",
            ReminderKind::ImprovementDue => "An improvement is due",
            ReminderKind::ImprovementCheck => "Did an improvement work? Check it",
        }
    }

    /// The step of the complaint that the reminder is about.
    pub fn step(self) -> Option<Step> {
        match self {
            ReminderKind::Acknowledge => Some(Step::Acknowledge),
            ReminderKind::PromiseEve | ReminderKind::PromiseDay => Some(Step::Fix),
            ReminderKind::FollowUp => Some(Step::FollowUp),
            ReminderKind::CheckIn => Some(Step::Close),
            ReminderKind::Update
            | ReminderKind::Custom
            | ReminderKind::IssueTargetEve
            | ReminderKind::IssueTargetDay
            | ReminderKind::TellCustomers
            | ReminderKind::ImprovementDue
            | ReminderKind::ImprovementCheck => None,
        }
    }
}

/// The delays the owner can change in Settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReminderSettings {
    pub acknowledge_after_hours: u32,
    pub update_after_days: u32,
    pub follow_up_after_days: u32,
    pub check_in_enabled: bool,
    pub check_in_after_days: u32,
}

impl Default for ReminderSettings {
    fn default() -> Self {
        ReminderSettings {
            acknowledge_after_hours: 4,
            update_after_days: 3,
            follow_up_after_days: 3,
            check_in_enabled: false,
            check_in_after_days: 30,
        }
    }
}

/// What the rules read from a complaint.
#[derive(Debug, Clone, PartialEq)]
pub struct ComplaintState {
    pub received_at: DateTime<Utc>,
    pub severity: Severity,
    pub step: Step,
    pub acknowledged_at: Option<DateTime<Utc>>,
    pub promised_date: Option<NaiveDate>,
    pub fixed_at: Option<DateTime<Utc>>,
    pub last_outgoing_at: Option<DateTime<Utc>>,
    pub closed_at: Option<DateTime<Utc>>,
    /// A check-in day the owner chose when closing.
    pub check_in_date: Option<NaiveDate>,
}

/// Morning reminders (the day before a promise, a snooze to tomorrow) ring at 9:00.
pub const MORNING: NaiveTime = match NaiveTime::from_hms_opt(9, 0, 0) {
    Some(time) => time,
    None => panic!("9:00 is a time"),
};

fn morning_of(day: NaiveDate, clock: &dyn Clock) -> DateTime<Utc> {
    clock.instant_of(day.and_time(MORNING))
}

/// When each derived reminder of a complaint is due; a kind that is absent
/// is not needed (any open one of that kind is complete).
pub fn derive(
    state: &ComplaintState,
    settings: &ReminderSettings,
    clock: &dyn Clock,
) -> Vec<(ReminderKind, DateTime<Utc>)> {
    let mut due = Vec::new();
    if let Some(closed_at) = state.closed_at {
        if let Some(day) = state.check_in_date {
            due.push((ReminderKind::CheckIn, morning_of(day, clock)));
        } else if settings.check_in_enabled {
            due.push((
                ReminderKind::CheckIn,
                closed_at + Duration::days(settings.check_in_after_days.into()),
            ));
        }
        return due;
    }
    match state.acknowledged_at {
        None => {
            let delay = if state.severity == Severity::Urgent {
                Duration::zero()
            } else {
                Duration::hours(settings.acknowledge_after_hours.into())
            };
            due.push((ReminderKind::Acknowledge, state.received_at + delay));
        }
        Some(acknowledged_at)
            if matches!(state.step, Step::Apologize | Step::Assure | Step::Fix) =>
        {
            let last = state.last_outgoing_at.unwrap_or(acknowledged_at);
            due.push((
                ReminderKind::Update,
                last + Duration::days(settings.update_after_days.into()),
            ));
        }
        Some(_) => {}
    }
    if let (Some(day), None) = (state.promised_date, state.fixed_at) {
        if let Some(eve) = day.pred_opt() {
            due.push((ReminderKind::PromiseEve, morning_of(eve, clock)));
        }
        due.push((ReminderKind::PromiseDay, morning_of(day, clock)));
    }
    if let (Step::FollowUp, Some(fixed_at)) = (state.step, state.fixed_at) {
        due.push((
            ReminderKind::FollowUp,
            fixed_at + Duration::days(settings.follow_up_after_days.into()),
        ));
    }
    due
}

/// What the rules read from a known issue.
#[derive(Debug, Clone, PartialEq)]
pub struct IssueState {
    pub status: IssueStatus,
    pub target_date: Option<NaiveDate>,
    pub fixed_at: Option<DateTime<Utc>>,
    /// Some customers behind it are neither told nor passed over.
    pub customers_untold: bool,
}

/// When each derived reminder of a known issue is due: its target date
/// like a promise (the morning before and of), and once it is fixed, the
/// customers to tell, until each is told or passed over.
pub fn derive_for_issue(
    state: &IssueState,
    clock: &dyn Clock,
) -> Vec<(ReminderKind, DateTime<Utc>)> {
    let mut due = Vec::new();
    if state.status.is_fixed() {
        if let (Some(fixed_at), true) = (state.fixed_at, state.customers_untold) {
            due.push((ReminderKind::TellCustomers, fixed_at));
        }
    } else if let Some(day) = state.target_date {
        if let Some(eve) = day.pred_opt() {
            due.push((ReminderKind::IssueTargetEve, morning_of(eve, clock)));
        }
        due.push((ReminderKind::IssueTargetDay, morning_of(day, clock)));
    }
    due
}

/// What the rules read from an improvement.
#[derive(Debug, Clone, PartialEq)]
pub struct ImprovementState {
    pub due_date: Option<NaiveDate>,
    pub done_date: Option<NaiveDate>,
    pub check_date: Option<NaiveDate>,
    pub worked: bool,
}

/// An improvement is reminded the morning it is due until it is done, then
/// the morning of its check until the owner says it worked.
pub fn derive_for_improvement(
    state: &ImprovementState,
    clock: &dyn Clock,
) -> Vec<(ReminderKind, DateTime<Utc>)> {
    match (state.done_date, state.due_date, state.check_date) {
        (None, Some(due), _) => vec![(ReminderKind::ImprovementDue, morning_of(due, clock))],
        (Some(_), _, Some(check)) if !state.worked => {
            vec![(ReminderKind::ImprovementCheck, morning_of(check, clock))]
        }
        _ => Vec::new(),
    }
}

/// How long a reminder is put off.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Snooze {
    /// One hour from now.
    Hour,
    /// Tomorrow at 9:00, the owner's time.
    Tomorrow,
    /// Next Monday at 9:00, the owner's time.
    NextWeek,
    /// A moment the owner chose (RFC 3339).
    Until(String),
}

/// Where a snooze of the fixed kinds ends, seen from `now`.
pub fn snooze_end(snooze: &Snooze, clock: &dyn Clock) -> Option<DateTime<Utc>> {
    let now = clock.now();
    let today = clock.local(now).date();
    match snooze {
        Snooze::Hour => Some(now + Duration::hours(1)),
        Snooze::Tomorrow => today.succ_opt().map(|day| morning_of(day, clock)),
        Snooze::NextWeek => {
            let days_to_monday = 7 - i64::from(today.weekday().num_days_from_monday());
            let monday = today + Duration::days(days_to_monday);
            debug_assert_eq!(monday.weekday(), Weekday::Mon);
            Some(morning_of(monday, clock))
        }
        Snooze::Until(_) => None,
    }
}

/// A notification's title and body: what to do, then who and what about.
pub fn message(
    kind: ReminderKind,
    note: &str,
    customer: Option<&str>,
    summary: Option<&str>,
) -> (String, String) {
    let title = match kind {
        ReminderKind::Custom if !note.trim().is_empty() => {
            format!("Reminder: {}", first_line(note))
        }
        _ => kind.title().to_owned(),
    };
    let body = match (customer, summary) {
        (Some(customer), Some(summary)) => format!("{customer}: {summary}"),
        // A known issue's or an improvement's reminder: the summary is its title.
        (None, Some(title))
            if ReminderKind::ISSUE_DERIVED.contains(&kind)
                || ReminderKind::IMPROVEMENT_DERIVED.contains(&kind) =>
        {
            title.to_owned()
        }
        _ if kind == ReminderKind::Custom => String::new(),
        _ => String::from("Open Mend to see it."),
    };
    (title, body)
}

/// More than this many at once become one summary notification.
pub const MAX_SEPARATE_NOTIFICATIONS: usize = 3;

/// The one notification that stands for many.
pub fn summary_message(count: usize, customers: &[String]) -> (String, String) {
    let mut names: Vec<&str> = Vec::new();
    for name in customers {
        if !names.contains(&name.as_str()) {
            names.push(name);
        }
    }
    let shown: Vec<&str> = names.iter().take(3).copied().collect();
    let more = names.len().saturating_sub(shown.len());
    let mut body = shown.join(", ");
    if more > 0 {
        body.push_str(&format!(" and {more} more"));
    }
    if body.is_empty() {
        body = "Open Mend to see them.".into();
    } else {
        body = format!("For {body}. Open Mend to see them.");
    }
    (format!("{count} reminders are due"), body)
}

fn first_line(text: &str) -> String {
    let line = text.lines().next().unwrap_or("").trim();
    let mut short: String = line.chars().take(80).collect();
    if line.chars().count() > 80 {
        short.push('…');
    }
    short
}

#[cfg(test)]
mod tests;
