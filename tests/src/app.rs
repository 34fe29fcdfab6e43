//! A running Mend, driven through WebDriver: find things by `data-testid`,
//! type, click, read what the owner sees, restart on the same data.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use hyper_util::client::legacy::connect::HttpConnector;
use tempfile::TempDir;

use crate::driver::Driver;

mod looks;
mod seams;
use crate::notifications::NotificationWatcher;

/// Set in a scenario's environment to keep the welcome of a new Mend open.
pub const KEEP_WELCOME: &str = "MEND_E2E_KEEP_WELCOME";
/// Set in a scenario's environment to drive another `mend` than the debug
/// build (the one a package installed).
pub const APP_BINARY: &str = "MEND_E2E_APP";

/// How long to wait for the UI to show something before failing.
pub const PATIENCE: Duration = Duration::from_secs(15);

/// How long one attempt to open a WebDriver session (and the app) may take.
const SESSION_START: Duration = Duration::from_secs(30);
/// Tries at a session before giving up (waiting 2, 4, 6, 8 s between them).
const SESSION_ATTEMPTS: u64 = 5;
/// How many times a click is tried on an element drawn anew meanwhile.
const STALE_TRIES: usize = 3;

pub struct App {
    name: String,
    /// The `mend` driven: the debug build unless `APP_BINARY` says otherwise.
    binary: PathBuf,
    client: Option<Client>,
    notifications: NotificationWatcher,
    // Dropped after the client: the driver stops the app, then the folder goes.
    driver: Driver,
    data_dir: TempDir,
    /// Where the app's file dialogs take their answers (debug builds only).
    dialogs: TempDir,
    /// What the app was started with, for starting a second copy the same way.
    env: Vec<(String, OsString)>,
    /// Files the app is started with (none unless a test opens them with it).
    files: Vec<String>,
}

type Failure = Box<dyn std::error::Error + Send + Sync>;

