// No console window behind Mend on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    if std::env::args()
        .skip(1)
        .any(|arg| arg == "--version" || arg == "-V")
    {
        println!("Mend {}", env!("CARGO_PKG_VERSION"));
        return;
    }
    mend_app::run();
}
