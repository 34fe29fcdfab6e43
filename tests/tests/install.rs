//! Mend as an owner gets it: the `.deb` that `scripts/package.sh` makes
//! (here of the debug build, which the other tests drive), installed with
//! `apt-get install ./….deb` so that apt resolves what it needs, started as
//! its menu entry says, showing the owner's complaints on Today, then
//! removed. The owner's data folder is the same, byte for byte, before and
//! after the install, and after the removal.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

use mend_e2e::{bakery, run_with, APP_BINARY};

const PACKAGE: &str = "mend";

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A command run as root: apt-get needs it (with `sudo` when not root).
fn as_root(program: &str, args: &[&str]) -> Command {
    let root = run(Command::new("id").arg("-u")).trim() == "0";
    let mut command = if root {
        Command::new(program)
    } else {
        let mut sudo = Command::new("sudo");
        sudo.arg("-n").arg(program);
        sudo
    };
    command.args(args).env("DEBIAN_FRONTEND", "noninteractive");
    command
}

/// Runs `command` to its end; what it said, or a failure with what it said.
fn run(command: &mut Command) -> String {
    let output = command
        .output()
        .unwrap_or_else(|error| panic!("{command:?} could not start: {error}"));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "{command:?} failed:\n{said}");
    said
}

fn installed() -> bool {
    Command::new("dpkg-query")
        .args(["-W", "-f=${Status}", PACKAGE])
        .output()
        .map(|output| String::from_utf8_lossy(&output.stdout).contains("install ok installed"))
        .unwrap_or(false)
}

/// Removes the package however the test ends.
struct Removed;

impl Drop for Removed {
    fn drop(&mut self) {
        if installed() {
            let _ = as_root("apt-get", &["remove", "-y", "-q", PACKAGE]).status();
        }
    }
}

/// Every file under `folder`, with its bytes.
fn contents(folder: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut files = BTreeMap::new();
    let mut waiting = vec![folder.to_owned()];
    while let Some(dir) = waiting.pop() {
        for entry in std::fs::read_dir(&dir).expect("a readable folder") {
            let path = entry.expect("an entry").path();
            if path.is_dir() {
                waiting.push(path);
            } else {
                let bytes = std::fs::read(&path).expect("a readable file");
                files.insert(path.strip_prefix(folder).unwrap().to_owned(), bytes);
            }
        }
    }
    files
}

/// The package of this version, named as Tauri's bundler names it.
fn package(folder: &Path, name: &str) -> PathBuf {
    let path = folder.join(name);
    assert!(path.is_file(), "{} was not made", path.display());
    path
}

#[tokio::test]
async fn the_deb_installs_starts_from_its_menu_entry_and_is_removed_leaving_the_data() {
    // A Mend installed on this machine is someone's: never replaced or removed.
    assert!(
        !installed(),
        "a Mend package is installed on this computer already; this test installs \
         and removes one, so it runs only where none is (remove it, or run the test elsewhere)"
    );
    run(Command::new("bash")
        .arg(repo().join("scripts/package.sh"))
        .arg("--debug")
        .current_dir(repo())
        .env_remove("CARGO_TARGET_DIR"));
    let bundles = repo().join("target/debug/bundle");
    let version = env!("CARGO_PKG_VERSION");
    let deb = package(&bundles.join("deb"), &format!("Mend_{version}_amd64.deb"));
    let rpm = package(
        &bundles.join("rpm"),
        &format!("Mend-{version}-1.x86_64.rpm"),
    );
    let requires = run(Command::new("rpm").arg("-qpR").arg(&rpm));
    for library in [
        "libwebkit2gtk-4.1.so.0",
        "libgtk-3.so.0",
        "libayatana-appindicator3.so.1",
    ] {
        assert!(
            requires.contains(library),
            "the .rpm does not require {library}:\n{requires}"
        );
    }

    // What the package holds and asks for.
    let depends = run(Command::new("dpkg-deb")
        .args(["-f"])
        .arg(&deb)
        .arg("Depends"));
    for library in [
        "libwebkit2gtk-4.1-0",
        "libgtk-3-0",
        "libayatana-appindicator3-1",
    ] {
        assert!(depends.contains(library), "Depends: {depends}");
    }
    let listing = run(Command::new("dpkg-deb").arg("-c").arg(&deb));
    let mut expected = vec![
        "usr/bin/mend".to_string(),
        "usr/share/applications/Mend.desktop".to_string(),
        "usr/share/metainfo/app.mend.Mend.metainfo.xml".to_string(),
        "usr/share/icons/hicolor/scalable/apps/mend.svg".to_string(),
    ];
    for size in [16, 24, 32, 48, 64, 128, 256, 512] {
        expected.push(format!(
            "usr/share/icons/hicolor/{size}x{size}/apps/mend.png"
        ));
    }
    for path in &expected {
        assert!(
            listing.contains(path.as_str()),
            "{path} is not in the package:\n{listing}"
        );
    }

    let _removed = Removed;
    let home = tempfile::tempdir().expect("a home for the owner's data");
    let data = home.path().join("app.mend.Mend");
    bakery::seed(&data);
    let before = contents(&data);

    run(as_root("apt-get", &["install", "-y", "-q"]).arg(&deb));
    assert!(installed(), "dpkg does not list {PACKAGE} as installed");
    assert!(
        contents(&data) == before,
        "installing changed the owner's data folder"
    );

    // The menu entry, as the desktop reads it, and the tools that check it.
    let entry = std::fs::read_to_string("/usr/share/applications/Mend.desktop")
        .expect("the installed desktop entry");
    run(Command::new("desktop-file-validate").arg("/usr/share/applications/Mend.desktop"));
    run(Command::new("appstreamcli").args([
        "validate",
        "--no-net",
        "/usr/share/metainfo/app.mend.Mend.metainfo.xml",
    ]));
    for line in [
        "Name=Mend",
        "Icon=mend",
        "Categories=Office;",
        "Terminal=false",
    ] {
        assert!(entry.lines().any(|l| l == line), "no {line} in:\n{entry}");
    }
    let exec = entry
        .lines()
        .find_map(|line| line.strip_prefix("Exec="))
        .expect("an Exec line");
    let command = exec.split_whitespace().next().expect("a command");
    let program = run(Command::new("sh").args(["-c", &format!("command -v {command}")]));
    let program = PathBuf::from(program.trim());
    assert_eq!(program, Path::new("/usr/bin/mend"));

    let env: Vec<(&'static str, OsString)> = vec![
        (APP_BINARY, program.clone().into()),
        // The folder an owner's data is in by default, in this test's home.
        ("MEND_DATA_DIR", OsString::new()),
        ("XDG_DATA_HOME", home.path().into()),
    ];
    run_with("installed_mend", env, |app| {
        Box::pin(async move {
            app.wait_for_text("view", "Today").await?;
            app.find("today-entry").await?;
            app.click("nav-complaints").await?;
            app.wait_for_text("view", "Ana's second cake came without the topper")
                .await?;
            app.screenshot("installed").await;
            Ok(())
        })
    })
    .await;

    let used = contents(&data);
    run(&mut as_root("apt-get", &["remove", "-y", "-q", PACKAGE]));
    assert!(!installed(), "{PACKAGE} is still installed");
    assert!(!program.exists(), "{} is still there", program.display());
    assert!(
        contents(&data) == used,
        "removing Mend changed the owner's data folder"
    );
}
