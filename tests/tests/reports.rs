//! Printable reports in the real app: one complaint from start to finish,
//! and the complaints of a period. The print window itself is the system's
//! and is not driven; the page it prints is, laid out as on paper: the print
//! stylesheet applied, at the width between the margins of an A4 and of a
//! US Letter page.

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
