//! Opening the register at start-up and what the first screen may do when there is none:
//! create one, restore one from a backup with its recovery code, repair one whose manifest
//! was lost, or put a lost key back into the keychain from the recovery code. The recovery code of a new register leaves Rust only in the `created` answer,
//! once; a typed recovery code is wrapped in `RecoveryCode` as soon as it arrives.
use kortisto_core::backup::RestoreReport;
use kortisto_core::{Error, RecoveryCode, Register, RegisterStatus};
use serde::Serialize;
use tauri::State;

use crate::{AppError, AppState};

/// How start-up went.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(tag = "state", rename_all = "lowercase")]
pub enum StartupState {
    /// The data folder holds no register: the person chooses to create or restore one.
    Empty,
    /// A register was created; show the recovery code once.
    Created {
        /// The recovery code, for the write-it-down step.
        recovery_code: String,
        /// The new register.
        status: RegisterStatus,
    },
    /// A register was brought back from a backup onto this machine.
    Restored {
        /// The register.
        status: RegisterStatus,
        /// False until the first administrator exists (the UI then asks for one).
        has_users: bool,
        /// What the restore did (erasures re-applied and so on).
        report: RestoreReport,
    },
    /// An existing register was opened (or repaired).
    Opened {
        /// The register.
        status: RegisterStatus,
        /// False until the first administrator exists (the UI then asks for one).
        has_users: bool,
    },
}

fn opened(register: &Register) -> Result<StartupState, AppError> {
    Ok(StartupState::Opened {
        status: register.status()?,
        has_users: register.has_users()?,
    })
}

/// Opens the register in the data directory. An empty folder answers `empty` (nothing is
/// created until the person chooses); a database without its manifest answers
/// `manifest_missing` (the UI offers a repair). Calling it again after success answers
/// `opened` without reopening.
#[tauri::command]
pub async fn register_open(state: State<'_, AppState>) -> Result<StartupState, AppError> {
    let mut slot = state.register();
    if let Some(register) = slot.as_ref() {
        return opened(register);
    }
    if state.data_dir.is_free_for_register() {
        return Ok(StartupState::Empty);
    }
    if !state.data_dir.has_register() {
        return Err(Error::ManifestMissing {
            path: state.data_dir.path().to_path_buf(),
        }
        .into());
    }
    let register = Register::open(&state.data_dir, &state.keychain)?;
    let answer = opened(&register)?;
    *slot = Some(register);
    Ok(answer)
}

/// Creates a new register in the empty data folder and answers its recovery code, once.
#[tauri::command]
pub async fn register_create(state: State<'_, AppState>) -> Result<StartupState, AppError> {
    let mut slot = state.register();
    if slot.is_some() {
        return Err(Error::RegisterExists {
            path: state.data_dir.path().to_path_buf(),
        }
        .into());
    }
    let created = Register::create(&state.data_dir, &state.keychain, state.clock.as_ref())?;
    let status = created.register.status()?;
    *slot = Some(created.register);
    Ok(StartupState::Created {
        recovery_code: created.recovery_code.reveal().to_string(),
        status,
    })
}

/// Disaster recovery: restores the backup `file` into the empty data folder with the
/// register's recovery code; the key goes into this machine's keychain.
#[tauri::command(rename_all = "snake_case")]
pub async fn register_restore(
    state: State<'_, AppState>,
    file: String,
    recovery_code: String,
) -> Result<StartupState, AppError> {
    let code = RecoveryCode::parse(&recovery_code);
    drop(recovery_code);
    let mut slot = state.register();
    if slot.is_some() {
        return Err(Error::RegisterExists {
            path: state.data_dir.path().to_path_buf(),
        }
        .into());
    }
    let (register, report) = Register::restore_new(
        &state.data_dir,
        &state.keychain,
        std::path::Path::new(&file),
        &code,
        state.clock.as_ref(),
    )?;
    let answer = StartupState::Restored {
        status: register.status()?,
        has_users: register.has_users()?,
        report,
    };
    *slot = Some(register);
    Ok(answer)
}

/// Makes the empty data folder this machine's copy of a team register with the one-time
/// enrolment code an administrator printed (`kortisto device join` in the app): the register
/// key goes into the keychain, the hub login beside it, and the first sync brings the team's
/// data, users included, so the next step is an ordinary log-in.
#[tauri::command(rename_all = "snake_case")]
pub async fn register_join(
    state: State<'_, AppState>,
    enrolment_code: String,
) -> Result<StartupState, AppError> {
    let code = zeroize::Zeroizing::new(enrolment_code);
    let mut slot = state.register();
    if slot.is_some() {
        return Err(Error::RegisterExists {
            path: state.data_dir.path().to_path_buf(),
        }
        .into());
    }
    let (register, _report) = super::sync::off_runtime(|| {
        Register::join(
            &state.data_dir,
            &state.keychain,
            &code,
            state.clock.as_ref(),
        )
    })?;
    let answer = StartupState::Opened {
        status: register.status()?,
        has_users: register.has_users()?,
    };
    *slot = Some(register);
    Ok(answer)
}

/// Rebuilds a lost manifest beside the database still in the data folder, with the key from
/// the keychain or, when the keychain has none for it, from the typed recovery code.
#[tauri::command(rename_all = "snake_case")]
pub async fn register_repair(
    state: State<'_, AppState>,
    recovery_code: Option<String>,
) -> Result<StartupState, AppError> {
    let code = recovery_code
        .filter(|typed| !typed.trim().is_empty())
        .map(|typed| RecoveryCode::parse(&typed));
    let mut slot = state.register();
    if slot.is_some() {
        return Err(Error::RepairImpossible {
            reason: "nothing_to_repair".into(),
        }
        .into());
    }
    let register = Register::repair(
        &state.data_dir,
        &state.keychain,
        code.as_ref(),
        state.clock.as_ref(),
    )?;
    let answer = opened(&register)?;
    *slot = Some(register);
    Ok(answer)
}

/// Puts the register's key back into this machine's keychain from the typed recovery code
/// (the keychain lost it, or holds another register's key) and opens the register. A code
/// that is malformed or belongs to another register is refused and nothing changes.
#[tauri::command(rename_all = "snake_case")]
pub async fn register_recover(
    state: State<'_, AppState>,
    recovery_code: String,
) -> Result<StartupState, AppError> {
    let code = RecoveryCode::parse(&recovery_code);
    drop(recovery_code);
    let mut slot = state.register();
    if slot.is_some() {
        return Err(Error::RegisterExists {
            path: state.data_dir.path().to_path_buf(),
        }
        .into());
    }
    let register = Register::recover(&state.data_dir, &state.keychain, &code)?;
    let answer = opened(&register)?;
    *slot = Some(register);
    Ok(answer)
}

/// The open register's identity, schema, key location, size, counts and audit-tail check.
#[tauri::command]
pub async fn register_status(state: State<'_, AppState>) -> Result<RegisterStatus, AppError> {
    let slot = state.register();
    let register = slot.as_ref().ok_or_else(AppError::register_not_open)?;
    Ok(register.status()?)
}
