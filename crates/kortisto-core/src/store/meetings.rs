//! SQL of meetings, their participants and the service elements delivered at them.
//! Meeting rules and checks are in `crate::meetings`.
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::meetings::{
    CheckedMeeting, Meeting, MeetingFilter, MeetingKind, ServiceElement, ServiceElementKind,
};
use crate::organisations::ListPage;
use crate::Result;

use super::bad_enum;
use super::deals::people_refs;

// ---- meetings ------------------------------------------------------------------------------

const MEETING_SELECT: &str = "SELECT m.meeting_id, m.kind, m.at, m.subject, m.notes, m.organisation_id, o.name,
    (SELECT group_concat(p.person_id || char(31) || p.surname || ' ' || p.first_name, char(30))
     FROM meeting_participants mp JOIN people p ON p.person_id = mp.person_id WHERE mp.meeting_id = m.meeting_id),
    m.logged_by, u.display_name
    FROM meetings m LEFT JOIN organisations o ON o.organisation_id = m.organisation_id JOIN users u ON u.user_id = m.logged_by";

fn meeting_row(row: &Row<'_>) -> rusqlite::Result<Meeting> {
    let kind: String = row.get(1)?;
    Ok(Meeting {
        meeting_id: row.get(0)?,
        kind: MeetingKind::parse(&kind).map_err(|_| bad_enum(1))?,
        at: row.get(2)?,
        subject: row.get(3)?,
        notes: row.get(4)?,
        organisation_id: row.get(5)?,
        organisation_name: row.get(6)?,
        participants: people_refs(row.get(7)?),
        logged_by: row.get(8)?,
        logged_by_name: row.get(9)?,
    })
}

pub(crate) fn insert_meeting(
    conn: &Connection,
    id: &str,
    m: &CheckedMeeting,
    user_id: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO meetings (meeting_id, kind, at, subject, notes, organisation_id, logged_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, m.kind.name(), m.at, m.subject, m.notes, m.organisation_id, user_id, now],
    )?;
    let mut statement = conn.prepare_cached(
        "INSERT INTO meeting_participants (meeting_id, person_id) VALUES (?1, ?2)",
    )?;
    for person_id in &m.participant_ids {
        statement.execute(params![id, person_id])?;
    }
    let mut latest = conn.prepare_cached(
        "UPDATE people SET last_meeting_at = ?2 WHERE person_id = ?1 AND (last_meeting_at IS NULL OR last_meeting_at < ?2)",
    )?;
    for person_id in &m.participant_ids {
        latest.execute(params![person_id, m.at])?;
    }
    Ok(())
}

pub(crate) fn update_meeting(conn: &Connection, id: &str, m: &CheckedMeeting) -> Result<()> {
    conn.execute(
        "UPDATE meetings SET kind = ?2, at = ?3, subject = ?4, notes = ?5 WHERE meeting_id = ?1",
        params![id, m.kind.name(), m.at, m.subject, m.notes],
    )?;
    // Only the links that change, so the sync outbox carries just those.
    let mut keep =
        conn.prepare_cached("SELECT person_id FROM meeting_participants WHERE meeting_id = ?1")?;
    let existing: Vec<String> = keep
        .query_map([id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    for person_id in existing.iter().filter(|p| !m.participant_ids.contains(p)) {
        conn.execute(
            "DELETE FROM meeting_participants WHERE meeting_id = ?1 AND person_id = ?2",
            params![id, person_id],
        )?;
    }
    for person_id in m.participant_ids.iter().filter(|p| !existing.contains(p)) {
        conn.execute(
            "INSERT INTO meeting_participants (meeting_id, person_id) VALUES (?1, ?2)",
            params![id, person_id],
        )?;
    }
    Ok(())
}

/// Deletes a meeting, its participant links and its earlier history (which holds its text).
pub(crate) fn delete_meeting(conn: &Connection, id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM meeting_participants WHERE meeting_id = ?1",
        [id],
    )?;
    conn.execute(
        "DELETE FROM change_history WHERE record_kind = 'meeting' AND record_id = ?1",
        [id],
    )?;
    conn.execute("DELETE FROM meetings WHERE meeting_id = ?1", [id])?;
    Ok(())
}

/// Sets each person's latest meeting time again from their meetings (after a meeting moved,
/// lost a participant or was deleted: retention counts from it).
pub(crate) fn refresh_last_meeting(conn: &Connection, person_ids: &[String]) -> Result<()> {
    let mut statement = conn.prepare_cached(
        "UPDATE people SET last_meeting_at = (SELECT max(m.at) FROM meetings m
           JOIN meeting_participants mp ON mp.meeting_id = m.meeting_id WHERE mp.person_id = ?1)
         WHERE person_id = ?1",
    )?;
    for person_id in person_ids {
        statement.execute([person_id])?;
    }
    Ok(())
}

