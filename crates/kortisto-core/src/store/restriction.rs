//! SQL of restrictions of processing and objections: one row per restriction (lifting fills
//! it in) and per objection. When a restriction applies is decided in `crate::restriction`.
use rusqlite::{params, Connection, OptionalExtension};

use crate::restriction::{Objection, Restriction};
use crate::Result;

const RESTRICTION_COLUMNS: &str = "r.restriction_id, r.person_id, r.reason, r.from_on, r.until_on, r.set_by, s.display_name, r.set_at, r.request_id, r.lifted_reason, r.lifted_by, l.display_name, r.lifted_at, r.lift_request_id";

fn restriction_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Restriction> {
    Ok(Restriction {
        restriction_id: row.get(0)?,
        person_id: row.get(1)?,
        reason: row.get(2)?,
        from_on: row.get(3)?,
        until_on: row.get(4)?,
        set_by: row.get(5)?,
        set_by_name: row.get(6)?,
        set_at: row.get(7)?,
        request_id: row.get(8)?,
        lifted_reason: row.get(9)?,
        lifted_by: row.get(10)?,
        lifted_by_name: row.get(11)?,
        lifted_at: row.get(12)?,
        lift_request_id: row.get(13)?,
    })
}

/// A person's restrictions, newest first.
pub(crate) fn restrictions_of(conn: &Connection, person_id: &str) -> Result<Vec<Restriction>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {RESTRICTION_COLUMNS} FROM restrictions r JOIN users s ON s.user_id = r.set_by
         LEFT JOIN users l ON l.user_id = r.lifted_by
         WHERE r.person_id = ?1 ORDER BY r.set_at DESC, r.restriction_id DESC"
    ))?;
    let rows = statement.query_map([person_id], restriction_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The restriction in force on a person (not lifted), if any.
pub(crate) fn in_force(conn: &Connection, person_id: &str) -> Result<Option<Restriction>> {
    Ok(conn
        .prepare_cached(&format!(
            "SELECT {RESTRICTION_COLUMNS} FROM restrictions r JOIN users s ON s.user_id = r.set_by
             LEFT JOIN users l ON l.user_id = r.lifted_by
             WHERE r.person_id = ?1 AND r.lifted_at IS NULL ORDER BY r.set_at DESC LIMIT 1"
        ))?
        .query_row([person_id], restriction_row)
        .optional()?)
}

/// SQL that is true when the person `p.person_id` is restricted (for lists and searches).
pub(crate) const RESTRICTED_SQL: &str =
    "EXISTS (SELECT 1 FROM restrictions r WHERE r.person_id = p.person_id AND r.lifted_at IS NULL)";

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_restriction(
    conn: &Connection,
    id: &str,
    person_id: &str,
    reason: &str,
    from_on: &str,
    until_on: Option<&str>,
    set_by: &str,
    set_at: &str,
    request_id: Option<&str>,
) -> Result<()> {
    conn.execute(
        "INSERT INTO restrictions (restriction_id, person_id, reason, from_on, until_on, set_by, set_at, request_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, person_id, reason, from_on, until_on, set_by, set_at, request_id],
    )?;
    Ok(())
}

pub(crate) fn lift(
    conn: &Connection,
    id: &str,
    reason: &str,
    lifted_by: &str,
    lifted_at: &str,
    request_id: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE restrictions SET lifted_reason = ?2, lifted_by = ?3, lifted_at = ?4, lift_request_id = ?5
         WHERE restriction_id = ?1",
        params![id, reason, lifted_by, lifted_at, request_id],
    )?;
    Ok(())
}

const OBJECTION_COLUMNS: &str = "o.objection_id, o.person_id, o.purpose, o.reason, o.objected_on, o.recorded_by, u.display_name, o.recorded_at, o.request_id";

fn objection_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Objection> {
    Ok(Objection {
        objection_id: row.get(0)?,
        person_id: row.get(1)?,
        purpose: row.get(2)?,
        reason: row.get(3)?,
        objected_on: row.get(4)?,
        recorded_by: row.get(5)?,
        recorded_by_name: row.get(6)?,
        recorded_at: row.get(7)?,
        request_id: row.get(8)?,
    })
}

/// A person's objections, newest first.
pub(crate) fn objections_of(conn: &Connection, person_id: &str) -> Result<Vec<Objection>> {
    let mut statement = conn.prepare_cached(&format!(
        "SELECT {OBJECTION_COLUMNS} FROM objections o JOIN users u ON u.user_id = o.recorded_by
         WHERE o.person_id = ?1 ORDER BY o.recorded_at DESC, o.objection_id DESC"
    ))?;
    let rows = statement.query_map([person_id], objection_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert_objection(conn: &Connection, o: &Objection) -> Result<()> {
    conn.execute(
        "INSERT INTO objections (objection_id, person_id, purpose, reason, objected_on, recorded_by, recorded_at, request_id)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![o.objection_id, o.person_id, o.purpose, o.reason, o.objected_on, o.recorded_by, o.recorded_at, o.request_id],
    )?;
    Ok(())
}
