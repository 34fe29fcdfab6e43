//! What a round came to, and how it gets at the store.

use std::ops::DerefMut;

use crate::error::Result;
use crate::store::Store;

/// What one round came to.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Round {
    /// Files taken in from the other computers.
    pub taken: usize,
    /// Files of this computer's changes written to the shared folder.
    pub given: usize,
    /// The newest format seen that this Mend does not read, if any: it
    /// stops giving its changes out until it is updated.
    pub newer_format: Option<u32>,
    /// This data is a copy (a restored backup, a copied data folder): the
    /// shared folder holds files of this computer's that it never wrote.
    /// Nothing is taken or given until the owner makes it a new computer.
    pub copy_of_another: bool,
}

impl Round {
    /// Why this computer stopped syncing, if it did: a code the window
    /// reacts to, and the words said to the owner.
    pub fn paused(&self) -> Option<(&'static str, &'static str)> {
        if self.copy_of_another {
            Some(("copy", "This computer's Mend data is a copy of another computer's (a restored backup, \
                 or a copied data folder), so it cannot sync as that computer. Make it a computer of \
                 its own to carry on: nothing here is lost."))
        } else if self.newer_format.is_some() {
            Some((
                "newer",
                "Your other computer has a newer Mend. Please update Mend on this computer: \
                 until then, what you do here is kept here and not sent to your other computers.",
            ))
        } else {
            None
        }
    }
}

/// How a round gets at the store: held only while the round reads or
/// writes it (in the app, a lock the owner's commands take too).
pub trait HoldStore {
    type Held<'a>: DerefMut<Target = Store>
    where
        Self: 'a;
    fn hold(&mut self) -> Result<Self::Held<'_>>;
}

/// A store no one else uses (tests, benchmarks): always at hand.
impl HoldStore for Store {
    type Held<'a> = &'a mut Store;
    fn hold(&mut self) -> Result<&mut Store> {
        Ok(self)
    }
}
