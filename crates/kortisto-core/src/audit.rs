//! The audit trail: who did what to which record, written in the same transaction as the
//! action, holding ids and kinds only — never a name, an e-mail or any other value.
//!
//! Each entry's hash is SHA-256 over the previous entry's hash and the entry's own fields,
//! so altering, deleting or reordering any entry breaks the chain from that entry on, and
//! [`Register::audit_verify`] names the first entry that does not match.
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::auth::{Action, Session};
use crate::{store, Clock, Register, Result};

/// The hash that the first entry links to.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Action names written to the audit trail besides the [`Action`] names.
pub mod action {
    /// Successful log-in.
    pub const LOGIN: &str = "login";
    /// Failed log-in (wrong password, unknown or deactivated user).
    pub const LOGIN_FAILED: &str = "login_failed";
    /// A log-in refused because of the growing delay.
    pub const LOGIN_THROTTLED: &str = "login_throttled";
    /// Log-out.
    pub const LOGOUT: &str = "logout";
    /// The idle lock ended a session.
    pub const SESSION_LOCKED: &str = "session_locked";
}

/// One audit entry as shown to an administrator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AuditEvent {
    /// Position in the chain.
    #[ts(type = "number")]
    pub seq: i64,
    /// The entry's id.
    pub event_id: String,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Who (none for a failed log-in with an unknown username).
    pub user_id: Option<String>,
    /// The user's log-in name, for reading (staff data, not register data).
    pub username: Option<String>,
    /// What was done.
    pub action: String,
    /// The kind of record touched (`user`, `person`, …).
    pub record_kind: Option<String>,
    /// The id of the record touched.
    pub record_id: Option<String>,
}

/// Filters for listing the audit trail; all optional.
#[derive(Debug, Clone, Default, serde::Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct AuditFilter {
    /// From this instant or date on (RFC 3339 or `YYYY-MM-DD`).
    pub since: Option<String>,
    /// Before this instant or date.
    pub until: Option<String>,
    /// Only this user's entries.
    pub username: Option<String>,
    /// Only this action.
    pub action: Option<String>,
    /// Only entries about this record id.
    pub record_id: Option<String>,
    /// At most this many (default 500).
    pub limit: Option<u32>,
}

/// The result of checking the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct AuditVerification {
    /// Entries checked.
    #[ts(type = "number")]
    pub entries: u64,
    /// Whether every entry matched.
    pub intact: bool,
    /// The first entry that does not match.
    #[ts(type = "number | null")]
    pub first_broken_seq: Option<i64>,
    /// Why it does not match: `altered` (its content changed) or `link` (an entry before it
    /// was removed or moved).
    pub problem: Option<String>,
}

fn entry_hash(prev_hash: &str, event: &AuditEvent) -> String {
    let mut hasher = Sha256::new();
    let fields = [
        prev_hash,
        &event.seq.to_string(),
        &event.event_id,
        &event.at,
        event.user_id.as_deref().unwrap_or(""),
        &event.action,
        event.record_kind.as_deref().unwrap_or(""),
        event.record_id.as_deref().unwrap_or(""),
    ];
    for field in fields {
        hasher.update((field.len() as u64).to_be_bytes());
        hasher.update(field.as_bytes());
    }
    data_encoding::HEXLOWER.encode(&hasher.finalize())
}

/// Appends an entry; call inside the transaction of the action it records.
pub(crate) fn append(
    conn: &Connection,
    clock: &dyn Clock,
    user_id: Option<&str>,
    action: &str,
    record: Option<(&str, &str)>,
) -> Result<()> {
    let (prev_seq, prev_hash) = store::audit::head(conn)?.unwrap_or((0, GENESIS_HASH.to_string()));
    let event = AuditEvent {
        seq: prev_seq + 1,
        event_id: crate::ids::new_id(clock),
        at: crate::ids::timestamp(clock),
        user_id: user_id.map(str::to_string),
        username: None,
        action: action.to_string(),
        record_kind: record.map(|(kind, _)| kind.to_string()),
        record_id: record.map(|(_, id)| id.to_string()),
    };
    let hash = entry_hash(&prev_hash, &event);
    store::audit::insert(conn, &event, &prev_hash, &hash)
}

impl Register {
    /// Audit entries matching `filter`, newest first (admin).
    pub fn audit_list(&self, session: &Session, filter: &AuditFilter) -> Result<Vec<AuditEvent>> {
        self.authorize(session, Action::AuditList)?;
        store::audit::list(&self.conn, filter)
    }

    /// Walks the whole chain and names the first entry that does not match (admin).
    pub fn audit_verify(&self, session: &Session) -> Result<AuditVerification> {
        self.authorize(session, Action::AuditVerify)?;
        let mut expected_prev = GENESIS_HASH.to_string();
        let chain = store::audit::chain(&self.conn)?;
        let entries = chain.len() as u64;
        for (event, prev_hash, hash) in chain {
            let problem = if prev_hash != expected_prev {
                Some("link")
            } else if entry_hash(&prev_hash, &event) != hash {
                Some("altered")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Ok(AuditVerification {
                    entries,
                    intact: false,
                    first_broken_seq: Some(event.seq),
                    problem: Some(problem.to_string()),
                });
            }
            expected_prev = hash;
        }
        Ok(AuditVerification {
            entries,
            intact: true,
            first_broken_seq: None,
            problem: None,
        })
    }
}