impl App {
    pub(crate) async fn launch(
        name: &str,
        extra_env: Vec<(&'static str, OsString)>,
    ) -> Result<App, Failure> {
        let binary = extra_env
            .iter()
            .find(|(key, _)| *key == APP_BINARY)
            .map(|(_, path)| PathBuf::from(path))
            .unwrap_or_else(app_binary);
        if !binary.is_file() {
            return Err(format!(
                "{} does not exist: build the app first (cargo build -p mend), \
                 as scripts/test.sh does",
                binary.display()
            )
            .into());
        }
        std::fs::create_dir_all(artifacts_dir())?;
        let data_dir = tempfile::Builder::new().prefix("mend-e2e-").tempdir()?;
        let dialogs = tempfile::Builder::new()
            .prefix("mend-e2e-dialogs-")
            .tempdir()?;
        let notifications =
            NotificationWatcher::start(artifacts_dir().join(format!("{name}.bus.log")))?;
        eprintln!("{name}: watching the session bus");
        let mut env: Vec<(&str, OsString)> = vec![
            ("MEND_DATA_DIR", data_dir.path().into()),
            // WebKitGTK's DMA-BUF renderer shows a blank window under Xvfb.
            ("WEBKIT_DISABLE_DMABUF_RENDERER", "1".into()),
            ("MEND_TEST_DIALOGS", dialogs.path().into()),
        ];
        env.extend(extra_env);
        let driver = Driver::start(&env, artifacts_dir().join(format!("{name}.driver.log")))?;
        eprintln!("{name}: tauri-driver is listening");
        let mut app = App {
            name: name.into(),
            binary,
            client: None,
            notifications,
            driver,
            data_dir,
            dialogs,
            env: env
                .iter()
                .map(|(key, value)| (key.to_string(), value.clone()))
                .collect(),
            files: Vec::new(),
        };
        app.open_window().await?;
        Ok(app)
    }

    /// The empty data folder made for this test (unless the test gave the app
    /// its own `MEND_DATA_DIR` through `run_with`).
    pub fn data_dir(&self) -> &Path {
        self.data_dir.path()
    }

    pub fn notifications(&self) -> &NotificationWatcher {
        &self.notifications
    }

    /// Quits Mend and starts it again on the same data folder.
    pub async fn restart(&mut self) -> Result<(), Failure> {
        self.restart_after(Duration::ZERO).await
    }

    /// Starts Mend a second time, as an owner double-clicking it would, and
    /// waits (bounded) for that second copy to end; returns whether it did.
    pub async fn start_second_copy(&self) -> Result<bool, Failure> {
        self.open_with_mend(&[]).await
    }

    /// Opens files with Mend, as a file manager's "Open with Mend" does (and
    /// as dropping them on the window does: the same way in): Mend is started
    /// again with them, and hands them to the Mend already running.
    pub async fn open_with_mend(&self, files: &[&Path]) -> Result<bool, Failure> {
        let mut second = tokio::process::Command::new(&self.binary)
            .args(files)
            .envs(self.env.iter().map(|(key, value)| (key, value)))
            .kill_on_drop(true)
            .spawn()?;
        match tokio::time::timeout(Duration::from_secs(20), second.wait()).await {
            Ok(status) => Ok(status?.success()),
            Err(_) => Ok(false),
        }
    }

    /// Quits Mend and starts it by opening files with it, as a file
    /// manager's "Open with Mend" does when Mend is not running.
    pub async fn restart_opening(&mut self, files: &[&Path]) -> Result<(), Failure> {
        self.files = files
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        let restarted = self.restart().await;
        self.files.clear();
        restarted
    }

    /// Closes the app, does `while_closed` (to its files, say), then starts it again.
    pub async fn restart_with(&mut self, while_closed: impl FnOnce()) -> Result<(), Failure> {
        if let Some(client) = self.client.take() {
            client.close().await?;
        }
        while_closed();
        self.open_window().await
    }

    /// Closes the app, waits `pause` with it closed, then starts it again.
    pub async fn restart_after(&mut self, pause: Duration) -> Result<(), Failure> {
        if let Some(client) = self.client.take() {
            client.close().await?;
        }
        tokio::time::sleep(pause).await;
        self.open_window().await
    }

    async fn open_window(&mut self) -> Result<(), Failure> {
        let mut capabilities = serde_json::Map::new();
        capabilities.insert(
            "tauri:options".into(),
            serde_json::json!({ "application": self.binary, "args": self.files }),
        );
        let url = format!("http://127.0.0.1:{}", self.driver.port);
        // The first session after a driver starts is sometimes dropped (the
        // first of a whole run most of all, while WebKit's driver warms up),
        // and then the request can hang: bound each attempt, and try again,
        // waiting a little longer each time.
        let mut attempt = 0;
        let client = loop {
            attempt += 1;
            let mut builder = ClientBuilder::new(HttpConnector::new());
            builder.capabilities(capabilities.clone());
            let connecting = builder.connect(&url);
            let failure = match tokio::time::timeout(SESSION_START, connecting).await {
                Ok(Ok(client)) => break client,
                Ok(Err(error)) => error.to_string(),
                Err(_) => format!("no answer within {SESSION_START:?}"),
            };
            eprintln!(
                "{}: WebDriver session attempt {attempt} failed: {failure}",
                self.name
            );
            if attempt == SESSION_ATTEMPTS {
                let log = artifacts_dir().join(format!("{}.driver.log", self.name));
                let said = std::fs::read_to_string(&log).unwrap_or_default();
                let last: Vec<&str> = said.lines().rev().take(20).collect();
                return Err(format!(
                    "no WebDriver session after {SESSION_ATTEMPTS} attempts: {failure}\n\
                     the drivers' last words ({}):\n{}",
                    log.display(),
                    last.into_iter().rev().collect::<Vec<_>>().join("\n")
                )
                .into());
            }
            tokio::time::sleep(Duration::from_secs(2 * attempt)).await;
        };
        eprintln!("{}: WebDriver session open", self.name);
        self.client = Some(client);
        // The UI is ready once a view has been drawn into the main area.
        self.wait_for_css(
            "[data-testid='view'] > *, [data-testid='startup-problem']:not([hidden])",
        )
        .await?;
        // A Mend never used greets its owner first; the scenarios about
        // something else answer "Skip for now", as an owner in a hurry would.
        if !self.env.iter().any(|(key, _)| key == KEEP_WELCOME) {
            self.skip_welcome().await?;
        }
        Ok(())
    }

    pub fn client(&self) -> &Client {
        self.client.as_ref().expect("the app window is open")
    }

    pub async fn find(&self, test_id: &str) -> Result<Element, Failure> {
        self.wait_for_css(&selector(test_id)).await
    }

    pub async fn find_all(&self, test_id: &str) -> Result<Vec<Element>, Failure> {
        Ok(self
            .client()
            .find_all(Locator::Css(&selector(test_id)))
            .await?)
    }

    async fn wait_for_css(&self, css: &str) -> Result<Element, Failure> {
        let found = self
            .client()
            .wait()
            .at_most(PATIENCE)
            .for_element(Locator::Css(css))
            .await;
        found.map_err(|error| format!("{css} did not appear within {PATIENCE:?}: {error}").into())
    }

    /// Clicks an element, as the owner would. A view drawn anew between
    /// finding the element and clicking it (changes coming in from another
    /// computer) is looked at again: a person clicks what is there now.
    pub async fn click(&self, test_id: &str) -> Result<(), Failure> {
        for _ in 1..STALE_TRIES {
            match self.find(test_id).await?.click().await {
                Err(error) if error.is_stale_element_reference() || error.is_no_such_element() => {
                    tokio::time::sleep(Duration::from_millis(100)).await;
                }
                clicked => return Ok(clicked?),
            }
        }
        Ok(self.find(test_id).await?.click().await?)
    }

    /// Types `text` into a field, as the owner would: first scrolled to the
    /// middle of the view, as a person brings a field into sight (at the
    /// very edge a window's sticky buttons may cover it).
    pub async fn type_into(&self, test_id: &str, text: &str) -> Result<(), Failure> {
        let field = self.find(test_id).await?;
        self.client()
            .execute(
                "arguments[0].scrollIntoView({ block: 'center' });",
                vec![serde_json::to_value(&field)?],
            )
            .await?;
        field.clear().await?;
        // WebDriver refuses to send no keys at all; an empty field is cleared.
        if !text.is_empty() {
            field.send_keys(text).await?;
        }
        Ok(())
    }

    /// Puts `text` into a field as a paste would. WebKitWebDriver cannot type
    /// characters beyond the BMP (emoji), so tests of such text use this.
    pub async fn paste_into(&self, test_id: &str, text: &str) -> Result<(), Failure> {
        let field = self.find(test_id).await?;
        let script = "arguments[0].value = arguments[1];
                      arguments[0].dispatchEvent(new Event('input', { bubbles: true }));";
        let args = vec![serde_json::to_value(&field)?, text.into()];
        self.client().execute(script, args).await?;
        Ok(())
    }

    /// Picks the option the owner reads as `label` in a <select>.
    pub async fn choose_label(&self, test_id: &str, label: &str) -> Result<(), Failure> {
        let field = self.find(test_id).await?;
        let script = "const select = arguments[0];
                      const option = [...select.options].find((o) => o.textContent.trim() === arguments[1]);
                      if (!option) return [...select.options].map((o) => o.textContent.trim());
                      select.value = option.value;
                      select.dispatchEvent(new Event('change', { bubbles: true }));
                      return true;";
        let args = vec![serde_json::to_value(&field)?, label.into()];
        let found = self.client().execute(script, args).await?;
        if found != serde_json::Value::Bool(true) {
            return Err(format!("{test_id} offers no {label:?}; it offers {found}").into());
        }
        Ok(())
    }

    /// Picks the option with `value` in a <select>, as the owner would.
    pub async fn choose(&self, test_id: &str, value: &str) -> Result<(), Failure> {
        let field = self.find(test_id).await?;
        let script = "const select = arguments[0];
                      if (![...select.options].some((o) => o.value === arguments[1])) return false;
                      select.value = arguments[1];
                      select.dispatchEvent(new Event('change', { bubbles: true }));
                      return true;";
        let args = vec![serde_json::to_value(&field)?, value.into()];
        let found = self.client().execute(script, args).await?;
        if found != serde_json::Value::Bool(true) {
            return Err(format!("{test_id} has no option {value:?}").into());
        }
        Ok(())
    }

    /// The test id of the element that has the keyboard focus ("" if none).
    pub async fn focused(&self) -> Result<String, Failure> {
        let found = self
            .client()
            .execute(
                "return document.activeElement?.dataset?.testid ?? '';",
                vec![],
            )
            .await?;
        Ok(found.as_str().unwrap_or_default().to_owned())
    }

    /// What a field holds (its value, not its visible text).
    pub async fn value(&self, test_id: &str) -> Result<String, Failure> {
        Ok(self
            .find(test_id)
            .await?
            .prop("value")
            .await?
            .unwrap_or_default())
    }

    /// Waits until a field holds a value containing `expected`; returns it.
    pub async fn wait_for_value(&self, test_id: &str, expected: &str) -> Result<String, Failure> {
        let deadline = Instant::now() + PATIENCE;
        let mut last = String::new();
        while Instant::now() < deadline {
            last = self.value(test_id).await.unwrap_or_default();
            if last.contains(expected) {
                return Ok(last);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(
            format!("{test_id} did not hold {expected:?} within {PATIENCE:?}; it held {last:?}")
                .into(),
        )
    }

    /// Calls an app command from the page, as the UI does, for the few
    /// checks no button leads to (a command refusing what the UI never
    /// sends). A refusal comes back as an error holding the owner's message.
    pub async fn invoke(
        &self,
        command: &str,
        args: serde_json::Value,
    ) -> Result<serde_json::Value, Failure> {
        let script = "const done = arguments[2];
                      window.__TAURI__.core.invoke(arguments[0], arguments[1])
                        .then((answer) => done({ answer }), (e) => done({ error: e.message }));";
        let reply = self
            .client()
            .execute_async(script, vec![command.into(), args])
            .await?;
        if let Some(error) = reply.get("error") {
            return Err(format!(
                "{command} was refused: {}",
                error.as_str().unwrap_or_default()
            )
            .into());
        }
        Ok(reply["answer"].clone())
    }

    /// The text the owner sees in an element (empty when it is hidden).
    pub async fn text(&self, test_id: &str) -> Result<String, Failure> {
        Ok(self.find(test_id).await?.text().await?)
    }

    /// Waits until an element shows text containing `expected`; returns it all.
    pub async fn wait_for_text(&self, test_id: &str, expected: &str) -> Result<String, Failure> {
        let deadline = Instant::now() + PATIENCE;
        let mut last = String::new();
        while Instant::now() < deadline {
            if let Ok(element) = self.client().find(Locator::Css(&selector(test_id))).await {
                last = element.text().await.unwrap_or_default();
                if last.contains(expected) {
                    return Ok(last);
                }
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(
            format!("{test_id} did not show {expected:?} within {PATIENCE:?}; it showed {last:?}")
                .into(),
        )
    }

    /// Waits until exactly `count` elements carry this test id (a list
    /// narrowed by a search or a filter, say).
    pub async fn wait_for_count(&self, test_id: &str, count: usize) -> Result<(), Failure> {
        let deadline = Instant::now() + PATIENCE;
        loop {
            let found = self.find_all(test_id).await?.len();
            if found == count {
                return Ok(());
            }
            if Instant::now() > deadline {
                return Err(
                    format!("{test_id}: {found} shown, not {count}, within {PATIENCE:?}").into(),
                );
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// Texts of every element with this test id, in page order. A list
    /// drawn anew while it is read (changes coming in) is read again.
    pub async fn texts(&self, test_id: &str) -> Result<Vec<String>, Failure> {
        let mut tries = 0;
        'reading: loop {
            tries += 1;
            let mut texts = Vec::new();
            for element in self.find_all(test_id).await? {
                match element.text().await {
                    Ok(text) => texts.push(text),
                    Err(_) if tries < 5 => {
                        tokio::time::sleep(Duration::from_millis(100)).await;
                        continue 'reading;
                    }
                    Err(error) => return Err(error.into()),
                }
            }
            return Ok(texts);
        }
    }

    /// Saves what the window shows as `target/screenshots/<test>-<label>.png`.
    pub async fn screenshot(&self, label: &str) {
        let Some(client) = &self.client else { return };
        let path = artifacts_dir().join(format!("{}-{label}.png", self.name));
        // Under Xvfb, WebKit draws a frame only when something changes, and a
        // screenshot waits for the next frame: a still page (no blinking caret)
        // would make it wait forever. Keep frames coming while it is taken.
        let _ = client.execute(KEEP_DRAWING, vec![]).await;
        let shot = client.screenshot().await;
        let _ = client.execute(STOP_DRAWING, vec![]).await;
        match shot {
            Ok(png) => {
                if let Err(error) = std::fs::write(&path, png) {
                    eprintln!("could not save {}: {error}", path.display());
                }
            }
            Err(error) => eprintln!("could not take a screenshot for {}: {error}", self.name),
        }
    }

    /// Closes the window and the app (the scenario's own is closed for it).
    pub async fn close(mut self) {
        if let Some(client) = self.client.take() {
            let _ = client.close().await;
        }
    }
}

/// A one-pixel, all but invisible element that changes every 50 ms.
const KEEP_DRAWING: &str = "
    const pixel = document.createElement('div');
    pixel.id = 'e2e-keep-drawing';
    Object.assign(pixel.style, { position: 'fixed', left: '0', top: '0', width: '1px',
        height: '1px', opacity: '0.01', pointerEvents: 'none' });
    document.body.append(pixel);
    window.e2eKeepDrawing = setInterval(() => {
        pixel.style.opacity = pixel.style.opacity === '0.01' ? '0.02' : '0.01';
    }, 50);";

const STOP_DRAWING: &str = "
    clearInterval(window.e2eKeepDrawing);
    document.getElementById('e2e-keep-drawing')?.remove();";

fn selector(test_id: &str) -> String {
    format!("[data-testid='{test_id}']")
}

fn target_dir() -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../target"))
}

/// The debug build of Mend that the tests drive, which the test command
/// builds first.
pub fn app_binary() -> PathBuf {
    target_dir().join("debug/mend")
}

/// Screenshots and driver logs from the run.
fn artifacts_dir() -> PathBuf {
    target_dir().join("screenshots")
}
