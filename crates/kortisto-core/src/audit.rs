//! The audit trail: who did what to which record, written in the same transaction as the
//! action, holding ids and kinds only — never a name, an e-mail or any other value.
//!
//! Each entry's hash is SHA-256 over the previous entry's hash and the entry's own fields,
//! so altering, deleting or reordering any entry breaks the chain from that entry on, and
//! [`Register::audit_verify`] names the first entry that does not match.
//!
//! A chain alone cannot show that entries were deleted from its *end*. So the head (its
//! sequence number and hash) is also kept outside the database, in the manifest, as an
//! [`Anchor`] under an HMAC keyed from the register key: whoever shortens the trail cannot
//! forge a matching anchor without the key, and a trail that no longer holds the anchored
//! entry is reported as `truncated`. The anchor moves forward when the register closes and
//! on the app's schedule; it never moves to a head that does not extend it.
//!
//! Every change to the register goes through [`Register::write`], which authorises an
//! [`Action`], runs the change and appends that action's entry in one transaction; the
//! only other entries are the [`Event`]s of log-in, sessions, repair and restore.
use std::collections::BTreeMap;

use hmac::{Hmac, Mac};
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::auth::{Action, Session};
use crate::sync::AuditCopyCheck;
use crate::{store, Clock, Register, Result};

/// The hash that the first entry links to.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// Entries that are not an [`Action`]: log-in and session events, and what happens to the
/// register as a whole. Actions are written only by [`Register::write`], so an entry can
/// never name another action than the one that was authorised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// Successful log-in.
    Login,
    /// Failed log-in (wrong password, unknown or deactivated user).
    LoginFailed,
    /// A log-in refused because of the growing delay.
    LoginThrottled,
    /// Log-out.
    Logout,
    /// The idle lock ended a session.
    SessionLocked,
    /// A lost manifest was rebuilt around the database (`kortisto repair`).
    RegisterRepaired,
    /// The register was restored from a backup onto a machine that had none.
    RegisterRestored,
}

impl Event {
    /// The name stored in the audit trail.
    pub fn name(self) -> &'static str {
        match self {
            Event::Login => "login",
            Event::LoginFailed => "login_failed",
            Event::LoginThrottled => "login_throttled",
            Event::Logout => "logout",
            Event::SessionLocked => "session_locked",
            Event::RegisterRepaired => "register_repaired",
            Event::RegisterRestored => "register_restored",
        }
    }
}

/// What an entry records: an authorised action or an event.
#[derive(Debug, Clone, Copy)]
enum Entry {
    Action(Action),
    Event(Event),
}

impl Entry {
    fn name(self) -> &'static str {
        match self {
            Entry::Action(action) => action.name(),
            Entry::Event(event) => event.name(),
        }
    }
}

/// What a change handed to [`Register::write`] leaves in the audit trail: an entry for the
/// write's action about one record, about none, about each of several, or no entry at all
/// when nothing changed.
#[derive(Debug)]
#[must_use]
pub(crate) struct Audited {
    records: Vec<Option<(String, String)>>,
    by: Option<String>,
    /// The people each read entry showed: the index of its record and their ids, in the
    /// order shown (kept in `person_reads`, see [`Audited::people`]).
    reads: Vec<(usize, Vec<String>)>,
}

impl Audited {
    /// One entry about this record.
    pub(crate) fn record(kind: &str, id: &str) -> Self {
        Self::records(kind, [id])
    }

