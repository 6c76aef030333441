//! Several devices, one register: every change captured by the store's triggers is stamped
//! with a hybrid logical clock, sealed end to end and exchanged through the hub; records
//! from other devices are merged field by field (last writer wins), erasures win over all.
//!
//! The design and its merge rules are written out in `../shared/sync.md`. In short:
//! - **Capture**: triggers (`store/sync.rs`) put every change of a synced table into the
//!   outbox inside the writing transaction; [`stamp_captured`] gives each one its clock
//!   before the transaction commits (the one write path, `audit::write_to`, calls it).
//! - **Seal**: AES-256-GCM under a key derived (HKDF) from the register key; the associated
//!   data binds register, record id, device, sequence number, clock, subject and kind, so
//!   the hub cannot move, relabel or replay a record unnoticed. The hub sees an HMAC tag of
//!   the person id (to find a person's records at erasure), never the id itself.
//! - **Merge**: per field, the newer clock wins; a change made without having seen the
//!   other's is recorded as a conflict that a user can look at and undo. An erasure is an
//!   id-only tombstone applied through the same erasure code as a local one, and nothing of
//!   an erased person is applied or pushed again.
use std::collections::{BTreeMap, BTreeSet};

use aes_gcm::aead::{Aead, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use sha2::Sha256;
use uuid::Uuid;
use zeroize::Zeroizing;

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::hub::{AuditCopyEntry, DeviceInfo, DeviceLogin, Hub, HubRecord};
use crate::secret::DatabaseKey;
use crate::store::sync::{self as store_sync, ConflictFilter, RowClocks, SyncedTable};
use crate::{ids, store, Clock, DataDir, Error, Keychain, Register, Result};

/// How far ahead of this device's own clock a remote clock may be before it is not followed
/// (a device whose wall clock is years ahead cannot drag every clock along with it).
const MAX_DRIFT_MS: i64 = 10 * 60 * 1000;
/// Records per push and per pull page.
const BATCH: usize = 2_000;

// ---------------------------------------------------------------------------------------
// Hybrid logical clocks
// ---------------------------------------------------------------------------------------

/// A hybrid logical clock: wall-clock milliseconds, a counter for changes within the same
/// millisecond (or while the wall clock stands behind), and the device, so no two devices
/// ever issue the same clock. The text form sorts as the clock does.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Hlc {
    pub(crate) ms: i64,
    counter: u32,
    pub(crate) device: String,
}

impl Hlc {
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let mut parts = text.splitn(3, '-');
        let ms = i64::from_str_radix(parts.next()?, 16).ok()?;
        let counter = u32::from_str_radix(parts.next()?, 16).ok()?;
        let device = parts.next()?.to_string();
        Some(Self {
            ms,
            counter,
            device,
        })
    }

    fn format(&self) -> String {
        format!("{:012x}-{:06x}-{}", self.ms, self.counter, self.device)
    }

    /// The next clock after `last` on `device` at wall time `now_ms`.
    pub(crate) fn next(last: &str, now_ms: i64, device: &str) -> String {
        let last = Self::parse(last);
        let (ms, counter) = match last {
            Some(last) if last.ms >= now_ms => (last.ms, last.counter + 1),
            _ => (now_ms, 0),
        };
        Self {
            ms,
            counter,
            device: device.to_string(),
        }
        .format()
    }

    /// `last` after seeing `remote`: never behind a clock it has seen, unless that clock is
    /// further ahead of this device's wall time than [`MAX_DRIFT_MS`].
    pub(crate) fn observe(last: &str, remote: &str, now_ms: i64) -> String {
        match Self::parse(remote) {
            Some(seen) if seen.ms <= now_ms + MAX_DRIFT_MS && remote > last => remote.to_string(),
            _ => last.to_string(),
        }
    }
}

fn now_ms(clock: &dyn Clock) -> i64 {
    clock.now().timestamp_millis()
}

// ---------------------------------------------------------------------------------------
// Capture: stamping what the triggers put in the outbox
// ---------------------------------------------------------------------------------------

/// Gives every change captured in this transaction its clock and record id, before the
/// transaction commits. An erasure's tombstone takes every unsent change of that person
/// out of the outbox with it. A register without a hub has nothing captured: no cost.
pub(crate) fn stamp_captured(tx: &Connection, clock: &dyn Clock) -> Result<()> {
    let captured = store_sync::unstamped(tx)?;
    if captured.is_empty() {
        return Ok(());
    }
    let Some(state) = store_sync::state(tx)? else {
        return Ok(());
    };
    let mut last = state.last_hlc;
    let now = now_ms(clock);
    for row in captured {
        let hlc = Hlc::next(&last, now, &state.device_id);
        last.clone_from(&hlc);
        let record_id = ids::new_id(clock);
        let mut clocks = store_sync::row_clocks(tx, &row.tbl, &row.row_key)?;
        let mut prev = Map::new();
        match row.op.as_str() {
            "erase" => {
                if let Some(person) = &row.person_id {
                    store_sync::forget_person(tx, person, row.seq, &ids::timestamp(clock))?;
                }
                clocks.deleted = Some(hlc.clone());
            }
            "delete" => clocks.deleted = Some(hlc.clone()),
            _ => {
                let changed: Vec<String> = row
                    .changed
                    .as_deref()
                    .and_then(|c| serde_json::from_str(c).ok())
                    .unwrap_or_default();
                for field in changed {
                    if let Some(before) = clocks.clocks.get(&field) {
                        prev.insert(field.clone(), before.clone());
                    }
                    clocks.clocks.insert(field, Value::String(hlc.clone()));
                }
                clocks.deleted = None;
            }
        }
        store_sync::set_row_clocks(tx, &row.tbl, &row.row_key, &clocks)?;
        store_sync::stamp(
            tx,
            row.seq,
            &hlc,
            &record_id,
            &Value::Object(prev).to_string(),
        )?;
    }
    store_sync::set_last_hlc(tx, &last)
}

