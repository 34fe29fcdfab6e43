//! `tauri-driver`, started for one test and always stopped with everything
//! it started (WebKitWebDriver and the app), even when the test fails.

use std::ffi::OsString;
use std::fs::File;
use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command};
use std::time::{Duration, Instant};

pub struct Driver {
    child: Child,
    pub port: u16,
    /// Where tauri-driver's WebKitWebDriver listens.
    native_port: u16,
}

impl Driver {
    /// Starts a driver whose app will see `env`, logging into `log`.
    pub fn start(env: &[(&str, OsString)], log: PathBuf) -> Result<Driver, String> {
        let (port, native_port) = two_free_ports()?;
        let log = File::create(&log).map_err(|e| format!("cannot write {}: {e}", log.display()))?;
        let log_too = log.try_clone().map_err(|e| e.to_string())?;
        let child = Command::new(tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .envs(env.iter().map(|(k, v)| (k, v)))
            .stdout(log)
            .stderr(log_too)
            // Its own process group, so that stopping it stops all it started.
            .process_group(0)
            .spawn()
            .map_err(|e| {
                format!("cannot start tauri-driver ({e}); the test command installs it")
            })?;
        let mut driver = Driver {
            child,
            port,
            native_port,
        };
        driver.wait_until_listening()?;
        Ok(driver)
    }

    /// Both tauri-driver and the WebKitWebDriver behind it: a session asked
    /// of tauri-driver before the other listens is dropped unanswered.
    fn wait_until_listening(&mut self) -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        while Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!("tauri-driver exited at start ({status})"));
            }
            let listening = |port| TcpStream::connect(("127.0.0.1", port)).is_ok();
            if listening(self.port) && listening(self.native_port) {
                return Ok(());
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        Err("tauri-driver and WebKitWebDriver did not both listen within 20 s".into())
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let group = format!("-{}", self.child.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        std::thread::sleep(Duration::from_millis(300));
        let _ = Command::new("kill").args(["-KILL", "--", &group]).status();
        let _ = self.child.wait();
    }
}

/// Two ports free now, and different: both are held while the second is
/// chosen (one released first could be handed out again as the second, and
/// then tauri-driver and WebKitWebDriver would fight over it).
fn two_free_ports() -> Result<(u16, u16), String> {
    let bind = || TcpListener::bind("127.0.0.1:0").map_err(|e| e.to_string());
    let (first, second) = (bind()?, bind()?);
    let port = |listener: &TcpListener| {
        listener
            .local_addr()
            .map(|address| address.port())
            .map_err(|e| e.to_string())
    };
    Ok((port(&first)?, port(&second)?))
}

/// `tauri-driver` from the PATH, or from cargo's bin folder where
/// `cargo install` puts it.
fn tauri_driver() -> PathBuf {
    let on_path = std::env::var_os("PATH").into_iter().flat_map(|p| {
        std::env::split_paths(&p)
            .map(|dir| dir.join("tauri-driver"))
            .collect::<Vec<_>>()
    });
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
    on_path
        .chain(cargo_home.map(|home| home.join("bin/tauri-driver")))
        .find(|candidate| candidate.is_file())
        .unwrap_or_else(|| PathBuf::from("tauri-driver"))
}
