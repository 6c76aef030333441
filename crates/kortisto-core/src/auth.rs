//! Who may work in the register: users, their roles, the one permission table, passwords
//! (Argon2id), log-in with a growing delay after failures, and the idle lock.
//! Every entry point of [`Register`](crate::Register) names its [`Action`] and is checked
//! against it, by `authorize` for reads and by `Register::write` (which also records the
//! action in the audit trail) for changes; the table in [`Action::allowed_roles`] is the
//! only place permissions live.
use std::fmt;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::Argon2;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::{Error, Result};

/// The shortest password accepted.
pub const MIN_PASSWORD_CHARS: usize = 12;
/// Failed log-ins allowed before the delay starts.
const FREE_FAILURES: u32 = 3;
/// The longest delay between attempts.
const MAX_DELAY_SECONDS: i64 = 15 * 60;
/// Idle minutes before the app locks, unless an administrator changes it.
pub const DEFAULT_IDLE_LOCK_MINUTES: u32 = 15;

/// A user's role.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// The data-protection administrator: everything.
    Admin,
    /// Office staff: organisations, people, contact data, import, contact logging.
    Office,
    /// Sales reps: read, log meetings and contacts, leads and offers.
    Sales,
}

named!(Role, |given| crate::Error::UnknownRole { given: given.to_string() }, {
    Admin => "admin",
    Office => "office",
    Sales => "sales",
});