// ---------------------------------------------------------------------------------------
// Sealing
// ---------------------------------------------------------------------------------------

/// The keys of sync, derived from the register key: one seals records, one tags subjects.
/// `Debug` names no key.
pub(crate) struct SyncKeys {
    seal: Zeroizing<[u8; 32]>,
    subject: Zeroizing<[u8; 32]>,
}

impl SyncKeys {
    pub(crate) fn derive(key: &DatabaseKey, register_id: &str) -> Self {
        let hk = Hkdf::<Sha256>::new(Some(register_id.as_bytes()), key.expose());
        let mut seal = Zeroizing::new([0u8; 32]);
        let mut subject = Zeroizing::new([0u8; 32]);
        hk.expand(b"kortisto sync v1 seal", seal.as_mut())
            .expect("32 bytes is a valid HKDF length");
        hk.expand(b"kortisto sync v1 subject", subject.as_mut())
            .expect("32 bytes is a valid HKDF length");
        Self { seal, subject }
    }

    /// No keys: the benchmark's unencrypted twin, which never syncs.
    pub(crate) fn none() -> Self {
        Self {
            seal: Zeroizing::new([0u8; 32]),
            subject: Zeroizing::new([0u8; 32]),
        }
    }

    /// The hub's handle on a person: an HMAC of their id, the same on every device.
    fn subject_tag(&self, person_id: &str) -> Vec<u8> {
        let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(self.subject.as_ref())
            .expect("HMAC takes any key length");
        mac.update(person_id.as_bytes());
        mac.finalize().into_bytes().to_vec()
    }
}

impl std::fmt::Debug for SyncKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SyncKeys(..)")
    }
}

/// AES-256-GCM under `key` with a fresh random nonce: `nonce ‖ ciphertext ‖ tag`. Records
/// and enrolment deposits are sealed this way.
fn seal_bytes(key: &[u8; 32], plain: &[u8], aad: &[u8]) -> Result<Vec<u8>> {
    let mut nonce = [0u8; 12];
    getrandom::fill(&mut nonce).map_err(|e| Error::Storage(e.to_string()))?;
    let cipher = Aes256Gcm::new_from_slice(key).expect("32-byte key");
    let sealed = cipher
        .encrypt(Nonce::from_slice(&nonce), Payload { msg: plain, aad })
        .map_err(|_| Error::Storage("sealing failed".into()))?;
    let mut out = nonce.to_vec();
    out.extend_from_slice(&sealed);
    Ok(out)
}

/// What [`seal_bytes`] sealed, or None when the bytes do not authenticate under `key` and
/// `aad` (altered, cut short, relabelled, or of another register).
fn open_bytes(key: &[u8; 32], sealed: &[u8], aad: &[u8]) -> Option<Zeroizing<Vec<u8>>> {
    if sealed.len() < 12 + 16 {
        return None;
    }
    let (nonce, body) = sealed.split_at(12);
    let cipher = Aes256Gcm::new_from_slice(key).expect("32-byte key");
    cipher
        .decrypt(Nonce::from_slice(nonce), Payload { msg: body, aad })
        .ok()
        .map(Zeroizing::new)
}

/// What a record carries inside its seal.
#[derive(Debug, Serialize, Deserialize)]
struct Change {
    tbl: String,
    key: String,
    op: String,
    person: Option<String>,
    fields: Option<Map<String, Value>>,
    changed: Option<Vec<String>>,
    prev: Option<Map<String, Value>>,
}

fn associated_data(register_id: &str, record: &HubRecord) -> Vec<u8> {
    let subject = record
        .subject
        .as_deref()
        .map(|s| data_encoding::HEXLOWER.encode(s))
        .unwrap_or_default();
    format!(
        "kortisto-sync-v1|{register_id}|{}|{}|{}|{}|{subject}|{}",
        record.record_id, record.device_id, record.seq, record.hlc, record.tombstone
    )
    .into_bytes()
}

fn seal(keys: &SyncKeys, register_id: &str, record: &mut HubRecord, change: &Change) -> Result<()> {
    let plain =
        Zeroizing::new(serde_json::to_vec(change).map_err(|e| Error::Storage(e.to_string()))?);
    record.sealed = seal_bytes(&keys.seal, &plain, &associated_data(register_id, record))?;
    Ok(())
}

fn open(keys: &SyncKeys, register_id: &str, record: &HubRecord) -> Result<Change> {
    let invalid = || Error::SyncRecordInvalid {
        record_id: record.record_id.to_string(),
    };
    let plain = open_bytes(
        &keys.seal,
        &record.sealed,
        &associated_data(register_id, record),
    )
    .ok_or_else(invalid)?;
    let change: Change = serde_json::from_slice(&plain).map_err(|_| invalid())?;
    // The subject the hub was shown must be the one inside the seal.
    let tag = change.person.as_deref().map(|p| keys.subject_tag(p));
    if tag != record.subject || (record.tombstone != (change.op == "erase")) {
        return Err(invalid());
    }
    Ok(change)
}

fn to_hub_record(
    keys: &SyncKeys,
    register_id: &str,
    device_id: Uuid,
    row: &store_sync::OutboxRow,
) -> Result<HubRecord> {
    let parse_map = |text: &Option<String>| -> Option<Map<String, Value>> {
        text.as_deref().and_then(|t| serde_json::from_str(t).ok())
    };
    let change = Change {
        tbl: row.tbl.clone(),
        key: row.row_key.clone(),
        op: row.op.clone(),
        person: row.person_id.clone(),
        fields: parse_map(&row.fields),
        changed: row
            .changed
            .as_deref()
            .and_then(|t| serde_json::from_str(t).ok()),
        prev: parse_map(&row.prev),
    };
    let record_id = row
        .record_id
        .as_deref()
        .and_then(|id| Uuid::parse_str(id).ok())
        .ok_or_else(|| Error::Storage("an outbox row has no record id".into()))?;
    let mut record = HubRecord {
        record_id,
        device_id,
        seq: row.seq,
        hlc: row.hlc.clone().unwrap_or_default(),
        subject: row.person_id.as_deref().map(|p| keys.subject_tag(p)),
        tombstone: row.op == "erase",
        sealed: Vec::new(),
    };
    seal(keys, register_id, &mut record, &change)?;
    Ok(record)
}

