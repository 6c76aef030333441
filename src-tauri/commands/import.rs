//! Contact-file import as the Import screen calls it: the dry run of a file the user chose
//! (with the operating system's file dialog, or typed), and the import itself with progress
//! over a channel and the Stop button's `work_cancel`, as the retention run does.
use std::path::PathBuf;
use std::sync::atomic::Ordering;

use kortisto_core::import::{ImportFile, ImportOptions, ImportPlan, ImportResult};
use tauri::ipc::Channel;
use tauri::State;

use super::retention::WorkProgress;
use crate::{AppError, AppState};

fn read(path: &str, map_path: Option<&str>) -> Result<ImportFile, AppError> {
    let map = map_path
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(PathBuf::from);
    Ok(ImportFile::read(
        &PathBuf::from(path.trim()),
        map.as_deref(),
    )?)
}

/// What importing the file at `path` would do, row by row; nothing is saved.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_plan(
    state: State<'_, AppState>,
    path: String,
    map_path: Option<String>,
) -> Result<ImportPlan, AppError> {
    let file = read(&path, map_path.as_deref())?;
    let clock = state.clock.clone();
    state.as_user(|register, session| register.import_plan(session, &file, clock.as_ref()))
}

/// Imports the file at `path` as confirmed, sending progress after each committed batch of
/// whole people; a `work_cancel` stops it after the batch in progress.
#[tauri::command(rename_all = "snake_case")]
pub async fn import_commit(
    state: State<'_, AppState>,
    on_progress: Channel<WorkProgress>,
    path: String,
    map_path: Option<String>,
    options: ImportOptions,
) -> Result<ImportResult, AppError> {
    let file = read(&path, map_path.as_deref())?;
    let clock = state.clock.clone();
    state.work_cancelled.store(false, Ordering::SeqCst);
    let cancelled = &state.work_cancelled;
    state.as_user(|register, session| {
        register.import_commit(
            session,
            &file,
            &options,
            clock.as_ref(),
            &mut |done, total| {
                let _ = on_progress.send(WorkProgress { done, total });
                !cancelled.load(Ordering::SeqCst)
            },
        )
    })
}
