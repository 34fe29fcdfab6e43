//! A private session bus with no services on it: no notification server can
//! be started there, as on a desktop that has none.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

const CONFIG: &str = r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <type>session</type>
  <listen>unix:tmpdir=/tmp</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow send_destination="*" eavesdrop="true"/>
    <allow eavesdrop="true"/>
    <allow own="*"/>
  </policy>
</busconfig>
"#;

pub struct EmptyBus {
    daemon: Child,
    _config: tempfile::NamedTempFile,
    pub address: String,
}

impl EmptyBus {
    pub fn start() -> Result<EmptyBus, String> {
        let config = tempfile::NamedTempFile::new().map_err(|e| e.to_string())?;
        std::fs::write(config.path(), CONFIG).map_err(|e| e.to_string())?;
        let mut daemon = Command::new("dbus-daemon")
            .arg(format!("--config-file={}", config.path().display()))
            .args(["--nofork", "--print-address=1"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| format!("cannot start dbus-daemon ({e})"))?;
        let stdout = daemon.stdout.take().ok_or("dbus-daemon gave no output")?;
        let mut address = String::new();
        BufReader::new(stdout)
            .read_line(&mut address)
            .map_err(|e| e.to_string())?;
        let address = address.trim().to_owned();
        if address.is_empty() {
            return Err("dbus-daemon did not say where it listens".into());
        }
        Ok(EmptyBus {
            daemon,
            _config: config,
            address,
        })
    }
}

impl Drop for EmptyBus {
    fn drop(&mut self) {
        let _ = self.daemon.kill();
        let _ = self.daemon.wait();
    }
}
