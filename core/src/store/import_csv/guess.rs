//! Which column holds what, guessed as a person reading the owner's
//! spreadsheet would: from the words of each header, and from the values
//! where a header alone cannot tell. Each of Mend's fields goes to one
//! column at most, the one that fits it best; only notes may come from
//! several columns.

use super::{status_of, Field, Sheet};

/// The words of a header, lower case: "Sub-issue" is ["sub", "issue"].
fn words(header: &str) -> Vec<String> {
    header
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|word| !word.is_empty())
        .map(str::to_owned)
        .collect()
}

/// How strongly a header says it holds each field (higher is stronger).
fn scores(header: &str) -> Vec<(Field, u8)> {
    let words = words(header);
    let has = |list: &[&str]| words.iter().any(|word| list.contains(&word.as_str()));
    let only =
        |list: &[&str]| !words.is_empty() && words.iter().all(|w| list.contains(&w.as_str()));
    let mut found = Vec::new();
    // "Sub-issue", "Secondary category": a detail of another column.
    if has(&["sub", "secondary"]) {
        return found;
    }
    let id = has(&[
        "id",
        "no",
        "number",
        "num",
        "nr",
        "ref",
        "reference",
        "code",
    ]);
    if has(&["email", "mail"]) || header.to_lowercase().contains("e-mail") {
        found.push((Field::Email, 5));
    }
    if has(&["phone", "telephone", "tel", "mobile", "cell"]) {
        found.push((Field::Phone, 5));
    }
    let other_date = has(&[
        "sent",
        "closed",
        "resolved",
        "due",
        "delivery",
        "delivered",
        "order",
        "ordered",
        "birth",
        "shipped",
        "updated",
        "modified",
        "answered",
        "replied",
    ]);
    let date_word = has(&["date", "day", "when", "time", "on"]);
    if has(&["received"]) && (date_word || words.len() == 1) {
        found.push((Field::ReceivedAt, 5));
    } else if has(&["received"]) && !has(&["by", "how", "via", "from"]) {
        found.push((Field::ReceivedAt, 3));
    } else if has(&[
        "date", "when", "day", "reported", "logged", "opened", "posted",
    ]) && !other_date
    {
        found.push((Field::ReceivedAt, 4));
    }
    if has(&["summary", "subject", "title", "headline"]) {
        found.push((Field::Summary, 5));
    }
    if !id {
        if has(&[
            "narrative",
            "description",
            "details",
            "detail",
            "happened",
            "words",
            "said",
            "story",
        ]) {
            found.push((Field::CustomerWords, 4));
        } else if has(&["complaint", "complaints"]) && !has(&["status", "type", "category", "date"])
        {
            found.push((Field::CustomerWords, 3));
        } else if has(&[
            "issue", "problem", "reason", "feedback", "message", "review", "what",
        ]) {
            found.push((Field::CustomerWords, 2));
        }
    }
    if has(&[
        "outcome",
        "want",
        "wants",
        "wanted",
        "desired",
        "requested",
        "remedy",
        "expectation",
        "asked",
        "asks",
    ]) {
        found.push((Field::DesiredOutcome, 4));
    } else if has(&["resolution"]) {
        found.push((Field::DesiredOutcome, 2));
    }
    let row_id = has(&["id", "no", "nr", "num"]);
    if date_word {
        // "Order date" is a date, not the order.
    } else if has(&["order", "invoice", "receipt", "booking"]) {
        found.push((Field::Reference, 4));
    } else if has(&["reference", "ref"]) && !row_id {
        found.push((Field::Reference, 3));
    } else if has(&["product", "item", "sku"]) {
        found.push((Field::Reference, 2));
    } else if id {
        found.push((Field::Reference, 1));
    }
    if has(&["category", "categories", "type", "kind", "topic", "area"]) {
        found.push((Field::Category, 4));
    }
    if has(&["severity", "priority", "urgency", "importance"]) {
        found.push((Field::Severity, 4));
    }
    if has(&["channel", "source", "via", "medium"]) {
        found.push((Field::Channel, 4));
    } else if only(&["how"]) {
        found.push((Field::Channel, 2));
    }
    // "Customer ID" and "Company name" are not the customer's name.
    let about_something_else = id
        || has(&[
            "product", "company", "business", "item", "file", "staff", "user",
        ]);
    if has(&["customer", "client", "buyer", "name", "person"]) && !about_something_else {
        found.push((Field::CustomerName, 3));
    } else if only(&["who"]) {
        found.push((Field::CustomerName, 2));
    }
    if has(&[
        "note", "notes", "comment", "comments", "remark", "remarks", "internal", "memo", "action",
        "actions",
    ]) {
        found.push((Field::Note, 3));
    }
    let status_words =
        has(&["status", "stage", "state"]) && !has(&["province", "country", "region"]);
    if status_words || only(&["done", "closed", "resolved", "open"]) {
        found.push((Field::Status, 4));
    }
    found
}

