//! Two computers, one Mend, each changing the same things: a reminder
//! dismissed on one is not rung on the other, and a summary changed on both
//! at once is shown with both values for the owner to keep one.

use fantoccini::Locator;
use mend_e2e::journey::{new_complaint, remind_in, turn_on_sync, Intake};
use mend_e2e::{another_computer, run, App, EmptyBus};

/// Presses Dismiss on the reminder titled `title`. The list may be drawn
/// anew meanwhile (changes coming in), then it is looked at again.
async fn dismiss(app: &App, title: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let mut last = String::from("no reminder listed");
    for _ in 0..20 {
        let pressed = async {
            for row in app.find_all("reminder").await? {
                if row.text().await?.contains(title) {
                    row.find(Locator::Css("[data-testid='reminder-dismiss']"))
                        .await?
                        .click()
                        .await?;
                    return Ok(true);
                }
            }
            Ok::<_, Box<dyn std::error::Error + Send + Sync>>(false)
        }
        .await;
        match pressed {
            Ok(true) => return Ok(()),
            Ok(false) => last = format!("no reminder titled {title:?}"),
            Err(error) => last = error.to_string(),
        }
        tokio::time::sleep(std::time::Duration::from_millis(250)).await;
    }
    Err(last.into())
}

/// The owner's own reminders, set on the laptop, are on the desktop too; one
/// dismissed on the desktop before it is due is not rung on the laptop,
/// while the other still is.
#[tokio::test]
async fn a_reminder_dismissed_on_one_computer_is_not_rung_on_the_other() {
    run("sync-reminders", |laptop| {
        Box::pin(async move {
            let shared = tempfile::tempdir()?;
            new_complaint(laptop, &Intake::default()).await?;
            remind_in(laptop, 50, "Ring Ana back").await?;
            remind_in(laptop, 60, "Post Ana a voucher").await?;
            turn_on_sync(laptop, "Laptop", shared.path()).await?;

            let bus = EmptyBus::start()?;
            let desktop = another_computer("sync-reminders-desktop", &bus).await?;
            let outcome = async {
                turn_on_sync(&desktop, "Shop desktop", shared.path()).await?;
                desktop.click("nav-complaints").await?;
                desktop
                    .wait_for_text("complaint-list", "The wedding cake arrived squashed")
                    .await?;
                desktop.click("complaint-item").await?;
                desktop
                    .wait_for_text("complaint-reminders", "Post Ana a voucher")
                    .await?;
                dismiss(&desktop, "Ring Ana back").await?;
                desktop.wait_for_count("reminder", 2).await?;
                let left = desktop.text("complaint-reminders").await?;
                assert!(!left.contains("Ring Ana back"), "{left}");

                // The laptop hears of it before it is due, and rings only the other.
                let voucher = "Reminder: Post Ana a voucher";
                laptop
                    .notifications()
                    .wait_for(voucher, std::time::Duration::from_secs(90))
                    .await?;
                let rung: Vec<String> = laptop
                    .notifications()
                    .seen()
                    .into_iter()
                    .map(|notification| notification.title)
                    .collect();
                assert!(
                    !rung.iter().any(|title| title.contains("Ring Ana back")),
                    "{rung:?}"
                );
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
            }
            .await;
            if outcome.is_err() {
                desktop.screenshot("sync-reminders-desktop-failed").await;
            }
            desktop.close().await;
            outcome
        })
    })
    .await;
}

/// Plays the sync program: copies every file of Mend's in `from` that `to`
/// does not have yet, as Syncthing would between two computers' folders.
fn carry(from: &std::path::Path, to: &std::path::Path) -> std::io::Result<usize> {
    let mut carried = 0;
    let Ok(entries) = std::fs::read_dir(from) else {
        return Ok(0);
    };
    for entry in entries.flatten() {
        let there = to.join(entry.file_name());
        if entry.path().is_dir() {
            std::fs::create_dir_all(&there)?;
            carried += carry(&entry.path(), &there)?;
        } else if !there.exists() {
            std::fs::copy(entry.path(), &there)?;
            carried += 1;
        }
    }
    Ok(carried)
}

