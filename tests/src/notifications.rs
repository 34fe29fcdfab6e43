//! Watches the session bus for the notifications the app really sends:
//! every `org.freedesktop.Notifications.Notify` call, seen by `dbus-monitor`,
//! with the buttons it asks for and the id the server gave it, so that a
//! test can press a button as the desktop would (`press`).

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Notification {
    pub app_name: String,
    pub title: String,
    pub body: String,
    /// The buttons, as pairs of key and label: `["open", "Open", …]`.
    pub actions: Vec<String>,
    /// The id the notification server answered with.
    pub id: Option<u32>,
    /// The serial of the Notify call, to match the server's answer.
    serial: Option<u32>,
}

pub struct NotificationWatcher {
    monitor: Child,
    seen: Arc<Mutex<Vec<Notification>>>,
}

const NOTIFY_CALLS: &str =
    "type='method_call',interface='org.freedesktop.Notifications',member='Notify'";
const SERVER_ANSWERS: &str = "type='method_return',sender='org.freedesktop.Notifications'";

impl NotificationWatcher {
    /// Starts watching; every line seen on the bus is also written to `log`.
    pub fn start(log: std::path::PathBuf) -> Result<NotificationWatcher, String> {
        let mut log = std::fs::File::create(&log)
            .map_err(|e| format!("cannot write {}: {e}", log.display()))?;
        let mut monitor = Command::new("dbus-monitor")
            .args(["--session", NOTIFY_CALLS, SERVER_ANSWERS])
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
            parse_monitor_output(lines, |event| {
                record(&mut sink.lock().unwrap_or_else(|p| p.into_inner()), event)
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
        self.wait_until(text, timeout, |_| true).await
    }

    /// Waits for a notification mentioning `text` whose id the server has
    /// answered, so that its buttons can be pressed.
    pub async fn wait_for_shown(
        &self,
        text: &str,
        timeout: Duration,
    ) -> Result<Notification, String> {
        self.wait_until(text, timeout, |n| n.id.is_some()).await
    }

    async fn wait_until(
        &self,
        text: &str,
        timeout: Duration,
        ready: impl Fn(&Notification) -> bool,
    ) -> Result<Notification, String> {
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(found) = self
                .seen()
                .into_iter()
                .find(|n| n.mentions(text) && ready(n))
            {
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

    /// Presses the button `action` of a notification, as the notification
    /// server does when the owner clicks it: the `ActionInvoked` signal.
    pub fn press(&self, notification: &Notification, action: &str) -> Result<(), String> {
        let id = notification.id.ok_or("the notification has no id yet")?;
        let status = Command::new("dbus-send")
            .args([
                "--session",
                "--type=signal",
                "/org/freedesktop/Notifications",
                "org.freedesktop.Notifications.ActionInvoked",
                &format!("uint32:{id}"),
                &format!("string:{action}"),
            ])
            .status()
            .map_err(|e| format!("cannot run dbus-send: {e}"))?;
        status
            .success()
            .then_some(())
            .ok_or_else(|| format!("dbus-send failed: {status}"))
    }
}

impl Notification {
    pub fn mentions(&self, text: &str) -> bool {
        self.title.contains(text) || self.body.contains(text)
    }

    /// The labels of its buttons, as the owner reads them.
    pub fn button_labels(&self) -> Vec<&str> {
        self.actions
            .chunks(2)
            .filter_map(|pair| pair.get(1).map(String::as_str))
            .filter(|label| !label.is_empty())
            .collect()
    }
}

impl Drop for NotificationWatcher {
    fn drop(&mut self) {
        let _ = self.monitor.kill();
        let _ = self.monitor.wait();
    }
}

/// What dbus-monitor's output tells, as it is read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Seen {
    /// A Notify call, reported as soon as its body is read.
    Call(Notification),
    /// One string of the latest call's list of buttons.
    Action(String),
    /// The server's answer to the call with `serial`: the notification's id.
    Answer { serial: u32, id: u32 },
}

fn record(seen: &mut Vec<Notification>, event: Seen) {
    match event {
        Seen::Call(notification) => seen.push(notification),
        Seen::Action(action) => {
            if let Some(last) = seen.last_mut() {
                last.actions.push(action);
            }
        }
        Seen::Answer { serial, id } => {
            if let Some(call) = seen.iter_mut().rev().find(|n| n.serial == Some(serial)) {
                call.id = Some(id);
            }
        }
    }
}

/// The number after `name=` in a dbus-monitor header line.
fn header_number(line: &str, name: &str) -> Option<u32> {
    line.split_whitespace()
        .find_map(|part| part.strip_prefix(name))
        .and_then(|value| value.trim_end_matches(';').parse().ok())
}

/// Reads dbus-monitor's text: a header line per message (`method call …
/// member=Notify`, `method return … reply_serial=N`), then its arguments,
/// one per line indented by three spaces. The first four top-level strings
/// of a Notify call are app name, icon, title (summary), body; then comes
/// the array of buttons. An answer's first argument is the id.
fn parse_monitor_output(lines: impl Iterator<Item = String>, mut found: impl FnMut(Seen)) {
    let mut strings: Option<Vec<String>> = None;
    let mut serial = None;
    let mut open_string: Option<String> = None;
    let mut in_actions = false;
    let mut answer_to: Option<u32> = None;
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
            serial = header_number(&line, "serial=");
            answer_to = line
                .starts_with("method return")
                .then(|| header_number(&line, "reply_serial="))
                .flatten();
            in_actions = false;
            None
        } else if let Some(id) = answer_to.and_then(|_| line.trim().strip_prefix("uint32 ")) {
            if let (Some(serial), Ok(id)) = (answer_to.take(), id.parse()) {
                found(Seen::Answer { serial, id });
            }
            None
        } else if in_actions {
            if line == "   ]" {
                in_actions = false;
            } else if let Some(action) = line
                .strip_prefix("      string \"")
                .and_then(|rest| rest.strip_suffix('"'))
            {
                found(Seen::Action(action.to_owned()));
            }
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
                found(Seen::Call(Notification {
                    app_name,
                    title,
                    body,
                    serial,
                    ..Notification::default()
                }));
                strings = None;
                in_actions = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUT: &str = r#"signal time=1.0 sender=org.freedesktop.DBus -> destination=:1.5 serial=2 path=/org/freedesktop/DBus; interface=org.freedesktop.DBus; member=NameAcquired
   string ":1.5"
method call time=2.0 sender=:1.7 -> destination=org.freedesktop.Notifications serial=9 path=/org/freedesktop/Notifications; interface=org.freedesktop.Notifications; member=Notify
   string "mend"
   uint32 0
   string ""
   string "Call Ana back"
   string "Ana Lima: cake
arrived squashed"
   array [
      string "open"
      string "Open"
      string "snooze"
      string "Snooze 1 hour"
   ]
   array [
      dict entry(
         string "urgency"
         variant             byte 1
      )
   ]
   int32 -1
method return time=2.1 sender=:1.3 -> destination=:1.7 serial=40 reply_serial=9
   uint32 17
"#;

    fn read(output: &str) -> Vec<Notification> {
        let mut seen = Vec::new();
        parse_monitor_output(output.lines().map(String::from), |event| {
            record(&mut seen, event)
        });
        seen
    }

    #[test]
    fn notify_calls_are_read_with_their_buttons_and_id() {
        let seen = read(OUTPUT);
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].app_name, "mend");
        assert_eq!(seen[0].title, "Call Ana back");
        assert_eq!(seen[0].body, "Ana Lima: cake\narrived squashed");
        assert_eq!(seen[0].button_labels(), ["Open", "Snooze 1 hour"]);
        assert_eq!(seen[0].id, Some(17));
    }

    #[test]
    fn a_call_is_reported_as_soon_as_its_body_is_read() {
        let cut = &OUTPUT[..OUTPUT.find("   array [").unwrap()];
        let seen = read(cut);
        assert_eq!(seen.len(), 1);
        assert_eq!(seen[0].title, "Call Ana back");
        assert!(seen[0].actions.is_empty());
        assert_eq!(seen[0].id, None);
    }
}
