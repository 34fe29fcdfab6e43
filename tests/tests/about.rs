//! About Mend, in Settings: the version and licence, and the folders of the
//! data, the backups and the log, each opened in the file manager (the test
//! stands in for it). The log tells of a failed command by its code, and
//! holds nothing the owner typed. `mend --version` prints the version.

use mend_e2e::{app_binary, run_with, App};

#[test]
fn mend_says_its_version_when_asked() {
    let output = std::process::Command::new(app_binary())
        .arg("--version")
        .output()
        .expect("mend runs");
    assert!(output.status.success());
    assert_eq!(
        String::from_utf8_lossy(&output.stdout).trim(),
        format!("Mend {}", env!("CARGO_PKG_VERSION"))
    );
}

#[tokio::test]
async fn settings_tell_about_mend_and_open_its_folders_and_the_log_keeps_no_customer_text() {
    let stand_in = tempfile::tempdir().expect("a folder for the stand-in file manager");
    let opener = stand_in.path().to_owned();
    // A home of its own for the log, so that only this run's lines are in it.
    let home = tempfile::tempdir().expect("a data home");
    let logs_in = home.path().to_owned();
    let env = vec![
        ("MEND_TEST_OPENER", stand_in.path().into()),
        ("XDG_DATA_HOME", home.path().into()),
    ];
    run_with("about_mend", env, move |app| {
        Box::pin(async move {
            // A save that fails, with a customer's name typed.
            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-name", "Zoë Quokkaberg")
                .await?;
            app.click("intake-save").await?;
            app.wait_for_text("intake-error", "the field marked above")
                .await?;
            app.click("intake-cancel").await?;

            app.click("nav-settings").await?;
            app.click("jump-settings-about").await?;
            app.wait_for_text("about-version", env!("CARGO_PKG_VERSION"))
                .await?;
            app.screenshot("about-mend").await;
            let data = app.text("about-data-folder").await?;
            assert_eq!(data, app.data_dir().display().to_string());
            let log_folder = app.text("about-log-folder").await?;
            assert!(
                log_folder.starts_with(&logs_in.display().to_string()),
                "{log_folder}"
            );
            app.click("open-log-folder").await?;
            app.click("open-backups-folder").await?;
            let mut opened = Vec::new();
            for _ in 0..50 {
                opened = App::opened_in(&opener);
                if opened.len() == 2 {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert_eq!(
                opened,
                [
                    format!("folder: {log_folder}"),
                    format!("folder: {data}/backups")
                ]
            );

            let log = std::fs::read_to_string(std::path::Path::new(&log_folder).join("mend.log"))?;
            let failed: Vec<&str> = log
                .lines()
                .filter(|line| {
                    line.contains("a problem was told to the owner")
                        && line.contains("invalid_input")
                })
                .collect();
            assert!(!failed.is_empty(), "the failed save is logged: {log}");
            assert!(log.contains("Mend started"), "{log}");
            assert!(!log.contains("Quokkaberg"), "no customer's name in the log");
            Ok(())
        })
    })
    .await;
}
