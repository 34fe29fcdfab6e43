//! Today after a weekend away, in the real app: the data was written by
//! Mend's own core with a clock set to Friday and Saturday; the app starts
//! on Monday and must put first things first.

use std::sync::Arc;

use chrono::{Duration, Utc};
use fantoccini::Locator;
use mend_core::journey::Step;
use mend_core::kinds::{Channel, Severity};
use mend_core::store::complaints::NewComplaint;
use mend_core::store::customers::CustomerInput;
use mend_core::store::journey::StepEntry;
use mend_core::store::reminders::NewReminder;
use mend_core::{FixedClock, Store};
use mend_e2e::{run_with, App};

fn complaint(name: &str, summary: &str, severity: Severity) -> NewComplaint {
    NewComplaint {
        new_customer: Some(CustomerInput {
            name: name.into(),
            email: format!("{}@example.com", name.to_lowercase().replace(' ', ".")),
            ..CustomerInput::default()
        }),
        channel: Some(Channel::Phone),
        summary: summary.into(),
        severity: Some(severity),
        ..NewComplaint::default()
    }
}

fn said(text: &str) -> StepEntry {
    StepEntry {
        text: text.into(),
        ..StepEntry::default()
    }
}

/// A bakery's data as of Saturday night: a promise due Saturday, a fix to
/// follow up, a quiet customer, Friday's new complaint with a reminder for
/// Saturday, and an urgent one that came in on Saturday.
fn weekend_away(folder: &std::path::Path) {
    let monday = Utc::now();
    let friday = monday - Duration::days(3);
    let clock = Arc::new(FixedClock::at(friday - Duration::days(1)));
    let mut store = Store::open_in(folder, clock.clone()).expect("a data folder");

    let quiet = store
        .create_complaint(&complaint(
            "Gil Sousa",
            "Sourdough burnt on the bottom",
            Severity::Normal,
        ))
        .unwrap()
        .id;
    store
        .record_step(
            quiet,
            Step::Acknowledge,
            &said("Thanks for telling me, Gil."),
        )
        .unwrap();

    clock.set(friday);
    let promised = store
        .create_complaint(&complaint(
            "Ana Lima",
            "The wedding cake arrived squashed",
            Severity::High,
        ))
        .unwrap()
        .id;
    store
        .record_step(promised, Step::Acknowledge, &said("I hear you."))
        .unwrap();
    store
        .record_step(promised, Step::Apologize, &said("I am so sorry."))
        .unwrap();
    let saturday = (friday + Duration::days(1)).date_naive().to_string();
    let plan = StepEntry {
        promised_date: Some(saturday.clone()),
        ..said("A new cake, delivered by me.")
    };
    store.record_step(promised, Step::Assure, &plan).unwrap();

    let fresh = store
        .create_complaint(&complaint(
            "Carla Mendes",
            "Wrong flavour in the box",
            Severity::Normal,
        ))
        .unwrap()
        .id;
    store
        .add_reminder(&NewReminder {
            complaint_id: Some(fresh),
            due_at: format!("{saturday}T09:00:00Z"),
            note: "Call Carla about the flavour".into(),
        })
        .unwrap();

    clock.set(friday + Duration::days(1) + Duration::hours(2));
    store
        .create_complaint(&complaint(
            "Dora Silva",
            "Allergic reaction to the nut-free cake",
            Severity::Urgent,
        ))
        .unwrap();
}

#[tokio::test]
async fn after_a_weekend_away_the_urgent_complaint_is_first_and_each_entry_leads_to_its_step() {
    let folder = tempfile::tempdir().expect("a data folder");
    weekend_away(folder.path());
    let env = vec![("MEND_DATA_DIR", folder.path().into())];
    run_with("today_after_a_weekend", env, |app| {
        Box::pin(async move {
            app.wait_for_text("today-urgent", "Allergic reaction").await?;
            app.screenshot("monday").await;
            let entries = app.texts("today-entry").await?;
            let order: Vec<&str> = [
                "Allergic reaction",
                "The wedding cake arrived squashed",
                "Wrong flavour in the box",
                "Sourdough burnt on the bottom",
            ]
            .into_iter()
            .filter(|summary| entries.iter().any(|entry| entry.contains(summary)))
            .collect();
            assert_eq!(order.len(), 4, "{entries:?}");
            for (entry, summary) in entries.iter().zip(&order) {
                assert!(entry.contains(summary), "{entries:?}");
            }
            assert!(entries[0].contains("Urgent, not acknowledged yet"), "{}", entries[0]);
            assert!(entries[1].contains("The promised day has come"), "{}", entries[1]);

            // The urgent complaint is on the first screen, not below the fold.
            let seen = app
                .client()
                .execute(
                    "const entry = document.querySelector('[data-testid=today-urgent] [data-testid=today-entry]');
                     return entry.getBoundingClientRect().bottom <= window.innerHeight;",
                    vec![],
                )
                .await?;
            assert_eq!(seen, serde_json::Value::Bool(true));

            // Reminders are with their complaint: one entry for Carla, with
            // her reminder, and no card of reminders on its own.
            let carla = entries
                .iter()
                .find(|entry| entry.contains("Wrong flavour in the box"))
                .unwrap();
            assert!(carla.contains("Reminder: Call Carla about the flavour"), "{carla}");
            assert_eq!(
                entries.iter().filter(|entry| entry.contains("Wrong flavour")).count(),
                1
            );
            let ana = entries
                .iter()
                .find(|entry| entry.contains("wedding cake"))
                .unwrap();
            assert!(ana.contains("A promise is due today"), "{ana}");
            assert!(
                !ana.contains("A promise is due tomorrow"),
                "the eve of a promise is replaced by its day: {ana}"
            );

            // "Send an update" leads to where the update is written.
            let gil = app.find_all("today-entry").await?;
            let gil = gil
                .into_iter()
                .last()
                .expect("Gil's entry");
            assert!(gil.text().await?.contains("Send an update"));
            gil.find(fantoccini::Locator::Css("[data-testid='today-do']"))
                .await?
                .click()
                .await?;
            app.wait_for_text("complaint-heading", "Sourdough burnt").await?;
            app.wait_for_value("contact-direction", "outgoing").await?;
            let focused = app
                .client()
                .execute("return document.activeElement?.dataset?.testid ?? '';", vec![])
                .await?;
            assert_eq!(focused, "contact-text");

            // The acknowledge reminder's button leads to the step, not to "done".
            app.click("nav-today").await?;
            app.wait_for_text("today-urgent", "Allergic reaction").await?;
            app.click("today-do").await?;
            app.wait_for_text("complaint-heading", "Allergic reaction").await?;
            app.wait_for_text("step-title", "Acknowledge").await?;
            Ok(())
        })
    })
    .await;
}

