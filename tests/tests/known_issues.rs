//! Known issues in the real app: three complaints closed with the same
//! cause become one known issue (made at the third close, the other two
//! linked with it), a complaint is unlinked and found again by typing, the
//! issue is marked fixed, and its customers are told one by one, with the
//! reminder on Today until the last is settled.

use mend_e2e::journey::{closed_with_cause, new_complaint, Intake};
use mend_e2e::run;

#[tokio::test]
async fn three_complaints_become_a_known_issue_and_every_customer_is_told_once_it_is_fixed() {
    run("known_issue", |app| {
        Box::pin(async move {
            // The owner's own words for "it is fixed" (a step's placeholder is refused).
            app.click("nav-settings").await?;
            app.click("template-toggle-issue_fixed").await?;
            app.type_into("template-issue_fixed", "Hi {first_name}, about {summary}").await?;
            app.click("save-template-issue_fixed").await?;
            app.wait_for_text("template-error-issue_fixed", "Mend does not know {summary} in this template").await?;
            // Pasted, as a few lines are (WebDriver types no line breaks).
            app.paste_into("template-issue_fixed", "Hi {first_name}, good news: {issue} is fixed. {what_changed}\n\n{owner_name}").await?;
            app.click("save-template-issue_fixed").await?;
            app.wait_for_text("template-saved-issue_fixed", "Saved.").await?;

            let ana = Intake { customer: "Ana Lima", email: "ana@example.com", summary: "Wedding cake squashed", ..Intake::default() };
            closed_with_cause(app, &ana, "Packaging").await?;
            closed_with_cause(app, &Intake { customer: "Ben Ode", summary: "Birthday cake crushed", ..Intake::default() }, "Packaging").await?;

            // The third: Mend says the cause came up before, and offers to gather them.
            new_complaint(app, &Intake { customer: "Cleo Park", summary: "Tart arrived in pieces", ..Intake::default() }).await?;
            app.click("close-complaint").await?;
            app.choose_label("close-cause", "Packaging").await?;
            app.wait_for_text("same-cause", "2 other complaints in the last 90 days had this cause.").await?;
            assert_eq!(app.text("link-same-cause-label").await?, "Link those 2 complaints to the known issue too");
            app.choose_label("close-issue", "A new known issue…").await?;
            app.type_into("close-issue-new-title", "Cake boxes crush in transit").await?;
            app.click("link-same-cause").await?;
            app.type_into("close-root-cause", "Single-wall boxes again.").await?;
            app.screenshot("known-issue-at-close").await;
            app.click("close-submit").await?;
            app.wait_for_text("step-saved", "Closed.").await?;
            app.wait_for_text("complaint-issue", "Part of the known issue Cake boxes crush in transit").await?;

            app.click("complaint-issue-link").await?;
            app.wait_for_text("issue-heading", "Cake boxes crush in transit").await?;
            app.wait_for_count("issue-complaint", 3).await?;
            assert!(app.text("issue-complaints").await?.starts_with("Its complaints (3)"));

            // Ben's was a courier's fault after all... then it wasn't: linked again by typing.
            let rows = app.texts("issue-complaint").await?;
            let ben = rows.iter().position(|row| row.contains("Ben Ode")).expect("Ben's complaint is listed");
            app.find_all("issue-unlink").await?[ben].click().await?;
            app.wait_for_text("issue-saved", "Unlinked “Birthday cake crushed”.").await?;
            app.wait_for_count("issue-complaint", 2).await?;
            app.type_into("issue-link-search", "Ben").await?;
            app.wait_for_text("issue-link-results", "Birthday cake crushed").await?;
            app.click("issue-link").await?;
            app.wait_for_text("issue-saved", "Linked “Birthday cake crushed”.").await?;
            app.wait_for_count("issue-complaint", 3).await?;

            // What changed, then fixed: the three customers to tell, closed complaints included.
            app.click("open-issue-form").await?;
            app.type_into("issue-form-what-changed", "Every cake now travels in a double-wall box.").await?;
            app.click("issue-form-save").await?;
            app.wait_for_text("issue-saved", "Saved.").await?;
            app.click("issue-to-fixed").await?;
            app.wait_for_text("issue-saved", "Marked fixed. Now tell the customers below.").await?;
            // The reminder reaches the desktop too.
            let told = app
                .notifications()
                .wait_for("Tell the customers a known issue is fixed", std::time::Duration::from_secs(30))
                .await?;
            assert_eq!(told.body, "Cake boxes crush in transit");
            assert_eq!(app.texts("tell-name").await?, ["Ana Lima", "Ben Ode", "Cleo Park"]);
            assert_eq!(app.text("tell-lead").await?, "3 customers still to tell. Mend keeps a reminder on Today until each is told, or you choose not to.");
            app.click("tell-open-message").await?;
            let message = app.value("tell-draft").await?;
            assert_eq!(message, "Hi Ana, good news: Cake boxes crush in transit is fixed. Every cake now travels in a double-wall box.\n\n[your name]");
            assert_eq!(app.text("tell-draft-gaps").await?, "Before you send it, write in [your name]: Mend does not know it yet.");
            assert_eq!(app.text("tell-email").await?, "ana@example.com");
            app.screenshot("known-issue-fixed").await;

            app.click("tell-told").await?;
            app.wait_for_text("issue-saved", "Noted: Ana Lima was told.").await?;
            app.click("tell-told").await?;
            app.wait_for_text("issue-saved", "Noted: Ben Ode was told.").await?;
            let states = app.texts("tell-state").await?;
            assert!(states[0].starts_with("Told "), "{states:?}");
            assert!(states[1].starts_with("Told "), "{states:?}");
            assert_eq!(states[2], "Not told yet");

            // Cleo is not told yet: the reminder stays on Today.
            app.click("nav-today").await?;
            app.wait_for_text("today-learning", "Tell the customers a known issue is fixed").await?;
            assert!(app.text("today-learning").await?.contains("Cake boxes crush in transit"));
            app.screenshot("known-issue-today").await;
            app.click("reminder-open").await?;
            app.wait_for_text("issue-heading", "Cake boxes crush in transit").await?;
            app.click("tell-skip").await?;
            app.wait_for_text("issue-saved", "Cleo Park will not be told.").await?;
            app.wait_for_text("tell-lead", "Everyone has been told, or will not be.").await?;
            app.click("nav-today").await?;
            app.wait_for_text("today-empty", "Nothing needs you right now").await?;
            assert!(app.find_all("today-learning").await?.is_empty(), "the reminder went once everyone was settled");

            // Ana's complaint says she was told; all of it is there after a restart.
            app.restart().await?;
            app.click("nav-issues").await?;
            app.wait_for_text("issue-item", "Cake boxes crush in transit").await?;
            assert_eq!(app.text("issue-sub").await?.split(" · ").next(), Some("3 complaints"));
            app.click("issue-item").await?;
            app.wait_for_text("issue-status", "Fixed").await?;
            app.click("issue-history").await?;
            let history = app.texts("issue-history-entry").await?;
            for line in [
                "You: Noted the known issue \"Cake boxes crush in transit\"",
                "You: Changed the status: Open → Fixed",
                "You: Told Ana Lima that \"Cake boxes crush in transit\" is fixed",
                "You: Will not tell Cleo Park that \"Cake boxes crush in transit\" is fixed",
            ] {
                assert!(history.iter().any(|entry| entry.ends_with(line)), "no {line:?} in {history:#?}");
            }
            let rows = app.texts("issue-complaint").await?;
            let ana = rows.iter().position(|row| row.contains("Ana Lima")).expect("Ana's complaint is listed");
            app.find_all("issue-complaint").await?[ana].click().await?;
            app.wait_for_text("timeline", "Told them the known issue \"Cake boxes crush in transit\" is fixed.").await?;

            // Patterns counts them: the known issue and the cause open exactly these three.
            app.click("nav-patterns").await?;
            app.wait_for_text("tile-total", "3").await?;
            let known = app
                .client()
                .execute(
                    "const figure = [...document.querySelectorAll('[data-testid=figure]')].find((f) => f.querySelector('h2').textContent === 'Known issues');
                     return [...figure.querySelectorAll('[data-testid=figure-row]')].map((row) => row.textContent);",
                    vec![],
                )
                .await?;
            assert_eq!(known, serde_json::json!(["Cake boxes crush in transit30"]));
            app.client()
                .execute(
                    "const figure = [...document.querySelectorAll('[data-testid=figure]')].find((f) => f.querySelector('h2').textContent === 'Causes');
                     [...figure.querySelectorAll('[data-testid=figure-row]')].find((r) => r.querySelector('th').textContent === 'Packaging')
                       .querySelector('[data-testid=figure-open]').click();",
                    vec![],
                )
                .await?;
            app.wait_for_count("complaint-item", 3).await?;
            let mut shown = app.texts("complaint-summary").await?;
            shown.sort();
            assert_eq!(shown, ["Birthday cake crushed", "Tart arrived in pieces", "Wedding cake squashed"]);
            Ok(())
        })
    })
    .await;
}
