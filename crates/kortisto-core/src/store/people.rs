//! SQL of people, their positions and their contact data, and the duplicate candidates
//! found by contact value or name. Consent and erasure of a person live elsewhere.
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::organisations::ListPage;
use crate::people::{
    CheckedContact, Contact, ContactKind, DuplicateCandidate, DuplicateReason, Person,
    PersonSummary, Position,
};
use crate::redaction::fold;
use crate::{validate, Result};

use super::bad_enum;
use super::restriction::RESTRICTED_SQL;
use super::sources::{source_at, SOURCE_COLUMNS};

// ---- people --------------------------------------------------------------------------------

pub(crate) fn insert_person(
    conn: &Connection,
    id: &str,
    surname: &str,
    first_name: &str,
    other_first_names: Option<&str>,
    source_id: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO people (person_id, surname, first_name, other_first_names, source_id, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
        params![id, surname, first_name, other_first_names, source_id, now],
    )?;
    Ok(())
}

pub(crate) fn update_person(
    conn: &Connection,
    id: &str,
    surname: &str,
    first_name: &str,
    other_first_names: Option<&str>,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE people SET surname = ?2, first_name = ?3, other_first_names = ?4, updated_at = ?5 WHERE person_id = ?1",
        params![id, surname, first_name, other_first_names, now],
    )?;
    Ok(())
}

pub(crate) fn person(conn: &Connection, person_id: &str) -> Result<Option<Person>> {
    let sql = format!(
        "SELECT p.person_id, p.surname, p.first_name, p.other_first_names, p.created_at, p.updated_at, {SOURCE_COLUMNS}
         FROM people p JOIN sources s ON s.source_id = p.source_id JOIN users su ON su.user_id = s.recorded_by
         WHERE p.person_id = ?1"
    );
    Ok(conn
        .query_row(&sql, [person_id], |row| {
            Ok(Person {
                person_id: row.get(0)?,
                surname: row.get(1)?,
                first_name: row.get(2)?,
                other_first_names: row.get(3)?,
                created_at: row.get(4)?,
                updated_at: row.get(5)?,
                source: source_at(row, 6)?,
            })
        })
        .optional()?)
}

/// The current (or latest) position's title and organisation of `p.person_id`.
pub(super) const CURRENT_POSITION: &str = "(SELECT ps.title || char(31) || o.name FROM positions ps
    JOIN organisations o ON o.organisation_id = ps.organisation_id
    WHERE ps.person_id = p.person_id ORDER BY (ps.end_on IS NULL) DESC, ps.end_on DESC, ps.start_on DESC LIMIT 1)";

pub(super) fn split_position(joined: Option<String>) -> (Option<String>, Option<String>) {
    match joined {
        Some(text) => match text.split_once('\u{1f}') {
            Some((title, org)) => (Some(title.to_string()), Some(org.to_string())),
            None => (Some(text), None),
        },
        None => (None, None),
    }
}

