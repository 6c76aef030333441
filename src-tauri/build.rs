//! Build script of the desktop shell: embeds tauri.conf.json and generates the ACL.
//! Every custom command is listed in the app manifest, so that it is permission-checked
//! against `src-tauri/capabilities/` (unlisted commands would not be checked at all).

/// Every command in `src-tauri/commands/`; keep in step with `generate_handler!` in lib.rs.
const COMMANDS: &[&str] = &[
    "register_open",
    "register_status",
    "preferences_get",
    "preferences_set",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step failed");
}