// ---------------------------------------------------------------------------------------
// Merging what other devices sent
// ---------------------------------------------------------------------------------------

/// What one pull applied.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PullCounts {
    /// Records received.
    pub received: u64,
    /// Field changes or rows applied.
    pub applied: u64,
    /// Records older than what this device holds (another change won).
    pub superseded: u64,
    /// People erased on another device and now here.
    pub erased: u64,
    /// Conflicts found (the same field changed on two devices without seeing each other).
    pub conflicts: u64,
    /// Records that could not be applied here (a row they need is gone, a duplicate key).
    pub skipped: u64,
}

impl std::ops::AddAssign for PullCounts {
    fn add_assign(&mut self, page: Self) {
        self.received += page.received;
        self.applied += page.applied;
        self.superseded += page.superseded;
        self.erased += page.erased;
        self.conflicts += page.conflicts;
        self.skipped += page.skipped;
    }
}

struct Applier<'a> {
    tx: &'a Connection,
    clock: &'a dyn Clock,
    last_hlc: String,
    counts: PullCounts,
    people: BTreeSet<String>,
    organisations: BTreeSet<String>,
    /// Each table's synced columns, read once per page instead of once per record.
    columns: BTreeMap<&'static str, Vec<String>>,
}

impl<'a> Applier<'a> {
    fn new(tx: &'a Connection, clock: &'a dyn Clock, last_hlc: String) -> Self {
        Self {
            tx,
            clock,
            last_hlc,
            counts: PullCounts::default(),
            people: BTreeSet::new(),
            organisations: BTreeSet::new(),
            columns: BTreeMap::new(),
        }
    }

    fn columns(&mut self, table: &'static SyncedTable) -> Result<Vec<String>> {
        if let Some(known) = self.columns.get(table.name) {
            return Ok(known.clone());
        }
        let read = store_sync::columns(self.tx, table)?;
        self.columns.insert(table.name, read.clone());
        Ok(read)
    }

    fn apply(&mut self, change: Change, hlc: &str) -> Result<()> {
        self.counts.received += 1;
        self.last_hlc = Hlc::observe(&self.last_hlc, hlc, now_ms(self.clock));
        if change.op == "erase" {
            if let Some(person) = &change.person {
                self.erase(person)?;
            }
            return Ok(());
        }
        if let Some(person) = &change.person {
            if store_sync::is_erased(self.tx, person)? {
                self.counts.superseded += 1;
                return Ok(());
            }
        }
        let Some(table) = store_sync::synced_table(&change.tbl) else {
            self.counts.skipped += 1;
            return Ok(());
        };
        let key: Vec<Value> = serde_json::from_str(&change.key).unwrap_or_default();
        if key.len() != table.key.len() {
            self.counts.skipped += 1;
            return Ok(());
        }
        self.tx.execute_batch("SAVEPOINT sync_record")?;
        let outcome = match change.op.as_str() {
            "delete" => self.delete(table, &change, &key, hlc),
            _ => self.upsert(table, &change, &key, hlc),
        };
        match outcome {
            Ok(()) => {
                self.tx.execute_batch("RELEASE sync_record")?;
                self.touched(table, &change, &key);
                Ok(())
            }
            // A row this record needs is gone here, or a unique value is taken: the record
            // is counted as skipped and the page goes on.
            Err(Error::Storage(detail)) if detail.contains("constraint failed") => {
                self.tx
                    .execute_batch("ROLLBACK TO sync_record; RELEASE sync_record")?;
                self.counts.skipped += 1;
                Ok(())
            }
            Err(other) => {
                self.tx
                    .execute_batch("ROLLBACK TO sync_record; RELEASE sync_record")?;
                Err(other)
            }
        }
    }

    /// Notes whose search row the change alters. A row is made of a person's name and
    /// contact data, or an organisation's name, business id and contact data (`search.rs`):
    /// a meeting, a position or a consent about someone leaves it as it was, and reindexing
    /// for them rebuilt each person's row once per page of their meetings.
    fn touched(&mut self, table: &SyncedTable, change: &Change, key: &[Value]) {
        let field = |name: &str| {
            change
                .fields
                .as_ref()
                .and_then(|f| f.get(name))
                .and_then(Value::as_str)
                .map(str::to_string)
        };
        match table.name {
            "people" => {
                if let Some(person) = &change.person {
                    self.people.insert(person.clone());
                }
            }
            "organisations" => {
                if let Some(id) = key.first().and_then(Value::as_str) {
                    self.organisations.insert(id.to_string());
                }
            }
            "contact_points" => {
                if let Some(person) = &change.person {
                    self.people.insert(person.clone());
                }
                if let Some(org) = field("organisation_id") {
                    self.organisations.insert(org);
                }
            }
            _ => {}
        }
    }

    fn erase(&mut self, person: &str) -> Result<()> {
        if store::people::person(self.tx, person)?.is_some() {
            store::erasure::delete_person_data(self.tx, person)?;
            store::search::delete_search_row(self.tx, person)?;
        }
        // Shared reads of them may have arrived without their person row (another device's
        // reads of someone this device never pulled): they go too.
        self.tx.execute(
            "DELETE FROM team_person_reads WHERE person_id = ?1",
            [person],
        )?;
        store_sync::forget_person(self.tx, person, -1, &ids::timestamp(self.clock))?;
        self.people.remove(person);
        self.counts.erased += 1;
        Ok(())
    }

