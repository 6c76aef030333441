//! Sync with the team hub from the app: the state at a glance (polled by the shell, so it
//! neither needs nor extends a session), "sync now", and the conflicts view (list, restore
//! the losing value); the 30-second background sync is in `maintenance.rs`.
use kortisto_core::sync::{SyncReport, SyncStatus};
use kortisto_core::sync_conflicts::SyncConflictView;
use tauri::State;

use crate::{AppError, AppState};

/// Synced / N changes waiting / offline since … / refused and why.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_status(state: State<'_, AppState>) -> Result<SyncStatus, AppError> {
    let slot = state.register();
    let register = slot.as_ref().ok_or_else(AppError::register_not_open)?;
    Ok(register.sync_status()?)
}

/// One sync now, as the logged-in user.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_now(state: State<'_, AppState>) -> Result<SyncReport, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| off_runtime(|| register.sync(Some(session), clock.as_ref())))
}

/// The conflicts found while merging, newest first, in words (`open_only`: those no one
/// has resolved).
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_conflicts(
    state: State<'_, AppState>,
    open_only: bool,
) -> Result<Vec<SyncConflictView>, AppError> {
    state.as_user(|register, session| register.sync_conflict_view(session, open_only))
}

/// Puts a conflict's losing value back (a new change that travels at the next sync) and
/// marks the conflict resolved. Local work only: no network.
#[tauri::command(rename_all = "snake_case")]
pub async fn sync_conflict_restore(
    state: State<'_, AppState>,
    conflict_id: String,
) -> Result<(), AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.sync_conflict_restore(session, &conflict_id, clock.as_ref())
    })
}

/// Runs hub work on a thread of its own: the PostgreSQL client drives a runtime of its own,
/// which may not be started from inside the runtime that runs the app's commands.
pub fn off_runtime<T: Send>(work: impl FnOnce() -> T + Send) -> T {
    std::thread::scope(|scope| match scope.spawn(work).join() {
        Ok(value) => value,
        Err(panic) => std::panic::resume_unwind(panic),
    })
}
