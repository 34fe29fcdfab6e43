//! Two computers, one Mend: two windows, each with its own data folder and
//! session bus, sync through one shared folder. What is made on one
//! appears on the other; both add to it; both end showing the same.

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::{another_computer, run, App, EmptyBus};

/// Names this computer, picks the shared folder (through the dialog),
/// reads what Mend says it will do, and turns sync on.
async fn turn_on_sync(
    app: &App,
    name: &str,
    shared: &std::path::Path,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    app.click("nav-settings").await?;
    app.type_into("sync-computer-name", name).await?;
    app.answer_next_dialog(Some(shared))?;
    app.click("sync-choose-folder").await?;
    let what_happens = app.text("sync-what-happens").await?;
    app.click("sync-turn-on").await?;
    app.wait_for_text("sync-on", &format!("This computer is “{name}”"))
        .await?;
    Ok(what_happens)
}

async fn add_note(app: &App, text: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    app.click("open-contact-form").await?;
    app.choose("contact-direction", "note").await?;
    app.type_into("contact-text", text).await?;
    app.click("add-contact").await?;
    app.wait_for_text("timeline", text).await?;
    Ok(())
}

#[tokio::test]
async fn a_complaint_made_on_one_computer_appears_on_the_other_and_both_end_the_same() {
    run("sync-two-computers", |laptop| {
        Box::pin(async move {
            let shared = tempfile::tempdir()?;
            let intake = Intake {
                customer: "Ana Lima",
                summary: "Birthday cake arrived squashed",
                ..Intake::default()
            };
            new_complaint(laptop, &intake).await?;
            let said = turn_on_sync(laptop, "Laptop", shared.path()).await?;
            assert!(
                said.contains("No other computer uses") && said.contains("your one complaint"),
                "{said}"
            );
            laptop.wait_for_text("sync-status", "Synced").await?;

            let bus = EmptyBus::start()?;
            let desktop = another_computer("sync-two-computers-desktop", &bus).await?;
            let outcome = async {
                let said = turn_on_sync(&desktop, "Shop desktop", shared.path()).await?;
                assert!(said.contains("Mend found another computer"), "{said}");
                desktop.click("nav-complaints").await?;
                desktop
                    .wait_for_text("complaint-list", "Birthday cake arrived squashed")
                    .await?;
                desktop.wait_for_text("complaint-list", "Ana Lima").await?;

                // Both add to it, each on its own computer.
                for app in [&*laptop, &desktop] {
                    app.click("nav-complaints").await?;
                    app.wait_for_text("complaint-list", "Birthday cake arrived squashed")
                        .await?;
                    app.click("complaint-item").await?;
                    app.wait_for_text("complaint-heading", "Birthday cake arrived squashed")
                        .await?;
                }
                add_note(
                    &desktop,
                    "Rang Ana from the shop: she will come by on Friday",
                )
                .await?;
                add_note(laptop, "Ana emailed a photo of the cake").await?;

                // Each sees both, in the same order.
                for app in [&*laptop, &desktop] {
                    app.wait_for_text("timeline", "Rang Ana from the shop")
                        .await?;
                    app.wait_for_text("timeline", "Ana emailed a photo of the cake")
                        .await?;
                }
                assert_eq!(
                    laptop.texts("timeline-text").await?,
                    desktop.texts("timeline-text").await?
                );
                desktop.screenshot("two-computers-desktop").await;
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
            }
            .await;
            if outcome.is_err() {
                desktop
                    .screenshot("sync-two-computers-desktop-failed")
                    .await;
            }
            desktop.close().await;
            outcome
        })
    })
    .await;
}
