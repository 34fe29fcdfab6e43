//! The background work (reminders, sync, housekeeping) runs on threads of
//! its own, each sleeping between rounds. A `Wake` ends a sleep early: the
//! reminder scheduler's after a change to the reminders, sync's after sync
//! was turned on or changed. A fault in one round (a panic) ends that
//! round, not the thread: see `unless_it_faults`.

use std::panic::AssertUnwindSafe;
use std::sync::{Condvar, Mutex};
use std::time::Duration;

#[derive(Default)]
pub struct Wake {
    rung: Mutex<bool>,
    bell: Condvar,
}

impl Wake {
    /// Ends the sleep under way, or the next one if none is.
    pub fn ring(&self) {
        *self.rung.lock().unwrap_or_else(|e| e.into_inner()) = true;
        self.bell.notify_one();
    }

    /// Sleeps `at_most`, or until rung; says whether it was rung.
    pub fn sleep(&self, at_most: Duration) -> bool {
        let rung = self.rung.lock().unwrap_or_else(|e| e.into_inner());
        let (mut rung, _) = self
            .bell
            .wait_timeout_while(rung, at_most, |rung| !*rung)
            .unwrap_or_else(|e| e.into_inner());
        std::mem::take(&mut *rung)
    }
}

/// Runs `work` on a thread named `name`; a thread that cannot be made is
/// logged (the window goes on without that work).
pub fn in_background(name: &str, work: impl FnOnce() + Send + 'static) {
    if let Err(error) = std::thread::Builder::new()
        .name(name.to_owned())
        .spawn(work)
    {
        tracing::error!(%error, thread = name, "could not start background work");
    }
}

/// Runs `work`: one round of background work, or one command; None when it
/// failed inside Mend (a panic, which the log records), so that the loop
/// goes on to its next round, and the window still gets an answer.
pub fn unless_it_faults<T>(work: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(AssertUnwindSafe(work)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::time::Instant;

    #[test]
    fn a_ring_before_the_sleep_is_kept_for_it() {
        let wake = Wake::default();
        wake.ring();
        assert!(wake.sleep(Duration::from_secs(30)));
        assert!(!wake.sleep(Duration::from_millis(1)), "a ring is used once");
    }

    #[test]
    fn a_ring_ends_a_sleep_under_way() {
        let wake = Arc::new(Wake::default());
        let ringer = wake.clone();
        let started = Instant::now();
        let rung = std::thread::spawn(move || ringer.sleep(Duration::from_secs(60)));
        std::thread::sleep(Duration::from_millis(50));
        wake.ring();
        assert!(rung.join().unwrap());
        assert!(started.elapsed() < Duration::from_secs(60));
    }

    #[test]
    fn a_round_that_fails_inside_is_none_and_the_next_runs() {
        assert_eq!(unless_it_faults(|| -> u8 { panic!("a fault") }), None);
        assert_eq!(unless_it_faults(|| 7), Some(7));
    }

    #[test]
    fn unrung_it_sleeps_the_whole_time() {
        let wake = Wake::default();
        let started = Instant::now();
        assert!(!wake.sleep(Duration::from_millis(30)));
        assert!(started.elapsed() >= Duration::from_millis(30));
    }
}
