//! SQL of consent: the append-only consent events, the marketing list and suppression
//! hashes. The ledger's rules are in `crate::consent`; erasure writes hashes through here.
use rusqlite::{params, Connection, OptionalExtension};

use crate::consent::{ConsentChannel, ConsentEvent, ConsentEventKind, MarketingContact};
use crate::{Error, Result};

use super::bad_enum;
use super::restriction::RESTRICTED_SQL;

pub(crate) fn purpose_exists(conn: &Connection, purpose: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM consent_purposes WHERE purpose = ?1",
            [purpose],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}

pub(crate) fn insert_consent(conn: &Connection, e: &ConsentEvent, now: &str) -> Result<()> {
    let order = next_recorded_order(conn, &e.person_id, now)?;
    conn.execute(
        "INSERT INTO consent_events (consent_event_id, person_id, purpose, kind, at, channel, wording_version, evidence, recorded_by, recorded_at, recorded_order)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![e.consent_event_id, e.person_id, e.purpose, e.kind.name(), e.at, e.channel.name(), e.wording_version, e.evidence, e.recorded_by, now, order],
    )?;
    Ok(())
}

/// The place of a person's next consent event in their recording order (see migration
/// 0007): `now` in milliseconds, or just after the newest place this device holds for them
/// when the clock is not past it.
fn next_recorded_order(conn: &Connection, person_id: &str, now: &str) -> Result<String> {
    let now_ms = chrono::DateTime::parse_from_rfc3339(now)
        .map_err(|e| Error::Storage(format!("recording time {now}: {e}")))?
        .timestamp_millis()
        .max(0);
    let newest: Option<String> = conn.query_row(
        "SELECT max(recorded_order) FROM consent_events WHERE person_id = ?1",
        [person_id],
        |row| row.get(0),
    )?;
    let (newest_ms, newest_n) = newest
        .as_deref()
        .and_then(|text| text.split_once('-'))
        .and_then(|(ms, n)| Some((ms.parse::<i64>().ok()?, n.parse::<i64>().ok()?)))
        .unwrap_or((-1, 0));
    Ok(if now_ms > newest_ms {
        format!("{now_ms:015}-{:010}", 0)
    } else {
        format!("{newest_ms:015}-{:010}", newest_n + 1)
    })
}

/// The order of a person's consent events, the same on every device: the recorded order,
/// then (two devices at the very same place) a withdrawal after a consent, then the id.
/// The last event per purpose is the one in force.
pub(crate) const RECORDED_ORDER: &str = "recorded_order, kind = 'withdrawn', consent_event_id";
/// [`RECORDED_ORDER`] backwards: the event in force first.
const RECORDED_ORDER_NEWEST_FIRST: &str =
    "recorded_order DESC, kind = 'withdrawn' DESC, consent_event_id DESC";

pub(crate) fn consent_events(conn: &Connection, person_id: &str) -> Result<Vec<ConsentEvent>> {
    let mut statement = conn.prepare(&format!(
        "SELECT c.consent_event_id, c.person_id, c.purpose, c.kind, c.at, c.channel, c.wording_version, c.evidence, c.recorded_by, u.display_name
         FROM consent_events c JOIN users u ON u.user_id = c.recorded_by WHERE c.person_id = ?1
         ORDER BY {RECORDED_ORDER}",
    ))?;
    let rows = statement.query_map([person_id], |row| {
        let kind: String = row.get(3)?;
        let channel_name: String = row.get(5)?;
        Ok(ConsentEvent {
            consent_event_id: row.get(0)?,
            person_id: row.get(1)?,
            purpose: row.get(2)?,
            kind: ConsentEventKind::parse(&kind).map_err(|_| bad_enum(3))?,
            at: row.get(4)?,
            channel: ConsentChannel::parse(&channel_name).map_err(|_| bad_enum(5))?,
            wording_version: row.get(6)?,
            evidence: row.get(7)?,
            recorded_by: row.get(8)?,
            recorded_by_name: row.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The date of the latest withdrawal recorded for a person and purpose (RFC 3339).
pub(crate) fn latest_withdrawal_at(
    conn: &Connection,
    person_id: &str,
    purpose: &str,
) -> Result<Option<String>> {
    Ok(conn.query_row(
        "SELECT max(at) FROM consent_events WHERE person_id = ?1 AND purpose = ?2 AND kind = 'withdrawn'",
        [person_id, purpose],
        |row| row.get(0),
    )?)
}

/// People whose latest *recorded* event for the purpose is "given": the order of recording
/// ([`RECORDED_ORDER`]), never the typed date, decides, so a withdrawal recorded later
/// always wins, on every device alike. A restricted person, and one who objected to the
/// purpose, is never listed.
pub(crate) fn marketing_list(conn: &Connection, purpose: &str) -> Result<Vec<MarketingContact>> {
    let mut statement = conn.prepare(&format!(
        "WITH latest AS (
             SELECT person_id, kind, at, row_number() OVER (
                 PARTITION BY person_id ORDER BY {RECORDED_ORDER_NEWEST_FIRST}) AS n
             FROM consent_events WHERE purpose = ?1)
         SELECT p.person_id, p.surname, p.first_name, l.at,
                (SELECT group_concat(value, char(30)) FROM contact_points c WHERE c.person_id = p.person_id AND c.kind = 'email' AND c.retired_at IS NULL)
         FROM latest l JOIN people p ON p.person_id = l.person_id
         WHERE l.n = 1 AND l.kind = 'given' AND NOT {RESTRICTED_SQL}
           AND NOT EXISTS (SELECT 1 FROM objections o WHERE o.person_id = p.person_id AND o.purpose = ?1)
         ORDER BY p.surname COLLATE finnish, p.first_name COLLATE finnish",
    ))?;
    let rows = statement.query_map([purpose], |row| {
        let emails: Option<String> = row.get(4)?;
        Ok(MarketingContact {
            person_id: row.get(0)?,
            surname: row.get(1)?,
            first_name: row.get(2)?,
            consent_given_at: row.get(3)?,
            emails: emails
                .map(|e| e.split('\u{1e}').map(str::to_string).collect())
                .unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn suppression_salt(conn: &Connection) -> Result<String> {
    if let Some(salt) = crate::store::users::setting(conn, "suppression_salt")? {
        return Ok(salt);
    }
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).map_err(|e| Error::Storage(format!("no OS randomness: {e}")))?;
    let salt = data_encoding::HEXLOWER.encode(&bytes);
    crate::store::users::set_setting(conn, "suppression_salt", &salt)?;
    Ok(salt)
}

pub(crate) fn insert_suppression(conn: &Connection, hash: &str, now: &str) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO marketing_suppression (email_hash, added_at) VALUES (?1, ?2)",
        params![hash, now],
    )?;
    Ok(())
}

pub(crate) fn is_suppressed(conn: &Connection, hash: &str) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT 1 FROM marketing_suppression WHERE email_hash = ?1",
            [hash],
            |_| Ok(()),
        )
        .optional()?
        .is_some())
}
