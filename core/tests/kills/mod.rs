//! What the tests that kill a process at random moments share: the moments.

use std::time::{SystemTime, UNIX_EPOCH};

/// A small random source for the moments of the kills; no dependency needed.
/// Seeded from the clock: each run kills at other moments (the seed is said
/// in a failure, to run that one again).
pub struct Moments {
    state: u64,
    pub seed: u64,
}

impl Moments {
    pub fn new() -> Moments {
        let seed = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap()
            .as_nanos() as u64
            | 1;
        Moments { state: seed, seed }
    }

    pub fn next_millis(&mut self, below: u64) -> u64 {
        self.state ^= self.state << 13;
        self.state ^= self.state >> 7;
        self.state ^= self.state << 17;
        self.state % below
    }
}
