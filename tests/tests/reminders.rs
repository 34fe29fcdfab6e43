//! Reminders in the real app, checked on the real notifications it sends on
//! the session bus: on time, once, again after a snooze, and at start for
//! the ones that fell due while Mend was closed.

use std::time::Duration;

use mend_e2e::journey::{new_complaint, remind_in, set_time_from_now, Intake};
use mend_e2e::{run, run_with, App, EmptyBus, Outcome};

const PATIENCE: Duration = Duration::from_secs(30);

/// Waits until nothing with `test_id` is left on the page.
async fn wait_until_gone(app: &App, test_id: &str) -> Outcome {
    let deadline = std::time::Instant::now() + PATIENCE;
    while !app.find_all(test_id).await?.is_empty() {
        if std::time::Instant::now() > deadline {
            return Err(format!("{test_id} was still there after {PATIENCE:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    Ok(())
}

fn times_notified(app: &App, title: &str) -> usize {
    app.notifications()
        .seen()
        .iter()
        .filter(|n| n.title == title)
        .count()
}

async fn wait_until_notified(app: &App, title: &str, times: usize) -> Outcome {
    let deadline = std::time::Instant::now() + PATIENCE;
    while times_notified(app, title) < times {
        if std::time::Instant::now() > deadline {
            return Err(format!(
                "{title:?} was not notified {times} times; seen {:?}",
                app.notifications().seen()
            )
            .into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    Ok(())
}

#[tokio::test]
async fn a_reminder_is_notified_when_due_and_not_again_after_a_restart() {
    run("reminder_notified_once", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            remind_in(app, 4, "Call Ana about the cake").await?;
            let title = "Reminder: Call Ana about the cake";
            assert_eq!(times_notified(app, title), 0, "not before it is due");

            let seen = app.notifications().wait_for(title, PATIENCE).await?;
            assert_eq!(seen.body, "Ana Lima: The wedding cake arrived squashed");
            app.click("nav-today").await?;
            app.wait_for_text("today-list", "Call Ana about the cake")
                .await?;
            app.wait_for_text("today-count", "1").await?;
            app.screenshot("today-reminder").await;

            app.restart().await?;
            app.wait_for_text("today-list", "Call Ana about the cake")
                .await?;
            tokio::time::sleep(Duration::from_secs(3)).await;
            assert_eq!(
                times_notified(app, title),
                1,
                "notified once, even after a restart"
            );

            app.click("reminder-done").await?;
            wait_until_gone(app, "reminder").await?;
            app.restart().await?;
            app.find("today-list").await?;
            assert!(
                app.find_all("reminder").await?.is_empty(),
                "done stays done"
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn open_on_a_reminders_notification_brings_mend_forward_at_its_complaint() {
    run("notification_open", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            remind_in(app, 2, "Call Ana about the cake").await?;
            // Elsewhere in Mend when the reminder rings.
            app.click("nav-customers").await?;
            let title = "Reminder: Call Ana about the cake";
            let shown = app.notifications().wait_for_shown(title, PATIENCE).await?;
            assert_eq!(shown.button_labels(), ["Open", "Snooze 1 hour"]);
            app.notifications().press(&shown, "open")?;
            app.wait_for_text("complaint-heading", "The wedding cake arrived squashed")
                .await?;
            assert_eq!(app.text("back").await?, "← Back to Today");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn snooze_on_a_reminders_notification_puts_it_off_for_an_hour() {
    run("notification_snooze", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            remind_in(app, 2, "Ring the courier").await?;
            let title = "Reminder: Ring the courier";
            let shown = app.notifications().wait_for_shown(title, PATIENCE).await?;
            app.click("nav-today").await?;
            app.wait_for_text("today-list", "Ring the courier").await?;
            app.notifications().press(&shown, "snooze")?;
            // Off Today, and on the complaint for an hour from now.
            wait_until_gone(app, "reminder").await?;
            app.click("nav-complaints").await?;
            app.click("complaint-item").await?;
            let due = app
                .wait_for_text("reminders-card", "Ring the courier")
                .await?;
            assert!(due.contains("Ring the courier"), "{due}");
            app.click("history").await?;
            let history = app.texts("history-entry").await?;
            assert!(
                history
                    .iter()
                    .any(|line| line.contains("Snoozed a reminder until")),
                "{history:#?}"
            );
            tokio::time::sleep(Duration::from_secs(3)).await;
            assert_eq!(times_notified(app, title), 1, "not again within the hour");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_snoozed_reminder_is_notified_again_when_the_snooze_ends() {
    run("reminder_snoozed", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            remind_in(app, 2, "Ring the courier").await?;
            let title = "Reminder: Ring the courier";
            wait_until_notified(app, title, 1).await?;

            app.click("nav-today").await?;
            app.wait_for_text("today-list", "Ring the courier").await?;
            app.choose("snooze", "until").await?;
            set_time_from_now(app, "snooze-until", 5).await?;
            app.click("snooze-until-save").await?;
            wait_until_gone(app, "reminder").await?;

            wait_until_notified(app, title, 2).await?;
            app.wait_for_text("today-list", "Ring the courier").await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn reminders_due_while_mend_was_closed_are_notified_at_start_as_one_summary() {
    run("reminders_due_while_closed", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            for note in [
                "Order a new box",
                "Call the baker",
                "Refund the delivery",
                "Send a card",
            ] {
                remind_in(app, 8, note).await?;
            }
            app.restart_after(Duration::from_secs(10)).await?;

            let summary = app
                .notifications()
                .wait_for("4 reminders are due", PATIENCE)
                .await?;
            assert_eq!(summary.body, "For Ana Lima. Open Mend to see them.");
            assert_eq!(
                times_notified(app, "Reminder: Order a new box"),
                0,
                "one summary, not four"
            );
            app.click("nav-today").await?;
            app.wait_for_text("today-count", "4").await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn without_notifications_reminders_are_shown_in_the_app_and_the_owner_is_told_once() {
    let bus = EmptyBus::start().expect("a private session bus");
    let env = vec![("DBUS_SESSION_BUS_ADDRESS", bus.address.clone().into())];
    run_with("reminders_without_notifications", env, |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            remind_in(app, 2, "Call Ana back").await?;
            app.click("nav-today").await?;
            app.wait_for_text("today-list", "Call Ana back").await?;
            let notice = app
                .wait_for_text(
                    "notifications-problem",
                    "No desktop notification could be shown",
                )
                .await?;
            assert!(
                notice.contains("Mend will still show your reminders"),
                "{notice}"
            );

            // Told once: a later reminder is shown without a second warning.
            app.click("notifications-problem").await?;
            app.click("today-item").await?;
            remind_in(app, 2, "Post the refund").await?;
            app.click("nav-today").await?;
            app.wait_for_text("today-list", "Post the refund").await?;
            tokio::time::sleep(Duration::from_secs(2)).await;
            assert_eq!(
                app.text("notifications-problem").await?,
                "",
                "not told twice"
            );
            Ok(())
        })
    })
    .await;
}
