//! User management (admin) and one's own password, as the UI calls them.
use kortisto_core::auth::{Password, Role};
use kortisto_core::users::{NewUser, User};
use tauri::State;

use crate::{AppError, AppState};

/// Every user with their training state (admin).
#[tauri::command(rename_all = "snake_case")]
pub async fn user_list(state: State<'_, AppState>) -> Result<Vec<User>, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.user_list(session, clock.as_ref()))
}

/// Adds a user (admin).
#[tauri::command(rename_all = "snake_case")]
pub async fn user_add(
    state: State<'_, AppState>,
    new_user: NewUser,
    password: Password,
) -> Result<User, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.user_add(session, &new_user, &password, clock.as_ref())
    })
}

/// Changes a user's role (admin).
#[tauri::command(rename_all = "snake_case")]
pub async fn user_role_change(
    state: State<'_, AppState>,
    username: String,
    role: Role,
) -> Result<User, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.user_role_change(session, &username, role, clock.as_ref())
    })
}

/// Deactivates a user (admin).
#[tauri::command(rename_all = "snake_case")]
pub async fn user_deactivate(
    state: State<'_, AppState>,
    username: String,
) -> Result<User, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.user_deactivate(session, &username, clock.as_ref()))
}

/// Sets another user's password (admin).
#[tauri::command(rename_all = "snake_case")]
pub async fn user_password_reset(
    state: State<'_, AppState>,
    username: String,
    password: Password,
) -> Result<(), AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.user_password_reset(session, &username, &password, clock.as_ref())
    })
}

/// Changes the logged-in user's own password.
#[tauri::command(rename_all = "snake_case")]
pub async fn own_password_change(
    state: State<'_, AppState>,
    current: Password,
    new_password: Password,
) -> Result<(), AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.own_password_change(session, &current, &new_password, clock.as_ref())
    })
}
