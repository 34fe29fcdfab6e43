//! Settings → "Send a test notification" reaches the desktop for real.

use std::time::Duration;

use mend_e2e::{run, run_with, EmptyBus};

#[tokio::test]
async fn the_test_notification_is_sent_on_the_session_bus() {
    run("test_notification", |app| {
        Box::pin(async move {
            app.click("nav-settings").await?;
            app.click("send-test-notification").await?;
            app.screenshot("settings").await;

            let seen = app
                .notifications()
                .wait_for("Mend test notification", Duration::from_secs(15))
                .await?;
            assert_eq!(seen.body, "Your reminders from Mend will appear like this.");
            app.wait_for_text("notification-sent", "A test notification was sent")
                .await?;
            assert_eq!(app.text("notification-error").await?, "");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn without_a_notification_server_the_owner_is_told_in_plain_words() {
    let bus = EmptyBus::start().expect("a private session bus");
    let env = vec![("DBUS_SESSION_BUS_ADDRESS", bus.address.clone().into())];
    run_with("no_notification_server", env, |app| {
        Box::pin(async move {
            app.click("nav-settings").await?;
            app.click("send-test-notification").await?;

            let message = app
                .wait_for_text(
                    "notification-error",
                    "No desktop notification could be shown",
                )
                .await?;
            assert!(
                message.contains("no notification service running"),
                "{message}"
            );
            assert!(
                message.contains("Mend will still show your reminders"),
                "{message}"
            );
            assert_eq!(app.text("notification-sent").await?, "");
            Ok(())
        })
    })
    .await;
}
