//! SQL of contact-file import: finding people by the vCard UID they were imported with,
//! recording it, and the organisations' names an import matches against.
use rusqlite::{params, Connection, OptionalExtension};

use super::people::{split_position, CURRENT_POSITION};
use crate::import::ImportMatch;
use crate::Result;

/// People imported earlier with this vCard UID.
pub(crate) fn people_with_uid(conn: &Connection, uid: &str) -> Result<Vec<ImportMatch>> {
    let sql = format!(
        "SELECT p.person_id, p.surname, p.first_name, {CURRENT_POSITION}
         FROM people p WHERE p.import_uid = ?1 LIMIT 20"
    );
    let mut statement = conn.prepare_cached(&sql)?;
    let rows = statement.query_map(params![uid], |row| {
        Ok(ImportMatch {
            person_id: row.get(0)?,
            surname: row.get(1)?,
            first_name: row.get(2)?,
            organisation_name: split_position(row.get(3)?).1,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The vCard UID a person was imported with, if any.
pub(crate) fn uid_of(conn: &Connection, person_id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT import_uid FROM people WHERE person_id = ?1",
            params![person_id],
            |row| row.get(0),
        )
        .optional()?
        .flatten())
}

pub(crate) fn set_uid(conn: &Connection, person_id: &str, uid: &str) -> Result<()> {
    conn.execute(
        "UPDATE people SET import_uid = ?2 WHERE person_id = ?1",
        params![person_id, uid],
    )?;
    Ok(())
}

/// Every organisation's id and name (an import matches names without case or accents).
pub(crate) fn organisation_names(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut statement = conn.prepare("SELECT organisation_id, name FROM organisations")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
