//! Log-in, log-out, the first administrator and the idle lock, as the UI calls them.
//! The session lives only in the app's memory; the register audits every start and end.
use kortisto_core::auth::{IdleLock, Password, Session};
use tauri::State;

use crate::state::ActiveSession;
use crate::{AppError, AppState};

fn start_session(
    state: &AppState,
    register: &kortisto_core::Register,
    session: Session,
) -> Session {
    let idle = IdleLock::new(state.clock.now(), register.idle_lock_minutes_unchecked());
    *state.session() = Some(ActiveSession {
        session: session.clone(),
        idle,
    });
    session
}

/// Creates the register's first administrator and logs them in.
#[tauri::command(rename_all = "snake_case")]
pub async fn first_admin_create(
    state: State<'_, AppState>,
    username: String,
    display_name: String,
    password: Password,
) -> Result<Session, AppError> {
    let mut slot = state.register();
    let register = slot.as_mut().ok_or_else(AppError::register_not_open)?;
    let session =
        register.create_first_admin(&username, &display_name, &password, state.clock.as_ref())?;
    Ok(start_session(&state, register, session))
}

/// Logs a user in.
#[tauri::command(rename_all = "snake_case")]
pub async fn session_login(
    state: State<'_, AppState>,
    username: String,
    password: Password,
) -> Result<Session, AppError> {
    let mut slot = state.register();
    let register = slot.as_mut().ok_or_else(AppError::register_not_open)?;
    let session = register.login(&username, &password, state.clock.as_ref())?;
    Ok(start_session(&state, register, session))
}

/// Logs the current user out (nothing to do when nobody is logged in).
#[tauri::command(rename_all = "snake_case")]
pub async fn session_logout(state: State<'_, AppState>) -> Result<(), AppError> {
    let mut slot = state.register();
    let ended = state.session().take();
    if let (Some(register), Some(ended)) = (slot.as_mut(), ended) {
        register.logout(&ended.session, state.clock.as_ref())?;
    }
    Ok(())
}

/// The logged-in user, or `null`. Not counted as activity: the UI polls it to notice the
/// idle lock, which this call applies (and audits) when the time is up.
#[tauri::command(rename_all = "snake_case")]
pub async fn session_current(state: State<'_, AppState>) -> Result<Option<Session>, AppError> {
    let mut slot = state.register();
    let mut session_slot = state.session();
    let Some(active) = session_slot.as_ref() else {
        return Ok(None);
    };
    let mut probe = active.idle.clone();
    if probe.touch(state.clock.now()).is_ok() {
        return Ok(Some(active.session.clone()));
    }
    let ended = session_slot.take().expect("checked above");
    if let Some(register) = slot.as_mut() {
        register.record_idle_lock(&ended.session, state.clock.as_ref())?;
    }
    Ok(None)
}

/// Ends the session at once (the UI noticed the computer slept).
#[tauri::command(rename_all = "snake_case")]
pub async fn session_lock(state: State<'_, AppState>) -> Result<(), AppError> {
    let mut slot = state.register();
    let ended = state.session().take();
    if let (Some(register), Some(ended)) = (slot.as_mut(), ended) {
        register.record_idle_lock(&ended.session, state.clock.as_ref())?;
    }
    Ok(())
}

/// Minutes of inactivity before the lock.
#[tauri::command(rename_all = "snake_case")]
pub async fn idle_lock_get(state: State<'_, AppState>) -> Result<u32, AppError> {
    state.as_user(|register, session| register.idle_lock_minutes(session))
}

/// Sets the idle lock (admin); applies from the next log-in.
#[tauri::command(rename_all = "snake_case")]
pub async fn idle_lock_set(state: State<'_, AppState>, minutes: u32) -> Result<(), AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.idle_lock_minutes_set(session, minutes, clock.as_ref())
    })
}

/// The controller's details that the notice and every extract give.
#[tauri::command(rename_all = "snake_case")]
pub async fn controller_get(
    state: State<'_, AppState>,
) -> Result<kortisto_core::notice::Controller, AppError> {
    state.as_user(|register, session| register.controller(session))
}

/// Sets the controller's details (admin); every field required, the Y-tunnus checked.
#[tauri::command(rename_all = "snake_case")]
pub async fn controller_set(
    state: State<'_, AppState>,
    controller: kortisto_core::notice::Controller,
) -> Result<kortisto_core::notice::Controller, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.controller_set(session, &controller, clock.as_ref()))
}
