//! How the window looks, measured: the WCAG 2.1 AA rules (contrast of every
//! text and badge shown among them), checked by axe-core (fetched from npm by
//! the test command, see tests/package.json) loaded into the page; and the
//! window's size.

use std::path::Path;

use super::{App, Failure};

const AXE: &str = "node_modules/axe-core/axe.min.js";

/// Runs axe's WCAG 2.1 A and AA rules on what is shown, and answers each
/// serious or critical failure (contrast among them), in a sentence.
const CHECK: &str = "
    const done = arguments[arguments.length - 1];
    axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] })
      .then((result) => done(result.violations
          .filter((rule) => rule.impact === 'serious' || rule.impact === 'critical')
          .flatMap((rule) => rule.nodes.map((node) =>
            `${rule.id}: ${node.target.join(' ')} (“${(node.html || '').replace(/<[^>]*>/g, '').trim().slice(0, 40)}”): ${[...node.any, ...node.all, ...node.none].map((check) => check.message).join('; ')}`))),
            (failure) => done([`axe could not run: ${failure}`]));";

impl App {
    /// Every serious or critical WCAG 2.1 AA problem in what is shown (a
    /// text or badge whose contrast is below 4.5:1, or 3:1 for large text;
    /// a control without a name; ...), each in a sentence; empty when none.
    pub async fn accessibility_problems(&self) -> Result<Vec<String>, Failure> {
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
