//! Starting Mend on data it must not touch: it says why, in plain words,
//! and leaves the file exactly as it was.

use mend_e2e::run_with;

#[tokio::test]
async fn a_data_file_that_is_not_a_database_is_refused_in_plain_words_and_kept() {
    let folder = tempfile::tempdir().expect("a temporary folder");
    let file = folder.path().join("mend.sqlite3");
    let contents = "customer,summary\nAna Lima,late parcel\n";
    std::fs::write(&file, contents).expect("a file that is not a database");

    let env = vec![("MEND_DATA_DIR", folder.path().into())];
    run_with("not_a_database", env, |app| {
        Box::pin(async move {
            let message = app
                .wait_for_text("startup-problem-message", "is not a Mend data file")
                .await?;
            assert!(message.contains("Mend has not changed it"), "{message}");
            assert!(
                app.find_all("complaint-form").await?.is_empty(),
                "no form to type into"
            );
            Ok(())
        })
    })
    .await;

    assert_eq!(
        std::fs::read_to_string(&file).expect("the file is still there"),
        contents
    );
}
