//! Reading a cell as what Mend keeps: a status, a severity, a channel, and
//! a summary taken from the complaint's own text.

use crate::kinds::Severity;
use crate::store::rows::MAX_SUMMARY_CHARS;

/// Whether a status as written means closed (Some(true)) or open.
pub(crate) fn status_of(value: &str) -> Option<bool> {
    const CLOSED: &[&str] = &[
        "closed",
        "done",
        "resolved",
        "refunded",
        "replaced",
        "fixed",
        "complete",
        "completed",
        "finished",
        "sorted",
        "settled",
        "solved",
        "yes",
    ];
    const OPEN: &[&str] = &[
        "open",
        "new",
        "pending",
        "in progress",
        "ongoing",
        "waiting",
        "todo",
        "to do",
        "not started",
        "unresolved",
        "not done",
        "no",
    ];
    let value = value.trim().to_lowercase();
    let starts = |list: &[&str]| {
        list.iter().any(|word| {
            value == *word
                || value
                    .strip_prefix(word)
                    .is_some_and(|rest| rest.starts_with(|c: char| !c.is_alphanumeric()))
        })
    };
    // "Not done" and "unresolved" are open: the open words are read first.
    if starts(OPEN) {
        Some(false)
    } else if starts(CLOSED) {
        Some(true)
    } else {
        None
    }
}

/// A severity as owners write it: Mend's own words, and the usual others
/// ("Medium", "Critical").
pub(super) fn severity_of(word: &str) -> Option<Severity> {
    if let Some(known) = choice(word, Severity::ALL, Severity::label, Severity::as_str) {
        return Some(known);
    }
    match word.trim().to_lowercase().as_str() {
        "minor" | "lowest" | "p4" => Some(Severity::Low),
        "medium" | "med" | "moderate" | "average" | "p3" => Some(Severity::Normal),
        "major" | "important" | "highest" | "p2" => Some(Severity::High),
        "critical" | "emergency" | "asap" | "p1" => Some(Severity::Urgent),
        _ => None,
    }
}

/// The start of the complaint's text as its summary: its first line, in
/// whole words, at most `MAX_SUMMARY_CHARS` characters.
pub fn summary_from(text: &str) -> String {
    let line = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty())
        .unwrap_or("");
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() <= MAX_SUMMARY_CHARS {
        return line;
    }
    let mut kept = String::new();
    for word in line.split(' ') {
        // One character is kept for the ellipsis.
        if kept.chars().count() + word.chars().count() + 1 > MAX_SUMMARY_CHARS - 1 {
            break;
        }
        if !kept.is_empty() {
            kept.push(' ');
        }
        kept.push_str(word);
    }
    if kept.is_empty() {
        kept = line.chars().take(MAX_SUMMARY_CHARS - 1).collect();
    }
    kept.push('…');
    kept
}

pub(super) fn choice<T: Copy>(
    value: &str,
    all: &[T],
    label: impl Fn(T) -> &'static str,
    word: impl Fn(T) -> &'static str,
) -> Option<T> {
    let wanted = value.trim().to_lowercase();
    all.iter()
        .copied()
        .find(|kind| label(*kind).to_lowercase() == wanted || word(*kind) == wanted)
}
