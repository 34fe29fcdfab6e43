//! No lost work: leaving a view with a form not saved asks first, and a
//! half-written new complaint is still there after Mend is restarted.

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::run;

#[tokio::test]
async fn leaving_a_step_half_written_asks_first_and_staying_keeps_the_text() {
    run("unsaved_step_asks", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            app.type_into("record-text", "Thank you for telling me")
                .await?;
            app.click("nav-today").await?;
            app.wait_for_text(
                "leave-question",
                "You have not saved what you wrote in “Record this step”. Leave without saving it?",
            )
            .await?;
            app.screenshot("leave-ask").await;
            app.click("leave-stay").await?;
            assert_eq!(app.value("record-text").await?, "Thank you for telling me");
            assert_eq!(app.focused().await?, "record-channel");
            assert_eq!(app.text("step-title").await?, "Acknowledge");

            // Leaving on purpose goes, and says nothing more.
            app.click("nav-customers").await?;
            app.click("leave-discard").await?;
            app.wait_for_text("view", "Customers").await?;

            // A saved form is no reason to ask.
            app.click("nav-complaints").await?;
            app.click("complaint-item").await?;
            app.type_into("record-text", "Thank you for telling me")
                .await?;
            app.click("record-step").await?;
            app.wait_for_text("step-saved", "Saved. Next: Apologize.")
                .await?;
            app.click("nav-today").await?;
            app.wait_for_text("today-empty", "Nothing needs you right now")
                .await?;
            assert!(!app.find("leave-ask").await?.is_displayed().await?);
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn settings_left_unsaved_asks_first() {
    run("unsaved_settings_asks", |app| {
        Box::pin(async move {
            app.click("nav-settings").await?;
            app.type_into("business-name", "Lima Cakes").await?;
            app.click("nav-complaints").await?;
            app.wait_for_text("leave-question", "Leave without saving it?")
                .await?;
            app.click("leave-stay").await?;
            assert_eq!(app.value("business-name").await?, "Lima Cakes");
            app.click("save-names").await?;
            app.wait_for_text("names-saved", "Saved").await?;
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-empty", "No open complaints right now")
                .await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_half_written_new_complaint_survives_a_restart() {
    run("intake_draft_survives_restart", |app| {
        Box::pin(async move {
            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-name", "Carla Dias")
                .await?;
            app.type_into("intake-summary", "Gluten-free loaf had")
                .await?;
            app.type_into("intake-words", "She said it made her ill")
                .await?;
            app.choose_label("intake-severity", "High").await?;
            // Mend is closed with the window still open, as a crash would.
            tokio::time::sleep(std::time::Duration::from_millis(800)).await;
            app.restart().await?;

            app.click("new-complaint").await?;
            app.wait_for_value("intake-new-customer-name", "Carla Dias")
                .await?;
            assert_eq!(app.value("intake-summary").await?, "Gluten-free loaf had");
            assert_eq!(app.value("intake-words").await?, "She said it made her ill");
            assert_eq!(app.value("intake-severity").await?, "high");
            app.type_into(
                "intake-summary",
                "Gluten-free loaf had crumbs of wheat bread",
            )
            .await?;
            app.click("intake-save").await?;
            app.wait_for_text(
                "complaint-heading",
                "Gluten-free loaf had crumbs of wheat bread",
            )
            .await?;

            // Saved: the next new complaint starts empty, after a restart too.
            app.restart().await?;
            app.click("new-complaint").await?;
            app.find("intake-form").await?;
            assert_eq!(app.value("intake-new-customer-name").await?, "");
            assert_eq!(app.value("intake-summary").await?, "");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_complaint_half_written_for_someone_else_is_not_given_to_the_customer_opened() {
    run("intake_draft_other_customer", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake { customer: "Ben Okafor", summary: "Rye bread too dense", ..Intake::default() }).await?;
            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-name", "Carla Dias").await?;
            app.type_into("intake-summary", "Gluten-free loaf had").await?;
            app.click("intake-cancel").await?;

            app.click("complaint-customer-link").await?;
            app.click("customer-new-complaint").await?;
            app.wait_for_text(
                "intake-draft-note",
                "This window still holds the complaint you started for Carla Dias. Finish it first, or clear the form to start one for Ben Okafor.",
            )
            .await?;
            assert_eq!(app.value("intake-summary").await?, "Gluten-free loaf had");
            app.click("intake-clear").await?;
            app.wait_for_text("intake-chosen-customer", "Existing customer: Ben Okafor").await?;
            assert_eq!(app.value("intake-summary").await?, "");
            assert!(!app.find("intake-draft-note").await?.is_displayed().await?);
            Ok(())
        })
    })
    .await;
}
