//! Seen, not assumed: a realistic bakery's Mend (30 complaints, a repeat
//! customer, a weekend of missed reminders) toured the way its owner would,
//! in the light theme, the dark theme and a small 1024×700 window. Every
//! view is saved as a screenshot (target/screenshots/looks-*), and every
//! text and badge shown must meet WCAG AA contrast, measured by axe-core.

use std::ffi::OsString;

use mend_e2e::bakery;
use mend_e2e::{run_with, App};

type Failure = Box<dyn std::error::Error + Send + Sync>;

/// The complaint at each step of the journey, by its summary.
const AT_EACH_STEP: [(&str, &str); 7] = [
    ("acknowledge", "Order confirmation never arrived"),
    ("apologize", "Eclairs filled with the wrong cream"),
    ("assure", "Price on the menu differs from the till"),
    ("fix", "The cake stand was not returned"),
    ("follow-up", "Order form on the website lost my details"),
    ("close", "Cupcakes missing from the box of twelve"),
    ("closed", "The wedding cake arrived squashed"),
];

/// Radio buttons whose middle is more than 2 px off the middle of the
/// first line of their label's words.
const RADIOS_ASKEW: &str = "
    return [...document.querySelectorAll('input[type=radio]')].filter((radio) => {
        const box = radio.getBoundingClientRect();
        const words = [...radio.parentElement.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.data.trim());
        if (!words) return false;
        const range = document.createRange();
        range.selectNodeContents(words);
        const line = range.getClientRects()[0];
        return Math.abs((box.top + box.bottom) / 2 - (line.top + line.bottom) / 2) > 2;
    }).map((radio) => radio.parentElement.textContent.trim());";

/// Looks at what is shown: saves it as `<test>-<view>` and notes
/// every serious accessibility problem (contrast first of all), with the
/// view it is in.
async fn look(app: &App, view: &str, problems: &mut Vec<String>) -> Result<(), Failure> {
    app.screenshot(view).await;
    for problem in app.accessibility_problems().await? {
        problems.push(format!("{view}: {problem}"));
    }
    Ok(())
}

async fn open_complaint(app: &App, summary: &str) -> Result<(), Failure> {
    app.click("nav-complaints").await?;
    app.choose("filter-status", "any").await?;
    app.type_into("list-search", summary).await?;
    app.wait_for_count("complaint-item", 1).await?;
    app.wait_for_text("complaint-list", summary).await?;
    app.click("complaint-item").await?;
    app.wait_for_text("complaint-heading", summary).await?;
    Ok(())
}

