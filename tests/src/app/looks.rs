//! How the window looks, measured: WCAG AA contrast of every text and badge
//! shown, checked by axe-core (fetched from npm by the test command, see
//! tests/package.json) loaded into the page; and the window's size.

use std::path::Path;

use super::{App, Failure};

const AXE: &str = "node_modules/axe-core/axe.min.js";

/// Runs axe's contrast rule on what is shown, and answers each failure.
const CHECK: &str = "
    const done = arguments[arguments.length - 1];
    axe.run(document, { runOnly: { type: 'rule', values: ['color-contrast'] }, resultTypes: ['violations'] })
      .then((result) => done(result.violations.flatMap((rule) => rule.nodes.map((node) =>
          `${node.target.join(' ')} (“${(node.html || '').replace(/<[^>]*>/g, '').trim().slice(0, 40)}”): ${node.any.map((check) => check.message).join('; ')}`))),
            (failure) => done([`axe could not run: ${failure}`]));";

impl App {
    /// Every text or badge now shown whose contrast is below WCAG AA
    /// (4.5:1, or 3:1 for large text), each in a sentence; empty when all read well.
    pub async fn contrast_problems(&self) -> Result<Vec<String>, Failure> {
        let loaded = self
            .client()
            .execute("return typeof window.axe === 'object';", vec![])
            .await?;
        if loaded != serde_json::Value::Bool(true) {
            let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(AXE);
            let source = std::fs::read_to_string(&path).map_err(|error| {
                format!(
                    "{} is missing ({error}); the test command fetches it from npm",
                    path.display()
                )
            })?;
            self.client().execute(&source, vec![]).await?;
        }
        let found = self.client().execute_async(CHECK, vec![]).await?;
        Ok(serde_json::from_value(found)?)
    }

    /// Makes the window `width` × `height` CSS pixels, as an owner would by
    /// dragging its corner.
    pub async fn resize(&self, width: u32, height: u32) -> Result<(), Failure> {
        self.client().set_window_size(width, height).await?;
        Ok(())
    }
}
