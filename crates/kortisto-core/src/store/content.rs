//! SQL of the register's content: sources, organisations, people, positions, contact data,
//! deals, meetings, service elements, the rectification history and the search index.
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::deals::{CheckedDeal, Deal, DealFilter, DealKind, DealStatus, PersonRef};
use crate::history::HistoryEntry;
use crate::meetings::{
    CheckedMeeting, Meeting, MeetingFilter, MeetingKind, ServiceElement, ServiceElementKind,
};
use crate::organisations::{CheckedOrganisation, ListPage, Organisation, OrganisationKind};
use crate::people::{
    CheckedContact, Contact, ContactKind, DuplicateCandidate, DuplicateReason, Person,
    PersonSummary, Position,
};
use crate::search::SearchHit;
use crate::sources::{Source, SourceKind};
use crate::{ids, validate, Clock, Result};

fn bad_enum(column: usize) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(column, "enum".into(), rusqlite::types::Type::Text)
}

// ---- sources -------------------------------------------------------------------------------

pub(crate) fn insert_source(conn: &Connection, source: &Source) -> Result<()> {
    conn.execute(
        "INSERT INTO sources (source_id, kind, detail, obtained_on, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![source.source_id, source.kind.name(), source.detail, source.obtained_on, source.recorded_by, source.recorded_at],
    )?;
    Ok(())
}

/// Columns of a source joined as `s` with its recorder as `su`, starting at `first`.
const SOURCE_COLUMNS: &str =
    "s.source_id, s.kind, s.detail, s.obtained_on, s.recorded_by, su.display_name, s.recorded_at";

fn source_at(row: &Row<'_>, first: usize) -> rusqlite::Result<Source> {
    let kind: String = row.get(first + 1)?;
    Ok(Source {
        source_id: row.get(first)?,
        kind: SourceKind::parse(&kind).map_err(|_| bad_enum(first + 1))?,
        detail: row.get(first + 2)?,
        obtained_on: row.get(first + 3)?,
        recorded_by: row.get(first + 4)?,
        recorded_by_name: row.get(first + 5)?,
        recorded_at: row.get(first + 6)?,
    })
}

// ---- organisations -------------------------------------------------------------------------

const ORGANISATION_COLUMNS: &str =
    "o.organisation_id, o.name, o.kind, o.parent_id, parent.name, o.business_id,
    o.customer_since, o.customer_until, o.created_at, o.updated_at";
const ORGANISATION_FROM: &str =
    "organisations o LEFT JOIN organisations parent ON parent.organisation_id = o.parent_id";

fn organisation_row(row: &Row<'_>) -> rusqlite::Result<Organisation> {
    let kind: String = row.get(2)?;
    Ok(Organisation {
        organisation_id: row.get(0)?,
        name: row.get(1)?,
        kind: OrganisationKind::parse(&kind).map_err(|_| bad_enum(2))?,
        parent_id: row.get(3)?,
        parent_name: row.get(4)?,
        business_id: row.get(5)?,
        customer_since: row.get(6)?,
        customer_until: row.get(7)?,
        created_at: row.get(8)?,
        updated_at: row.get(9)?,
    })
}

pub(crate) fn organisation(
    conn: &Connection,
    organisation_id: &str,
) -> Result<Option<Organisation>> {
    let sql = format!(
        "SELECT {ORGANISATION_COLUMNS} FROM {ORGANISATION_FROM} WHERE o.organisation_id = ?1"
    );
    Ok(conn
        .query_row(&sql, [organisation_id], organisation_row)
        .optional()?)
}

pub(crate) fn organisation_by_business_id(
    conn: &Connection,
    business_id: &str,
) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT organisation_id FROM organisations WHERE business_id = ?1 AND kind <> 'unit'",
            [business_id],
            |row| row.get(0),
        )
        .optional()?)
}

pub(crate) fn insert_organisation(
    conn: &Connection,
    id: &str,
    o: &CheckedOrganisation,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO organisations (organisation_id, name, kind, parent_id, business_id, customer_since, customer_until, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)",
        params![id, o.name, o.kind.name(), o.parent_id, o.business_id, o.customer_since, o.customer_until, now],
    )?;
    Ok(())
}

pub(crate) fn update_organisation(
    conn: &Connection,
    id: &str,
    o: &CheckedOrganisation,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE organisations SET name = ?2, kind = ?3, parent_id = ?4, business_id = ?5, customer_since = ?6,
         customer_until = ?7, updated_at = ?8 WHERE organisation_id = ?1",
        params![id, o.name, o.kind.name(), o.parent_id, o.business_id, o.customer_since, o.customer_until, now],
    )?;
    Ok(())
}

