//! Export and import in the real app. The file dialogs only pick a path, so
//! the tests give the path to the commands the dialogs feed.

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::{run, run_with, App};

/// Calls an app command as the dialog's button would, with the chosen path.
async fn with_path(
    app: &App,
    command: &str,
    path: &std::path::Path,
) -> Result<serde_json::Value, Box<dyn std::error::Error + Send + Sync>> {
    let script = "const done = arguments[2];
                  window.__TAURI__.core.invoke(arguments[0], { path: arguments[1] })
                    .then((answer) => done({ answer }), (e) => done({ error: e.message }));";
    let reply = app
        .client()
        .execute_async(
            script,
            vec![command.into(), path.display().to_string().into()],
        )
        .await?;
    if let Some(error) = reply.get("error") {
        return Err(format!("{command} failed: {error}").into());
    }
    Ok(reply["answer"].clone())
}

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
            let rows = with_path(app, "export_csv", &path).await?;
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
            with_path(app, "export_json", &written).await?;
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
            let imported = with_path(app, "import_json", &path).await?;
            assert_eq!(imported["complaints"], 1);
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "The wedding cake arrived squashed")
                .await?;
            // A second import would mix things up: it is refused in words.
            let again = with_path(app, "import_json", &path)
                .await
                .unwrap_err()
                .to_string();
            assert!(again.contains("only into an empty Mend"), "{again}");
            Ok(())
        })
    })
    .await;
}
