//! Importing an owner's old spreadsheet in the real app. Only the native
//! file dialog is answered through the debug build's seam (WebDriver cannot
//! drive it); everything after is the real UI.

use mend_e2e::{run, App, Outcome};

/// The owner's old spreadsheet, as Excel saves it: a byte-order mark,
/// Windows line ends, a quoted note with a comma and a line break, dates
/// day first, and one row Mend cannot read (no summary).
const MESSY: &str = "\u{feff}Customer name,E-mail,Date received,Complaint summary,What they said\r\n\
    Ana Lima,ana@example.com,25/12/2025,Cake squashed,\"It was for Christmas, and\r\nit was ruined\"\r\n\
    Bruno Costa,,03/01/2026 14:30,,\r\n\
    Zoë 李,,13/01/2026,Crème brûlée 🎂,\r\n";

/// A sheet kept by hand: no summary column (the complaint is "What
/// happened"), the owner's own notes, an order number and an id, a second
/// date that is not when it came in, a status, and dates mostly day first
/// with one written the ISO way.
const KEPT_BY_HAND: &str = "Ref ID,Date,Customer,What happened,Order #,Date refunded,My notes,Status\r\n\
    1,04/02/2026,Ana Lima,The birthday cake arrived with the top tier collapsed and the writing smudged,A-1042,,Offered a new cake for Saturday,Done\r\n\
    2,2026-02-07,Bruno Costa,Parcel never came,A-1043,,Courier says delivered,open\r\n\
    3,15/02/2026,Carla Mendes,Wrong flavour in the box,A-1051,16/02/2026,,Refunded\r\n\
    4,03/03/2026,Dora Silva,Macarons crushed,A-1060,,,In progress\r\n";

/// An export of public reviews: no customer column, only an email.
const REVIEWS: &str = "Posted,Review,Reviewer email\n\
    2026-03-01,Lovely cakes but the delivery was two hours late,eva@example.com\n\
    2026-03-02,Box was crushed,\n";

/// Dates that every one read both ways.
const AMBIGUOUS: &str = "Date,Customer,Complaint\n05/03/2026,Filipa,Late\n06/04/2026,Gil,Cold\n";

/// Presses the button that opens the file dialog, and picks `path` in it.
async fn choose_file(app: &App, path: &std::path::Path) -> Outcome {
    app.answer_next_dialog(Some(path))?;
    app.click("choose-csv").await?;
    Ok(())
}

