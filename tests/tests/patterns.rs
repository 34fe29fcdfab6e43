//! Patterns and Improvements in the real app: three complaints closed with
//! the same cause, one with another; Patterns counts them beside the period
//! before, draws its charts, and the cause opens exactly its three
//! complaints in the list; the figures are saved as a spreadsheet; the
//! change written at a close is an improvement, done, and checked.

use mend_e2e::journey::{closed_with_cause, Intake};
use mend_e2e::run;

#[tokio::test]
async fn a_cause_in_patterns_opens_exactly_its_complaints_and_the_figures_are_saved() {
    run("patterns", |app| {
        Box::pin(async move {
            // An empty Mend says what will appear, not blank axes.
            app.click("nav-patterns").await?;
            app.wait_for_text("patterns-empty", "Nothing to see here yet").await?;

            for (customer, summary) in [
                ("Ana Lima", "Wedding cake squashed"),
                ("Ben Ode", "Birthday cake crushed"),
                ("Cleo Park", "Tart arrived in pieces"),
            ] {
                closed_with_cause(app, &Intake { customer, summary, ..Intake::default() }, "Packaging").await?;
            }
            closed_with_cause(app, &Intake { customer: "Dan Reis", summary: "Parcel left in the rain", ..Intake::default() }, "Delivery or courier").await?;

            app.click("nav-patterns").await?;
            app.wait_for_text("tile-total", "4").await?;
            assert!(app.text("tile-total").await?.contains("Before: 0"));
            // Chart.js drew under the window's strict rules.
            let charts = app.client().execute("return document.querySelectorAll('.chart canvas').length;", vec![]).await?;
            assert!(charts.as_u64().unwrap_or(0) >= 3, "{charts} charts");
            let figures = app.texts("figure").await?;
            let causes = figures.iter().find(|text| text.starts_with("Causes\n") || text.starts_with("Causes")).expect("a figure of causes");
            assert!(causes.contains("Packaging"), "{causes}");
            app.screenshot("patterns").await;

            // The row "Packaging" of the causes: 3 this period, 0 before.
            let opened = app
                .client()
                .execute(
                    "const figure = [...document.querySelectorAll('[data-testid=figure]')].find((f) => f.querySelector('h2').textContent === 'Causes');
                     const row = [...figure.querySelectorAll('[data-testid=figure-row]')].find((r) => r.querySelector('th').textContent === 'Packaging');
                     const [now, before] = [row.querySelector('[data-testid=figure-open]').textContent, row.querySelector('[data-testid=figure-before]').textContent];
                     row.querySelector('[data-testid=figure-open]').click();
                     return [now, before];",
                    vec![],
                )
                .await?;
            assert_eq!(opened, serde_json::json!(["3", "0"]));
            app.wait_for_text("list-behind-label", "Packaging (causes), the last 90 days").await?;
            app.wait_for_count("complaint-item", 3).await?;
            let mut shown = app.texts("complaint-summary").await?;
            shown.sort();
            assert_eq!(shown, ["Birthday cake crushed", "Tart arrived in pieces", "Wedding cake squashed"]);
            app.wait_for_text("complaint-count", "3 complaints").await?;
            app.click("list-behind-clear").await?;
            app.wait_for_count("complaint-item", 4).await?;

            // The figures as a spreadsheet, through the system's file window.
            app.click("nav-patterns").await?;
            app.choose("patterns-period", "last12_months").await?;
            app.wait_for_text("patterns-span", "beside").await?;
            let target = app.data_dir().join("figures.csv");
            app.answer_next_dialog(Some(&target))?;
            app.click("patterns-csv").await?;
            app.wait_for_text("patterns-saved", "Saved the figures").await?;
            let csv = std::fs::read_to_string(&target)?;
            assert!(csv.contains("Causes by number of complaints,Packaging,3,0"), "{csv}");

            // Printed as on paper, to a PDF: the figures, not the buttons.
            let pdf = app.data_dir().join("patterns.pdf");
            app.answer_next_dialog(Some(&pdf))?;
            app.click("patterns-pdf").await?;
            app.wait_for_text("patterns-saved", "Saved Patterns as").await?;
            let text = std::process::Command::new("pdftotext").arg(&pdf).arg("-").output()?;
            let text = String::from_utf8_lossy(&text.stdout).into_owned();
            for expected in ["Patterns", "Causes", "Packaging", "Delivery or courier", "The period before"] {
                assert!(text.contains(expected), "{expected:?} is not in the PDF: {text}");
            }
            assert!(!text.contains("Save as PDF"), "{text}");
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn what_will_change_is_an_improvement_that_is_done_and_checked() {
    run("improvements", |app| {
        Box::pin(async move {
            closed_with_cause(
                app,
                &Intake {
                    summary: "Wedding cake squashed",
                    ..Intake::default()
                },
                "Packaging",
            )
            .await?;
            // The lesson, put right with what will change.
            app.type_into(
                "lesson-prevention",
                "Double-wall boxes for every tiered cake.",
            )
            .await?;
            app.click("lesson-save").await?;
            app.wait_for_text("step-saved", "Saved the lesson.").await?;

            app.click("nav-improvements").await?;
            app.wait_for_text(
                "improvements-planned",
                "Double-wall boxes for every tiered cake.",
            )
            .await?;
            assert!(app
                .text("improvements-planned")
                .await?
                .contains("Cause: Packaging"));
            app.click("improvement-mark-done").await?;
            app.wait_for_text("improvements-notice", "Done. Mend will ask on")
                .await?;
            app.wait_for_text(
                "improvements-done",
                "Double-wall boxes for every tiered cake.",
            )
            .await?;
            let since = app.text("improvement-since").await?;
            assert!(since.starts_with("Since it was done on "), "{since}");
            assert!(
                since.ends_with(", no complaint with the cause “Packaging” came in."),
                "{since}"
            );
            app.screenshot("improvements").await;
            app.click("improvement-worked").await?;
            app.wait_for_text("improvements-notice", "Noted: it worked.")
                .await?;
            app.wait_for_text(
                "improvements-worked",
                "Double-wall boxes for every tiered cake.",
            )
            .await?;
            app.restart().await?;
            app.click("nav-improvements").await?;
            app.wait_for_text(
                "improvements-worked",
                "Double-wall boxes for every tiered cake.",
            )
            .await?;
            app.click("improvement-open-form").await?;
            app.wait_for_text("improvement-history", "Checked: it worked")
                .await?;
            Ok(())
        })
    })
    .await;
}