    fn delete(
        &mut self,
        table: &SyncedTable,
        change: &Change,
        key: &[Value],
        hlc: &str,
    ) -> Result<()> {
        let mut clocks = store_sync::row_clocks(self.tx, table.name, &change.key)?;
        if clocks.newest().is_some_and(|newest| newest > hlc)
            || clocks.deleted.as_deref().is_some_and(|d| d >= hlc)
        {
            self.counts.superseded += 1;
            return Ok(());
        }
        store_sync::delete_row(self.tx, table, key)?;
        clocks.deleted = Some(hlc.to_string());
        store_sync::set_row_clocks(self.tx, table.name, &change.key, &clocks)?;
        self.counts.applied += 1;
        Ok(())
    }

    fn upsert(
        &mut self,
        table: &'static SyncedTable,
        change: &Change,
        key: &[Value],
        hlc: &str,
    ) -> Result<()> {
        let empty = Map::new();
        let fields = change.fields.as_ref().unwrap_or(&empty);
        let prev = change.prev.as_ref().unwrap_or(&empty);
        let mut clocks: RowClocks = store_sync::row_clocks(self.tx, table.name, &change.key)?;
        if clocks.deleted.as_deref().is_some_and(|d| d > hlc) {
            self.counts.superseded += 1;
            return Ok(());
        }
        let columns = self.columns(table)?;
        let existing = store_sync::read_row(self.tx, table, &columns, key)?;
        let changed = change.changed.clone().unwrap_or_default();
        let mut winners: Vec<(String, Value)> = Vec::new();
        for field in &changed {
            let Some(remote_value) = fields.get(field) else {
                continue;
            };
            let local_clock = clocks.field(field).map(str::to_string);
            let local_value = existing.as_ref().and_then(|row| row.get(field)).cloned();
            let remote_prev = prev.get(field).and_then(Value::as_str);
            let concurrent = local_clock
                .as_deref()
                .is_some_and(|local| Some(local) != remote_prev && local != hlc);
            let differs = local_value.as_ref().is_some_and(|v| v != remote_value)
                && !store_sync::BOOKKEEPING_COLUMNS.contains(&field.as_str());
            match local_clock.as_deref() {
                Some(local) if local >= hlc => {
                    if concurrent && differs {
                        self.conflict(
                            table,
                            change,
                            field,
                            (&local_value.unwrap_or(Value::Null), local),
                            (remote_value, hlc),
                        )?;
                    }
                }
                _ => {
                    if concurrent && differs {
                        let local = local_clock.clone().unwrap_or_default();
                        self.conflict(
                            table,
                            change,
                            field,
                            (remote_value, hlc),
                            (&local_value.unwrap_or(Value::Null), &local),
                        )?;
                    }
                    winners.push((field.clone(), remote_value.clone()));
                }
            }
        }
        if existing.is_none() {
            if winners.is_empty() && !changed.is_empty() {
                self.counts.superseded += 1;
                return Ok(());
            }
            store_sync::insert_row(self.tx, table, &columns, fields)?;
        } else if winners.is_empty() {
            self.counts.superseded += 1;
            return Ok(());
        } else {
            // A winning value equal to the local one only moves the clock: rewriting it would
            // trip the append-only tables' triggers (a consent event or a published notice
            // arriving again after a restore) and stop every later pull on this page.
            let to_write: Vec<(String, Value)> = winners
                .iter()
                .filter(|(field, value)| {
                    existing.as_ref().and_then(|row| row.get(field)) != Some(value)
                })
                .cloned()
                .collect();
            if !to_write.is_empty() {
                store_sync::update_row(self.tx, table, key, &to_write)?;
            }
        }
        for (field, _) in &winners {
            clocks
                .clocks
                .insert(field.clone(), Value::String(hlc.to_string()));
        }
        clocks.deleted = None;
        store_sync::set_row_clocks(self.tx, table.name, &change.key, &clocks)?;
        self.counts.applied += 1;
        Ok(())
    }

    fn conflict(
        &mut self,
        table: &SyncedTable,
        change: &Change,
        field: &str,
        kept: (&Value, &str),
        other: (&Value, &str),
    ) -> Result<()> {
        self.counts.conflicts += 1;
        store_sync::insert_conflict(
            self.tx,
            &ids::new_id(self.clock),
            table.name,
            &change.key,
            change.person.as_deref(),
            field,
            kept,
            other,
            &ids::timestamp(self.clock),
        )
    }

