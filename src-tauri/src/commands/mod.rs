//! The commands the UI may call, one file per area. Each only adapts:
//! it takes the state, calls the core, and returns the answer.

pub mod app;
pub mod complaints;
pub mod customers;
pub mod journey;
pub mod settings;
