//! The privacy notice as the UI calls it (admin): the purposes of processing and their
//! lawful bases, publishing the notice into a folder, its versions with what each changed,
//! and the record of processing (Art. 30).
use kortisto_core::notice::{NoticeVersionChanges, PublishedNotice};
use kortisto_core::purposes::{Purpose, PurposeInput};
use kortisto_core::record_of_processing::RecordFiles;
use kortisto_core::Language;
use tauri::State;

use crate::{AppError, AppState};

/// The purposes of processing in the notice's order.
#[tauri::command(rename_all = "snake_case")]
pub async fn purpose_list(state: State<'_, AppState>) -> Result<Vec<Purpose>, AppError> {
    state.as_user(|register, session| register.purpose_list(session))
}

/// Adds a purpose (admin); one without a lawful basis is refused.
#[tauri::command(rename_all = "snake_case")]
pub async fn purpose_add(
    state: State<'_, AppState>,
    purpose: PurposeInput,
) -> Result<Purpose, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.purpose_add(session, &purpose, clock.as_ref()))
}

/// Changes a purpose's names, bases and consent link (admin).
#[tauri::command(rename_all = "snake_case")]
pub async fn purpose_edit(
    state: State<'_, AppState>,
    purpose: PurposeInput,
) -> Result<Purpose, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.purpose_edit(session, &purpose, clock.as_ref()))
}

/// Publishes the notice in `language` into `out_dir` (Markdown, HTML, PDF); the version is
/// kept with what changed since the previous one.
#[tauri::command(rename_all = "snake_case")]
pub async fn notice_publish(
    state: State<'_, AppState>,
    language: Language,
    out_dir: String,
) -> Result<PublishedNotice, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.notice_publish(
            session,
            language,
            std::path::Path::new(&out_dir),
            clock.as_ref(),
        )
    })
}

/// Every published version, newest first, each with what it changed.
#[tauri::command(rename_all = "snake_case")]
pub async fn notice_versions(
    state: State<'_, AppState>,
) -> Result<Vec<NoticeVersionChanges>, AppError> {
    state.as_user(|register, session| register.notice_versions(session, None))
}

/// Writes the record of processing (PDF, CSV, JSON) into `out_dir`.
#[tauri::command(rename_all = "snake_case")]
pub async fn record_of_processing(
    state: State<'_, AppState>,
    language: Language,
    out_dir: String,
) -> Result<RecordFiles, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.record_of_processing(
            session,
            language,
            std::path::Path::new(&out_dir),
            clock.as_ref(),
        )
    })
}
