//! Mend as a desktop app: keyboard shortcuts, every view usable in the
//! smallest window it allows (1024×700) without sideways scrolling, the
//! system's themes and interface font.

use fantoccini::key::Key;
use mend_e2e::journey::{new_complaint, Intake};
use mend_e2e::keyboard::press;
use mend_e2e::{run, run_with, App, Outcome};

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
                ("nav-today", "today-list"),
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

/// The page's background colour, as "rgb(r, g, b)".
async fn background(app: &App) -> Result<String, Box<dyn std::error::Error + Send + Sync>> {
    let colour = app
        .client()
        .execute(
            "return getComputedStyle(document.body).backgroundColor",
            vec![],
        )
        .await?;
    Ok(colour.as_str().unwrap_or_default().to_owned())
}

/// Mean of the red, green and blue parts of "rgb(r, g, b)".
fn lightness(colour: &str) -> u32 {
    let parts: Vec<u32> = colour
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .take(3)
        .filter_map(|part| part.trim().parse().ok())
        .collect();
    parts.iter().sum::<u32>() / parts.len().max(1) as u32
}

/// The width of the same words in Mend's font (its heading's) and in
/// others, the system's interface font (CSS `system-ui`) first.
const WIDTHS_IN_FONTS: &str = "
    const words = 'Nothing needs you right now: every promise is on track.';
    const width = (family) => {
        const span = document.createElement('span');
        span.textContent = words;
        Object.assign(span.style, { fontFamily: family, position: 'absolute', whiteSpace: 'nowrap' });
        document.body.append(span);
        const wide = span.getBoundingClientRect().width;
        span.remove();
        return wide;
    };
    const mends = getComputedStyle(document.querySelector('#view h1')).fontFamily;
    return [width(mends), width('system-ui'), width('monospace')];";

