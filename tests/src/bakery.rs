//! A realistic small business, written by Mend's own core with a clock
//! set in the past: a home bakery's last five weeks, 30 complaints from
//! 24 customers (Ana Lima three times), at every step of the journey,
//! some closed with the lesson's cause (one known issue, the changes they
//! led to), costs recorded, and a weekend of reminders missed. For the
//! scenarios that look at the whole window (readability, screenshots).

use std::path::Path;
use std::sync::Arc;

use chrono::{Duration, Utc};
use mend_core::journey::Step;
use mend_core::kinds::{Channel, CloseReason, Remedy, Severity};
use mend_core::store::attachments::{checked_file, NewFile};
use mend_core::store::complaints::NewComplaint;
use mend_core::store::customers::CustomerInput;
use mend_core::store::journey::{Closing, StepEntry};
use mend_core::store::known_issues::choice::IssueChoice;
use mend_core::store::lists::ListKind;
use mend_core::store::reminders::NewReminder;
use mend_core::store::settings::Settings;
use mend_core::{FixedClock, Store};

const CUSTOMERS: [&str; 24] = [
    "Ana Lima",
    "Bruno Costa",
    "Carla Mendes",
    "Dora Silva",
    "Eva Rocha",
    "Filipe Santos",
    "Gil Sousa",
    "Helena Martins",
    "Ivo Pereira",
    "Joana Alves",
    "Karim Haddad",
    "Lena Vogel",
    "Marta Ferreira",
    "Nuno Ribeiro",
    "Olga Petrova",
    "Paulo Gomes",
    "Rita Carvalho",
    "Sara Nunes",
    "Tomás Oliveira",
    "Úrsula Dias",
    "Vasco Lopes",
    "Wen Li",
    "Xavier Moreau",
    "Zé Teixeira",
];

const SUMMARIES: [&str; 30] = [
    "The wedding cake arrived squashed",
    "Sourdough burnt on the bottom",
    "Wrong flavour in the birthday box",
    "Allergic reaction to the nut-free cake",
    "Christmas pudding order lost by the courier",
    "Croissants were stale on Sunday",
    "Charged twice for one order",
    "Delivery came three hours late",
    "Gluten-free loaf had crumbs of wheat bread",
    "Rude reply on Instagram",
    "Cupcakes missing from the box of twelve",
    "Lettering on the cake misspelt the name",
    "Vegan brownies contained butter",
    "Card payment declined at the market stall",
    "Order form on the website lost my details",
    "Macarons cracked and soft",
    "Baguette was underbaked",
    "The cake stand was not returned",
    "Icing melted in the van",
    "Wrong date on the anniversary cake",
    "Box too small for the tiered cake",
    "Price on the menu differs from the till",
    "Waited forty minutes to collect",
    "Eclairs filled with the wrong cream",
    "Birthday candles missing",
    "Review: \"Never again, the worst bakery in town\"",
    "Sesame seeds on a sesame-free bagel",
    "Order confirmation never arrived",
    "Cake tasted of the fridge",
    "Ana's second cake came without the topper",
];

/// The lesson of each of the first ten, closed: its cause, why, what changes.
const LESSONS: [(&str, &str, &str); 10] = [
    (
        "Packaging",
        "The boxes were too thin for tiered cakes.",
        "Double-walled boxes from now on.",
    ),
    (
        "Product or workmanship",
        "The new oven runs hot on the bottom shelf.",
        "Bake sourdough on the middle shelf.",
    ),
    (
        "Order or stock mistake",
        "Two orders were swapped at packing.",
        "Read each label back before sealing.",
    ),
    (
        "Supplier",
        "The supplier changed the nut-free flour's mill.",
        "Ask for the allergen sheet with every delivery.",
    ),
    (
        "Delivery or courier",
        "The courier lost the parcel.",
        "Tracked delivery for every December order.",
    ),
    (
        "Product or workmanship",
        "The croissants were baked the night before.",
        "",
    ),
    (
        "Price or billing",
        "The card reader retried a payment.",
        "Check the reader's log every evening.",
    ),
    (
        "Delivery or courier",
        "The van broke down on the ring road.",
        "",
    ),
    (
        "Packaging",
        "The gluten-free loaf was packed beside wheat bread.",
        "A shelf of its own for gluten-free.",
    ),
    (
        "My own mistake",
        "I answered while annoyed.",
        "Wait an hour before answering a bad review.",
    ),
];

fn said(text: &str) -> StepEntry {
    StepEntry {
        text: text.into(),
        ..StepEntry::default()
    }
}

/// A photo as a phone takes it (a JPEG), in the colours of `tint`.
pub fn photo(width: u32, height: u32, tint: [u8; 3]) -> Vec<u8> {
    let picture = image::RgbImage::from_fn(width, height, |x, y| {
        let shade = ((x + y) * 120 / (width + height)) as u8;
        image::Rgb(tint.map(|part| part.saturating_add(shade)))
    });
    let mut bytes = Vec::new();
    picture
        .write_to(
            &mut std::io::Cursor::new(&mut bytes),
            image::ImageFormat::Jpeg,
        )
        .expect("a JPEG");
    bytes
}

fn the_squashed_cake() -> Vec<NewFile> {
    [
        ("top tier, collapsed.jpg", photo(800, 600, [120, 70, 60])),
        ("the box it came in.jpg", photo(600, 800, [90, 80, 50])),
        (
            "receipt 1040.pdf",
            b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".to_vec(),
        ),
    ]
    .into_iter()
    .map(|(name, bytes)| checked_file(name, bytes).expect("a file"))
    .collect()
}