async fn columns(
    app: &App,
    count: usize,
) -> Result<Vec<String>, Box<dyn std::error::Error + Send + Sync>> {
    let mut chosen = Vec::new();
    for column in 0..count {
        chosen.push(app.value(&format!("csv-column-{column}")).await?);
    }
    Ok(chosen)
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
            app.wait_for_text("csv-date-note", "day first: row 2 has 25/12/2025")
                .await?;
            app.screenshot("preview").await;

            app.click("csv-import").await?;
            app.wait_for_text("csv-error", "Nothing was imported")
                .await?;
            let problems = app.texts("csv-problem").await?;
            assert_eq!(
                problems,
                ["Row 3: Please write the summary: it cannot be empty."]
            );

            std::fs::write(&path, MESSY.replace("14:30,,", "14:30,Parcel lost,"))?;
            choose_file(app, &path).await?;
            app.wait_for_text("csv-preview", "Parcel lost").await?;
            app.click("csv-import").await?;
            app.wait_for_text("csv-done", "Imported 3 complaints.")
                .await?;

            choose_file(app, &path).await?;
            app.wait_for_text("csv-preview", "Parcel lost").await?;
            app.click("csv-import").await?;
            app.wait_for_text(
                "csv-done",
                "Nothing new to import: all 3 complaints were already in Mend.",
            )
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

#[tokio::test]
async fn a_sheet_kept_by_hand_is_read_as_a_person_would() {
    run("import_kept_by_hand", |app| {
        Box::pin(async move {
            let folder = tempfile::tempdir()?;
            let path = folder.path().join("complaints 2026.csv");
            std::fs::write(&path, KEPT_BY_HAND)?;

            app.click("nav-settings").await?;
            choose_file(app, &path).await?;
            app.wait_for_text("csv-file", "complaints 2026.csv: 4 rows").await?;
            assert_eq!(
                columns(app, 8).await?,
                ["ignore", "received_at", "customer_name", "customer_words", "reference", "ignore", "note", "status"]
            );
            app.wait_for_text("csv-date-note", "day first: row 4 has 15/02/2026")
                .await?;
            let no_customer = app.find("csv-no-customer").await?;
            assert!(!no_customer.is_displayed().await?, "the sheet names its customers");
            app.screenshot("kept-by-hand-preview").await;

            app.click("csv-import").await?;
            app.wait_for_text("csv-done", "Imported 4 complaints (2 of them closed, as the spreadsheet says).")
                .await?;

            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "Parcel never came").await?;
            // Two of them are closed: the list opens on the open ones.
            app.choose_label("filter-status", "Open and closed").await?;
            app.wait_for_text("complaint-count", "4 complaints").await?;
            let summaries = app.texts("complaint-summary").await?;
            assert!(
                summaries.contains(&"The birthday cake arrived with the top tier collapsed and the writing smudged".to_owned()),
                "the summary is the start of what happened: {summaries:?}"
            );
            app.type_into("list-search", "birthday").await?;
            app.wait_for_count("complaint-item", 1).await?;
            app.click("complaint-item").await?;
            app.wait_for_text("complaint-heading", "The birthday cake arrived").await?;
            let timeline = app.texts("timeline-entry").await?;
            assert!(
                timeline.iter().any(|entry| entry.starts_with("Internal note") && entry.contains("Offered a new cake for Saturday")),
                "the owner's notes are an internal note: {timeline:?}"
            );
            assert!(
                !timeline.iter().any(|entry| entry.starts_with("From the customer") && entry.contains("Offered a new cake")),
                "{timeline:?}"
            );
            app.wait_for_text("complaint-badges", "Closed").await?;
            app.click("history").await?;
            app.wait_for_text("history", "Closed the complaint (imported as closed)").await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_sheet_without_customers_or_with_ambiguous_dates_asks_only_that() {
    run("import_reviews", |app| {
        Box::pin(async move {
            let folder = tempfile::tempdir()?;
            let reviews = folder.path().join("reviews.csv");
            std::fs::write(&reviews, REVIEWS)?;

            app.click("nav-settings").await?;
            choose_file(app, &reviews).await?;
            app.wait_for_text("csv-preview", "Box was crushed").await?;
            assert_eq!(
                columns(app, 3).await?,
                ["received_at", "customer_words", "email"]
            );
            app.wait_for_text("csv-date-note", "year-month-day").await?;
            assert!(app.find("csv-no-customer").await?.is_displayed().await?);
            app.click("csv-import").await?;
            app.wait_for_text(
                "csv-error",
                "confirm that this spreadsheet names no customer",
            )
            .await?;
            app.click("csv-no-customer").await?;
            app.click("csv-import").await?;
            app.wait_for_text("csv-done", "Imported 2 complaints.")
                .await?;

            let ambiguous = folder.path().join("winter.csv");
            std::fs::write(&ambiguous, AMBIGUOUS)?;
            choose_file(app, &ambiguous).await?;
            app.wait_for_text("csv-preview", "Filipa").await?;
            app.wait_for_text(
                "csv-date-note",
                "Every date in rows 2 and 3 could be read two ways",
            )
            .await?;
            app.click("csv-import").await?;
            app.wait_for_text("csv-error", "Please say how the dates are written.")
                .await?;
            app.choose("csv-date-order", "month_day_year").await?;
            app.click("csv-import").await?;
            app.wait_for_text("csv-done", "Imported 2 complaints.")
                .await?;

            app.click("nav-customers").await?;
            app.wait_for_text("customer-list", "eva@example.com")
                .await?;
            app.wait_for_text("customer-list", "Unknown customer")
                .await?;
            Ok(())
        })
    })
    .await;
}
