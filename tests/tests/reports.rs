//! Printable reports in the real app: one complaint from start to finish,
//! and the complaints of a period, laid out as on paper (the print
//! stylesheet applied, at the width between the margins of an A4 and of a
//! US Letter page). "Print…" opens the system's print window on the test
//! desktop; "Save as PDF…" writes a PDF whose text is read back.

use std::process::Command;
use std::time::{Duration, Instant};

use mend_e2e::journey::{new_complaint, record_step, Intake};
use mend_e2e::{run, App, Outcome};

/// The width between the margins (15 mm each side) of each page size.
const PAGES: [(&str, &str); 2] = [("a4", "180mm"), ("letter", "185.9mm")];

/// Words of the report drawn across two lines, and whether anything in it
/// reaches past its right edge.
const LAYOUT: &str = "
    const report = document.querySelector('.report');
    const right = report.getBoundingClientRect().right + 1;
    const broken = [];
    for (const part of report.querySelectorAll('th, td, h1, h2, dt, dd, p')) {
        const walker = document.createTreeWalker(part, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
            for (const word of node.data.matchAll(/\\S+/g)) {
                const range = document.createRange();
                range.setStart(node, word.index);
                range.setEnd(node, word.index + word[0].length);
                const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
                if (lines.size > 1) broken.push(word[0]);
            }
        }
    }
    const overflowing = [...report.querySelectorAll('*')]
        .filter((e) => e.getBoundingClientRect().right > right)
        .map((e) => e.textContent.slice(0, 40));
    return { broken, overflowing };";

/// Checks the report on screen, then as printed on each page size, saving
/// a screenshot of each; `name` tells the report apart in the screenshots.
async fn check_layout(app: &App, name: &str) -> Outcome {
    let on_screen = app.client().execute(LAYOUT, vec![]).await?;
    assert_eq!(
        on_screen["broken"],
        serde_json::json!([]),
        "{name} on screen"
    );
    assert_eq!(
        on_screen["overflowing"],
        serde_json::json!([]),
        "{name} on screen"
    );
    for (page, width) in PAGES {
        let as_printed = "document.querySelector('[data-testid=\"print-styles\"]').media = 'all';
                          document.body.style.width = arguments[0];";
        app.client().execute(as_printed, vec![width.into()]).await?;
        let laid_out = app.client().execute(LAYOUT, vec![]).await?;
        app.screenshot(&format!("{name}-{page}")).await;
        let back = "document.querySelector('[data-testid=\"print-styles\"]').media = 'print';
                    document.body.style.width = '';";
        app.client().execute(back, vec![]).await?;
        assert_eq!(
            laid_out["broken"],
            serde_json::json!([]),
            "{name} on {page}"
        );
        assert_eq!(
            laid_out["overflowing"],
            serde_json::json!([]),
            "{name} on {page}"
        );
    }
    Ok(())
}

#[tokio::test]
async fn a_complaint_and_a_period_have_printable_reports_that_fit_the_page() {
    run("printable_reports", |app| {
        Box::pin(async move {
            let long = Intake {
                customer: "Bartholomew Featherstonehaugh",
                summary: "Birthday cake delivered to the wrong address, two hours late, and the icing had melted in the van",
                words: "I waited all afternoon. The driver said the address on the label was for the shop, not for my house, and nobody answered the phone.",
                severity: "urgent",
                ..Intake::default()
            };
            new_complaint(app, &long).await?;
            new_complaint(app, &Intake::default()).await?;
            record_step(app, "acknowledge", "Thank you for telling me.").await?;
            app.click("print-complaint").await?;
            app.wait_for_text("report-title", "The wedding cake arrived squashed")
                .await?;
            let report = app.text("complaint-report").await?;
            assert!(report.contains("Ana Lima"), "{report}");
            assert!(report.contains("Thank you for telling me."), "{report}");
            assert!(report.contains("top tier had collapsed"), "{report}");
            app.find("print").await?;
            app.screenshot("complaint").await;
            check_layout(app, "complaint").await?;

            app.click("nav-complaints").await?;
            app.click("print-period").await?;
            app.wait_for_text("report-counts", "2 complaints: 0 closed, 2 open")
                .await?;
            assert_eq!(app.find_all("report-row").await?.len(), 2);
            let table = app.text("period-report").await?;
            assert!(table.contains("Where it stands"), "{table}");
            assert!(table.contains("Bartholomew Featherstonehaugh"), "{table}");
            app.screenshot("period").await;
            check_layout(app, "period").await?;
            Ok(())
        })
    })
    .await;
}

