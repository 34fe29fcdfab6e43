//! The commands the UI may call, one file per area. Each only adapts:
//! it takes the state, calls the core, and returns the answer.

pub mod app;
pub mod attachments;
pub mod backups;
pub mod complaints;
pub mod customers;
pub mod desktop;
pub mod email;
pub mod exports;
pub mod improvements;
pub mod journey;
pub mod known_issues;
pub mod patterns;
pub mod printing;
pub mod recovery;
pub mod reminders;
pub mod settings;
pub mod sync;
