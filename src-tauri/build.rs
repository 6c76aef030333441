//! Build script of the desktop shell: embeds tauri.conf.json and generates the ACL.
//! Every custom command is listed in the app manifest, so that it is permission-checked
//! against `src-tauri/capabilities/` (unlisted commands would not be checked at all).

/// Every command in `src-tauri/commands/`; keep in step with `generate_handler!` in lib.rs.
const COMMANDS: &[&str] = &[
    "register_open",
    "register_status",
    "preferences_get",
    "preferences_set",
    "first_admin_create",
    "session_login",
    "session_logout",
    "session_current",
    "session_lock",
    "idle_lock_get",
    "idle_lock_set",
    "user_list",
    "user_add",
    "user_role_change",
    "user_deactivate",
    "user_password_reset",
    "own_password_change",
    "audit_list",
    "audit_verify",
    "training_record",
    "training_list",
    "internal_audit_record",
    "internal_audit_list",
    "search",
    "person_page",
    "person_list",
    "person_add",
    "person_edit",
    "contact_add",
    "position_add",
    "duplicate_check",
    "business_card_save",
    "organisation_add",
    "organisation_edit",
    "organisation_page",
    "organisation_list",
    "deal_add",
    "deal_edit",
    "deal_list",
    "meeting_log",
    "meeting_list",
    "element_add",
    "consent_record",
    "consent_history",
    "marketing_list",
    "processor_add",
    "processor_list",
    "transfer_add",
    "transfer_list",
    "disclose",
    "request_add",
    "request_identity_checked",
    "request_extend",
    "request_close",
    "request_list",
    "requests_due",
    "extract_default_folder",
    "extract",
    "erasure_check",
    "erase",
    "erasure_receipts",
    "legal_hold_add",
];

fn main() {
    tauri_build::try_build(
        tauri_build::Attributes::new()
            .capabilities_path_pattern("./src-tauri/capabilities/**/*")
            .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS)),
    )
    .expect("tauri build step failed");
}