pub(crate) fn meeting(conn: &Connection, meeting_id: &str) -> Result<Option<Meeting>> {
    let sql = format!("{MEETING_SELECT} WHERE m.meeting_id = ?1");
    Ok(conn.query_row(&sql, [meeting_id], meeting_row).optional()?)
}

pub(crate) fn meetings_of(
    conn: &Connection,
    person_id: Option<&str>,
    organisation_id: Option<&str>,
    limit: u64,
) -> Result<Vec<Meeting>> {
    Ok(meeting_list(
        conn,
        &MeetingFilter {
            person_id: person_id.map(str::to_string),
            organisation_id: organisation_id.map(str::to_string),
            offset: 0,
            limit: Some(limit),
        },
    )?
    .items)
}

pub(crate) fn meeting_list(conn: &Connection, filter: &MeetingFilter) -> Result<ListPage<Meeting>> {
    // One condition per filter, so that each uses its index: `?1 IS NULL OR …` would make
    // SQLite scan every meeting (a million in the benchmark) for each person page.
    let condition = match (&filter.person_id, &filter.organisation_id) {
        (Some(_), _) => {
            "m.meeting_id IN (SELECT meeting_id FROM meeting_participants WHERE person_id = ?1)
            AND (?2 IS NULL OR m.organisation_id = ?2)"
        }
        (None, Some(_)) => "m.organisation_id = ?2 AND ?1 IS NULL",
        (None, None) => "?1 IS NULL AND ?2 IS NULL",
    };
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM meetings m WHERE {condition}"),
        params![filter.person_id, filter.organisation_id],
        |row| row.get(0),
    )?;
    let sql = format!(
        "{MEETING_SELECT} WHERE {condition} ORDER BY m.at DESC, m.meeting_id LIMIT ?3 OFFSET ?4"
    );
    let mut statement = conn.prepare(&sql)?;
    let items = statement
        .query_map(
            params![
                filter.person_id,
                filter.organisation_id,
                filter.limit.unwrap_or(100).min(1000) as i64,
                filter.offset as i64
            ],
            meeting_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ListPage {
        total: total as u64,
        items,
    })
}

// ---- service elements ----------------------------------------------------------------------

const ELEMENT_SELECT: &str =
    "SELECT e.element_id, e.kind, e.vendor, e.identifier, e.organisation_id, o.name, e.person_id,
    p.surname || ' ' || p.first_name, e.valid_from, e.valid_to
    FROM service_elements e JOIN organisations o ON o.organisation_id = e.organisation_id
    LEFT JOIN people p ON p.person_id = e.person_id";

fn element_row(row: &Row<'_>) -> rusqlite::Result<ServiceElement> {
    let kind: String = row.get(1)?;
    Ok(ServiceElement {
        element_id: row.get(0)?,
        kind: ServiceElementKind::parse(&kind).map_err(|_| bad_enum(1))?,
        vendor: row.get(2)?,
        identifier: row.get(3)?,
        organisation_id: row.get(4)?,
        organisation_name: row.get(5)?,
        person_id: row.get(6)?,
        person_name: row.get(7)?,
        valid_from: row.get(8)?,
        valid_to: row.get(9)?,
    })
}

pub(crate) fn insert_element(conn: &Connection, e: &ServiceElement, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO service_elements (element_id, kind, vendor, identifier, organisation_id, person_id, valid_from, valid_to, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![e.element_id, e.kind.name(), e.vendor, e.identifier, e.organisation_id, e.person_id, e.valid_from, e.valid_to, now],
    )?;
    Ok(())
}

pub(crate) fn element(conn: &Connection, element_id: &str) -> Result<Option<ServiceElement>> {
    let sql = format!("{ELEMENT_SELECT} WHERE e.element_id = ?1");
    Ok(conn.query_row(&sql, [element_id], element_row).optional()?)
}

pub(crate) fn elements_of(
    conn: &Connection,
    person_id: Option<&str>,
    organisation_id: Option<&str>,
) -> Result<Vec<ServiceElement>> {
    let (condition, id) = match (person_id, organisation_id) {
        (Some(person), _) => ("e.person_id = ?1", person),
        (None, Some(organisation)) => ("e.organisation_id = ?1", organisation),
        (None, None) => return Ok(Vec::new()),
    };
    let sql = format!("{ELEMENT_SELECT} WHERE {condition} ORDER BY e.kind, e.vendor");
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([id], element_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
