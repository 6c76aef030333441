//! Corrections where the data stands, as the UI calls them: edit, end and move a position;
//! edit, retire and delete a contact datum; and the changes made for a request. Each takes
//! the request it answers (`request_id`, none by default); the core checks and records.
use kortisto_core::corrections::{PositionChange, PositionMove, PositionMoved};
use kortisto_core::history::HistoryEntry;
use kortisto_core::people::{Contact, Position};
use tauri::State;

use crate::{AppError, AppState};

/// Corrects a position (fields left out are kept).
#[tauri::command(rename_all = "snake_case")]
pub async fn position_edit(
    state: State<'_, AppState>,
    position_id: String,
    change: PositionChange,
    request_id: Option<String>,
) -> Result<Position, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.position_edit(
            session,
            &position_id,
            &change,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Ends a current position on a date.
#[tauri::command(rename_all = "snake_case")]
pub async fn position_end(
    state: State<'_, AppState>,
    position_id: String,
    end_on: String,
    request_id: Option<String>,
) -> Result<Position, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.position_end(
            session,
            &position_id,
            &end_on,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// "Moved to another organisation": ends one position and starts the next in one write.
#[tauri::command(rename_all = "snake_case")]
pub async fn position_move(
    state: State<'_, AppState>,
    person_id: String,
    moved: PositionMove,
    request_id: Option<String>,
) -> Result<PositionMoved, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.position_move(
            session,
            &person_id,
            &moved,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Corrects a contact datum's value.
#[tauri::command(rename_all = "snake_case")]
pub async fn contact_edit(
    state: State<'_, AppState>,
    contact_id: String,
    value: String,
    request_id: Option<String>,
) -> Result<Contact, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.contact_edit(
            session,
            &contact_id,
            &value,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Marks a contact datum as no longer valid.
#[tauri::command(rename_all = "snake_case")]
pub async fn contact_retire(
    state: State<'_, AppState>,
    contact_id: String,
    request_id: Option<String>,
) -> Result<Contact, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.contact_retire(session, &contact_id, request_id.as_deref(), clock.as_ref())
    })
}

/// Deletes a contact datum (the UI has asked once).
#[tauri::command(rename_all = "snake_case")]
pub async fn contact_delete(
    state: State<'_, AppState>,
    contact_id: String,
    request_id: Option<String>,
) -> Result<(), AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.contact_delete(session, &contact_id, request_id.as_deref(), clock.as_ref())
    })
}

/// The corrections made for a request, oldest first (admin).
#[tauri::command(rename_all = "snake_case")]
pub async fn request_changes(
    state: State<'_, AppState>,
    request_id: String,
) -> Result<Vec<HistoryEntry>, AppError> {
    state.as_user(|register, session| register.request_changes(session, &request_id))
}
