//! The lesson of a complaint in the real app: its cause chosen at close from
//! the owner's own list of causes (one added in Settings), and put right
//! afterwards with the old cause kept in the history.

use mend_e2e::journey::{new_complaint, record_step, Intake};
use mend_e2e::run;

#[tokio::test]
async fn a_cause_from_the_owners_list_is_chosen_at_close_and_corrected_later() {
    run("lesson_cause", |app| {
        Box::pin(async move {
            // A cause of this bakery's own, next to the ones Mend starts with.
            app.click("nav-settings").await?;
            app.wait_for_value("cause-name", "Customer expectation").await?;
            let causes = app
                .client()
                .execute("return [...document.querySelectorAll('[data-testid=cause-name]')].map((i) => i.value);", vec![])
                .await?;
            assert!(causes.to_string().contains("Packaging"), "{causes}");
            app.type_into("new-cause", "Oven too hot").await?;
            app.click("add-cause").await?;
            app.wait_for_text("cause-saved", "Added “Oven too hot”.").await?;

            new_complaint(app, &Intake { summary: "Sourdough burnt on the bottom", ..Intake::default() }).await?;
            record_step(app, "acknowledge", "Thank you for telling me.").await?;
            record_step(app, "apologize", "I am so sorry.").await?;
            record_step(app, "assure", "A new loaf tomorrow.").await?;
            record_step(app, "fix", "Baked a new loaf.").await?;
            record_step(app, "follow_up", "Lovely, thanks.").await?;
            app.click("step-tab-close").await?;
            app.choose_label("close-cause", "Oven too hot").await?;
            app.type_into("close-root-cause", "The new oven runs hot on the bottom shelf.").await?;
            app.click("close-submit").await?;
            app.wait_for_text("step-saved", "Closed.").await?;
            app.wait_for_text("lesson-cause-now", "Cause: Oven too hot").await?;

            // It was the supplier's flour after all.
            app.choose_label("lesson-cause", "Supplier").await?;
            app.type_into("lesson-root-cause", "The new flour browns faster.").await?;
            app.click("lesson-save").await?;
            app.wait_for_text("step-saved", "Saved the lesson.").await?;
            app.wait_for_text("lesson-cause-now", "Cause: Supplier").await?;
            app.click("history").await?;
            let history = app.texts("history-entry").await?;
            for line in [
                "You: Closed the complaint (resolved); cause: Oven too hot",
                "You: Changed the cause: Oven too hot → Supplier",
                "You: Changed the lesson: \"The new oven runs hot on the bottom shelf.\" → \"The new flour browns faster.\"",
            ] {
                assert!(history.iter().any(|entry| entry.ends_with(line)), "no {line:?} in {history:#?}");
            }
            // An emptied lesson is refused next to it.
            app.type_into("lesson-root-cause", "").await?;
            app.click("lesson-save").await?;
            app.wait_for_text("lesson-root-cause-problem", "Please write the lesson (why it happened)").await?;

            app.restart().await?;
            app.click("nav-complaints").await?;
            app.choose("filter-status", "any").await?;
            app.click("complaint-item").await?;
            app.wait_for_text("lesson-cause-now", "Cause: Supplier").await?;
            Ok(())
        })
    })
    .await;
}
