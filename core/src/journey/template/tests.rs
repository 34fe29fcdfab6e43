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
        ..Values::default()
    };
    let text = render(
        "Dear {first_name}, {summary}: {remedy} by {promised_date}. {owner_name}, {business_name} {unknown}",
        &values,
    )
    .text;
    assert_eq!(
        text,
        "Dear Ana, the cake arrived squashed: a new cake by Friday 27 November. Rui, Lima Cakes {unknown}"
    );
}

#[test]
fn missing_values_show_as_visible_gaps() {
    let draft = render(
        "{promised_date} {business_name} {promised_date}",
        &Values::default(),
    );
    assert_eq!(
        draft.text,
        "[promised date] [your business name] [promised date]"
    );
    assert_eq!(draft.gaps, ["[promised date]", "[your business name]"]);
}

#[test]
fn a_value_that_looks_like_a_placeholder_stays_as_typed() {
    let values = Values {
        summary: "{owner_name} was rude".into(),
        owner_name: "Rui".into(),
        ..Values::default()
    };
    assert_eq!(
        render("{summary} - {owner_name}", &values).text,
        "{owner_name} was rude - Rui"
    );
}

#[test]
fn unknown_placeholders_are_found_as_written() {
    assert_eq!(
        unknown_placeholders(
            "Dear {frist_name}, {first_name} {summary} {Remedy} {frist_name}",
            &PLACEHOLDERS
        ),
        ["{frist_name}", "{Remedy}"]
    );
    assert!(unknown_placeholders("A smile :-{ and a set {1, 2}", &PLACEHOLDERS).is_empty());
}

#[test]
fn the_first_name_is_the_first_word() {
    assert_eq!(first_name("  Ana  Lima "), "Ana");
    assert_eq!(first_name("Zoë"), "Zoë");
    assert_eq!(first_name(""), "");
}

/// Summaries as owners write them: phrases, sentences, quotes from a
/// review, names and brands at the start, odd punctuation and Unicode.
const SUMMARIES: [&str; 32] = [
    "Christmas pudding order lost",
    "The wedding cake arrived squashed",
    "Cake arrived squashed",
    "UPS lost the parcel",
    "iPhone photo on the listing does not match the real cake",
    "I was charged twice for the same order",
    "Late delivery",
    "Parcel never came, the tracking says delivered",
    "Wrong flavour in the box — ordered lemon, got coffee",
    "Macarons crushed in the post.",
    "Birthday cake was two hours late for the party!",
    "Found a hair in the brownies",
    "\"Worst service ever\" — review on Google",
    "Gluten-free loaf was not gluten free; my daughter was ill",
    "The icing writing was misspelled: 'Happy Brithday'",
    "Refund still not received after three weeks?",
    "Rude reply on Instagram when I asked about delivery",
    "Allergen label missing on the nut cake",
    "Émile's order was sent to the wrong address",
    "DHL left the box in the rain",
    "Cupcakes melted in the van",
    "Subscription charged after I cancelled",
    "Quote said £40, invoice said £55",
    "Nobody answered the phone on Saturday",
    "Sourdough burnt on the bottom",
    "Gift message missing from the hamper",
    "Zoë's croissants were stale",
    "Lid cracked, glass jar of jam broken",
    "McDonald's-style packaging, cheap and flimsy",
    "Delivery window missed twice (Tues & Thurs)",
    "  leading spaces and a lower-case start  ",
    "Crème brûlée 🎂 burnt",
];

/// Checks one line of a draft sentence by sentence, with the quoted summary
/// taken as one word: each sentence starts with a capital and ends with a
/// full stop, question or exclamation mark; no doubled or stray punctuation.
fn check_sentences(line: &str, summary: &str, context: &str) {
    let quoted = format!("(\"{}\")", summary.trim());
    let plain = line.replace(&quoted, "(SUMMARY)");
    assert!(!plain.contains('"'), "{context}: a stray quote in {line:?}");
    for wrong in [
        "..", ".,", ",.", "!.", "?.", " .", " ,", "  ", "[", "{", "}",
    ] {
        assert!(!plain.contains(wrong), "{context}: {wrong:?} in {line:?}");
    }
    let mut sentences = Vec::new();
    let mut current = String::new();
    for c in plain.chars() {
        current.push(c);
        if matches!(c, '.' | '!' | '?') {
            sentences.push(std::mem::take(&mut current));
        }
    }
    assert!(
        current.trim().is_empty(),
        "{context}: {line:?} does not end its last sentence"
    );
    for sentence in sentences {
        let sentence = sentence.trim();
        let first = sentence.chars().next().unwrap_or(' ');
        assert!(
            first.is_uppercase() || sentence.starts_with("(SUMMARY)"),
            "{context}: {sentence:?} does not start with a capital"
        );
        assert!(
            sentence.split_whitespace().count() >= 2,
            "{context}: {sentence:?}"
        );
    }
}

/// Every default template, filled by the store for a complaint with each
/// summary (as the owner sees the draft), read sentence by sentence.
#[test]
fn every_default_template_reads_well_for_every_summary() {
    use crate::journey::coaching::coaching;
    use crate::journey::Step;
    use crate::store::settings::{DraftChoices, Settings};
    use crate::store::test_support::{at, phone_complaint, store_at};

    let (mut store, _) = store_at(at(9));
    store
        .save_settings(&Settings {
            business_name: "Lima Cakes".into(),
            owner_name: "Rui".into(),
            currency: None,
        })
        .unwrap();
    let choosing = DraftChoices {
        remedy: Some(crate::kinds::Remedy::Refund),
        promised_date: Some("2026-11-27".into()),
    };
    for summary in SUMMARIES {
        let id = store
            .create_complaint(&phone_complaint("Ana Lima", summary))
            .unwrap()
            .id;
        for step in Step::ALL {
            let draft = store.draft_message(id, step, &choosing).unwrap();
            let context = format!("{} / {summary:?}", step.title());
            assert!(draft.gaps.is_empty(), "{context}: {:?}", draft.gaps);
            if coaching(step).template.contains("{summary}") {
                assert!(
                    draft.text.contains(summary.trim()),
                    "{context}: the summary is not there exactly as written: {}",
                    draft.text
                );
            }
            let lines: Vec<&str> = draft.text.lines().collect();
            assert!(
                lines[0] == "Dear Ana," || lines[0] == "Hello Ana,",
                "{context}: {:?}",
                lines[0]
            );
            let signed = &lines[lines.len() - 2..];
            assert_eq!(signed, ["Rui", "Lima Cakes"], "{context}");
            for line in &lines[1..lines.len() - 2] {
                if line.is_empty() || *line == "Warm regards," {
                    continue;
                }
                check_sentences(line, summary, &context);
            }
        }
    }
}

#[test]
fn what_is_not_known_yet_is_a_gap_for_the_owner_to_fill() {
    use crate::journey::coaching::coaching;
    use crate::journey::Step;
    let unknown = Values {
        first_name: "Ana".into(),
        summary: "Late delivery".into(),
        ..Values::default()
    };
    let assure = render(coaching(Step::Assure).template, &unknown);
    assert_eq!(
        assure.gaps,
        ["[promised date]", "[your business name]", "[your name]"]
    );
    let fix = render(coaching(Step::Fix).template, &unknown);
    assert!(fix.gaps.contains(&"[remedy]".to_owned()), "{:?}", fix.gaps);
}