    /// One entry about each of these records (a retention batch erases many people).
    pub(crate) fn records<'a>(kind: &str, ids: impl IntoIterator<Item = &'a str>) -> Self {
        Self {
            records: ids
                .into_iter()
                .map(|id| Some((kind.to_string(), id.to_string())))
                .collect(),
            by: None,
            reads: Vec::new(),
        }
    }

    /// Another entry about another record the same action touched (a business card adds a
    /// person, an organisation and a position).
    pub(crate) fn and(mut self, kind: &str, id: &str) -> Self {
        self.records.push(Some((kind.to_string(), id.to_string())));
        self
    }

    /// One entry about the register as a whole (a backup, a key rotation, a demo fill).
    pub(crate) fn register() -> Self {
        Self {
            records: vec![None],
            by: None,
            reads: Vec::new(),
        }
    }

    /// No entry: the change turned out to change nothing.
    pub(crate) fn nothing() -> Self {
        Self {
            records: Vec::new(),
            by: None,
            reads: Vec::new(),
        }
    }

    /// One entry about the people a read showed (a search, a list page, an export): one
    /// entry however many, its record id the count and a digest of their ids
    /// ([`people_digest`]); the ids go to `person_reads`, keyed by the entry.
    pub(crate) fn people<'a>(ids: impl IntoIterator<Item = &'a str>) -> Self {
        Self::nothing().and_people(ids)
    }

    /// Another entry about the people this action showed besides its own record (the
    /// marketing list names its purpose and the people on it). Written even when the read
    /// showed nobody, so every read leaves the same entries whatever it found.
    pub(crate) fn and_people<'a>(mut self, ids: impl IntoIterator<Item = &'a str>) -> Self {
        let mut seen = std::collections::HashSet::new();
        let ids: Vec<String> = ids
            .into_iter()
            .filter(|id| seen.insert(*id))
            .map(str::to_string)
            .collect();
        self.records
            .push(Some((PEOPLE_KIND.to_string(), people_digest(&ids))));
        self.reads.push((self.records.len() - 1, ids));
        self
    }

    /// The last record is a person whose data this action showed (a page view, an
    /// extract): the read is kept in `person_reads` too, so "who has seen this person"
    /// finds it by person.
    pub(crate) fn seen(mut self) -> Self {
        if let Some(Some((_, id))) = self.records.last() {
            let id = id.clone();
            self.reads.push((self.records.len() - 1, vec![id]));
        }
        self
    }

    /// Names `user_id` as the one who acted when there is no session yet: the first
    /// administrator creates themself.
    pub(crate) fn by(self, user_id: &str) -> Self {
        Self {
            by: Some(user_id.to_string()),
            ..self
        }
    }
}

/// The record kind of an entry about the people a read showed.
pub(crate) const PEOPLE_KIND: &str = "people";

/// The record id of an entry about the people a read showed: their count and SHA-256 over
/// their ids in the order shown (`"50:ab12…"`), so the chain commits to exactly which
/// people were read while the entry stays one short line.
pub(crate) fn people_digest(ids: &[String]) -> String {
    let mut hasher = Sha256::new();
    for id in ids {
        hasher.update((id.len() as u64).to_be_bytes());
        hasher.update(id.as_bytes());
    }
    format!(
        "{}:{}",
        ids.len(),
        data_encoding::HEXLOWER.encode(&hasher.finalize())
    )
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
    /// Why it does not match: `altered` (its content changed), `link` (an entry before it
    /// was removed or moved), `truncated` (entries were removed from the end: the anchor
    /// kept outside the database names an entry the trail no longer holds), or
    /// `reads_altered` (the ids kept for a read no longer match its entry), or
    /// `anchor_invalid` / `anchor_missing` (the anchor itself was edited or removed); with
    /// a team hub also `truncated` (the hub's copy holds an entry the trail lost) and
    /// `rewritten` (an entry differs from the hub's copy of it).
    pub problem: Option<String>,
    /// The trail against this device's copy on the team hub: `matches`, `differs` (see
    /// `problem`), `not_checked` (the hub could not be asked: see `hub_copy_error`; the
    /// trail was checked locally only), or none when the register has no hub.
    pub hub_copy: Option<String>,
    /// Why the hub's copy was not checked (an error code such as `hub_unreachable`).
    pub hub_copy_error: Option<String>,
}

/// The audit chain's head as kept outside the database (in the manifest).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// Sequence number of the anchored entry.
    pub seq: i64,
    /// Its hash.
    pub hash: String,
    /// HMAC-SHA256 over the register id, `seq` and `hash`, keyed from the register key.
    pub mac: String,
}

/// What the anchor says about the trail's end.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum AnchorCheck {
    /// The trail holds the anchored entry.
    Holds,
    /// The manifest has no anchor (a register from before anchors, or just repaired).
    Missing,
    /// The anchor's MAC is wrong: it was edited or copied from another register.
    Forged,
    /// The anchored entry is gone or different: entries were removed from the end.
    Truncated,
}

