//! What the app holds while it runs: where its data is, and the store, or
//! the reason the store could not be opened (shown to the owner at start).

use std::ops::{Deref, DerefMut};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, MutexGuard};

use mend_core::store::import_csv::Sheet;
use mend_core::store::recovery::can_recover;
use mend_core::{Store, SystemClock};
use tauri::{AppHandle, Manager};

use crate::error::IpcError;
use crate::wake::Wake;

/// Tests (and owners who want their data elsewhere) set this to a folder.
const DATA_DIR_VARIABLE: &str = "MEND_DATA_DIR";

/// A file the owner picked, numbered.
pub struct Picked<T> {
    number: u64,
    value: T,
}

/// Why the store is not open, and whether starting again (from the latest
/// backup, or empty) can mend it; the core decides which problems can.
#[derive(Debug, Clone)]
pub struct Unopened {
    pub problem: IpcError,
    pub recoverable: bool,
}

impl From<mend_core::Error> for Unopened {
    fn from(error: mend_core::Error) -> Self {
        Unopened {
            recoverable: can_recover(&error),
            problem: error.into(),
        }
    }
}

pub struct AppState {
    pub data_dir: Result<PathBuf, IpcError>,
    /// The store, or why it could not be opened; replaced after a restore
    /// or a recovery.
    store: Mutex<Result<Store, Unopened>>,
    /// Wakes the reminder scheduler after a change to the reminders.
    pub wake: Arc<Wake>,
    /// The backup file the owner picked, until they confirm the restore.
    pub picked_backup: Mutex<Option<Picked<PathBuf>>>,
    /// The spreadsheet the owner picked, read, until they import it.
    pub picked_sheet: Mutex<Option<Picked<Sheet>>>,
    /// Files dropped on the window or opened with Mend, by number, until
    /// the page takes them in (several can come at once).
    handed_in: Mutex<std::collections::BTreeMap<u64, Vec<PathBuf>>>,
    /// Numbers each pick, so a step names the pick it follows.
    picks: std::sync::atomic::AtomicU64,
    /// Why desktop notifications failed, and whether the owner was told:
    /// they are told once while Mend runs, not at every reminder.
    notifications_problem: Mutex<(Option<String>, bool)>,
    /// The housekeeping (the check and the backups) reads the data file
    /// while holding this for reading; a restore or a recovery, which swap
    /// the file, hold it for writing.
    pub housekeeping: std::sync::RwLock<()>,
    /// A problem the housekeeping found (damage, a failed backup): told once.
    housekeeping_problem: Mutex<Option<String>>,
    /// The import, export, backup or restore the owner started, one at a time.
    pub long_work: crate::long_work::LongWork,
    /// The shared folder the owner picked, until they turn sync on with it.
    pub picked_sync_folder: Mutex<Option<Picked<PathBuf>>>,
    /// Sync with the other computers, while it is on (see `syncing`).
    pub syncing: crate::syncing::Syncing,
}

impl AppState {
    pub fn open(data_dir: Result<PathBuf, IpcError>) -> Self {
        let store = match &data_dir {
            Ok(dir) => Store::open_in(dir, Arc::new(SystemClock)).map_err(Unopened::from),
            Err(problem) => Err(Unopened {
                problem: problem.clone(),
                recoverable: false,
            }),
        };
        match &store {
            Ok(_) => tracing::info!(data_dir = ?data_dir, "opened Mend's data"),
            Err(error) => {
                tracing::error!(data_dir = ?data_dir, %error.problem.message, "cannot open data")
            }
        }
        AppState {
            data_dir,
            store: Mutex::new(store),
            wake: Default::default(),
            picked_backup: Mutex::new(None),
            picked_sheet: Mutex::new(None),
            handed_in: Mutex::new(std::collections::BTreeMap::new()),
            picks: std::sync::atomic::AtomicU64::new(1),
            notifications_problem: Mutex::new((None, false)),
            housekeeping: std::sync::RwLock::new(()),
            housekeeping_problem: Mutex::new(None),
            long_work: Default::default(),
            picked_sync_folder: Mutex::new(None),
            syncing: Default::default(),
        }
    }

