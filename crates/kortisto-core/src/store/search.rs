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

/// How many of the best-ranked matches are put in order (exact, prefix, alphabetical); a
/// query matching more is too short to order usefully anyway.
const CANDIDATES: u32 = 1000;

/// The matches of `query`, at most `limit`: an exact name first, then names starting with what
/// was typed, then the rest, each group in Finnish alphabetical order. `typed` is the text as
/// typed (for telling exact and prefix matches).
pub(crate) fn search(
    conn: &Connection,
    query: &str,
    typed: &str,
    limit: u32,
) -> Result<Vec<SearchHit>> {
    let mut statement = conn.prepare_cached(
        "SELECT record_kind, record_id, title FROM search_index WHERE search_index MATCH ?1
         ORDER BY rank LIMIT ?2",
    )?;
    let wanted = words(typed);
    let mut hits: Vec<(u8, String, String, String)> = statement
        .query_map(params![query, CANDIDATES.max(limit)], |row| {
            let title: String = row.get(2)?;
            Ok((
                match_group(&wanted, &words(&title)),
                row.get(0)?,
                row.get(1)?,
                title,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    hits.sort_by(|a, b| {
        a.0.cmp(&b.0)
            .then_with(|| crate::collation::finnish(&a.3, &b.3))
    });
    hits.truncate(limit as usize);
    let mut result = Vec::with_capacity(hits.len());
    for (_, record_kind, record_id, title) in hits {
        let (organisation_id, organisation_name) = if record_kind == "person" {
            ongoing_organisation(conn, &record_id)?
        } else {
            (None, None)
        };
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
            organisation_id,
            organisation_name,
        });
    }
    Ok(result)
}

/// A text's words, folded (no accents, lower case).
fn words(text: &str) -> Vec<String> {
    crate::redaction::fold(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// 0 when the name is what was typed (its words in any order), 1 when it starts with it
/// (each typed word begins a word of the name, the first the first), 2 otherwise.
fn match_group(typed: &[String], name: &[String]) -> u8 {
    if typed.is_empty() {
        return 2;
    }
    let mut sorted_typed = typed.to_vec();
    let mut sorted_name = name.to_vec();
    sorted_typed.sort();
    sorted_name.sort();
    if sorted_typed == sorted_name {
        return 0;
    }
    let first = name.first().is_some_and(|w| w.starts_with(&typed[0]));
    let rest = typed[1..]
        .iter()
        .all(|t| name.iter().any(|w| w.starts_with(t.as_str())));
    if first && rest {
        1
    } else {
        2
    }
}

/// The organisation of a person's ongoing position (the latest started if several).
fn ongoing_organisation(
    conn: &Connection,
    person_id: &str,
) -> Result<(Option<String>, Option<String>)> {
    Ok(conn
        .query_row(
            "SELECT o.organisation_id, o.name FROM positions ps
             JOIN organisations o ON o.organisation_id = ps.organisation_id
             WHERE ps.person_id = ?1 AND ps.end_on IS NULL
             ORDER BY ps.start_on DESC LIMIT 1",
            [person_id],
            |row| Ok((Some(row.get(0)?), Some(row.get(1)?))),
        )
        .optional()?
        .unwrap_or((None, None)))
}
