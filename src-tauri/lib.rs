//! The desktop shell: thin Tauri commands over kortisto-core and the state they share.
//! Commands take the state, call the core, and turn core errors into `{code, params, message}`.
#![forbid(unsafe_code)]

pub mod commands;
pub mod maintenance;
mod state;

pub use commands::AppError;
pub use state::{AppState, MaintenanceNotice};

/// Registers the state and every command on a builder (the real runtime or tauri's mock).
pub fn configure<R: tauri::Runtime>(
    builder: tauri::Builder<R>,
    state: AppState,
) -> tauri::Builder<R> {
    builder
        .manage(state)
        .invoke_handler(tauri::generate_handler![
            commands::register::register_open,
            commands::register::register_create,
            commands::register::register_restore,
            commands::register::register_join,
            commands::register::register_repair,
            commands::register::register_recover,
            commands::register::register_status,
            commands::preferences::preferences_get,
            commands::preferences::preferences_set,
            commands::session::first_admin_create,
            commands::session::session_login,
            commands::session::session_logout,
            commands::session::session_current,
            commands::session::session_lock,
            commands::session::idle_lock_get,
            commands::session::idle_lock_set,
            commands::session::controller_get,
            commands::session::controller_set,
            commands::notice::purpose_list,
            commands::notice::purpose_add,
            commands::notice::purpose_edit,
            commands::notice::notice_publish,
            commands::notice::notice_versions,
            commands::notice::record_of_processing,
            commands::users::user_list,
            commands::users::user_add,
            commands::users::user_role_change,
            commands::users::user_deactivate,
            commands::users::user_password_reset,
            commands::users::own_password_change,
            commands::audit::audit_list,
            commands::audit::audit_verify,
            commands::audit::training_record,
            commands::audit::training_list,
            commands::audit::training_status,
            commands::audit::person_seen_by,
            commands::audit::internal_audit_record,
            commands::audit::internal_audit_list,
            commands::register_content::search,
            commands::register_content::person_page,
            commands::register_content::person_list,
            commands::register_content::person_add,
            commands::register_content::person_edit,
            commands::register_content::contact_add,
            commands::register_content::position_add,
            commands::register_content::duplicate_check,
            commands::register_content::business_card_save,
            commands::register_content::organisation_add,
            commands::register_content::organisation_edit,
            commands::register_content::organisation_merge,
            commands::register_content::organisation_remove,
            commands::register_content::organisation_page,
            commands::register_content::organisation_list,
            commands::register_content::deal_add,
            commands::register_content::deal_edit,
            commands::register_content::deal_list,
            commands::register_content::meeting_log,
            commands::register_content::meeting_list,
            commands::register_content::element_add,
            commands::rights::consent_record,
            commands::rights::consent_history,
            commands::rights::marketing_list,
            commands::rights::marketing_export,
            commands::rights::processor_add,
            commands::rights::processor_list,
            commands::rights::transfer_add,
            commands::rights::transfer_list,
            commands::rights::disclose,
            commands::rights::disclosure_list,
            commands::rights::request_add,
            commands::rights::request_identity_checked,
            commands::rights::request_extend,
            commands::rights::request_close,
            commands::rights::request_list,
            commands::rights::requests_due,
            commands::rights::extract_default_folder,
            commands::rights::extract,
            commands::export::export_people,
            commands::export::portability_export,
            commands::rights::erasure_check,
            commands::rights::erase,
            commands::rights::erasure_receipts,
            commands::rights::legal_hold_add,
            commands::retention::retention_rules,
            commands::retention::retention_rule_set,
            commands::retention::retention_status,
            commands::retention::retention_preview,
            commands::retention::retention_run,
            commands::import::import_plan,
            commands::import::import_commit,
            commands::retention::work_cancel,
            commands::retention::retention_runs,
            commands::retention::maintenance_notice,
            commands::retention::backup_create,
            commands::retention::backup_schedule,
            commands::retention::backup_schedule_set,
            commands::retention::backup_restore,
            commands::sync::sync_status,
            commands::sync::sync_now,
            commands::sync::sync_conflicts,
            commands::sync::sync_conflict_restore,
            commands::restriction::restriction_set,
            commands::restriction::restriction_lift,
            commands::restriction::objection_record,
            commands::restriction::erasure_matches,
            commands::restriction::redact,
            commands::restriction::redaction_todos,
            commands::restriction::redaction_todo_done,
            commands::corrections::position_edit,
            commands::corrections::position_end,
            commands::corrections::position_move,
            commands::corrections::contact_edit,
            commands::corrections::contact_retire,
            commands::corrections::contact_delete,
            commands::corrections::request_changes,
            commands::records::meeting_edit,
            commands::records::meeting_delete,
            commands::records::record_history,
            commands::records::processor_edit,
            commands::records::processor_end,
            commands::records::transfer_edit,
            commands::records::transfer_end,
            commands::records::legal_hold_list,
            commands::records::legal_hold_lift,
            commands::records::organisation_prospects,
        ])
}

/// Starts the app with the data directory and keychain service taken from the environment.
pub fn run() {
    let state = match AppState::from_env() {
        Ok(state) => state,
        Err(error) => {
            eprintln!("{}", error.message(kortisto_core::Language::Fi));
            std::process::exit(2);
        }
    };
    configure(tauri::Builder::default(), state)
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            maintenance::start(app.handle());
            maintenance::start_sync(app.handle());
            Ok(())
        })
        .run(tauri::generate_context!())
        .expect("the Kortisto window could not be started");
}