/// The X windows on the test desktop whose title is `title`, by id.
fn windows_titled(title: &str) -> Vec<String> {
    let tree = Command::new("xwininfo").args(["-root", "-tree"]).output();
    let Ok(tree) = tree else { return Vec::new() };
    String::from_utf8_lossy(&tree.stdout)
        .lines()
        .filter(|line| line.contains(&format!("\"{title}\"")))
        .filter_map(|line| line.split_whitespace().next().map(str::to_owned))
        .collect()
}

#[tokio::test]
async fn save_as_pdf_writes_the_report_to_the_file_chosen() {
    run("report_pdf", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            record_step(app, "acknowledge", "Thank you for telling me.").await?;
            app.click("print-complaint").await?;
            app.wait_for_text("report-title", "The wedding cake arrived squashed")
                .await?;

            let folder = tempfile::tempdir()?;
            let path = folder.path().join("cake report.pdf");
            app.answer_next_dialog(Some(&path))?;
            app.click("save-pdf").await?;
            app.wait_for_text("print-done", "Saved the report as")
                .await?;
            assert_eq!(
                app.dialogs_asked(),
                ["save: Save the report as PDF [pdf] The wedding cake arrived squashed.pdf"]
            );
            let pdf = std::fs::read(&path)?;
            assert!(pdf.starts_with(b"%PDF-"), "not a PDF");
            let text = Command::new("pdftotext").arg(&path).arg("-").output()?;
            let text = String::from_utf8_lossy(&text.stdout).into_owned();
            for expected in [
                "The wedding cake arrived squashed",
                "Ana Lima",
                "Thank you for telling me.",
                "top tier had collapsed",
            ] {
                assert!(
                    text.contains(expected),
                    "{expected:?} is not in the PDF: {text}"
                );
            }
            // Printed as on paper: the buttons are not in it.
            assert!(!text.contains("Save as PDF"), "{text}");

            // Cancelled: nothing is written, and nothing is said to be.
            app.answer_next_dialog(None)?;
            app.click("save-pdf").await?;
            app.wait_for_dialogs(2).await?;
            assert_eq!(app.text("print-done").await?, "");
            assert_eq!(app.text("print-error").await?, "");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn print_opens_the_systems_print_window() {
    run("report_print_window", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            app.click("print-complaint").await?;
            app.wait_for_text("report-title", "The wedding cake arrived squashed")
                .await?;
            assert!(windows_titled("Print").is_empty(), "no print window before");
            app.click("print").await?;
            let deadline = Instant::now() + Duration::from_secs(20);
            let window = loop {
                if let Some(id) = windows_titled("Print").into_iter().next() {
                    break id;
                }
                assert!(Instant::now() < deadline, "the print window did not appear");
                tokio::time::sleep(Duration::from_millis(200)).await;
            };
            // Closed as an owner would who changed their mind: Escape.
            let closed = Command::new("xdotool")
                .args(["windowfocus", "--sync", &window, "key", "Escape"])
                .status()?;
            assert!(closed.success());
            let deadline = Instant::now() + Duration::from_secs(20);
            while !windows_titled("Print").is_empty() {
                assert!(Instant::now() < deadline, "the print window did not close");
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            // Mend is still there once the print window has answered, and
            // says nothing was sent.
            let deadline = Instant::now() + Duration::from_secs(20);
            while !app.find("print").await?.is_enabled().await? {
                assert!(
                    Instant::now() < deadline,
                    "Print… stayed busy after the window closed"
                );
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            assert_eq!(app.text("print-done").await?, "");
            assert_eq!(app.text("print-error").await?, "");
            Ok(())
        })
    })
    .await;
}