/// Every role-checked entry point of the core.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Add a user.
    UserAdd,
    /// List users.
    UserList,
    /// Change a user's role.
    UserRoleChange,
    /// Deactivate a user.
    UserDeactivate,
    /// Set another user's password.
    UserPasswordReset,
    /// Change one's own password.
    OwnPasswordChange,
    /// Read the audit trail.
    AuditList,
    /// Verify the audit trail's hash chain.
    AuditVerify,
    /// Record a completed privacy training.
    TrainingRecord,
    /// See who completed training and when.
    TrainingList,
    /// Record an internal audit check.
    InternalAuditRecord,
    /// List internal audit checks.
    InternalAuditList,
    /// Read register settings.
    SettingsRead,
    /// Change register settings.
    SettingsChange,
    /// Add a person.
    PersonAdd,
    /// Edit a person's data.
    PersonEdit,
    /// Open a person's page (audited).
    PersonView,
    /// List people.
    PersonList,
    /// Add an organisation.
    OrganisationAdd,
    /// Edit an organisation or its contact data.
    OrganisationEdit,
    /// Open an organisation's page (audited).
    OrganisationView,
    /// List organisations.
    OrganisationList,
    /// Add a position.
    PositionAdd,
    /// Add contact data.
    ContactAdd,
    /// Edit a position (title, job description, organisation, dates).
    PositionEdit,
    /// End a position at a date.
    PositionEnd,
    /// Move a person to another organisation (end one position, start the next).
    PositionMove,
    /// Edit a contact datum's value.
    ContactEdit,
    /// Mark a contact datum as no longer valid.
    ContactRetire,
    /// Delete a contact datum.
    ContactDelete,
    /// Look for likely duplicates of a business card.
    DuplicateCheck,
    /// Save a business card.
    BusinessCardSave,
    /// Add a deal (sales: leads and offers only; office: RFQs and information requests only).
    DealAdd,
    /// Edit a deal (sales: leads and offers only; office: RFQs and information requests only).
    DealEdit,
    /// List deals.
    DealList,
    /// Log a meeting or contact.
    MeetingLog,
    /// List meetings.
    MeetingList,
    /// Register a service element.
    ElementAdd,
    /// Search people and organisations.
    Search,
    /// Fill an empty register with synthetic demo data.
    DemoFill,
    /// Record consent given or withdrawn.
    ConsentRecord,
    /// Read a person's consent history.
    ConsentList,
    /// Export the marketing list.
    MarketingList,
    /// Add a processor.
    ProcessorAdd,
    /// List processors.
    ProcessorList,
    /// Record a transfer outside the EU/EEA.
    TransferAdd,
    /// List transfers.
    TransferList,
    /// Log a disclosure of a person's data.
    Disclose,
    /// Log and handle people's requests.
    RequestManage,
    /// List people's requests.
    RequestList,
    /// Produce a subject-access extract.
    Extract,
    /// Erase a person (`erasure`, the name existing audit trails hold).
    #[serde(rename = "erasure")]
    Erase,
    /// Put a legal hold on a record.
    LegalHoldAdd,
    /// Preview retention and read its rules and runs.
    RetentionPreview,
    /// Run retention.
    RetentionRun,
    /// Change a retention rule's period and reference.
    RetentionRuleSet,
    /// Create a backup and change the backup schedule.
    BackupCreate,
    /// Restore a backup.
    BackupRestore,
    /// Rotate the register key (new key in the keychain, new recovery code).
    KeyRotate,
    /// Join the register to a team hub (PostgreSQL) as its first device.
    HubSetUp,
    /// Sync with the hub now (push this device's changes, pull everyone else's).
    Sync,
    /// List the conflicts found while merging.
    SyncConflictList,
    /// Put back the value that lost a conflict.
    SyncConflictRestore,
    /// Enrol another device (one-time code).
    DeviceEnrol,
    /// List the register's devices.
    DeviceList,
    /// Revoke a device.
    DeviceRevoke,
    /// Restrict processing of a person (Art. 18).
    RestrictionSet,
    /// Lift a restriction of processing.
    RestrictionLift,
    /// Record an objection (Art. 21).
    ObjectionRecord,
    /// Find a person's name in free text before erasing them, and redact it.
    Redact,
    /// Correct a meeting (non-admins: only the meetings they logged).
    MeetingEdit,
    /// Delete a meeting (non-admins: only the meetings they logged).
    MeetingDelete,
    /// Edit or end a processor.
    ProcessorEdit,
    /// Edit or end a transfer.
    TransferEdit,
    /// List legal holds, lifted ones too.
    LegalHoldList,
    /// Lift a legal hold with a reason.
    LegalHoldLift,
    /// Create a prospect organisation (no Y-tunnus yet) from a business card.
    ProspectAdd,
    /// See who has seen a person (every audited read of them).
    PersonSeenBy,
    /// Merge an organisation created by mistake into another (everything moves over).
    OrganisationMerge,
    /// Remove an organisation that nothing refers to.
    OrganisationRemove,
    /// Export a selection or a search result of people as vCard, CSV or JSON.
    Export,
    /// Export one person's data for them (GDPR Art. 20: JSON + vCard).
    PortabilityExport,
    /// Read a contact file and see what importing it would do (the dry run).
    ImportPlan,
    /// Import a contact file (after its dry run).
    Import,
    /// Import rows whose e-mail an erased person had opted out with (the admin's decision).
    ImportSuppressed,
    /// Add or change a purpose of processing and its lawful bases.
    PurposeEdit,
    /// Publish the privacy notice, list its versions and what changed between them.
    NoticePublish,
    /// Export the record of processing activities (Art. 30).
    RecordOfProcessing,
}