    /// Rebuilds the search rows of what the page touched.
    fn reindex(&self) -> Result<()> {
        for person in &self.people {
            if store::people::person(self.tx, person)?.is_some() {
                crate::search::index_person(self.tx, person)?;
            } else {
                store::search::delete_search_row(self.tx, person)?;
            }
        }
        for organisation in &self.organisations {
            crate::search::index_organisation(self.tx, organisation)?;
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// What the front ends see
// ---------------------------------------------------------------------------------------

/// Sync at a glance: where the hub is, how the last attempt went, what is waiting.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SyncStatus {
    /// Whether this register takes part in a hub at all.
    pub set_up: bool,
    /// This device's name on the hub.
    pub device_name: Option<String>,
    /// The hub's address (no password).
    pub hub_url: Option<String>,
    /// Local changes not yet on the hub.
    #[ts(type = "number")]
    pub waiting: u64,
    /// The last successful sync (RFC 3339).
    pub last_sync_at: Option<String>,
    /// The last attempt, successful or not (RFC 3339).
    pub last_attempt_at: Option<String>,
    /// Since when the hub has not been reached, when it has not.
    pub offline_since: Option<String>,
    /// The error code of the last failed attempt (e.g. `hub_unreachable`).
    pub last_error: Option<String>,
    /// Conflicts no one has looked at yet.
    #[ts(type = "number")]
    pub open_conflicts: u64,
}

/// What one sync did.
#[derive(Debug, Clone, Default, Serialize, ts_rs::TS)]
pub struct SyncReport {
    /// Changes of this device that reached the hub.
    #[ts(type = "number")]
    pub pushed: u64,
    /// Changes the hub already had (a retry after a cut connection).
    #[ts(type = "number")]
    pub duplicates: u64,
    /// Changes the hub refused because their person was erased on another device.
    #[ts(type = "number")]
    pub refused: u64,
    /// What was pulled and applied.
    pub pulled: PullCounts,
    /// This device's audit entries copied to the hub now.
    #[ts(type = "number")]
    pub audit_copied: u64,
}

/// Two devices changed one field without seeing each other's change.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SyncConflict {
    /// The conflict's id.
    pub conflict_id: String,
    /// The table (`people`, `contact_points`, …).
    pub table: String,
    /// The row's key.
    pub row_key: String,
    /// The person it concerns, if any.
    pub person_id: Option<String>,
    /// The column.
    pub field: String,
    /// The value kept (the newer change).
    pub kept_value: Option<String>,
    /// The value that lost.
    pub other_value: Option<String>,
    /// The clocks of the kept and the losing change (the conflicts view reads where and when
    /// each was made from them; not part of the record shown or exported).
    #[serde(skip)]
    #[ts(skip)]
    pub(crate) clocks: (String, String),
    /// When the conflict was found (RFC 3339).
    pub detected_at: String,
    /// When someone put the other value back, if they did.
    pub resolved_at: Option<String>,
}

/// The conflicts about one person, for their extract.
pub(crate) fn conflicts_of_person(conn: &Connection, person_id: &str) -> Result<Vec<SyncConflict>> {
    store_sync::conflicts(conn, ConflictFilter::Person(person_id))
}

fn hub_account(register_id: &str) -> String {
    format!("{register_id}.hub")
}

fn register_uuid(register_id: &str) -> Result<Uuid> {
    Uuid::parse_str(register_id).map_err(|e| Error::Storage(e.to_string()))
}

/// What travels inside an enrolment's deposit, sealed under the code's own secret. The key's
/// text is wiped when the deposit is dropped.
#[derive(Serialize, Deserialize)]
struct Deposit {
    register_id: String,
    register_key: String,
    device_name: String,
}

impl Drop for Deposit {
    fn drop(&mut self) {
        zeroize::Zeroize::zeroize(&mut self.register_key);
    }
}

/// What the one-time enrolment code carries: where the hub is, the new device's login, and
/// the secret that opens its deposit. Shown once, never stored.
#[derive(Serialize, Deserialize)]
struct EnrolmentCode {
    v: u8,
    url: String,
    role: String,
    password: String,
    secret: String,
}

const CODE_PREFIX: &str = "KORTISTO-";

impl EnrolmentCode {
    fn encode(&self) -> Zeroizing<String> {
        let json = Zeroizing::new(serde_json::to_vec(self).expect("serialisable"));
        Zeroizing::new(format!(
            "{CODE_PREFIX}{}",
            data_encoding::BASE64URL_NOPAD.encode(&json)
        ))
    }

    fn decode(text: &str) -> Result<Self> {
        let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let body = compact
            .strip_prefix(CODE_PREFIX)
            .ok_or(Error::EnrolmentCodeInvalid)?;
        let json = Zeroizing::new(
            data_encoding::BASE64URL_NOPAD
                .decode(body.as_bytes())
                .map_err(|_| Error::EnrolmentCodeInvalid)?,
        );
        let code: Self = serde_json::from_slice(&json).map_err(|_| Error::EnrolmentCodeInvalid)?;
        if code.v != 1 {
            return Err(Error::EnrolmentCodeInvalid);
        }
        Ok(code)
    }

    fn login(&self) -> DeviceLogin {
        DeviceLogin {
            url: self.url.clone(),
            role: self.role.clone(),
            password: self.password.clone(),
        }
    }
}

/// The key that seals an enrolment's deposit, from the code's secret alone.
fn deposit_key(secret: &str) -> Result<Zeroizing<[u8; 32]>> {
    let secret = Zeroizing::new(
        data_encoding::BASE64URL_NOPAD
            .decode(secret.as_bytes())
            .map_err(|_| Error::EnrolmentCodeInvalid)?,
    );
    let hk = Hkdf::<Sha256>::new(None, &secret);
    let mut key = Zeroizing::new([0u8; 32]);
    hk.expand(b"kortisto enrolment v1", key.as_mut())
        .expect("32 bytes is a valid HKDF length");
    Ok(key)
}

impl Register {
    fn hub_login(&self, state: &store_sync::State) -> Result<DeviceLogin> {
        let password = self
            .keychain_handle()
            .load_secret(&hub_account(self.register_id()))?
            .ok_or(Error::HubNotSetUp)?;
        Ok(DeviceLogin {
            url: state.hub_url.clone(),
            role: state.hub_role.clone(),
            password: password.to_string(),
        })
    }

    pub(crate) fn connect_hub(&self) -> Result<Hub> {
        let state = store_sync::state(&self.conn)?.ok_or(Error::HubNotSetUp)?;
        let login = self.hub_login(&state)?;
        Hub::connect(&login, Some(register_uuid(self.register_id())?))
    }

    /// Joins this register to a team hub (admin): creates or checks the hub's schema with
    /// the administrator's PostgreSQL address, enrols this machine as the first device,
    /// files its hub password in the keychain and pushes everything the register holds.
    pub fn hub_set_up(
        &mut self,
        session: &Session,
        admin_url: &str,
        device_name: &str,
        clock: &dyn Clock,
    ) -> Result<SyncReport> {
        self.authorize(session, Action::HubSetUp)?;
        if store_sync::is_set_up(&self.conn)? {
            return Err(Error::HubAlreadySetUp);
        }
        let device_name =
            &crate::validate::name("device_name", device_name, crate::hub::DEVICE_NAME_MAX)?;
        let device_id = Uuid::now_v7();
        let login = Hub::init(
            admin_url,
            register_uuid(self.register_id())?,
            device_id,
            device_name,
        )?;
        self.keychain_handle()
            .store_secret(&hub_account(self.register_id()), &login.password)?;
        self.write(Some(session), Action::HubSetUp, clock, |tx| {
            store_sync::insert_state(
                tx,
                &device_id.to_string(),
                device_name,
                &login.url,
                &login.role,
            )?;
            // The salt of erased people's opt-out hashes is the team's: made here, before
            // any device could make one of its own (a second salt would win or lose by
            // clock, and the loser's opt-outs would match nothing).
            store::consent::suppression_salt(tx)?;
            store_sync::capture_everything(tx)?;
            Ok(((), Audited::register()))
        })?;
        store_sync::install_capture(&self.conn)?;
        self.sync(Some(session), clock)
    }

