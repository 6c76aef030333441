//! The audit trail and its chain check, who has seen a person, plus privacy training and
//! internal audits (admin).
use kortisto_core::audit::{AuditEvent, AuditFilter, AuditVerification};
use kortisto_core::reads::PersonRead;
use kortisto_core::training::{
    InternalAudit, InternalAuditResult, TrainingRecord, TrainingResult, TrainingStatus,
};
use tauri::State;

use crate::{AppError, AppState};

/// Audit entries matching the filter, newest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn audit_list(
    state: State<'_, AppState>,
    filter: AuditFilter,
) -> Result<Vec<AuditEvent>, AppError> {
    state.as_user(|register, session| register.audit_list(session, &filter))
}

/// Checks the whole hash chain.
#[tauri::command(rename_all = "snake_case")]
pub async fn audit_verify(state: State<'_, AppState>) -> Result<AuditVerification, AppError> {
    state.as_user(|register, session| register.audit_verify(session))
}

/// Who has seen a person: every audited read of them, newest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn person_seen_by(
    state: State<'_, AppState>,
    person_id: String,
    limit: Option<u32>,
) -> Result<Vec<PersonRead>, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.person_seen_by(session, &person_id, limit.unwrap_or(500), clock.as_ref())
    })
}

/// Records a privacy training with its test result.
#[tauri::command(rename_all = "snake_case")]
pub async fn training_record(
    state: State<'_, AppState>,
    username: String,
    completed_on: String,
    topic: String,
    result: TrainingResult,
    score: Option<i64>,
) -> Result<TrainingRecord, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.training_record(
            session,
            &username,
            &completed_on,
            &topic,
            result,
            score,
            clock.as_ref(),
        )
    })
}

/// Every active user's training state, those who have not passed first.
#[tauri::command(rename_all = "snake_case")]
pub async fn training_status(state: State<'_, AppState>) -> Result<Vec<TrainingStatus>, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.training_status(session, clock.as_ref()))
}

/// Every recorded training.
#[tauri::command(rename_all = "snake_case")]
pub async fn training_list(state: State<'_, AppState>) -> Result<Vec<TrainingRecord>, AppError> {
    state.as_user(|register, session| register.training_list(session))
}

/// Records an internal audit check.
#[tauri::command(rename_all = "snake_case")]
pub async fn internal_audit_record(
    state: State<'_, AppState>,
    held_on: String,
    scope: String,
    result: InternalAuditResult,
    follow_up: String,
) -> Result<InternalAudit, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.internal_audit_record(
            session,
            &held_on,
            &scope,
            result,
            &follow_up,
            clock.as_ref(),
        )
    })
}

/// Every internal audit check.
#[tauri::command(rename_all = "snake_case")]
pub async fn internal_audit_list(
    state: State<'_, AppState>,
) -> Result<Vec<InternalAudit>, AppError> {
    state.as_user(|register, session| register.internal_audit_list(session))
}