impl Action {
    /// Every action, for the permission test and the README table.
    pub const ALL: &'static [Action] = &[
        Action::UserAdd,
        Action::UserList,
        Action::UserRoleChange,
        Action::UserDeactivate,
        Action::UserPasswordReset,
        Action::OwnPasswordChange,
        Action::AuditList,
        Action::AuditVerify,
        Action::TrainingRecord,
        Action::TrainingList,
        Action::InternalAuditRecord,
        Action::InternalAuditList,
        Action::SettingsRead,
        Action::SettingsChange,
        Action::PersonAdd,
        Action::PersonEdit,
        Action::PersonView,
        Action::PersonList,
        Action::OrganisationAdd,
        Action::OrganisationEdit,
        Action::OrganisationView,
        Action::OrganisationList,
        Action::PositionAdd,
        Action::ContactAdd,
        Action::PositionEdit,
        Action::PositionEnd,
        Action::PositionMove,
        Action::ContactEdit,
        Action::ContactRetire,
        Action::ContactDelete,
        Action::DuplicateCheck,
        Action::BusinessCardSave,
        Action::DealAdd,
        Action::DealEdit,
        Action::DealList,
        Action::MeetingLog,
        Action::MeetingList,
        Action::ElementAdd,
        Action::Search,
        Action::DemoFill,
        Action::ConsentRecord,
        Action::ConsentList,
        Action::MarketingList,
        Action::ProcessorAdd,
        Action::ProcessorList,
        Action::TransferAdd,
        Action::TransferList,
        Action::Disclose,
        Action::RequestManage,
        Action::RequestList,
        Action::Extract,
        Action::Erase,
        Action::LegalHoldAdd,
        Action::RetentionPreview,
        Action::RetentionRun,
        Action::RetentionRuleSet,
        Action::BackupCreate,
        Action::BackupRestore,
        Action::KeyRotate,
        Action::HubSetUp,
        Action::Sync,
        Action::SyncConflictList,
        Action::SyncConflictRestore,
        Action::DeviceEnrol,
        Action::DeviceList,
        Action::DeviceRevoke,
        Action::RestrictionSet,
        Action::RestrictionLift,
        Action::ObjectionRecord,
        Action::Redact,
        Action::MeetingEdit,
        Action::MeetingDelete,
        Action::ProcessorEdit,
        Action::TransferEdit,
        Action::LegalHoldList,
        Action::LegalHoldLift,
        Action::ProspectAdd,
        Action::PersonSeenBy,
        Action::OrganisationMerge,
        Action::OrganisationRemove,
        Action::Export,
        Action::PortabilityExport,
        Action::ImportPlan,
        Action::Import,
        Action::ImportSuppressed,
        Action::PurposeEdit,
        Action::NoticePublish,
        Action::RecordOfProcessing,
    ];

    /// The permission table: which roles may take this action. The match is exhaustive, so
    /// a new action cannot compile without its row.
    pub fn allowed_roles(self) -> &'static [Role] {
        use Role::*;
        match self {
            Action::UserAdd
            | Action::UserList
            | Action::UserRoleChange
            | Action::UserDeactivate
            | Action::UserPasswordReset
            | Action::AuditList
            | Action::AuditVerify
            | Action::TrainingRecord
            | Action::TrainingList
            | Action::InternalAuditRecord
            | Action::InternalAuditList
            | Action::SettingsChange
            | Action::DemoFill
            | Action::ProcessorAdd
            | Action::ProcessorList
            | Action::TransferAdd
            | Action::TransferList
            | Action::Disclose
            | Action::RequestManage
            | Action::RequestList
            | Action::Extract
            | Action::Erase
            | Action::LegalHoldAdd
            | Action::RetentionPreview
            | Action::RetentionRun
            | Action::RetentionRuleSet
            | Action::BackupCreate
            | Action::BackupRestore
            | Action::KeyRotate
            | Action::HubSetUp
            | Action::DeviceEnrol
            | Action::DeviceList
            | Action::DeviceRevoke
            | Action::RestrictionSet
            | Action::RestrictionLift
            | Action::ObjectionRecord
            | Action::Redact
            | Action::ProcessorEdit
            | Action::TransferEdit
            | Action::LegalHoldList
            | Action::LegalHoldLift
            | Action::PersonSeenBy
            | Action::OrganisationMerge
            | Action::OrganisationRemove
            | Action::PortabilityExport
            | Action::ImportSuppressed
            | Action::PurposeEdit
            | Action::NoticePublish
            | Action::RecordOfProcessing => &[Admin],
            Action::Sync | Action::SyncConflictList | Action::SyncConflictRestore => {
                &[Admin, Office, Sales]
            }
            Action::ConsentRecord | Action::ConsentList => &[Admin, Office, Sales],
            Action::MarketingList | Action::Export => &[Admin, Office],
            Action::OwnPasswordChange
            | Action::SettingsRead
            | Action::PersonAdd
            | Action::PersonEdit
            | Action::PersonView
            | Action::PersonList
            | Action::OrganisationView
            | Action::OrganisationList
            | Action::PositionAdd
            | Action::ContactAdd
            | Action::PositionEdit
            | Action::PositionEnd
            | Action::PositionMove
            | Action::ContactEdit
            | Action::ContactRetire
            | Action::ContactDelete
            | Action::DuplicateCheck
            | Action::BusinessCardSave
            | Action::DealList
            | Action::MeetingLog
            | Action::MeetingList
            | Action::Search
            | Action::MeetingEdit
            | Action::MeetingDelete
            | Action::ProspectAdd => &[Admin, Office, Sales],
            Action::OrganisationAdd | Action::OrganisationEdit | Action::ElementAdd => {
                &[Admin, Office]
            }
            // Moving a whole file of contacts in is office work (R8); a sales rep enters
            // people one business card at a time, with its duplicate warning.
            Action::ImportPlan | Action::Import => &[Admin, Office],
            // Which kinds each role may touch is `DealKind::allowed_for`.
            Action::DealAdd | Action::DealEdit => &[Admin, Office, Sales],
        }
    }

    /// The action's name (as in the audit and the README).
    pub fn name(self) -> &'static str {
        match self {
            Action::UserAdd => "user_add",
            Action::UserList => "user_list",
            Action::UserRoleChange => "user_role_change",
            Action::UserDeactivate => "user_deactivate",
            Action::UserPasswordReset => "user_password_reset",
            Action::OwnPasswordChange => "own_password_change",
            Action::AuditList => "audit_list",
            Action::AuditVerify => "audit_verify",
            Action::TrainingRecord => "training_record",
            Action::TrainingList => "training_list",
            Action::InternalAuditRecord => "internal_audit_record",
            Action::InternalAuditList => "internal_audit_list",
            Action::SettingsRead => "settings_read",
            Action::SettingsChange => "settings_change",
            Action::PersonAdd => "person_add",
            Action::PersonEdit => "person_edit",
            Action::PersonView => "person_view",
            Action::PersonList => "person_list",
            Action::OrganisationAdd => "organisation_add",
            Action::OrganisationEdit => "organisation_edit",
            Action::OrganisationView => "organisation_view",
            Action::OrganisationList => "organisation_list",
            Action::PositionAdd => "position_add",
            Action::ContactAdd => "contact_add",
            Action::PositionEdit => "position_edit",
            Action::PositionEnd => "position_end",
            Action::PositionMove => "position_move",
            Action::ContactEdit => "contact_edit",
            Action::ContactRetire => "contact_retire",
            Action::ContactDelete => "contact_delete",
            Action::DuplicateCheck => "duplicate_check",
            Action::BusinessCardSave => "business_card_save",
            Action::DealAdd => "deal_add",
            Action::DealEdit => "deal_edit",
            Action::DealList => "deal_list",
            Action::MeetingLog => "meeting_log",
            Action::MeetingList => "meeting_list",
            Action::ElementAdd => "element_add",
            Action::Search => "search",
            Action::DemoFill => "demo_fill",
            Action::ConsentRecord => "consent_record",
            Action::ConsentList => "consent_list",
            Action::MarketingList => "marketing_list",
            Action::ProcessorAdd => "processor_add",
            Action::ProcessorList => "processor_list",
            Action::TransferAdd => "transfer_add",
            Action::TransferList => "transfer_list",
            Action::Disclose => "disclose",
            Action::RequestManage => "request_manage",
            Action::RequestList => "request_list",
            Action::Extract => "extract",
            Action::Erase => "erasure",
            Action::LegalHoldAdd => "legal_hold_add",
            Action::RetentionPreview => "retention_preview",
            Action::RetentionRun => "retention_run",
            Action::RetentionRuleSet => "retention_rule_set",
            Action::BackupCreate => "backup_create",
            Action::BackupRestore => "backup_restore",
            Action::KeyRotate => "key_rotate",
            Action::HubSetUp => "hub_set_up",
            Action::Sync => "sync",
            Action::SyncConflictList => "sync_conflict_list",
            Action::SyncConflictRestore => "sync_conflict_restore",
            Action::DeviceEnrol => "device_enrol",
            Action::DeviceList => "device_list",
            Action::DeviceRevoke => "device_revoke",
            Action::RestrictionSet => "restriction_set",
            Action::RestrictionLift => "restriction_lift",
            Action::ObjectionRecord => "objection_record",
            Action::Redact => "redact",
            Action::MeetingEdit => "meeting_edit",
            Action::MeetingDelete => "meeting_delete",
            Action::ProcessorEdit => "processor_edit",
            Action::TransferEdit => "transfer_edit",
            Action::LegalHoldList => "legal_hold_list",
            Action::LegalHoldLift => "legal_hold_lift",
            Action::ProspectAdd => "prospect_add",
            Action::PersonSeenBy => "person_seen_by",
            Action::OrganisationMerge => "organisation_merge",
            Action::OrganisationRemove => "organisation_remove",
            Action::Export => "export",
            Action::PortabilityExport => "portability_export",
            Action::ImportPlan => "import_plan",
            Action::Import => "import",
            Action::ImportSuppressed => "import_suppressed",
            Action::PurposeEdit => "purpose_edit",
            Action::NoticePublish => "notice_publish",
            Action::RecordOfProcessing => "record_of_processing",
        }
    }

    /// Whether `role` may take this action.
    pub fn allows(self, role: Role) -> bool {
        self.allowed_roles().contains(&role)
    }
}

