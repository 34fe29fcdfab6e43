//! Settings → "Send a test notification" reaches the desktop for real.

use std::time::Duration;

use mend_e2e::run;

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
