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

/// Writes one history row per field whose value changed (`(field, old, new)`) and says
/// whether any did. For a meeting or deal under review after an erasure, a free-text field
/// keeps no copy of its old text, and correcting it ends the review.
pub(crate) fn record_field_changes(
    tx: &rusqlite::Connection,
    clock: &dyn crate::Clock,
    record_kind: &str,
    record_id: &str,
    fields: impl IntoIterator<Item = (&'static str, Option<String>, Option<String>)>,
    changed_by: &crate::store::history::ChangedBy<'_>,
) -> crate::Result<bool> {
    use crate::store;
    let review = store::erasure::under_review(tx, record_kind, record_id)?;
    let mut changed = false;
    for (field, old, new) in fields {
        if old == new {
            continue;
        }
        changed = true;
        let free_text = store::erasure::FREE_TEXT_FIELDS.contains(&field);
        let old = if review && free_text { None } else { old };
        store::history::insert_history(
            tx,
            clock,
            record_kind,
            record_id,
            field,
            old.as_deref(),
            new.as_deref(),
            changed_by,
        )?;
        if review && free_text {
            store::erasure::review_done(tx, record_kind, record_id)?;
        }
    }
    Ok(changed)
}
