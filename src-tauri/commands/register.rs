//! Opening the register at start-up (creating it on the first run) and its status.
//! The recovery code of a new register leaves Rust only in the `created` answer, once.
use kortisto_core::{Register, RegisterStatus};
use serde::Serialize;
use tauri::State;

use crate::{AppError, AppState};

/// How start-up went.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum StartupState {
    /// First run: a register was created; show the recovery code once.
    Created {
        /// The recovery code, for the write-it-down step.
        recovery_code: String,
        /// The new register.
        status: RegisterStatus,
    },
    /// An existing register was opened.
    Opened {
        /// The register.
        status: RegisterStatus,
        /// False until the first administrator exists (the UI then asks for one).
        has_users: bool,
    },
}

/// Opens the register in the data directory, creating it when there is none yet. Calling it
/// again after success answers `opened` without reopening.
#[tauri::command]
pub async fn register_open(state: State<'_, AppState>) -> Result<StartupState, AppError> {
    let mut slot = state.register();
    if let Some(register) = slot.as_ref() {
        return Ok(StartupState::Opened {
            status: register.status()?,
            has_users: register.has_users()?,
        });
    }
    if state.data_dir.has_register() {
        let register = Register::open(&state.data_dir, &state.keychain)?;
        let status = register.status()?;
        let has_users = register.has_users()?;
        *slot = Some(register);
        Ok(StartupState::Opened { status, has_users })
    } else {
        let created = Register::create(&state.data_dir, &state.keychain, state.clock.as_ref())?;
        let status = created.register.status()?;
        *slot = Some(created.register);
        Ok(StartupState::Created {
            recovery_code: created.recovery_code.reveal().to_string(),
            status,
        })
    }
}

/// The open register's identity, schema, key location, size and counts.
#[tauri::command]
pub async fn register_status(state: State<'_, AppState>) -> Result<RegisterStatus, AppError> {
    let slot = state.register();
    let register = slot.as_ref().ok_or_else(AppError::register_not_open)?;
    Ok(register.status()?)
}
