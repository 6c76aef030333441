//! Retention and backups as the UI calls them: the rules, a person's status, the preview at
//! a date, a run now, past runs, a backup now, the automatic backup's schedule, restore, and
//! what the app's own schedule could not do.
use kortisto_core::backup::{BackupInfo, BackupSchedule, RestoreReport};
use kortisto_core::retention::{
    RetentionPreview, RetentionRule, RetentionRuleInput, RetentionRun, RetentionStatus,
};
use kortisto_core::{parse_date, Language};
use std::sync::atomic::Ordering;

use tauri::ipc::Channel;
use tauri::State;

use crate::{AppError, AppState, MaintenanceNotice};

/// The retention rules.
#[tauri::command(rename_all = "snake_case")]
pub async fn retention_rules(state: State<'_, AppState>) -> Result<Vec<RetentionRule>, AppError> {
    state.as_user(|register, session| register.retention_rules(session))
}

/// Changes a rule's period and reference.
#[tauri::command(rename_all = "snake_case")]
pub async fn retention_rule_set(
    state: State<'_, AppState>,
    rule: RetentionRuleInput,
) -> Result<RetentionRule, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.retention_rule_set(session, &rule, clock.as_ref()))
}

/// A person's retention status today.
#[tauri::command(rename_all = "snake_case")]
pub async fn retention_status(
    state: State<'_, AppState>,
    person_id: String,
) -> Result<RetentionStatus, AppError> {
    let clock = state.clock.clone();
    state
        .as_user(|register, session| register.retention_status(session, &person_id, clock.as_ref()))
}

/// Who would be deleted at a date (`27.11.2026` or ISO).
#[tauri::command(rename_all = "snake_case")]
pub async fn retention_preview(
    state: State<'_, AppState>,
    as_of: String,
    language: Language,
) -> Result<RetentionPreview, AppError> {
    let date = parse_date("as_of", &as_of)?;
    state.as_user(|register, session| register.retention_preview(session, date, language))
}

/// How far a long piece of work has come.
#[derive(Debug, Clone, Copy, serde::Serialize, ts_rs::TS)]
pub struct WorkProgress {
    /// Done so far.
    #[ts(type = "number")]
    pub done: u64,
    /// In all.
    #[ts(type = "number")]
    pub total: u64,
}

/// Runs retention now, sending progress after each committed batch of whole people; a
/// `work_cancel` stops it after the batch in progress, leaving everything consistent.
#[tauri::command(rename_all = "snake_case")]
pub async fn retention_run(
    state: State<'_, AppState>,
    on_progress: Channel<WorkProgress>,
    clock_confirmed: Option<bool>,
) -> Result<RetentionRun, AppError> {
    let clock = state.clock.clone();
    state.work_cancelled.store(false, Ordering::SeqCst);
    let cancelled = &state.work_cancelled;
    let run = state.as_user(|register, session| {
        register.retention_run(
            Some(session),
            "manual",
            clock_confirmed.unwrap_or(false),
            clock.as_ref(),
            &mut |done, total| {
                let _ = on_progress.send(WorkProgress { done, total });
                !cancelled.load(Ordering::SeqCst)
            },
        )
    })?;
    // A run that went through answers whatever stopped the automatic one.
    state.maintenance_outcome("retention", Ok(()));
    Ok(run)
}

/// What the app's own schedule could not do (retention, backup), for the administrator's
/// home screen. Shown to whoever may run backups and retention, as the table in the core says.
#[tauri::command(rename_all = "snake_case")]
pub async fn maintenance_notice(
    state: State<'_, AppState>,
) -> Result<Vec<MaintenanceNotice>, AppError> {
    state.as_user(|register, session| register.backup_schedule(session).map(|_| ()))?;
    Ok(state.maintenance_notices())
}

/// Asks the long work in progress (a retention run) to stop after its current batch.
#[tauri::command(rename_all = "snake_case")]
pub async fn work_cancel(state: State<'_, AppState>) -> Result<(), AppError> {
    state.work_cancelled.store(true, Ordering::SeqCst);
    Ok(())
}

/// Past retention runs.
#[tauri::command(rename_all = "snake_case")]
pub async fn retention_runs(state: State<'_, AppState>) -> Result<Vec<RetentionRun>, AppError> {
    state.as_user(|register, session| register.retention_runs(session))
}

/// Writes a backup to a file.
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_create(
    state: State<'_, AppState>,
    out_file: String,
) -> Result<BackupInfo, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.backup_create(
            Some(session),
            std::path::Path::new(&out_file),
            clock.as_ref(),
        )
    })
}

/// The automatic backup's folder and how many to keep.
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_schedule(state: State<'_, AppState>) -> Result<BackupSchedule, AppError> {
    state.as_user(|register, session| register.backup_schedule(session))
}

/// Sets the automatic backup's folder and how many to keep.
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_schedule_set(
    state: State<'_, AppState>,
    schedule: BackupSchedule,
) -> Result<BackupSchedule, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.backup_schedule_set(session, &schedule, clock.as_ref())
    })
}

/// Restores a backup over the open register (erasures made since are re-applied first).
#[tauri::command(rename_all = "snake_case")]
pub async fn backup_restore(
    state: State<'_, AppState>,
    file: String,
) -> Result<RestoreReport, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.backup_restore(session, std::path::Path::new(&file), clock.as_ref())
    })
}
