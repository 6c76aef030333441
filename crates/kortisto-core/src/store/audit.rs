//! SQL of the audit trail (`audit_events`): append one entry, read them back filtered, and
//! read the whole chain in order for verification.
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::audit::{AuditEvent, AuditFilter};
use crate::{Clock, Result};

/// The newest entry's sequence number and hash, if any.
pub(crate) fn head(conn: &Connection) -> Result<Option<(i64, String)>> {
    Ok(conn
        .query_row(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

/// The time of the newest entry written before `before` (RFC 3339).
pub(crate) fn newest_before(conn: &Connection, before: &str) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT max(at) FROM audit_events WHERE at < ?1",
        [before],
        |row| row.get(0),
    )?)
}

/// The hash of the entry at `seq`, if there is one.
pub(crate) fn hash_at(conn: &Connection, seq: i64) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT hash FROM audit_events WHERE seq = ?1",
            [seq],
            |row| row.get(0),
        )
        .optional()?)
}

/// Whether the trail's head was ever anchored outside the database (see `audit.rs`): from
/// then on a manifest without an anchor is evidence, not a register from before anchors.
pub(crate) fn anchored(conn: &Connection) -> Result<bool> {
    Ok(crate::store::users::setting(conn, "audit_anchored")?.is_some())
}

/// Records that the head has been anchored.
pub(crate) fn mark_anchored(conn: &Connection) -> Result<()> {
    if !anchored(conn)? {
        crate::store::users::set_setting(conn, "audit_anchored", "1")?;
    }
    Ok(())
}

/// Appends an entry whose hash the caller computed.
pub(crate) fn insert(
    conn: &Connection,
    event: &AuditEvent,
    prev_hash: &str,
    hash: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO audit_events (seq, event_id, at, user_id, action, record_kind, record_id, prev_hash, hash)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            event.seq,
            event.event_id,
            event.at,
            event.user_id,
            event.action,
            event.record_kind,
            event.record_id,
            prev_hash,
            hash
        ],
    )?;
    Ok(())
}

const COLUMNS: &str =
    "e.seq, e.event_id, e.at, e.user_id, u.username, e.action, e.record_kind, e.record_id";

fn event(row: &Row<'_>) -> rusqlite::Result<AuditEvent> {
    Ok(AuditEvent {
        seq: row.get(0)?,
        event_id: row.get(1)?,
        at: row.get(2)?,
        user_id: row.get(3)?,
        username: row.get(4)?,
        action: row.get(5)?,
        record_kind: row.get(6)?,
        record_id: row.get(7)?,
    })
}