/// A logged-in user, as every entry point receives it. The role is re-read from the register
/// on each call, so a role change or deactivation takes effect at once.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Session {
    /// The user's id.
    pub user_id: String,
    /// Log-in name.
    pub username: String,
    /// Name shown in the app.
    pub display_name: String,
    /// Role at log-in.
    pub role: Role,
}

/// A password on its way in: zeroed on drop, `<redacted>` in `Debug`, never serialised.
#[derive(Clone)]
pub struct Password(Zeroizing<String>);

impl Password {
    /// Wraps a typed password.
    pub fn new(text: impl Into<String>) -> Self {
        Self(Zeroizing::new(text.into()))
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }

    /// Whether two typed passwords are the same (the "type it again" check).
    pub fn matches(&self, other: &Password) -> bool {
        self.0.as_bytes() == other.0.as_bytes()
    }

    /// Checks the length rule for a new password.
    pub fn check_new(&self) -> Result<()> {
        if self.0.chars().count() < MIN_PASSWORD_CHARS {
            return Err(Error::PasswordTooShort {
                min: MIN_PASSWORD_CHARS,
            });
        }
        Ok(())
    }

    /// Argon2id hash in PHC form.
    pub(crate) fn hash(&self) -> Result<String> {
        let mut salt = [0u8; 16];
        getrandom::fill(&mut salt).map_err(|e| Error::Storage(format!("no OS randomness: {e}")))?;
        let salt = SaltString::encode_b64(&salt).map_err(|e| Error::Storage(e.to_string()))?;
        Argon2::default()
            .hash_password(self.expose().as_bytes(), &salt)
            .map(|hash| hash.to_string())
            .map_err(|e| Error::Storage(e.to_string()))
    }

