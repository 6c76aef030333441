//! Export of people as the UI calls it: a search result as vCard, CSV or JSON, and a
//! person's portability export (GDPR Art. 20: JSON + vCard) from the person page.
use kortisto_core::consent::ExportedFile;
use kortisto_core::export::{PeopleExportFormat, PeopleSelection, PortabilityFiles};
use kortisto_core::Language;
use tauri::State;

use crate::{AppError, AppState};

/// Writes the selected people (chosen ones, or those a search finds) to `out_file`.
#[tauri::command(rename_all = "snake_case")]
pub async fn export_people(
    state: State<'_, AppState>,
    selection: PeopleSelection,
    format: PeopleExportFormat,
    language: Language,
    out_file: String,
) -> Result<ExportedFile, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.export_people(
            session,
            &selection,
            format,
            language,
            std::path::Path::new(&out_file),
            clock.as_ref(),
        )
    })
}

/// Writes a person's portability export (JSON + vCard) into `out_dir`.
#[tauri::command(rename_all = "snake_case")]
pub async fn portability_export(
    state: State<'_, AppState>,
    person_id: String,
    out_dir: String,
) -> Result<PortabilityFiles, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.portability_export(
            session,
            &person_id,
            std::path::Path::new(&out_dir),
            clock.as_ref(),
        )
    })
}
