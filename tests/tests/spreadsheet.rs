//! Importing an owner's old spreadsheet in the real app. Only the native
//! file dialog is answered through the debug build's seam (WebDriver cannot
//! drive it); everything after is the real UI.

use mend_e2e::{run, App, Outcome};

/// The owner's old spreadsheet, as Excel saves it: a byte-order mark,
/// Windows line ends, a quoted note with a comma and a line break, dates
/// day first, and one row Mend cannot read (no summary).
const MESSY: &str = "\u{feff}Customer name,E-mail,Date received,Complaint summary,What they said\r\n\
    Ana Lima,ana@example.com,25/12/2025,Cake squashed,\"It was for Christmas, and\r\nit was ruined\"\r\n\
    Bruno Costa,,03/01/2026 14:30,,Parcel never came\r\n\
    Zoë 李,,13/01/2026,Crème brûlée 🎂,\r\n";

/// Presses the button that opens the file dialog, and picks `path` in it.
async fn choose_file(app: &App, path: &std::path::Path) -> Outcome {
    app.answer_next_dialog(Some(path))?;
    app.click("choose-csv").await?;
    Ok(())
}

#[tokio::test]
async fn a_messy_spreadsheet_is_imported_once_after_its_problem_row_is_fixed() {
    run("import_spreadsheet", |app| {
        Box::pin(async move {
            let folder = tempfile::tempdir()?;
            let path = folder.path().join("old complaints.csv");
            std::fs::write(&path, MESSY)?;

            app.click("nav-settings").await?;
            choose_file(app, &path).await?;
            app.wait_for_text("csv-preview", "It was for Christmas, and")
                .await?;
            assert_eq!(app.value("csv-column-0").await?, "customer_name");
            assert_eq!(app.value("csv-column-3").await?, "summary");
            assert_eq!(app.value("csv-date-order").await?, "day_month_year");
            app.screenshot("preview").await;

            app.click("csv-import").await?;
            app.wait_for_text("csv-error", "Nothing was imported")
                .await?;
            let problems = app.texts("csv-problem").await?;
            assert_eq!(
                problems,
                ["Row 3: Please write the summary: it cannot be empty."]
            );

            std::fs::write(
                &path,
                MESSY.replace(",,Parcel never came", ",Parcel lost,Parcel never came"),
            )?;
            choose_file(app, &path).await?;
            app.wait_for_text("csv-preview", "Parcel lost").await?;
            app.click("csv-import").await?;
            app.wait_for_text("csv-done", "Imported 3 complaints")
                .await?;

            choose_file(app, &path).await?;
            app.wait_for_text("csv-preview", "Parcel lost").await?;
            app.click("csv-import").await?;
            app.wait_for_text("csv-done", "3 were already in Mend")
                .await?;

            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "Crème brûlée 🎂")
                .await?;
            assert_eq!(app.find_all("complaint-item").await?.len(), 3);
            Ok(())
        })
    })
    .await;
}