/// The owner's tour of Mend; answers every contrast problem seen.
async fn tour(app: &App) -> Result<Vec<String>, Failure> {
    let mut problems = Vec::new();
    app.wait_for_text("today-urgent", "Sesame seeds on a sesame-free bagel")
        .await?;
    look(app, "today-after-a-weekend", &mut problems).await?;

    app.click("nav-complaints").await?;
    app.wait_for_count("complaint-item", 20).await?;
    look(app, "complaints", &mut problems).await?;

    for (step, summary) in AT_EACH_STEP {
        open_complaint(app, summary).await?;
        look(app, &format!("step-{step}"), &mut problems).await?;
    }
    // The squashed cake's photos and receipt, and one photo larger.
    app.wait_for_text("files", "Photos and files (3)").await?;
    app.client()
        .execute(
            "document.querySelector('[data-testid=files]').scrollIntoView({ block: 'center' });",
            vec![],
        )
        .await?;
    look(app, "complaint-photos", &mut problems).await?;
    app.click("file-view").await?;
    app.wait_for_text("file-viewer-name", "top tier, collapsed.jpg")
        .await?;
    look(app, "photo-larger", &mut problems).await?;
    app.click("file-viewer-close").await?;

    // The follow-up's "Is it resolved for them?": each radio on the line of its words.
    open_complaint(app, "Order form on the website lost my details").await?;
    app.find("record-satisfied").await?;
    let askew = app.client().execute(RADIOS_ASKEW, vec![]).await?;
    if askew != serde_json::json!([]) {
        problems.push(format!(
            "follow-up: radio buttons off their labels' line: {askew}"
        ));
    }
    app.client()
        .execute("document.querySelector('[data-testid=record-satisfied]').scrollIntoView({ block: 'center' });", vec![])
        .await?;
    look(app, "step-follow-up-form", &mut problems).await?;

    app.click("new-complaint").await?;
    app.click("intake-save").await?;
    app.wait_for_text("intake-error", "fields marked above")
        .await?;
    look(app, "new-complaint-with-errors", &mut problems).await?;
    app.click("intake-cancel").await?;

    app.click("nav-customers").await?;
    app.type_into("customer-search", "Ana Lima").await?;
    app.wait_for_text("customer-list", "Ana Lima").await?;
    app.click("customer-row").await?;
    app.wait_for_text("customer-name-heading", "Ana Lima")
        .await?;
    look(app, "customer", &mut problems).await?;

    app.click("nav-settings").await?;
    app.find("business-name").await?;
    look(app, "settings", &mut problems).await?;

    app.click("nav-complaints").await?;
    app.click("print-period").await?;
    app.find("report-counts").await?;
    look(app, "report", &mut problems).await?;

    app.click("nav-patterns").await?;
    app.wait_for_text("patterns-summary", "Complaints").await?;
    look(app, "patterns", &mut problems).await?;
    app.click("nav-issues").await?;
    app.wait_for_text("issue-list", "Cake boxes crush in transit")
        .await?;
    look(app, "known-issues", &mut problems).await?;
    app.click("issue-item").await?;
    app.wait_for_text("issue-heading", "Cake boxes crush in transit")
        .await?;
    look(app, "known-issue", &mut problems).await?;
    app.click("nav-improvements").await?;
    app.wait_for_text("improvements-planned", "Double-walled boxes from now on.")
        .await?;
    look(app, "improvements", &mut problems).await?;
    Ok(problems)
}

fn seeded(
    extra: Vec<(&'static str, OsString)>,
) -> (tempfile::TempDir, Vec<(&'static str, OsString)>) {
    let folder = tempfile::tempdir().expect("a data folder");
    bakery::seed(folder.path());
    let mut env = vec![("MEND_DATA_DIR", folder.path().into())];
    env.extend(extra);
    (folder, env)
}

#[tokio::test]
async fn in_the_light_theme_every_view_reads_well() {
    let (_folder, env) = seeded(vec![]);
    run_with("looks-light", env, |app| {
        Box::pin(async move {
            let problems = tour(app).await?;
            assert!(
                problems.is_empty(),
                "below WCAG AA contrast:\n{}",
                problems.join("\n")
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn in_the_dark_theme_every_view_reads_well() {
    let (_folder, env) = seeded(vec![("GTK_THEME", "Adwaita:dark".into())]);
    run_with("looks-dark", env, |app| {
        Box::pin(async move {
            let dark = app
                .client()
                .execute(
                    "return matchMedia('(prefers-color-scheme: dark)').matches;",
                    vec![],
                )
                .await?;
            assert_eq!(
                dark,
                serde_json::Value::Bool(true),
                "the window follows the dark system"
            );
            let problems = tour(app).await?;
            assert!(
                problems.is_empty(),
                "below WCAG AA contrast:\n{}",
                problems.join("\n")
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn in_a_1024_by_700_window_the_list_shows_six_rows_and_every_view_reads_well() {
    let (_folder, env) = seeded(vec![]);
    run_with("looks-small", env, |app| {
        Box::pin(async move {
            app.resize(1024, 700).await?;
            app.click("nav-complaints").await?;
            app.wait_for_count("complaint-item", 20).await?;
            let shown = app
                .client()
                .execute(
                    "return [...document.querySelectorAll('[data-testid=complaint-item]')]
                       .filter((row) => row.getBoundingClientRect().bottom <= window.innerHeight).length;",
                    vec![],
                )
                .await?;
            assert!(shown.as_u64().unwrap_or(0) >= 6, "only {shown} rows in view at 1024×700");
            app.click("nav-today").await?;
            let problems = tour(app).await?;
            assert!(problems.is_empty(), "below WCAG AA contrast:\n{}", problems.join("\n"));
            Ok(())
        })
    })
    .await;
}
