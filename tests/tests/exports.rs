//! Export and import in the real app. The app opens the file dialogs; the
//! tests answer them through the debug build's seam, as the owner would
//! pick a file, and press the buttons the owner presses.

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::{run, run_with};

#[tokio::test]
async fn the_spreadsheet_export_has_a_row_per_complaint() {
    run("export_csv", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            let words = Intake {
                customer: "Zoë 李",
                summary: "Crème brûlée, \"burnt\"",
                ..Intake::default()
            };
            new_complaint(app, &words).await?;
            app.click("nav-settings").await?;

            let folder = tempfile::tempdir()?;
            let path = folder.path().join("complaints.csv");
            app.answer_next_dialog(Some(&path))?;
            app.click("export-csv").await?;
            app.wait_for_text("export-done", "Saved 2 complaints to")
                .await?;
            assert!(
                app.dialogs_asked()[0].starts_with(
                    "save: Save the complaints as a spreadsheet [csv] Mend complaints "
                ),
                "{:?}",
                app.dialogs_asked()
            );
            let bytes = std::fs::read(&path)?;
            let mut reader = csv::Reader::from_reader(&bytes[3..]);
            let summaries: Vec<String> = reader
                .records()
                .map(|row| row.map(|r| r[7].to_owned()))
                .collect::<Result<_, _>>()?;
            assert_eq!(
                summaries,
                [
                    "The wedding cake arrived squashed",
                    "Crème brûlée, \"burnt\""
                ]
            );

            // The owner cancels the dialog: nothing is written, nothing is said.
            app.answer_next_dialog(None)?;
            app.click("export-csv").await?;
            app.wait_for_dialogs(2).await?;
            app.wait_for_text("export-csv", "Export a spreadsheet")
                .await?;
            assert!(app.find("export-csv").await?.is_enabled().await?);
            assert!(app.text("export-done").await?.is_empty());
            assert!(app.text("export-error").await?.is_empty());

            // The page cannot choose where a file goes: a path it sends is
            // ignored, and only the dialog's answer counts.
            let chosen_by_page = folder.path().join("chosen by the page.csv");
            let answer = app
                .invoke("export_csv", serde_json::json!({ "path": chosen_by_page }))
                .await?;
            assert!(answer.is_null(), "{answer}");
            assert!(!chosen_by_page.exists());
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_full_export_comes_back_into_an_empty_mend() {
    let exports = tempfile::tempdir().expect("a folder for the export");
    let path = exports.path().join("Mend export.json");
    let written = path.clone();
    run("export_json", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            app.click("nav-settings").await?;
            app.answer_next_dialog(Some(&written))?;
            app.click("export-json").await?;
            app.wait_for_text("export-done", "Saved everything to")
                .await?;
            assert!(written.is_file());
            Ok(())
        })
    })
    .await;

    let empty = tempfile::tempdir().expect("an empty data folder");
    let env = vec![("MEND_DATA_DIR", empty.path().into())];
    run_with("import_json", env, |app| {
        let path = path.clone();
        Box::pin(async move {
            app.wait_for_text("today-empty", "Nothing needs you")
                .await?;
            app.click("nav-settings").await?;
            app.answer_next_dialog(Some(&path))?;
            app.click("import-json").await?;
            app.wait_for_text("export-done", "Imported 1 complaint from 1 customer.")
                .await?;
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "The wedding cake arrived squashed")
                .await?;
            // A second import would mix things up: it is refused in words.
            app.click("nav-settings").await?;
            app.answer_next_dialog(Some(&path))?;
            app.click("import-json").await?;
            app.wait_for_text("export-error", "only into an empty Mend")
                .await?;
            Ok(())
        })
    })
    .await;
}
