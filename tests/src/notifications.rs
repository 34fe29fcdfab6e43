//! Watches the session bus for the notifications the app really sends:
//! every `org.freedesktop.Notifications.Notify` call, seen by `dbus-monitor`.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notification {
    pub app_name: String,
    pub title: String,
    pub body: String,
}

pub struct NotificationWatcher {
    monitor: Child,
    seen: Arc<Mutex<Vec<Notification>>>,
}

const MATCH_RULE: &str =
    "type='method_call',interface='org.freedesktop.Notifications',member='Notify'";

impl NotificationWatcher {
    /// Starts watching; every line seen on the bus is also written to `log`.
    pub fn start(log: std::path::PathBuf) -> Result<NotificationWatcher, String> {
        let mut log = std::fs::File::create(&log)
            .map_err(|e| format!("cannot write {}: {e}", log.display()))?;
        let mut monitor = Command::new("dbus-monitor")
            .args(["--session", MATCH_RULE])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| {
                format!("cannot start dbus-monitor ({e}); the test command installs it")
            })?;
        let stdout = monitor.stdout.take().ok_or("dbus-monitor gave no output")?;
        let seen = Arc::new(Mutex::new(Vec::new()));
        let (ready_tx, ready_rx) = std::sync::mpsc::channel();
        let sink = seen.clone();
        std::thread::spawn(move || {
            let mut lines = BufReader::new(stdout)
                .lines()
                .map_while(Result::ok)
                .inspect(move |line| {
                    let _ = writeln!(log, "{line}");
                });
            // dbus-monitor says hello (NameAcquired) once it is listening.
            if lines.next().is_some() {
                let _ = ready_tx.send(());
            }
            parse_notify_calls(lines, |notification| {
                sink.lock()
                    .unwrap_or_else(|p| p.into_inner())
                    .push(notification)
            });
        });
        ready_rx
            .recv_timeout(Duration::from_secs(10))
            .map_err(|_| "dbus-monitor did not start listening on the session bus")?;
        Ok(NotificationWatcher { monitor, seen })
    }

    /// Every notification seen so far.
    pub fn seen(&self) -> Vec<Notification> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner()).clone()
    }

    /// Waits for a notification whose title or body contains `text`.
    pub async fn wait_for(&self, text: &str, timeout: Duration) -> Result<Notification, String> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(found) = self.seen().into_iter().find(|n| n.mentions(text)) {
                return Ok(found);
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "no notification mentioning {text:?} within {timeout:?}; seen: {:?}",
                    self.seen()
                ));
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
}

impl Notification {
    pub fn mentions(&self, text: &str) -> bool {
        self.title.contains(text) || self.body.contains(text)
    }
}

impl Drop for NotificationWatcher {
    fn drop(&mut self) {
        let _ = self.monitor.kill();
        let _ = self.monitor.wait();
    }
}

/// Reads dbus-monitor's text: a `method call … member=Notify` line, then the
/// arguments, one per line indented by three spaces. The first four top-level
/// strings are, in order: app name, icon, title (summary), body. A call is
/// reported as soon as its body is read, not when the next message arrives.
fn parse_notify_calls(lines: impl Iterator<Item = String>, mut found: impl FnMut(Notification)) {
    let mut strings: Option<Vec<String>> = None;
    let mut open_string: Option<String> = None;
    for line in lines {
        let complete = if let Some(partial) = open_string.as_mut() {
            partial.push('\n');
            partial.push_str(&line);
            if !line.ends_with('"') {
                continue;
            }
            open_string.take().map(|mut text| {
                text.pop();
                text
            })
        } else if !line.starts_with(' ') {
            let is_notify = line.starts_with("method call") && line.contains("member=Notify");
            strings = is_notify.then(Vec::new);
            None
        } else if let Some(rest) = line.strip_prefix("   string \"") {
            match rest.strip_suffix('"') {
                Some(text) => Some(text.to_owned()),
                None => {
                    open_string = Some(rest.to_owned());
                    None
                }
            }
        } else {
            None
        };
        if let (Some(list), Some(text)) = (strings.as_mut(), complete) {
            list.push(text);
            if list.len() == 4 {
                let [app_name, _icon, title, body] =
                    <[String; 4]>::try_from(std::mem::take(list)).unwrap_or_default();
                found(Notification {
                    app_name,
                    title,
                    body,
                });
                strings = None;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn notify_calls_are_read_from_dbus_monitor_output() {
        let output = r#"signal time=1.0 sender=org.freedesktop.DBus -> destination=:1.5 serial=2 path=/org/freedesktop/DBus; interface=org.freedesktop.DBus; member=NameAcquired
   string ":1.5"
method call time=2.0 sender=:1.7 -> destination=org.freedesktop.Notifications serial=9 path=/org/freedesktop/Notifications; interface=org.freedesktop.Notifications; member=Notify
   string "mend"
   uint32 0
   string ""
   string "Call Ana back"
   string "Ana Lima: cake
arrived squashed"
   array [
      dict entry(
         string "urgency"
         variant             byte 1
      )
   ]
   int32 -1
"#;
        let mut found = Vec::new();
        parse_notify_calls(output.lines().map(String::from), |n| found.push(n));
        // The last call must be reported even when nothing follows it.
        let cut = &output[..output.find("   array [").unwrap()];
        let mut found_early = Vec::new();
        parse_notify_calls(cut.lines().map(String::from), |n| found_early.push(n));
        assert_eq!(found_early, found);
        assert_eq!(
            found,
            [Notification {
                app_name: "mend".into(),
                title: "Call Ana back".into(),
                body: "Ana Lima: cake\narrived squashed".into(),
            }]
        );
    }
}
