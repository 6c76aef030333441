//! People's rights as the UI calls them: consent, the marketing list, processors, transfers
//! and disclosures, the request log, the access extract, erasure and legal holds.
use kortisto_core::consent::{
    ConsentEvent, ConsentInput, ExportFormat, ExportedFile, MarketingContact,
};
use kortisto_core::disclosures::{
    Disclosure, DisclosureInput, Processor, ProcessorInput, Transfer, TransferInput,
};
use kortisto_core::erasure::{ErasureBlocker, ErasureReceipt};
use kortisto_core::extract::ExtractFiles;
use kortisto_core::requests::{Request, RequestInput, RequestStatus, RequestsDue};
use kortisto_core::Language;
use tauri::State;

use crate::{AppError, AppState};

/// Records consent given or withdrawn.
#[tauri::command(rename_all = "snake_case")]
pub async fn consent_record(
    state: State<'_, AppState>,
    consent: ConsentInput,
) -> Result<ConsentEvent, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.consent_record(session, &consent, clock.as_ref()))
}

/// A person's consent history.
#[tauri::command(rename_all = "snake_case")]
pub async fn consent_history(
    state: State<'_, AppState>,
    person_id: String,
) -> Result<Vec<ConsentEvent>, AppError> {
    state.as_user(|register, session| register.consent_history(session, &person_id))
}

/// Who may be sent marketing for a purpose.
#[tauri::command(rename_all = "snake_case")]
pub async fn marketing_list(
    state: State<'_, AppState>,
    purpose: String,
) -> Result<Vec<MarketingContact>, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.marketing_list(session, &purpose, clock.as_ref()))
}

/// Writes the marketing list for a purpose to a file (CSV for a spreadsheet, or JSON).
#[tauri::command(rename_all = "snake_case")]
pub async fn marketing_export(
    state: State<'_, AppState>,
    purpose: String,
    format: ExportFormat,
    language: Language,
    out_file: String,
) -> Result<ExportedFile, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.marketing_export(
            session,
            &purpose,
            format,
            language,
            std::path::Path::new(&out_file),
            clock.as_ref(),
        )
    })
}

/// Adds a processor.
#[tauri::command(rename_all = "snake_case")]
pub async fn processor_add(
    state: State<'_, AppState>,
    processor: ProcessorInput,
) -> Result<Processor, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.processor_add(session, &processor, clock.as_ref()))
}

/// Every processor.
#[tauri::command(rename_all = "snake_case")]
pub async fn processor_list(state: State<'_, AppState>) -> Result<Vec<Processor>, AppError> {
    state.as_user(|register, session| register.processor_list(session))
}

/// Records a transfer outside the EU/EEA.
#[tauri::command(rename_all = "snake_case")]
pub async fn transfer_add(
    state: State<'_, AppState>,
    transfer: TransferInput,
) -> Result<Transfer, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.transfer_add(session, &transfer, clock.as_ref()))
}

/// Every transfer, with those needing a new basis flagged.
#[tauri::command(rename_all = "snake_case")]
pub async fn transfer_list(state: State<'_, AppState>) -> Result<Vec<Transfer>, AppError> {
    state.as_user(|register, session| register.transfer_list(session))
}

/// Logs a disclosure of a person's data to a processor.
#[tauri::command(rename_all = "snake_case")]
pub async fn disclose(
    state: State<'_, AppState>,
    disclosure: DisclosureInput,
) -> Result<Disclosure, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.disclose(session, &disclosure, clock.as_ref()))
}

/// Every disclosure of a person's data.
#[tauri::command(rename_all = "snake_case")]
pub async fn disclosure_list(
    state: State<'_, AppState>,
    person_id: String,
) -> Result<Vec<Disclosure>, AppError> {
    state.as_user(|register, session| register.disclosure_list(session, &person_id))
}

/// Logs a received request.
#[tauri::command(rename_all = "snake_case")]
pub async fn request_add(
    state: State<'_, AppState>,
    request: RequestInput,
) -> Result<Request, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.request_add(session, &request, clock.as_ref()))
}

/// Records the identity check of a request.
#[tauri::command(rename_all = "snake_case")]
pub async fn request_identity_checked(
    state: State<'_, AppState>,
    request_id: String,
    person_id: String,
    method: String,
) -> Result<Request, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.request_identity_checked(session, &request_id, &person_id, &method, clock.as_ref())
    })
}

/// Extends a request's deadline.
#[tauri::command(rename_all = "snake_case")]
pub async fn request_extend(
    state: State<'_, AppState>,
    request_id: String,
    new_due_on: String,
    reason: String,
) -> Result<Request, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.request_extend(session, &request_id, &new_due_on, &reason, clock.as_ref())
    })
}

/// Closes a request.
#[tauri::command(rename_all = "snake_case")]
pub async fn request_close(
    state: State<'_, AppState>,
    request_id: String,
    status: RequestStatus,
    outcome: String,
) -> Result<Request, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.request_close(session, &request_id, status, &outcome, clock.as_ref())
    })
}

/// The request log.
#[tauri::command(rename_all = "snake_case")]
pub async fn request_list(state: State<'_, AppState>) -> Result<Vec<Request>, AppError> {
    state.as_user(|register, session| register.request_list(session))
}

/// Overdue requests and those due within seven days.
#[tauri::command(rename_all = "snake_case")]
pub async fn requests_due(state: State<'_, AppState>) -> Result<RequestsDue, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.requests_due(session, clock.as_ref()))
}

/// The folder the save dialogs offer for extracts, exports and backups: `KORTISTO_EXPORT_DIR`,
/// else the user's documents folder, else their home folder (never the temp folder).
#[tauri::command(rename_all = "snake_case")]
pub async fn extract_default_folder() -> Result<String, AppError> {
    Ok(kortisto_core::output_file::default_folder()
        .display()
        .to_string())
}

/// Writes a person's subject-access extract (PDF + JSON + manifest) into `out_dir`.
#[tauri::command(rename_all = "snake_case")]
pub async fn extract(
    state: State<'_, AppState>,
    person_id: String,
    language: Language,
    out_dir: String,
    request_id: Option<String>,
) -> Result<ExtractFiles, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.extract(
            session,
            &person_id,
            language,
            std::path::Path::new(&out_dir),
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// What blocks erasing a person today.
#[tauri::command(rename_all = "snake_case")]
pub async fn erasure_check(
    state: State<'_, AppState>,
    person_id: String,
) -> Result<Vec<ErasureBlocker>, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.erasure_check(session, &person_id, clock.as_ref()))
}

/// Erases a person.
#[tauri::command(rename_all = "snake_case")]
pub async fn erase(
    state: State<'_, AppState>,
    person_id: String,
    request_id: Option<String>,
) -> Result<ErasureReceipt, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.erase(session, &person_id, request_id.as_deref(), clock.as_ref())
    })
}

/// Every erasure receipt.
#[tauri::command(rename_all = "snake_case")]
pub async fn erasure_receipts(state: State<'_, AppState>) -> Result<Vec<ErasureReceipt>, AppError> {
    state.as_user(|register, session| register.erasure_receipts(session))
}

/// Puts a legal hold on a person, organisation or deal.
#[tauri::command(rename_all = "snake_case")]
pub async fn legal_hold_add(
    state: State<'_, AppState>,
    record_kind: String,
    record_id: String,
    reason: String,
    until_on: String,
) -> Result<String, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.legal_hold_add(
            session,
            &record_kind,
            &record_id,
            &reason,
            &until_on,
            clock.as_ref(),
        )
    })
}
