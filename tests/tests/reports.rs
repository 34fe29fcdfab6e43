//! Printable reports in the real app: one complaint from start to finish,
//! and the complaints of a period. The print window itself is the system's
//! and is not driven; the page it prints is.

use mend_e2e::journey::{new_complaint, record_step, Intake};
use mend_e2e::run;

#[tokio::test]
async fn a_complaint_and_a_period_have_printable_reports() {
    run("printable_reports", |app| {
        Box::pin(async move {
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

            app.click("nav-complaints").await?;
            app.click("print-period").await?;
            app.wait_for_text("report-counts", "1 complaint: 0 closed, 1 open")
                .await?;
            assert_eq!(app.find_all("report-row").await?.len(), 1);
            app.screenshot("period").await;
            Ok(())
        })
    })
    .await;
}
