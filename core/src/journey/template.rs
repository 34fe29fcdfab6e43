//! Message drafts: a template with {placeholders}, filled from a complaint.

use serde::Serialize;

/// A filled-in draft, and what the owner must still fill in by hand before
/// it can be sent (each shows in the text as a gap such as "[remedy]").
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Draft {
    pub text: String,
    /// The gaps as they appear in the text, in order: "[promised date]".
    pub gaps: Vec<String>,
}

/// The values a template may use. Missing values show as a visible gap the
/// owner must fill in, such as "[promised date]".
#[derive(Debug, Default, Clone)]
pub struct Values {
    pub first_name: String,
    pub business_name: String,
    pub owner_name: String,
    pub summary: String,
    pub promised_date: String,
    pub remedy: String,
    /// A known issue's title, and what changed to fix it: for the message
    /// telling a customer it is fixed.
    pub issue: String,
    pub what_changed: String,
}

/// The placeholders of the steps' templates.
pub const PLACEHOLDERS: [&str; 6] = [
    "first_name",
    "business_name",
    "owner_name",
    "summary",
    "promised_date",
    "remedy",
];

/// The placeholders of the message telling a customer a known issue is fixed.
pub const ISSUE_FIXED_PLACEHOLDERS: [&str; 5] = [
    "first_name",
    "business_name",
    "owner_name",
    "issue",
    "what_changed",
];

/// Mend's own wording of the message telling a customer a known issue is fixed.
pub const ISSUE_FIXED_TEMPLATE: &str = "Hello {first_name},

When you got in touch with us, you ran into a problem we have been working on: “{issue}”. I am glad to say it is now fixed. {what_changed}

Thank you for telling us about it: it helped us put it right for everyone.

Best wishes,
{owner_name}
{business_name}";

/// Fills every known placeholder in one pass (so a value that itself looks
/// like a placeholder stays as typed); unknown ones are left as written.
pub fn render(template: &str, values: &Values) -> Draft {
    let mut out = String::with_capacity(template.len());
    let mut gaps = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, value_of(&after[..close], values)?)))
        {
            Some((close, (value, is_gap))) => {
                if is_gap && !gaps.contains(&value) {
                    gaps.push(value.clone());
                }
                out.push_str(&value);
                rest = &after[close + 1..];
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    Draft { text: out, gaps }
}

/// The {placeholders} of `template` that are not among `known`, as written.
pub fn unknown_placeholders(template: &str, known: &[&str]) -> Vec<String> {
    let mut unknown = Vec::new();
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else { break };
        let name = &after[..close];
        let looks_like_one = !name.is_empty()
            && name
                .chars()
                .all(|c| c.is_alphanumeric() || c == '_' || c == ' ');
        if looks_like_one && !known.contains(&name.trim()) {
            let written = format!("{{{name}}}");
            if !unknown.contains(&written) {
                unknown.push(written);
            }
        }
        rest = &after[close + 1..];
    }
    unknown
}

/// The value of a placeholder, and whether it is a gap to fill in.
fn value_of(name: &str, values: &Values) -> Option<(String, bool)> {
    let (value, gap) = match name {
        "first_name" => (&values.first_name, "first name"),
        "business_name" => (&values.business_name, "your business name"),
        "owner_name" => (&values.owner_name, "your name"),
        "summary" => (&values.summary, "summary"),
        "promised_date" => (&values.promised_date, "promised date"),
        "remedy" => (&values.remedy, "remedy"),
        "issue" => (&values.issue, "the issue"),
        "what_changed" => (&values.what_changed, "what changed"),
        _ => return None,
    };
    Some(if value.trim().is_empty() {
        (format!("[{gap}]"), true)
    } else {
        (value.trim().to_owned(), false)
    })
}

/// The first word of a name, for a friendly greeting.
pub fn first_name(full_name: &str) -> String {
    full_name.split_whitespace().next().unwrap_or("").to_owned()
}

#[cfg(test)]
mod tests;
