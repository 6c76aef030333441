//! SQL of the rectification history: the earlier values of a record's changed fields.
//! Which changes are recorded is decided in the domain modules, not here.
use rusqlite::{params, Connection};

use crate::history::HistoryEntry;
use crate::{ids, Clock, Result};

/// Who made a change, and for which data subject's request (when made while answering one;
/// the domain checks that the request exists before passing it).
#[derive(Debug, Clone, Copy)]
pub(crate) struct ChangedBy<'a> {
    pub user_id: &'a str,
    pub request_id: Option<&'a str>,
}

impl<'a> ChangedBy<'a> {
    /// A change made outside any request.
    pub fn user(user_id: &'a str) -> Self {
        Self {
            user_id,
            request_id: None,
        }
    }
}

const HISTORY_COLUMNS: &str = "h.change_id, h.record_kind, h.record_id, h.field, h.old_value, h.new_value, h.changed_by, u.display_name, h.changed_at, h.request_id,
     CASE WHEN h.field IN ('participant', 'person')
          THEN (SELECT p.surname || ' ' || p.first_name FROM people p WHERE p.person_id = h.old_value)
          WHEN h.field IN ('organisation_id', 'parent_id')
          THEN (SELECT o.name FROM organisations o WHERE o.organisation_id = h.old_value)
          WHEN h.field = 'processor_id'
          THEN (SELECT r.name FROM processors r WHERE r.processor_id = h.old_value) END,
     CASE WHEN h.field IN ('participant', 'person')
          THEN (SELECT p.surname || ' ' || p.first_name FROM people p WHERE p.person_id = h.new_value)
          WHEN h.field IN ('organisation_id', 'parent_id')
          THEN (SELECT o.name FROM organisations o WHERE o.organisation_id = h.new_value)
          WHEN h.field = 'processor_id'
          THEN (SELECT r.name FROM processors r WHERE r.processor_id = h.new_value) END";

fn history_entry(row: &rusqlite::Row<'_>) -> rusqlite::Result<HistoryEntry> {
    Ok(HistoryEntry {
        change_id: row.get(0)?,
        record_kind: row.get(1)?,
        record_id: row.get(2)?,
        field: row.get(3)?,
        old_value: row.get(4)?,
        new_value: row.get(5)?,
        changed_by: row.get(6)?,
        changed_by_name: row.get(7)?,
        changed_at: row.get(8)?,
        request_id: row.get(9)?,
        old_label: row.get(10)?,
        new_label: row.get(11)?,
    })
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_history(
    conn: &Connection,
    clock: &dyn Clock,
    record_kind: &str,
    record_id: &str,
    field: &str,
    old_value: Option<&str>,
    new_value: Option<&str>,
    changed_by: &ChangedBy<'_>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO change_history (change_id, record_kind, record_id, field, old_value, new_value, changed_by, changed_at, request_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![ids::new_id(clock), record_kind, record_id, field, old_value, new_value, changed_by.user_id, ids::timestamp(clock), changed_by.request_id],
    )?;
    Ok(())
}

pub(crate) fn history(
    conn: &Connection,
    record_kind: &str,
    record_id: &str,
) -> Result<Vec<HistoryEntry>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {HISTORY_COLUMNS}
         FROM change_history h JOIN users u ON u.user_id = h.changed_by
         WHERE h.record_kind = ?1 AND h.record_id = ?2 ORDER BY h.changed_at DESC, h.change_id DESC"
    ))?;
    let rows = statement.query_map(params![record_kind, record_id], history_entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A person's own history and the rows of meetings' and deals' histories that say they were
/// added or taken off (the value is their id): everything the history holds about them, for
/// their extract, newest first.
pub(crate) fn history_of_person(conn: &Connection, person_id: &str) -> Result<Vec<HistoryEntry>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {HISTORY_COLUMNS}
         FROM change_history h JOIN users u ON u.user_id = h.changed_by
         WHERE (h.record_kind = 'person' AND h.record_id = ?1)
            OR (h.record_kind IN ('meeting', 'deal') AND h.field IN ('participant', 'person')
                AND (h.old_value = ?1 OR h.new_value = ?1))
         ORDER BY h.changed_at DESC, h.change_id DESC"
    ))?;
    let rows = statement.query_map(params![person_id], history_entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The changes made while answering a request, oldest first.
pub(crate) fn history_of_request(conn: &Connection, request_id: &str) -> Result<Vec<HistoryEntry>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {HISTORY_COLUMNS}
         FROM change_history h JOIN users u ON u.user_id = h.changed_by
         WHERE h.request_id = ?1 ORDER BY h.changed_at, h.change_id"
    ))?;
    let rows = statement.query_map(params![request_id], history_entry)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
