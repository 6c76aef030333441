//! SQL of deals and the people named on them: insert, update, lookup and the paged list.
//! Deal rules (kinds, statuses, checks) are in `crate::deals`.
use rusqlite::{params, Connection, Row};

use crate::deals::{CheckedDeal, Deal, DealFilter, DealKind, DealStatus, PersonRef};
use crate::organisations::ListPage;
use crate::Result;

use super::bad_enum;

const DEAL_SELECT: &str = "SELECT d.deal_id, d.kind, d.organisation_id, o.name, d.title, d.status, d.start_on, d.end_on, d.notes,
    (SELECT group_concat(p.person_id || char(31) || p.surname || ' ' || p.first_name, char(30))
     FROM deal_people dp JOIN people p ON p.person_id = dp.person_id WHERE dp.deal_id = d.deal_id)
    FROM deals d JOIN organisations o ON o.organisation_id = d.organisation_id";

pub(super) fn people_refs(joined: Option<String>) -> Vec<PersonRef> {
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
