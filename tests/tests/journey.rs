//! The guided journey in the real app: from the first call to the lesson.

use mend_e2e::journey::{fill_step, new_complaint, record_step, Intake};
use mend_e2e::run;

#[tokio::test]
async fn a_complaint_goes_from_intake_to_close_and_is_kept() {
    run("journey_intake_to_close", |app| {
        Box::pin(async move {
            app.wait_for_text("today-empty", "Nothing needs you right now")
                .await?;
            app.screenshot("today-empty").await;
            new_complaint(app, &Intake::default()).await?;
            app.wait_for_text("step-title", "Acknowledge").await?;
            app.wait_for_text("step-state", "next thing to do").await?;
            app.screenshot("step-acknowledge").await;

            record_step(
                app,
                "acknowledge",
                "Thank you for telling me straight away.",
            )
            .await?;
            app.wait_for_text("step-title", "Apologize").await?;
            app.screenshot("step-apologize").await;
            record_step(
                app,
                "apologize",
                "I am so sorry: we let you down on a day that mattered.",
            )
            .await?;
            app.screenshot("step-assure").await;
            record_step(
                app,
                "assure",
                "A new cake, delivered by me, and a sturdier box from now on.",
            )
            .await?;
            app.wait_for_text("complaint-badges", "Next: Fix").await?;
            app.screenshot("step-fix").await;
            fill_step(app, "fix", "Baked and delivered a new cake.").await?;
            let draft = app.wait_for_value("draft", "a replacement").await?;
            assert!(
                draft.starts_with("Hello Ana") || draft.starts_with("Dear Ana"),
                "{draft}"
            );
            app.click("record-step").await?;
            app.wait_for_text("step-saved", "Next: Follow up").await?;
            app.screenshot("step-follow-up").await;
            record_step(app, "follow_up", "Lovely, thank you for sorting it out.").await?;
            app.wait_for_text("step-title", "Close").await?;

            app.type_into(
                "close-root-cause",
                "The box was too thin for a tiered cake.",
            )
            .await?;
            app.type_into(
                "close-prevention",
                "Double-walled boxes for every tiered cake.",
            )
            .await?;
            app.screenshot("step-close").await;
            app.click("close-submit").await?;
            app.wait_for_text("step-saved", "Closed").await?;
            app.wait_for_text("complaint-badges", "Closed").await?;

            let timeline = app.texts("timeline-text").await?;
            assert_eq!(timeline.len(), 6, "{timeline:?}");
            assert!(timeline[0].contains("top tier had collapsed"));
            assert!(timeline[2].contains("I am so sorry"));
            let history = app.find_all("history-entry").await?;
            assert_eq!(history.len(), 7, "received, five steps, closed");

            app.restart().await?;
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "The wedding cake arrived squashed")
                .await?;
            app.wait_for_text("complaint-list", "Closed").await?;
            app.screenshot("complaints-list").await;
            app.click("complaint-item").await?;
            app.wait_for_text("step-records", "The box was too thin")
                .await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_fix_before_the_apology_is_refused_with_the_reason() {
    run("journey_fix_before_apology", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            record_step(app, "acknowledge", "I hear you, and I am on it.").await?;

            fill_step(app, "fix", "Sent a new cake.").await?;
            app.wait_for_text("step-state", "This comes later").await?;
            app.click("record-step").await?;
            let refusal = app.wait_for_text("step-error", "apologize before").await?;
            assert!(refusal.contains("say sorry first"), "{refusal}");
            app.screenshot("refused").await;

            app.click("step-tab-fix").await?;
            assert!(
                app.find_all("step-record").await?.is_empty(),
                "nothing was recorded"
            );
            app.wait_for_text("complaint-badges", "Next: Apologize")
                .await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn an_unsatisfied_follow_up_reopens_the_complaint_at_assure() {
    run("journey_unsatisfied_follow_up", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            for (step, text) in [
                ("acknowledge", "Thanks for letting me know."),
                ("apologize", "I am truly sorry."),
                ("assure", "A new cake by Friday."),
                ("fix", "Delivered a new cake."),
            ] {
                record_step(app, step, text).await?;
            }
            fill_step(app, "follow_up", "The new one was dry.").await?;
            app.choose("record-satisfaction", "2").await?;
            app.click("record-satisfied-no").await?;
            app.click("record-step").await?;
            app.wait_for_text("step-saved", "make a new plan").await?;
            app.wait_for_text("step-title", "Assure").await?;
            app.wait_for_text("complaint-badges", "Next: Assure")
                .await?;
            app.click("history").await?;
            app.wait_for_text("history", "back to Assure").await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn search_finds_a_complaint_by_the_customers_own_words() {
    run("journey_search_words", |app| {
        Box::pin(async move {
            let first = Intake {
                customer: "Bruno Costa",
                summary: "Vase broken in the post",
                words: "I would like a refund, the vase was in pieces.",
                severity: "high",
            };
            new_complaint(app, &first).await?;
            let second = Intake {
                customer: "Carla Dias",
                summary: "Late delivery",
                words: "The parcel came a week late.",
                severity: "urgent",
            };
            new_complaint(app, &second).await?;

            app.click("nav-today").await?;
            app.wait_for_text("today-acknowledge", "Late delivery")
                .await?;
            let order = app.texts("complaint-summary").await?;
            assert_eq!(
                order,
                ["Late delivery", "Vase broken in the post"],
                "urgent first"
            );
            app.wait_for_text("today-acknowledge", "Urgent").await?;
            app.screenshot("today").await;

            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "Late delivery").await?;
            app.type_into("list-search", "refu").await?;
            app.wait_for_text("complaint-list", "Vase broken").await?;
            let found = loop_until_one(app).await?;
            assert_eq!(found, ["Vase broken in the post"]);
            Ok(())
        })
    })
    .await;
}

/// The search runs as the owner types; wait until the list has settled.
async fn loop_until_one(
    app: &mend_e2e::App,
) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    for _ in 0..50 {
        let found = app.texts("complaint-summary").await?;
        if found.len() == 1 {
            return Ok(found);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Ok(app.texts("complaint-summary").await?)
}
