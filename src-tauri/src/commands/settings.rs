//! Settings: business and owner name, message templates, categories, and
//! checking that reminders will reach the owner.

use mend_core::journey::Step;
use mend_core::store::categories::Category;
use mend_core::store::settings::{Settings, Template};
use tauri::{AppHandle, State};

use crate::error::IpcError;
use crate::notify;
use crate::state::AppState;

pub const TEST_TITLE: &str = "Mend test notification";
pub const TEST_BODY: &str = "Your reminders from Mend will appear like this.";

#[tauri::command]
pub async fn send_test_notification(app: AppHandle) -> Result<(), IpcError> {
    notify::show(&app, TEST_TITLE, TEST_BODY, notify::About::Nothing).await
}

/// Whether to greet a new owner, who has not used Mend yet.
#[tauri::command(async)]
pub fn welcome_pending(state: State<'_, AppState>) -> Result<bool, IpcError> {
    Ok(state.store()?.welcome_pending()?)
}

/// Saves the names from the welcome (both may be empty: skipped).
#[tauri::command(async)]
pub fn finish_welcome(
    state: State<'_, AppState>,
    settings: Settings,
) -> Result<Settings, IpcError> {
    let mut store = state.store()?;
    let saved = store.save_settings(&settings)?;
    store.finish_welcome()?;
    Ok(saved)
}

#[tauri::command(async)]
pub fn get_settings(state: State<'_, AppState>) -> Result<Settings, IpcError> {
    Ok(state.store()?.settings()?)
}

#[tauri::command(async)]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings, IpcError> {
    Ok(state.store()?.save_settings(&settings)?)
}

#[tauri::command(async)]
pub fn list_templates(state: State<'_, AppState>) -> Result<Vec<Template>, IpcError> {
    Ok(state.store()?.templates()?)
}

#[tauri::command(async)]
pub fn save_template(
    state: State<'_, AppState>,
    step: Step,
    body: String,
) -> Result<Template, IpcError> {
    Ok(state.store()?.save_template(step, &body)?)
}

#[tauri::command(async)]
pub fn reset_template(state: State<'_, AppState>, step: Step) -> Result<Template, IpcError> {
    Ok(state.store()?.reset_template(step)?)
}

#[tauri::command(async)]
pub fn list_categories(state: State<'_, AppState>) -> Result<Vec<Category>, IpcError> {
    Ok(state.store()?.categories()?)
}

#[tauri::command(async)]
pub fn add_category(state: State<'_, AppState>, name: String) -> Result<Category, IpcError> {
    Ok(state.store()?.add_category(&name)?)
}

#[tauri::command(async)]
pub fn rename_category(
    state: State<'_, AppState>,
    id: i64,
    name: String,
) -> Result<Category, IpcError> {
    Ok(state.store()?.rename_category(id, &name)?)
}

#[tauri::command(async)]
pub fn set_category_retired(
    state: State<'_, AppState>,
    id: i64,
    retired: bool,
) -> Result<Category, IpcError> {
    Ok(state.store()?.set_category_retired(id, retired)?)
}
