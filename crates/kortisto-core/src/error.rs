//! Every failure a user of Kortisto can meet, each with a stable code and a Finnish and
//! English sentence that says what to do. Front ends show these; they never parse the text.
use std::path::PathBuf;

use serde_json::{json, Value};

use crate::Language;

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A failure with a stable [`code`](Error::code). None of the variants carries key material
/// or personal data, so an error can be logged and shown as it is.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No keychain service answered (on Linux: no Secret Service on the session bus).
    #[error("keychain_unavailable: {detail}")]
    KeychainUnavailable {
        /// What the platform said.
        detail: String,
    },
    /// The keychain exists but is locked or refused access.
    #[error("keychain_locked: {detail}")]
    KeychainLocked {
        /// What the platform said.
        detail: String,
    },
    /// The register exists but its key is not in this keychain.
    #[error("key_missing for register {register_id}")]
    KeyMissing {
        /// The register whose key is missing.
        register_id: String,
    },
    /// The keychain holds a key, but not the one this register was made with.
    #[error("wrong_key for register {register_id}")]
    WrongKey {
        /// The register whose key did not match.
        register_id: String,
    },
    /// The database file or its manifest failed authentication or cannot be parsed.
    #[error("database_damaged: {detail}")]
    DatabaseDamaged {
        /// What was found wrong (no data from the file).
        detail: String,
    },
    /// The register was written by a newer Kortisto.
    #[error("schema_too_new: found {found}, this version knows up to {supported}")]
    SchemaTooNew {
        /// Schema version in the file.
        found: u32,
        /// Newest schema version this build knows.
        supported: u32,
    },
    /// The data directory cannot be created or written.
    #[error("data_dir_not_writable: {path}: {detail}")]
    DataDirNotWritable {
        /// The directory.
        path: PathBuf,
        /// What the OS said.
        detail: String,
    },
    /// No register in this data directory yet.
    #[error("register_missing in {path}")]
    RegisterMissing {
        /// The data directory.
        path: PathBuf,
    },
    /// A register already exists where a new one was to be created.
    #[error("register_exists in {path}")]
    RegisterExists {
        /// The data directory.
        path: PathBuf,
    },
    /// The recovery code is mistyped (wrong length, letters or checksum).
    #[error("recovery_code_invalid")]
    RecoveryCodeInvalid,
    /// The recovery code is well-formed but belongs to another register.
    #[error("recovery_code_mismatch")]
    RecoveryCodeMismatch,
    /// A new password is shorter than the minimum.
    #[error("password_too_short")]
    PasswordTooShort {
        /// Minimum number of characters.
        min: usize,
    },
    /// A username is empty, too long or has characters other than letters, digits, `.-_`.
    #[error("username_invalid")]
    UsernameInvalid,
    /// Another user already has this username.
    #[error("username_taken")]
    UsernameTaken {
        /// The username.
        username: String,
    },
    /// A display name is empty, too long or has control characters.
    #[error("display_name_invalid")]
    DisplayNameInvalid,
    /// A role name that does not exist.
    #[error("unknown_role")]
    UnknownRole {
        /// What was given.
        given: String,
    },
    /// The change would leave the register without an active administrator.
    #[error("last_admin")]
    LastAdmin,
    /// No user with this username.
    #[error("user_not_found")]
    UserNotFound {
        /// The username.
        username: String,
    },
    /// Wrong username or password, or a deactivated user.
    #[error("login_failed")]
    LoginFailed,
    /// Too many failed attempts: wait before the next one.
    #[error("login_throttled")]
    LoginThrottled {
        /// Seconds until the next attempt is accepted.
        retry_after_seconds: i64,
    },
    /// The acting user's role does not allow this action.
    #[error("permission_denied: {action}")]
    PermissionDenied {
        /// The action refused.
        action: String,
    },
    /// The session sat idle too long and was locked.
    #[error("session_locked")]
    SessionLocked,
    /// No one is logged in.
    #[error("not_logged_in")]
    NotLoggedIn,
    /// The first administrator already exists.
    #[error("admin_exists")]
    AdminExists,
    /// A date that is not a valid calendar date, or in the future where that is impossible.
    #[error("date_invalid: {field}")]
    DateInvalid {
        /// The field.
        field: String,
    },
    /// A text field that is empty, too long or has control characters.
    #[error("text_invalid: {field}")]
    TextInvalid {
        /// The field.
        field: String,
        /// Most characters allowed.
        max: usize,
    },
    /// A setting value out of its range.
    #[error("setting_invalid: {setting}")]
    SettingInvalid {
        /// The setting.
        setting: String,
        /// Smallest value allowed.
        min: u32,
        /// Largest value allowed.
        max: u32,
    },
    /// A field that breaks its rule (`rule` says which: business_id, phone, email,
    /// end_before_start, source_detail_required, contact_owner).
    #[error("field_invalid: {field} ({rule})")]
    FieldInvalid {
        /// The field.
        field: String,
        /// The rule it breaks.
        rule: String,
    },
    /// A record that does not exist (or no longer does).
    #[error("record_not_found: {kind} {id}")]
    RecordNotFound {
        /// The kind of record (person, organisation, deal, meeting).
        kind: String,
        /// The id asked for.
        id: String,
    },
    /// Saving would likely create a duplicate of these people; open one of them, or confirm
    /// that this is a different person.
    #[error("duplicate_suspected")]
    DuplicateSuspected {
        /// The likely duplicates.
        person_ids: Vec<String>,
    },
    /// The EU–US Privacy Shield is no valid basis since 16 July 2020 (Schrems II).
    #[error("privacy_shield_invalid")]
    PrivacyShieldInvalid,
    /// A request's deadline may be extended to three months after receipt at most.
    #[error("extension_too_long")]
    ExtensionTooLong {
        /// The latest allowed deadline (ISO).
        latest: String,
    },
    /// Erasure is not possible yet; `blockers` says why and until when.
    #[error("erasure_blocked")]
    ErasureBlocked {
        /// What blocks it.
        blockers: Vec<crate::erasure::ErasureBlocker>,
        /// The earliest date erasure becomes possible, when known (ISO).
        earliest_on: Option<String>,
    },
    /// The folder for an extract or a backup cannot be written.
    #[error("output_not_writable: {path}")]
    OutputNotWritable {
        /// The folder.
        path: String,
        /// What the OS said.
        detail: String,
    },
    /// An extract, export or backup aimed inside the register's own data folder.
    #[error("output_inside_register: {path}")]
    OutputInsideRegister {
        /// The folder.
        path: String,
    },
    /// A backup would overwrite an existing file.
    #[error("output_exists: {path}")]
    OutputExists {
        /// The file.
        path: String,
    },
    /// A name or e-mail address with invisible characters (bidirectional controls, zero-width
    /// characters) that could make it look like another.
    #[error("text_hidden_characters: {field}")]
    TextHiddenCharacters {
        /// The field.
        field: String,
    },
    /// A backup file failed authentication or is not a Kortisto backup.
    #[error("backup_damaged: {detail}")]
    BackupDamaged {
        /// What was wrong.
        detail: String,
    },
    /// A backup file ends before its final chunk.
    #[error("backup_truncated")]
    BackupTruncated,
    /// A backup of another register.
    #[error("backup_other_register")]
    BackupOtherRegister {
        /// The register the backup belongs to.
        backup_register_id: String,
    },
    /// The two typed new passwords differ.
    #[error("password_mismatch")]
    PasswordMismatch,
    /// No terminal to ask a password from, and none given in the environment.
    #[error("password_prompt_unavailable")]
    PasswordPromptUnavailable,
    /// The audit trail did not verify (see `audit verify`).
    #[error("audit_chain_broken at {seq}")]
    AuditChainBroken {
        /// The first entry that does not match.
        seq: i64,
    },
    /// A database file is in the data folder but its manifest (`register.json`) is not: the
    /// database is never replaced; `kortisto repair` rebuilds the manifest.
    #[error("manifest_missing in {path}")]
    ManifestMissing {
        /// The data directory.
        path: PathBuf,
    },
    /// The manifest belongs to another register than the one this folder holds (filed in
    /// the keychain), and its database salt does not match the database file.
    #[error("manifest_foreign in {path}")]
    ManifestForeign {
        /// The data directory.
        path: PathBuf,
    },
    /// The database file is not the one the manifest recorded (its salt differs): a file of
    /// another register was put in its place.
    #[error("database_foreign in {path}")]
    DatabaseForeign {
        /// The data directory.
        path: PathBuf,
    },
    /// Repair found nothing to repair, or no key that opens the database.
    #[error("repair_impossible: {reason}")]
    RepairImpossible {
        /// `nothing_to_repair`, `no_database`, `key_not_found` or `other_register`.
        reason: String,
    },
    /// Another process (or window) has the register open, or replaces its files right now.
    #[error("register_busy in {path}")]
    RegisterBusy {
        /// The data directory.
        path: PathBuf,
    },
    /// The recovery code was given as a command-line argument, where `ps` and the shell
    /// history would keep it.
    #[error("recovery_code_on_command_line")]
    RecoveryCodeOnCommandLine,
    /// The clock looks wrong for an irreversible run (retention): it is earlier than the
    /// last run, or far past the newest data. An administrator checks it and confirms.
    #[error("clock_suspect: {reason}")]
    ClockSuspect {
        /// `behind_last_run` or `far_past_newest_data`.
        reason: String,
        /// The clock's date now (ISO).
        now: String,
        /// The date it was compared with (ISO).
        reference: String,
    },
    /// A consent "given" dated before a withdrawal already recorded for the same purpose.
    #[error("consent_before_withdrawal")]
    ConsentBeforeWithdrawal {
        /// The withdrawal's date (ISO).
        withdrawn_on: String,
    },
    /// A purpose of processing was given without any lawful basis (Art. 6(1)).
    #[error("purpose_basis_missing")]
    PurposeBasisMissing {
        /// The purpose.
        purpose_id: String,
    },
    /// A purpose that rests on consent names no consent purpose for the ledger, or a
    /// marketing list was asked for a purpose that does not rest on consent.
    #[error("purpose_consent_missing")]
    PurposeConsentMissing {
        /// The purpose.
        purpose_id: String,
    },
    /// A transfer outside the EU/EEA was given no legal basis (GDPR chapter V).
    #[error("transfer_basis_missing")]
    TransferBasisMissing,
    /// A purpose with this id already exists.
    #[error("purpose_exists")]
    PurposeExists {
        /// The purpose.
        purpose_id: String,
    },
    /// Sync was asked for, but this register has not joined a hub.
    #[error("hub_not_set_up")]
    HubNotSetUp,
    /// The register already takes part in a hub.
    #[error("hub_already_set_up")]
    HubAlreadySetUp,
    /// The register key cannot be rotated while the register syncs through a hub: the
    /// other devices derive the sync key from the same register key.
    #[error("key_rotate_synced")]
    KeyRotateSynced,
    /// A correction was made "for" a request that is already closed: it would be listed
    /// under an answer already given.
    #[error("request_closed: {request_id}")]
    RequestClosed {
        /// The request.
        request_id: String,
    },
    /// A correction of one person's data was made "for" a request of another person: it
    /// would be listed (old and new values) in the other person's answer.
    #[error("request_of_another_person: {request_id}")]
    RequestOfAnotherPerson {
        /// The request.
        request_id: String,
    },
    /// A position's end date comes before its start date.
    #[error("position_end_before_start: {position_id}")]
    PositionEndBeforeStart {
        /// The position.
        position_id: String,
        /// Its start date (ISO).
        start_on: String,
        /// The end date asked for (ISO).
        end_on: String,
    },
    /// A position asked to be ended (or moved from) has already ended.
    #[error("position_already_ended: {position_id}")]
    PositionAlreadyEnded {
        /// The position.
        position_id: String,
        /// Its end date (ISO).
        end_on: String,
    },
    /// A contact datum marked as no longer valid cannot be edited or retired again.
    #[error("contact_retired: {contact_id}")]
    ContactRetired {
        /// The contact datum.
        contact_id: String,
    },
    /// A training test result other than passed or failed.
    #[error("training_result_invalid: {given}")]
    TrainingResultInvalid {
        /// What was given.
        given: String,
    },
    /// A training test score outside 0–100.
    #[error("training_score_invalid: {given}")]
    TrainingScoreInvalid {
        /// What was given.
        given: i64,
    },
    /// A record from the hub failed authentication or does not match its labels.
    #[error("sync_record_invalid: {record_id}")]
    SyncRecordInvalid {
        /// The record's id on the hub.
        record_id: String,
    },
    /// The enrolment code is mistyped, cut short or not a Kortisto enrolment code.
    #[error("enrolment_code_invalid")]
    EnrolmentCodeInvalid,
    /// The sync hub did not answer (no network, wrong address or port, server down).
    #[error("hub_unreachable: {detail}")]
    HubUnreachable {
        /// What the connection said (never a password).
        detail: String,
    },
    /// The hub address is not a valid `postgres://` URL, or names no database that exists.
    #[error("hub_url_invalid: {detail}")]
    HubUrlInvalid {
        /// What is wrong with it (never a password).
        detail: String,
    },
    /// The hub address asks for no TLS towards a host other than this computer.
    #[error("hub_tls_required")]
    HubTlsRequired,
    /// The hub refused the user name or password.
    #[error("hub_credentials_rejected")]
    HubCredentialsRejected,
    /// The hub's schema is newer than this Kortisto knows.
    #[error("hub_schema_newer: found {found}, this version knows up to {supported}")]
    HubSchemaNewer {
        /// The hub's schema version.
        found: u32,
        /// Newest hub schema version this build knows.
        supported: u32,
    },
    /// The hub's schema is older than this Kortisto needs.
    #[error("hub_schema_older: found {found}, this version needs {supported}")]
    HubSchemaOlder {
        /// The hub's schema version.
        found: u32,
        /// The hub schema version this build needs.
        supported: u32,
    },
    /// The hub database has no Kortisto schema (`kortisto hub init` was not run).
    #[error("hub_not_initialised")]
    HubNotInitialised,
    /// The hub, or this device's hub login, belongs to another register.
    #[error("hub_foreign_register")]
    HubForeignRegister,
    /// This device was revoked on the hub.
    #[error("hub_device_revoked")]
    HubDeviceRevoked,
    /// Only an administrator's device may enrol or revoke devices.
    #[error("hub_not_admin_device")]
    HubNotAdminDevice,
    /// No device of this register has that name.
    #[error("hub_device_unknown: {name}")]
    HubDeviceUnknown {
        /// The name given.
        name: String,
    },
    /// Another device of this register already has that name.
    #[error("hub_device_name_taken: {name}")]
    HubDeviceNameTaken {
        /// The name given.
        name: String,
    },
    /// The one-time enrolment code was already used.
    #[error("hub_enrolment_used")]
    HubEnrolmentUsed,
    /// An unexpected hub failure.
    #[error("hub_failed: {detail}")]
    HubFailed {
        /// What the hub said (never a password).
        detail: String,
    },
    /// The person's processing is restricted (Art. 18): only an administrator may change
    /// their data or add data about them.
    #[error("person_restricted: {person_id}")]
    PersonRestricted {
        /// The person.
        person_id: String,
    },
    /// A restriction is already in force on the person.
    #[error("restriction_in_force: {person_id}")]
    RestrictionInForce {
        /// The person.
        person_id: String,
        /// Since when (ISO date).
        from_on: String,
    },
    /// There is no restriction in force to lift.
    #[error("restriction_not_in_force: {person_id}")]
    RestrictionNotInForce {
        /// The person.
        person_id: String,
    },
    /// The person has already objected for this purpose.
    #[error("objection_exists: {person_id} {purpose}")]
    ObjectionExists {
        /// The person.
        person_id: String,
        /// The purpose.
        purpose: String,
    },
    /// The text to redact no longer names the person (someone changed it meanwhile).
    #[error("redaction_stale: {record_kind} {record_id} {field}")]
    RedactionStale {
        /// The record's kind.
        record_kind: String,
        /// The record.
        record_id: String,
        /// The field.
        field: String,
    },
    /// A non-admin tried to correct or delete a meeting someone else logged.
    #[error("meeting_not_yours: {meeting_id}")]
    MeetingNotYours {
        /// The meeting.
        meeting_id: String,
        /// Who logged it (display name).
        logged_by_name: String,
    },
    /// An organisation cannot be removed while records refer to it (merge it instead).
    #[error("organisation_in_use: {organisation_id}")]
    OrganisationInUse {
        /// The organisation.
        organisation_id: String,
        /// Its name.
        name: String,
        /// Positions (current or past) at it.
        positions: u64,
        /// Its deals.
        deals: u64,
        /// Its meetings.
        meetings: u64,
        /// Its contact data, units, service elements and legal holds.
        other: u64,
    },
    /// An organisation cannot be merged into itself or into one of its own units.
    #[error("organisation_merge_invalid: {organisation_id} {rule}")]
    OrganisationMergeInvalid {
        /// The organisation to merge.
        organisation_id: String,
        /// `same`, `own_unit` or `synced` (the register syncs through a hub).
        rule: String,
    },
    /// No legal hold has this id.
    #[error("legal_hold_not_found: {legal_hold_id}")]
    LegalHoldNotFound {
        /// The id given.
        legal_hold_id: String,
    },
    /// The legal hold was lifted already.
    #[error("legal_hold_already_lifted: {legal_hold_id}")]
    LegalHoldAlreadyLifted {
        /// The hold.
        legal_hold_id: String,
        /// When it was lifted (RFC 3339).
        lifted_at: String,
    },
    /// A disclosure to a processor whose processing has ended.
    #[error("processor_ended: {processor_id}")]
    ProcessorEnded {
        /// The processor.
        processor_id: String,
        /// When it ended (ISO).
        ended_on: String,
    },
    /// An import file that cannot be read (missing, unreadable, broken CSV quoting).
    #[error("import_unreadable: {detail}")]
    ImportUnreadable {
        /// What went wrong (no content of the file).
        detail: String,
    },
    /// An import file that is neither a vCard nor a CSV file.
    #[error("import_format_unknown")]
    ImportFormatUnknown,
    /// An import file larger than is read.
    #[error("import_too_large: over {max_mb} MB")]
    ImportTooLarge {
        /// The limit in megabytes.
        max_mb: u64,
    },
    /// An import file with no contacts in it.
    #[error("import_empty")]
    ImportEmpty,
    /// A CSV file whose headings name no name column.
    #[error("import_columns_unknown: {columns}")]
    ImportColumnsUnknown {
        /// The headings found.
        columns: String,
    },
    /// A column-mapping file with a line that is not `Heading = field`.
    #[error("import_mapping_invalid: line {line}")]
    ImportMappingInvalid {
        /// The line (0: the file maps nothing).
        line: u32,
    },
    /// A column-mapping file naming a heading the CSV file does not have.
    #[error("import_mapping_column_missing: {column}")]
    ImportMappingColumnMissing {
        /// The heading.
        column: String,
    },
    /// An unexpected storage failure (a bug or a failing disk).
    #[error("storage_failed: {0}")]
    Storage(String),
}

