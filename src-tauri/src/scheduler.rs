//! The reminder scheduler: sleeps until the next reminder falls due, or until
//! a change to the reminders wakes it, then notifies what is due, once.

use std::time::Duration;

use chrono::Utc;
use mend_core::store::reminders::{notifications_for, Reminder};
use tauri::{AppHandle, Emitter, Manager};

use crate::notify;
use crate::state::AppState;

/// The UI listens for this to refresh the count of due reminders.
pub const CHANGED_EVENT: &str = "reminders-changed";

/// A sleeping thread does not notice the laptop sleeping or its clock being
/// changed, so the scheduler looks again at least this often.
const LONGEST_SLEEP: Duration = Duration::from_secs(60);
const SHORTEST_SLEEP: Duration = Duration::from_secs(1);

pub fn start(app: AppHandle) {
    crate::wake::in_background("reminders", move || {
        let wake = app.state::<AppState>().wake.clone();
        loop {
            // A round that failed inside Mend is tried again within a minute.
            let next = crate::wake::unless_it_faults(|| notify_due(&app)).flatten();
            let wait = next
                .and_then(|at| (at - Utc::now()).to_std().ok())
                // Already due yet still to notify (it could not be marked):
                // look again shortly rather than spin.
                .unwrap_or(if next.is_some() {
                    SHORTEST_SLEEP
                } else {
                    LONGEST_SLEEP
                })
                .min(LONGEST_SLEEP);
            wake.sleep(wait);
        }
    });
}

/// Notifies every due reminder not notified yet (more than a few at once
/// become one summary), marks them notified, and says when the next is due.
fn notify_due(app: &AppHandle) -> Option<chrono::DateTime<Utc>> {
    let state = app.state::<AppState>();
    let due: Vec<Reminder> = match state.store() {
        Ok(mut store) => {
            if let Err(error) = store.retire_replaced_reminders() {
                tracing::error!(%error, "could not retire replaced reminders");
            }
            store.reminders_to_notify().unwrap_or_else(|error| {
                tracing::error!(%error, "could not read the reminders");
                Vec::new()
            })
        }
        Err(_) => return None,
    };
    if !due.is_empty() {
        let notifications = notifications_for(&due);
        // One notification per reminder has its buttons; a summary opens Today.
        let one_each = notifications.len() == due.len();
        for (index, (title, body)) in notifications.into_iter().enumerate() {
            let about = if one_each {
                notify::About::Reminder {
                    id: due[index].id,
                    complaint_id: due[index].complaint_id,
                }
            } else {
                notify::About::Reminders
            };
            if let Err(problem) = notify::show(app, &title, &body, about) {
                state.notifications_failed(problem.message);
            }
        }
        if let Ok(mut store) = state.store() {
            if let Err(error) = store.mark_notified(&due) {
                tracing::error!(%error, "could not mark reminders as notified");
            }
        }
        tracing::info!(count = due.len(), "notified due reminders");
    }
    let _ = app.emit(CHANGED_EVENT, ());
    crate::tray::show_due_count(app);
    let next = state.store().ok()?.next_reminder_at().ok()?;
    next
}
