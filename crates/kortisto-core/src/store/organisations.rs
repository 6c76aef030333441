//! SQL of organisations and their units: insert, update, lookup and the paged list.
//! Positions at an organisation are in `store::people`; its deals in `store::deals`.
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::organisations::{CheckedOrganisation, ListPage, Organisation, OrganisationKind};
use crate::Result;

use super::bad_enum;

const ORGANISATION_COLUMNS: &str =
    "o.organisation_id, o.name, o.kind, o.parent_id, parent.name, o.business_id,
    o.customer_since, o.customer_until, o.created_at, o.updated_at, o.prospect";
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
        prospect: row.get(10)?,
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

/// Prospects still without a Y-tunnus, oldest first: office staff's to-do.
pub(crate) fn prospects_to_complete(conn: &Connection) -> Result<Vec<Organisation>> {
    let sql = format!(
        "SELECT {ORGANISATION_COLUMNS} FROM {ORGANISATION_FROM}
         WHERE o.prospect = 1 AND o.business_id IS NULL ORDER BY o.created_at, o.organisation_id"
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([], organisation_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
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
        "INSERT INTO organisations (organisation_id, name, kind, parent_id, business_id, customer_since, customer_until, created_at, updated_at, prospect)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)",
        params![id, o.name, o.kind.name(), o.parent_id, o.business_id, o.customer_since, o.customer_until, now, o.prospect],
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
         customer_until = ?7, updated_at = ?8, prospect = ?9 WHERE organisation_id = ?1",
        params![id, o.name, o.kind.name(), o.parent_id, o.business_id, o.customer_since, o.customer_until, now, o.prospect],
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

/// What refers to an organisation, counted (a removal is refused while any is above zero).
pub(crate) struct References {
    pub positions: u64,
    pub deals: u64,
    pub meetings: u64,
    /// Contact data, units, service elements and legal holds.
    pub other: u64,
}

pub(crate) fn references(conn: &Connection, organisation_id: &str) -> Result<References> {
    let count = |sql: &str| -> Result<u64> {
        Ok(conn.query_row(sql, [organisation_id], |row| row.get::<_, i64>(0))? as u64)
    };
    Ok(References {
        positions: count("SELECT count(*) FROM positions WHERE organisation_id = ?1")?,
        deals: count("SELECT count(*) FROM deals WHERE organisation_id = ?1")?,
        meetings: count("SELECT count(*) FROM meetings WHERE organisation_id = ?1")?,
        other: count("SELECT count(*) FROM contact_points WHERE organisation_id = ?1")?
            + count("SELECT count(*) FROM organisations WHERE parent_id = ?1")?
            + count("SELECT count(*) FROM service_elements WHERE organisation_id = ?1")?
            + count(
                "SELECT count(*) FROM legal_holds WHERE record_kind = 'organisation' AND record_id = ?1",
            )?,
    })
}

/// Points every record of `from` at `into`: positions, contact data, deals, meetings, service
/// elements, units, legal holds, its own history and history values that named it.
pub(crate) fn move_references(conn: &Connection, from: &str, into: &str) -> Result<()> {
    for sql in [
        "UPDATE positions SET organisation_id = ?2 WHERE organisation_id = ?1",
        "UPDATE contact_points SET organisation_id = ?2 WHERE organisation_id = ?1",
        "UPDATE deals SET organisation_id = ?2 WHERE organisation_id = ?1",
        "UPDATE meetings SET organisation_id = ?2 WHERE organisation_id = ?1",
        "UPDATE service_elements SET organisation_id = ?2 WHERE organisation_id = ?1",
        "UPDATE organisations SET parent_id = ?2 WHERE parent_id = ?1",
        "UPDATE legal_holds SET record_id = ?2 WHERE record_kind = 'organisation' AND record_id = ?1",
        "UPDATE change_history SET record_id = ?2 WHERE record_kind = 'organisation' AND record_id = ?1",
        "UPDATE change_history SET old_value = ?2 WHERE field IN ('organisation_id', 'parent_id') AND old_value = ?1",
        "UPDATE change_history SET new_value = ?2 WHERE field IN ('organisation_id', 'parent_id') AND new_value = ?1",
    ] {
        conn.execute(sql, params![from, into])?;
    }
    Ok(())
}

pub(crate) fn delete_organisation(conn: &Connection, organisation_id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM organisations WHERE organisation_id = ?1",
        [organisation_id],
    )?;
    Ok(())
}
