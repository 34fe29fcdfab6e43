//! An old complaint entered after the fact: received a week ago, with the
//! call that acknowledged it and the promise made then. The same date rules
//! hold as for today's, counted from the day of the call, and the page says
//! it was written down later.

use mend_e2e::journey::pick_day;
use mend_e2e::{run, App, Outcome};

/// Puts "now − `days` days + `hours` hours" into a date-and-time field.
async fn set_days_ago(app: &App, test_id: &str, days: i64, hours: i64) -> Outcome {
    let field = app.find(test_id).await?;
    let script = "const at = new Date(Date.now() - arguments[1] * 86400000 + arguments[2] * 3600000);
                  const pad = (n) => String(n).padStart(2, '0');
                  arguments[0].value = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T`
                    + `${pad(at.getHours())}:${pad(at.getMinutes())}`;
                  arguments[0].dispatchEvent(new Event('input', { bubbles: true }));
                  arguments[0].dispatchEvent(new Event('change', { bubbles: true }));";
    app.client()
        .execute(
            script,
            vec![serde_json::to_value(&field)?, days.into(), hours.into()],
        )
        .await?;
    Ok(())
}

#[tokio::test]
async fn an_old_complaint_is_entered_with_its_call_and_promise_and_marked_as_written_later() {
    run("after_the_fact", |app| {
        Box::pin(async move {
            app.click("new-complaint").await?;
            app.type_into("intake-new-customer-name", "Dora Reis").await?;
            app.type_into("intake-summary", "Christening cake had the wrong name").await?;
            set_days_ago(app, "intake-received-at", 7, 0).await?;
            app.click("intake-save").await?;
            app.wait_for_text("written-later", "written down later, on").await?;

            app.click("open-call-form").await?;
            set_days_ago(app, "call-when", 7, 1).await?;
            app.type_into("call-said", "Said sorry and that I would redo the lettering.").await?;
            app.type_into("call-plan", "Redo the lettering on a new cake.").await?;
            // Before the day of the call: refused next to the date.
            pick_day(app, "call-promised-date", -8).await?;
            app.click("call-save").await?;
            app.wait_for_text(
                "call-promised-date-problem",
                "The promised date is before the day it was given; please choose that day or a later one.",
            )
            .await?;
            // Five days ago: after the call, so kept, and overdue now.
            pick_day(app, "call-promised-date", -5).await?;
            app.click("call-save").await?;
            app.wait_for_text("step-saved", "Saved the call").await?;
            app.wait_for_text("complaint-badges", "Overdue").await?;
            app.click("step-tab-acknowledge").await?;
            app.wait_for_text("step-records", "written down later, on").await?;
            Ok(())
        })
    })
    .await;
}