/// Entries matching `filter`, newest first.
pub(crate) fn list(conn: &Connection, filter: &AuditFilter) -> Result<Vec<AuditEvent>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM audit_events e LEFT JOIN users u ON u.user_id = e.user_id
         WHERE (?1 IS NULL OR e.at >= ?1)
           AND (?2 IS NULL OR e.at < ?2)
           AND (?3 IS NULL OR u.username = ?3 COLLATE NOCASE)
           AND (?4 IS NULL OR e.action = ?4)
           AND (?5 IS NULL OR e.record_id = ?5 OR e.seq IN ({}))
         ORDER BY e.seq DESC LIMIT ?6",
        reads_of("?5")
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map(
        params![
            filter.since,
            filter.until,
            filter.username,
            filter.action,
            filter.record_id,
            filter.limit.unwrap_or(500)
        ],
        event,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every entry in sequence order with its stored hashes, for verification.
pub(crate) fn chain(conn: &Connection) -> Result<Vec<(AuditEvent, String, String)>> {
    chain_after(conn, i64::MIN, None)
}

/// The entries after `after` in sequence order with their stored hashes, at most `limit`
/// (all without one): what a sync copies to the hub.
pub(crate) fn chain_after(
    conn: &Connection,
    after: i64,
    limit: Option<usize>,
) -> Result<Vec<(AuditEvent, String, String)>> {
    let sql = format!(
        "SELECT {COLUMNS}, e.prev_hash, e.hash FROM audit_events e
         LEFT JOIN users u ON u.user_id = e.user_id WHERE e.seq > ?1 ORDER BY e.seq LIMIT ?2"
    );
    let limit = limit.map_or(-1, |limit| i64::try_from(limit).unwrap_or(i64::MAX));
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map(rusqlite::params![after, limit], |row| {
        Ok((event(row)?, row.get(8)?, row.get(9)?))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Keeps the ids of the people the entry at `seq` showed, in the order shown: one row, so a
/// read of 50 people appends one short row rather than touching 50 pages of an index.
pub(crate) fn insert_reads(conn: &Connection, seq: i64, person_ids: &[String]) -> Result<()> {
    let ids =
        serde_json::to_string(person_ids).map_err(|e| crate::Error::Storage(e.to_string()))?;
    conn.prepare_cached("INSERT INTO person_reads (seq, person_ids) VALUES (?1, ?2)")?
        .execute(params![seq, ids])?;
    Ok(())
}

/// The ids of the people the entry at `seq` showed, in the order shown (none if it kept none).
pub(crate) fn reads_at(conn: &Connection, seq: i64) -> Result<Vec<String>> {
    let ids: Option<String> = conn
        .prepare_cached("SELECT person_ids FROM person_reads WHERE seq = ?1")?
        .query_row([seq], |row| row.get(0))
        .optional()?;
    match ids {
        None => Ok(Vec::new()),
        Some(ids) => serde_json::from_str(&ids).map_err(|e| crate::Error::DatabaseDamaged {
            detail: format!("person_reads {seq}: {e}"),
        }),
    }
}

/// Brings the by-person index of reads up to date: the reads kept since it was last brought
/// up to date, sorted, in one batch.
pub(crate) fn index_reads(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "INSERT OR IGNORE INTO person_reads_by_person (person_id, seq)
         SELECT j.value, r.seq FROM person_reads r, json_each(r.person_ids) j
         WHERE r.seq > (SELECT up_to_seq FROM person_reads_indexed)
         ORDER BY 1, 2;
         UPDATE person_reads_indexed
         SET up_to_seq = coalesce((SELECT max(seq) FROM person_reads), up_to_seq);",
    )?;
    Ok(())
}

/// The entries that showed the person `?N`: those in the by-person index, and those kept
/// after it was last brought up to date (a scan of that tail only).
fn reads_of(parameter: &str) -> String {
    format!(
        "SELECT seq FROM person_reads_by_person WHERE person_id = {parameter}
         UNION
         SELECT r.seq FROM person_reads r, json_each(r.person_ids) j
         WHERE r.seq > (SELECT up_to_seq FROM person_reads_indexed) AND j.value = {parameter}"
    )
}

/// Every read on this device that showed `person_id`, newest first.
pub(crate) fn reads_of_person(
    conn: &Connection,
    person_id: &str,
    limit: u32,
) -> Result<Vec<crate::reads::PersonRead>> {
    let sql = format!(
        "SELECT e.event_id, e.seq, e.at, e.user_id, u.username, u.display_name, e.action,
                e.record_kind, e.record_id
         FROM ({}) h JOIN audit_events e ON e.seq = h.seq
         LEFT JOIN users u ON u.user_id = e.user_id
         ORDER BY e.seq DESC LIMIT ?2",
        reads_of("?1")
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map(params![person_id, limit], |row| {
        let action: String = row.get(6)?;
        let kind: Option<String> = row.get(7)?;
        let record_id: Option<String> = row.get(8)?;
        let shown = match (kind.as_deref(), record_id.as_deref()) {
            (Some(crate::audit::PEOPLE_KIND), Some(id)) => id
                .split_once(':')
                .and_then(|(count, _)| count.parse().ok())
                .unwrap_or(1),
            _ => 1,
        };
        Ok(crate::reads::PersonRead {
            read_id: row.get(0)?,
            seq: row.get(1)?,
            at: row.get(2)?,
            user_id: row.get(3)?,
            username: row.get(4)?,
            display_name: row.get(5)?,
            kind: crate::reads::ReadKind::of_entry(&action, kind.as_deref()),
            action,
            shown,
            this_device: true,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The setting (this device's own, never synced) that says up to which entry of this
/// device's trail its reads have been shared with the team.
pub(crate) const READS_SHARED_SETTING: &str = "reads_shared_through";

/// Reads shared per `team_person_reads` batch at most, so no row grows without bound
/// (a register that kept years of reads before it joined a hub shares them in slices).
const SHARE_SLICE: i64 = 5_000;

/// Shares this device's reads kept since the last sharing (or ever, for a register that
/// kept reads before it had a hub or before reads travelled) with the team, as rows of the
/// synced tables `team_reads` and `team_person_reads` (see migration 0015); the capture
/// triggers put them in the outbox. A person no longer in the register here (erased, here
/// or elsewhere) is left out: nothing of them travels. Returns the reads shared.
pub(crate) fn share_reads(conn: &Connection, device_id: &str, clock: &dyn Clock) -> Result<u64> {
    let mut shared = 0;
    loop {
        let from: i64 = crate::store::users::setting(conn, READS_SHARED_SETTING)?
            .and_then(|text| text.parse().ok())
            .unwrap_or(0);
        let through: Option<i64> = conn.query_row(
            "SELECT max(seq) FROM (SELECT seq FROM person_reads WHERE seq > ?1 ORDER BY seq LIMIT ?2)",
            params![from, SHARE_SLICE],
            |row| row.get(0),
        )?;
        let Some(through) = through else {
            return Ok(shared);
        };
        let present = "j.value IN (SELECT person_id FROM people)
                       AND j.value NOT IN (SELECT person_id FROM sync_erased)";
        shared += conn.execute(
            &format!(
                "INSERT OR IGNORE INTO team_reads (read_id, device_id, seq, at, user_id, action, record_kind, shown)
                 SELECT e.event_id, ?3, e.seq, e.at, e.user_id, e.action, e.record_kind,
                        json_array_length(r.person_ids)
                 FROM person_reads r JOIN audit_events e ON e.seq = r.seq
                 WHERE r.seq > ?1 AND r.seq <= ?2
                   AND EXISTS (SELECT 1 FROM json_each(r.person_ids) j WHERE {present})
                 ORDER BY r.seq"
            ),
            params![from, through, device_id],
        )? as u64;
        conn.execute(
            &format!(
                "INSERT OR IGNORE INTO team_person_reads (person_id, batch_id, read_ids)
                 SELECT j.value, ?3, json_group_array(e.event_id)
                 FROM person_reads r JOIN audit_events e ON e.seq = r.seq, json_each(r.person_ids) j
                 WHERE r.seq > ?1 AND r.seq <= ?2 AND {present}
                 GROUP BY j.value ORDER BY j.value"
            ),
            params![from, through, crate::ids::new_id(clock)],
        )?;
        crate::store::users::set_setting(conn, READS_SHARED_SETTING, &through.to_string())?;
    }
}

/// The reads other devices shared that showed `person_id`, newest first (this device's own
/// are answered from its trail).
pub(crate) fn team_reads_of_person(
    conn: &Connection,
    person_id: &str,
    limit: u32,
) -> Result<Vec<crate::reads::PersonRead>> {
    let mut statement = conn.prepare(
        "SELECT DISTINCT t.read_id, t.seq, t.at, t.user_id, u.username, u.display_name, t.action,
                t.shown, t.record_kind
         FROM team_person_reads p, json_each(p.read_ids) j
         JOIN team_reads t ON t.read_id = j.value
         LEFT JOIN users u ON u.user_id = t.user_id
         WHERE p.person_id = ?1
           AND NOT EXISTS (SELECT 1 FROM audit_events e WHERE e.event_id = t.read_id)
         ORDER BY t.at DESC, t.read_id DESC LIMIT ?2",
    )?;
    let rows = statement.query_map(params![person_id, limit], |row| {
        let action: String = row.get(6)?;
        let kind: Option<String> = row.get(8)?;
        Ok(crate::reads::PersonRead {
            read_id: row.get(0)?,
            seq: row.get(1)?,
            at: row.get(2)?,
            user_id: row.get(3)?,
            username: row.get(4)?,
            display_name: row.get(5)?,
            kind: crate::reads::ReadKind::of_entry(&action, kind.as_deref()),
            action,
            shown: row.get(7)?,
            this_device: false,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
