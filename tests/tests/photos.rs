//! Photos and files in the real app. A customer's email with a photo is
//! opened with Mend and becomes a complaint with that photo, which is shown
//! larger, opened in the system's program (the test stands in for it), and
//! survives a restart, a backup and its restore (after being removed), and
//! a full export brought into an empty Mend. Files are added to a complaint
//! and to a timeline entry; empty, too big and program files are refused in
//! words.

use std::io::Cursor;
use std::path::{Path, PathBuf};

use base64::Engine;
use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::{run_with, App};

/// A photo as a phone sends it: a JPEG, 640 by 480.
fn photo() -> Vec<u8> {
    let picture = image::RgbImage::from_fn(640, 480, |x, y| {
        image::Rgb([(x / 3) as u8, 90 + (y / 8) as u8, 60])
    });
    let mut bytes = Vec::new();
    picture
        .write_to(&mut Cursor::new(&mut bytes), image::ImageFormat::Jpeg)
        .expect("a JPEG");
    bytes
}

/// Ana's email about the squashed cake, with the photo she took.
fn email_with_photo(photo: &[u8]) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(photo);
    let lines: Vec<&str> = encoded
        .as_bytes()
        .chunks(76)
        .map(|line| std::str::from_utf8(line).expect("base64 is text"))
        .collect();
    format!(
        "From: Ana Lima <ana@example.com>\r
Subject: The wedding cake arrived squashed\r
Date: Tue, 01 Dec 2026 18:30:00 +0000\r
MIME-Version: 1.0\r
Content-Type: multipart/mixed; boundary=\"b1\"\r
\r
--b1\r
Content-Type: text/plain; charset=utf-8\r
\r
The top tier had collapsed when it arrived. Photo attached.\r
--b1\r
Content-Type: image/jpeg; name=\"squashed cake.jpg\"\r
Content-Disposition: attachment; filename=\"squashed cake.jpg\"\r
Content-Transfer-Encoding: base64\r
\r
{}\r
--b1--\r
",
        lines.join("\r\n")
    )
}

/// The photo's width as the viewer shows it, once it is drawn.
async fn shown_width(app: &App) -> Result<u64, Box<dyn std::error::Error + Send + Sync>> {
    let script = "const done = arguments[0];
        const picture = document.querySelector('[data-testid=\"file-viewer-picture\"]');
        const answer = () => done(picture.naturalWidth);
        if (picture.complete) answer(); else picture.addEventListener('load', answer);";
    let width = app.client().execute_async(script, vec![]).await?;
    Ok(width.as_u64().unwrap_or(0))
}

/// Scrolls to a part of the window, as the owner would to look at it.
async fn look_at(app: &App, test_id: &str) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let part = app.find(test_id).await?;
    app.client()
        .execute(
            "arguments[0].scrollIntoView({ block: 'center' });",
            vec![serde_json::to_value(&part)?],
        )
        .await?;
    Ok(())
}

async fn view_photo_and_close(
    app: &App,
    width: u64,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    app.click("file-view").await?;
    app.wait_for_text("file-viewer-name", "squashed cake.jpg")
        .await?;
    assert_eq!(shown_width(app).await?, width);
    app.click("file-viewer-close").await?;
    Ok(())
}

