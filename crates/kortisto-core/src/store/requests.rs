//! SQL of the request log: data subjects' requests, identity checks, extensions and closing.
//! Deadlines and the request rules are in `crate::requests`.
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::requests::{Request, RequestChannel, RequestInput, RequestKind, RequestStatus};
use crate::Result;

use super::bad_enum;

const REQUEST_SELECT: &str = "SELECT r.request_id, r.kind, r.received_on, r.channel, r.person_id, p.surname || ' ' || p.first_name,
    r.identity_method, r.identity_checked_on, u.display_name, r.due_on, r.extended_due_on, r.extension_reason, r.status,
    r.closed_on, r.outcome
    FROM requests r LEFT JOIN people p ON p.person_id = r.person_id LEFT JOIN users u ON u.user_id = r.identity_checked_by";

fn request_row(row: &Row<'_>) -> rusqlite::Result<Request> {
    let kind: String = row.get(1)?;
    let channel: String = row.get(3)?;
    let status: String = row.get(12)?;
    Ok(Request {
        request_id: row.get(0)?,
        kind: RequestKind::parse(&kind).map_err(|_| bad_enum(1))?,
        received_on: row.get(2)?,
        channel: RequestChannel::parse(&channel).map_err(|_| bad_enum(3))?,
        person_id: row.get(4)?,
        person_name: row.get(5)?,
        identity_method: row.get(6)?,
        identity_checked_on: row.get(7)?,
        identity_checked_by_name: row.get(8)?,
        due_on: row.get(9)?,
        extended_due_on: row.get(10)?,
        extension_reason: row.get(11)?,
        status: RequestStatus::parse(&status).map_err(|_| bad_enum(12))?,
        closed_on: row.get(13)?,
        outcome: row.get(14)?,
    })
}

pub(crate) fn insert_request(
    conn: &Connection,
    id: &str,
    input: &RequestInput,
    received_on: &str,
    due_on: &str,
    user_id: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO requests (request_id, kind, received_on, channel, person_id, due_on, status, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?8)",
        params![id, input.kind.name(), received_on, input.channel.name(), input.person_id.as_deref().filter(|p| !p.is_empty()), due_on, user_id, now],
    )?;
    Ok(())
}

pub(crate) fn request(conn: &Connection, request_id: &str) -> Result<Option<Request>> {
    Ok(conn
        .query_row(
            &format!("{REQUEST_SELECT} WHERE r.request_id = ?1"),
            [request_id],
            request_row,
        )
        .optional()?)
}

pub(crate) fn requests(conn: &Connection, status: Option<RequestStatus>) -> Result<Vec<Request>> {
    let sql = format!(
        "{REQUEST_SELECT} WHERE (?1 IS NULL OR r.status = ?1)
         ORDER BY r.status = 'open' DESC, coalesce(r.extended_due_on, r.due_on), r.received_on"
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([status.map(RequestStatus::name)], request_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn requests_of(conn: &Connection, person_id: &str) -> Result<Vec<Request>> {
    let mut statement = conn.prepare(&format!(
        "{REQUEST_SELECT} WHERE r.person_id = ?1 ORDER BY r.received_on"
    ))?;
    let rows = statement.query_map([person_id], request_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn set_identity(
    conn: &Connection,
    id: &str,
    person_id: &str,
    method: &str,
    on: &str,
    user_id: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE requests SET person_id = ?2, identity_method = ?3, identity_checked_on = ?4, identity_checked_by = ?5 WHERE request_id = ?1",
        params![id, person_id, method, on, user_id],
    )?;
    Ok(())
}

pub(crate) fn extend(conn: &Connection, id: &str, new_due: &str, reason: &str) -> Result<()> {
    conn.execute(
        "UPDATE requests SET extended_due_on = ?2, extension_reason = ?3 WHERE request_id = ?1",
        params![id, new_due, reason],
    )?;
    Ok(())
}

pub(crate) fn close(
    conn: &Connection,
    id: &str,
    status: RequestStatus,
    on: &str,
    outcome: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE requests SET status = ?2, closed_on = ?3, outcome = ?4 WHERE request_id = ?1",
        params![id, status.name(), on, outcome],
    )?;
    Ok(())
}
