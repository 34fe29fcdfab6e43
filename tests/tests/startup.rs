//! Starting Mend on data it cannot use: it says why in plain words, changes
//! nothing until asked, and offers a way on for a damaged file, which is set
//! aside and never deleted.

use mend_e2e::run_with;

#[tokio::test]
async fn a_data_file_that_is_not_a_database_is_refused_then_set_aside_to_start_empty() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("mend.sqlite3");
    let contents = "customer,summary\nAna Lima,late parcel\n";
    std::fs::write(&file, contents).expect("a file that is not a database");

    let env = vec![("MEND_DATA_DIR", folder.path().into())];
    let data = folder.path().to_owned();
    run_with("not_a_database", env, |app| {
        Box::pin(async move {
            let message = app
                .wait_for_text("startup-problem-message", "is not a Mend data file")
                .await?;
            assert!(message.contains("Mend has not changed it"), "{message}");
            assert_eq!(
                std::fs::read_to_string(data.join("mend.sqlite3"))?,
                contents,
                "untouched so far"
            );

            app.click("recover-empty").await?;
            app.wait_for_text("today-empty", "Nothing needs you")
                .await?;
            let aside: Vec<_> = std::fs::read_dir(&data)?
                .filter_map(|entry| entry.ok())
                .filter(|entry| {
                    entry
                        .file_name()
                        .to_string_lossy()
                        .starts_with("mend-damaged-")
                })
                .collect();
            assert_eq!(aside.len(), 1, "the old file is set aside");
            assert_eq!(
                std::fs::read_to_string(aside[0].path())?,
                contents,
                "byte for byte"
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_damaged_data_file_can_be_replaced_by_the_latest_backup() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let data = folder.path().to_owned();
    let env = vec![("MEND_DATA_DIR", folder.path().into())];
    run_with("damaged_database", env, |app| {
        let data = data.clone();
        Box::pin(async move {
            let intake = mend_e2e::journey::Intake {
                summary: "Safe in the backup",
                ..Default::default()
            };
            mend_e2e::journey::new_complaint(app, &intake).await?;
            // The restart makes a backup with the complaint in it; then the
            // file is scrambled while Mend is closed.
            let before = mend_e2e::backups_in(&data);
            app.restart().await?;
            mend_e2e::wait_for_a_new_backup(&data, &before).await?;
            app.restart_with(|| {
                let file = data.join("mend.sqlite3");
                let mut bytes = std::fs::read(&file).expect("the data file");
                // Keep SQLite's header, scramble everything behind it.
                bytes[100..].fill(0x5A);
                std::fs::write(&file, &bytes).expect("a damaged copy");
                let _ = std::fs::remove_file(data.join("mend.sqlite3-wal"));
            })
            .await?;

            app.wait_for_text("startup-problem-message", "is damaged")
                .await?;
            app.wait_for_text("latest-backup", "The latest backup is from")
                .await?;
            app.screenshot("damaged").await;
            app.click("recover-from-backup").await?;
            app.wait_for_text("today-list", "Safe in the backup")
                .await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn damage_deep_in_the_file_is_found_after_start_and_the_next_start_offers_the_backup() {
    let folder = tempfile::tempdir().expect("a data folder");
    mend_e2e::bakery::seed(folder.path());
    let data = folder.path().to_owned();
    let env = vec![("MEND_DATA_DIR", folder.path().into())];
    run_with("damage_found_later", env, |app| {
        let data = data.clone();
        Box::pin(async move {
            // Mend checks the file, then backs it up, a moment after start.
            mend_e2e::wait_for_a_new_backup(&data, &[]).await?;

            // A page near the end (the squashed cake's photos) scrambled
            // while Mend is closed: the file still opens, and Today shows.
            app.restart_with(|| {
                let file = data.join("mend.sqlite3");
                let mut bytes = std::fs::read(&file).expect("the data file");
                let page = 4096;
                let last = bytes.len() / page - 2;
                bytes[last * page..(last + 1) * page].fill(0x5A);
                std::fs::write(&file, &bytes).expect("a damaged copy");
            })
            .await?;
            app.find("today-list").await?;
            app.wait_for_text(
                "housekeeping-problem",
                "Mend found damage in your data file.",
            )
            .await?;
            app.screenshot("damage-found").await;

            app.restart().await?;
            app.wait_for_text("startup-problem-message", "is damaged")
                .await?;
            app.click("recover-from-backup").await?;
            app.wait_for_text("today-list", "Sesame seeds on a sesame-free bagel")
                .await?;
            Ok(())
        })
    })
    .await;
}
