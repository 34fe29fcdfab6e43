//! Working on two computers: each keeps its own data, and they hand each
//! other their changes through a folder the owner already syncs. The
//! merging is Automerge's (see the README for why that library).

mod clash;
pub mod conflicts;
mod doc;
mod engine;
mod file_contents;
pub mod folder;
mod journey;
mod placing;
mod round;
mod settings;
pub mod setup;
mod tables;

pub use engine::{HoldStore, Round, SyncSession};

#[cfg(test)]
mod conflicts_tests;
#[cfg(test)]
mod converge_tests;
#[cfg(test)]
mod files_tests;
#[cfg(test)]
mod learning_tests;
#[cfg(test)]
mod reminders_tests;
#[cfg(test)]
mod round_tests;
#[cfg(test)]
mod settings_tests;
#[cfg(test)]
mod setup_tests;
#[cfg(test)]
mod test_computers;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod upgrade_tests;
