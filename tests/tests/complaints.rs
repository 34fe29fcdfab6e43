//! Writing complaints down in the real app: they are kept, bad input is
//! refused in words, and odd text is shown exactly as typed.

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::run;

#[tokio::test]
async fn a_saved_complaint_is_still_there_after_a_restart() {
    run("complaint_survives_restart", |app| {
        Box::pin(async move {
            assert_eq!(app.client().title().await?, "Mend");
            new_complaint(app, &Intake::default()).await?;
            app.restart().await?;

            app.wait_for_text("today-list", "The wedding cake arrived squashed")
                .await?;
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "The wedding cake arrived squashed")
                .await?;
            assert_eq!(app.texts("complaint-customer").await?, ["Ana Lima"]);
            assert!(app.data_dir().join("mend.sqlite3").is_file());
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn an_empty_summary_is_refused_with_a_message_and_nothing_is_stored() {
    run("empty_summary_refused", |app| {
        Box::pin(async move {
            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-name", "Ben Okafor")
                .await?;
            app.click("intake-save").await?;
            // Said next to the summary, which takes the focus.
            let message = app
                .wait_for_text("intake-summary-problem", "summary")
                .await?;
            assert_eq!(message, "Please write the summary: it cannot be empty.");
            assert_eq!(
                app.text("intake-error").await?,
                "Please put right the field marked above."
            );
            assert_eq!(app.focused().await?, "intake-summary");

            // What was typed is still there after closing the window by mistake.
            app.click("intake-cancel").await?;
            app.click("new-complaint").await?;
            assert_eq!(app.value("intake-new-customer-name").await?, "Ben Okafor");

            app.restart().await?;
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-empty", "No open complaints right now")
                .await?;
            assert!(app.find_all("complaint-item").await?.is_empty());
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn everything_wrong_in_the_new_complaint_window_is_said_at_once_next_to_its_field() {
    run("intake_problems_at_once", |app| {
        Box::pin(async move {
            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-email", "ben@").await?;
            app.type_into("intake-summary", "   ").await?;
            app.click("intake-save").await?;
            app.wait_for_text(
                "intake-error",
                "Please put right the 3 fields marked above.",
            )
            .await?;
            assert_eq!(
                app.text("intake-new-customer-name-problem").await?,
                "Please write the customer's name: it cannot be empty."
            );
            assert_eq!(
                app.text("intake-new-customer-email-problem").await?,
                "\"ben@\" does not look like an email address (like name@example.com)."
            );
            assert_eq!(
                app.text("intake-summary-problem").await?,
                "Please write the summary: it cannot be empty."
            );
            // The first of them has the focus, ready to type.
            assert_eq!(app.focused().await?, "intake-new-customer-name");
            app.screenshot("intake-with-problems").await;

            // Put right, they go away and the complaint is saved.
            app.type_into("intake-new-customer-name", "Ben Okafor")
                .await?;
            app.type_into("intake-new-customer-email", "ben@example.com")
                .await?;
            app.type_into("intake-summary", "Sourdough was underbaked")
                .await?;
            app.click("intake-save").await?;
            app.wait_for_text("complaint-heading", "Sourdough was underbaked")
                .await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_summary_over_200_characters_is_refused() {
    run("long_summary_refused", |app| {
        Box::pin(async move {
            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-name", "Ben Okafor")
                .await?;
            app.paste_into("intake-summary", &"a".repeat(201)).await?;
            app.wait_for_text("intake-summary-count", "201 / 200")
                .await?;
            app.click("intake-save").await?;
            app.wait_for_text(
                "intake-summary-problem",
                "201 characters long; please keep it to 200",
            )
            .await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn odd_unicode_and_markup_are_shown_exactly_as_text() {
    run("unicode_shown_as_text", |app| {
        Box::pin(async move {
            let summary = "<b>Refund</b> 😀 n\u{303}o שלום";
            let words = "<script>document.title='hacked'</script> مرحبا 👩‍👩‍👧";
            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-name", "Zoë").await?;
            app.paste_into("intake-summary", summary).await?;
            app.paste_into("intake-words", words).await?;
            app.click("intake-save").await?;

            app.wait_for_text("complaint-heading", "Refund").await?;
            assert_eq!(app.text("complaint-heading").await?, summary);
            app.wait_for_text("timeline-text", "مرحبا").await?;
            assert_eq!(app.texts("timeline-text").await?, [words]);
            assert_eq!(app.client().title().await?, "Mend", "no script ran");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_second_complaint_is_linked_to_the_customer_picked_while_typing() {
    run("existing_customer_picked", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;

            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-name", "lim").await?;
            app.wait_for_text("intake-customer-option", "Ana Lima")
                .await?;
            app.click("intake-customer-option").await?;
            app.wait_for_text("intake-chosen-customer", "Existing customer: Ana Lima")
                .await?;
            app.type_into("intake-summary", "The cupcakes were stale")
                .await?;
            app.click("intake-save").await?;
            app.wait_for_text("complaint-heading", "The cupcakes were stale")
                .await?;

            app.click("complaint-customer-link").await?;
            app.wait_for_text("customer-name-heading", "Ana Lima")
                .await?;
            let summaries = app.texts("customer-complaint-summary").await?;
            assert_eq!(summaries.len(), 2, "{summaries:?}");
            app.click("nav-customers").await?;
            app.wait_for_text("customer-row-name", "Ana Lima").await?;
            assert_eq!(
                app.texts("customer-row-name").await?,
                ["Ana Lima"],
                "no duplicate customer"
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_category_chosen_at_intake_finds_the_complaint_by_filter_and_in_the_report() {
    run("intake_category", |app| {
        Box::pin(async move {
            let late = Intake {
                customer: "Bruno Costa",
                summary: "The parcel came three days late",
                category: "Delivery",
                ..Intake::default()
            };
            new_complaint(app, &late).await?;
            app.wait_for_text("complaint-badges", "Delivery").await?;
            new_complaint(app, &Intake::default()).await?;

            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "The wedding cake arrived squashed")
                .await?;
            app.choose_label("filter-category", "Delivery").await?;
            app.wait_for_count("complaint-item", 1).await?;
            assert_eq!(
                app.texts("complaint-summary").await?,
                ["The parcel came three days late"]
            );

            app.click("print-period").await?;
            app.wait_for_text("report-counts", "2 complaints").await?;
            let rows = app.texts("report-row").await?;
            let late_row = rows
                .iter()
                .find(|row| row.contains("The parcel came three days late"))
                .expect("the late parcel is in the report");
            assert!(late_row.contains("Delivery"), "{late_row}");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn the_buttons_of_a_complaint_say_what_they_will_do() {
    run("complaint_buttons", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            assert_eq!(app.text("print-complaint").await?, "Print or save as PDF…");
            assert_eq!(
                app.text("close-complaint").await?,
                "Close early, with a reason…"
            );
            app.click("close-complaint").await?;
            app.wait_for_text("close-early-note", "The journey is not finished")
                .await?;
            let reasons = app
                .client()
                .execute(
                    "return [...document.querySelector('[data-testid=close-reason]').options].map((o) => o.textContent);",
                    vec![],
                )
                .await?;
            assert!(
                !reasons.to_string().contains("Resolved"),
                "closing early is never closing as resolved: {reasons}"
            );
            assert_eq!(app.text("close-submit").await?, "Close the complaint");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn the_list_opens_on_open_complaints_counts_them_and_finds_an_email() {
    run("list_means_what_it_says", |app| {
        Box::pin(async move {
            let withdrawn = Intake {
                customer: "Carla Mendes",
                summary: "Wrong flavour, then she changed her mind",
                ..Intake::default()
            };
            new_complaint(app, &withdrawn).await?;
            app.click("close-complaint").await?;
            app.type_into("close-note", "She called back: all fine.")
                .await?;
            app.type_into("close-root-cause", "A mix-up at the counter.")
                .await?;
            app.click("close-submit").await?;
            app.wait_for_text("complaint-badges", "Closed").await?;
            let high = Intake {
                customer: "Bruno Costa",
                email: "bruno.costa@example.com",
                summary: "The parcel came three days late",
                severity: "high",
                ..Intake::default()
            };
            new_complaint(app, &high).await?;
            new_complaint(app, &Intake::default()).await?;

            app.click("nav-complaints").await?;
            app.wait_for_count("complaint-item", 2).await?;
            app.wait_for_text("complaint-count", "2 complaints").await?;
            assert_eq!(app.value("filter-status").await?, "open");
            let rows = app.texts("complaint-item").await?;
            let bruno = rows
                .iter()
                .find(|row| row.contains("three days late"))
                .unwrap();
            assert!(bruno.contains("High"), "high is marked: {bruno}");

            app.choose_label("filter-status", "Open and closed").await?;
            app.wait_for_count("complaint-item", 3).await?;
            app.wait_for_text("complaint-count", "3 complaints").await?;

            app.type_into("list-search", "bruno.costa@exa").await?;
            app.wait_for_count("complaint-item", 1).await?;
            assert_eq!(
                app.texts("complaint-summary").await?,
                ["The parcel came three days late"]
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn what_the_owner_needs_during_a_call_is_at_hand_on_every_step() {
    run("at_hand", |app| {
        Box::pin(async move {
            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-name", "Ana Lima")
                .await?;
            app.type_into("intake-new-customer-email", "ana@example.com")
                .await?;
            app.type_into("intake-new-customer-phone", "+351 912 345 678")
                .await?;
            app.type_into("intake-summary", "The wedding cake arrived squashed")
                .await?;
            app.type_into("intake-outcome", "A new cake by Saturday")
                .await?;
            app.type_into("intake-reference", "Order 1042").await?;
            app.choose("intake-severity", "high").await?;
            app.click("intake-save").await?;
            app.wait_for_text("complaint-heading", "The wedding cake arrived squashed")
                .await?;
            let heights = app
                .client()
                .execute(
                    "return [...document.querySelectorAll('.stepper .step')].map((tab) => Math.round(tab.getBoundingClientRect().height));",
                    vec![],
                )
                .await?;
            let heights: Vec<i64> = serde_json::from_value(heights)?;
            assert_eq!(heights.len(), 7);
            assert!(
                heights.iter().all(|height| *height == heights[0]),
                "the seven tabs are the same height: {heights:?}"
            );
            for step in ["acknowledge", "fix", "close"] {
                app.click(&format!("step-tab-{step}")).await?;
                let at_hand = app
                    .wait_for_text("at-hand", "A new cake by Saturday")
                    .await?;
                for fact in [
                    "Order 1042",
                    "+351 912 345 678",
                    "ana@example.com",
                    "High",
                    "None yet",
                ] {
                    assert!(at_hand.contains(fact), "{step}: {fact} in {at_hand}");
                }
            }
            app.click("at-hand-phone-copy").await?;
            app.wait_for_text("at-hand", "Copied").await?;

            // Dates read one way: a reminder's time in the history is
            // written as the owner reads dates, not as a stamp.
            app.click("open-reminder-form").await?;
            app.type_into("reminder-note", "Call Ana back").await?;
            app.click("add-reminder").await?;
            app.wait_for_text("reminder-saved", "Mend will remind you")
                .await?;
            app.click("nav-complaints").await?;
            app.click("complaint-item").await?;
            app.click("history").await?;
            let history = app.wait_for_text("history", "Set a reminder for").await?;
            let stamp = history
                .split_whitespace()
                .any(|word| word.len() > 10 && word.as_bytes()[4] == b'-' && word.contains('T'));
            assert!(!stamp, "{history}");
            Ok(())
        })
    })
    .await;
}
