//! Rectification history: who changed which field of a person or an organisation, when, and
//! from what to what. Written in the same transaction as the change; erased with the person.
use serde::Serialize;

/// One change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct HistoryEntry {
    /// The change's id.
    pub change_id: String,
    /// `person`, `organisation`, `meeting`, `deal`, `processor` or `transfer`.
    pub record_kind: String,
    /// The record changed.
    pub record_id: String,
    /// The field (`surname`, `contact.email`, `position`, …).
    pub field: String,
    /// The value before (none when added).
    pub old_value: Option<String>,
    /// The value after.
    pub new_value: Option<String>,
    /// Who changed it (user id).
    pub changed_by: String,
    /// Their display name.
    pub changed_by_name: String,
    /// When.
    pub changed_at: String,
    /// The data subject's request the change was made for, if any.
    pub request_id: Option<String>,
}