    /// Whether this password matches a stored hash.
    pub(crate) fn verify(&self, stored: &str) -> bool {
        PasswordHash::new(stored)
            .map(|hash| {
                Argon2::default()
                    .verify_password(self.expose().as_bytes(), &hash)
                    .is_ok()
            })
            .unwrap_or(false)
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

impl<'de> Deserialize<'de> for Password {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        String::deserialize(deserializer).map(Password::new)
    }
}

/// How long a user must wait after `failures` failed attempts, the last at `last_failed_at`:
/// nothing for the first three, then 2, 4, 8 … seconds, at most 15 minutes.
pub fn login_delay(failures: u32, last_failed_at: Option<DateTime<Utc>>) -> Option<DateTime<Utc>> {
    let last = last_failed_at?;
    if failures < FREE_FAILURES {
        return None;
    }
    let exponent = (failures - FREE_FAILURES + 1).min(20);
    let seconds = (1i64 << exponent).min(MAX_DELAY_SECONDS);
    Some(last + Duration::seconds(seconds))
}

/// The idle lock: a session's last activity and how long it may sit idle.
#[derive(Debug, Clone)]
pub struct IdleLock {
    last_activity: DateTime<Utc>,
    limit: Duration,
}

impl IdleLock {
    /// Starts counting from `now`.
    pub fn new(now: DateTime<Utc>, idle_minutes: u32) -> Self {
        Self {
            last_activity: now,
            limit: Duration::minutes(i64::from(idle_minutes)),
        }
    }

