//! Mend as a desktop app: keyboard shortcuts, and every view usable in the
//! smallest window it allows (1024×700) without sideways scrolling.

use fantoccini::key::Key;
use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::{run, App, Outcome};

/// Presses keys in the focused part of the window, as the owner would.
async fn press(app: &App, keys: &str) -> Outcome {
    app.client().active_element().await?.send_keys(keys).await?;
    Ok(())
}

async fn intake_is_open(app: &App) -> Result<bool, Box<dyn std::error::Error + Send + Sync>> {
    let open = app
        .client()
        .execute("return document.getElementById('intake').open", vec![])
        .await?;
    Ok(open == serde_json::Value::Bool(true))
}

#[tokio::test]
async fn ctrl_n_opens_a_new_complaint_and_escape_closes_it() {
    run("keyboard_shortcuts", |app| {
        Box::pin(async move {
            app.find("today-empty").await?;
            let ctrl_n = format!("{}n{}", char::from(Key::Control), char::from(Key::Control));
            press(app, &ctrl_n).await?;
            app.find("intake-form").await?;
            assert!(intake_is_open(app).await?);
            press(app, &char::from(Key::Escape).to_string()).await?;
            for _ in 0..50 {
                if !intake_is_open(app).await? {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert!(!intake_is_open(app).await?, "Esc closed the window");

            let ctrl_f = format!("{}f{}", char::from(Key::Control), char::from(Key::Control));
            press(app, &ctrl_f).await?;
            app.find("list-search").await?;
            let focused = app
                .client()
                .execute("return document.activeElement.dataset.testid", vec![])
                .await?;
            assert_eq!(
                focused, "list-search",
                "Ctrl+F puts the cursor in the search"
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn every_view_fits_the_smallest_window() {
    run("smallest_window", |app| {
        Box::pin(async move {
            app.client().set_window_size(1024, 700).await?;
            new_complaint(app, &Intake::default()).await?;
            for (nav, ready) in [
                ("nav-today", "today-acknowledge"),
                ("nav-complaints", "complaint-list"),
                ("nav-customers", "customer-row"),
                ("nav-settings", "data-folder"),
            ] {
                app.click(nav).await?;
                app.find(ready).await?;
                assert_no_sideways_scroll(app, nav).await?;
                app.screenshot(&format!("small-{nav}")).await;
            }
            app.click("nav-complaints").await?;
            app.click("complaint-item").await?;
            app.find("step-panel").await?;
            assert_no_sideways_scroll(app, "complaint").await?;
            app.screenshot("small-complaint").await;
            Ok(())
        })
    })
    .await;
}

async fn assert_no_sideways_scroll(app: &App, view: &str) -> Outcome {
    let widths = app
        .client()
        .execute(
            "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]",
            vec![],
        )
        .await?;
    let (scroll, client) = (widths[0].as_i64(), widths[1].as_i64());
    assert!(
        scroll <= client,
        "{view}: the page is {scroll:?} wide in a {client:?} window"
    );
    Ok(())
}
