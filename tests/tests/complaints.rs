//! Recording complaints in the real app: they are kept, and bad input is refused.

use mend_e2e::{run, App, Outcome};

async fn save_complaint(app: &App, customer: &str, summary: &str) -> Outcome {
    app.type_into("customer-name", customer).await?;
    app.type_into("summary", summary).await?;
    app.click("save-complaint").await?;
    Ok(())
}

#[tokio::test]
async fn a_saved_complaint_is_still_there_after_a_restart() {
    run("complaint_survives_restart", |app| {
        Box::pin(async move {
            assert_eq!(app.client().title().await?, "Mend");
            app.wait_for_text("complaint-empty", "No complaints yet")
                .await?;

            save_complaint(app, "Ana Lima", "The wedding cake arrived squashed").await?;
            app.wait_for_text("complaint-saved", "Saved the complaint from Ana Lima")
                .await?;
            app.wait_for_text("complaint-list", "The wedding cake arrived squashed")
                .await?;
            app.screenshot("saved").await;

            app.restart().await?;

            let summaries = app.texts("complaint-summary").await?;
            assert_eq!(summaries, ["The wedding cake arrived squashed"]);
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
            save_complaint(app, "Ben Okafor", "").await?;

            let message = app.wait_for_text("complaint-error", "summary").await?;
            assert_eq!(message, "Please write the summary: it cannot be empty.");
            assert!(app.find_all("complaint-item").await?.is_empty());
            assert_eq!(app.text("complaint-saved").await?, "", "no success message");

            app.restart().await?;
            app.wait_for_text("complaint-empty", "No complaints yet")
                .await?;
            assert!(app.find_all("complaint-item").await?.is_empty());
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
            app.type_into("customer-name", "Zoë").await?;
            app.paste_into("summary", summary).await?;
            app.click("save-complaint").await?;

            app.wait_for_text("complaint-saved", "Zoë").await?;
            assert_eq!(app.texts("complaint-summary").await?, [summary]);
            Ok(())
        })
    })
    .await;
}
