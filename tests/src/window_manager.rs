//! A window manager, for the tests that close the window as an owner does
//! (with its close button): only a window manager delivers that request.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct WindowManager {
    openbox: Child,
}

impl WindowManager {
    /// Starts openbox on the tests' display and waits until it manages windows.
    pub fn start() -> Result<WindowManager, String> {
        let openbox = Command::new("openbox")
            .arg("--sm-disable")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|error| {
                format!("openbox did not start ({error}); scripts/test.sh installs it")
            })?;
        let manager = WindowManager { openbox };
        let deadline = Instant::now() + Duration::from_secs(10);
        while !wmctrl(&["-m"]) {
            if Instant::now() > deadline {
                return Err("openbox did not take charge of the display within 10 s".into());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Ok(manager)
    }

    /// Asks the window titled `title` to close, as its close button would.
    pub fn close(&self, title: &str) -> Result<(), String> {
        if wmctrl(&["-c", title]) {
            Ok(())
        } else {
            Err(format!("no window titled {title:?} to close"))
        }
    }

    /// Whether a window titled `title` is on screen.
    pub fn shows(&self, title: &str) -> bool {
        Command::new("wmctrl")
            .arg("-l")
            .output()
            .map(|out| {
                String::from_utf8_lossy(&out.stdout)
                    .lines()
                    .any(|line| line.ends_with(title))
            })
            .unwrap_or(false)
    }
}

fn wmctrl(args: &[&str]) -> bool {
    Command::new("wmctrl")
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|status| status.success())
}

impl Drop for WindowManager {
    fn drop(&mut self) {
        let _ = self.openbox.kill();
        let _ = self.openbox.wait();
    }
}
