//! SQL of the purposes of processing and the published notice versions. The rules are in
//! `crate::purposes` and `crate::notice`.
use rusqlite::{params, Connection, OptionalExtension};

use crate::notice::NoticeVersion;
use crate::purposes::{LawfulBasis, Purpose, PurposeInput};
use crate::{Language, Result};

use super::bad_enum;

const COLUMNS: &str = "purpose_id, name_fi, name_en, bases, consent_purpose, updated_at";

fn row_to_purpose(row: &rusqlite::Row) -> rusqlite::Result<Purpose> {
    let bases: String = row.get(3)?;
    let bases = bases
        .split(',')
        .map(LawfulBasis::parse)
        .collect::<Result<Vec<_>>>()
        .map_err(|_| bad_enum(3))?;
    Ok(Purpose {
        purpose_id: row.get(0)?,
        name_fi: row.get(1)?,
        name_en: row.get(2)?,
        bases,
        consent_purpose: row.get(4)?,
        updated_at: row.get(5)?,
    })
}

pub(crate) fn purposes(conn: &Connection) -> Result<Vec<Purpose>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM purposes ORDER BY position, purpose_id"
    ))?;
    let rows = statement.query_map([], row_to_purpose)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn purpose(conn: &Connection, purpose_id: &str) -> Result<Option<Purpose>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM purposes WHERE purpose_id = ?1"),
            [purpose_id],
            row_to_purpose,
        )
        .optional()?)
}

fn bases_text(input: &PurposeInput) -> String {
    input
        .bases
        .iter()
        .map(|b| b.name())
        .collect::<Vec<_>>()
        .join(",")
}

pub(crate) fn insert(conn: &Connection, input: &PurposeInput, now: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO purposes (purpose_id, name_fi, name_en, bases, consent_purpose, position, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, (SELECT coalesce(max(position), 0) + 1 FROM purposes), ?6)",
        params![input.purpose_id, input.name_fi, input.name_en, bases_text(input), input.consent_purpose, now],
    )?;
    Ok(())
}

pub(crate) fn update(conn: &Connection, input: &PurposeInput, now: &str) -> Result<()> {
    conn.execute(
        "UPDATE purposes SET name_fi = ?2, name_en = ?3, bases = ?4, consent_purpose = ?5, updated_at = ?6
         WHERE purpose_id = ?1",
        params![input.purpose_id, input.name_fi, input.name_en, bases_text(input), input.consent_purpose, now],
    )?;
    Ok(())
}

/// The consent purpose a purpose names exists in the ledger's list (made with the
/// purpose's names when new).
pub(crate) fn ensure_consent_purpose(conn: &Connection, input: &PurposeInput) -> Result<()> {
    if let Some(consent) = &input.consent_purpose {
        conn.execute(
            "INSERT INTO consent_purposes (purpose, description_fi, description_en) VALUES (?1, ?2, ?3)
             ON CONFLICT (purpose) DO NOTHING",
            params![consent, input.name_fi, input.name_en],
        )?;
    }
    Ok(())
}

fn row_to_version(row: &rusqlite::Row) -> rusqlite::Result<NoticeVersion> {
    let language: String = row.get(1)?;
    Ok(NoticeVersion {
        notice_version_id: row.get(0)?,
        language: Language::parse(&language).ok_or_else(|| bad_enum(1))?,
        published_at: row.get(2)?,
        published_by_name: row.get(3)?,
        content: row.get(4)?,
    })
}

const VERSION_COLUMNS: &str =
    "v.notice_version_id, v.language, v.published_at, u.display_name, v.content
     FROM notice_versions v JOIN users u ON u.user_id = v.published_by";

/// Published versions, newest first (one language, or both).
pub(crate) fn notice_versions(
    conn: &Connection,
    language: Option<Language>,
) -> Result<Vec<NoticeVersion>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {VERSION_COLUMNS} WHERE ?1 IS NULL OR v.language = ?1
         ORDER BY v.published_at DESC, v.rowid DESC"
    ))?;
    let rows = statement.query_map([language.map(Language::code)], row_to_version)?;
    Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
}

pub(crate) fn insert_version(
    conn: &Connection,
    version: &NoticeVersion,
    published_by: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO notice_versions (notice_version_id, language, published_at, published_by, content)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![version.notice_version_id, version.language.code(), version.published_at, published_by, version.content],
    )?;
    Ok(())
}

/// Each consent purpose of the ledger by its name in `language`: the name of the purpose of
/// processing that depends on it, else the ledger's own description.
pub(crate) fn consent_purpose_names(
    conn: &Connection,
    language: Language,
) -> Result<std::collections::BTreeMap<String, String>> {
    let mut statement = conn.prepare(
        "SELECT c.purpose,
                coalesce((SELECT CASE ?1 WHEN 'fi' THEN p.name_fi ELSE p.name_en END FROM purposes p
                          WHERE p.consent_purpose = c.purpose ORDER BY p.position LIMIT 1),
                         CASE ?1 WHEN 'fi' THEN c.description_fi ELSE c.description_en END)
         FROM consent_purposes c",
    )?;
    let rows = statement.query_map([language.code()], |row| {
        Ok((row.get::<_, String>(0)?, row.get::<_, String>(1)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