    /// One sync now: stamps what is left, pushes this device's changes, pulls and merges
    /// everyone else's. Offline or refused, the register stays as it was and fully usable;
    /// the attempt is recorded for [`Register::sync_status`].
    pub fn sync(&mut self, session: Option<&Session>, clock: &dyn Clock) -> Result<SyncReport> {
        if let Some(session) = session {
            self.authorize(session, Action::Sync)?;
        }
        if !store_sync::is_set_up(&self.conn)? {
            return Err(Error::HubNotSetUp);
        }
        let result = self.sync_now(session, clock);
        let at = ids::timestamp(clock);
        let error = result.as_ref().err().map(|e| e.code());
        store_sync::record_attempt(&self.conn, &at, error)?;
        result
    }

    fn sync_now(&mut self, session: Option<&Session>, clock: &dyn Clock) -> Result<SyncReport> {
        // The reads this device kept since the last sync are shared with the team (they are
        // the audit trail's, which stays here); the write stamps them and anything else
        // captured but not yet stamped. Sharing is bookkeeping: it leaves no entry itself.
        self.write(session, Action::Sync, clock, |tx| {
            let state = store_sync::state(tx)?.ok_or(Error::HubNotSetUp)?;
            store::audit::share_reads(tx, &state.device_id, clock)?;
            Ok(((), Audited::nothing()))
        })?;
        let mut hub = self.connect_hub()?;
        let register_id = self.register_id().to_string();
        let device_id = hub.device_id();
        let mut report = SyncReport::default();
        loop {
            let pending = store_sync::pending(&self.conn, BATCH)?;
            let Some(last) = pending.last().map(|row| row.seq) else {
                break;
            };
            let records = pending
                .iter()
                .map(|row| to_hub_record(self.sync_keys(), &register_id, device_id, row))
                .collect::<Result<Vec<_>>>()?;
            let outcome = hub.push(&records)?;
            report.pushed += outcome.stored as u64;
            report.duplicates += outcome.duplicates as u64;
            report.refused += outcome.refused.len() as u64;
            store_sync::outbox_done_through(&self.conn, last)?;
        }
        let mut erased_any = false;
        loop {
            let cursors: BTreeMap<Uuid, i64> = store_sync::cursors(&self.conn)?
                .into_iter()
                .filter_map(|(device, seq)| Uuid::parse_str(&device).ok().map(|d| (d, seq)))
                .collect();
            let page = hub.pull(&cursors, BATCH)?;
            if page.is_empty() {
                break;
            }
            let changes = page
                .iter()
                .map(|record| open(self.sync_keys(), &register_id, record).map(|c| (record, c)))
                .collect::<Result<Vec<_>>>()?;
            let counts = self.write(session, Action::Sync, clock, |tx| {
                let state = store_sync::state(tx)?.ok_or(Error::HubNotSetUp)?;
                store_sync::mute(tx, true)?;
                let mut applier = Applier::new(tx, clock, state.last_hlc);
                for (record, change) in changes {
                    applier.apply(change, &record.hlc)?;
                    store_sync::advance_cursor(tx, &record.device_id.to_string(), record.seq)?;
                }
                applier.reindex()?;
                store_sync::set_last_hlc(tx, &applier.last_hlc)?;
                store_sync::mute(tx, false)?;
                Ok((applier.counts, Audited::register()))
            })?;
            erased_any |= counts.erased > 0;
            report.pulled += counts;
        }
        // A restore's cursor on this device's own records has been followed to the end.
        store_sync::drop_own_cursor(&self.conn, &device_id.to_string())?;
        if erased_any {
            // Erased values must not linger in the write-ahead log either.
            self.conn
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        }
        // Last, so the entries this sync wrote travel with it.
        report.audit_copied = self.push_audit_copy(&mut hub)?;
        Ok(report)
    }

    /// Sync at a glance (any role; no audit entry: it shows no one's data).
    pub fn sync_status(&self) -> Result<SyncStatus> {
        let state = store_sync::state(&self.conn)?;
        let open_conflicts = store_sync::open_conflict_count(&self.conn)?;
        Ok(SyncStatus {
            set_up: state.is_some(),
            device_name: state.as_ref().map(|s| s.device_name.clone()),
            hub_url: state.as_ref().map(|s| s.hub_url.clone()),
            waiting: store_sync::pending_count(&self.conn)?,
            last_sync_at: state.as_ref().and_then(|s| s.last_sync_at.clone()),
            last_attempt_at: state.as_ref().and_then(|s| s.last_attempt_at.clone()),
            offline_since: state.as_ref().and_then(|s| s.offline_since.clone()),
            last_error: state.and_then(|s| s.last_error),
            open_conflicts,
        })
    }

    /// A digest of every synced row: two devices that converged show the same.
    pub fn sync_digest(&self) -> Result<String> {
        store_sync::content_digest(&self.conn)
    }

    /// The conflicts found while merging, newest first.
    pub fn sync_conflicts(&self, session: &Session, open_only: bool) -> Result<Vec<SyncConflict>> {
        self.authorize(session, Action::SyncConflictList)?;
        store_sync::conflicts(&self.conn, ConflictFilter::All { open_only })
    }

