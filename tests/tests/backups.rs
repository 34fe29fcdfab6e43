//! Backups in the real app: one made on request is a whole Mend database,
//! and restoring an automatic one brings back what was there.

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::run;

#[tokio::test]
async fn a_backup_made_now_holds_the_data() {
    run("back_up_now", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            app.click("nav-settings").await?;
            app.wait_for_text("backup-folder", "backups").await?;

            // The owner picks where the backup goes in the save dialog.
            let chosen = tempfile::tempdir()?;
            let path = chosen.path().join("Mend backup.sqlite3");
            app.answer_next_dialog(Some(&path))?;
            app.click("back-up-now").await?;
            app.wait_for_text(
                "backup-done",
                &format!("Saved a backup to {}.", path.display()),
            )
            .await?;

            let backup = rusqlite::Connection::open(&path)?;
            let summary: String =
                backup.query_row("SELECT summary FROM complaints", [], |row| row.get(0))?;
            assert_eq!(summary, "The wedding cake arrived squashed");
            let check: String = backup.query_row("PRAGMA integrity_check", [], |row| row.get(0))?;
            assert_eq!(check, "ok");

            // A file that is not a Mend backup is refused in plain words.
            let notes = chosen.path().join("notes.sqlite3");
            std::fs::write(&notes, "shopping list")?;
            app.answer_next_dialog(Some(&notes))?;
            app.click("restore-from-file").await?;
            let refusal = app
                .wait_for_text("backup-error", "cannot be restored: it is not a database")
                .await?;
            assert!(refusal.contains("Nothing was changed"), "{refusal}");
            assert!(
                app.find_all("restore-confirm").await?.is_empty(),
                "nothing to confirm"
            );
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "The wedding cake arrived squashed")
                .await?;

            // Written after the backup, then the backup file is restored.
            let later = Intake {
                customer: "Bruno Costa",
                summary: "Written after the backup",
                ..Intake::default()
            };
            new_complaint(app, &later).await?;
            app.click("nav-settings").await?;
            for _ in 0..2 {
                // Picked twice: one question, about the file picked last.
                app.answer_next_dialog(Some(&path))?;
                app.click("restore-from-file").await?;
                app.wait_for_text("restore-confirm", "Mend backup.sqlite3")
                    .await?;
            }
            app.wait_for_dialogs(3).await?;
            assert_eq!(app.find_all("restore-confirm").await?.len(), 1);
            app.click("restore-confirm-yes").await?;
            app.wait_for_text("backup-done", "Restored the backup from")
                .await?;
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "The wedding cake arrived squashed")
                .await?;
            assert_eq!(
                app.texts("complaint-summary").await?,
                ["The wedding cake arrived squashed"]
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn restoring_an_automatic_backup_brings_back_what_was_there() {
    run("restore_backup", |app| {
        Box::pin(async move {
            let first = Intake {
                summary: "Kept by the backup",
                ..Intake::default()
            };
            new_complaint(app, &first).await?;
            // Mend backs up when it starts: this backup holds the first complaint.
            let before = mend_e2e::backups_in(app.data_dir());
            app.restart().await?;
            mend_e2e::wait_for_a_new_backup(app.data_dir(), &before).await?;
            let second = Intake {
                customer: "Bruno Costa",
                summary: "Written after the backup",
                ..Intake::default()
            };
            new_complaint(app, &second).await?;

            app.click("nav-settings").await?;
            app.find("backup").await?;
            app.click("restore-backup").await?;
            app.wait_for_text("restore-confirm", "Replace everything in Mend")
                .await?;
            app.screenshot("restore-question").await;
            app.click("restore-confirm-yes").await?;
            app.wait_for_text("backup-done", "Restored the backup")
                .await?;
            app.wait_for_text("backup-done", "mend-before-restore-")
                .await?;

            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "Kept by the backup")
                .await?;
            assert_eq!(
                app.texts("complaint-summary").await?,
                ["Kept by the backup"]
            );
            Ok(())
        })
    })
    .await;
}
