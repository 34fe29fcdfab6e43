//! Settings: business and owner name, message templates, the owner's lists
//! (categories, causes), and
//! checking that reminders will reach the owner.

use mend_core::journey::Step;
use mend_core::store::lists::{ListItem, ListKind};
use mend_core::store::settings::{Settings, Template};
use tauri::{AppHandle, State};

use crate::error::IpcError;
use crate::notify;
use crate::state::AppState;

pub const TEST_TITLE: &str = "Mend test notification";
pub const TEST_BODY: &str = "Your reminders from Mend will appear like this.";

#[tauri::command]
pub fn send_test_notification(app: AppHandle) -> Result<(), IpcError> {
    notify::show(&app, TEST_TITLE, TEST_BODY, notify::About::Nothing)
}

/// Whether to greet a new owner, who has not used Mend yet.
#[tauri::command]
pub fn welcome_pending(state: State<'_, AppState>) -> Result<bool, IpcError> {
    Ok(state.store()?.welcome_pending()?)
}

/// Saves the names from the welcome (both may be empty: skipped).
#[tauri::command]
pub fn finish_welcome(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, IpcError> {
    let mut store = state.store()?;
    let saved = store.save_settings(&settings)?;
    store.finish_welcome()?;
    Ok(saved)
}

/// The settings, with the system's currency beside the one chosen (if any).
#[derive(serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SettingsView {
    #[serde(flatten)]
    settings: Settings,
    /// What money is shown in when the owner has chosen no currency.
    system_currency: Option<String>,
}

impl From<Settings> for SettingsView {
    fn from(settings: Settings) -> Self {
        SettingsView {
            settings,
            system_currency: system_currency(),
        }
    }
}

#[tauri::command]
pub fn get_settings(state: State<'_, AppState>) -> Result<SettingsView, IpcError> {
    Ok(state.store()?.settings()?.into())
}

#[tauri::command]
pub fn save_settings(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<SettingsView, IpcError> {
    Ok(state.store()?.save_settings(&settings)?.into())
}

/// The currency of the system's locale (its LC_MONETARY), as the C library
/// knows it: "EUR" for pt_PT, nothing for the plain C locale.
#[cfg(target_os = "linux")]
fn system_currency() -> Option<String> {
    // SAFETY: localeconv returns the C library's own record of the locale
    // GTK set at start; its string is read at once and copied.
    let code = unsafe {
        let conventions = libc::localeconv();
        if conventions.is_null() || (*conventions).int_curr_symbol.is_null() {
            return None;
        }
        std::ffi::CStr::from_ptr((*conventions).int_curr_symbol)
            .to_string_lossy()
            .into_owned()
    };
    let code = code.trim().to_owned();
    (code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())).then_some(code)
}

#[cfg(not(target_os = "linux"))]
fn system_currency() -> Option<String> {
    None
}

#[tauri::command]
pub fn list_templates(state: State<'_, AppState>) -> Result<Vec<Template>, IpcError> {
    Ok(state.store()?.templates()?)
}

#[tauri::command]
pub fn save_template(
    state: State<'_, AppState>,
    step: Step,
    body: String,
) -> Result<Template, IpcError> {
    Ok(state.store()?.save_template(step, &body)?)
}

#[tauri::command]
pub fn reset_template(state: State<'_, AppState>, step: Step) -> Result<Template, IpcError> {
    Ok(state.store()?.reset_template(step)?)
}

/// The owner's lists (categories, causes): read, add, rename, retire.
#[tauri::command]
pub fn list_items(state: State<'_, AppState>, kind: ListKind) -> Result<Vec<ListItem>, IpcError> {
    Ok(state.store()?.list_items(kind)?)
}

#[tauri::command]
pub fn add_list_item(
    state: State<'_, AppState>,
    kind: ListKind,
    name: String,
) -> Result<ListItem, IpcError> {
    Ok(state.store()?.add_list_item(kind, &name)?)
}

#[tauri::command]
pub fn rename_list_item(
    state: State<'_, AppState>,
    kind: ListKind,
    id: i64,
    name: String,
) -> Result<ListItem, IpcError> {
    Ok(state.store()?.rename_list_item(kind, id, &name)?)
}

#[tauri::command]
pub fn set_list_item_retired(
    state: State<'_, AppState>,
    kind: ListKind,
    id: i64,
    retired: bool,
) -> Result<ListItem, IpcError> {
    Ok(state.store()?.set_list_item_retired(kind, id, retired)?)
}
