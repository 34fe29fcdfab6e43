//! What an owner does in the app, step by step, shared by the scenarios:
//! writing a complaint down and recording the steps of its journey.

use crate::{App, Outcome};

/// A complaint as the owner types it into the new-complaint window.
pub struct Intake<'a> {
    pub customer: &'a str,
    pub summary: &'a str,
    pub words: &'a str,
    pub severity: &'a str,
    /// The category as the owner reads it in the list; empty: not chosen.
    pub category: &'a str,
    /// The new customer's email; empty: none.
    pub email: &'a str,
}

impl Default for Intake<'_> {
    fn default() -> Self {
        Intake {
            customer: "Ana Lima",
            summary: "The wedding cake arrived squashed",
            words: "It was for my daughter's wedding and the top tier had collapsed.",
            severity: "normal",
            category: "",
            email: "",
        }
    }
}

/// Opens the new-complaint window, fills it in and saves; the complaint's
/// page then opens at its next step.
pub async fn new_complaint(app: &App, intake: &Intake<'_>) -> Outcome {
    app.click("new-complaint").await?;
    app.type_into("intake-new-customer-name", intake.customer)
        .await?;
    if !intake.email.is_empty() {
        app.type_into("intake-new-customer-email", intake.email)
            .await?;
    }
    app.type_into("intake-summary", intake.summary).await?;
    app.type_into("intake-words", intake.words).await?;
    app.choose("intake-severity", intake.severity).await?;
    if !intake.category.is_empty() {
        app.choose_label("intake-category", intake.category).await?;
    }
    app.click("intake-save").await?;
    app.wait_for_text("complaint-heading", intake.summary)
        .await?;
    Ok(())
}

/// Opens `step` on the complaint's page and fills in its form with `text`
/// and whatever else the step needs, without saving.
pub async fn fill_step(app: &App, step: &str, text: &str) -> Outcome {
    app.click(&format!("step-tab-{step}")).await?;
    app.find(&format!("record-form-{step}")).await?;
    app.type_into("record-text", text).await?;
    match step {
        "assure" => pick_day(app, "record-promised-date", 3).await?,
        "fix" => app.choose("record-remedy", "replacement").await?,
        "follow_up" => {
            app.choose("record-satisfaction", "5").await?;
            app.click("record-satisfied-yes").await?;
        }
        _ => {}
    }
    Ok(())
}

/// Records `step` and waits for Mend to confirm it.
pub async fn record_step(app: &App, step: &str, text: &str) -> Outcome {
    fill_step(app, step, text).await?;
    app.click("record-step").await?;
    app.wait_for_text("step-saved", "Saved").await?;
    Ok(())
}

/// Saves the business's and the owner's names in Settings, for the drafts.
pub async fn name_the_business(app: &App, business: &str, owner: &str) -> Outcome {
    app.click("nav-settings").await?;
    app.type_into("business-name", business).await?;
    app.type_into("owner-name", owner).await?;
    app.click("save-names").await?;
    app.wait_for_text("names-saved", "Saved").await?;
    Ok(())
}

/// Picks the day `days` from today in a date field, as its calendar would.
pub async fn pick_day(app: &App, test_id: &str, days: i64) -> Outcome {
    let field = app.find(test_id).await?;
    let script = "const day = new Date(Date.now() + arguments[1] * 86400000);
                  const pad = (n) => String(n).padStart(2, '0');
                  arguments[0].value = `${day.getFullYear()}-${pad(day.getMonth() + 1)}-${pad(day.getDate())}`;
                  arguments[0].dispatchEvent(new Event('change', { bubbles: true }));";
    app.client()
        .execute(script, vec![serde_json::to_value(&field)?, days.into()])
        .await?;
    Ok(())
}

/// Writes a complaint down and closes it at once (the customer withdrew
/// it), naming its cause from the list, as an owner tidying up would.
pub async fn closed_with_cause(app: &App, intake: &Intake<'_>, cause: &str) -> Outcome {
    new_complaint(app, intake).await?;
    app.click("close-complaint").await?;
    app.choose_label("close-cause", cause).await?;
    app.type_into("close-root-cause", "The box gave way in the van.")
        .await?;
    app.click("close-submit").await?;
    app.wait_for_text("step-saved", "Closed.").await?;
    Ok(())
}

/// Puts "now + `seconds`" into a date-and-time field, in local time.
pub async fn set_time_from_now(app: &App, test_id: &str, seconds: u64) -> Outcome {
    let field = app.find(test_id).await?;
    let script = "const at = new Date(Date.now() + arguments[1] * 1000);
                  const pad = (n) => String(n).padStart(2, '0');
                  arguments[0].value = `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T`
                    + `${pad(at.getHours())}:${pad(at.getMinutes())}:${pad(at.getSeconds())}`;";
    app.client()
        .execute(script, vec![serde_json::to_value(&field)?, seconds.into()])
        .await?;
    Ok(())
}

/// Adds a reminder to the open complaint, due in `seconds`.
pub async fn remind_in(app: &App, seconds: u64, note: &str) -> Outcome {
    app.find("open-reminder-form").await?;
    // The form stays open after a reminder is added.
    let open = app
        .client()
        .execute(
            "return document.querySelector('[data-testid=reminder-form]').closest('details').open",
            vec![],
        )
        .await?;
    if open != serde_json::Value::Bool(true) {
        app.click("open-reminder-form").await?;
    }
    app.type_into("reminder-note", note).await?;
    set_time_from_now(app, "reminder-when", seconds).await?;
    app.click("add-reminder").await?;
    app.wait_for_text("reminder-saved", "Mend will remind you")
        .await?;
    Ok(())
}

/// Names this computer, picks the shared folder (through the dialog),
/// reads what Mend says it will do, and turns sync on.
pub async fn turn_on_sync(
    app: &App,
    name: &str,
    shared: &std::path::Path,
) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    app.click("nav-settings").await?;
    app.type_into("sync-computer-name", name).await?;
    app.answer_next_dialog(Some(shared))?;
    app.click("sync-choose-folder").await?;
    let what_happens = app.text("sync-what-happens").await?;
    app.click("sync-turn-on").await?;
    app.wait_for_text("sync-on", &format!("This computer is “{name}”"))
        .await?;
    // Said as it happens, without leaving Settings.
    app.wait_for_text("sync-last", "Last synced").await?;
    Ok(what_happens)
}
