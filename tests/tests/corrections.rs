//! Putting mistakes right in the real window: a complaint's facts and a
//! timeline entry are corrected with the old words kept in the history, and
//! a complaint entered by mistake is deleted into the Deleted list, asked
//! first, and brought back.

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::run;

#[tokio::test]
async fn the_facts_of_a_complaint_are_corrected_and_the_history_keeps_old_and_new() {
    run("facts_corrected", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake { summary: "Christmas pudding order lost", ..Intake::default() }).await?;
            // Ana rang for her mother: the complaint is Maria's.
            app.click("open-facts-form").await?;
            app.type_into("facts-summary", "Christmas pudding order lost by the courier").await?;
            app.type_into("facts-customer", "Maria Lima").await?;
            app.click("facts-customer-new").await?;
            app.wait_for_text("facts-customer-note", "A new customer, Maria Lima, will be added.").await?;
            app.type_into("facts-reference", "Order 2211").await?;
            app.choose_label("facts-severity", "High").await?;
            app.choose_label("facts-category", "Delivery").await?;
            app.screenshot("correcting").await;
            app.click("facts-save").await?;
            app.wait_for_text("step-saved", "Saved 5 corrections. The history keeps what it said before.").await?;

            assert_eq!(app.text("complaint-heading").await?, "Christmas pudding order lost by the courier");
            assert_eq!(app.text("complaint-customer-link").await?, "Maria Lima");
            assert_eq!(app.text("at-hand-reference").await?, "Order 2211");
            app.click("history").await?;
            let history = app.texts("history-entry").await?;
            for line in [
                "You: Changed the customer: Ana Lima → Maria Lima",
                "You: Changed the summary: \"Christmas pudding order lost\" → \"Christmas pudding order lost by the courier\"",
                "You: Changed the reference: (nothing) → \"Order 2211\"",
                "You: Changed how serious it is: Normal → High",
                "You: Changed the category: Not sure yet → Delivery",
            ] {
                assert!(history.iter().any(|entry| entry.ends_with(line)), "no {line:?} in {history:#?}");
            }

            // A wrong customer typed but not picked is said, next to nothing saved.
            app.click("open-facts-form").await?;
            app.type_into("facts-customer", "Someone Else").await?;
            app.click("facts-save").await?;
            app.wait_for_text("facts-error", "Please pick the customer from the list under “Customer”").await?;

            // Still so after a restart, and the list finds it by its new words.
            app.restart().await?;
            app.click("nav-complaints").await?;
            app.type_into("list-search", "courier").await?;
            app.wait_for_text("complaint-list", "Christmas pudding order lost by the courier").await?;
            assert_eq!(app.texts("complaint-customer").await?, ["Maria Lima · Delivery"]);
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_timeline_entry_is_corrected_with_its_old_text_in_the_history() {
    run("timeline_entry_corrected", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            app.click("correct-contact").await?;
            app.type_into("correct-contact-text", "It was for my daughter's wedding and the top tier had slid off.").await?;
            app.click("correct-contact-save").await?;
            app.wait_for_text("step-saved", "Corrected the entry of").await?;
            assert_eq!(app.texts("timeline-text").await?, ["It was for my daughter's wedding and the top tier had slid off."]);
            app.click("history").await?;
            let history = app.texts("history-entry").await?;
            assert!(
                history.iter().any(|entry| entry.contains("Corrected the timeline entry of")
                    && entry.contains("the text: \"It was for my daughter's wedding and the top tier had collapsed.\" → \"It was for my daughter's wedding and the top tier had slid off.\"")),
                "{history:#?}"
            );
            // An emptied entry is refused in words, and nothing changes.
            app.click("correct-contact").await?;
            app.type_into("correct-contact-text", "").await?;
            app.click("correct-contact-save").await?;
            app.wait_for_text("correct-contact-text-problem", "Please write what was said or noted: it cannot be empty.").await?;
            app.click("correct-contact-cancel").await?;
            assert_eq!(app.texts("timeline-text").await?, ["It was for my daughter's wedding and the top tier had slid off."]);
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_complaint_entered_by_mistake_is_deleted_after_asking_and_brought_back() {
    run("complaint_deleted_and_back", |app| {
        Box::pin(async move {
            new_complaint(
                app,
                &Intake {
                    summary: "Birthday cake too sweet",
                    customer: "Ben Okafor",
                    ..Intake::default()
                },
            )
            .await?;
            app.click("nav-complaints").await?;
            app.wait_for_count("complaint-item", 1).await?;
            new_complaint(
                app,
                &Intake {
                    summary: "Entered twice by mistake",
                    ..Intake::default()
                },
            )
            .await?;

            app.click("open-facts-form").await?;
            app.click("delete-complaint").await?;
            app.wait_for_text(
                "delete-confirm",
                "Delete this complaint? It goes to the Deleted list",
            )
            .await?;
            // "No" keeps it.
            app.click("delete-confirm-no").await?;
            assert!(app.find_all("delete-confirm").await?.is_empty());
            app.click("delete-complaint").await?;
            app.click("delete-confirm-yes").await?;
            app.wait_for_text(
                "complaints-notice",
                "Deleted “Entered twice by mistake”. It is in the Deleted list for 30 days.",
            )
            .await?;
            app.wait_for_count("complaint-item", 1).await?;
            assert_eq!(
                app.texts("complaint-summary").await?,
                ["Birthday cake too sweet"]
            );
            app.click("nav-today").await?;
            app.wait_for_text("today-list", "Birthday cake too sweet")
                .await?;
            assert!(!app.text("today-list").await?.contains("Entered twice"));

            // Kept across a restart, in the Deleted list, and brought back.
            app.restart().await?;
            app.click("nav-complaints").await?;
            app.wait_for_count("complaint-item", 1).await?;
            app.click("open-deleted").await?;
            app.wait_for_count("deleted-item", 1).await?;
            assert_eq!(
                app.texts("complaint-summary").await?,
                ["Entered twice by mistake"]
            );
            assert!(app.text("deleted-when").await?.contains("kept until"));
            app.click("complaint-item").await?;
            app.wait_for_text("deleted-banner", "This complaint was deleted on")
                .await?;
            app.click("history").await?;
            let history = app.texts("history-entry").await?;
            assert!(
                history.iter().any(|line| line
                    .ends_with("You: Deleted the complaint; it can be brought back for 30 days")),
                "{history:#?}"
            );
            app.click("back").await?;
            app.click("bring-back").await?;
            app.wait_for_text("deleted-done", "Brought back “Entered twice by mistake”.")
                .await?;
            app.wait_for_text("deleted-empty", "Nothing deleted in the last 30 days.")
                .await?;
            app.click("back").await?;
            app.wait_for_count("complaint-item", 2).await?;
            Ok(())
        })
    })
    .await;
}
