//! SQL of the register's sources: where a record came from and who recorded it.
//! Content tables join these columns; the sources' domain rules are in `crate::sources`.
use rusqlite::{params, Connection, Row};

use crate::sources::{Source, SourceKind};
use crate::Result;

use super::bad_enum;

pub(crate) fn insert_source(conn: &Connection, source: &Source) -> Result<()> {
    conn.execute(
        "INSERT INTO sources (source_id, kind, detail, obtained_on, recorded_by, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![source.source_id, source.kind.name(), source.detail, source.obtained_on, source.recorded_by, source.recorded_at],
    )?;
    Ok(())
}

/// Columns of a source joined as `s` with its recorder as `su`, starting at `first`.
pub(super) const SOURCE_COLUMNS: &str =
    "s.source_id, s.kind, s.detail, s.obtained_on, s.recorded_by, su.display_name, s.recorded_at";

pub(super) fn source_at(row: &Row<'_>, first: usize) -> rusqlite::Result<Source> {
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
