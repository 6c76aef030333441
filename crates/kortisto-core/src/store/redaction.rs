//! SQL of redaction: reading and rewriting the free-text fields that may name a person, the
//! matching rows of the rectification history and the sync outbox, and the to-do list of
//! matches retention left. Which words are a person's name is decided in `crate::redaction`.
use rusqlite::{params, Connection, OptionalExtension};

use crate::redaction::RedactionTodo;
use crate::Result;

/// A free-text column that can name a person.
pub(crate) struct FreeText {
    /// The record kind front ends know (`meeting`, `deal`, …; `change` for history rows).
    pub record_kind: &'static str,
    pub table: &'static str,
    pub key: &'static str,
    pub field: &'static str,
    /// The column naming the row's own person: their rows go with them at erasure.
    pub owner: Option<&'static str>,
}

const fn text(
    record_kind: &'static str,
    table: &'static str,
    key: &'static str,
    field: &'static str,
    owner: Option<&'static str>,
) -> FreeText {
    FreeText {
        record_kind,
        table,
        key,
        field,
        owner,
    }
}

/// Every free-text field that can name someone, other than the person's own name fields.
pub(crate) const FREE_TEXT: &[FreeText] = &[
    text("meeting", "meetings", "meeting_id", "subject", None),
    text("meeting", "meetings", "meeting_id", "notes", None),
    text("deal", "deals", "deal_id", "title", None),
    text("deal", "deals", "deal_id", "notes", None),
    text("request", "requests", "request_id", "outcome", None),
    text(
        "request",
        "requests",
        "request_id",
        "extension_reason",
        None,
    ),
    text(
        "request",
        "requests",
        "request_id",
        "identity_method",
        Some("person_id"),
    ),
    text("legal_hold", "legal_holds", "legal_hold_id", "reason", None),
    text(
        "legal_hold",
        "legal_holds",
        "legal_hold_id",
        "lift_reason",
        None,
    ),
    text(
        "position",
        "positions",
        "position_id",
        "job_description",
        Some("person_id"),
    ),
    text(
        "disclosure",
        "disclosures",
        "disclosure_id",
        "what",
        Some("person_id"),
    ),
    text(
        "disclosure",
        "disclosures",
        "disclosure_id",
        "why",
        Some("person_id"),
    ),
    text(
        "consent_event",
        "consent_events",
        "consent_event_id",
        "evidence",
        Some("person_id"),
    ),
    text("source", "sources", "source_id", "detail", None),
    text(
        "restriction",
        "restrictions",
        "restriction_id",
        "reason",
        Some("person_id"),
    ),
    text(
        "restriction",
        "restrictions",
        "restriction_id",
        "lifted_reason",
        Some("person_id"),
    ),
    text(
        "objection",
        "objections",
        "objection_id",
        "reason",
        Some("person_id"),
    ),
    text("change", "change_history", "change_id", "old_value", None),
    text("change", "change_history", "change_id", "new_value", None),
];

/// One value of a free-text field: its row, the text, the record it links to, and the
/// person whose own row it is (their rows go with them at erasure), if any.
pub(crate) struct FreeTextValue {
    pub row_id: String,
    pub text: String,
    pub link_kind: String,
    pub link_id: String,
    pub owner: Option<String>,
}

