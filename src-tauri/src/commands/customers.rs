//! Customers: the list with search, one customer's page, editing details,
//! and merging the same person added twice.

use mend_core::store::customers::merge::PossibleDuplicate;
use mend_core::store::customers::{CustomerInput, CustomerPage, CustomerSummary};
use mend_core::store::rows::Customer;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command]
pub fn list_customers(
    state: State<'_, AppState>,
    search: String,
    offset: u32,
    limit: u32,
) -> Result<Vec<CustomerSummary>, IpcError> {
    Ok(state.store()?.list_customers(&search, offset, limit)?)
}

#[tauri::command]
pub fn get_customer(state: State<'_, AppState>, id: i64) -> Result<CustomerPage, IpcError> {
    Ok(state.store()?.customer(id)?)
}

#[tauri::command]
pub fn update_customer(
    state: State<'_, AppState>,
    id: i64,
    customer: CustomerInput,
) -> Result<Customer, IpcError> {
    Ok(state.store()?.update_customer(id, &customer)?)
}

/// Others who may be the same person (the same email, phone or name).
#[tauri::command]
pub fn possible_duplicates(
    state: State<'_, AppState>,
    id: i64,
) -> Result<Vec<PossibleDuplicate>, IpcError> {
    Ok(state.store()?.possible_duplicates(id)?)
}

/// The same person added twice: `merged` becomes `kept`.
#[tauri::command]
pub fn merge_customers(
    state: State<'_, AppState>,
    kept: i64,
    merged: i64,
) -> Result<Customer, IpcError> {
    Ok(state.store()?.merge_customers(kept, merged)?)
}
