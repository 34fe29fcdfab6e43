//! Sync while Mend runs: a round at start, whenever something changed here
//! or a new file appears in the shared folder (looked for every few
//! seconds), and every few minutes anyway. A round holds the store, as any
//! write does; the page is told when changes from elsewhere came in.

use std::sync::{Mutex, MutexGuard};
use std::time::{Duration, Instant};

use mend_core::sync::setup::{self, SyncStatus};
use mend_core::sync::{HoldStore, Round, SyncSession};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::{AppState, StoreGuard};
use crate::wake::{unless_it_faults, Wake};

/// The page listens for this to show the sync line and redraw its view.
pub const CHANGED_EVENT: &str = "sync-changed";
const AFTER_START: Duration = Duration::from_secs(1);
const LOOK_EVERY: Duration = Duration::from_secs(2);
const ROUND_EVERY: Duration = Duration::from_secs(5 * 60);
const FAILED_INSIDE: &str = "Sync stopped on a fault inside Mend. Nothing was lost; \
     Mend tries again in a few minutes, or when you choose Sync now.";

#[derive(Default)]
pub struct Syncing {
    sync: Mutex<Option<SyncSession>>,
    problem: Mutex<Option<Problem>>,
    pub wake: Wake,
}

#[derive(Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Problem {
    pub code: &'static str,
    pub message: String,
}

/// What the page shows of sync.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Shown {
    #[serde(flatten)]
    pub status: SyncStatus,
    pub problem: Option<Problem>,
}

impl Syncing {
    pub fn slot(&self) -> MutexGuard<'_, Option<SyncSession>> {
        self.sync.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub fn say(&self, problem: Option<Problem>) {
        *self.problem.lock().unwrap_or_else(|e| e.into_inner()) = problem;
    }

    pub fn problem(&self) -> Option<Problem> {
        self.problem
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

/// Picks sync up as it was left, then keeps it going.
pub fn start(app: AppHandle) {
    crate::wake::in_background("sync", move || {
        // The window comes up first: reading the shared document takes a while.
        std::thread::sleep(AFTER_START);
        let state = app.state::<AppState>();
        unless_it_faults(|| resume(&state));
        let mut last_round: Option<Instant> = None;
        let mut last_listing = Vec::new();
        loop {
            let woken = state.syncing.wake.sleep(LOOK_EVERY);
            let looked = unless_it_faults(|| {
                let listing = state
                    .syncing
                    .slot()
                    .as_ref()
                    .map(SyncSession::listing)
                    .unwrap_or_default();
                let waiting = state
                    .store()
                    .ok()
                    .and_then(|store| setup::status(&store).ok())
                    .map_or(0, |s| s.waiting);
                (listing, waiting)
            });
            let Some((listing, waiting)) = looked else {
                continue;
            };
            let due = last_round.is_none_or(|at| at.elapsed() >= ROUND_EVERY);
            // While something is wrong (a failed round, a copy, a newer
            // Mend), changes waiting here do not make a round every 2 s.
            let calm = state.syncing.problem().is_none();
            if !(woken || due || (waiting > 0 && calm) || listing != last_listing) {
                continue;
            }
            last_listing = listing;
            // Tried again in a few minutes, or sooner when asked or a file comes.
            last_round = Some(Instant::now());
            let took_in = match unless_it_faults(|| round(&app)) {
                Some(Some(round)) if round.taken > 0 => {
                    tracing::info!(
                        taken = round.taken,
                        given = round.given,
                        "took in changes from another computer"
                    );
                    true
                }
                Some(_) => false,
                None => {
                    state.syncing.say(Some(Problem {
                        code: "internal",
                        message: FAILED_INSIDE.into(),
                    }));
                    false
                }
            };
            let _ = app.emit(CHANGED_EVENT, took_in);
        }
    });
}

/// Picks sync up from the data as it is now: at start, and after a restore
/// or a recovery put other data in place (a restored backup is then found
/// to be a copy of this computer, and the owner asked).
pub fn resume(state: &AppState) {
    // The session first, as a round takes it; the store in turns: reading
    // the shared document back can take a while.
    let mut slot = state.syncing.slot();
    match setup::resume(&mut Locked(state)) {
        Ok(sync) => {
            *slot = sync;
            state.syncing.say(None);
        }
        Err(error) => {
            tracing::warn!(code = error.code(), "sync could not be picked up");
            *slot = None;
            state.syncing.say(Some(Problem {
                code: error.code(),
                message: error.to_string(),
            }));
        }
    }
    state.syncing.wake.ring();
}

/// The app's store as a round takes it: held only while the round reads or
/// writes it, so the owner's commands go on while the shared folder is read.
struct Locked<'s>(&'s AppState);

impl HoldStore for Locked<'_> {
    type Held<'a>
        = StoreGuard<'a>
    where
        Self: 'a;

    fn hold(&mut self) -> Result<StoreGuard<'_>, mend_core::Error> {
        self.0
            .store()
            .map_err(|unavailable| mend_core::Error::Refused(unavailable.message))
    }
}

/// One round now, if sync is on; what it came to. The session is held
/// throughout (one round at a time), the store only in turns.
fn round(app: &AppHandle) -> Option<Round> {
    let state = app.state::<AppState>();
    let mut slot = state.syncing.slot();
    let sync = slot.as_mut()?;
    match setup::round(sync, &mut Locked(&state)) {
        Ok(round) => {
            state
                .syncing
                .say(round.paused().map(|(code, message)| Problem {
                    code,
                    message: message.into(),
                }));
            Some(round)
        }
        Err(error) => {
            tracing::warn!(code = error.code(), "a sync round failed");
            state.syncing.say(Some(Problem {
                code: error.code(),
                message: error.to_string(),
            }));
            None
        }
    }
}

/// A round now, told to the page as any round is.
pub fn round_now(app: &AppHandle) {
    let took_in = round(app).is_some_and(|round| round.taken > 0);
    let _ = app.emit(CHANGED_EVENT, took_in);
}

/// What the page shows of sync now.
pub fn shown(state: &AppState) -> Result<Shown, crate::error::IpcError> {
    let store = state.store()?;
    Ok(Shown {
        status: setup::status(&store)?,
        problem: state.syncing.problem(),
    })
}