/// The key the anchor's MAC uses: HMAC of a label under the database key, so the database
/// key itself never keys anything but SQLCipher.
pub(crate) fn anchor_key(key: &crate::secret::DatabaseKey) -> zeroize::Zeroizing<[u8; 32]> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key.expose().as_slice())
        .expect("HMAC takes keys of any length");
    mac.update(b"kortisto audit anchor v1");
    zeroize::Zeroizing::new(mac.finalize().into_bytes().into())
}

fn anchor_mac(anchor_key: &[u8; 32], register_id: &str, seq: i64, hash: &str) -> String {
    let mut mac =
        <Hmac<Sha256> as Mac>::new_from_slice(anchor_key).expect("HMAC takes keys of any length");
    mac.update(register_id.as_bytes());
    mac.update(b"\0");
    mac.update(&seq.to_be_bytes());
    mac.update(hash.as_bytes());
    data_encoding::HEXLOWER.encode(&mac.finalize().into_bytes())
}

/// The anchor for the trail's current head (none while the trail is empty).
pub(crate) fn current_anchor(
    conn: &Connection,
    anchor_key: &[u8; 32],
    register_id: &str,
) -> Result<Option<Anchor>> {
    Ok(store::audit::head(conn)?.map(|(seq, hash)| Anchor {
        mac: anchor_mac(anchor_key, register_id, seq, &hash),
        seq,
        hash,
    }))
}

