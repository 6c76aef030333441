//! The person's interface preferences (language), readable before the register opens so
//! that even the error screens speak the chosen language.
use kortisto_core::Preferences;
use tauri::State;

use crate::{AppError, AppState};

/// The saved preferences, or the defaults (Finnish).
#[tauri::command]
pub async fn preferences_get(state: State<'_, AppState>) -> Result<Preferences, AppError> {
    Ok(Preferences::load(&state.data_dir))
}

/// Saves the interface language.
#[tauri::command]
pub async fn preferences_set(
    state: State<'_, AppState>,
    language: kortisto_core::Language,
) -> Result<Preferences, AppError> {
    let preferences = Preferences { language };
    preferences.save(&state.data_dir)?;
    Ok(preferences)
}
