//! Moving between views. While one is still loading, what the owner moved
//! to stays on screen, and the late answer of the view they left is never
//! painted over it. The app's answers are slowed down from the page (as a
//! busy disk would), so the race happens every time. A view opens at its
//! top, wherever the owner had scrolled to.

use std::time::Duration;

use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::{run, App, Outcome};

/// Makes the app take `delay_ms` to answer `command`, from now on.
async fn slow_down(app: &App, command: &str, delay_ms: u64) -> Outcome {
    // The page reaches the app through window.__TAURI__.core.invoke.
    let script = "const [command, delay] = arguments;
                  const tauri = window.__TAURI__;
                  const original = tauri.core.invoke;
                  const invoke = async (name, ...rest) => {
                    if (name === command) await new Promise((done) => setTimeout(done, delay));
                    return original(name, ...rest);
                  };
                  window.__TAURI__ = { ...tauri, core: { ...tauri.core, invoke } };
                  return window.__TAURI__.core.invoke === invoke;";
    let slowed = app
        .client()
        .execute(script, vec![command.into(), delay_ms.into()])
        .await?;
    if slowed != serde_json::Value::Bool(true) {
        return Err(format!("the app's answers to {command} could not be slowed down").into());
    }
    Ok(())
}

/// What the main area shows as its heading.
async fn heading(app: &App) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let script = "return document.querySelector('#view h1')?.textContent ?? '';";
    let found = app.client().execute(script, vec![]).await?;
    Ok(found.as_str().unwrap_or_default().to_owned())
}

#[tokio::test]
async fn leaving_a_view_that_is_still_loading_never_paints_it_over_the_next() {
    run("stale_views", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            slow_down(app, "get_complaint", 1500).await?;
            slow_down(app, "period_report", 1500).await?;

            // Staying put, the slow complaint does arrive, late: the slowing works.
            app.click("nav-complaints").await?;
            let clicked = std::time::Instant::now();
            app.click("complaint-item").await?;
            app.wait_for_text("complaint-heading", "The wedding cake arrived squashed")
                .await?;
            assert!(
                clicked.elapsed() >= Duration::from_millis(1400),
                "{:?}",
                clicked.elapsed()
            );

            // Opening the complaint, then Today at once: Today stays.
            app.click("nav-complaints").await?;
            app.click("complaint-item").await?;
            app.click("nav-today").await?;
            tokio::time::sleep(Duration::from_millis(2500)).await;
            assert_eq!(heading(app).await?, "Today");
            assert!(app.find_all("complaint-heading").await?.is_empty());
            app.wait_for_text("today-list", "The wedding cake arrived squashed")
                .await?;

            // The period report, then Customers at once: Customers stays.
            app.click("nav-complaints").await?;
            app.click("print-period").await?;
            app.click("nav-customers").await?;
            tokio::time::sleep(Duration::from_millis(2500)).await;
            assert_eq!(heading(app).await?, "Customers");
            assert!(app.find_all("period-report-page").await?.is_empty());
            app.wait_for_text("customer-list", "Ana Lima").await?;

            // One complaint, then another view, then back: only the last shows.
            app.click("nav-complaints").await?;
            app.click("complaint-item").await?;
            app.click("nav-settings").await?;
            app.click("nav-today").await?;
            tokio::time::sleep(Duration::from_millis(2500)).await;
            assert_eq!(heading(app).await?, "Today");
            assert!(app.find_all("complaint-heading").await?.is_empty());
            assert!(
                app.find_all("business-name").await?.is_empty(),
                "nor Settings"
            );
            app.wait_for_text("today-list", "The wedding cake arrived squashed")
                .await?;
            Ok(())
        })
    })
    .await;
}

/// How far the window is scrolled down from its top.
async fn scrolled_down(app: &App) -> Result<f64, Box<dyn std::error::Error + Send + Sync>> {
    let script = "return window.scrollY;";
    let found = app.client().execute(script, vec![]).await?;
    Ok(found.as_f64().unwrap_or_default())
}

#[tokio::test]
async fn a_view_opens_at_its_top_after_the_owner_scrolled_down() {
    run("view_top", |app| {
        Box::pin(async move {
            app.client().set_window_size(1024, 700).await?;
            app.click("nav-settings").await?;
            app.find("business-name").await?;
            app.click("jump-settings-about").await?;
            let mut down = 0.0;
            for _ in 0..50 {
                down = scrolled_down(app).await?;
                if down > 0.0 {
                    break;
                }
                tokio::time::sleep(Duration::from_millis(100)).await;
            }
            assert!(down > 0.0, "'About Mend' scrolled Settings down");

            // Settings again, from the sidebar: from its top, where its heading is.
            app.click("nav-settings").await?;
            app.find("business-name").await?;
            assert_eq!(heading(app).await?, "Settings");
            assert_eq!(scrolled_down(app).await?, 0.0, "Settings opened at its top");
            Ok(())
        })
    })
    .await;
}