impl Error {
    /// The stable code front ends match on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::KeychainUnavailable { .. } => "keychain_unavailable",
            Error::KeychainLocked { .. } => "keychain_locked",
            Error::KeyMissing { .. } => "key_missing",
            Error::WrongKey { .. } => "wrong_key",
            Error::DatabaseDamaged { .. } => "database_damaged",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::DataDirNotWritable { .. } => "data_dir_not_writable",
            Error::RegisterMissing { .. } => "register_missing",
            Error::RegisterExists { .. } => "register_exists",
            Error::RecoveryCodeInvalid => "recovery_code_invalid",
            Error::RecoveryCodeMismatch => "recovery_code_mismatch",
            Error::PasswordTooShort { .. } => "password_too_short",
            Error::UsernameInvalid => "username_invalid",
            Error::UsernameTaken { .. } => "username_taken",
            Error::DisplayNameInvalid => "display_name_invalid",
            Error::UnknownRole { .. } => "unknown_role",
            Error::LastAdmin => "last_admin",
            Error::UserNotFound { .. } => "user_not_found",
            Error::LoginFailed => "login_failed",
            Error::LoginThrottled { .. } => "login_throttled",
            Error::PermissionDenied { .. } => "permission_denied",
            Error::SessionLocked => "session_locked",
            Error::NotLoggedIn => "not_logged_in",
            Error::AdminExists => "admin_exists",
            Error::DateInvalid { .. } => "date_invalid",
            Error::TextInvalid { .. } => "text_invalid",
            Error::SettingInvalid { .. } => "setting_invalid",
            Error::AuditChainBroken { .. } => "audit_chain_broken",
            Error::PasswordMismatch => "password_mismatch",
            Error::BackupDamaged { .. } => "backup_damaged",
            Error::BackupTruncated => "backup_truncated",
            Error::BackupOtherRegister { .. } => "backup_other_register",
            Error::PrivacyShieldInvalid => "privacy_shield_invalid",
            Error::ExtensionTooLong { .. } => "extension_too_long",
            Error::ErasureBlocked { .. } => "erasure_blocked",
            Error::OutputNotWritable { .. } => "output_not_writable",
            Error::OutputInsideRegister { .. } => "output_inside_register",
            Error::OutputExists { .. } => "output_exists",
            Error::TextHiddenCharacters { .. } => "text_hidden_characters",
            Error::DuplicateSuspected { .. } => "duplicate_suspected",
            Error::FieldInvalid { .. } => "field_invalid",
            Error::RecordNotFound { .. } => "record_not_found",
            Error::PasswordPromptUnavailable => "password_prompt_unavailable",
            Error::ManifestMissing { .. } => "manifest_missing",
            Error::ManifestForeign { .. } => "manifest_foreign",
            Error::DatabaseForeign { .. } => "database_foreign",
            Error::RepairImpossible { .. } => "repair_impossible",
            Error::RegisterBusy { .. } => "register_busy",
            Error::RecoveryCodeOnCommandLine => "recovery_code_on_command_line",
            Error::ClockSuspect { .. } => "clock_suspect",
            Error::ConsentBeforeWithdrawal { .. } => "consent_before_withdrawal",
            Error::PurposeBasisMissing { .. } => "purpose_basis_missing",
            Error::PurposeConsentMissing { .. } => "purpose_consent_missing",
            Error::PurposeExists { .. } => "purpose_exists",
            Error::TransferBasisMissing => "transfer_basis_missing",
            Error::HubNotSetUp => "hub_not_set_up",
            Error::HubAlreadySetUp => "hub_already_set_up",
            Error::KeyRotateSynced => "key_rotate_synced",
            Error::RequestClosed { .. } => "request_closed",
            Error::RequestOfAnotherPerson { .. } => "request_of_another_person",
            Error::PositionEndBeforeStart { .. } => "position_end_before_start",
            Error::PositionAlreadyEnded { .. } => "position_already_ended",
            Error::ContactRetired { .. } => "contact_retired",
            Error::MeetingNotYours { .. } => "meeting_not_yours",
            Error::OrganisationInUse { .. } => "organisation_in_use",
            Error::OrganisationMergeInvalid { .. } => "organisation_merge_invalid",
            Error::LegalHoldNotFound { .. } => "legal_hold_not_found",
            Error::LegalHoldAlreadyLifted { .. } => "legal_hold_already_lifted",
            Error::ProcessorEnded { .. } => "processor_ended",
            Error::TrainingResultInvalid { .. } => "training_result_invalid",
            Error::TrainingScoreInvalid { .. } => "training_score_invalid",
            Error::SyncRecordInvalid { .. } => "sync_record_invalid",
            Error::EnrolmentCodeInvalid => "enrolment_code_invalid",
            Error::HubUnreachable { .. } => "hub_unreachable",
            Error::HubUrlInvalid { .. } => "hub_url_invalid",
            Error::HubTlsRequired => "hub_tls_required",
            Error::HubCredentialsRejected => "hub_credentials_rejected",
            Error::HubSchemaNewer { .. } => "hub_schema_newer",
            Error::HubSchemaOlder { .. } => "hub_schema_older",
            Error::HubNotInitialised => "hub_not_initialised",
            Error::HubForeignRegister => "hub_foreign_register",
            Error::HubDeviceRevoked => "hub_device_revoked",
            Error::HubNotAdminDevice => "hub_not_admin_device",
            Error::HubDeviceUnknown { .. } => "hub_device_unknown",
            Error::HubDeviceNameTaken { .. } => "hub_device_name_taken",
            Error::HubEnrolmentUsed => "hub_enrolment_used",
            Error::HubFailed { .. } => "hub_failed",
            Error::PersonRestricted { .. } => "person_restricted",
            Error::RestrictionInForce { .. } => "restriction_in_force",
            Error::RestrictionNotInForce { .. } => "restriction_not_in_force",
            Error::ObjectionExists { .. } => "objection_exists",
            Error::RedactionStale { .. } => "redaction_stale",
            Error::ImportUnreadable { .. } => "import_unreadable",
            Error::ImportFormatUnknown => "import_format_unknown",
            Error::ImportTooLarge { .. } => "import_too_large",
            Error::ImportEmpty => "import_empty",
            Error::ImportColumnsUnknown { .. } => "import_columns_unknown",
            Error::ImportMappingInvalid { .. } => "import_mapping_invalid",
            Error::ImportMappingColumnMissing { .. } => "import_mapping_column_missing",
            Error::Storage(_) => "storage_failed",
        }
    }

    /// The values the sentence refers to, for front ends that word it themselves.
    pub fn params(&self) -> Value {
        match self {
            Error::KeychainUnavailable { detail }
            | Error::KeychainLocked { detail }
            | Error::DatabaseDamaged { detail }
            | Error::HubUnreachable { detail }
            | Error::HubUrlInvalid { detail }
            | Error::HubFailed { detail }
            | Error::Storage(detail) => json!({ "detail": detail }),
            Error::PersonRestricted { person_id } | Error::RestrictionNotInForce { person_id } => {
                json!({ "person_id": person_id })
            }
            Error::RestrictionInForce { person_id, from_on } => {
                json!({ "person_id": person_id, "from_on": from_on })
            }
            Error::ObjectionExists { person_id, purpose } => {
                json!({ "person_id": person_id, "purpose": purpose })
            }
            Error::RedactionStale {
                record_kind,
                record_id,
                field,
            } => json!({ "record_kind": record_kind, "record_id": record_id, "field": field }),
            Error::HubSchemaNewer { found, supported }
            | Error::HubSchemaOlder { found, supported } => {
                json!({ "found": found, "supported": supported })
            }
            Error::HubDeviceUnknown { name } | Error::HubDeviceNameTaken { name } => {
                json!({ "name": name })
            }
            Error::HubTlsRequired
            | Error::HubCredentialsRejected
            | Error::HubNotInitialised
            | Error::HubForeignRegister
            | Error::HubDeviceRevoked
            | Error::HubNotAdminDevice
            | Error::HubEnrolmentUsed => json!({}),
            Error::KeyMissing { register_id } | Error::WrongKey { register_id } => {
                json!({ "register_id": register_id })
            }
            Error::SchemaTooNew { found, supported } => {
                json!({ "found": found, "supported": supported })
            }
            Error::DataDirNotWritable { path, detail } => {
                json!({ "path": path.display().to_string(), "detail": detail })
            }
            Error::RegisterMissing { path } | Error::RegisterExists { path } => {
                json!({ "path": path.display().to_string() })
            }
            Error::RecoveryCodeInvalid | Error::RecoveryCodeMismatch => json!({}),
            Error::PasswordTooShort { min } => json!({ "min": min }),
            Error::UsernameTaken { username } | Error::UserNotFound { username } => {
                json!({ "username": username })
            }
            Error::UnknownRole { given } => json!({ "given": given }),
            Error::LoginThrottled {
                retry_after_seconds,
            } => {
                json!({ "retry_after_seconds": retry_after_seconds })
            }
            Error::PermissionDenied { action } => json!({ "action": action }),
            Error::DateInvalid { field } => json!({ "field": field }),
            Error::ManifestMissing { path }
            | Error::RegisterBusy { path }
            | Error::ManifestForeign { path }
            | Error::DatabaseForeign { path } => {
                json!({ "path": path.display().to_string() })
            }
            Error::RepairImpossible { reason } => json!({ "reason": reason }),
            Error::RecoveryCodeOnCommandLine => json!({}),
            Error::ClockSuspect {
                reason,
                now,
                reference,
            } => json!({ "reason": reason, "now": now, "reference": reference }),
            Error::ConsentBeforeWithdrawal { withdrawn_on } => {
                json!({ "withdrawn_on": withdrawn_on })
            }
            Error::PurposeBasisMissing { purpose_id }
            | Error::PurposeConsentMissing { purpose_id }
            | Error::PurposeExists { purpose_id } => json!({ "purpose_id": purpose_id }),
            Error::TextInvalid { field, max } => json!({ "field": field, "max": max }),
            Error::SettingInvalid { setting, min, max } => {
                json!({ "setting": setting, "min": min, "max": max })
            }
            Error::AuditChainBroken { seq } => json!({ "seq": seq }),
            Error::FieldInvalid { field, rule } => json!({ "field": field, "rule": rule }),
            Error::DuplicateSuspected { person_ids } => json!({ "person_ids": person_ids }),
            Error::PrivacyShieldInvalid | Error::BackupTruncated => json!({}),
            Error::BackupDamaged { detail } => json!({ "detail": detail }),
            Error::BackupOtherRegister { backup_register_id } => {
                json!({ "backup_register_id": backup_register_id })
            }
            Error::ExtensionTooLong { latest } => json!({ "latest": latest }),
            Error::ErasureBlocked {
                blockers,
                earliest_on,
            } => json!({ "blockers": blockers, "earliest_on": earliest_on }),
            Error::OutputNotWritable { path, detail } => json!({ "path": path, "detail": detail }),
            Error::OutputInsideRegister { path } | Error::OutputExists { path } => {
                json!({ "path": path })
            }
            Error::TextHiddenCharacters { field } => json!({ "field": field }),
            Error::RecordNotFound { kind, id } => json!({ "kind": kind, "id": id }),
            Error::SyncRecordInvalid { record_id } => json!({ "record_id": record_id }),
            Error::RequestClosed { request_id } | Error::RequestOfAnotherPerson { request_id } => {
                json!({ "request_id": request_id })
            }
            Error::PositionEndBeforeStart {
                position_id,
                start_on,
                end_on,
            } => json!({ "position_id": position_id, "start_on": start_on, "end_on": end_on }),
            Error::PositionAlreadyEnded {
                position_id,
                end_on,
            } => json!({ "position_id": position_id, "end_on": end_on }),
            Error::ContactRetired { contact_id } => json!({ "contact_id": contact_id }),
            Error::MeetingNotYours {
                meeting_id,
                logged_by_name,
            } => json!({ "meeting_id": meeting_id, "logged_by_name": logged_by_name }),
            Error::OrganisationInUse {
                organisation_id,
                name,
                positions,
                deals,
                meetings,
                other,
            } => json!({
                "organisation_id": organisation_id,
                "name": name,
                "positions": positions,
                "deals": deals,
                "meetings": meetings,
                "other": other,
            }),
            Error::OrganisationMergeInvalid {
                organisation_id,
                rule,
            } => json!({ "organisation_id": organisation_id, "rule": rule }),
            Error::LegalHoldNotFound { legal_hold_id } => {
                json!({ "legal_hold_id": legal_hold_id })
            }
            Error::LegalHoldAlreadyLifted {
                legal_hold_id,
                lifted_at,
            } => json!({ "legal_hold_id": legal_hold_id, "lifted_at": lifted_at }),
            Error::ProcessorEnded {
                processor_id,
                ended_on,
            } => json!({ "processor_id": processor_id, "ended_on": ended_on }),
            Error::TrainingResultInvalid { given } => json!({ "given": given }),
            Error::TrainingScoreInvalid { given } => json!({ "given": given }),
            Error::HubNotSetUp
            | Error::TransferBasisMissing
            | Error::HubAlreadySetUp
            | Error::KeyRotateSynced
            | Error::EnrolmentCodeInvalid => json!({}),
            Error::UsernameInvalid
            | Error::DisplayNameInvalid
            | Error::LastAdmin
            | Error::LoginFailed
            | Error::SessionLocked
            | Error::NotLoggedIn
            | Error::AdminExists
            | Error::PasswordMismatch
            | Error::PasswordPromptUnavailable => json!({}),
            Error::ImportUnreadable { detail } => json!({ "detail": detail }),
            Error::ImportFormatUnknown | Error::ImportEmpty => json!({}),
            Error::ImportTooLarge { max_mb } => json!({ "max_mb": max_mb }),
            Error::ImportColumnsUnknown { columns } => json!({ "columns": columns }),
            Error::ImportMappingInvalid { line } => json!({ "line": line }),
            Error::ImportMappingColumnMissing { column } => json!({ "column": column }),
        }
    }

    /// The sentence for a person: what happened and what to do, in `language`.
    pub fn message(&self, language: Language) -> String {
        let fi = language == Language::Fi;
        match self {
            Error::KeychainUnavailable { .. } => if fi {
                "Käyttöjärjestelmän avainnippua ei löytynyt, joten rekisteriä ei voi avata. Käynnistä avainnippupalvelu (Linuxissa esim. GNOME Keyring) tai kirjaudu työpöytäistuntoon ja yritä uudelleen."
            } else {
                "The operating system's keychain could not be reached, so the register cannot be opened. Start the keychain service (on Linux e.g. GNOME Keyring) or log in to a desktop session and try again."
            }
            .to_string(),
            Error::KeychainLocked { .. } => if fi {
                "Avainnippu on lukittu tai esti pääsyn. Avaa avainnippu (kirjaudu sisään tai anna sen salasana) ja yritä uudelleen."
            } else {
                "The keychain is locked or refused access. Unlock it (log in or enter its password) and try again."
            }
            .to_string(),
            Error::KeyMissing { .. } => if fi {
                "Rekisterin avainta ei ole tämän koneen avainnipussa. Palauta se rekisteriä luotaessa näytetyllä palautuskoodilla: sovelluksen palautuslomakkeella tai komennolla kortisto recover."
            } else {
                "The register's key is not in this computer's keychain. Restore it with the recovery code shown when the register was created: in the app's recovery form or with kortisto recover."
            }
            .to_string(),
            Error::WrongKey { .. } => if fi {
                "Avainnipussa oleva avain ei kuulu tähän rekisteriin. Palauta oikea avain palautuskoodilla: sovelluksen palautuslomakkeella tai komennolla kortisto recover."
            } else {
                "The key in the keychain does not belong to this register. Put the right key back with the recovery code: in the app's recovery form or with kortisto recover."
            }
            .to_string(),
            Error::DatabaseDamaged { .. } => if fi {
                "Rekisteritiedosto on vioittunut tai sitä on muutettu Kortiston ulkopuolella, eikä sitä avattu. Tiedostoon ei koskettu. Palauta rekisteri varmuuskopiosta tai ota yhteys ylläpitoon."
            } else {
                "The register file is damaged or was changed outside Kortisto, so it was not opened. The file was left untouched. Restore the register from a backup or contact support."
            }
            .to_string(),
            Error::SchemaTooNew { found, supported } => if fi {
                format!("Rekisteri on tehty uudemmalla Kortiston versiolla (rakenneversio {found}, tämä versio tuntee {supported} asti). Päivitä Kortisto ja avaa rekisteri uudelleen.")
            } else {
                format!("The register was made by a newer Kortisto (schema version {found}; this version knows up to {supported}). Update Kortisto and open the register again.")
            },
            Error::DataDirNotWritable { path, .. } => if fi {
                format!("Tietokansioon {} ei voi kirjoittaa. Valitse kansio, johon sinulla on kirjoitusoikeus (--data-dir tai KORTISTO_DATA_DIR), tai korjaa kansion oikeudet.", path.display())
            } else {
                format!("The data folder {} cannot be written. Choose a folder you can write to (--data-dir or KORTISTO_DATA_DIR) or fix the folder's permissions.", path.display())
            },
            Error::RegisterMissing { path } => if fi {
                format!("Kansiossa {} ei ole rekisteriä. Luo rekisteri komennolla kortisto init tai valitse oikea kansio.", path.display())
            } else {
                format!("There is no register in {}. Create one with kortisto init or choose the right folder.", path.display())
            },
            Error::RegisterExists { path } => if fi {
                format!("Kansiossa {} on jo rekisteri. Avaa se, tai valitse uudelle rekisterille toinen kansio.", path.display())
            } else {
                format!("{} already holds a register. Open it, or choose another folder for a new register.", path.display())
            },
            Error::RecoveryCodeInvalid => if fi {
                "Palautuskoodi ei ole kelvollinen: tarkista, että kirjoitit kaikki merkit oikein (väliviivoilla ja kirjainkoolla ei ole väliä)."
            } else {
                "The recovery code is not valid: check that every character is typed correctly (dashes and letter case do not matter)."
            }
            .to_string(),
            Error::RecoveryCodeMismatch => if fi {
                "Palautuskoodi on kelvollinen mutta kuuluu toiseen rekisteriin. Käytä tämän rekisterin luonnissa näytettyä koodia."
            } else {
                "The recovery code is valid but belongs to another register. Use the code shown when this register was created."
            }
            .to_string(),
            Error::PasswordTooShort { min } => if fi {
                format!("Salasanassa on oltava vähintään {min} merkkiä. Valitse pidempi salasana; pitkä lause on helppo muistaa.")
            } else {
                format!("A password needs at least {min} characters. Choose a longer one; a long phrase is easy to remember.")
            },
            Error::UsernameInvalid => if fi {
                "Käyttäjätunnuksessa saa olla 2–64 merkkiä: kirjaimia, numeroita sekä . - _. Korjaa tunnus ja yritä uudelleen."
            } else {
                "A username has 2–64 characters: letters, digits and . - _. Correct it and try again."
            }
            .to_string(),
            Error::UsernameTaken { username } => if fi {
                format!("Käyttäjätunnus {username} on jo käytössä. Valitse toinen tunnus.")
            } else {
                format!("The username {username} is already taken. Choose another one.")
            },
            Error::DisplayNameInvalid => if fi {
                "Nimessä on oltava 1–200 merkkiä ilman ohjausmerkkejä. Korjaa nimi ja yritä uudelleen."
            } else {
                "A name needs 1–200 characters without control characters. Correct it and try again."
            }
            .to_string(),
            Error::UnknownRole { given } => if fi {
                format!("Roolia \"{given}\" ei ole. Valitse admin, office tai sales.")
            } else {
                format!("There is no role \"{given}\". Choose admin, office or sales.")
            },
            Error::LastAdmin => if fi {
                "Rekisteriin on jäätävä ainakin yksi aktiivinen ylläpitäjä. Nimeä ensin toinen ylläpitäjä."
            } else {
                "The register must keep at least one active administrator. Make someone else an administrator first."
            }
            .to_string(),
            Error::UserNotFound { username } => if fi {
                format!("Käyttäjää {username} ei löydy. Tarkista tunnus käyttäjäluettelosta.")
            } else {
                format!("There is no user {username}. Check the username in the user list.")
            },
            Error::LoginFailed => if fi {
                "Väärä käyttäjätunnus tai salasana, tai tunnus on poistettu käytöstä. Tarkista ja yritä uudelleen, tai pyydä ylläpitäjää asettamaan uusi salasana."
            } else {
                "Wrong username or password, or the account is deactivated. Check and try again, or ask an administrator to reset your password."
            }
            .to_string(),
            Error::LoginThrottled { retry_after_seconds } => if fi {
                format!("Liian monta epäonnistunutta yritystä. Odota {retry_after_seconds} sekuntia ennen seuraavaa yritystä.")
            } else {
                format!("Too many failed attempts. Wait {retry_after_seconds} seconds before the next one.")
            },
            Error::PermissionDenied { .. } => if fi {
                "Roolisi ei salli tätä toimintoa. Pyydä ylläpitäjää tekemään se tai muuttamaan roolisi."
            } else {
                "Your role does not allow this. Ask an administrator to do it or to change your role."
            }
            .to_string(),
            Error::SessionLocked => if fi {
                "Istunto lukittiin, koska sovellus oli käyttämättä. Kirjaudu uudelleen sisään."
            } else {
                "The session was locked after a period of inactivity. Log in again."
            }
            .to_string(),
            Error::NotLoggedIn => if fi {
                "Et ole kirjautunut sisään. Kirjaudu sisään ja yritä uudelleen (komentorivillä: kortisto --user TUNNUS …)."
            } else {
                "You are not logged in. Log in and try again (on the command line: kortisto --user NAME …)."
            }
            .to_string(),
            Error::AdminExists => if fi {
                "Rekisterillä on jo ylläpitäjä. Kirjaudu sisään omalla tunnuksellasi."
            } else {
                "The register already has an administrator. Log in with your own account."
            }
            .to_string(),
            Error::DateInvalid { field } if field == "at" => if fi {
                "Tapaamisen aikaa ei voi lukea, joten mitään ei tallennettu. Kirjoita esimerkiksi 14.30 (tänään), eilen 16.00, ma 10.00, 30.11. 10.00 tai 27.11.2026 14.30.".to_string()
            } else {
                "The time of the meeting cannot be read, so nothing was saved. Write for example 14.30 (today), yesterday 16.00, mon 10.00, 30.11. 10.00 or 27.11.2026 14.30.".to_string()
            },
            Error::DateInvalid { field } => if fi {
                let field = field_word(field, fi);
                format!("Päivämäärä ({field}) ei kelpaa. Kirjoita se nelinumeroisella vuodella muodossa 27.11.2026 (tai 27.11.2026 14.30) tai 2026-11-27; vuoden on oltava 1900–2199, eikä tapahtunut asia voi olla tulevaisuudessa.")
            } else {
                let field = field_word(field, fi);
                format!("The date ({field}) is not valid. Write it with a four-digit year as 27.11.2026 (or 27.11.2026 14.30) or 2026-11-27; the year must be 1900–2199, and something that happened cannot be in the future.")
            },
            Error::ManifestMissing { path } => if fi {
                format!("Kansiossa {} on rekisterin tietokanta mutta ei sen tunnistetiedostoa (register.json). Tietokantaan ei koskettu. Korjaa rekisteri komennolla kortisto repair (tai sovelluksen Korjaa-painikkeella); jos avainnippu ei löydä avainta, korjaus kysyy palautuskoodia.", path.display())
            } else {
                format!("{} holds the register's database but not its manifest (register.json). The database was left untouched. Repair the register with kortisto repair (or the app's Repair button); if the keychain has no key for it, the repair asks for the recovery code.", path.display())
            },
            Error::ManifestForeign { path } => if fi {
                format!("Kansion {} tunnistetiedosto (register.json) kuuluu toiseen rekisteriin kuin sen tietokanta. Mitään ei avattu eikä muutettu. Palauta kansion oma register.json (esim. varmuuskopiosta tai roskakorista); jos se on kadonnut, poista vieras tiedosto ja korjaa rekisteri komennolla kortisto repair.", path.display())
            } else {
                format!("The manifest (register.json) in {} belongs to another register than its database. Nothing was opened or changed. Put the folder's own register.json back (e.g. from a backup or the trash); if it is lost, remove the foreign file and repair the register with kortisto repair.", path.display())
            },
            Error::DatabaseForeign { path } => if fi {
                format!("Kansion {} tietokantatiedosto (kortisto.db) on toisen rekisterin tiedosto kuin tunnistetiedostoon on kirjattu. Mitään ei avattu eikä muutettu. Palauta oikea kortisto.db tai palauta rekisteri varmuuskopiosta.", path.display())
            } else {
                format!("The database file (kortisto.db) in {} is another register's file than the manifest recorded. Nothing was opened or changed. Put the right kortisto.db back or restore the register from a backup.", path.display())
            },
            Error::RepairImpossible { reason } => match (reason.as_str(), fi) {
                ("nothing_to_repair", true) => "Rekisterissä ei ole korjattavaa: sen tunnistetiedosto on paikallaan. Avaa rekisteri tavalliseen tapaan.".to_string(),
                ("nothing_to_repair", false) => "The register needs no repair: its manifest is in place. Open it as usual.".to_string(),
                ("no_database", true) => "Kansiossa ei ole rekisterin tietokantaa (kortisto.db), joten korjattavaa ei ole. Palauta rekisteri varmuuskopiosta: kortisto restore TIEDOSTO.".to_string(),
                ("no_database", false) => "The folder has no register database (kortisto.db), so there is nothing to repair. Restore the register from a backup: kortisto restore FILE.".to_string(),
                ("other_register", true) => "Tietokanta kuuluu toiseen rekisteriin kuin avainnippuun kirjattu. Korjaa antamalla tämän tietokannan palautuskoodi (KORTISTO_RECOVERY_CODE tai kehote).".to_string(),
                ("other_register", false) => "The database belongs to another register than the one filed in the keychain. Repair with this database's recovery code (KORTISTO_RECOVERY_CODE or the prompt).".to_string(),
                (_, true) => "Avainnipusta ei löytynyt avainta, joka avaa tietokannan. Anna rekisterin palautuskoodi (KORTISTO_RECOVERY_CODE tai kehote), niin korjaus avaa tietokannan sillä.".to_string(),
                (_, false) => "No key in the keychain opens the database. Give the register's recovery code (KORTISTO_RECOVERY_CODE or the prompt) and the repair opens the database with it.".to_string(),
            },
            Error::RegisterBusy { path } => if fi {
                format!("Rekisteri kansiossa {} on auki toisessa ohjelmassa tai ikkunassa, tai sitä palautetaan parhaillaan. Sulje Kortisto muualta ja yritä uudelleen.", path.display())
            } else {
                format!("The register in {} is open in another program or window, or is being restored right now. Close Kortisto elsewhere and try again.", path.display())
            },
            Error::RecoveryCodeOnCommandLine => if fi {
                "Palautuskoodia ei anneta komentorivillä, koska se jäisi prosessilistaan ja komentohistoriaan. Anna se kehotteeseen, vakiosyötteestä tai muuttujassa KORTISTO_RECOVERY_CODE."
            } else {
                "The recovery code is not given on the command line, where the process list and the shell history would keep it. Type it at the prompt, pipe it to standard input or set KORTISTO_RECOVERY_CODE."
            }
            .to_string(),
            Error::ClockSuspect { reason, now, reference } => match (reason.as_str(), fi) {
                ("behind_last_run", true) => format!("Koneen kello ({now}) on aiemmin kuin edellinen säilytysajo ({reference}). Säilytysajo pysäytettiin, ettei mitään poisteta väärällä päivämäärällä. Tarkista kello; ylläpitäjä voi sitten ajaa säilytyksen vahvistaen kellon oikeaksi."),
                ("behind_last_run", false) => format!("The computer's clock ({now}) is earlier than the last retention run ({reference}). The run was stopped so that nothing is erased on a wrong date. Check the clock; an administrator can then run retention and confirm the clock is right."),
                (_, true) => format!("Koneen kello ({now}) on kaukana rekisterin uusimman tapahtuman ({reference}) jälkeen. Säilytysajo pysäytettiin, ettei väärä kello poista ihmisiä. Tarkista kello; ylläpitäjä voi sitten ajaa säilytyksen vahvistaen kellon oikeaksi."),
                (_, false) => format!("The computer's clock ({now}) is far past the register's newest activity ({reference}). The run was stopped so that a wrong clock erases nobody. Check the clock; an administrator can then run retention and confirm the clock is right."),
            },
            Error::ConsentBeforeWithdrawal { withdrawn_on } => if fi {
                format!("Suostumuksen päivämäärä on ennen jo kirjattua peruutusta ({withdrawn_on}), joten se ei voi kumota peruutusta. Jos henkilö antoi suostumuksen uudelleen, kirjaa sen todellinen (peruutuksen jälkeinen) päivämäärä.")
            } else {
                format!("The consent is dated before a withdrawal already recorded ({withdrawn_on}), so it cannot undo the withdrawal. If the person consented again, record the real date (after the withdrawal).")
            },
            Error::PurposeBasisMissing { purpose_id } => if fi {
                format!("Käyttötarkoitukselle {purpose_id} ei annettu oikeusperustetta. Anna vähintään yksi: suostumus, sopimus, lakisääteinen velvoite, elintärkeä etu, yleinen etu tai oikeutettu etu (--basis consent|contract|legal-obligation|vital-interests|public-task|legitimate-interest). Mitään ei muutettu.")
            } else {
                format!("The purpose {purpose_id} was given no lawful basis. Give at least one: consent, contract, legal obligation, vital interests, public task or legitimate interest (--basis consent|contract|legal-obligation|vital-interests|public-task|legitimate-interest). Nothing was changed.")
            },
            Error::PurposeConsentMissing { purpose_id } => if fi {
                format!("Käyttötarkoitus {purpose_id} ei perustu suostumukseen tai siltä puuttuu suostumuksen tarkoitus, joten sille ei voi tehdä markkinointilistaa eikä sitä voi tallentaa näin. Anna suostumusperusteiselle tarkoitukselle suostumuksen tarkoitus (--consent-purpose), tai valitse markkinointilistalle suostumukseen perustuva tarkoitus. Mitään ei muutettu.")
            } else {
                format!("The purpose {purpose_id} does not rest on consent or names no consent purpose, so it cannot have a marketing list nor be saved like this. Give a consent-based purpose its consent purpose (--consent-purpose), or choose a consent-based purpose for the marketing list. Nothing was changed.")
            },
            Error::TransferBasisMissing => if fi {
                "Siirrolle EU:n tai ETAn ulkopuolelle ei annettu perustetta. Anna --basis: adequacy-decision (riittävyyspäätös), standard-contractual-clauses (vakiolausekkeet), binding-corporate-rules (sitovat säännöt) tai derogation (49 art. poikkeus), ja --detail kertomaan mikä. Mitään ei tallennettu.".to_string()
            } else {
                "The transfer outside the EU or EEA was given no basis. Give --basis: adequacy-decision, standard-contractual-clauses, binding-corporate-rules or derogation, and --detail saying which. Nothing was saved.".to_string()
            },
            Error::PurposeExists { purpose_id } => if fi {
                format!("Käyttötarkoitus {purpose_id} on jo olemassa. Muokkaa sitä (purpose edit) tai valitse toinen tunnus.")
            } else {
                format!("The purpose {purpose_id} already exists. Edit it (purpose edit) or choose another id.")
            },
            Error::TextInvalid { field, max } => if fi {
                format!("Kenttä {field} on tyhjä, liian pitkä (enintään {max} merkkiä) tai sisältää ohjausmerkkejä. Korjaa se ja yritä uudelleen.")
            } else {
                format!("The field {field} is empty, too long (at most {max} characters) or has control characters. Correct it and try again.")
            },
            Error::SettingInvalid { setting, min, max } => if fi {
                format!("Asetuksen {setting} arvon on oltava {min}–{max}.")
            } else {
                format!("The setting {setting} must be between {min} and {max}.")
            },
            Error::FieldInvalid { field, rule } => field_rule_message(fi, field, rule),
            Error::BackupDamaged { .. } => if fi {
                "Varmuuskopio on vioittunut tai sitä on muutettu, eikä sitä palautettu. Nykyinen rekisteri on ennallaan. Käytä toista varmuuskopiota."
            } else {
                "The backup is damaged or was changed, so it was not restored. The current register is unchanged. Use another backup."
            }
            .to_string(),
            Error::BackupTruncated => if fi {
                "Varmuuskopio on katkennut (tiedosto loppuu kesken), eikä sitä palautettu. Nykyinen rekisteri on ennallaan. Kopioi tiedosto uudelleen tai käytä toista varmuuskopiota."
            } else {
                "The backup is truncated (the file ends early), so it was not restored. The current register is unchanged. Copy the file again or use another backup."
            }
            .to_string(),
            Error::BackupOtherRegister { .. } => if fi {
                "Varmuuskopio kuuluu toiseen rekisteriin, eikä sitä palautettu. Valitse tämän rekisterin varmuuskopio."
            } else {
                "The backup belongs to another register, so it was not restored. Choose a backup of this register."
            }
            .to_string(),
            Error::PrivacyShieldInvalid => if fi {
                "EU–US Privacy Shield ei ole kelvollinen siirtoperuste: EU-tuomioistuin mitätöi sen 16.7.2020 (Schrems II). Valitse tietosuojakehys (EU–US Data Privacy Framework, jos vastaanottaja on sertifioitu), vakiolausekkeet tai muu peruste."
            } else {
                "The EU–US Privacy Shield is not a valid transfer basis: the EU Court invalidated it on 16 July 2020 (Schrems II). Choose the EU–US Data Privacy Framework (if the recipient is certified), standard contractual clauses or another basis."
            }
            .to_string(),
            Error::ExtensionTooLong { latest } => if fi {
                format!("Määräaikaa voi jatkaa enintään kolmeen kuukauteen pyynnön saapumisesta eli {latest} asti (GDPR 12 art. 3 kohta).")
            } else {
                format!("The deadline can be extended to three months after receipt at most, i.e. until {latest} (GDPR Art. 12(3)).")
            },
            Error::ErasureBlocked { blockers, earliest_on } => {
                let list = blockers.iter().map(|b| b.describe(fi)).collect::<Vec<_>>().join("; ");
                match (fi, earliest_on) {
                    (true, Some(date)) => format!("Henkilöä ei voi vielä poistaa: {list}. Poisto on mahdollinen aikaisintaan {date}."),
                    (true, None) => format!("Henkilöä ei voi vielä poistaa: {list}. Poisto on mahdollinen, kun nämä ovat päättyneet."),
                    (false, Some(date)) => format!("The person cannot be erased yet: {list}. Erasure becomes possible on {date} at the earliest."),
                    (false, None) => format!("The person cannot be erased yet: {list}. Erasure becomes possible once these have ended."),
                }
            }
            Error::OutputNotWritable { path, .. } => if fi {
                format!("Kansioon {path} ei voi kirjoittaa, eikä sinne jäänyt mitään. Valitse toinen kansio.")
            } else {
                format!("The folder {path} cannot be written, and nothing was left there. Choose another folder.")
            },
            Error::OutputInsideRegister { path } => if fi {
                format!("Kansio {path} on rekisterin omassa datakansiossa. Tietopyyntöjä, vientejä ja varmuuskopioita ei kirjoiteta sinne, jotta henkilötietojen kopiot eivät sekoitu rekisterin tiedostoihin. Valitse toinen kansio, esim. Tiedostot.")
            } else {
                format!("The folder {path} is inside the register's own data folder. Extracts, exports and backups are not written there, so copies of personal data never mix with the register's files. Choose another folder, e.g. Documents.")
            },
            Error::OutputExists { path } => if fi {
                format!("Tiedosto {path} on jo olemassa, eikä sitä korvattu. Valitse toinen nimi tai siirrä vanha tiedosto ensin.")
            } else {
                format!("The file {path} already exists and was not replaced. Choose another name or move the old file first.")
            },
            Error::TextHiddenCharacters { field } => if fi {
                format!("Kentässä {field} on näkymättömiä merkkejä (tekstin suuntaa muuttavia tai nollalevyisiä merkkejä), jotka voivat saada sen näyttämään toiselta. Kirjoita arvo uudelleen käsin liittämättä sitä.")
            } else {
                format!("The field {field} has invisible characters (text-direction or zero-width characters) that can make it look like something else. Type the value again instead of pasting it.")
            },
            Error::DuplicateSuspected { person_ids } => if fi {
                format!("Rekisterissä on todennäköisesti jo sama henkilö ({} osumaa). Avaa olemassa oleva tieto, tai vahvista että kyseessä on eri henkilö.", person_ids.len())
            } else {
                format!("The register probably already has this person ({} matches). Open the existing record, or confirm that this is a different person.", person_ids.len())
            },
            Error::RecordNotFound { kind, id } => if fi {
                format!("Tietuetta ({kind} {id}) ei löydy. Se on ehkä poistettu; hae uudelleen.")
            } else {
                format!("The record ({kind} {id}) was not found. It may have been removed; search again.")
            },
            Error::PasswordMismatch => if fi {
                "Salasanat eivät täsmää. Kirjoita sama uusi salasana kahdesti."
            } else {
                "The passwords do not match. Type the same new password twice."
            }
            .to_string(),
            Error::PasswordPromptUnavailable => if fi {
                "Salasanaa ei voi kysyä, koska pääte puuttuu. Anna se ympäristömuuttujassa KORTISTO_PASSWORD (uusi salasana: KORTISTO_NEW_PASSWORD)."
            } else {
                "No terminal to ask the password from. Give it in KORTISTO_PASSWORD (a new password in KORTISTO_NEW_PASSWORD)."
            }
            .to_string(),
            Error::AuditChainBroken { seq } => if fi {
                format!("Lokiketju ei täsmää tapahtumasta {seq} alkaen: lokia on muutettu Kortiston ohi. Säilytä tiedosto tutkintaa varten ja ilmoita tietoturvavastaavalle.")
            } else {
                format!("The audit chain does not match from entry {seq} on: the log was changed outside Kortisto. Keep the file for investigation and tell your security officer.")
            },
            Error::HubNotSetUp => if fi {
                "Tämä rekisteri ei ole vielä yhteisen palvelimen (hubin) jäsen, joten synkronoitavaa ei ole. Ylläpitäjä ottaa hubin käyttöön komennolla kortisto hub init --url postgres://…, ja muut koneet liittyvät komennolla kortisto device join."
            } else {
                "This register has not joined a shared hub yet, so there is nothing to sync. An administrator sets one up with kortisto hub init --url postgres://…, and other machines join with kortisto device join."
            }
            .to_string(),
            Error::HubAlreadySetUp => if fi {
                "Tämä rekisteri on jo yhteisen palvelimen (hubin) jäsen. Synkronoi komennolla kortisto sync; uusi laite liitetään komennolla kortisto device enrol NIMI."
            } else {
                "This register already takes part in a hub. Sync with kortisto sync; add another machine with kortisto device enrol NAME."
            }
            .to_string(),
            Error::KeyRotateSynced => if fi {
                "Avainta ei voi vaihtaa, koska rekisteri synkronoidaan hubin kautta: muut laitteet käyttävät samaa avainta eivätkä enää pystyisi lukemaan tämän koneen muutoksia. Mitään ei muutettu. Jos avain on vaarantunut, ota yhteyttä tukeen: koko tiimin avain vaihdetaan uudella hubilla ja uusilla liittymiskoodeilla."
            } else {
                "The key cannot be rotated because this register syncs through a hub: the other devices use the same key and could no longer read this machine's changes. Nothing was changed. If the key was exposed, contact support: the whole team's key is replaced with a new hub and new enrolment codes."
            }
            .to_string(),
            Error::MeetingNotYours { logged_by_name, .. } => if fi {
                format!("Tämän tapaamisen kirjasi {logged_by_name}. Voit korjata ja poistaa vain itse kirjaamiasi tapaamisia, joten mitään ei muutettu. Pyydä kirjaajaa tai ylläpitäjää korjaamaan se.")
            } else {
                format!("This meeting was logged by {logged_by_name}. You may correct and delete only the meetings you logged yourself, so nothing was changed. Ask the one who logged it or an administrator to correct it.")
            },
            Error::OrganisationInUse {
                name,
                positions,
                deals,
                meetings,
                other,
                ..
            } => {
                let counts = [
                    (*positions, "tehtävä", "tehtävää", "position", "positions"),
                    (*deals, "kauppa", "kauppaa", "deal", "deals"),
                    (*meetings, "tapaaminen", "tapaamista", "meeting", "meetings"),
                    (*other, "muu tieto", "muuta tietoa", "other record", "other records"),
                ];
                let listed: Vec<String> = counts
                    .iter()
                    .filter(|(n, ..)| *n > 0)
                    .map(|(n, fi_one, fi_many, en_one, en_many)| match (fi, *n == 1) {
                        (true, true) => format!("{n} {fi_one}"),
                        (true, false) => format!("{n} {fi_many}"),
                        (false, true) => format!("{n} {en_one}"),
                        (false, false) => format!("{n} {en_many}"),
                    })
                    .collect();
                if fi {
                    format!("Organisaatiota {name} ei voi poistaa, koska siihen viittaa {}. Mitään ei poistettu. Jos se on luotu vahingossa, yhdistä se oikeaan organisaatioon: tiedot siirtyvät sinne.", listed.join(", "))
                } else {
                    format!("The organisation {name} cannot be removed because {} refer to it. Nothing was removed. If it was created by mistake, merge it into the right organisation: its records move there.", listed.join(", "))
                }
            }
            Error::OrganisationMergeInvalid { rule, .. } if rule == "synced" => if fi {
                "Organisaatiota ei voi yhdistää eikä poistaa rekisterissä, joka synkronoidaan tiimin hubin kautta: toinen laite voi juuri nyt lisätä sille tietoja, jotka silloin katoaisivat. Mitään ei muutettu. Korjaa organisaation nimi ja tiedot muokkaamalla sitä."
            } else {
                "An organisation cannot be merged or removed in a register synced through a team hub: another device may be adding data to it right now, which would then be lost. Nothing was changed. Correct the organisation's name and details by editing it."
            }.to_string(),
            Error::OrganisationMergeInvalid { rule, .. } => if rule == "own_unit" {
                if fi {
                    "Organisaatiota ei voi yhdistää omaan yksikköönsä. Mitään ei muutettu. Valitse toinen organisaatio, tai siirrä yksikkö ensin toisen organisaation alle."
                } else {
                    "An organisation cannot be merged into one of its own units. Nothing was changed. Choose another organisation, or move the unit under another organisation first."
                }
            } else if fi {
                "Organisaatiota ei voi yhdistää itseensä. Mitään ei muutettu. Valitse organisaatio, johon tiedot siirretään."
            } else {
                "An organisation cannot be merged into itself. Nothing was changed. Choose the organisation its records should move to."
            }
            .to_string(),
            Error::LegalHoldNotFound { legal_hold_id } => if fi {
                format!("Säilytysvelvoitetta {legal_hold_id} ei ole, joten mitään ei muutettu. Katso oikea tunniste luettelosta (kortisto legal-hold list).")
            } else {
                format!("There is no legal hold {legal_hold_id}, so nothing was changed. Look up the right id in the list (kortisto legal-hold list).")
            },
            Error::LegalHoldAlreadyLifted { legal_hold_id, lifted_at } => if fi {
                format!("Säilytysvelvoite {legal_hold_id} on jo purettu ({}), joten mitään ei muutettu.", finnish_day(lifted_at))
            } else {
                format!("The legal hold {legal_hold_id} was already lifted ({}), so nothing was changed.", finnish_day(lifted_at))
            },
            Error::ProcessorEnded { ended_on, .. } => if fi {
                format!("Tämän käsittelijän käsittely on päättynyt ({}), joten sille ei kirjata uusia luovutuksia. Mitään ei muutettu. Valitse voimassa oleva käsittelijä.", finnish_day(ended_on))
            } else {
                format!("This processor's processing ended ({}), so no new disclosures are recorded to it. Nothing was changed. Choose a processor still in use.", finnish_day(ended_on))
            },
            Error::RequestClosed { request_id } => if fi {
                format!("Pyyntö {request_id} on jo suljettu, joten korjausta ei voi kirjata sen alle. Mitään ei muutettu. Kirjaa korjaus ilman pyyntöä tai avoimen pyynnön alle.")
            } else {
                format!("Request {request_id} is already closed, so the correction cannot be recorded under it. Nothing was changed. Record the correction without a request or under an open request.")
            },
            Error::RequestOfAnotherPerson { request_id } => if fi {
                format!("Pyyntö {request_id} koskee toista henkilöä, joten tämän henkilön korjausta ei voi kirjata sen alle. Mitään ei muutettu. Kirjaa korjaus tämän henkilön oman pyynnön alle tai ilman pyyntöä.")
            } else {
                format!("Request {request_id} is about another person, so a correction of this person cannot be recorded under it. Nothing was changed. Record the correction under this person's own request or without a request.")
            },
            Error::PositionEndBeforeStart { start_on, end_on, .. } => {
                let (start, end) = (finnish_day(start_on), finnish_day(end_on));
                if fi {
                    format!("Tehtävä ei voi päättyä ({end}) ennen kuin se alkoi ({start}). Mitään ei muutettu. Anna päättymispäivä, joka on {start} tai sen jälkeen, tai korjaa ensin alkamispäivä.")
                } else {
                    format!("A position cannot end ({end}) before it started ({start}). Nothing was changed. Give an end date on or after {start}, or correct the start date first.")
                }
            }
            Error::PositionAlreadyEnded { end_on, .. } => {
                let end = finnish_day(end_on);
                if fi {
                    format!("Tehtävä on jo päättynyt {end}. Mitään ei muutettu. Jos päättymispäivä on väärä, muokkaa tehtävää ja korjaa päivä.")
                } else {
                    format!("The position already ended on {end}. Nothing was changed. If the end date is wrong, edit the position and correct the date.")
                }
            }
            Error::ContactRetired { .. } => if fi {
                "Yhteystieto on jo merkitty ei enää voimassa olevaksi, joten sitä ei voi muuttaa. Mitään ei muutettu. Lisää uusi yhteystieto tai poista vanha."
            } else {
                "The contact datum is already marked as no longer valid, so it cannot be changed. Nothing was changed. Add a new contact datum or delete the old one."
            }
            .to_string(),
            Error::TrainingResultInvalid { given } => if fi {
                format!("Koulutuksen testitulos ”{given}” ei kelpaa, joten mitään ei kirjattu. Anna tulos: passed (hyväksytty) tai failed (hylätty).")
            } else {
                format!("The training test result “{given}” is not valid, so nothing was recorded. Give the result as passed or failed.")
            },
            Error::TrainingScoreInvalid { given } => if fi {
                format!("Koulutuksen testipisteet {given} eivät kelpaa, joten mitään ei kirjattu. Anna pisteet kokonaislukuna väliltä 0–100 tai jätä ne tyhjiksi.")
            } else {
                format!("The training test score {given} is not valid, so nothing was recorded. Give the score as a whole number from 0 to 100, or leave it empty.")
            },
            Error::SyncRecordInvalid { record_id } => if fi {
                format!("Hubilta tullut muutos {record_id} ei läpäissyt tarkistusta (se on muuttunut matkalla tai kuuluu toiseen rekisteriin), joten mitään ei muutettu. Rekisteri toimii edelleen; ilmoita tietoturvavastaavalle ja hubin ylläpitäjälle.")
            } else {
                format!("The change {record_id} from the hub failed its check (it was altered on the way or belongs to another register), so nothing was changed. The register keeps working; tell your security officer and the hub's administrator.")
            },
            Error::EnrolmentCodeInvalid => if fi {
                "Liittymiskoodi ei kelpaa: se on kirjoitettu väärin, jäänyt kesken tai se ei ole Kortiston liittymiskoodi. Kopioi koko koodi uudelleen (se alkaa KORTISTO-) tai pyydä ylläpitäjältä uusi komennolla kortisto device enrol."
            } else {
                "The enrolment code is not valid: it is mistyped, cut short or not a Kortisto enrolment code. Copy the whole code again (it starts with KORTISTO-) or ask the administrator for a new one with kortisto device enrol."
            }
            .to_string(),
            Error::HubUnreachable { .. } => if fi {
                "Synkronointipalvelimeen (hub) ei saatu yhteyttä. Rekisteri toimii edelleen tällä koneella, ja muutokset odottavat seuraavaa synkronointia. Tarkista verkkoyhteys ja palvelimen osoite, tai yritä myöhemmin uudelleen."
            } else {
                "The sync hub could not be reached. The register keeps working on this computer, and changes wait for the next sync. Check the network and the hub's address, or try again later."
            }
            .to_string(),
            Error::HubUrlInvalid { .. } => if fi {
                "Synkronointipalvelimen osoite ei kelpaa. Kirjoita se muodossa postgres://palvelin:5432/tietokanta ja tarkista tietokannan nimi ylläpitäjältä."
            } else {
                "The sync hub's address is not valid. Write it as postgres://server:5432/database and check the database name with your administrator."
            }
            .to_string(),
            Error::HubTlsRequired => if fi {
                "Synkronointipalvelimeen on yhdistettävä salatusti (TLS), kun se ei ole tällä koneella. Poista osoitteesta sslmode=disable ja pyydä ylläpitäjää ottamaan TLS käyttöön palvelimella."
            } else {
                "The sync hub must be reached over an encrypted connection (TLS) unless it runs on this computer. Remove sslmode=disable from the address and ask your administrator to enable TLS on the server."
            }
            .to_string(),
            Error::HubCredentialsRejected => if fi {
                "Synkronointipalvelin hylkäsi tämän laitteen tunnukset. Laite on ehkä poistettu käytöstä; pyydä ylläpitäjää liittämään laite uudelleen (kortisto device enrol)."
            } else {
                "The sync hub rejected this device's credentials. The device may have been revoked; ask your administrator to enrol it again (kortisto device enrol)."
            }
            .to_string(),
            Error::HubSchemaNewer { found, supported } => if fi {
                format!("Synkronointipalvelin on uudemman Kortiston käytössä (rakenneversio {found}, tämä versio tuntee {supported} asti). Päivitä Kortisto tällä koneella; rekisteri toimii sillä välin ilman synkronointia.")
            } else {
                format!("The sync hub is used by a newer Kortisto (schema version {found}; this version knows up to {supported}). Update Kortisto on this computer; the register keeps working without sync meanwhile.")
            },
            Error::HubSchemaOlder { found, supported } => if fi {
                format!("Synkronointipalvelimen rakenne on vanhempi kuin tämä Kortisto tarvitsee (versio {found}, tarvitaan {supported}). Ylläpitäjä päivittää sen ajamalla uudelleen komennon kortisto hub init.")
            } else {
                format!("The sync hub's schema is older than this Kortisto needs (version {found}, needs {supported}). An administrator upgrades it by running kortisto hub init again.")
            },
            Error::HubNotInitialised => if fi {
                "Tietokannassa ei ole vielä Kortiston synkronointirakennetta. Ylläpitäjä luo sen komennolla kortisto hub init --url OSOITE."
            } else {
                "The database holds no Kortisto sync hub yet. An administrator creates it with kortisto hub init --url URL."
            }
            .to_string(),
            Error::HubForeignRegister => if fi {
                "Tämä synkronointipalvelin tai laitteen tunnus kuuluu toiseen rekisteriin, joten mitään ei synkronoitu. Tarkista palvelimen osoite ja liitä laite oikeaan rekisteriin."
            } else {
                "This sync hub or device login belongs to another register, so nothing was synced. Check the hub's address and join the device to the right register."
            }
            .to_string(),
            Error::HubDeviceRevoked => if fi {
                "Tämä laite on poistettu rekisterin synkronoinnista. Rekisteri toimii edelleen tällä koneella; pyydä ylläpitäjää liittämään laite uudelleen, jos sen pitää synkronoida."
            } else {
                "This device was revoked from the register's sync. The register still works on this computer; ask your administrator to enrol the device again if it should sync."
            }
            .to_string(),
            Error::HubNotAdminDevice => if fi {
                "Laitteita voi liittää ja poistaa vain ylläpitäjän laitteelta. Pyydä ylläpitäjää tekemään se."
            } else {
                "Devices can be enrolled and revoked only from an administrator's device. Ask your administrator to do it."
            }
            .to_string(),
            Error::HubDeviceUnknown { name } => if fi {
                format!("Rekisterillä ei ole laitetta nimeltä {name}. Tarkista nimi laiteluettelosta (kortisto device list).")
            } else {
                format!("The register has no device named {name}. Check the name in the device list (kortisto device list).")
            },
            Error::HubDeviceNameTaken { name } => if fi {
                format!("Rekisterillä on jo laite nimeltä {name}. Valitse uudelle laitteelle toinen nimi.")
            } else {
                format!("The register already has a device named {name}. Choose another name for the new device.")
            },
            Error::HubEnrolmentUsed => if fi {
                "Liittämiskoodi on jo käytetty, eikä sitä voi käyttää uudelleen. Pyydä ylläpitäjältä uusi koodi (kortisto device enrol)."
            } else {
                "The enrolment code was already used and cannot be used again. Ask your administrator for a new code (kortisto device enrol)."
            }
            .to_string(),
            Error::HubFailed { .. } => if fi {
                "Synkronointi epäonnistui odottamatta palvelimella, eikä tämän koneen rekisteriä muutettu. Yritä uudelleen; jos virhe toistuu, ota yhteys ylläpitoon."
            } else {
                "Sync failed unexpectedly on the hub, and the register on this computer was not changed. Try again; if it happens again, contact support."
            }
            .to_string(),
            Error::PersonRestricted { .. } => if fi {
                "Henkilön tietojen käsittely on rajoitettu (tietosuoja-asetuksen 18 artikla), joten vain ylläpitäjä voi muuttaa hänen tietojaan tai lisätä tietoja hänestä. Mitään ei muutettu. Pyydä ylläpitäjää tekemään muutos."
            } else {
                "Processing of this person's data is restricted (GDPR Art. 18), so only an administrator may change their data or add data about them. Nothing was changed. Ask an administrator to make the change."
            }
            .to_string(),
            Error::RestrictionInForce { from_on, .. } => if fi {
                format!("Henkilön käsittely on jo rajoitettu {} alkaen. Mitään ei muutettu. Pura voimassa oleva rajoitus ensin, jos haluat asettaa uuden.", finnish_day(from_on))
            } else {
                format!("Processing of this person is already restricted since {}. Nothing was changed. Lift the restriction in force first if you want to set a new one.", finnish_day(from_on))
            },
            Error::RestrictionNotInForce { .. } => if fi {
                "Henkilön käsittelyä ei ole rajoitettu, joten purettavaa rajoitusta ei ole. Mitään ei muutettu."
            } else {
                "Processing of this person is not restricted, so there is no restriction to lift. Nothing was changed."
            }
            .to_string(),
            // The purpose by its word, not its slug (`direct-marketing`).
            Error::ObjectionExists { purpose, .. } => match (fi, purpose.as_str()) {
                (true, "direct-marketing") => "Henkilön vastustus suoramarkkinoinnille on jo kirjattu. Mitään ei muutettu.".to_string(),
                (false, "direct-marketing") => "The person's objection to direct marketing is already recorded. Nothing was changed.".to_string(),
                (true, _) => format!("Henkilön vastustus käyttötarkoitukselle {purpose} on jo kirjattu. Mitään ei muutettu."),
                (false, _) => format!("The person's objection to {purpose} is already recorded. Nothing was changed."),
            },
            Error::RedactionStale { .. } => if fi {
                "Teksti ei enää mainitse henkilön nimeä (joku muutti sitä välillä), joten mitään ei poistettu. Päivitä osumien luettelo ja tarkista teksti uudelleen."
            } else {
                "The text no longer names the person (someone changed it meanwhile), so nothing was redacted. Refresh the list of matches and check the text again."
            }
            .to_string(),
            Error::ImportUnreadable { detail } => if fi {
                format!("Tuotavaa tiedostoa ei voi lukea ({detail}), eikä mitään tuotu. Tarkista tiedoston nimi ja että se on tallennettu loppuun asti.")
            } else {
                format!("The file to import cannot be read ({detail}) and nothing was imported. Check the file name and that the file was saved in full.")
            },
            Error::ImportFormatUnknown => if fi {
                "Tiedosto ei ole vCard- eikä CSV-tiedosto, eikä mitään tuotu. Vie yhteystiedot ohjelmasta vCard- (.vcf) tai CSV-muodossa."
            } else {
                "The file is neither a vCard nor a CSV file and nothing was imported. Export the contacts from their program as vCard (.vcf) or CSV."
            }
            .to_string(),
            Error::ImportTooLarge { max_mb } => if fi {
                format!("Tiedosto on yli {max_mb} Mt, eikä mitään tuotu. Jaa se pienempiin osiin tai vie yhteystiedot ilman kuvia.")
            } else {
                format!("The file is over {max_mb} MB and nothing was imported. Split it into smaller files or export the contacts without photos.")
            },
            Error::ImportEmpty => if fi {
                "Tiedostossa ei ole yhtään yhteystietoa, eikä mitään tuotu. Tarkista, että valitsit oikean tiedoston."
            } else {
                "The file has no contacts in it and nothing was imported. Check that you chose the right file."
            }
            .to_string(),
            Error::ImportColumnsUnknown { columns } => if fi {
                format!("CSV-tiedoston sarakkeista ei löydy nimeä (sarakkeet: {columns}), eikä mitään tuotu. Kerro sarakkeiden merkitys sarakemäärittelyllä (esim. Sukunimi = surname).")
            } else {
                format!("None of the CSV file's columns is a name (columns: {columns}) and nothing was imported. Say what the columns hold with a column mapping (e.g. Surname = surname).")
            },
            Error::ImportMappingInvalid { line } => if fi {
                format!("Sarakemäärittelyn rivi {line} ei ole muotoa 'Sarake = kenttä' tunnetulla kentällä (surname, first_name, other_first_names, full_name, organisation, title, email, phone, mobile, uid, ignore), eikä mitään tuotu. Korjaa rivi.")
            } else {
                format!("Line {line} of the column mapping is not 'Column = field' with a known field (surname, first_name, other_first_names, full_name, organisation, title, email, phone, mobile, uid, ignore) and nothing was imported. Correct the line.")
            },
            Error::ImportMappingColumnMissing { column } => if fi {
                format!("Sarakemäärittely nimeää sarakkeen '{column}', jota tiedostossa ei ole, eikä mitään tuotu. Kirjoita sarakkeen otsikko täsmälleen kuten tiedostossa.")
            } else {
                format!("The column mapping names a column '{column}' that the file does not have and nothing was imported. Write the heading exactly as in the file.")
            },
            Error::Storage(_) => if fi {
                "Tallennus epäonnistui odottamatta, eikä mitään muutettu. Yritä uudelleen; jos virhe toistuu, ota yhteys ylläpitoon."
            } else {
                "Storage failed unexpectedly and nothing was changed. Try again; if it happens again, contact support."
            }
            .to_string(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        Error::Storage(error.to_string())
    }
}

/// A field as the user knows it (the label by the input, the CLI option's meaning), so that a
/// message never shows the internal field name (`end_on`, `at`); a field with no word here is
/// shown as it is.
pub fn field_word(field: &str, fi: bool) -> String {
    let (w_fi, w_en) = match field {
        "end_on" => ("päättymispäivä", "end date"),
        "purpose_id" => ("käyttötarkoituksen tunnus", "purpose id"),
        "consent_purpose" => ("suostumuksen tarkoitus", "consent purpose"),
        "name_fi" => ("nimi suomeksi", "name in Finnish"),
        "name_en" => ("nimi englanniksi", "name in English"),
        "basis" => ("oikeusperuste", "lawful basis"),
        "start_on" => ("alkamispäivä", "start date"),
        "at" => ("aika", "time"),
        "until_on" => ("suunniteltu päättyminen", "planned end"),
        "from_on" => ("alkaen", "from"),
        "since_on" => ("alkaen", "since"),
        "on" => ("päivä", "day"),
        "agreement_date" => ("sopimuksen päivä", "agreement date"),
        "completed_on" => ("koulutuksen päivä", "training date"),
        "held_on" => ("auditoinnin päivä", "audit date"),
        "received_on" => ("saapumispäivä", "date received"),
        "extended_due_on" => ("uusi määräaika", "new deadline"),
        "consent_given_at" => ("suostumuksen päivä", "date of consent"),
        "objected_on" => ("vastustuksen päivä", "date of the objection"),
        "obtained_on" => ("hankintapäivä", "date obtained"),
        "disclosed_on" => ("luovutuspäivä", "date of disclosure"),
        "valid_from" => ("voimassa alkaen", "valid from"),
        "valid_to" => ("voimassa asti", "valid to"),
        "customer_since" => ("asiakkuus alkanut", "customer since"),
        "customer_until" => ("asiakkuus päättynyt", "customer until"),
        "ended_on" => ("päättymispäivä", "end date"),
        "email" => ("sähköposti", "e-mail"),
        "phone" => ("puhelin", "phone"),
        "mobile" => ("matkapuhelin", "mobile"),
        "business_id" => ("Y-tunnus", "business ID"),
        "surname" => ("sukunimi", "surname"),
        "first_name" => ("etunimi", "first name"),
        "title" => ("nimike", "title"),
        "subject" => ("aihe", "subject"),
        "reason" => ("syy", "reason"),
        "value" => ("arvo", "value"),
        "score" => ("pisteet", "score"),
        "topic" => ("aihe", "topic"),
        "source_detail" => ("lähteen tarkenne", "source detail"),
        other => return other.to_string(),
    };
    (if fi { w_fi } else { w_en }).to_string()
}

fn field_rule_message(fi: bool, field: &str, rule: &str) -> String {
    let field = field_word(field, fi);
    match (rule, fi) {
        ("business_id", true) => format!("Y-tunnus ({field}) ei kelpaa: kirjoita muodossa 1234567-8; tarkistusmerkki ei täsmää."),
        ("business_id", false) => format!("The business ID ({field}) is not valid: write it as 1234567-8; the check digit does not match."),
        ("phone", true) => format!("Puhelinnumeroa ({field}) ei tunnistettu. Kirjoita esim. 040 123 4567 tai +46 8 123 456 78."),
        ("phone", false) => format!("The phone number ({field}) was not recognised. Write e.g. 040 123 4567 or +46 8 123 456 78."),
        ("email", true) => format!("Sähköpostiosoite ({field}) ei kelpaa. Kirjoita muodossa nimi@yritys.fi."),
        ("email", false) => format!("The e-mail address ({field}) is not valid. Write it as name@company.fi."),
        ("end_before_start", true) => format!("Päättymispäivä ({field}) on ennen alkamispäivää. Korjaa päivämäärät."),
        ("end_before_start", false) => format!("The end date ({field}) is before the start date. Correct the dates."),
        ("source_detail_required", true) => format!("Kerro lähteen tarkenne ({field}): mikä tapahtuma, julkinen lähde tai tietopalvelu."),
        ("source_detail_required", false) => format!("Give the source's detail ({field}): which event, public source or data provider."),
        ("unknown_participant", true) => format!("Osallistujaa ({field}) ei löydy rekisteristä. Valitse henkilö haulla."),
        ("unknown_participant", false) => format!("The participant ({field}) is not in the register. Pick the person by searching."),
        ("participants_required", true) => "Valitse vähintään yksi osallistuja.".to_string(),
        ("participants_required", false) => "Choose at least one participant.".to_string(),
        ("parent_required", true) => "Yksiköllä on oltava emo-organisaatio. Valitse se.".to_string(),
        ("parent_required", false) => "A unit needs a parent organisation. Choose it.".to_string(),
        ("unknown_purpose", true) => "Tällaista suostumuksen käyttötarkoitusta ei ole. Valitse esim. direct-marketing.".to_string(),
        ("unknown_purpose", false) => "There is no such consent purpose. Choose e.g. direct-marketing.".to_string(),
        ("dpf-not-certified", true) => "EU–US Data Privacy Framework kelpaa vain, jos vastaanottaja on sertifioitu. Tarkista sertifiointi tai valitse vakiolausekkeet.".to_string(),
        ("dpf-not-certified", false) => "The EU–US Data Privacy Framework applies only when the recipient is certified. Check the certification or choose standard contractual clauses.".to_string(),
        ("dpf-before-2023-07-10", true) => "EU–US Data Privacy Framework on ollut voimassa 10.7.2023 alkaen; aiemmille siirroille tarvitaan muu peruste.".to_string(),
        ("dpf-before-2023-07-10", false) => "The EU–US Data Privacy Framework applies from 10 July 2023; earlier transfers need another basis.".to_string(),
        ("extension", true) => "Uuden määräajan on oltava nykyisen jälkeen, ja pyynnön on oltava avoin.".to_string(),
        ("extension", false) => "The new deadline must be after the current one, and the request must be open.".to_string(),
        ("duplicate", true) => format!("Sama {field} on jo rekisterissä. Avaa olemassa oleva tieto."),
        ("duplicate", false) => format!("The same {field} is already in the register. Open the existing record."),
        ("register_not_empty", true) => "Demoaineiston voi luoda vain rekisteriin, jossa ei vielä ole henkilöitä. Luo demoa varten uusi rekisteri toiseen kansioon (kortisto init --data-dir KANSIO).".to_string(),
        ("register_not_empty", false) => "Demo data can only fill a register that has no people yet. Create a new register for the demo in another folder (kortisto init --data-dir FOLDER).".to_string(),
        ("export_format", true) => "Vientimuoto ei kelpaa. Valitse vcard, csv tai json.".to_string(),
        ("export_format", false) => "The export format is not valid. Choose vcard, csv or json.".to_string(),
        ("export_count", true) => "Valitse vietäväksi 1–10 000 henkilöä.".to_string(),
        ("export_count", false) => "Choose 1–10,000 people to export.".to_string(),
        ("export_query", true) => "Kirjoita haku, jonka löytämät henkilöt viedään.".to_string(),
        ("export_query", false) => "Type a search whose people to export.".to_string(),
        ("legal_basis", true) => "Siirron perustetta ei tunnistettu. Valitse adequacy-decision (riittävyyspäätös), standard-contractual-clauses (vakiolausekkeet), binding-corporate-rules (sitovat säännöt) tai derogation (49 art. poikkeus).".to_string(),
        ("legal_basis", false) => "The transfer's basis was not recognised. Choose adequacy-decision, standard-contractual-clauses, binding-corporate-rules or derogation.".to_string(),
        ("lawful_basis", true) => "Oikeusperustetta ei tunnistettu. Valitse consent (suostumus), contract (sopimus), legal-obligation (lakisääteinen velvoite), vital-interests (elintärkeä etu), public-task (yleinen etu) tai legitimate-interest (oikeutettu etu).".to_string(),
        ("lawful_basis", false) => "The lawful basis was not recognised. Choose consent, contract, legal-obligation, vital-interests, public-task or legitimate-interest.".to_string(),
        ("purpose_id", true) => format!("Tunnus ({field}) saa sisältää vain pieniä kirjaimia a–z, numeroita ja yhdysmerkkejä, enintään 60 merkkiä (esim. tapahtumakutsut)."),
        ("purpose_id", false) => format!("The id ({field}) may hold only lower-case letters a–z, digits and hyphens, at most 60 characters (e.g. event-invitations)."),
        ("not_in_future", true) => format!("Päivä ({field}) ei voi olla tulevaisuudessa. Anna tämä päivä tai aiempi."),
        ("not_in_future", false) => format!("The date ({field}) cannot be in the future. Give today or an earlier day."),
        (_, true) => format!("Kentän {field} arvo ei kelpaa. Korjaa se ja yritä uudelleen."),
        (_, false) => format!("The value of {field} is not valid. Correct it and try again."),
    }
}

/// The day of an ISO date or RFC 3339 timestamp in Finnish form (`27.11.2026`); the text as
/// it is when it is neither.
fn finnish_day(text: &str) -> String {
    text.get(..10)
        .and_then(|day| day.parse::<chrono::NaiveDate>().ok())
        .map(crate::date::format_finnish)
        .unwrap_or_else(|| text.to_string())
}

#[cfg(test)]
mod field_word_tests {
    use super::Error;
    use crate::Language;

    #[test]
    fn messages_name_a_field_by_its_word_not_its_internal_name() {
        let date = Error::DateInvalid {
            field: "end_on".into(),
        };
        let fi = date.message(Language::Fi);
        assert!(
            fi.contains("(päättymispäivä)") && !fi.contains("end_on"),
            "{fi}"
        );
        let en = date.message(Language::En);
        assert!(en.contains("(end date)") && !en.contains("end_on"), "{en}");
        let at = Error::DateInvalid { field: "at".into() }.message(Language::Fi);
        // A meeting's time has its own sentence, with the forms a rep may type.
        assert!(
            at.contains("Tapaamisen aika") && at.contains("eilen") && !at.contains("(at)"),
            "{at}"
        );
        let email = Error::FieldInvalid {
            field: "email".into(),
            rule: "email".into(),
        }
        .message(Language::Fi);
        assert!(email.contains("(sähköposti)"), "{email}");
        let future = Error::FieldInvalid {
            field: "objected_on".into(),
            rule: "not_in_future".into(),
        }
        .message(Language::En);
        assert!(
            future.contains("(date of the objection)") && !future.contains("objected_on"),
            "{future}"
        );
    }
}
