//! Desktop notifications: shown through the notification plugin, after making
//! sure they can actually reach the owner.

use tauri::AppHandle;
use tauri_plugin_notification::NotificationExt;

use crate::error::IpcError;

const CODE: &str = "notifications_unavailable";

/// Shows a desktop notification, or says in plain words why none can be.
pub async fn show(app: &AppHandle, title: &str, body: &str) -> Result<(), IpcError> {
    let checked = tauri::async_runtime::spawn_blocking(can_reach_the_owner).await;
    checked.unwrap_or_else(|_| Err(unavailable("the check itself failed")))?;
    app.notification()
        .builder()
        .title(title)
        .body(body)
        .show()
        .map_err(|error| unavailable(&error.to_string()))
}

fn unavailable(reason: &str) -> IpcError {
    IpcError::new(
        CODE,
        format!(
            "No desktop notification could be shown: {reason}. \
             Mend will still show your reminders inside the app."
        ),
    )
}

/// On Linux the plugin reports success even when no notification server is
/// running, so ask the server ourselves: it answers at once if it is there.
#[cfg(all(unix, not(target_os = "macos")))]
fn can_reach_the_owner() -> Result<(), IpcError> {
    notify_rust::get_server_information()
        .map(|_| ())
        .map_err(|_| unavailable("this desktop has no notification service running"))
}

#[cfg(not(all(unix, not(target_os = "macos"))))]
fn can_reach_the_owner() -> Result<(), IpcError> {
    Ok(())
}
