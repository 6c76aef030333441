//! Corrections of records other than people: meetings (edit, delete), deal, meeting,
//! processor and transfer history, processors and transfers (edit, end), legal holds (list,
//! lift) and the prospects office staff complete. Thin wrappers over the core.
use kortisto_core::disclosures::{Processor, ProcessorInput, Transfer, TransferInput};
use kortisto_core::erasure::LegalHold;
use kortisto_core::history::HistoryEntry;
use kortisto_core::meetings::{Meeting, MeetingChange};
use kortisto_core::organisations::Organisation;
use tauri::State;

use crate::{AppError, AppState};

/// Corrects a meeting (one's own; an admin any).
#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_edit(
    state: State<'_, AppState>,
    meeting_id: String,
    change: MeetingChange,
    request_id: Option<String>,
) -> Result<Meeting, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.meeting_edit(
            session,
            &meeting_id,
            &change,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Deletes a meeting (one's own; an admin any).
#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_delete(
    state: State<'_, AppState>,
    meeting_id: String,
    request_id: Option<String>,
) -> Result<(), AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.meeting_delete(session, &meeting_id, request_id.as_deref(), clock.as_ref())
    })
}

/// The history of a meeting, deal, processor or transfer.
#[tauri::command(rename_all = "snake_case")]
pub async fn record_history(
    state: State<'_, AppState>,
    record_kind: String,
    record_id: String,
) -> Result<Vec<HistoryEntry>, AppError> {
    state.as_user(|register, session| register.record_history(session, &record_kind, &record_id))
}

/// Corrects a processor.
#[tauri::command(rename_all = "snake_case")]
pub async fn processor_edit(
    state: State<'_, AppState>,
    processor_id: String,
    processor: ProcessorInput,
    request_id: Option<String>,
) -> Result<Processor, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.processor_edit(
            session,
            &processor_id,
            &processor,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Ends a processor on a date.
#[tauri::command(rename_all = "snake_case")]
pub async fn processor_end(
    state: State<'_, AppState>,
    processor_id: String,
    ended_on: String,
    request_id: Option<String>,
) -> Result<Processor, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.processor_end(
            session,
            &processor_id,
            &ended_on,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Corrects a transfer.
#[tauri::command(rename_all = "snake_case")]
pub async fn transfer_edit(
    state: State<'_, AppState>,
    transfer_id: String,
    transfer: TransferInput,
    request_id: Option<String>,
) -> Result<Transfer, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.transfer_edit(
            session,
            &transfer_id,
            &transfer,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Ends a transfer on a date.
#[tauri::command(rename_all = "snake_case")]
pub async fn transfer_end(
    state: State<'_, AppState>,
    transfer_id: String,
    ended_on: String,
    request_id: Option<String>,
) -> Result<Transfer, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.transfer_end(
            session,
            &transfer_id,
            &ended_on,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Every legal hold, lifted ones too.
#[tauri::command(rename_all = "snake_case")]
pub async fn legal_hold_list(state: State<'_, AppState>) -> Result<Vec<LegalHold>, AppError> {
    state.as_user(|register, session| register.legal_hold_list(session))
}

/// Lifts a legal hold with a reason.
#[tauri::command(rename_all = "snake_case")]
pub async fn legal_hold_lift(
    state: State<'_, AppState>,
    legal_hold_id: String,
    reason: String,
) -> Result<LegalHold, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.legal_hold_lift(session, &legal_hold_id, &reason, clock.as_ref())
    })
}

/// Prospect organisations still without a Y-tunnus.
#[tauri::command(rename_all = "snake_case")]
pub async fn organisation_prospects(
    state: State<'_, AppState>,
) -> Result<Vec<Organisation>, AppError> {
    state.as_user(|register, session| register.organisation_prospects(session))
}
