//! The end-to-end harness: runs the real Mend binary under `tauri-driver`,
//! one test at a time, each with its own empty data folder, and saves a
//! screenshot of the window when a test ends, passed or failed.

mod app;
pub mod bakery;
mod bus;
mod driver;
pub mod journey;
pub mod keyboard;
mod notifications;
mod window_manager;

use std::ffi::OsString;
use std::future::Future;
use std::panic::AssertUnwindSafe;
use std::pin::Pin;
use std::sync::Mutex;
use std::time::Duration;

use futures_util::FutureExt;

pub use app::{app_binary, App, APP_BINARY, KEEP_WELCOME};
pub use bus::EmptyBus;
pub use notifications::{Notification, NotificationWatcher};
pub use window_manager::WindowManager;

/// What a scenario returns: `?` works on WebDriver errors and on our own.
pub type Outcome = Result<(), Box<dyn std::error::Error + Send + Sync>>;

const LAUNCH_LIMIT: Duration = Duration::from_secs(120);
const SCENARIO_LIMIT: Duration = Duration::from_secs(180);
const CLEANUP_LIMIT: Duration = Duration::from_secs(15);

/// One Mend at a time: the tests share one display and one session bus.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Starts Mend, runs `scenario` against it, then always saves a screenshot,
/// closes the app and stops the driver, whether the scenario passed or not.
pub async fn run<F>(name: &str, scenario: F)
where
    F: for<'a> FnOnce(&'a mut App) -> Pin<Box<dyn Future<Output = Outcome> + 'a>>,
{
    run_with(name, Vec::new(), scenario).await
}

/// Like `run`, with extra environment variables for the app.
// Each test has its own runtime on its own thread; the lock is meant to be
// held across the whole scenario, awaits included, so tests take turns.
#[allow(clippy::await_holding_lock)]
pub async fn run_with<F>(name: &str, env: Vec<(&'static str, OsString)>, scenario: F)
where
    F: for<'a> FnOnce(&'a mut App) -> Pin<Box<dyn Future<Output = Outcome> + 'a>>,
{
    let _turn = ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    require_desktop_session();
    let launching = tokio::time::timeout(LAUNCH_LIMIT, App::launch(name, env)).await;
    let mut app = match launching {
        Ok(Ok(app)) => app,
        Ok(Err(error)) => panic!("{name}: Mend could not be started under WebDriver: {error}"),
        Err(_) => panic!("{name}: Mend did not start under WebDriver within {LAUNCH_LIMIT:?}"),
    };
    let guarded = AssertUnwindSafe(scenario(&mut app)).catch_unwind();
    // A WebDriver call can wait forever on a stuck page: fail instead.
    let outcome = match tokio::time::timeout(SCENARIO_LIMIT, guarded).await {
        Ok(outcome) => outcome,
        Err(_) => Ok(Err(
            format!("did not finish within {SCENARIO_LIMIT:?}").into()
        )),
    };
    let passed = matches!(outcome, Ok(Ok(())));
    let label = if passed { "passed" } else { "failed" };
    let _ = tokio::time::timeout(CLEANUP_LIMIT, app.screenshot(label)).await;
    let _ = tokio::time::timeout(CLEANUP_LIMIT, app.close()).await;
    match outcome {
        Ok(Ok(())) => {}
        Ok(Err(error)) => panic!("{name} failed: {error}"),
        Err(panic) => std::panic::resume_unwind(panic),
    }
}

fn require_desktop_session() {
    for variable in ["DISPLAY", "DBUS_SESSION_BUS_ADDRESS"] {
        assert!(
            std::env::var_os(variable).is_some_and(|v| !v.is_empty()),
            "{variable} is not set: the end-to-end tests need a display and a session bus. \
             Run them with scripts/test.sh, which provides both."
        );
    }
}

/// A second Mend beside the scenario's own, as on another computer: a data
/// folder and a session bus of its own (one Mend per session bus answers
/// the single-instance check). The scenario closes it with `App::close`.
pub async fn another_computer(
    name: &str,
    bus: &EmptyBus,
) -> Result<App, Box<dyn std::error::Error + Send + Sync>> {
    let env = vec![("DBUS_SESSION_BUS_ADDRESS", OsString::from(&bus.address))];
    match tokio::time::timeout(LAUNCH_LIMIT, App::launch(name, env)).await {
        Ok(launched) => launched,
        Err(_) => Err(format!("{name}: Mend did not start within {LAUNCH_LIMIT:?}").into()),
    }
}

/// The automatic backups in `data_dir` now, by name.
pub fn backups_in(data_dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(data_dir.join("backups"))
        .map(|files| {
            files
                .flatten()
                .map(|file| file.file_name().to_string_lossy().into_owned())
                .filter(|name| name.ends_with(".sqlite3"))
                .collect()
        })
        .unwrap_or_default()
}

/// Waits (bounded) until Mend has made an automatic backup in `data_dir`
/// that is not one of `before` (it makes one a moment after it starts, once
/// it has checked the file).
pub async fn wait_for_a_new_backup(
    data_dir: &std::path::Path,
    before: &[String],
) -> Result<(), String> {
    for _ in 0..300 {
        if backups_in(data_dir)
            .iter()
            .any(|name| !before.contains(name))
        {
            return Ok(());
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    Err(format!(
        "no new automatic backup in {} within 30 s",
        data_dir.join("backups").display()
    ))
}