/// The share of a column's filled cells that read as open or closed.
fn statuses_share(sheet: &Sheet, column: usize) -> (usize, usize) {
    let filled: Vec<&str> = sheet
        .rows
        .iter()
        .filter_map(|(_, row)| row.get(column).map(String::as_str))
        .filter(|value| !value.trim().is_empty())
        .collect();
    let known = filled
        .iter()
        .filter(|value| status_of(value).is_some())
        .count();
    (known, filled.len())
}

fn only_yes_or_no(sheet: &Sheet, column: usize) -> bool {
    sheet
        .rows
        .iter()
        .filter_map(|(_, row)| row.get(column))
        .map(|value| value.trim().to_lowercase())
        .filter(|value| !value.is_empty())
        .all(|value| matches!(value.as_str(), "yes" | "no" | "y" | "n"))
}

/// How long a column's values are, on average: a short one is a summary
/// beside a long one that tells the whole complaint.
fn average_length(sheet: &Sheet, column: usize) -> usize {
    let lengths: Vec<usize> = sheet
        .rows
        .iter()
        .filter_map(|(_, row)| row.get(column))
        .map(|value| value.chars().count())
        .collect();
    lengths.iter().sum::<usize>() / lengths.len().max(1)
}

/// Mend's guess of what each column of `sheet` holds.
pub fn guesses(sheet: &Sheet) -> Vec<Field> {
    let mut candidates: Vec<(usize, Field, u8)> = Vec::new();
    for (column, header) in sheet.headers.iter().enumerate() {
        for (field, score) in scores(header) {
            // "State" holding CA and NY is not a status.
            if field == Field::Status && words(header).iter().any(|word| word == "state") {
                let (known, filled) = statuses_share(sheet, column);
                if filled > 0 && known * 5 < filled * 4 {
                    continue;
                }
            }
            candidates.push((column, field, score));
        }
    }
    // A column whose values all read as open or closed is a status, whatever
    // its header ("Company response to consumer": "Closed with explanation");
    // but not one of only yes and no ("Repeat customer?").
    for column in 0..sheet.headers.len() {
        let (known, filled) = statuses_share(sheet, column);
        if filled > 0 && known == filled && !only_yes_or_no(sheet, column) {
            candidates.push((column, Field::Status, 3));
        }
    }
    candidates.sort_by(|a, b| b.2.cmp(&a.2).then(a.0.cmp(&b.0)));
    let mut chosen = vec![Field::Ignore; sheet.headers.len()];
    for &(column, field, _) in &candidates {
        let taken = field != Field::Note && chosen.contains(&field);
        if chosen[column] == Field::Ignore && !taken {
            chosen[column] = field;
        }
    }
    // No summary column, but two that tell the complaint: the shorter one
    // ("Issue") is its summary, the longer ("narrative") its whole story.
    if !chosen.contains(&Field::Summary) {
        let words = chosen
            .iter()
            .position(|field| *field == Field::CustomerWords);
        let other = candidates.iter().find(|(column, field, _)| {
            *field == Field::CustomerWords && chosen[*column] == Field::Ignore
        });
        if let (Some(words), Some(&(other, _, _))) = (words, other) {
            if average_length(sheet, other) < average_length(sheet, words) {
                chosen[other] = Field::Summary;
            } else {
                chosen[words] = Field::Summary;
                chosen[other] = Field::CustomerWords;
            }
        }
    }
    chosen
}
