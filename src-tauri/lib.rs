//! The desktop shell: thin Tauri commands over kortisto-core and the state they share.
//! Commands take the state, call the core, and turn core errors into `{code, params, message}`.
#![forbid(unsafe_code)]

pub mod commands;
mod state;

pub use commands::AppError;
pub use state::AppState;

/// Registers the state and every command on a builder (the real runtime or tauri's mock).
pub fn configure<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::register::register_open,
            commands::register::register_status,
            commands::preferences::preferences_get,
            commands::preferences::preferences_set,
        ])
}

/// Starts the app with the data directory and keychain service taken from the environment.
pub fn run() {
    let state = match AppState::from_env() {
        Ok(state) => state,
        Err(error) => {
            eprintln!("{}", error.message(kortisto_core::Language::Fi));
            std::process::exit(2);
        }
    };
    configure(tauri::Builder::default(), state)
        .run(tauri::generate_context!())
        .expect("the Kortisto window could not be started");
}
