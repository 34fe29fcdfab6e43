//! Customers: the list with search, one customer's page, editing details.

use mend_core::store::customers::{CustomerInput, CustomerPage, CustomerSummary};
use mend_core::store::rows::Customer;
use tauri::State;

use crate::error::IpcError;
use crate::state::AppState;

#[tauri::command(async)]
pub fn list_customers(
    state: State<'_, AppState>,
    search: String,
    offset: u32,
    limit: u32,
) -> Result<Vec<CustomerSummary>, IpcError> {
    Ok(state.store()?.list_customers(&search, offset, limit)?)
}

#[tauri::command(async)]
pub fn get_customer(state: State<'_, AppState>, id: i64) -> Result<CustomerPage, IpcError> {
    Ok(state.store()?.customer(id)?)
}

#[tauri::command(async)]
pub fn update_customer(
    state: State<'_, AppState>,
    id: i64,
    customer: CustomerInput,
) -> Result<Customer, IpcError> {
    Ok(state.store()?.update_customer(id, &customer)?)
}
