//! SQL for filling a register in bulk (the demo register): the same tables and columns as
//! `content.rs`, but every statement prepared once and reused, so a million rows go in
//! within one transaction in minutes. Only [`crate::demo`] uses it.
use rusqlite::{params, Connection};

use crate::Result;

/// How many distinct bulk statements are kept prepared (with room for the search index's).
pub(crate) const STATEMENT_CACHE: usize = 64;

/// Number of people in the register.
pub(crate) fn people_count(conn: &Connection) -> Result<u64> {
    let count: i64 = conn.query_row("SELECT count(*) FROM people", [], |row| row.get(0))?;
    Ok(count as u64)
}

/// A source row; `recorded_at` doubles as the moment the record was made.
pub(crate) fn source(
    conn: &Connection,
    id: &str,
    kind: &str,
    detail: Option<&str>,
    obtained_on: &str,
    recorded_by: &str,
    recorded_at: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sources (source_id, kind, detail, obtained_on, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?
    .execute(params![
        id,
        kind,
        detail,
        obtained_on,
        recorded_by,
        recorded_at
    ])?;
    Ok(())
}

/// An organisation row.
#[allow(clippy::too_many_arguments)]
pub(crate) fn organisation(
    conn: &Connection,
    id: &str,
    name: &str,
    kind: &str,
    parent_id: Option<&str>,
    business_id: Option<&str>,
    customer_since: Option<&str>,
    customer_until: Option<&str>,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO organisations (organisation_id, name, kind, parent_id, business_id,
         customer_since, customer_until, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
    )?
    .execute(params![
        id,
        name,
        kind,
        parent_id,
        business_id,
        customer_since,
        customer_until,
        now
    ])?;
    Ok(())
}

/// A person row.
pub(crate) fn person(
    conn: &Connection,
    id: &str,
    surname: &str,
    first_name: &str,
    other_first_names: Option<&str>,
    source_id: &str,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO people (person_id, surname, first_name, other_first_names, source_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
    )?
    .execute(params![id, surname, first_name, other_first_names, source_id, now])?;
    Ok(())
}

/// A contact datum of a person or an organisation.
#[allow(clippy::too_many_arguments)]
pub(crate) fn contact(
    conn: &Connection,
    id: &str,
    person_id: Option<&str>,
    organisation_id: Option<&str>,
    kind: &str,
    label: Option<&str>,
    value: &str,
    social_kind: Option<&str>,
    source_id: &str,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO contact_points (contact_id, person_id, organisation_id, kind, label, value,
         social_kind, source_id, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        id,
        person_id,
        organisation_id,
        kind,
        label,
        value,
        social_kind,
        source_id,
        now
    ])?;
    Ok(())
}

/// A position.
#[allow(clippy::too_many_arguments)]
pub(crate) fn position(
    conn: &Connection,
    id: &str,
    person_id: &str,
    organisation_id: &str,
    title: &str,
    job_description: Option<&str>,
    start_on: Option<&str>,
    end_on: Option<&str>,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO positions (position_id, person_id, organisation_id, title, job_description,
         start_on, end_on, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        person_id,
        organisation_id,
        title,
        job_description,
        start_on,
        end_on,
        now
    ])?;
    Ok(())
}

/// A deal with the people involved.
#[allow(clippy::too_many_arguments)]
pub(crate) fn deal(
    conn: &Connection,
    id: &str,
    kind: &str,
    organisation_id: &str,
    title: &str,
    status: &str,
    start_on: Option<&str>,
    end_on: Option<&str>,
    notes: Option<&str>,
    people: &[&str],
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO deals (deal_id, kind, organisation_id, title, status, start_on, end_on, notes,
         created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
    )?
    .execute(params![
        id,
        kind,
        organisation_id,
        title,
        status,
        start_on,
        end_on,
        notes,
        now
    ])?;
    let mut statement =
        conn.prepare_cached("INSERT INTO deal_people (deal_id, person_id) VALUES (?1, ?2)")?;
    for person_id in people {
        statement.execute(params![id, person_id])?;
    }
    Ok(())
}

/// A meeting with its participants.
#[allow(clippy::too_many_arguments)]
pub(crate) fn meeting(
    conn: &Connection,
    id: &str,
    kind: &str,
    at: &str,
    subject: &str,
    notes: Option<&str>,
    organisation_id: Option<&str>,
    logged_by: &str,
    participants: &[&str],
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO meetings (meeting_id, kind, at, subject, notes, organisation_id, logged_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?
    .execute(params![
        id,
        kind,
        at,
        subject,
        notes,
        organisation_id,
        logged_by,
        now
    ])?;
    let mut statement = conn.prepare_cached(
        "INSERT INTO meeting_participants (meeting_id, person_id) VALUES (?1, ?2)",
    )?;
    for person_id in participants {
        statement.execute(params![id, person_id])?;
    }
    let mut latest = conn.prepare_cached(
        "UPDATE people SET last_meeting_at = ?2 WHERE person_id = ?1 AND (last_meeting_at IS NULL OR last_meeting_at < ?2)",
    )?;
    for person_id in participants {
        latest.execute(params![person_id, at])?;
    }
    Ok(())
}

/// A service element.
#[allow(clippy::too_many_arguments)]
pub(crate) fn element(
    conn: &Connection,
    id: &str,
    kind: &str,
    vendor: &str,
    identifier: &str,
    organisation_id: &str,
    person_id: Option<&str>,
    valid_from: Option<&str>,
    valid_to: Option<&str>,
    now: &str,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO service_elements (element_id, kind, vendor, identifier, organisation_id,
         person_id, valid_from, valid_to, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?
    .execute(params![
        id,
        kind,
        vendor,
        identifier,
        organisation_id,
        person_id,
        valid_from,
        valid_to,
        now
    ])?;
    Ok(())
}
