//! "Email it" in the real app: the owner's mail program (here, the test
//! standing in for it) is opened with a mailto: link to the customer, the
//! summary as its subject and the draft as edited; back in Mend, "Yes,
//! note it as sent" puts it on the timeline as a message to the customer.

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::run_with;

#[tokio::test]
async fn email_it_opens_the_mail_program_with_the_draft_and_a_sent_message_is_on_the_timeline() {
    let mail = tempfile::tempdir().expect("a folder for the stand-in mail program");
    let opened = mail.path().join("opened");
    run_with("email_it", vec![("MEND_TEST_OPENER", mail.path().into())], move |app| {
        Box::pin(async move {
            new_complaint(app, &Intake { email: "ana@example.com", ..Intake::default() }).await?;
            app.click("step-tab-acknowledge").await?;
            app.wait_for_value("draft", "Ana").await?;
            app.type_into("draft", "Hello Ana, thank you for telling me & I am on it.").await?;
            app.click("email-draft").await?;
            app.wait_for_text("draft-sent-ask", "Your mail program opened with the message to ana@example.com. Did you send it?").await?;
            let link = std::fs::read_to_string(&opened)?;
            assert_eq!(
                link.trim(),
                "mailto:ana@example.com?subject=Re%3A%20The%20wedding%20cake%20arrived%20squashed\
                 &body=Hello%20Ana%2C%20thank%20you%20for%20telling%20me%20%26%20I%20am%20on%20it."
            );
            app.click("draft-sent-yes").await?;
            app.wait_for_text("step-saved", "Noted: the message was sent by email.").await?;
            let entries = app.texts("timeline-entry").await?;
            assert!(entries.last().expect("an entry").starts_with("To the customer · Email ·"), "{entries:?}");
            let texts = app.texts("timeline-text").await?;
            assert_eq!(texts.last().map(String::as_str), Some("Hello Ana, thank you for telling me & I am on it."));

            // No email address: said in words, and no mail program opens.
            new_complaint(app, &Intake { customer: "Ben Ode", summary: "Tart late", ..Intake::default() }).await?;
            app.click("step-tab-acknowledge").await?;
            app.wait_for_value("draft", "Ben").await?;
            app.type_into("draft", "Hello Ben, I am on it.").await?;
            app.click("email-draft").await?;
            app.wait_for_text("draft-error", "Mend has no email address for Ben Ode.").await?;
            assert_eq!(std::fs::read_to_string(&opened)?.lines().count(), 1);
            Ok(())
        })
    })
    .await;
}