pub(crate) fn person_list(
    conn: &Connection,
    offset: u64,
    limit: u64,
) -> Result<ListPage<PersonSummary>> {
    let total: i64 = conn.query_row("SELECT count(*) FROM people", [], |row| row.get(0))?;
    let sql = format!(
        "SELECT p.person_id, p.surname, p.first_name, {CURRENT_POSITION}, {RESTRICTED_SQL} FROM (
             SELECT person_id, surname, first_name FROM people
             ORDER BY surname COLLATE finnish, first_name COLLATE finnish LIMIT ?1 OFFSET ?2) p
         ORDER BY p.surname COLLATE finnish, p.first_name COLLATE finnish"
    );
    let mut statement = conn.prepare(&sql)?;
    let items = statement
        .query_map(params![limit as i64, offset as i64], |row| {
            let (title, organisation_name) = split_position(row.get(3)?);
            Ok(PersonSummary {
                person_id: row.get(0)?,
                surname: row.get(1)?,
                first_name: row.get(2)?,
                title,
                organisation_name,
                restricted: row.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ListPage {
        total: total as u64,
        items,
    })
}

// ---- positions -----------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_position(
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
    conn.execute(
        "INSERT INTO positions (position_id, person_id, organisation_id, title, job_description, start_on, end_on, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, person_id, organisation_id, title, job_description, start_on, end_on, now],
    )?;
    Ok(())
}

const POSITION_SELECT: &str = "SELECT ps.position_id, ps.person_id, p.surname || ' ' || p.first_name, ps.organisation_id, o.name,
    ps.title, ps.job_description, ps.start_on, ps.end_on
    FROM positions ps JOIN people p ON p.person_id = ps.person_id JOIN organisations o ON o.organisation_id = ps.organisation_id";
const POSITION_ORDER: &str = "ORDER BY (ps.end_on IS NULL) DESC, ps.end_on DESC, ps.start_on DESC";

fn position_row(row: &Row<'_>) -> rusqlite::Result<Position> {
    Ok(Position {
        position_id: row.get(0)?,
        person_id: row.get(1)?,
        person_name: row.get(2)?,
        organisation_id: row.get(3)?,
        organisation_name: row.get(4)?,
        title: row.get(5)?,
        job_description: row.get(6)?,
        start_on: row.get(7)?,
        end_on: row.get(8)?,
    })
}

fn positions_where(conn: &Connection, condition: &str, id: &str) -> Result<Vec<Position>> {
    let sql = format!("{POSITION_SELECT} WHERE {condition} {POSITION_ORDER}");
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([id], position_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn positions_of(conn: &Connection, person_id: &str) -> Result<Vec<Position>> {
    positions_where(conn, "ps.person_id = ?1", person_id)
}

pub(crate) fn positions_at(conn: &Connection, organisation_id: &str) -> Result<Vec<Position>> {
    positions_where(conn, "ps.organisation_id = ?1", organisation_id)
}

pub(crate) fn position(conn: &Connection, position_id: &str) -> Result<Option<Position>> {
    Ok(positions_where(conn, "ps.position_id = ?1", position_id)?
        .into_iter()
        .next())
}

// ---- contact data --------------------------------------------------------------------------

pub(crate) fn insert_contact(
    conn: &Connection,
    id: &str,
    person_id: Option<&str>,
    organisation_id: Option<&str>,
    contact: &CheckedContact,
    source_id: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO contact_points (contact_id, person_id, organisation_id, kind, label, value, social_kind, source_id, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, person_id, organisation_id, contact.kind.name(), contact.label, contact.value, contact.social_kind, source_id, now],
    )?;
    Ok(())
}

fn contacts_where(conn: &Connection, condition: &str, id: &str) -> Result<Vec<Contact>> {
    let sql = format!(
        "SELECT c.contact_id, c.person_id, c.organisation_id, c.kind, c.label, c.value, c.social_kind, c.retired_at, {SOURCE_COLUMNS}
         FROM contact_points c JOIN sources s ON s.source_id = c.source_id JOIN users su ON su.user_id = s.recorded_by
         WHERE {condition} ORDER BY (c.retired_at IS NOT NULL), c.kind, c.created_at"
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([id], |row| {
        let kind: String = row.get(3)?;
        let kind = ContactKind::parse(&kind).map_err(|_| bad_enum(3))?;
        let value: String = row.get(5)?;
        let display = match kind {
            ContactKind::Phone | ContactKind::Mobile => validate::phone_display(&value),
            _ => value.clone(),
        };
        Ok(Contact {
            contact_id: row.get(0)?,
            person_id: row.get(1)?,
            organisation_id: row.get(2)?,
            kind,
            label: row.get(4)?,
            value,
            display,
            social_kind: row.get(6)?,
            retired_at: row.get(7)?,
            source: source_at(row, 8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn contacts_of(
    conn: &Connection,
    person_id: Option<&str>,
    organisation_id: Option<&str>,
) -> Result<Vec<Contact>> {
    match (person_id, organisation_id) {
        (Some(person), _) => contacts_where(conn, "c.person_id = ?1", person),
        (None, Some(organisation)) => contacts_where(conn, "c.organisation_id = ?1", organisation),
        (None, None) => Ok(Vec::new()),
    }
}

pub(crate) fn contact(conn: &Connection, contact_id: &str) -> Result<Option<Contact>> {
    Ok(contacts_where(conn, "c.contact_id = ?1", contact_id)?
        .into_iter()
        .next())
}

pub(crate) fn contact_values(
    conn: &Connection,
    person_id: Option<&str>,
    organisation_id: Option<&str>,
) -> Result<Vec<(String, String)>> {
    let (condition, id) = match (person_id, organisation_id) {
        (Some(person), _) => ("person_id = ?1", person),
        (None, Some(organisation)) => ("organisation_id = ?1", organisation),
        (None, None) => return Ok(Vec::new()),
    };
    let sql = format!("SELECT kind, value FROM contact_points WHERE {condition} AND kind IN ('email', 'phone', 'mobile')");
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn people_with_contact(
    conn: &Connection,
    kinds: &[&str],
    value: &str,
    reason: DuplicateReason,
) -> Result<Vec<DuplicateCandidate>> {
    let placeholders = (0..kinds.len())
        .map(|i| format!("?{}", i + 2))
        .collect::<Vec<_>>()
        .join(", ");
    let sql = format!(
        "SELECT DISTINCT p.person_id, p.surname, p.first_name, {CURRENT_POSITION}
         FROM contact_points c JOIN people p ON p.person_id = c.person_id
         WHERE c.value = ?1 COLLATE NOCASE AND c.kind IN ({placeholders}) AND c.retired_at IS NULL LIMIT 20"
    );
    let mut values: Vec<&dyn rusqlite::ToSql> = vec![&value];
    for kind in kinds {
        values.push(kind);
    }
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map(values.as_slice(), |row| candidate(row, reason))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn people_named_at(
    conn: &Connection,
    surname: &str,
    first_name: &str,
    organisation_id: &str,
) -> Result<Vec<DuplicateCandidate>> {
    // Compared without accents and case (Hamalainen is Hämäläinen): the names at one
    // organisation are few enough to fold here rather than keep a folded copy of each.
    let (surname, first_name) = (fold(surname.trim()), fold(first_name.trim()));
    if surname.is_empty() || first_name.is_empty() {
        return Ok(Vec::new());
    }
    let sql = format!(
        "SELECT DISTINCT p.person_id, p.surname, p.first_name, {CURRENT_POSITION}
         FROM positions ps JOIN people p ON p.person_id = ps.person_id
         WHERE ps.organisation_id = ?1"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(params![organisation_id], |row| {
        candidate(row, DuplicateReason::SameNameInOrganisation)
    })?;
    let mut found = Vec::new();
    for candidate in rows {
        let candidate = candidate?;
        if fold(&candidate.surname) == surname && fold(&candidate.first_name) == first_name {
            found.push(candidate);
            if found.len() == 20 {
                break;
            }
        }
    }
    Ok(found)
}

fn candidate(row: &Row<'_>, reason: DuplicateReason) -> rusqlite::Result<DuplicateCandidate> {
    let (_, organisation_name) = split_position(row.get(3)?);
    Ok(DuplicateCandidate {
        person_id: row.get(0)?,
        surname: row.get(1)?,
        first_name: row.get(2)?,
        organisation_name,
        reason,
    })
}

// ---- corrections ---------------------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
pub(crate) fn update_position(
    conn: &Connection,
    id: &str,
    organisation_id: &str,
    title: &str,
    job_description: Option<&str>,
    start_on: Option<&str>,
    end_on: Option<&str>,
) -> Result<()> {
    conn.execute(
        "UPDATE positions SET organisation_id = ?2, title = ?3, job_description = ?4, start_on = ?5, end_on = ?6
         WHERE position_id = ?1",
        params![id, organisation_id, title, job_description, start_on, end_on],
    )?;
    Ok(())
}

pub(crate) fn update_contact_value(conn: &Connection, id: &str, value: &str) -> Result<()> {
    conn.execute(
        "UPDATE contact_points SET value = ?2 WHERE contact_id = ?1",
        params![id, value],
    )?;
    Ok(())
}

pub(crate) fn retire_contact(conn: &Connection, id: &str, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE contact_points SET retired_at = ?2 WHERE contact_id = ?1",
        params![id, now],
    )?;
    Ok(())
}

/// Deletes a contact datum, and its source when nothing else cites it (a source can name
/// where the person was met: it must not outlive the data it described).
pub(crate) fn delete_contact(conn: &Connection, id: &str) -> Result<()> {
    let source_id: String = conn.query_row(
        "SELECT source_id FROM contact_points WHERE contact_id = ?1",
        [id],
        |row| row.get(0),
    )?;
    conn.execute("DELETE FROM contact_points WHERE contact_id = ?1", [id])?;
    conn.execute(
        "DELETE FROM sources WHERE source_id = ?1
         AND NOT EXISTS (SELECT 1 FROM people WHERE source_id = ?1)
         AND NOT EXISTS (SELECT 1 FROM contact_points WHERE source_id = ?1)",
        [&source_id],
    )?;
    Ok(())
}
