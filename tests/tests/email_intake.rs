//! A customer's email becomes a complaint in the real app: the .eml file is
//! chosen in the file window (the test answers it) and the new-complaint
//! window is filled in from it; a pasted email that is not one is refused
//! in words; the saved complaint came by email, from the customer known by
//! that address.

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::run;

const EMAIL: &str = "From: Ana Lima <ana@example.com>\r
Subject: Re: The wedding cake arrived squashed\r
Date: Tue, 01 Dec 2026 18:30:00 +0000\r
Content-Type: text/html; charset=utf-8\r
\r
<p>The <b>top tier</b> had collapsed.</p><script>alert('x')</script>\r
";

#[tokio::test]
async fn an_email_fills_in_the_new_complaint_window_and_is_saved_from_the_customer_known_by_its_address(
) {
    run("email_intake", |app| {
        Box::pin(async move {
            // Ana complained before, by phone, with this address.
            new_complaint(
                app,
                &Intake {
                    summary: "Late delivery",
                    email: "ana@example.com",
                    ..Intake::default()
                },
            )
            .await?;

            let folder = tempfile::tempdir()?;
            let path = folder.path().join("Ana's email.eml");
            std::fs::write(&path, EMAIL)?;
            app.click("new-complaint").await?;
            app.answer_next_dialog(Some(&path))?;
            app.click("intake-email-file").await?;
            app.wait_for_text(
                "intake-email-done",
                "Filled in from the email of Ana Lima, who complained before. Check it, then save.",
            )
            .await?;
            assert_eq!(
                app.text("intake-chosen-customer")
                    .await?
                    .trim_end_matches("Not them")
                    .trim(),
                "Existing customer: Ana Lima"
            );
            assert_eq!(
                app.value("intake-summary").await?,
                "The wedding cake arrived squashed"
            );
            assert_eq!(
                app.value("intake-words").await?.trim(),
                "The top tier had collapsed."
            );
            assert_eq!(app.value("intake-channel").await?, "email");
            app.screenshot("filled-from-email").await;

            // Something pasted that is no email is said so, and nothing changes.
            app.click("intake-email-paste").await?;
            app.type_into("intake-email-text", "just some words")
                .await?;
            app.click("intake-email-read").await?;
            app.wait_for_text("intake-email-error", "This is not an email Mend can read")
                .await?;
            assert_eq!(
                app.value("intake-summary").await?,
                "The wedding cake arrived squashed"
            );

            app.click("intake-save").await?;
            app.wait_for_text("complaint-heading", "The wedding cake arrived squashed")
                .await?;
            assert!(app.text("complaint-customer-link").await? == "Ana Lima");
            app.click("nav-customers").await?;
            app.wait_for_count("customer-row", 1).await?;
            assert!(app
                .text("customer-row-counts")
                .await?
                .starts_with("2 complaints"));
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn an_email_about_a_complaint_goes_on_its_timeline_as_a_message_from_them() {
    run("email_to_timeline", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            let folder = tempfile::tempdir()?;
            let path = folder.path().join("follow-up.eml");
            std::fs::write(
                &path,
                EMAIL.replace(
                    "<p>The <b>top tier</b> had collapsed.</p>",
                    "<p>Any news about the cake?</p>",
                ),
            )?;
            app.answer_next_dialog(Some(&path))?;
            app.click("timeline-email").await?;
            app.wait_for_text("step-saved", "Added their email to the timeline.")
                .await?;
            let texts = app.texts("timeline-text").await?;
            assert!(
                texts
                    .iter()
                    .any(|text| text.trim() == "Any news about the cake?"),
                "{texts:?}"
            );
            let entries = app.texts("timeline-entry").await?;
            assert!(
                entries
                    .iter()
                    .any(|entry| entry.starts_with("From the customer · Email ·")),
                "{entries:?}"
            );
            // A file that is not an email is refused in words; nothing is added.
            let bad = folder.path().join("photo.eml");
            std::fs::write(&bad, b"\x89PNG\r\n\x1a\n")?;
            app.answer_next_dialog(Some(&bad))?;
            app.click("timeline-email").await?;
            app.wait_for_text("timeline-email-error", "This is not an email Mend can read")
                .await?;
            assert_eq!(app.texts("timeline-text").await?.len(), texts.len());
            Ok(())
        })
    })
    .await;
}