#[tokio::test]
async fn words_are_in_the_systems_interface_font() {
    run("interface_font", |app| {
        Box::pin(async move {
            app.find("today-empty").await?;
            let widths = app.client().execute(WIDTHS_IN_FONTS, vec![]).await?;
            let [mends, system, monospace] =
                [0, 1, 2].map(|at| widths[at].as_f64().unwrap_or_default());
            assert!(mends > 0.0, "the words were measured: {widths}");
            assert_ne!(system, monospace, "the measure tells fonts apart: {widths}");
            assert_eq!(
                mends, system,
                "Mend's words are in the system's interface font"
            );

            // On Linux it is named, as the app reads it from the system
            // (asking for system-ui there made the first layout slower).
            let family = app.invoke("app_status", serde_json::json!({})).await?["interfaceFont"]
                .as_str()
                .map(str::to_owned)
                .ok_or("the app names the system's interface font")?;
            let asked = app
                .client()
                .execute(
                    "return getComputedStyle(document.documentElement).getPropertyValue('--font');",
                    vec![],
                )
                .await?;
            assert_eq!(
                asked.as_str().unwrap_or_default().trim(),
                format!("\"{family}\", sans-serif"),
                "the page asks for the font by its name"
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn the_light_theme_is_used_when_the_system_is_light() {
    run_with(
        "light_theme",
        vec![("GTK_THEME", "Adwaita".into())],
        |app| {
            Box::pin(async move {
                app.find("today-empty").await?;
                let colour = background(app).await?;
                assert!(lightness(&colour) > 200, "light background, got {colour}");
                Ok(())
            })
        },
    )
    .await;
}

#[tokio::test]
async fn the_dark_theme_follows_a_dark_system() {
    run_with(
        "dark_theme",
        vec![("GTK_THEME", "Adwaita:dark".into())],
        |app| {
            Box::pin(async move {
                new_complaint(app, &Intake::default()).await?;
                let colour = background(app).await?;
                assert!(lightness(&colour) < 60, "dark background, got {colour}");
                app.screenshot("complaint-dark").await;
                Ok(())
            })
        },
    )
    .await;
}

#[tokio::test]
async fn starting_mend_again_hands_over_to_the_open_window() {
    run("single_instance", |app| {
        Box::pin(async move {
            new_complaint(app, &Intake::default()).await?;
            let ended = app.start_second_copy().await?;
            assert!(ended, "the second Mend ended at once, leaving the first");
            app.click("nav-complaints").await?;
            app.wait_for_text("complaint-list", "The wedding cake arrived squashed")
                .await?;
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn start_at_login_adds_and_removes_mend_from_the_login_items() {
    let home = tempfile::tempdir().expect("a home folder for the test");
    let autostart = home.path().join(".config/autostart");
    run_with(
        "start_at_login",
        vec![("HOME", home.path().into())],
        |app| {
            let autostart = autostart.clone();
            Box::pin(async move {
                app.click("nav-settings").await?;
                app.click("start-at-login").await?;
                app.wait_for_text("desktop-saved", "Saved").await?;
                let entries: Vec<_> = std::fs::read_dir(&autostart)?.collect::<Result<_, _>>()?;
                assert_eq!(
                    entries.len(),
                    1,
                    "one login item in {}",
                    autostart.display()
                );
                let item = std::fs::read_to_string(entries[0].path())?;
                assert!(item.contains("Exec="), "{item}");

                app.restart().await?;
                app.click("nav-settings").await?;
                let login = app.find("start-at-login").await?;
                assert!(login.is_selected().await?, "the choice is kept");
                login.click().await?;
                app.wait_for_text("desktop-saved", "Saved").await?;
                assert_eq!(std::fs::read_dir(&autostart)?.count(), 0, "removed again");
                Ok(())
            })
        },
    )
    .await;
}

#[tokio::test]
async fn closing_the_window_keeps_mend_running_in_the_tray_when_asked() {
    run("keep_running_in_tray", |app| {
        Box::pin(async move {
            let manager = mend_e2e::WindowManager::start()?;
            app.click("nav-settings").await?;
            app.click("keep-in-tray").await?;
            app.wait_for_text("desktop-saved", "Saved").await?;

            manager.close("Mend")?;
            let told = app
                .notifications()
                .wait_for("Mend is still running", std::time::Duration::from_secs(15))
                .await?;
            assert!(told.body.contains("Quit Mend"), "{}", told.body);
            assert!(!manager.shows("Mend"), "the window is hidden");

            // Starting Mend again brings the same window back, still running.
            assert!(app.start_second_copy().await?);
            for _ in 0..50 {
                if manager.shows("Mend") {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert!(manager.shows("Mend"), "the window is back");
            app.wait_for_text("data-folder", "mend-e2e").await?;

            // The owner is told only the first time.
            manager.close("Mend")?;
            tokio::time::sleep(std::time::Duration::from_secs(2)).await;
            let told_again = app
                .notifications()
                .seen()
                .iter()
                .filter(|n| n.title == "Mend is still running")
                .count();
            assert_eq!(told_again, 1);
            assert!(
                app.start_second_copy().await?,
                "still running after the second close"
            );
            Ok(())
        })
    })
    .await;
}

#[tokio::test]
async fn the_focus_goes_to_what_opens_and_comes_back_when_it_closes() {
    run("focus", |app| {
        Box::pin(async move {
            // A view opened: the focus is on it, to read or tab through it.
            app.click("nav-complaints").await?;
            app.find("list-search").await?;
            assert_eq!(app.focused().await?, "view");

            // The new-complaint window: the focus is in it, on the name; closed
            // with Esc, it is back on the button that opened it.
            app.click("new-complaint").await?;
            app.find("intake-form").await?;
            assert_eq!(app.focused().await?, "intake-new-customer-name");
            press(app, &char::from(Key::Escape).to_string()).await?;
            for _ in 0..50 {
                if !intake_is_open(app).await? {
                    break;
                }
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            assert_eq!(app.focused().await?, "new-complaint");

            // Saved, the focus is on the complaint's page.
            new_complaint(app, &Intake::default()).await?;
            assert_eq!(app.focused().await?, "view");
            Ok(())
        })
    })
    .await;
}