/// The titles in Today's "Your own reminders", as the owner reads them.
async fn own_reminder_titles(app: &App) -> Result<Vec<String>, fantoccini::error::CmdError> {
    let mut titles = Vec::new();
    for title in app
        .client()
        .find_all(Locator::Css(
            "[data-testid='today-own-reminders'] [data-testid='reminder-title']",
        ))
        .await?
    {
        titles.push(title.text().await?);
    }
    Ok(titles)
}

#[tokio::test]
async fn after_a_long_absence_today_shows_the_first_ten_of_each_part_and_the_rest_on_asking() {
    let folder = tempfile::tempdir().expect("a data folder");
    {
        let clock = Arc::new(FixedClock::at(Utc::now() - Duration::days(3)));
        let mut store = Store::open_in(folder.path(), clock.clone()).expect("the data");
        store.finish_welcome().expect("welcome");
        for n in 0..30 {
            clock.set(Utc::now() - Duration::days(3) + Duration::minutes(n));
            store
                .create_complaint(&complaint(
                    &format!("Customer {n:02}"),
                    &format!("Order {n:02} went wrong"),
                    Severity::Normal,
                ))
                .expect("a complaint");
        }
        for n in 0..25 {
            store
                .add_reminder(&NewReminder {
                    complaint_id: None,
                    due_at: (Utc::now() - Duration::days(2) + Duration::minutes(n)).to_rfc3339(),
                    note: format!("Order flour, note {n:02}"),
                })
                .expect("a reminder");
        }
    }
    let env = vec![("MEND_DATA_DIR", folder.path().into())];
    run_with("today_long_absence", env, |app| {
        Box::pin(async move {
            app.wait_for_text("today-rest", "Also needs you 30").await?;
            app.wait_for_count("today-entry", 10).await?;
            // The owner's own reminders too: the first ten, the rest on asking.
            app.wait_for_text("today-own-reminders", "Your own reminders 25")
                .await?;
            let own = own_reminder_titles(app).await?;
            assert_eq!(own.len(), 10);
            assert_eq!(
                own.first().map(String::as_str),
                Some("Reminder: Order flour, note 00"),
                "the first due first"
            );
            assert_eq!(
                app.texts("today-show-all").await?,
                vec!["Show all 30".to_string(), "Show all 25".to_string()]
            );
            assert_eq!(
                app.texts("today-item")
                    .await?
                    .first()
                    .map(|text| text.starts_with("Order 00 went wrong")),
                Some(true),
                "the oldest first"
            );
            app.click("today-show-all").await?;
            app.wait_for_count("today-entry", 30).await?;
            app.wait_for_text("today-show-all", "Show all 25").await?;
            app.click("today-show-all").await?;
            let own = own_reminder_titles(app).await?;
            assert_eq!(own.len(), 25);
            assert_eq!(
                own.last().map(String::as_str),
                Some("Reminder: Order flour, note 24")
            );
            assert!(app.find_all("today-show-all").await?.is_empty());
            // Dismissing one of those shown on asking: Today is drawn again,
            // and what the owner asked to see whole stays whole.
            let rows = app
                .client()
                .find_all(Locator::Css(
                    "[data-testid='today-own-reminders'] [data-testid='reminder']",
                ))
                .await?;
            let last = rows.last().expect("the last reminder");
            last.find(Locator::Css("[data-testid='reminder-dismiss']"))
                .await?
                .click()
                .await?;
            app.wait_for_text("today-own-reminders", "Your own reminders 24")
                .await?;
            let own = own_reminder_titles(app).await?;
            assert_eq!(own.len(), 24);
            assert_eq!(
                own.last().map(String::as_str),
                Some("Reminder: Order flour, note 23")
            );
            assert!(app.find_all("today-show-all").await?.is_empty());
            Ok(())
        })
    })
    .await;
}