    /// The store, or the reason it could not be opened.
    pub fn store(&self) -> Result<StoreGuard<'_>, IpcError> {
        let slot = self.slot();
        match &*slot {
            Ok(_) => Ok(StoreGuard {
                slot,
                wake: &self.wake,
            }),
            Err(unopened) => Err(unopened.problem.clone()),
        }
    }

    /// Hands the store (or why there is none) to `change`, which gives back
    /// the one to carry on with; the lock is held throughout, so nothing
    /// else reads or writes meanwhile.
    pub fn swap_store<T>(
        &self,
        change: impl FnOnce(Result<Store, Unopened>) -> (Result<Store, Unopened>, T),
    ) -> T {
        let mut slot = self.slot();
        // Only ever seen by a command that comes meanwhile: not logged here.
        let busy = Err(Unopened {
            problem: IpcError {
                code: "busy",
                message: "Mend is putting your data in place; please wait.".into(),
                fields: Vec::new(),
            },
            recoverable: false,
        });
        let (mut next, answer) = change(std::mem::replace(&mut *slot, busy));
        let changed = next
            .as_mut()
            .is_ok_and(|store| store.take_reminders_changed());
        *slot = next;
        if changed {
            self.wake.ring();
        }
        answer
    }

    fn slot(&self) -> MutexGuard<'_, Result<Store, Unopened>> {
        // A panic while holding the lock cannot leave SQLite half-written
        // (transactions roll back), so the store is still safe to use.
        self.store
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    pub fn notifications_failed(&self, message: String) {
        tracing::warn!(%message, "a desktop notification could not be shown");
        let mut problem = self
            .notifications_problem
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if !problem.1 {
            problem.0 = Some(message);
        }
    }

    /// Keeps a problem the housekeeping found; false when one is kept
    /// already (the owner is told of one at a time, once).
    pub fn housekeeping_problem(&self, message: String) -> bool {
        let mut kept = self
            .housekeeping_problem
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        if kept.is_some() {
            return false;
        }
        *kept = Some(message);
        true
    }

    /// The problem the housekeeping found, if any.
    pub fn housekeeping_found(&self) -> Option<String> {
        self.housekeeping_problem
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }

    /// Why notifications are not reaching the owner, the first time only.
    pub fn take_notifications_problem(&self) -> Option<String> {
        let mut problem = self
            .notifications_problem
            .lock()
            .unwrap_or_else(|e| e.into_inner());
        let message = problem.0.take();
        if message.is_some() {
            problem.1 = true;
        }
        message
    }

    /// Keeps what the owner picked in a file dialog for the step that
    /// follows (None forgets the last pick); answers the pick's number.
    pub fn keep<T>(&self, slot: &Mutex<Option<Picked<T>>>, value: Option<T>) -> u64 {
        let number = self
            .picks
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        *slot.lock().unwrap_or_else(|e| e.into_inner()) =
            value.map(|value| Picked { number, value });
        number
    }

    /// What the owner picked with the pick numbered `number`; None when
    /// that is not the last pick (the page shows an older one).
    pub fn picked<T: Clone>(slot: &Mutex<Option<Picked<T>>>, number: u64) -> Option<T> {
        let kept = slot.lock().unwrap_or_else(|e| e.into_inner());
        kept.as_ref()
            .filter(|picked| picked.number == number)
            .map(|picked| picked.value.clone())
    }

    /// Keeps files handed in until the page takes them; answers their number.
    pub fn hand_in(&self, paths: Vec<PathBuf>) -> u64 {
        let number = self
            .picks
            .fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        self.handed_in_files().insert(number, paths);
        number
    }

    /// The files handed in with `number`, once: None when already taken.
    pub fn take_handed_in(&self, number: u64) -> Option<Vec<PathBuf>> {
        self.handed_in_files().remove(&number)
    }

    /// The numbers of the files handed in and not taken yet, the oldest first.
    pub fn handed_in_waiting(&self) -> Vec<u64> {
        self.handed_in_files().keys().copied().collect()
    }

    fn handed_in_files(&self) -> MutexGuard<'_, std::collections::BTreeMap<u64, Vec<PathBuf>>> {
        self.handed_in.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Why the store could not be opened, if it could not.
    pub fn problem(&self) -> Option<Unopened> {
        self.slot().as_ref().err().cloned()
    }
}

/// The store, held locked; made only when the store is there. Letting go
/// of it is the one place that wakes the reminder scheduler: whenever a
/// write in the core changed reminders, whichever command made it.
pub struct StoreGuard<'a> {
    slot: MutexGuard<'a, Result<Store, Unopened>>,
    wake: &'a Wake,
}

impl Deref for StoreGuard<'_> {
    type Target = Store;

    fn deref(&self) -> &Store {
        match &*self.slot {
            Ok(store) => store,
            Err(_) => unreachable!("a StoreGuard is only made over an open store"),
        }
    }
}

impl DerefMut for StoreGuard<'_> {
    fn deref_mut(&mut self) -> &mut Store {
        match &mut *self.slot {
            Ok(store) => store,
            Err(_) => unreachable!("a StoreGuard is only made over an open store"),
        }
    }
}

impl Drop for StoreGuard<'_> {
    fn drop(&mut self) {
        if let Ok(store) = &mut *self.slot {
            if store.take_reminders_changed() {
                self.wake.ring();
            }
        }
    }
}

/// `MEND_DATA_DIR` when set, otherwise the OS's app data folder.
pub fn data_dir(app: &AppHandle) -> Result<PathBuf, IpcError> {
    match std::env::var_os(DATA_DIR_VARIABLE) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => app.path().app_data_dir().map_err(|error| {
            IpcError::new(
                "no_data_folder",
                format!("Mend could not find a folder to keep its data in ({error})."),
            )
        }),
    }
}
