//! Rectification history: who changed which field of a person, an organisation, a meeting, a
//! deal, a processor or a transfer, when, and from what to what. Written in the same
//! transaction as the change; erased with the person.
use serde::Serialize;

use crate::auth::{Action, Session};
use crate::{store, Error, Register, Result};

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
    /// When the old value is a person's or an organisation's id (a meeting's `participant`, a
    /// deal's `person` or `organisation_id`, an organisation's `parent_id`, a transfer's
    /// `processor_id`): their name as
    /// shown ("Surname First"), so that no raw id reaches the user. None when not an id or
    /// when the record is gone.
    pub old_label: Option<String>,
    /// The same for the new value.
    pub new_label: Option<String>,
    /// Who changed it (user id).
    pub changed_by: String,
    /// Their display name.
    pub changed_by_name: String,
    /// When.
    pub changed_at: String,
    /// The data subject's request the change was made for, if any.
    pub request_id: Option<String>,
}

impl Register {
    /// The history of a meeting, a deal, a processor or a transfer, newest first (whoever may
    /// list such records). In meeting and deal history a `participant` or `person` row names
    /// the person's id: added without an old value, removed without a new one.
    pub fn record_history(
        &self,
        session: &Session,
        record_kind: &str,
        record_id: &str,
    ) -> Result<Vec<HistoryEntry>> {
        let action = match record_kind {
            "meeting" => Action::MeetingList,
            "deal" => Action::DealList,
            "processor" => Action::ProcessorList,
            "transfer" => Action::TransferList,
            _ => {
                return Err(Error::FieldInvalid {
                    field: "record_kind".into(),
                    rule: "record_kind".into(),
                })
            }
        };
        self.authorize(session, action)?;
        store::history::history(&self.conn, record_kind, record_id)
    }
}
