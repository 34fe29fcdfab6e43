//! The guided journey in the real app: from the first call to the lesson.

use mend_e2e::journey::{fill_step, name_the_business, new_complaint, record_step, Intake};
use mend_e2e::{run, App, Outcome};

/// Waits until "Copy message" can be pressed, or cannot.
async fn copy_enabled(app: &App, enabled: bool) -> Outcome {
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    while app.find("copy-draft").await?.is_enabled().await? != enabled {
        if std::time::Instant::now() > deadline {
            return Err(format!("Copy message did not become enabled = {enabled}").into());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Ok(())
}

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
            app.click("step-tab-receive").await?;
            app.wait_for_text("intake-facts", "top tier had collapsed")
                .await?;
            app.screenshot("step-receive").await;

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
            // The list opens on the open ones: this one is closed now.
            app.wait_for_text("complaint-empty", "No open complaints right now")
                .await?;
            app.choose_label("filter-status", "Closed").await?;
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
async fn checklist_ticks_contacts_and_the_copied_draft_are_kept() {
    run("journey_checklist_contact_draft", |app| {
        Box::pin(async move {
            name_the_business(app, "Lima Cakes", "Rui").await?;
            new_complaint(app, &Intake::default()).await?;
            app.click("check-heard_confirmed").await?;

            app.click("copy-draft").await?;
            app.wait_for_text("draft-copied", "Copied").await?;

            app.click("open-contact-form").await?;
            app.choose("contact-direction", "note").await?;
            app.type_into("contact-text", "Asked the courier for photos of the box.")
                .await?;
            app.click("add-contact").await?;
            app.wait_for_text("step-saved", "Added to the timeline")
                .await?;
            app.wait_for_text("timeline", "Asked the courier for photos")
                .await?;

            app.restart().await?;
            app.click("today-item").await?;
            app.wait_for_text("timeline", "Internal note").await?;
            let ticked = app.find("check-heard_confirmed").await?;
            assert!(ticked.is_selected().await?, "the tick was kept");
            app.click("history").await?;
            app.wait_for_text("history", "Ticked").await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn filters_narrow_the_list_and_sort_by_promised_date() {
    run("list_filters", |app| {
        Box::pin(async move {
            let urgent = Intake {
                customer: "Carla Dias",
                summary: "Allergic reaction to the cookies",
                severity: "urgent",
                ..Intake::default()
            };
            new_complaint(app, &urgent).await?;
            new_complaint(app, &Intake::default()).await?;
            record_step(app, "acknowledge", "Thank you for telling me.").await?;

            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "Allergic reaction")
                .await?;
            app.choose("filter-severity", "urgent").await?;
            app.wait_for_text("complaint-list", "Urgent").await?;
            app.wait_for_count("complaint-item", 1).await?;
            assert_eq!(
                app.texts("complaint-summary").await?,
                ["Allergic reaction to the cookies"]
            );

            app.choose("filter-severity", "").await?;
            app.choose("filter-step", "apologize").await?;
            app.wait_for_count("complaint-item", 1).await?;
            assert_eq!(
                app.texts("complaint-summary").await?,
                ["The wedding cake arrived squashed"]
            );

            app.choose("filter-step", "").await?;
            app.choose("filter-status", "closed").await?;
            app.wait_for_text("complaint-empty", "No complaint matches")
                .await?;
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
                ..Intake::default()
            };
            new_complaint(app, &first).await?;
            let second = Intake {
                customer: "Carla Dias",
                summary: "Late delivery",
                words: "The parcel came a week late.",
                severity: "urgent",
                ..Intake::default()
            };
            new_complaint(app, &second).await?;

            app.click("nav-today").await?;
            app.wait_for_text("today-list", "Late delivery").await?;
            let order = app.texts("complaint-summary").await?;
            assert_eq!(
                order,
                ["Late delivery", "Vase broken in the post"],
                "urgent first"
            );
            app.wait_for_text("today-list", "Urgent").await?;
            app.screenshot("today").await;

            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "Late delivery").await?;
            app.type_into("list-search", "refu").await?;
            app.wait_for_text("complaint-list", "Vase broken").await?;
            app.wait_for_count("complaint-item", 1).await?;
            assert_eq!(
                app.texts("complaint-summary").await?,
                ["Vase broken in the post"]
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn drafts_keep_the_summary_as_written_and_ask_for_what_is_not_known_yet() {
    run("drafts_read_well", |app| {
        Box::pin(async move {
            let lost = Intake {
                customer: "Eva Rocha",
                summary: "Christmas pudding order lost",
                ..Intake::default()
            };
            new_complaint(app, &lost).await?;
            // The names are not set yet: the draft says so and is not copied.
            let draft = app.wait_for_value("draft", "Dear Eva").await?;
            assert!(draft.contains("(\"Christmas pudding order lost\")"), "{draft}");
            app.wait_for_text("draft-gaps", "write in [your name], [your business name]")
                .await?;
            copy_enabled(app, false).await?;
            // Writing them in by hand is enough.
            let filled = draft
                .replace("[your name]", "Rui")
                .replace("[your business name]", "Lima Cakes");
            app.type_into("draft", &filled).await?;
            copy_enabled(app, true).await?;
            assert!(app.text("draft-gaps").await?.is_empty());

            name_the_business(app, "Lima Cakes", "Rui").await?;
            app.click("nav-complaints").await?;
            app.click("complaint-item").await?;
            record_step(app, "acknowledge", "Thank you for telling me.").await?;
            app.click("step-tab-apologize").await?;
            let apology = app.wait_for_value("draft", "I am truly sorry").await?;
            assert!(
                apology.contains(
                    "I am truly sorry about what happened (\"Christmas pudding order lost\")."
                ),
                "the summary is never lowercased: {apology}"
            );
            copy_enabled(app, true).await?;
            record_step(app, "apologize", "I am so sorry.").await?;

            // Assure: no date chosen yet, so the draft cannot promise one.
            app.click("step-tab-assure").await?;
            app.wait_for_value("draft", "[promised date]").await?;
            app.wait_for_text("draft-gaps", "write in [promised date]").await?;
            app.screenshot("assure-gaps").await;
            copy_enabled(app, false).await?;
            fill_step(app, "assure", "A new pudding by Friday.").await?;
            app.client()
                .execute(
                    "document.querySelector('[data-testid=record-promised-date]').dispatchEvent(new Event('change', { bubbles: true }));",
                    vec![],
                )
                .await?;
            let promised = app.wait_for_value("draft", "put right for you by ").await?;
            assert!(!promised.contains("[promised date]"), "{promised}");
            copy_enabled(app, true).await?;

            // A template with a misspelt placeholder is refused, naming it.
            // The plan was not saved: Mend asks, and the owner leaves it.
            app.click("nav-settings").await?;
            app.wait_for_text("leave-question", "Record this step").await?;
            app.click("leave-discard").await?;
            app.click("template-toggle-apologize").await?;
            app.type_into("template-apologize", "Dear {frist_name}, I am sorry.")
                .await?;
            app.click("save-template-apologize").await?;
            app.wait_for_text(
                "template-error-apologize",
                "Mend does not know {frist_name} in this template",
            )
            .await?;
            Ok(())
        })
    })
    .await;
}