/// Units below an organisation, depth first.
pub(crate) fn units(conn: &Connection, organisation_id: &str) -> Result<Vec<Organisation>> {
    let sql = format!(
        "WITH RECURSIVE tree(id, depth, path) AS (
             SELECT organisation_id, 1, name FROM organisations WHERE parent_id = ?1
             UNION ALL
             SELECT c.organisation_id, t.depth + 1, t.path || char(31) || c.name
             FROM organisations c JOIN tree t ON c.parent_id = t.id WHERE t.depth < 20)
         SELECT {ORGANISATION_COLUMNS} FROM tree JOIN organisations o ON o.organisation_id = tree.id
         LEFT JOIN organisations parent ON parent.organisation_id = o.parent_id
         ORDER BY tree.path COLLATE finnish"
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([organisation_id], organisation_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn organisation_list(
    conn: &Connection,
    offset: u64,
    limit: u64,
) -> Result<ListPage<Organisation>> {
    let total: i64 = conn.query_row("SELECT count(*) FROM organisations", [], |row| row.get(0))?;
    let sql = format!(
        "SELECT {ORGANISATION_COLUMNS} FROM {ORGANISATION_FROM}
         ORDER BY o.name COLLATE finnish, o.organisation_id LIMIT ?1 OFFSET ?2"
    );
    let mut statement = conn.prepare(&sql)?;
    let items = statement
        .query_map(params![limit as i64, offset as i64], organisation_row)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ListPage {
        total: total as u64,
        items,
    })
}

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
const CURRENT_POSITION: &str = "(SELECT ps.title || char(31) || o.name FROM positions ps
    JOIN organisations o ON o.organisation_id = ps.organisation_id
    WHERE ps.person_id = p.person_id ORDER BY (ps.end_on IS NULL) DESC, ps.end_on DESC, ps.start_on DESC LIMIT 1)";

