//! SQL of the FTS5 search index: the text indexed for people and organisations, and queries.
//! What goes into a row and when it is refreshed is decided in `crate::search`.
use rusqlite::{params, Connection, OptionalExtension};

use crate::search::SearchHit;
use crate::Result;

use super::people::{split_position, CURRENT_POSITION};

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
        let restricted =
            record_kind == "person" && crate::restriction::is_restricted(conn, &record_id)?;
        result.push(SearchHit {
            restricted,
            record_kind,
            record_id,
            title,
            subtitle,
        });
    }
    Ok(result)
}
