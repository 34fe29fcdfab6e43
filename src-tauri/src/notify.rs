//! Desktop notifications: shown through the notification plugin, after making
//! sure they can actually reach the owner. A reminder's notification has
//! Open and Snooze buttons where the desktop shows buttons; what they do is
//! here too.

use mend_core::reminders::Snooze;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};
use tauri_plugin_notification::{Action, ActionPerformed, ActionType, NotificationExt};

use crate::error::IpcError;
use crate::state::AppState;

const CODE: &str = "notifications_unavailable";

/// The UI opens what this names, once Mend is in front.
pub const OPEN_EVENT: &str = "open-from-notification";

/// The buttons of a reminder about one complaint, and of a summary of several.
const ONE_REMINDER: &str = "one-reminder";
const SEVERAL_REMINDERS: &str = "several-reminders";
const OPEN: &str = "open";
const SNOOZE: &str = "snooze";

/// What a notification is about, for its buttons.
#[derive(Debug, Clone, Copy)]
pub enum About {
    /// Nothing to act on (the test notification).
    Nothing,
    /// One reminder, perhaps about a complaint.
    Reminder { id: i64, complaint_id: Option<i64> },
    /// Several reminders at once: Open shows Today.
    Reminders,
}

/// Where the UI should go when the owner presses Open.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct OpenAt {
    complaint_id: Option<i64>,
}

/// Registers the buttons and what they do; once, at start.
pub fn set_up(app: &AppHandle) {
    let notifications = app.notification();
    let types = vec![
        ActionType::builder(ONE_REMINDER)
            .actions(vec![
                Action::builder(OPEN, "Open").build(),
                Action::builder(SNOOZE, "Snooze 1 hour").build(),
            ])
            .build(),
        ActionType::builder(SEVERAL_REMINDERS)
            .actions(vec![Action::builder(OPEN, "Open Today").build()])
            .build(),
    ];
    if let Err(error) = notifications.register_action_types(types) {
        tracing::warn!(%error, "could not register the notification buttons");
    }
    let handle = app.clone();
    let _ = notifications.on_action(move |performed| act(&handle, performed));
}

/// Open brings Mend forward at the complaint (or Today); Snooze puts the
/// reminder off by an hour. A click on the notification itself opens.
fn act(app: &AppHandle, performed: &ActionPerformed) {
    let extra = performed
        .notification()
        .map(|n| n.extra().clone())
        .unwrap_or_default();
    let number = |key: &str| extra.get(key).and_then(serde_json::Value::as_i64);
    match performed.action_id() {
        SNOOZE => {
            let Some(id) = number("reminderId") else {
                return;
            };
            let state = app.state::<AppState>();
            let snoozed = state
                .store()
                .map(|mut store| store.snooze_reminder(id, &Snooze::Hour));
            match snoozed {
                Ok(Ok(_)) => {
                    tracing::info!("a reminder was snoozed from its notification");
                    let _ = app.emit(crate::scheduler::CHANGED_EVENT, ());
                }
                Ok(Err(error)) => tracing::warn!(%error, "could not snooze from a notification"),
                Err(problem) => {
                    tracing::warn!(message = %problem.message, "could not snooze from a notification")
                }
            }
        }
        OPEN | "tap" => {
            crate::tray::show_window(app);
            let _ = app.emit(
                OPEN_EVENT,
                OpenAt {
                    complaint_id: number("complaintId"),
                },
            );
        }
        _ => {}
    }
}

/// Shows a desktop notification, or says in plain words why none can be.
/// It asks the desktop first, and waits for its answer: not on the window's thread.
pub fn show(app: &AppHandle, title: &str, body: &str, about: About) -> Result<(), IpcError> {
    can_reach_the_owner()?;
    let mut builder = app.notification().builder().title(title).body(body);
    builder = match about {
        About::Nothing => builder,
        About::Reminder { id, complaint_id } => {
            let builder = builder.action_type_id(ONE_REMINDER).extra("reminderId", id);
            match complaint_id {
                Some(complaint_id) => builder.extra("complaintId", complaint_id),
                None => builder,
            }
        }
        About::Reminders => builder.action_type_id(SEVERAL_REMINDERS),
    };
    builder
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