/// Every non-empty value of a free-text field, or only that of `row_id`.
pub(crate) fn values(
    conn: &Connection,
    column: &FreeText,
    row_id: Option<&str>,
) -> Result<Vec<FreeTextValue>> {
    let FreeText {
        record_kind,
        table,
        key,
        field,
        owner,
    } = column;
    let owner = match (owner, *table) {
        (Some(owner), _) => owner.to_string(),
        (None, "change_history") => "CASE WHEN record_kind = 'person' THEN record_id END".into(),
        (None, _) => "NULL".into(),
    };
    let link = if *table == "change_history" {
        "record_kind, record_id".to_string()
    } else {
        format!("'{record_kind}', {key}")
    };
    let mut statement = conn.prepare(&format!(
        "SELECT {key}, {field}, {link}, {owner} FROM {table}
         WHERE {field} IS NOT NULL AND {field} <> '' AND (?1 IS NULL OR {key} = ?1) ORDER BY {key}"
    ))?;
    let rows = statement.query_map([row_id], |row| {
        Ok(FreeTextValue {
            row_id: row.get(0)?,
            text: row.get(1)?,
            link_kind: row.get(2)?,
            link_id: row.get(3)?,
            owner: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// One field's current text (None when the row is gone or the field empty).
pub(crate) fn value(conn: &Connection, column: &FreeText, row_id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {field} FROM {table} WHERE {key} = ?1",
                field = column.field,
                table = column.table,
                key = column.key
            ),
            [row_id],
            |row| row.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

pub(crate) fn set_value(
    conn: &Connection,
    column: &FreeText,
    row_id: &str,
    text: &str,
) -> Result<()> {
    conn.execute(
        &format!(
            "UPDATE {table} SET {field} = ?2 WHERE {key} = ?1",
            field = column.field,
            table = column.table,
            key = column.key
        ),
        params![row_id, text],
    )?;
    Ok(())
}

/// One history row's values: (change id, old value, new value).
pub(crate) type HistoryValues = (String, Option<String>, Option<String>);

/// The history rows of one record.
pub(crate) fn history_values(
    conn: &Connection,
    record_kind: &str,
    record_id: &str,
) -> Result<Vec<HistoryValues>> {
    let mut statement = conn.prepare(
        "SELECT change_id, old_value, new_value FROM change_history WHERE record_kind = ?1 AND record_id = ?2",
    )?;
    let rows = statement.query_map([record_kind, record_id], |row| {
        Ok((row.get(0)?, row.get(1)?, row.get(2)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn set_history_values(
    conn: &Connection,
    change_id: &str,
    old_value: Option<&str>,
    new_value: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE change_history SET old_value = ?2, new_value = ?3 WHERE change_id = ?1",
        params![change_id, old_value, new_value],
    )?;
    Ok(())
}

/// Changes of one row still waiting for the hub: (seq, fields JSON).
pub(crate) fn outbox_fields(
    conn: &Connection,
    table: &str,
    row_id: &str,
) -> Result<Vec<(i64, String)>> {
    let mut statement = conn.prepare(
        "SELECT seq, fields FROM sync_outbox WHERE tbl = ?1 AND row_key = json_array(?2) AND fields IS NOT NULL",
    )?;
    let rows = statement.query_map([table, row_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn set_outbox_fields(conn: &Connection, seq: i64, fields: &str) -> Result<()> {
    conn.execute(
        "UPDATE sync_outbox SET fields = ?2 WHERE seq = ?1",
        params![seq, fields],
    )?;
    Ok(())
}

pub(crate) fn insert_todo(conn: &Connection, todo: &RedactionTodo) -> Result<()> {
    conn.execute(
        "INSERT INTO redaction_todos (todo_id, run_id, receipt_id, record_kind, record_id, field, found_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![todo.todo_id, todo.run_id, todo.receipt_id, todo.record_kind, todo.record_id, todo.field, todo.found_at],
    )?;
    Ok(())
}

/// The to-dos still open, oldest first.
pub(crate) fn open_todos(conn: &Connection) -> Result<Vec<RedactionTodo>> {
    let mut statement = conn.prepare(
        "SELECT todo_id, run_id, receipt_id, record_kind, record_id, field, found_at FROM redaction_todos
         WHERE done_at IS NULL ORDER BY found_at, todo_id",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(RedactionTodo {
            todo_id: row.get(0)?,
            run_id: row.get(1)?,
            receipt_id: row.get(2)?,
            record_kind: row.get(3)?,
            record_id: row.get(4)?,
            field: row.get(5)?,
            found_at: row.get(6)?,
            open_kind: None,
            open_id: None,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks a to-do done; false when there is no such open to-do.
pub(crate) fn todo_done(
    conn: &Connection,
    todo_id: &str,
    user_id: &str,
    now: &str,
) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE redaction_todos SET done_at = ?3, done_by = ?2 WHERE todo_id = ?1 AND done_at IS NULL",
        params![todo_id, user_id, now],
    )? == 1)
}

/// The page that shows a record: (`person` | `organisation` | `requests`, its id).
pub(crate) fn page_of(
    conn: &Connection,
    record_kind: &str,
    record_id: &str,
) -> Result<Option<(String, Option<String>)>> {
    let sql = match record_kind {
        "person" => return Ok(Some(("person".into(), Some(record_id.into())))),
        "organisation" => return Ok(Some(("organisation".into(), Some(record_id.into())))),
        "request" => return Ok(Some(("requests".into(), None))),
        "meeting" => {
            "SELECT CASE WHEN organisation_id IS NOT NULL THEN 'organisation' ELSE 'person' END,
                    coalesce(organisation_id, (SELECT min(person_id) FROM meeting_participants mp WHERE mp.meeting_id = m.meeting_id))
             FROM meetings m WHERE meeting_id = ?1"
        }
        "deal" => "SELECT 'organisation', organisation_id FROM deals WHERE deal_id = ?1",
        "legal_hold" => {
            "SELECT CASE record_kind WHEN 'deal' THEN 'organisation' ELSE record_kind END,
                    CASE record_kind WHEN 'deal' THEN (SELECT organisation_id FROM deals d WHERE d.deal_id = record_id) ELSE record_id END
             FROM legal_holds WHERE legal_hold_id = ?1"
        }
        "position" => "SELECT 'person', person_id FROM positions WHERE position_id = ?1",
        "disclosure" => "SELECT 'person', person_id FROM disclosures WHERE disclosure_id = ?1",
        "consent_event" => {
            "SELECT 'person', person_id FROM consent_events WHERE consent_event_id = ?1"
        }
        "restriction" => "SELECT 'person', person_id FROM restrictions WHERE restriction_id = ?1",
        "objection" => "SELECT 'person', person_id FROM objections WHERE objection_id = ?1",
        _ => return Ok(None),
    };
    Ok(conn
        .query_row(sql, [record_id], |row| {
            Ok((row.get::<_, String>(0)?, row.get::<_, Option<String>>(1)?))
        })
        .optional()?
        .filter(|(_, id)| id.is_some()))
}