/// Writes the bakery into `folder` (an empty data folder).
pub fn seed(folder: &Path) {
    let now = Utc::now();
    let clock = Arc::new(FixedClock::at(now - Duration::days(35)));
    let mut store = Store::open_in(folder, clock.clone()).expect("a data folder");
    store
        .save_settings(&Settings {
            business_name: "Lima Cakes".into(),
            owner_name: "Rui".into(),
            currency: Some("EUR".into()),
        })
        .expect("names");
    store.finish_welcome().expect("welcome");
    let categories = store.categories().expect("categories");
    let causes = store.list_items(ListKind::Causes).expect("causes");
    let mut first_issue = None;
    let mut customers: Vec<Option<i64>> = vec![None; CUSTOMERS.len()];

    for (index, summary) in SUMMARIES.iter().enumerate() {
        // One complaint a day or so, the last ones over the weekend.
        clock.set(now - Duration::days(33) + Duration::hours(index as i64 * 26));
        let who = match index {
            0 | 17 | 29 => 0, // Ana Lima, three times
            _ => index % CUSTOMERS.len(),
        };
        let severity = match index {
            3 | 12 | 26 => Severity::Urgent,
            0 | 6 | 8 | 19 => Severity::High,
            5 | 16 => Severity::Low,
            _ => Severity::Normal,
        };
        let channel = [
            Channel::Phone,
            Channel::Email,
            Channel::InPerson,
            Channel::Social,
            Channel::Review,
        ][index % 5];
        let new = NewComplaint {
            customer_id: customers[who],
            new_customer: customers[who].is_none().then(|| CustomerInput {
                name: CUSTOMERS[who].into(),
                email: format!(
                    "{}@example.com",
                    CUSTOMERS[who].split(' ').next().unwrap().to_lowercase()
                ),
                phone: format!("+351 912 000 {:03}", who),
                notes: None,
            }),
            channel: Some(channel),
            is_public: channel == Channel::Review,
            summary: (*summary).into(),
            customer_words: format!("{summary}. I expected better from you."),
            desired_outcome: if index % 3 == 0 {
                "A refund".into()
            } else {
                String::new()
            },
            reference: format!("Order {}", 1040 + index),
            category_id: Some(categories[index % categories.len()].id),
            severity: Some(severity),
            ..NewComplaint::default()
        };
        let complaint = store.create_complaint(&new).expect("a complaint");
        customers[who] = Some(complaint.customer_id);
        let id = complaint.id;
        if index == 0 {
            // Ana sent photos of the cake, and the receipt.
            store
                .attach_files(id, None, &the_squashed_cake())
                .expect("photos");
        }

        // The older it is, the further along; the weekend's are untouched.
        let reached = match index {
            0..=9 => 7,   // closed
            10..=13 => 6, // followed up, to close
            14..=16 => 5, // fixed, to follow up
            17..=20 => 4, // promised, to fix (some overdue)
            21..=22 => 3, // apologized
            23..=24 => 2, // acknowledged
            _ => 1,       // just received
        };
        let promise = (now - Duration::days(if index < 19 { 2 } else { -3 })).date_naive();
        let steps = [
            (
                Step::Acknowledge,
                said("Thank you for telling me; I am looking into it."),
            ),
            (
                Step::Apologize,
                said("I am so sorry: that is not the standard we keep."),
            ),
            (
                Step::Assure,
                StepEntry {
                    promised_date: Some(promise.to_string()),
                    ..said("A replacement, delivered by me, and a check of the packing.")
                },
            ),
            (
                Step::Fix,
                StepEntry {
                    remedy: Some(if index % 2 == 0 {
                        Remedy::Refund
                    } else {
                        Remedy::Replacement
                    }),
                    cost: Some(format!("{}.50", 8 + index)),
                    ..said("Delivered a new one and refunded the delivery.")
                },
            ),
            (
                Step::FollowUp,
                StepEntry {
                    satisfaction: Some(4 + (index % 2) as u8),
                    satisfied: Some(true),
                    ..said("All good now, thank you!")
                },
            ),
        ];
        for (step, entry) in steps.iter().take(reached.min(6) - 1) {
            clock.set(clock_now(&clock) + Duration::hours(3));
            store.record_step(id, *step, entry).expect("a step");
        }
        if reached == 7 {
            let (cause, root_cause, prevention) = LESSONS[index];
            let cause_id = causes
                .iter()
                .find(|item| item.name == cause)
                .map(|item| item.id);
            // The first close names the problem behind the boxes: a known issue.
            let issue = IssueChoice {
                new_known_issue: if index == 0 {
                    "Cake boxes crush in transit".into()
                } else {
                    String::new()
                },
                known_issue_id: if index == 8 { first_issue } else { None },
                link_same_cause: false,
            };
            let closed = store
                .close_complaint(
                    id,
                    &Closing {
                        reason: CloseReason::Resolved,
                        note: String::new(),
                        root_cause: root_cause.into(),
                        preventive_action: prevention.into(),
                        check_in_date: None,
                        cause_id,
                        issue,
                    },
                )
                .expect("closed");
            if index == 0 {
                first_issue = closed.known_issue_id;
            }
        }
        // A weekend of reminders, missed while away.
        if index >= 26 {
            store
                .add_reminder(&NewReminder {
                    complaint_id: Some(id),
                    due_at: (clock_now(&clock) + Duration::hours(4)).to_rfc3339(),
                    note: format!("Call {} back", CUSTOMERS[who].split(' ').next().unwrap()),
                })
                .expect("a reminder");
        }
    }
}

fn clock_now(clock: &FixedClock) -> chrono::DateTime<Utc> {
    use mend_core::Clock;
    clock.now()
}
