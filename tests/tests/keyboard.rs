//! One complaint from intake to close with the keyboard alone: Ctrl+N,
//! typing, Tab (pressed as a keyboard does) to each field or button, Enter,
//! and choices picked by typing their first letters.

use fantoccini::key::Key;
use mend_e2e::keyboard::{press, tab_to, type_keys};
use mend_e2e::{run, App, Outcome};

/// Ctrl+N, the customer and the summary typed, Tab to Save and Enter.
async fn take_a_complaint_by_keyboard(app: &App) -> Outcome {
    app.find("today-empty").await?;
    let ctrl_n = format!("{}n{}", char::from(Key::Control), char::from(Key::Control));
    press(app, &ctrl_n).await?;
    app.find("intake-form").await?;
    assert_eq!(app.focused().await?, "intake-new-customer-name");
    press(app, "Ana Lima").await?;
    tab_to(app, "intake-summary").await?;
    press(app, "The wedding cake arrived squashed").await?;
    tab_to(app, "intake-save").await?;
    press(app, &char::from(Key::Enter).to_string()).await?;
    app.wait_for_text("complaint-heading", "The wedding cake arrived squashed")
        .await?;
    Ok(())
}

/// The step's words typed, Tab to its button and Enter; `next` is the step
/// Mend says comes next.
async fn record_by_keyboard(app: &App, text: &str, next: &str) -> Outcome {
    tab_to(app, "record-text").await?;
    press(app, text).await?;
    tab_to(app, "record-step").await?;
    press(app, &char::from(Key::Enter).to_string()).await?;
    app.wait_for_text("step-saved", &format!("Saved. Next: {next}"))
        .await?;
    Ok(())
}

#[tokio::test]
async fn a_complaint_is_taken_acknowledged_apologized_for_and_closed_with_the_keyboard_alone() {
    run("keyboard_only", |app| {
        Box::pin(async move {
            let enter = char::from(Key::Enter).to_string();
            take_a_complaint_by_keyboard(app).await?;
            record_by_keyboard(app, "I hear you, and I am on it.", "Apologize.").await?;
            record_by_keyboard(app, "I am so sorry.", "Assure.").await?;

            tab_to(app, "close-complaint").await?;
            press(app, &enter).await?;
            tab_to(app, "close-cause").await?;
            // Typing a choice's first letters picks it, as in any list.
            press(app, "Pack").await?;
            assert_eq!(app.value("close-reason").await?, "withdrawn");
            tab_to(app, "close-root-cause").await?;
            press(app, "The box gave way in the van.").await?;
            tab_to(app, "close-submit").await?;
            press(app, &enter).await?;
            app.wait_for_text("step-saved", "Closed.").await?;
            app.wait_for_text("complaint-badges", "Closed").await?;
            app.wait_for_text("lesson-cause-now", "Cause: Packaging")
                .await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_complaint_goes_from_intake_through_every_step_to_close_with_the_keyboard_alone() {
    run("keyboard_whole_journey", |app| {
        Box::pin(async move {
            let enter = char::from(Key::Enter).to_string();
            take_a_complaint_by_keyboard(app).await?;
            record_by_keyboard(app, "I hear you, and I am on it.", "Apologize.").await?;
            record_by_keyboard(app, "I am so sorry.", "Assure.").await?;

            // Assure: the promised date typed into the date field part by
            // part, Tab between them, in the order this computer writes
            // dates (month, day, year in the United States).
            tab_to(app, "record-text").await?;
            press(app, "A new cake by Friday.").await?;
            tab_to(app, "record-promised-date").await?;
            let day = chrono::Local::now().date_naive() + chrono::Days::new(3);
            let order = app
                .client()
                .execute(
                    "return new Intl.DateTimeFormat().formatToParts(new Date())
                       .map((part) => part.type).filter((type) => type !== 'literal');",
                    vec![],
                )
                .await?;
            let tab = char::from(Key::Tab).to_string();
            let parts: Vec<String> = serde_json::from_value::<Vec<String>>(order)?
                .iter()
                .map(|part| match part.as_str() {
                    "year" => day.format("%Y").to_string(),
                    "month" => day.format("%m").to_string(),
                    _ => day.format("%d").to_string(),
                })
                .collect();
            type_keys(app, &parts.join(&tab)).await?;
            assert_eq!(
                app.value("record-promised-date").await?,
                day.format("%Y-%m-%d").to_string()
            );
            tab_to(app, "record-step").await?;
            press(app, &enter).await?;
            app.wait_for_text("step-saved", "Saved. Next: Fix.").await?;

            // Fix: the remedy picked from its list by its first letters.
            tab_to(app, "record-text").await?;
            press(app, "Baked and delivered a new cake.").await?;
            tab_to(app, "record-remedy").await?;
            press(app, "Rep").await?;
            assert_eq!(app.value("record-remedy").await?, "replacement");
            tab_to(app, "record-step").await?;
            press(app, &enter).await?;
            app.wait_for_text("step-saved", "Saved. Next: Follow up.")
                .await?;

            // Follow up: how satisfied, and "Yes, they are happy" by Space.
            tab_to(app, "record-text").await?;
            press(app, "She loved it.").await?;
            tab_to(app, "record-satisfaction").await?;
            press(app, "5").await?;
            assert_eq!(app.value("record-satisfaction").await?, "5");
            tab_to(app, "record-satisfied-yes").await?;
            press(app, " ").await?;
            let happy = app.find("record-satisfied-yes").await?;
            assert!(happy.is_selected().await?, "Space did not choose it");
            tab_to(app, "record-step").await?;
            press(app, &enter).await?;
            app.wait_for_text("step-saved", "Saved. Next: Close")
                .await?;

            tab_to(app, "close-cause").await?;
            press(app, "Pack").await?;
            let cause = app
                .client()
                .execute(
                    "const pick = document.querySelector('[data-testid=close-cause]');
                     return pick.selectedOptions[0].textContent;",
                    vec![],
                )
                .await?;
            assert_eq!(cause, "Packaging");
            assert_eq!(app.value("close-reason").await?, "resolved");
            tab_to(app, "close-root-cause").await?;
            press(app, "The box gave way in the van.").await?;
            tab_to(app, "close-submit").await?;
            press(app, &enter).await?;
            app.wait_for_text("step-saved", "Closed.").await?;
            app.wait_for_text("complaint-badges", "Closed").await?;
            Ok(())
        })
    })
    .await;
}
