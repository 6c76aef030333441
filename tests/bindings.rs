//! The UI's TypeScript types are generated from the Rust types the commands exchange, and
//! this test fails while `ui/src/lib/generated/index.ts` is stale.
//! Refresh with: `KORTISTO_UPDATE_BINDINGS=1 cargo test --test bindings`.
use kortisto_app::commands::{register::StartupState, retention::WorkProgress, AppError, Message};
use kortisto_app::MaintenanceNotice;
use kortisto_core::audit::{AuditEvent, AuditFilter, AuditVerification};
use kortisto_core::auth::{Role, Session};
use kortisto_core::backup::{BackupInfo, BackupSchedule, RestoreReport};
use kortisto_core::consent::{
    ConsentChannel, ConsentEvent, ConsentEventKind, ConsentInput, ExportFormat, ExportedFile,
    MarketingContact,
};
use kortisto_core::corrections::{PositionChange, PositionMove, PositionMoved};
use kortisto_core::deals::{Deal, DealFilter, DealInput, DealKind, DealStatus, PersonRef};
use kortisto_core::disclosures::{
    Disclosure, DisclosureInput, LegalBasis, Processor, ProcessorInput, Transfer, TransferInput,
};
use kortisto_core::erasure::{ErasureBlocker, ErasureCounts, ErasureReceipt, NoteToReview};
use kortisto_core::export::{PeopleExportFormat, PeopleSelection, PortabilityFiles};
use kortisto_core::extract::ExtractFiles;
use kortisto_core::history::HistoryEntry;
use kortisto_core::import::{
    ImportCounts, ImportFormat, ImportMatch, ImportOptions, ImportOutcome, ImportPlan,
    ImportReason, ImportResult, ImportRow, SkippedValue,
};
use kortisto_core::meetings::{
    Meeting, MeetingFilter, MeetingInput, MeetingKind, ServiceElement, ServiceElementInput,
    ServiceElementKind,
};
use kortisto_core::organisations::{
    ListPage, Organisation, OrganisationInput, OrganisationKind, OrganisationPage,
};
use kortisto_core::people::{
    BusinessCard, BusinessCardSaved, Contact, ContactInput, ContactKind, DuplicateCandidate,
    DuplicateReason, Person, PersonInput, PersonPage, PersonSummary, Position, PositionInput,
};
use kortisto_core::reads::{PersonRead, ReadKind};
use kortisto_core::redaction::{NameMatch, Redacted, RedactionTarget, RedactionTodo};
use kortisto_core::requests::{
    Request, RequestChannel, RequestInput, RequestKind, RequestStatus, RequestsDue,
};
use kortisto_core::restriction::{
    Objection, ObjectionInput, ObjectionRecorded, Restriction, RestrictionInput,
};
use kortisto_core::retention::{
    HoldInfo, RetentionPreview, RetentionRule, RetentionRuleInput, RetentionRun, RetentionStatus,
};
use kortisto_core::search::SearchHit;
use kortisto_core::sources::{Source, SourceInput, SourceKind};
use kortisto_core::sync::{PullCounts, SyncReport, SyncStatus};
use kortisto_core::sync_conflicts::{ConflictSide, SyncConflictView};
use kortisto_core::training::{
    InternalAudit, InternalAuditResult, TrainingRecord, TrainingResult, TrainingState,
    TrainingStatus,
};
use kortisto_core::users::{NewUser, User};
use kortisto_core::{Language, Preferences, RegisterStatus};
use ts_rs::{Config, TS};
// Corrections of records (issue #12).
use kortisto_core::erasure::LegalHold;
use kortisto_core::meetings::MeetingChange;
use kortisto_core::notice::Controller;
// The privacy notice and the purposes (issue #15).
use kortisto_core::notice::{NoticeChange, NoticeVersion, NoticeVersionChanges, PublishedNotice};
use kortisto_core::purposes::{LawfulBasis, Purpose, PurposeInput};
use kortisto_core::record_of_processing::RecordFiles;

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
        TrainingResult::decl(&config),
        TrainingState::decl(&config),
        TrainingStatus::decl(&config),
        ReadKind::decl(&config),
        PersonRead::decl(&config),
        InternalAuditResult::decl(&config),
        InternalAudit::decl(&config),
        SourceKind::decl(&config),
        SourceInput::decl(&config),
        Source::decl(&config),
        OrganisationKind::decl(&config),
        OrganisationInput::decl(&config),
        Organisation::decl(&config),
        OrganisationPage::decl(&config),
        ListPage::<()>::decl(&config),
        PersonInput::decl(&config),
        Person::decl(&config),
        PersonSummary::decl(&config),
        ContactKind::decl(&config),
        ContactInput::decl(&config),
        Contact::decl(&config),
        PositionInput::decl(&config),
        Position::decl(&config),
        PersonPage::decl(&config),
        BusinessCard::decl(&config),
        BusinessCardSaved::decl(&config),
        DuplicateReason::decl(&config),
        DuplicateCandidate::decl(&config),
        DealKind::decl(&config),
        DealStatus::decl(&config),
        DealInput::decl(&config),
        PersonRef::decl(&config),
        Deal::decl(&config),
        DealFilter::decl(&config),
        MeetingKind::decl(&config),
        MeetingInput::decl(&config),
        Meeting::decl(&config),
        Controller::decl(&config),
        LawfulBasis::decl(&config),
        Purpose::decl(&config),
        PurposeInput::decl(&config),
        NoticeVersion::decl(&config),
        NoticeChange::decl(&config),
        NoticeVersionChanges::decl(&config),
        PublishedNotice::decl(&config),
        RecordFiles::decl(&config),
        MeetingFilter::decl(&config),
        ServiceElementKind::decl(&config),
        ServiceElementInput::decl(&config),
        ServiceElement::decl(&config),
        HistoryEntry::decl(&config),
        SearchHit::decl(&config),
        ConsentEventKind::decl(&config),
        ConsentChannel::decl(&config),
        ConsentInput::decl(&config),
        ConsentEvent::decl(&config),
        MarketingContact::decl(&config),
        ExportFormat::decl(&config),
        ExportedFile::decl(&config),
        ProcessorInput::decl(&config),
        Processor::decl(&config),
        LegalBasis::decl(&config),
        TransferInput::decl(&config),
        Transfer::decl(&config),
        DisclosureInput::decl(&config),
        Disclosure::decl(&config),
        RequestKind::decl(&config),
        RequestChannel::decl(&config),
        RequestStatus::decl(&config),
        RequestInput::decl(&config),
        Request::decl(&config),
        RequestsDue::decl(&config),
        ExtractFiles::decl(&config),
        ErasureBlocker::decl(&config),
        ErasureCounts::decl(&config),
        NoteToReview::decl(&config),
        ErasureReceipt::decl(&config),
        RetentionRule::decl(&config),
        RetentionRuleInput::decl(&config),
        HoldInfo::decl(&config),
        RetentionStatus::decl(&config),
        RetentionPreview::decl(&config),
        RetentionRun::decl(&config),
        BackupInfo::decl(&config),
        BackupSchedule::decl(&config),
        RestoreReport::decl(&config),
        WorkProgress::decl(&config),
        ImportFormat::decl(&config),
        ImportOutcome::decl(&config),
        ImportReason::decl(&config),
        ImportMatch::decl(&config),
        SkippedValue::decl(&config),
        ImportRow::decl(&config),
        ImportCounts::decl(&config),
        ImportPlan::decl(&config),
        ImportOptions::decl(&config),
        ImportResult::decl(&config),
        MaintenanceNotice::decl(&config),
        SyncStatus::decl(&config),
        PullCounts::decl(&config),
        SyncReport::decl(&config),
        ConflictSide::decl(&config),
        SyncConflictView::decl(&config),
        Restriction::decl(&config),
        RestrictionInput::decl(&config),
        Objection::decl(&config),
        ObjectionInput::decl(&config),
        ObjectionRecorded::decl(&config),
        NameMatch::decl(&config),
        RedactionTarget::decl(&config),
        Redacted::decl(&config),
        RedactionTodo::decl(&config),
        PositionChange::decl(&config),
        PositionMove::decl(&config),
        PositionMoved::decl(&config),
        MeetingChange::decl(&config),
        LegalHold::decl(&config),
        PeopleExportFormat::decl(&config),
        PeopleSelection::decl(&config),
        PortabilityFiles::decl(&config),
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
