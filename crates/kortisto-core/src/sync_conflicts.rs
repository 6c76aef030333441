//! The conflicts view: each conflict the merge recorded, told the way a person reads it —
//! whose record, which field, the value kept and the one that lost, and for each where and
//! when it was set (from its hybrid logical clock) and, where the rectification history
//! keeps it, who set it. Recording conflicts and restoring a losing value are the merge's
//! own work (`sync.rs`); this module only reads.
use serde::Serialize;

use crate::auth::Session;
use crate::store::sync_conflicts as store_view;
use crate::sync::{Hlc, SyncConflict};
use crate::{store, Register, Result};

/// Columns whose values are never shown, only that they changed.
const HIDDEN_FIELDS: &[(&str, &str)] = &[("users", "password_hash")];

/// One side of a conflict: a value, and where, when and by whom it was set.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ConflictSide {
    /// The value (None: empty, or not shown — see [`SyncConflictView::hidden`]).
    pub value: Option<String>,
    /// When the change was made, by its device's clock (RFC 3339).
    pub at: Option<String>,
    /// Whether the change was made on this device.
    pub this_device: bool,
    /// This device's name when the change was made here (other devices' names live on the
    /// hub, which this view does not ask: it works offline).
    pub device_name: Option<String>,
    /// Who set the value, where the record's rectification history says so.
    pub changed_by_name: Option<String>,
}

/// A conflict as the conflicts view shows it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct SyncConflictView {
    /// The conflict's id (what a restore names).
    pub conflict_id: String,
    /// The table (`people`, `organisations`, …): with `field`, which detail it is.
    pub table: String,
    /// The column.
    pub field: String,
    /// The person the record is about, if any (the view links to their page).
    pub person_id: Option<String>,
    /// Their name, "First Surname", while they are in the register.
    pub person_name: Option<String>,
    /// The organisation the record belongs to, if any.
    pub organisation_id: Option<String>,
    /// Its name.
    pub organisation_name: Option<String>,
    /// The record's own name where it has one: a deal's title, a meeting's subject, a
    /// user's display name.
    pub record_name: Option<String>,
    /// Whether the values are withheld (a password hash): the view says only what changed.
    pub hidden: bool,
    /// The value kept everywhere (the newer change).
    pub kept: ConflictSide,
    /// The value that lost: what "restore" puts back.
    pub other: ConflictSide,
    /// When the conflict was found (RFC 3339).
    pub detected_at: String,
    /// When someone put the other value back, if they did.
    pub resolved_at: Option<String>,
}

impl Register {
    /// The conflicts found while merging, newest first, in words (see the module comment).
    pub fn sync_conflict_view(
        &self,
        session: &Session,
        open_only: bool,
    ) -> Result<Vec<SyncConflictView>> {
        let conflicts = self.sync_conflicts(session, open_only)?;
        let this_device = store::sync::state(&self.conn)?.map(|s| (s.device_id, s.device_name));
        conflicts
            .into_iter()
            .map(|conflict| self.view_of(conflict, this_device.as_ref()))
            .collect()
    }

    fn view_of(
        &self,
        conflict: SyncConflict,
        this_device: Option<&(String, String)>,
    ) -> Result<SyncConflictView> {
        let conn = &self.conn;
        let key: Vec<serde_json::Value> =
            serde_json::from_str(&conflict.row_key).unwrap_or_default();
        let first_key = key.first().and_then(|v| v.as_str()).unwrap_or_default();
        let record = store_view::record(conn, &conflict.table, first_key)?;
        let person_id = conflict.person_id.clone().or(record.person_id);
        let person_name = match &person_id {
            Some(id) => {
                store::people::person(conn, id)?.map(|p| format!("{} {}", p.first_name, p.surname))
            }
            None => None,
        };
        let organisation_name = match &record.organisation_id {
            Some(id) => store::organisations::organisation(conn, id)?.map(|o| o.name),
            None => None,
        };
        let hidden = HIDDEN_FIELDS
            .iter()
            .any(|(table, field)| *table == conflict.table && *field == conflict.field);
        let (kept_hlc, other_hlc) = &conflict.clocks;
        // The rectification history names who set a person's or an organisation's field.
        let history_kind = match conflict.table.as_str() {
            "people" => Some("person"),
            "organisations" => Some("organisation"),
            _ => None,
        };
        let side = |value: Option<String>, hlc: &str| -> Result<ConflictSide> {
            let clock = Hlc::parse(hlc);
            let here = match (&clock, this_device) {
                (Some(clock), Some((id, _))) => clock.device == *id,
                _ => false,
            };
            let changed_by_name = match history_kind {
                Some(kind) if !hidden => {
                    store_view::set_by(conn, kind, first_key, &conflict.field, value.as_deref())?
                }
                _ => None,
            };
            Ok(ConflictSide {
                value: if hidden { None } else { value },
                at: clock.and_then(|c| {
                    chrono::DateTime::from_timestamp_millis(c.ms)
                        .map(|at| at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true))
                }),
                this_device: here,
                device_name: this_device.filter(|_| here).map(|(_, name)| name.clone()),
                changed_by_name,
            })
        };
        Ok(SyncConflictView {
            kept: side(conflict.kept_value.clone(), kept_hlc)?,
            other: side(conflict.other_value.clone(), other_hlc)?,
            conflict_id: conflict.conflict_id,
            table: conflict.table,
            field: conflict.field,
            person_id,
            person_name,
            organisation_id: record.organisation_id,
            organisation_name,
            record_name: record.name,
            hidden,
            detected_at: conflict.detected_at,
            resolved_at: conflict.resolved_at,
        })
    }
}
