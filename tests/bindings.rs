//! The UI's TypeScript types are generated from the Rust types the commands exchange, and
//! this test fails while `ui/src/lib/generated/index.ts` is stale.
//! Refresh with: `KORTISTO_UPDATE_BINDINGS=1 cargo test --test bindings`.
use kortisto_app::commands::{register::StartupState, AppError, Message};
use kortisto_core::audit::{AuditEvent, AuditFilter, AuditVerification};
use kortisto_core::auth::{Role, Session};
use kortisto_core::training::{InternalAudit, InternalAuditResult, TrainingRecord};
use kortisto_core::users::{NewUser, User};
use kortisto_core::{Language, Preferences, RegisterStatus};
use ts_rs::{Config, TS};

fn generated() -> String {
    let config = Config::default();
    let declarations = [
        Language::decl(&config),
        Preferences::decl(&config),
        RegisterStatus::decl(&config),
        StartupState::decl(&config),
        Message::decl(&config),
        AppError::decl(&config),
        Role::decl(&config),
        Session::decl(&config),
        User::decl(&config),
        NewUser::decl(&config),
        AuditEvent::decl(&config),
        AuditFilter::decl(&config),
        AuditVerification::decl(&config),
        TrainingRecord::decl(&config),
        InternalAuditResult::decl(&config),
        InternalAudit::decl(&config),
    ];
    let mut text = String::from(
        "// Generated from the Rust types by tests/bindings.rs; do not edit by hand.\n\
         // Refresh: KORTISTO_UPDATE_BINDINGS=1 cargo test --test bindings\n\n",
    );
    for declaration in declarations {
        text.push_str("export ");
        text.push_str(&declaration);
        text.push_str("\n\n");
    }
    text.trim_end().to_string() + "\n"
}

#[test]
fn ui_bindings_match_the_rust_types() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("ui/src/lib/generated/index.ts");
    let expected = generated();
    if std::env::var_os("KORTISTO_UPDATE_BINDINGS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(
        committed, expected,
        "ui/src/lib/generated/index.ts is stale: run KORTISTO_UPDATE_BINDINGS=1 cargo test --test bindings"
    );
}