/// Checks a stored anchor against the trail.
pub(crate) fn check_anchor(
    conn: &Connection,
    anchor_key: &[u8; 32],
    register_id: &str,
    anchor: Option<&Anchor>,
) -> Result<AnchorCheck> {
    let Some(anchor) = anchor else {
        return Ok(if store::audit::head(conn)?.is_none() {
            AnchorCheck::Holds
        } else {
            AnchorCheck::Missing
        });
    };
    if anchor_mac(anchor_key, register_id, anchor.seq, &anchor.hash) != anchor.mac {
        return Ok(AnchorCheck::Forged);
    }
    Ok(match store::audit::hash_at(conn, anchor.seq)? {
        Some(hash) if hash == anchor.hash => AnchorCheck::Holds,
        _ => AnchorCheck::Truncated,
    })
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

/// Whether the people kept for a read entry are those its entry committed to: the digest
/// of a `people` entry, the one person of a page view or an extract.
fn reads_match(conn: &Connection, event: &AuditEvent) -> Result<bool> {
    let (Some(kind), Some(id)) = (event.record_kind.as_deref(), event.record_id.as_deref()) else {
        return Ok(true);
    };
    Ok(match kind {
        PEOPLE_KIND => people_digest(&store::audit::reads_at(conn, event.seq)?) == id,
        "person"
            if matches!(
                event.action.as_str(),
                "person_view" | "extract" | "portability_export"
            ) =>
        {
            store::audit::reads_at(conn, event.seq)? == [id]
        }
        _ => true,
    })
}

/// Appends an event's entry; call inside the transaction of what it records. Actions are
/// not events: they go through [`Register::write`].
pub(crate) fn append(
    conn: &Connection,
    clock: &dyn Clock,
    user_id: Option<&str>,
    event: Event,
    record: Option<(&str, &str)>,
) -> Result<()> {
    append_entry(conn, clock, user_id, Entry::Event(event), record).map(drop)
}

fn append_entry(
    conn: &Connection,
    clock: &dyn Clock,
    user_id: Option<&str>,
    entry: Entry,
    record: Option<(&str, &str)>,
) -> Result<i64> {
    let (prev_seq, prev_hash) = store::audit::head(conn)?.unwrap_or((0, GENESIS_HASH.to_string()));
    let event = AuditEvent {
        seq: prev_seq + 1,
        event_id: crate::ids::new_id(clock),
        at: crate::ids::timestamp(clock),
        user_id: user_id.map(str::to_string),
        username: None,
        action: entry.name().to_string(),
        record_kind: record.map(|(kind, _)| kind.to_string()),
        record_id: record.map(|(_, id)| id.to_string()),
    };
    let hash = entry_hash(&prev_hash, &event);
    store::audit::insert(conn, &event, &prev_hash, &hash)?;
    Ok(event.seq)
}

/// Runs `change` in a transaction on `conn`, appends what it says was done as `action` by
/// `user_id`, and commits. Nothing is written when `change` fails. Only [`Register::write`]
/// and a restore, whose change lands in the restored copy rather than the open register,
/// call it; both have authorised `action` first.
pub(crate) fn write_to<T>(
    conn: &mut Connection,
    clock: &dyn Clock,
    user_id: Option<&str>,
    action: Action,
    change: impl FnOnce(&Transaction<'_>) -> Result<(T, Audited)>,
) -> Result<T> {
    let tx = conn.transaction()?;
    crate::store::sync::ensure_capture(&tx)?;
    let (value, audited) = change(&tx)?;
    let user_id = audited.by.as_deref().or(user_id);
    for (index, record) in audited.records.iter().enumerate() {
        let record = record
            .as_ref()
            .map(|(kind, id)| (kind.as_str(), id.as_str()));
        let seq = append_entry(&tx, clock, user_id, Entry::Action(action), record)?;
        for (_, people) in audited.reads.iter().filter(|(i, _)| *i == index) {
            store::audit::insert_reads(&tx, seq, people)?;
        }
    }
    // Every change this write made to a synced table is in the outbox by now (the
    // capture triggers): it gets its clock in the same transaction.
    crate::sync::stamp_captured(&tx, clock)?;
    tx.commit()?;
    Ok(value)
}

impl Register {
    /// The one write path: authorises `action` for `session` (none for the app's own
    /// automatic work: scheduled retention and backups), runs `change` in a transaction,
    /// appends the audit entry for that very action (see [`Audited`]) and commits. Reads
    /// that are audited (a person's page, an extract) come this way too.
    pub(crate) fn write<T>(
        &mut self,
        session: Option<&Session>,
        action: Action,
        clock: &dyn Clock,
        change: impl FnOnce(&Transaction<'_>) -> Result<(T, Audited)>,
    ) -> Result<T> {
        if let Some(session) = session {
            self.authorize(session, action)?;
        }
        let user_id = session.map(|s| s.user_id.as_str());
        write_to(&mut self.conn, clock, user_id, action, change)
    }

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
        let verification = |problem: Option<(&str, Option<i64>)>| AuditVerification {
            entries,
            intact: problem.is_none(),
            first_broken_seq: problem.and_then(|(_, seq)| seq),
            problem: problem.map(|(problem, _)| problem.to_string()),
            hub_copy: None,
            hub_copy_error: None,
        };
        let mut hashes = BTreeMap::new();
        for (event, prev_hash, hash) in chain {
            let problem = if prev_hash != expected_prev {
                Some("link")
            } else if entry_hash(&prev_hash, &event) != hash {
                Some("altered")
            } else if !reads_match(&self.conn, &event)? {
                Some("reads_altered")
            } else {
                None
            };
            if let Some(problem) = problem {
                return Ok(verification(Some((problem, Some(event.seq)))));
            }
            hashes.insert(event.seq, hash.clone());
            expected_prev = hash;
        }
        // The hub's copy first: a trail cut short and re-anchored on this machine (by
        // someone holding the key) is still found there.
        let (hub_copy, hub_copy_error, hub_problem) = match self.check_audit_copy(&hashes)? {
            None => (None, None, None),
            Some(AuditCopyCheck::NotChecked(code)) => (Some("not_checked"), Some(code), None),
            Some(AuditCopyCheck::Matches) => (Some("matches"), None, None),
            Some(AuditCopyCheck::Truncated(seq)) => {
                (Some("differs"), None, Some(("truncated", Some(seq))))
            }
            Some(AuditCopyCheck::Rewritten(seq)) => {
                (Some("differs"), None, Some(("rewritten", Some(seq))))
            }
        };
        let anchor = self.data_dir().read_manifest()?.audit_head;
        let anchor_problem = match check_anchor(
            &self.conn,
            self.anchor_key(),
            self.register_id(),
            anchor.as_ref(),
        )? {
            AnchorCheck::Holds => None,
            // Not anchored yet (a new register before its first close): nothing to compare.
            AnchorCheck::Missing if !store::audit::anchored(&self.conn)? => None,
            AnchorCheck::Missing => Some(("anchor_missing", None)),
            AnchorCheck::Forged => Some(("anchor_invalid", None)),
            AnchorCheck::Truncated => Some(("truncated", anchor.map(|anchor| anchor.seq))),
        };
        let mut result = verification(hub_problem.or(anchor_problem));
        result.hub_copy = hub_copy.map(str::to_string);
        result.hub_copy_error = hub_copy_error;
        Ok(result)
    }
}
