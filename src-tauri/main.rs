//! The Kortisto desktop app's entry point; everything else lives in the library.
// No console window on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    kortisto_app::run();
}