    /// Puts the losing value of a conflict back (a new change, so it travels and wins
    /// everywhere at the next sync) and marks the conflict resolved.
    pub fn sync_conflict_restore(
        &mut self,
        session: &Session,
        conflict_id: &str,
        clock: &dyn Clock,
    ) -> Result<()> {
        self.authorize(session, Action::SyncConflictRestore)?;
        let conflict = store_sync::conflicts(&self.conn, ConflictFilter::Id(conflict_id))?
            .pop()
            .ok_or_else(|| crate::people::not_found("conflict", conflict_id))?;
        self.write(Some(session), Action::SyncConflictRestore, clock, |tx| {
            let table = store_sync::synced_table(&conflict.table)
                .ok_or_else(|| crate::people::not_found("conflict", &conflict.conflict_id))?;
            let key: Vec<Value> = serde_json::from_str(&conflict.row_key).unwrap_or_default();
            if let Some(person) = &conflict.person_id {
                crate::restriction::ensure_may_change(tx, session, person)?;
            }
            // A meeting's or deal's field is data about each of its people, as in their edits.
            let record = key.first().and_then(Value::as_str).unwrap_or_default();
            let people_of = match table.name {
                "meetings" => {
                    Some("SELECT person_id FROM meeting_participants WHERE meeting_id = ?1")
                }
                "deals" => Some("SELECT person_id FROM deal_people WHERE deal_id = ?1"),
                _ => None,
            };
            if let Some(sql) = people_of {
                let people: Vec<String> = tx
                    .prepare(sql)?
                    .query_map([record], |row| row.get(0))?
                    .collect::<rusqlite::Result<_>>()?;
                for person in &people {
                    crate::restriction::ensure_may_change(tx, session, person)?;
                }
            }
            let value = conflict
                .other_value
                .clone()
                .map_or(Value::Null, Value::String);
            store_sync::update_row(tx, table, &key, &[(conflict.field.clone(), value)])?;
            store_sync::resolve_conflict(tx, &conflict.conflict_id, &ids::timestamp(clock))?;
            if let Some(person) = &conflict.person_id {
                crate::search::index_person(tx, person)?;
            }
            Ok(((), Audited::record("sync_conflict", &conflict.conflict_id)))
        })
    }

    /// Enrols a new device (admin): it gets its own hub login, and the register key waits
    /// for it on the hub sealed under a secret that only the returned one-time code holds.
    pub fn device_enrol(
        &mut self,
        session: &Session,
        device_name: &str,
        clock: &dyn Clock,
    ) -> Result<Zeroizing<String>> {
        self.authorize(session, Action::DeviceEnrol)?;
        let mut hub = self.connect_hub()?;
        let mut secret = Zeroizing::new([0u8; 32]);
        getrandom::fill(secret.as_mut()).map_err(|e| Error::Storage(e.to_string()))?;
        let secret_text = data_encoding::BASE64URL_NOPAD.encode(secret.as_ref());
        let register_key = self.keychain_handle().load(self.register_id())?;
        let device_name =
            crate::validate::name("device_name", device_name, crate::hub::DEVICE_NAME_MAX)?;
        let deposit = Deposit {
            register_id: self.register_id().to_string(),
            register_key: data_encoding::HEXLOWER.encode(register_key.expose()),
            device_name: device_name.clone(),
        };
        let plain = Zeroizing::new(serde_json::to_vec(&deposit).expect("serialisable"));
        let sealed = seal_bytes(&*deposit_key(&secret_text)?, &plain, b"")?;
        let (_, login) = hub.enrol_device(&device_name, &sealed)?;
        let code = EnrolmentCode {
            v: 1,
            url: login.url.clone(),
            role: login.role.clone(),
            password: login.password.clone(),
            secret: secret_text,
        };
        let encoded = code.encode();
        self.write(Some(session), Action::DeviceEnrol, clock, |_| {
            Ok(((), Audited::record("device", &device_name)))
        })?;
        Ok(encoded)
    }

    /// The devices of this register on the hub (admin).
    pub fn device_list(&self, session: &Session) -> Result<Vec<DeviceInfo>> {
        self.authorize(session, Action::DeviceList)?;
        let mut hub = self.connect_hub()?;
        hub.devices()
    }

    /// Revokes a device (admin): its hub role is dropped, it can neither pull nor push.
    pub fn device_revoke(
        &mut self,
        session: &Session,
        device_name: &str,
        clock: &dyn Clock,
    ) -> Result<()> {
        self.authorize(session, Action::DeviceRevoke)?;
        let mut hub = self.connect_hub()?;
        hub.revoke_device(device_name)?;
        self.write(Some(session), Action::DeviceRevoke, clock, |_| {
            Ok(((), Audited::record("device", device_name)))
        })
    }

    /// Makes `data_dir` (empty) this machine's copy of a team register with a one-time
    /// enrolment code: the register key goes into the keychain, the hub login with it, and
    /// the first sync brings everything the team holds.
    pub fn join(
        data_dir: &DataDir,
        keychain: &Keychain,
        code: &str,
        clock: &dyn Clock,
    ) -> Result<(Register, SyncReport)> {
        let code = EnrolmentCode::decode(code)?;
        let login = code.login();
        crate::register::refuse_unless_free(data_dir)?;
        let mut hub = Hub::connect(&login, None)?;
        let sealed = hub.take_deposit()?;
        let plain = open_bytes(&*deposit_key(&code.secret)?, &sealed, b"")
            .ok_or(Error::EnrolmentCodeInvalid)?;
        let deposit: Deposit =
            serde_json::from_slice(&plain).map_err(|_| Error::EnrolmentCodeInvalid)?;
        if deposit.register_id != hub.register_id().to_string() {
            return Err(Error::HubForeignRegister);
        }
        let key_bytes = Zeroizing::new(
            data_encoding::HEXLOWER
                .decode(deposit.register_key.as_bytes())
                .map_err(|_| Error::EnrolmentCodeInvalid)?,
        );
        let key = DatabaseKey::from_slice(&key_bytes).ok_or(Error::EnrolmentCodeInvalid)?;
        let device_id = hub.device_id();
        drop(hub);
        let mut register =
            Register::create_with_key(data_dir, keychain, &deposit.register_id, &key, clock)?;
        keychain.store_secret(&hub_account(&deposit.register_id), &login.password)?;
        store_sync::insert_state(
            &register.conn,
            &device_id.to_string(),
            &deposit.device_name,
            &login.url,
            &login.role,
        )?;
        store_sync::install_capture(&register.conn)?;
        let report = register.sync(None, clock)?;
        Ok((register, report))
    }
}

// ---------------------------------------------------------------------------------------
// The audit trail's copy on the hub
// ---------------------------------------------------------------------------------------

/// Entries compared with the hub's copy per round trip.
const AUDIT_COPY_PAGE: usize = 10_000;

/// What this device's audit trail copied on the hub says about the local trail.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum AuditCopyCheck {
    /// Every entry the hub holds is in the local trail, unchanged.
    Matches,
    /// The hub holds this entry and the local trail has none at its place: cut short.
    Truncated(i64),
    /// The local entry at this place differs from the one the hub holds.
    Rewritten(i64),
    /// The hub could not be asked (this error code); the trail was checked locally only.
    NotChecked(String),
}

