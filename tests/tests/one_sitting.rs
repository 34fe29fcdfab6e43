//! A phone call is one sitting: the owner acknowledges, apologizes and
//! promises on one call, and records it in one go. The journey's rules
//! still hold: nothing is kept from a call that breaks one.

use mend_e2e::journey::{new_complaint, pick_day, Intake};
use mend_e2e::run;

#[tokio::test]
async fn acknowledging_apologizing_and_promising_on_one_call_is_one_save() {
    run("one_sitting", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            app.wait_for_text("step-title", "Acknowledge").await?;
            app.click("open-call-form").await?;
            let offered = app.text("call-steps").await?;
            for label in ["Acknowledged it and thanked them", "Apologized", "Promised what happens next, and by when"] {
                assert!(offered.contains(label), "{label:?} is not offered in {offered:?}");
            }
            app.type_into("call-said", "Thanked her for ringing, and said how sorry I am the cake was ruined.").await?;
            app.type_into("call-plan", "Bake a new cake and bring it round myself.").await?;

            // A promise with no date is refused, and nothing of the call is kept.
            app.click("call-save").await?;
            app.wait_for_text("call-promised-date-problem", "Please choose the promised date.").await?;
            assert_eq!(app.text("step-title").await?, "Acknowledge");

            pick_day(app, "call-promised-date", 2).await?;
            app.screenshot("call-form").await;
            app.click("call-save").await?;
            app.wait_for_text("step-saved", "Saved the call: Acknowledge, Apologize, Assure. Next: Fix.").await?;
            app.wait_for_text("complaint-badges", "Next: Fix").await?;
            assert!(app.text("at-hand-promised").await?.len() > "None yet".len());
            for step in ["acknowledge", "apologize", "assure"] {
                let tab = app.find(&format!("step-tab-{step}")).await?;
                assert_eq!(tab.attr("data-state").await?.as_deref(), Some("done"), "{step}");
            }
            // One call, one entry on the timeline.
            let timeline = app.texts("timeline-text").await?;
            assert_eq!(
                timeline,
                [
                    "It was for my daughter's wedding and the top tier had collapsed.",
                    "Thanked her for ringing, and said how sorry I am the cake was ruined.\nPromised: Bake a new cake and bring it round myself."
                ]
            );
            app.restart().await?;
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "Next: Fix").await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_call_with_only_the_acknowledgement_ticked_records_just_that() {
    run("one_sitting_partly", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            app.click("open-call-form").await?;
            // Unticking the apology unticks the promise after it: the steps go in order.
            app.click("call-step-apologize").await?;
            assert!(!app.find("call-step-assure").await?.is_selected().await?);
            // Without a promise ticked, the promise's fields go away.
            assert!(!app.find("call-promise").await?.is_displayed().await?);
            app.type_into(
                "call-said",
                "Thanked him; I will ring back after checking the order.",
            )
            .await?;
            app.click("call-save").await?;
            app.wait_for_text(
                "step-saved",
                "Saved the call: Acknowledge. Next: Apologize.",
            )
            .await?;
            app.wait_for_text("step-title", "Apologize").await?;
            Ok(())
        })
    })
    .await;
}
