//! SQL of processors, transfers to third countries and disclosures of a person's data.
//! Which transfers are refused is decided in `crate::disclosures`.
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::disclosures::{
    transfer_problem, Disclosure, DisclosureInput, LegalBasis, Processor, Transfer, TransferInput,
};
use crate::Result;

use super::bad_enum;

fn processor_row(row: &Row<'_>) -> rusqlite::Result<Processor> {
    Ok(Processor {
        processor_id: row.get(0)?,
        name: row.get(1)?,
        service: row.get(2)?,
        purpose: row.get(3)?,
        agreement_reference: row.get(4)?,
        agreement_date: row.get(5)?,
        processing_location: row.get(6)?,
        ended_on: row.get(7)?,
    })
}

const PROCESSOR_SELECT: &str = "SELECT processor_id, name, service, purpose, agreement_reference, agreement_date, processing_location, ended_on FROM processors";

pub(crate) fn insert_processor(conn: &Connection, p: &Processor, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO processors (processor_id, name, service, purpose, agreement_reference, agreement_date, processing_location, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![p.processor_id, p.name, p.service, p.purpose, p.agreement_reference, p.agreement_date, p.processing_location, now],
    )?;
    Ok(())
}

pub(crate) fn processors(conn: &Connection) -> Result<Vec<Processor>> {
    let mut statement =
        conn.prepare(&format!("{PROCESSOR_SELECT} ORDER BY name COLLATE finnish"))?;
    let rows = statement.query_map([], processor_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn update_processor(conn: &Connection, p: &Processor) -> Result<()> {
    conn.execute(
        "UPDATE processors SET name = ?2, service = ?3, purpose = ?4, agreement_reference = ?5, agreement_date = ?6,
         processing_location = ?7, ended_on = ?8 WHERE processor_id = ?1",
        params![p.processor_id, p.name, p.service, p.purpose, p.agreement_reference, p.agreement_date, p.processing_location, p.ended_on],
    )?;
    Ok(())
}

pub(crate) fn update_transfer(conn: &Connection, t: &Transfer) -> Result<()> {
    conn.execute(
        "UPDATE transfers SET processor_id = ?2, country = ?3, legal_basis = ?4, basis_detail = ?5, dpf_certified = ?6,
         since_on = ?7, ended_on = ?8 WHERE transfer_id = ?1",
        params![t.transfer_id, t.processor_id, t.country, t.legal_basis.name(), t.basis_detail, t.dpf_certified, t.since_on, t.ended_on],
    )?;
    Ok(())
}

pub(crate) fn processor(conn: &Connection, processor_id: &str) -> Result<Option<Processor>> {
    Ok(conn
        .query_row(
            &format!("{PROCESSOR_SELECT} WHERE processor_id = ?1"),
            [processor_id],
            processor_row,
        )
        .optional()?)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_transfer(
    conn: &Connection,
    id: &str,
    input: &TransferInput,
    country: &str,
    detail: &str,
    since: &str,
    user_id: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO transfers (transfer_id, processor_id, country, legal_basis, basis_detail, dpf_certified, since_on, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![id, input.processor_id, country, input.legal_basis.name(), detail, input.dpf_certified, since, user_id, now],
    )?;
    Ok(())
}

pub(crate) fn transfers(conn: &Connection) -> Result<Vec<Transfer>> {
    let mut statement = conn.prepare(
        "SELECT t.transfer_id, t.processor_id, p.name, t.country, t.legal_basis, t.basis_detail, t.dpf_certified, t.since_on, t.ended_on
         FROM transfers t JOIN processors p ON p.processor_id = t.processor_id ORDER BY p.name, t.since_on",
    )?;
    let rows = statement.query_map([], |row| {
        let basis: String = row.get(4)?;
        let basis = LegalBasis::parse(&basis).map_err(|_| bad_enum(4))?;
        let detail: String = row.get(5)?;
        let certified: bool = row.get(6)?;
        let since: String = row.get(7)?;
        Ok(Transfer {
            transfer_id: row.get(0)?,
            processor_id: row.get(1)?,
            processor_name: row.get(2)?,
            country: row.get(3)?,
            legal_basis: basis,
            needs_new_basis: transfer_problem(basis, &detail, certified, &since),
            basis_detail: detail,
            dpf_certified: certified,
            since_on: since,
            ended_on: row.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_disclosure(
    conn: &Connection,
    id: &str,
    input: &DisclosureInput,
    what: &str,
    why: &str,
    on: &str,
    user_id: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO disclosures (disclosure_id, person_id, processor_id, what, why, disclosed_on, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, input.person_id, input.processor_id, what, why, on, user_id, now],
    )?;
    Ok(())
}

pub(crate) fn disclosures_of(conn: &Connection, person_id: &str) -> Result<Vec<Disclosure>> {
    let mut statement = conn.prepare(
        "SELECT d.disclosure_id, d.person_id, d.processor_id, p.name, d.what, d.why, d.disclosed_on, u.display_name
         FROM disclosures d JOIN processors p ON p.processor_id = d.processor_id JOIN users u ON u.user_id = d.recorded_by
         WHERE d.person_id = ?1 ORDER BY d.disclosed_on DESC",
    )?;
    let rows = statement.query_map([person_id], |row| {
        Ok(Disclosure {
            disclosure_id: row.get(0)?,
            person_id: row.get(1)?,
            processor_id: row.get(2)?,
            processor_name: row.get(3)?,
            what: row.get(4)?,
            why: row.get(5)?,
            disclosed_on: row.get(6)?,
            recorded_by_name: row.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
