//! The keyboard, as a person without a mouse uses it: keys pressed to
//! whatever has the focus, and Tab until the part wanted has it.

use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;

use crate::{App, Outcome};

/// Presses keys in the focused part of the window, as the owner would.
pub async fn press(app: &App, keys: &str) -> Outcome {
    app.client().active_element().await?.send_keys(keys).await?;
    Ok(())
}

/// Presses one key, as the keyboard does: to whatever has the focus (not
/// to an element, which WebDriver would focus again first).
pub async fn key(app: &App, key: Key) -> Outcome {
    type_keys(app, &char::from(key).to_string()).await
}

/// Types `text` key by key, as the keyboard does, into whatever has the
/// focus and wherever the focus goes (Tab moves through a date's parts).
pub async fn type_keys(app: &App, text: &str) -> Outcome {
    let mut actions = KeyActions::new("keyboard".into());
    for value in text.chars() {
        actions = actions
            .then(KeyAction::Down { value })
            .then(KeyAction::Up { value });
    }
    app.client().perform_actions(actions).await?;
    Ok(())
}

/// Presses Tab until the part called `test_id` has the focus, as a person
/// without a mouse moves through the window; fails when it never does.
pub async fn tab_to(app: &App, test_id: &str) -> Outcome {
    let mut seen = Vec::new();
    for _ in 0..150 {
        let now = app.focused().await?;
        if now == test_id {
            return Ok(());
        }
        seen.push(now);
        key(app, Key::Tab).await?;
    }
    Err(format!(
        "Tab never reached {test_id}, only {:?}",
        &seen[..40.min(seen.len())]
    )
    .into())
}
