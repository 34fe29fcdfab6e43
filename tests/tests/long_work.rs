//! Long work on a large Mend (20,000 complaints): exporting everything,
//! backing up, importing the export into an empty Mend, restoring, and
//! importing a large spreadsheet each show a progress bar that says what is
//! happening and moves; meanwhile nothing else that is long can be started;
//! its progress and outcome are still shown after the owner looked
//! elsewhere; an import that fails near its end leaves nothing imported.

use std::ffi::OsString;
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};

use mend_core::generate::populate;
use mend_core::{Store, SystemClock};
use mend_e2e::{run_with, App};

const COMPLAINTS: usize = 20_000;

type Failure = Box<dyn std::error::Error + Send + Sync>;

fn large_mend(folder: &Path) {
    let mut store = Store::open_in(folder, Arc::new(SystemClock)).expect("a data folder");
    store.finish_welcome().expect("welcome");
    populate(&mut store, COMPLAINTS, COMPLAINTS * 3, 7).expect("generated complaints");
}

/// Keeps every wording a progress bar shows, as it shows it, and whether
/// the buttons that start other long work were waiting (greyed) meanwhile.
async fn watch_progress(app: &App) -> Result<(), Failure> {
    app.client()
        .execute(
            "window.progressSeen = [];
             new MutationObserver(() => {
               for (const line of document.querySelectorAll('.progress-line:not([hidden])')) {
                 const words = line.querySelector('.progress-doing').textContent;
                 const waiting = [...document.querySelectorAll('[data-long-work]')]
                   .every((button) => button.disabled);
                 const seen = waiting ? words : `${words} (a button did not wait)`;
                 if (window.progressSeen.at(-1) !== seen) window.progressSeen.push(seen);
               }
             }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });",
            vec![],
        )
        .await?;
    Ok(())
}

/// Every wording the progress bars showed since `watch_progress`.
async fn progress_seen(app: &App) -> Result<Vec<String>, Failure> {
    let seen = app
        .client()
        .execute(
            "const seen = window.progressSeen; window.progressSeen = []; return seen;",
            vec![],
        )
        .await?;
    Ok(serde_json::from_value(seen)?)
}

