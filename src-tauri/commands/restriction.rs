//! Restriction of processing and objection (admin), and the erasure's free-text matches and
//! their redaction, as the UI calls them.
use kortisto_core::redaction::{NameMatch, Redacted, RedactionTarget, RedactionTodo};
use kortisto_core::restriction::{
    ObjectionInput, ObjectionRecorded, Restriction, RestrictionInput,
};
use tauri::State;

use crate::{AppError, AppState};

/// Restricts processing of a person.
#[tauri::command(rename_all = "snake_case")]
pub async fn restriction_set(
    state: State<'_, AppState>,
    restriction: RestrictionInput,
    request_id: Option<String>,
) -> Result<Restriction, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.restriction_set(session, &restriction, request_id.as_deref(), clock.as_ref())
    })
}

/// Lifts the restriction in force.
#[tauri::command(rename_all = "snake_case")]
pub async fn restriction_lift(
    state: State<'_, AppState>,
    person_id: String,
    reason: String,
    request_id: Option<String>,
) -> Result<Restriction, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.restriction_lift(
            session,
            &person_id,
            &reason,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Records an objection.
#[tauri::command(rename_all = "snake_case")]
pub async fn objection_record(
    state: State<'_, AppState>,
    objection: ObjectionInput,
    request_id: Option<String>,
) -> Result<ObjectionRecorded, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.objection_record(session, &objection, request_id.as_deref(), clock.as_ref())
    })
}

/// The free-text fields that name a person about to be erased.
#[tauri::command(rename_all = "snake_case")]
pub async fn erasure_matches(
    state: State<'_, AppState>,
    person_id: String,
) -> Result<Vec<NameMatch>, AppError> {
    state.as_user(|register, session| register.erasure_matches(session, &person_id))
}

/// Replaces the person's name in one field.
#[tauri::command(rename_all = "snake_case")]
pub async fn redact(
    state: State<'_, AppState>,
    person_id: String,
    target: RedactionTarget,
) -> Result<Redacted, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.redact(session, &person_id, &target, clock.as_ref()))
}

/// Fields naming people retention erased, still to read through.
#[tauri::command(rename_all = "snake_case")]
pub async fn redaction_todos(state: State<'_, AppState>) -> Result<Vec<RedactionTodo>, AppError> {
    state.as_user(|register, session| register.redaction_todos(session))
}

/// Marks a to-do read through.
#[tauri::command(rename_all = "snake_case")]
pub async fn redaction_todo_done(
    state: State<'_, AppState>,
    todo_id: String,
) -> Result<(), AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.redaction_todo_done(session, &todo_id, clock.as_ref())
    })
}
