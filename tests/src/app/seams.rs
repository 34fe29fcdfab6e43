//! The two places where a scenario stands in for the owner beyond the
//! window: answering the native file dialogs (through the debug build's
//! seam) and skipping the welcome of a new Mend.

use std::path::Path;
use std::time::{Duration, Instant};

use super::{App, Failure, PATIENCE};

impl App {
    /// Answers the next file dialog the app opens with `path`, as the owner
    /// would pick it (`None`: the owner cancels it).
    pub fn answer_next_dialog(&self, path: Option<&Path>) -> Result<(), Failure> {
        let answer = path
            .map(|path| path.display().to_string())
            .unwrap_or_default();
        std::fs::write(self.dialogs.path().join("answer"), answer)?;
        Ok(())
    }

    /// Keeps the next file dialogs open, as an owner still choosing, until
    /// `let_dialogs_answer`.
    pub fn hold_dialogs(&self) -> Result<(), Failure> {
        std::fs::write(self.dialogs.path().join("hold"), "")?;
        Ok(())
    }

    /// The owner has chosen: the dialog held open takes its answer.
    pub fn let_dialogs_answer(&self) -> Result<(), Failure> {
        std::fs::remove_file(self.dialogs.path().join("hold"))?;
        Ok(())
    }

    /// Answers the next file dialog with several files, as the owner picks
    /// them together (where the dialog allows several).
    pub fn answer_next_dialog_with(&self, paths: &[&Path]) -> Result<(), Failure> {
        let answer: Vec<String> = paths
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        std::fs::write(self.dialogs.path().join("answer"), answer.join("\n"))?;
        Ok(())
    }

    /// What Mend handed to the owner's own programs (their mail program, or
    /// the program for a file), one line each, when the test stands in for
    /// them (`MEND_TEST_OPENER` set to `folder`).
    pub fn opened_in(folder: &Path) -> Vec<String> {
        std::fs::read_to_string(folder.join("opened"))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Every file dialog the app opened, one line each: "save: <title> ...".
    pub fn dialogs_asked(&self) -> Vec<String> {
        std::fs::read_to_string(self.dialogs.path().join("asked"))
            .unwrap_or_default()
            .lines()
            .map(str::to_owned)
            .collect()
    }

    /// Waits until the app has opened `count` file dialogs in all; returns them.
    pub async fn wait_for_dialogs(&self, count: usize) -> Result<Vec<String>, Failure> {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            let asked = self.dialogs_asked();
            if asked.len() >= count {
                return Ok(asked);
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Err(format!(
            "the app opened {:?} file dialogs, not {count}, within {PATIENCE:?}",
            self.dialogs_asked()
        )
        .into())
    }

    /// Presses "Skip for now" when the welcome is due (it opens just after
    /// the first view: while Mend says it is due, it is waited for).
    pub(super) async fn skip_welcome(&self) -> Result<(), Failure> {
        let deadline = Instant::now() + PATIENCE;
        while Instant::now() < deadline {
            let open = self
                .client()
                .execute(
                    "return document.getElementById('welcome')?.open === true;",
                    vec![],
                )
                .await?;
            if open == serde_json::Value::Bool(true) {
                self.click("welcome-skip").await?;
                // Closed once the skip is saved.
                while Instant::now() < deadline {
                    let still = self
                        .client()
                        .execute("return document.getElementById('welcome').open;", vec![])
                        .await?;
                    if still != serde_json::Value::Bool(true) {
                        return Ok(());
                    }
                    tokio::time::sleep(Duration::from_millis(50)).await;
                }
                return Err("the welcome did not close after Skip for now".into());
            }
            let pending = self.invoke("welcome_pending", serde_json::json!({})).await;
            if !matches!(pending, Ok(serde_json::Value::Bool(true))) {
                return Ok(());
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Ok(())
    }
}