/// Waits for long work to end with `expected` in `test_id`.
async fn wait_long(app: &App, test_id: &str, expected: &str) -> Result<String, Failure> {
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        let shown = app.text(test_id).await.unwrap_or_default();
        if shown.contains(expected) {
            return Ok(shown);
        }
        if Instant::now() > deadline {
            return Err(format!("{test_id} showed {shown:?}, not {expected:?}").into());
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Some wording in `seen` starts with `doing` and counts part of the way.
fn moved(seen: &[String], doing: &str) -> bool {
    seen.iter().any(|words| {
        words.strip_prefix(doing).is_some_and(|rest| {
            let numbers: Vec<f64> = rest
                .split(" of ")
                .map(|part| {
                    part.chars()
                        .filter(|c| c.is_ascii_digit() || *c == '.')
                        .collect::<String>()
                        .parse()
                        .unwrap_or(-1.0)
                })
                .collect();
            numbers.len() == 2 && numbers[0] > 0.0 && numbers[0] < numbers[1]
        })
    })
}

#[tokio::test]
async fn exports_backups_imports_and_restores_show_their_progress_one_at_a_time() {
    let data = tempfile::tempdir().expect("a data folder");
    large_mend(data.path());
    let files = tempfile::tempdir().expect("a folder for the files");
    let export = files.path().join("Mend export.json");
    let backup = files.path().join("Mend backup.sqlite3");
    let env: Vec<(&'static str, OsString)> = vec![("MEND_DATA_DIR", data.path().into())];
    let (export_path, backup_path) = (export.clone(), backup.clone());
    run_with("long_work_export_and_back_up", env, move |app| {
        Box::pin(async move {
            app.click("nav-settings").await?;
            app.click("jump-settings-export").await?;
            watch_progress(app).await?;

            // The owner is still choosing where to save the export: Mend
            // is busy with it already, and refuses a backup meanwhile.
            app.hold_dialogs()?;
            app.answer_next_dialog(Some(&export_path))?;
            app.click("export-json").await?;
            app.wait_for_dialogs(1).await?;
            let refused = app.invoke("back_up_now", serde_json::json!({})).await;
            let refusal = refused.expect_err("a second start is refused").to_string();
            assert!(
                refusal
                    .contains("Mend is still exporting everything. Please wait until it is done"),
                "{refusal}"
            );
            // Meanwhile the owner looks at Today and comes back: the export
            // goes on, and its progress and outcome show in Settings as drawn now.
            app.click("nav-today").await?;
            app.find("today-list").await?;
            app.click("nav-settings").await?;
            app.click("jump-settings-export").await?;
            app.let_dialogs_answer()?;
            app.wait_for_text("export-progress-doing", "Reading everything in Mend")
                .await?;
            app.client()
                .execute(
                    "document.querySelector('[data-testid=export-progress]').scrollIntoView({ block: 'center' })",
                    vec![],
                )
                .await?;
            app.screenshot("long-work-progress").await;
            wait_long(app, "export-done", "Saved everything to").await?;
            let seen = progress_seen(app).await?;
            assert!(moved(&seen, "Reading everything in Mend: "), "{seen:?}");
            assert!(
                !seen.iter().any(|words| words.contains("did not wait")),
                "{seen:?}"
            );
            assert!(app.find("back-up-now").await?.is_enabled().await?);
            assert!(!app.find("export-progress").await?.is_displayed().await?);

            app.click("jump-settings-data").await?;
            app.answer_next_dialog(Some(&backup_path))?;
            app.click("back-up-now").await?;
            wait_long(app, "backup-done", "Saved a backup to").await?;
            let seen = progress_seen(app).await?;
            assert!(moved(&seen, "Copying your data: "), "{seen:?}");
            app.screenshot("long-work-done").await;
            Ok(())
        })
    })
    .await;
    // Whole files only: nothing half-written beside them.
    let left: Vec<String> = std::fs::read_dir(files.path())
        .expect("the folder")
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");

    // A copy of the export whose last complaint names a customer it does
    // not hold: found only once nearly everything is in.
    let broken = files.path().join("Broken export.json");
    let mut whole: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&export).expect("the export")).expect("JSON");
    let complaints = whole["tables"]["complaints"]
        .as_array_mut()
        .expect("complaints");
    complaints.last_mut().expect("a complaint")["customer_id"] = 999_999_999.into();
    std::fs::write(&broken, serde_json::to_vec(&whole).unwrap()).unwrap();

    let (export_path, backup_path) = (export.clone(), backup.clone());
    run_with("long_work_import_and_restore", Vec::new(), move |app| {
        Box::pin(async move {
            app.click("nav-settings").await?;
            app.click("jump-settings-export").await?;
            watch_progress(app).await?;

            app.answer_next_dialog(Some(&broken))?;
            app.click("import-json").await?;
            let refusal = wait_long(app, "export-error", "Nothing was imported").await?;
            assert!(
                refusal.contains("not a Mend export Mend can read"),
                "{refusal}"
            );
            let seen = progress_seen(app).await?;
            assert!(moved(&seen, "Importing everything: "), "{seen:?}");
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-empty", "No open complaints right now")
                .await?;

            app.click("nav-settings").await?;
            app.click("jump-settings-export").await?;
            watch_progress(app).await?;
            app.answer_next_dialog(Some(&export_path))?;
            app.click("import-json").await?;
            let imported = wait_long(app, "export-done", "Imported").await?;
            assert!(
                imported.contains(&format!("Imported {COMPLAINTS} complaints")),
                "{imported}"
            );
            let seen = progress_seen(app).await?;
            assert!(
                seen.iter().any(|words| words == "Reading the file…"),
                "{seen:?}"
            );
            assert!(moved(&seen, "Importing everything: "), "{seen:?}");

            app.click("jump-settings-data").await?;
            app.answer_next_dialog(Some(&backup_path))?;
            app.click("restore-from-file").await?;
            app.click("restore-confirm-yes").await?;
            wait_long(app, "backup-done", "Restored the backup from").await?;
            let seen = progress_seen(app).await?;
            assert!(
                seen.iter().any(|words| words == "Checking the backup…"),
                "{seen:?}"
            );
            assert!(
                seen.iter()
                    .any(|words| words.starts_with("Copying the backup in: ")),
                "{seen:?}"
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn a_large_spreadsheet_imports_with_its_progress() {
    let files = tempfile::tempdir().expect("a folder for the spreadsheet");
    let sheet = files.path().join("Complaints 2024.csv");
    let mut writer = csv::Writer::from_path(&sheet).expect("a spreadsheet");
    writer
        .write_record(["Date", "Customer", "What happened", "Status"])
        .unwrap();
    for row in 0..5_000 {
        writer
            .write_record([
                format!("2024-{:02}-{:02}", row % 12 + 1, row % 28 + 1),
                format!("Customer {}", row % 900),
                format!("Order {row} arrived late"),
                (if row % 3 == 0 { "open" } else { "closed" }).to_string(),
            ])
            .unwrap();
    }
    writer.flush().unwrap();
    drop(writer);
    run_with("long_work_spreadsheet", Vec::new(), move |app| {
        Box::pin(async move {
            app.click("nav-settings").await?;
            app.click("jump-settings-import").await?;
            app.answer_next_dialog(Some(&sheet))?;
            app.click("choose-csv").await?;
            app.wait_for_text("csv-import", "Import 5000 rows").await?;
            watch_progress(app).await?;
            app.click("csv-import").await?;
            let done = wait_long(app, "csv-done", "Imported 5000 complaints").await?;
            assert!(done.contains("3333 of them closed"), "{done}");
            let seen = progress_seen(app).await?;
            assert!(moved(&seen, "Importing the rows: "), "{seen:?}");
            Ok(())
        })
    })
    .await;
}