#[tokio::test]
async fn an_emails_photo_is_kept_with_the_complaint_through_restart_restore_and_export() {
    let photo = photo();
    let folder = tempfile::tempdir().expect("a folder for the email");
    let email = folder.path().join("The wedding cake.eml");
    let pasted = email_with_photo(&photo);
    std::fs::write(&email, &pasted).expect("the email");
    let stand_in = tempfile::tempdir().expect("a folder for the stand-in programs");
    let export = folder.path().join("Mend export.json");
    let backup = folder.path().join("Mend backup.sqlite3");
    let env = vec![("MEND_TEST_OPENER", stand_in.path().into())];
    let (written, kept_photo, opener) = (export.clone(), photo.clone(), stand_in.path().to_owned());
    run_with("photo_from_email", env, move |app| {
        Box::pin(async move {
            // Opened with Mend from the file manager (as when dropped on it).
            app.open_with_mend(&[email.as_path()]).await?;
            app.wait_for_text(
                "intake-email-done",
                "Filled in from the email of Ana Lima. Check it, then save. Its file is under Photos and files.",
            )
            .await?;
            assert_eq!(app.texts("file-name").await?, ["squashed cake.jpg"]);
            app.find("file-thumbnail").await?;
            assert_eq!(app.value("intake-summary").await?, "The wedding cake arrived squashed");
            look_at(app, "intake-files").await?;
            app.screenshot("intake-filled-with-photo").await;
            // The same email, pasted again: its photo replaces the first
            // one's, it is not kept twice.
            app.click("intake-email-paste").await?;
            app.paste_into("intake-email-text", &pasted).await?;
            app.click("intake-email-read").await?;
            app.wait_for_text("intake-email-done", "Its file is under Photos and files.")
                .await?;
            assert_eq!(app.texts("file-name").await?, ["squashed cake.jpg"]);
            app.click("intake-save").await?;
            app.wait_for_text("complaint-heading", "The wedding cake arrived squashed").await?;

            // On the complaint, and with the message it came with.
            app.wait_for_text("files", "Photos and files (1)").await?;
            app.wait_for_text("entry-files", "With it: squashed cake.jpg").await?;
            let tile = app.text("file-tile").await?;
            assert!(tile.contains("squashed cake.jpg") && tile.contains("JPG · "), "{tile}");
            app.find("file-thumbnail").await?;
            look_at(app, "files").await?;
            app.screenshot("complaint-with-photo").await;
            app.click("file-view").await?;
            app.wait_for_text("file-viewer-name", "squashed cake.jpg").await?;
            assert_eq!(shown_width(app).await?, 640);
            app.screenshot("photo-larger").await;
            // The focus is on Close; closed, it is back on View.
            assert_eq!(app.focused().await?, "file-viewer-close");
            app.click("file-viewer-close").await?;
            let mut focused = String::new();
            for _ in 0..30 {
                focused = app.focused().await?;
                if focused == "file-view" {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert_eq!(focused, "file-view");

            // Opened in the system's program: a whole copy is handed to it.
            app.click("file-open").await?;
            let opened = wait_for_opened(&opener).await?;
            let copy = opened.strip_prefix("file: ").expect("a file opened");
            assert!(copy.ends_with("squashed cake.jpg"), "{copy}");
            assert_eq!(std::fs::read(copy)?, kept_photo);

            app.restart().await?;
            app.click("nav-complaints").await?;
            app.click("complaint-summary").await?;
            app.wait_for_text("files", "Photos and files (1)").await?;
            view_photo_and_close(app, 640).await?;

            // A backup holds it: removed after, it comes back with the restore.
            app.click("nav-settings").await?;
            app.answer_next_dialog(Some(&backup))?;
            app.click("back-up-now").await?;
            app.wait_for_text("backup-done", "Saved a backup to").await?;
            app.click("nav-complaints").await?;
            app.click("complaint-summary").await?;
            app.click("file-remove").await?;
            app.wait_for_text("file-remove-confirm", "Remove “squashed cake.jpg”? It cannot be brought back").await?;
            app.click("file-remove-confirm-yes").await?;
            app.wait_for_text("step-saved", "Removed “squashed cake.jpg”.").await?;
            app.wait_for_text("files-empty", "No photos or files yet.").await?;
            app.click("history").await?;
            let history = app.texts("history-entry").await?;
            assert!(
                history.iter().any(|line| line.contains("You: Removed the file \"squashed cake.jpg\"")),
                "{history:?}"
            );
            app.click("nav-settings").await?;
            app.answer_next_dialog(Some(&backup))?;
            app.click("restore-from-file").await?;
            app.click("restore-confirm-yes").await?;
            app.wait_for_text("backup-done", "Restored the backup from").await?;
            app.click("nav-complaints").await?;
            app.click("complaint-summary").await?;
            app.wait_for_text("files", "Photos and files (1)").await?;
            view_photo_and_close(app, 640).await?;

            app.click("nav-settings").await?;
            app.answer_next_dialog(Some(&written))?;
            app.click("export-json").await?;
            app.wait_for_text("export-done", "Saved everything to").await?;
            Ok(())
        })
    })
    .await;

    // The export, brought into an empty Mend, has the photo too.
    let empty = tempfile::tempdir().expect("an empty data folder");
    run_with(
        "photo_imported",
        vec![("MEND_DATA_DIR", empty.path().into())],
        move |app| {
            Box::pin(async move {
                app.click("nav-settings").await?;
                app.answer_next_dialog(Some(&export))?;
                app.click("import-json").await?;
                app.wait_for_text("export-done", "Imported 1 complaint from 1 customer.")
                    .await?;
                app.click("nav-complaints").await?;
                app.click("complaint-summary").await?;
                app.wait_for_text("files", "Photos and files (1)").await?;
                app.wait_for_text("entry-files", "With it: squashed cake.jpg")
                    .await?;
                view_photo_and_close(app, 640).await?;
                // Its report names it.
                app.click("print-complaint").await?;
                app.wait_for_text("report-files", "squashed cake.jpg (")
                    .await?;
                Ok(())
            })
        },
    )
    .await;
}

/// The first thing handed to the stand-in programs.
async fn wait_for_opened(
    folder: &Path,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    for _ in 0..100 {
        if let Some(first) = App::opened_in(folder).into_iter().next() {
            return Ok(first);
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err("nothing was opened".into())
}

/// Files as an owner has them in their Downloads folder.
fn downloads(folder: &Path) -> Vec<PathBuf> {
    let files: [(&str, Vec<u8>); 4] = [
        ("receipt.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n".to_vec()),
        ("empty.txt", Vec::new()),
        (
            "photo.jpg",
            b"PK\x03\x04 a zip pretending to be a photo".to_vec(),
        ),
        ("setup.exe", b"MZ a program".to_vec()),
    ];
    let mut paths = Vec::new();
    for (name, bytes) in files {
        let path = folder.join(name);
        std::fs::write(&path, bytes).expect("a file");
        paths.push(path);
    }
    let big = folder.join("video.mov");
    std::fs::File::create(&big)
        .and_then(|file| file.set_len(26 * 1024 * 1024))
        .expect("a big file");
    paths.push(big);
    paths
}

#[tokio::test]
async fn files_are_kept_with_a_complaint_and_its_timeline_and_bad_ones_are_refused_in_words() {
    let folder = tempfile::tempdir().expect("a downloads folder");
    let stand_in = tempfile::tempdir().expect("a folder for the stand-in programs");
    let paths = downloads(folder.path());
    let cake = folder.path().join("cake.jpg");
    std::fs::write(&cake, photo()).expect("a photo");
    let reply = folder.path().join("Any news.eml");
    std::fs::write(
        &reply,
        "From: Ana Lima <ana@example.com>\r\nSubject: Any news?\r\nDate: Tue, 01 Dec 2026 19:30:00 +0000\r\n\r\nAny news about the cake?\r\n",
    )
    .expect("an email");
    let env = vec![("MEND_TEST_OPENER", stand_in.path().into())];
    let opener = stand_in.path().to_owned();
    run_with("files_on_a_complaint", env, move |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            app.wait_for_text("files-empty", "No photos or files yet.")
                .await?;

            let picked: Vec<&Path> = paths.iter().map(PathBuf::as_path).collect();
            app.answer_next_dialog_with(&picked)?;
            app.click("add-files").await?;
            app.wait_for_text("step-saved", "Kept 3 files with the complaint.")
                .await?;
            assert_eq!(
                app.texts("file-name").await?,
                ["receipt.pdf", "photo.jpg", "setup.exe"]
            );
            let refused = app.text("files-problems").await?;
            assert!(
                refused.contains("\"empty.txt\" is empty: there is nothing in it to keep."),
                "{refused}"
            );
            assert!(
                refused.contains("\"video.mov\" is 26.0 MB; Mend keeps files of up to 25 MB each."),
                "{refused}"
            );
            // A zip named like a photo is kept as a file: no thumbnail, nothing to view.
            assert!(app.find_all("file-thumbnail").await?.is_empty());
            assert!(app.find_all("file-view").await?.is_empty());
            look_at(app, "files").await?;
            app.screenshot("files-refused").await;

            // A program is never opened.
            let tiles = app.find_all("file-open").await?;
            tiles[2].click().await?;
            app.wait_for_text(
                "files-error",
                "and \"setup.exe\" is another kind of file, which could be a program.",
            )
            .await?;
            assert!(App::opened_in(&opener).is_empty());

            // Dropped on the page (here: opened with Mend), an email goes on
            // the timeline and a photo is kept.
            app.open_with_mend(&[cake.as_path(), reply.as_path()])
                .await?;
            app.wait_for_text(
                "step-saved",
                "Added their email to the timeline. Kept “cake.jpg” with the complaint.",
            )
            .await?;
            assert_eq!(
                app.texts("file-name").await?,
                ["receipt.pdf", "photo.jpg", "setup.exe", "cake.jpg"]
            );
            let texts = app.texts("timeline-text").await?;
            assert!(
                texts
                    .iter()
                    .any(|text| text.trim() == "Any news about the cake?"),
                "{texts:?}"
            );

            // A file kept with one entry of the timeline shows under it.
            app.answer_next_dialog(Some(&cake))?;
            app.click("entry-attach").await?;
            app.wait_for_text("step-saved", "Kept “cake.jpg” with that entry.")
                .await?;
            app.wait_for_text("entry-files", "With it: cake.jpg")
                .await?;

            // Removing asks first; "Keep it" keeps it.
            app.click("file-remove").await?;
            app.click("file-remove-confirm-no").await?;
            assert_eq!(app.texts("file-name").await?.len(), 5);
            app.click("file-remove").await?;
            app.screenshot("remove-question").await;
            app.click("file-remove-confirm-yes").await?;
            app.wait_for_text("step-saved", "Removed “receipt.pdf”.")
                .await?;
            assert_eq!(
                app.texts("file-name").await?,
                ["photo.jpg", "setup.exe", "cake.jpg", "cake.jpg"]
            );

            // An email dropped while a complaint is half-written waits its
            // turn: nothing typed is written over.
            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-name", "Bruno Costa")
                .await?;
            app.type_into("intake-summary", "Bread was stale").await?;
            app.open_with_mend(&[reply.as_path()]).await?;
            app.wait_for_text(
                "intake-next-emails",
                "1 more email will open here once you save this complaint.",
            )
            .await?;
            assert_eq!(app.value("intake-summary").await?, "Bread was stale");
            app.click("intake-save").await?;
            app.wait_for_text("complaint-heading", "Bread was stale")
                .await?;
            app.wait_for_value("intake-summary", "Any news?").await?;
            app.click("intake-save").await?;
            app.wait_for_text("complaint-heading", "Any news?").await?;

            // Mend not running, an email opened with it: it starts on a new
            // complaint filled in from the email.
            app.restart_opening(&[reply.as_path()]).await?;
            app.wait_for_text("intake-email-done", "Filled in from the email of Ana Lima")
                .await?;
            assert_eq!(app.value("intake-summary").await?, "Any news?");
            Ok(())
        })
    })
    .await;
}
