//! Settings: for now, checking that reminders will reach the owner.

use tauri::AppHandle;

use crate::error::IpcError;
use crate::notify;

pub const TEST_TITLE: &str = "Mend test notification";
pub const TEST_BODY: &str = "Your reminders from Mend will appear like this.";

#[tauri::command]
pub async fn send_test_notification(app: AppHandle) -> Result<(), IpcError> {
    notify::show(&app, TEST_TITLE, TEST_BODY).await
}