fn split_position(joined: Option<String>) -> (Option<String>, Option<String>) {
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
        "SELECT p.person_id, p.surname, p.first_name, {CURRENT_POSITION} FROM (
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
        "SELECT c.contact_id, c.person_id, c.organisation_id, c.kind, c.label, c.value, c.social_kind, {SOURCE_COLUMNS}
         FROM contact_points c JOIN sources s ON s.source_id = c.source_id JOIN users su ON su.user_id = s.recorded_by
         WHERE {condition} ORDER BY c.kind, c.created_at"
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
            source: source_at(row, 7)?,
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
         WHERE c.value = ?1 COLLATE NOCASE AND c.kind IN ({placeholders}) LIMIT 20"
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
    let sql = format!(
        "SELECT DISTINCT p.person_id, p.surname, p.first_name, {CURRENT_POSITION}
         FROM positions ps JOIN people p ON p.person_id = ps.person_id
         WHERE ps.organisation_id = ?1 AND p.surname = ?2 COLLATE NOCASE AND p.first_name = ?3 COLLATE NOCASE LIMIT 20"
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map(params![organisation_id, surname, first_name], |row| {
        candidate(row, DuplicateReason::SameNameInOrganisation)
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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

// ---- deals ---------------------------------------------------------------------------------

const DEAL_SELECT: &str = "SELECT d.deal_id, d.kind, d.organisation_id, o.name, d.title, d.status, d.start_on, d.end_on, d.notes,
    (SELECT group_concat(p.person_id || char(31) || p.surname || ' ' || p.first_name, char(30))
     FROM deal_people dp JOIN people p ON p.person_id = dp.person_id WHERE dp.deal_id = d.deal_id)
    FROM deals d JOIN organisations o ON o.organisation_id = d.organisation_id";

fn people_refs(joined: Option<String>) -> Vec<PersonRef> {
    joined
        .unwrap_or_default()
        .split('\u{1e}')
        .filter_map(|item| item.split_once('\u{1f}'))
        .map(|(id, name)| PersonRef {
            person_id: id.to_string(),
            name: name.to_string(),
        })
        .collect()
}

fn deal_row(row: &Row<'_>) -> rusqlite::Result<Deal> {
    let kind: String = row.get(1)?;
    let status: String = row.get(5)?;
    Ok(Deal {
        deal_id: row.get(0)?,
        kind: DealKind::parse(&kind).map_err(|_| bad_enum(1))?,
        organisation_id: row.get(2)?,
        organisation_name: row.get(3)?,
        title: row.get(4)?,
        status: DealStatus::parse(&status).map_err(|_| bad_enum(5))?,
        start_on: row.get(6)?,
        end_on: row.get(7)?,
        notes: row.get(8)?,
        people: people_refs(row.get(9)?),
    })
}

fn deals_where(conn: &Connection, condition: &str, id: &str) -> Result<Vec<Deal>> {
    let sql =
        format!("{DEAL_SELECT} WHERE {condition} ORDER BY coalesce(d.start_on, d.created_at) DESC");
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([id], deal_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn deal(conn: &Connection, deal_id: &str) -> Result<Option<Deal>> {
    Ok(deals_where(conn, "d.deal_id = ?1", deal_id)?
        .into_iter()
        .next())
}

pub(crate) fn deals_of_organisation(conn: &Connection, organisation_id: &str) -> Result<Vec<Deal>> {
    deals_where(conn, "d.organisation_id = ?1", organisation_id)
}

pub(crate) fn deals_of_person(conn: &Connection, person_id: &str) -> Result<Vec<Deal>> {
    deals_where(
        conn,
        "d.deal_id IN (SELECT deal_id FROM deal_people WHERE person_id = ?1)",
        person_id,
    )
}

pub(crate) fn insert_deal(conn: &Connection, id: &str, d: &CheckedDeal, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO deals (deal_id, kind, organisation_id, title, status, start_on, end_on, notes, created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![id, d.kind.name(), d.organisation_id, d.title, d.status.name(), d.start_on, d.end_on, d.notes, now],
    )?;
    set_deal_people(conn, id, &d.person_ids)
}

pub(crate) fn update_deal(conn: &Connection, id: &str, d: &CheckedDeal, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE deals SET kind = ?2, organisation_id = ?3, title = ?4, status = ?5, start_on = ?6, end_on = ?7, notes = ?8,
         updated_at = ?9 WHERE deal_id = ?1",
        params![id, d.kind.name(), d.organisation_id, d.title, d.status.name(), d.start_on, d.end_on, d.notes, now],
    )?;
    conn.execute("DELETE FROM deal_people WHERE deal_id = ?1", [id])?;
    set_deal_people(conn, id, &d.person_ids)
}

fn set_deal_people(conn: &Connection, deal_id: &str, person_ids: &[String]) -> Result<()> {
    let mut statement =
        conn.prepare_cached("INSERT INTO deal_people (deal_id, person_id) VALUES (?1, ?2)")?;
    for person_id in person_ids {
        statement.execute(params![deal_id, person_id])?;
    }
    Ok(())
}

pub(crate) fn deal_list(conn: &Connection, filter: &DealFilter) -> Result<ListPage<Deal>> {
    let kind = filter.kind.map(DealKind::name);
    let status = filter.status.map(DealStatus::name);
    // As in `meeting_list`: a condition per filter, so `deals_by_kind_status` is used.
    let condition = match (kind, status) {
        (Some(_), Some(_)) => "d.kind = ?1 AND d.status = ?2",
        (Some(_), None) => "d.kind = ?1 AND ?2 IS NULL",
        (None, Some(_)) => "?1 IS NULL AND d.status = ?2",
        (None, None) => "?1 IS NULL AND ?2 IS NULL",
    };
    let total: i64 = conn.query_row(
        &format!("SELECT count(*) FROM deals d WHERE {condition}"),
        params![kind, status],
        |row| row.get(0),
    )?;
    let sql = format!(
        "{DEAL_SELECT} WHERE {condition}
         ORDER BY coalesce(d.start_on, d.created_at) DESC, d.deal_id LIMIT ?3 OFFSET ?4"
    );
    let mut statement = conn.prepare(&sql)?;
    let items = statement
        .query_map(
            params![
                kind,
                status,
                filter.limit.unwrap_or(100).min(1000) as i64,
                filter.offset as i64
            ],
            deal_row,
        )?
        .collect::<rusqlite::Result<_>>()?;
    Ok(ListPage {
        total: total as u64,
        items,
    })
}

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

// ---- rectification history -----------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_history(
    conn: &Connection,
    clock: &dyn Clock,
    record_kind: &str,
    record_id: &str,
    field: &str,
    old_value: Option<&str>,
    new_value: Option<&str>,
    user_id: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO change_history (change_id, record_kind, record_id, field, old_value, new_value, changed_by, changed_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![ids::new_id(clock), record_kind, record_id, field, old_value, new_value, user_id, ids::timestamp(clock)],
    )?;
    Ok(())
}

pub(crate) fn history(
    conn: &Connection,
    record_kind: &str,
    record_id: &str,
) -> Result<Vec<HistoryEntry>> {
    let mut statement = conn.prepare(
        "SELECT h.change_id, h.record_kind, h.record_id, h.field, h.old_value, h.new_value, h.changed_by, u.display_name, h.changed_at
         FROM change_history h JOIN users u ON u.user_id = h.changed_by
         WHERE h.record_kind = ?1 AND h.record_id = ?2 ORDER BY h.changed_at DESC, h.change_id DESC",
    )?;
    let rows = statement.query_map(params![record_kind, record_id], |row| {
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
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

// ---- search index --------------------------------------------------------------------------

pub(crate) fn person_index_text(
    conn: &Connection,
    person_id: &str,
) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT surname, first_name, coalesce(other_first_names, '') FROM people WHERE person_id = ?1",
            [person_id],
            |row| {
                let (surname, first, other): (String, String, String) = (row.get(0)?, row.get(1)?, row.get(2)?);
                Ok((format!("{surname} {first}"), format!("{surname} {first} {other}")))
            },
        )
        .optional()?)
}

pub(crate) fn organisation_index_text(
    conn: &Connection,
    organisation_id: &str,
) -> Result<Option<(String, String)>> {
    Ok(conn
        .query_row(
            "SELECT name, coalesce(business_id, '') FROM organisations WHERE organisation_id = ?1",
            [organisation_id],
            |row| {
                let (name, business_id): (String, String) = (row.get(0)?, row.get(1)?);
                let digits: String = business_id.chars().filter(char::is_ascii_digit).collect();
                Ok((name.clone(), format!("{name} {business_id} {digits}")))
            },
        )
        .optional()?)
}

pub(crate) fn replace_search_row(
    conn: &Connection,
    kind: &str,
    record_id: &str,
    title: &str,
    body: &str,
) -> Result<()> {
    delete_search_row(conn, record_id)?;
    conn.execute(
        "INSERT INTO search_index (record_kind, record_id, title, body) VALUES (?1, ?2, ?3, ?4)",
        params![kind, record_id, title, body],
    )?;
    conn.execute(
        "INSERT INTO search_index_rows (record_id, fts_rowid) VALUES (?1, ?2)",
        params![record_id, conn.last_insert_rowid()],
    )?;
    Ok(())
}

pub(crate) fn delete_search_row(conn: &Connection, record_id: &str) -> Result<()> {
    let existing: Option<i64> = conn
        .query_row(
            "SELECT fts_rowid FROM search_index_rows WHERE record_id = ?1",
            [record_id],
            |row| row.get(0),
        )
        .optional()?;
    if let Some(rowid) = existing {
        conn.execute("DELETE FROM search_index WHERE rowid = ?1", [rowid])?;
        conn.execute(
            "DELETE FROM search_index_rows WHERE record_id = ?1",
            [record_id],
        )?;
    }
    Ok(())
}

pub(crate) fn search(conn: &Connection, query: &str, limit: u32) -> Result<Vec<SearchHit>> {
    let mut statement = conn.prepare_cached(
        "SELECT record_kind, record_id, title FROM search_index WHERE search_index MATCH ?1
         ORDER BY rank LIMIT ?2",
    )?;
    let hits: Vec<(String, String, String)> = statement
        .query_map(params![query, limit], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut result = Vec::with_capacity(hits.len());
    for (record_kind, record_id, title) in hits {
        let subtitle = if record_kind == "person" {
            let sql = format!("SELECT {CURRENT_POSITION} FROM people p WHERE p.person_id = ?1");
            let joined: Option<String> = conn
                .query_row(&sql, [&record_id], |row| row.get(0))
                .optional()?
                .flatten();
            match split_position(joined) {
                (Some(title), Some(org)) => Some(format!("{title}, {org}")),
                (title, org) => title.or(org),
            }
        } else {
            conn.query_row(
                "SELECT coalesce(business_id, kind) FROM organisations WHERE organisation_id = ?1",
                [&record_id],
                |row| row.get(0),
            )
            .optional()?
        };
        result.push(SearchHit {
            record_kind,
            record_id,
            title,
            subtitle,
        });
    }
    Ok(result)
}
