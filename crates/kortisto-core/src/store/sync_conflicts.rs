//! SQL of the conflicts view: the record a conflict is about, and who set a value according
//! to the rectification history. Read only.
use rusqlite::{params, Connection, OptionalExtension};

use crate::Result;

/// What a conflict's row is about, beyond the person the conflict itself names.
#[derive(Default)]
pub(crate) struct ConflictRecord {
    pub person_id: Option<String>,
    pub organisation_id: Option<String>,
    /// A deal's title, a meeting's subject, a user's display name.
    pub name: Option<String>,
}

/// The record of `table` whose first key column is `key`, as far as the view names it.
pub(crate) fn record(conn: &Connection, table: &str, key: &str) -> Result<ConflictRecord> {
    // (person column, organisation column, name column, key column) of the tables the
    // view can name; any other table's conflicts are shown by their field alone.
    let (person, organisation, name, key_column) = match table {
        "people" => ("person_id", "NULL", "NULL", "person_id"),
        "organisations" => ("NULL", "organisation_id", "NULL", "organisation_id"),
        "contact_points" => ("person_id", "organisation_id", "NULL", "contact_id"),
        "positions" => ("person_id", "organisation_id", "title", "position_id"),
        "service_elements" => ("person_id", "organisation_id", "identifier", "element_id"),
        "deals" => ("NULL", "organisation_id", "title", "deal_id"),
        "meetings" => ("NULL", "organisation_id", "subject", "meeting_id"),
        "users" => ("NULL", "NULL", "display_name", "user_id"),
        _ => return Ok(ConflictRecord::default()),
    };
    Ok(conn
        .query_row(
            &format!(
                "SELECT {person}, {organisation}, {name} FROM {table} WHERE {key_column} = ?1"
            ),
            [key],
            |row| {
                Ok(ConflictRecord {
                    person_id: row.get(0)?,
                    organisation_id: row.get(1)?,
                    name: row.get(2)?,
                })
            },
        )
        .optional()?
        .unwrap_or_default())
}

/// Who last set `field` of a person or an organisation to `value`, by the rectification
/// history (which both devices share once synced).
pub(crate) fn set_by(
    conn: &Connection,
    record_kind: &str,
    record_id: &str,
    field: &str,
    value: Option<&str>,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT u.display_name FROM change_history h JOIN users u ON u.user_id = h.changed_by
             WHERE h.record_kind = ?1 AND h.record_id = ?2 AND h.field = ?3 AND h.new_value IS ?4
             ORDER BY h.changed_at DESC, h.change_id DESC LIMIT 1",
            params![record_kind, record_id, field, value],
            |row| row.get(0),
        )
        .optional()?)
}
