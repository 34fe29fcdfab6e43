//! Message drafts: a template with {placeholders}, filled from a complaint.

/// The values a template may use. Missing values show as a visible gap the
/// owner will notice, such as "[promised date]".
#[derive(Debug, Default, Clone)]
pub struct Values {
    pub first_name: String,
    pub business_name: String,
    pub owner_name: String,
    pub summary: String,
    pub promised_date: String,
    pub remedy: String,
}

pub const PLACEHOLDERS: [&str; 6] = [
    "first_name",
    "business_name",
    "owner_name",
    "summary",
    "promised_date",
    "remedy",
];

/// Fills every known placeholder in one pass (so a value that itself looks
/// like a placeholder stays as typed); unknown ones are left as written.
pub fn render(template: &str, values: &Values) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        match after
            .find('}')
            .and_then(|close| Some((close, value_of(&after[..close], values)?)))
        {
            Some((close, value)) => {
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
    out
}

fn value_of(name: &str, values: &Values) -> Option<String> {
    let (value, gap) = match name {
        "first_name" => (&values.first_name, "first name"),
        "business_name" => (&values.business_name, "your business name"),
        "owner_name" => (&values.owner_name, "your name"),
        "summary" => (&values.summary, "summary"),
        "promised_date" => (&values.promised_date, "promised date"),
        "remedy" => (&values.remedy, "remedy"),
        _ => return None,
    };
    Some(if value.trim().is_empty() {
        format!("[{gap}]")
    } else {
        value.clone()
    })
}

/// The first word of a name, for a friendly greeting.
pub fn first_name(full_name: &str) -> String {
    full_name.split_whitespace().next().unwrap_or("").to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_filled() {
        let values = Values {
            first_name: "Ana".into(),
            business_name: "Lima Cakes".into(),
            owner_name: "Rui".into(),
            summary: "the cake arrived squashed".into(),
            promised_date: "Friday 27 November".into(),
            remedy: "a new cake".into(),
        };
        let text = render(
            "Dear {first_name}, {summary}: {remedy} by {promised_date}. {owner_name}, {business_name} {unknown}",
            &values,
        );
        assert_eq!(
            text,
            "Dear Ana, the cake arrived squashed: a new cake by Friday 27 November. Rui, Lima Cakes {unknown}"
        );
    }

    #[test]
    fn missing_values_show_as_visible_gaps() {
        let text = render("{promised_date} {business_name}", &Values::default());
        assert_eq!(text, "[promised date] [your business name]");
    }

    #[test]
    fn a_value_that_looks_like_a_placeholder_stays_as_typed() {
        let values = Values {
            summary: "{owner_name} was rude".into(),
            owner_name: "Rui".into(),
            ..Values::default()
        };
        assert_eq!(
            render("{summary} - {owner_name}", &values),
            "{owner_name} was rude - Rui"
        );
    }

    #[test]
    fn the_first_name_is_the_first_word() {
        assert_eq!(first_name("  Ana  Lima "), "Ana");
        assert_eq!(first_name("Zoë"), "Zoë");
        assert_eq!(first_name(""), "");
    }
}