/// Binds a sealed audit entry to its register, device, place and hash.
fn audit_copy_aad(register_id: &str, device_id: Uuid, seq: i64, hash: &str) -> Vec<u8> {
    format!("kortisto-audit-copy-v1|{register_id}|{device_id}|{seq}|{hash}").into_bytes()
}

fn hash_bytes(seq: i64, hash: &str) -> Result<Vec<u8>> {
    data_encoding::HEXLOWER
        .decode(hash.as_bytes())
        .map_err(|_| Error::AuditChainBroken { seq })
}

impl Register {
    /// Copies the audit entries the hub does not hold yet, sealed; returns how many.
    fn push_audit_copy(&self, hub: &mut Hub) -> Result<u64> {
        let register_id = self.register_id().to_string();
        let device_id = hub.device_id();
        let mut after = hub.audit_copy_head()?;
        let mut copied = 0;
        loop {
            let entries = store::audit::chain_after(&self.conn, after, Some(BATCH))?;
            let Some(last) = entries.last().map(|(event, _, _)| event.seq) else {
                break;
            };
            let copies = entries
                .iter()
                .map(|(event, prev_hash, hash)| {
                    let plain = serde_json::to_vec(&serde_json::json!({
                        "event": event, "prev_hash": prev_hash, "hash": hash,
                    }))
                    .expect("serialisable");
                    let aad = audit_copy_aad(&register_id, device_id, event.seq, hash);
                    Ok(AuditCopyEntry {
                        seq: event.seq,
                        hash: hash_bytes(event.seq, hash)?,
                        sealed: seal_bytes(&self.sync_keys().seal, &plain, &aad)?,
                    })
                })
                .collect::<Result<Vec<_>>>()?;
            copied += hub.push_audit_copy(&copies)? as u64;
            after = last;
        }
        Ok(copied)
    }

    /// Compares the local trail (`local`: sequence number → hash) with this device's copy
    /// on the hub; None when the register has no hub. While the last sync found the hub out
    /// of reach, the hub is not asked again (a verify must not wait for a network the
    /// background sync already knows is down).
    pub(crate) fn check_audit_copy(
        &self,
        local: &BTreeMap<i64, String>,
    ) -> Result<Option<AuditCopyCheck>> {
        let Some(state) = store_sync::state(&self.conn)? else {
            return Ok(None);
        };
        if state.offline_since.is_some() {
            let code = state.last_error.unwrap_or_else(|| "hub_unreachable".into());
            return Ok(Some(AuditCopyCheck::NotChecked(code)));
        }
        let not_checked = |error: Error| Ok(Some(AuditCopyCheck::NotChecked(error.code().into())));
        let mut hub = match self.connect_hub() {
            Ok(hub) => hub,
            Err(error) => return not_checked(error),
        };
        let mut after = 0;
        loop {
            let page = match hub.audit_copy(after, AUDIT_COPY_PAGE) {
                Ok(page) => page,
                Err(error) => return not_checked(error),
            };
            let Some(&(last, _)) = page.last() else {
                return Ok(Some(AuditCopyCheck::Matches));
            };
            for (seq, hub_hash) in &page {
                match local.get(seq) {
                    None => return Ok(Some(AuditCopyCheck::Truncated(*seq))),
                    Some(hash) if hash_bytes(*seq, hash)? != *hub_hash => {
                        return Ok(Some(AuditCopyCheck::Rewritten(*seq)))
                    }
                    Some(_) => {}
                }
            }
            after = last;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Hlc;

    #[test]
    fn clocks_move_forward_even_when_the_wall_clock_stands_still_or_goes_back() {
        let a = Hlc::next("", 1_000, "dev-a");
        let b = Hlc::next(&a, 1_000, "dev-a");
        let c = Hlc::next(&b, 900, "dev-a");
        assert!(a < b && b < c, "{a} {b} {c}");
        let d = Hlc::next(&c, 2_000, "dev-a");
        assert!(c < d);
        assert_eq!(Hlc::parse(&d).unwrap().counter, 0);
    }

    #[test]
    fn a_remote_clock_is_followed_unless_it_is_too_far_ahead() {
        let mine = Hlc::next("", 1_000, "dev-a");
        let theirs = Hlc::next("", 5_000, "dev-b");
        assert_eq!(Hlc::observe(&mine, &theirs, 1_000), theirs);
        let far = Hlc::next("", 1_000 + super::MAX_DRIFT_MS + 1, "dev-b");
        assert_eq!(Hlc::observe(&mine, &far, 1_000), mine);
        // Two devices never issue equal clocks, even in the same millisecond.
        assert_ne!(Hlc::next("", 7, "dev-a"), Hlc::next("", 7, "dev-b"));
    }
}