    /// Records activity at `now`, or answers [`Error::SessionLocked`] when the session sat
    /// idle longer than the limit (the caller then drops the session).
    pub fn touch(&mut self, now: DateTime<Utc>) -> Result<()> {
        if now - self.last_activity > self.limit {
            return Err(Error::SessionLocked);
        }
        self.last_activity = now;
        Ok(())
    }
}

/// Checks a new user's username and display name without touching the register.
pub fn validate_new_user(username: &str, display_name: &str) -> Result<()> {
    check_username(username)?;
    check_display_name(display_name)?;
    Ok(())
}

/// Checks a username as typed for a new user.
pub(crate) fn check_username(username: &str) -> Result<String> {
    let username = username.trim();
    let valid = (2..=64).contains(&username.chars().count())
        && username
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_'));
    if !valid {
        return Err(Error::UsernameInvalid);
    }
    Ok(username.to_string())
}

/// Checks a display name: 1–200 characters, no control characters.
pub(crate) fn check_display_name(name: &str) -> Result<String> {
    crate::validate::refuse_hidden("display_name", name)?;
    let name: String = name.trim().nfc().collect();
    if name.is_empty() || name.chars().count() > 200 || name.chars().any(char::is_control) {
        return Err(Error::DisplayNameInvalid);
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_action_has_one_name_in_the_audit_and_in_json() {
        for action in Action::ALL {
            let json = serde_json::to_value(action).unwrap();
            assert_eq!(json, action.name(), "{action:?}");
        }
    }

    #[test]
    fn the_delay_grows_after_three_failures_and_is_capped() {
        let t: DateTime<Utc> = "2026-11-27T10:00:00Z".parse().unwrap();
        assert_eq!(login_delay(2, Some(t)), None);
        assert_eq!(login_delay(3, Some(t)), Some(t + Duration::seconds(2)));
        assert_eq!(login_delay(4, Some(t)), Some(t + Duration::seconds(4)));
        assert_eq!(
            login_delay(40, Some(t)),
            Some(t + Duration::seconds(MAX_DELAY_SECONDS))
        );
    }

    #[test]
    fn the_idle_lock_locks_after_the_limit_only() {
        let t: DateTime<Utc> = "2026-11-27T10:00:00Z".parse().unwrap();
        let mut lock = IdleLock::new(t, 15);
        lock.touch(t + Duration::minutes(14)).unwrap();
        lock.touch(t + Duration::minutes(28)).unwrap();
        assert!(matches!(
            lock.touch(t + Duration::minutes(44)),
            Err(Error::SessionLocked)
        ));
    }

    #[test]
    fn passwords_hash_and_verify_and_hide_in_debug() {
        let password = Password::new("correct horse battery");
        let hash = password.hash().unwrap();
        assert!(hash.starts_with("$argon2id$"));
        assert!(password.verify(&hash));
        assert!(!Password::new("wrong horse battery").verify(&hash));
        assert_eq!(format!("{password:?}"), "<redacted>");
        assert!(matches!(
            Password::new("short").check_new(),
            Err(Error::PasswordTooShort { .. })
        ));
    }
}
