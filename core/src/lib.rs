//! mend-core: everything Mend knows and decides, with no Tauri in sight.
//! The desktop shell calls into this crate; tests call it directly.

pub mod clock;
mod dates;
pub mod db;
pub mod error;
pub mod generate;
pub mod journey;
pub mod kinds;
pub mod patterns;
pub mod progress;
pub mod reminders;
pub mod store;
pub mod sync;
mod text;

pub use clock::{Clock, FixedClock, SystemClock};
pub use error::{Error, Result};
pub use store::Store;
