//! Export and import in the real app. The file dialogs only pick a path, so
//! the tests give the path to the commands the dialogs feed.

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
            app.find("export-csv").await?;

            let folder = tempfile::tempdir()?;
            let path = folder.path().join("complaints.csv");
            let rows = app
                .invoke("export_csv", serde_json::json!({ "path": path }))
                .await?;
            assert_eq!(rows, 2);
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
            app.find("export-json").await?;
            app.invoke("export_json", serde_json::json!({ "path": written }))
                .await?;
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
            let imported = app
                .invoke("import_json", serde_json::json!({ "path": path }))
                .await?;
            assert_eq!(imported["complaints"], 1);
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "The wedding cake arrived squashed")
                .await?;
            // A second import would mix things up: it is refused in words.
            let again = app
                .invoke("import_json", serde_json::json!({ "path": path }))
                .await
                .unwrap_err()
                .to_string();
            assert!(again.contains("only into an empty Mend"), "{again}");
            Ok(())
        })
    })
    .await;
}