/// Waits until `app`'s computer has written a file `before` did not hold.
async fn written(
    folder: &std::path::Path,
    before: usize,
) -> Result<usize, Box<dyn std::error::Error + Send + Sync>> {
    let count = || walk(folder).len();
    for _ in 0..100 {
        if count() > before {
            return Ok(count());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(format!(
        "no new file in {} within 10 s: {:?}",
        folder.display(),
        walk(folder)
    )
    .into())
}

fn walk(folder: &std::path::Path) -> Vec<std::path::PathBuf> {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .flat_map(|entry| {
            if entry.path().is_dir() {
                walk(&entry.path())
            } else {
                vec![entry.path()]
            }
        })
        .collect()
}

async fn rename(app: &App, summary: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    app.click("open-facts-form").await?;
    app.type_into("facts-summary", summary).await?;
    app.click("facts-save").await?;
    app.wait_for_text("complaint-heading", summary).await?;
    Ok(())
}

#[tokio::test]
async fn a_summary_changed_on_both_computers_at_once_is_shown_with_both_and_the_owner_keeps_one() {
    run("sync-changed-on-both", |laptop| {
        Box::pin(async move {
            // Each computer has its own copy of the shared folder; the test
            // carries files between them, when it chooses.
            let (on_laptop, on_desktop) = (tempfile::tempdir()?, tempfile::tempdir()?);
            let intake = Intake {
                customer: "Ana Lima",
                summary: "Cake arrived squashed",
                ..Intake::default()
            };
            new_complaint(laptop, &intake).await?;
            turn_on_sync(laptop, "Laptop", on_laptop.path()).await?;
            let mend = |folder: &tempfile::TempDir| folder.path().join("Mend sync");
            written(&mend(&on_laptop), 0).await?;
            carry(on_laptop.path(), on_desktop.path())?;

            let bus = EmptyBus::start()?;
            let desktop = another_computer("sync-changed-on-both-desktop", &bus).await?;
            let outcome = async {
                turn_on_sync(&desktop, "Shop desktop", on_desktop.path()).await?;
                desktop.wait_for_text("sync-status", "Synced").await?;
                desktop.click("nav-complaints").await?;
                desktop
                    .wait_for_text("complaint-list", "Cake arrived squashed")
                    .await?;
                desktop.click("complaint-item").await?;
                desktop
                    .wait_for_text("complaint-heading", "Cake arrived squashed")
                    .await?;
                laptop.click("nav-complaints").await?;
                laptop.click("complaint-item").await?;

                // Both change what happened, neither having heard of the other's change.
                let (laptop_files, desktop_files) = (
                    walk(&mend(&on_laptop)).len(),
                    walk(&mend(&on_desktop)).len(),
                );
                rename(laptop, "Birthday cake arrived squashed").await?;
                rename(&desktop, "Cake squashed in its box").await?;
                written(&mend(&on_laptop), laptop_files).await?;
                written(&mend(&on_desktop), desktop_files).await?;
                carry(on_laptop.path(), on_desktop.path())?;
                carry(on_desktop.path(), on_laptop.path())?;

                // Both show the same one, and both values, for the owner to pick.
                let mut shown = Vec::new();
                for app in [&*laptop, &desktop] {
                    app.wait_for_text("sync-conflicts", "Changed on both computers")
                        .await?;
                    let mut values = app.texts("sync-conflict-value").await?;
                    shown.push((app.text("complaint-heading").await?, values.clone()));
                    values.sort();
                    assert_eq!(
                        values,
                        ["Birthday cake arrived squashed", "Cake squashed in its box"]
                    );
                }
                assert_eq!(shown[0], shown[1], "the same value is shown first on both");
                desktop.screenshot("changed-on-both").await;

                // On the desktop, the owner keeps the one not shown.
                let other = shown[0].1[1].clone();
                let before = walk(&mend(&on_desktop)).len();
                let keep = desktop.find_all("sync-keep").await?;
                keep[1].click().await?;
                desktop.wait_for_text("complaint-heading", &other).await?;
                written(&mend(&on_desktop), before).await?;
                carry(on_desktop.path(), on_laptop.path())?;
                laptop.wait_for_text("complaint-heading", &other).await?;
                for app in [&*laptop, &desktop] {
                    app.wait_for_text("history", "which was changed on both computers")
                        .await?;
                    assert!(
                        app.find_all("sync-conflict").await?.is_empty(),
                        "the choice is made everywhere"
                    );
                }
                Ok::<_, Box<dyn std::error::Error + Send + Sync>>(())
            }
            .await;
            if outcome.is_err() {
                desktop.screenshot("failed").await;
            }
            desktop.close().await;
            outcome
        })
    })
    .await;
}
