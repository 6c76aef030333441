//! SQL of people's rights: consent events, the marketing list and suppression hashes,
//! processors, transfers and disclosures, the request log, legal holds, erasure and its
//! receipts.
use rusqlite::{params, Connection, OptionalExtension, Row};

use crate::consent::{ConsentChannel, ConsentEvent, ConsentEventKind, MarketingContact};
use crate::disclosures::{
    transfer_problem, Disclosure, DisclosureInput, LegalBasis, Processor, Transfer, TransferInput,
};
use crate::erasure::{ErasureBlocker, ErasureCounts, ErasureReceipt};
use crate::requests::{Request, RequestChannel, RequestInput, RequestKind, RequestStatus};
use crate::{Error, Result};

fn bad_enum(column: usize) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(column, "enum".into(), rusqlite::types::Type::Text)
}

// ---- consent -------------------------------------------------------------------------------

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
    conn.execute(
        "INSERT INTO consent_events (consent_event_id, person_id, purpose, kind, at, channel, wording_version, evidence, recorded_by, recorded_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![e.consent_event_id, e.person_id, e.purpose, e.kind.name(), e.at, e.channel.name(), e.wording_version, e.evidence, e.recorded_by, now],
    )?;
    Ok(())
}

pub(crate) fn consent_events(conn: &Connection, person_id: &str) -> Result<Vec<ConsentEvent>> {
    let mut statement = conn.prepare(
        "SELECT c.consent_event_id, c.person_id, c.purpose, c.kind, c.at, c.channel, c.wording_version, c.evidence, c.recorded_by, u.display_name
         FROM consent_events c JOIN users u ON u.user_id = c.recorded_by WHERE c.person_id = ?1 ORDER BY c.rowid",
    )?;
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
/// (rowid), never the typed date, decides, so a withdrawal recorded later always wins.
pub(crate) fn marketing_list(conn: &Connection, purpose: &str) -> Result<Vec<MarketingContact>> {
    let mut statement = conn.prepare(
        "WITH latest AS (
             SELECT person_id, kind, at, row_number() OVER (PARTITION BY person_id ORDER BY rowid DESC) AS n
             FROM consent_events WHERE purpose = ?1)
         SELECT p.person_id, p.surname, p.first_name, l.at,
                (SELECT group_concat(value, char(30)) FROM contact_points c WHERE c.person_id = p.person_id AND c.kind = 'email')
         FROM latest l JOIN people p ON p.person_id = l.person_id
         WHERE l.n = 1 AND l.kind = 'given'
         ORDER BY p.surname COLLATE finnish, p.first_name COLLATE finnish",
    )?;
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

// ---- processors, transfers, disclosures ----------------------------------------------------

fn processor_row(row: &Row<'_>) -> rusqlite::Result<Processor> {
    Ok(Processor {
        processor_id: row.get(0)?,
        name: row.get(1)?,
        service: row.get(2)?,
        purpose: row.get(3)?,
        agreement_reference: row.get(4)?,
        agreement_date: row.get(5)?,
        processing_location: row.get(6)?,
    })
}

const PROCESSOR_SELECT: &str = "SELECT processor_id, name, service, purpose, agreement_reference, agreement_date, processing_location FROM processors";

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
        "SELECT t.transfer_id, t.processor_id, p.name, t.country, t.legal_basis, t.basis_detail, t.dpf_certified, t.since_on
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

// ---- requests ------------------------------------------------------------------------------

const REQUEST_SELECT: &str = "SELECT r.request_id, r.kind, r.received_on, r.channel, r.person_id, p.surname || ' ' || p.first_name,
    r.identity_method, r.identity_checked_on, u.display_name, r.due_on, r.extended_due_on, r.extension_reason, r.status,
    r.closed_on, r.outcome
    FROM requests r LEFT JOIN people p ON p.person_id = r.person_id LEFT JOIN users u ON u.user_id = r.identity_checked_by";

fn request_row(row: &Row<'_>) -> rusqlite::Result<Request> {
    let kind: String = row.get(1)?;
    let channel: String = row.get(3)?;
    let status: String = row.get(12)?;
    Ok(Request {
        request_id: row.get(0)?,
        kind: RequestKind::parse(&kind).map_err(|_| bad_enum(1))?,
        received_on: row.get(2)?,
        channel: RequestChannel::parse(&channel).map_err(|_| bad_enum(3))?,
        person_id: row.get(4)?,
        person_name: row.get(5)?,
        identity_method: row.get(6)?,
        identity_checked_on: row.get(7)?,
        identity_checked_by_name: row.get(8)?,
        due_on: row.get(9)?,
        extended_due_on: row.get(10)?,
        extension_reason: row.get(11)?,
        status: RequestStatus::parse(&status).map_err(|_| bad_enum(12))?,
        closed_on: row.get(13)?,
        outcome: row.get(14)?,
    })
}

pub(crate) fn insert_request(
    conn: &Connection,
    id: &str,
    input: &RequestInput,
    received_on: &str,
    due_on: &str,
    user_id: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO requests (request_id, kind, received_on, channel, person_id, due_on, status, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'open', ?7, ?8)",
        params![id, input.kind.name(), received_on, input.channel.name(), input.person_id.as_deref().filter(|p| !p.is_empty()), due_on, user_id, now],
    )?;
    Ok(())
}

pub(crate) fn request(conn: &Connection, request_id: &str) -> Result<Option<Request>> {
    Ok(conn
        .query_row(
            &format!("{REQUEST_SELECT} WHERE r.request_id = ?1"),
            [request_id],
            request_row,
        )
        .optional()?)
}

pub(crate) fn requests(conn: &Connection, status: Option<RequestStatus>) -> Result<Vec<Request>> {
    let sql = format!(
        "{REQUEST_SELECT} WHERE (?1 IS NULL OR r.status = ?1)
         ORDER BY r.status = 'open' DESC, coalesce(r.extended_due_on, r.due_on), r.received_on"
    );
    let mut statement = conn.prepare(&sql)?;
    let rows = statement.query_map([status.map(RequestStatus::name)], request_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn requests_of(conn: &Connection, person_id: &str) -> Result<Vec<Request>> {
    let mut statement = conn.prepare(&format!(
        "{REQUEST_SELECT} WHERE r.person_id = ?1 ORDER BY r.received_on"
    ))?;
    let rows = statement.query_map([person_id], request_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn set_identity(
    conn: &Connection,
    id: &str,
    person_id: &str,
    method: &str,
    on: &str,
    user_id: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE requests SET person_id = ?2, identity_method = ?3, identity_checked_on = ?4, identity_checked_by = ?5 WHERE request_id = ?1",
        params![id, person_id, method, on, user_id],
    )?;
    Ok(())
}

pub(crate) fn extend(conn: &Connection, id: &str, new_due: &str, reason: &str) -> Result<()> {
    conn.execute(
        "UPDATE requests SET extended_due_on = ?2, extension_reason = ?3 WHERE request_id = ?1",
        params![id, new_due, reason],
    )?;
    Ok(())
}

pub(crate) fn close(
    conn: &Connection,
    id: &str,
    status: RequestStatus,
    on: &str,
    outcome: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE requests SET status = ?2, closed_on = ?3, outcome = ?4 WHERE request_id = ?1",
        params![id, status.name(), on, outcome],
    )?;
    Ok(())
}

// ---- legal holds and erasure ---------------------------------------------------------------

#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_legal_hold(
    conn: &Connection,
    id: &str,
    record_kind: &str,
    record_id: &str,
    reason: &str,
    until_on: &str,
    user_id: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO legal_holds (legal_hold_id, record_kind, record_id, reason, until_on, created_by, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![id, record_kind, record_id, reason, until_on, user_id, now],
    )?;
    Ok(())
}

pub(crate) fn legal_holds_of_person(
    conn: &Connection,
    person_id: &str,
) -> Result<Vec<(String, String)>> {
    let mut statement = conn.prepare(
        "SELECT reason, until_on FROM legal_holds WHERE record_kind = 'person' AND record_id = ?1 ORDER BY until_on",
    )?;
    let rows = statement.query_map([person_id], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn erasure_blockers(
    conn: &Connection,
    person_id: &str,
    today: &str,
) -> Result<Vec<ErasureBlocker>> {
    let mut blockers = Vec::new();
    let mut statement = conn.prepare(
        "SELECT d.deal_id, d.title, d.kind, d.status, d.end_on FROM deals d JOIN deal_people dp ON dp.deal_id = d.deal_id
         WHERE dp.person_id = ?1 ORDER BY d.end_on",
    )?;
    let deals: Vec<(String, String, String, String, Option<String>)> = statement
        .query_map([person_id], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut deal_ids = Vec::new();
    for (deal_id, title, kind, status, end_on) in deals {
        let contract = kind == "delivery-contract" || kind == "service-contract";
        let running = end_on.as_deref().map(|end| end >= today).unwrap_or(true);
        if contract && status == "active" && running {
            blockers.push(ErasureBlocker::ActiveContract {
                deal_id: deal_id.clone(),
                title,
                end_on,
            });
        } else if status == "open" {
            blockers.push(ErasureBlocker::OpenDeal {
                deal_id: deal_id.clone(),
                title,
            });
        }
        deal_ids.push(deal_id);
    }
    let mut holds = conn.prepare(
        "SELECT legal_hold_id, reason, until_on, record_kind, record_id FROM legal_holds WHERE until_on >= ?1 ORDER BY until_on",
    )?;
    let rows: Vec<(String, String, String, String, String)> = holds
        .query_map([today], |row| {
            Ok((
                row.get(0)?,
                row.get(1)?,
                row.get(2)?,
                row.get(3)?,
                row.get(4)?,
            ))
        })?
        .collect::<rusqlite::Result<_>>()?;
    for (legal_hold_id, reason, until_on, kind, record) in rows {
        if (kind == "person" && record == person_id)
            || (kind == "deal" && deal_ids.contains(&record))
        {
            blockers.push(ErasureBlocker::LegalHold {
                legal_hold_id,
                reason,
                until_on,
            });
        }
    }
    Ok(blockers)
}

/// Meetings and deals of the person whose notes mention their name.
pub(crate) fn notes_naming(
    conn: &Connection,
    person_id: &str,
    surname: &str,
    first_name: &str,
) -> Result<Vec<(String, String)>> {
    let mut found = Vec::new();
    let needles: Vec<String> = [surname, first_name]
        .iter()
        .map(|n| n.trim().to_lowercase())
        .filter(|n| n.chars().count() >= 3)
        .collect();
    if needles.is_empty() {
        return Ok(found);
    }
    for (kind, sql) in [
        ("meeting", "SELECT m.meeting_id, coalesce(m.notes, '') FROM meetings m JOIN meeting_participants mp ON mp.meeting_id = m.meeting_id WHERE mp.person_id = ?1"),
        ("deal", "SELECT d.deal_id, coalesce(d.notes, '') FROM deals d JOIN deal_people dp ON dp.deal_id = d.deal_id WHERE dp.person_id = ?1"),
    ] {
        let mut statement = conn.prepare(sql)?;
        let rows: Vec<(String, String)> = statement
            .query_map([person_id], |row| Ok((row.get(0)?, row.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (id, notes) in rows {
            let lower = notes.to_lowercase();
            if needles.iter().any(|n| lower.contains(n.as_str())) {
                found.push((kind.to_string(), id));
            }
        }
    }
    Ok(found)
}

pub(crate) fn emails_of(conn: &Connection, person_id: &str) -> Result<Vec<String>> {
    let mut statement =
        conn.prepare("SELECT value FROM contact_points WHERE person_id = ?1 AND kind = 'email'")?;
    let rows = statement.query_map([person_id], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Deletes everything personal about one person and counts what went.
pub(crate) fn delete_person_data(conn: &Connection, person_id: &str) -> Result<ErasureCounts> {
    let sources: Vec<String> = {
        let mut statement = conn.prepare(
            "SELECT source_id FROM contact_points WHERE person_id = ?1
             UNION SELECT source_id FROM people WHERE person_id = ?1",
        )?;
        let rows = statement.query_map([person_id], |row| row.get(0))?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let run = |sql: &str| -> Result<u64> { Ok(conn.execute(sql, [person_id])? as u64) };
    let mut counts = ErasureCounts {
        consent_events: run("DELETE FROM consent_events WHERE person_id = ?1")?,
        disclosures: run("DELETE FROM disclosures WHERE person_id = ?1")?,
        contacts: run("DELETE FROM contact_points WHERE person_id = ?1")?,
        positions: run("DELETE FROM positions WHERE person_id = ?1")?,
        deals_unlinked: run("DELETE FROM deal_people WHERE person_id = ?1")?,
        meetings_unlinked: run("DELETE FROM meeting_participants WHERE person_id = ?1")?,
        service_elements_unlinked: run(
            "UPDATE service_elements SET person_id = NULL WHERE person_id = ?1",
        )?,
        history_entries: run(
            "DELETE FROM change_history WHERE record_kind = 'person' AND record_id = ?1",
        )?,
        ..Default::default()
    };
    // The request stays in the log as proof it was handled; its free-text identity note may
    // describe the person, so only the fact that identity was checked (when, by whom) stays.
    run("UPDATE requests SET person_id = NULL, identity_method = CASE WHEN identity_method IS NULL THEN NULL
         ELSE 'tarkistettu; kuvaus poistettu henkilön poiston yhteydessä / checked; description removed at erasure' END
         WHERE person_id = ?1")?;
    run("DELETE FROM legal_holds WHERE record_kind = 'person' AND record_id = ?1")?;
    run("DELETE FROM people WHERE person_id = ?1")?;
    let mut delete_source = conn.prepare("DELETE FROM sources WHERE source_id = ?1")?;
    for source in &sources {
        counts.sources += delete_source.execute([source])? as u64;
    }
    Ok(counts)
}

pub(crate) fn insert_receipt(conn: &Connection, r: &ErasureReceipt) -> Result<()> {
    let counts = serde_json::to_string(&r.counts).map_err(|e| Error::Storage(e.to_string()))?;
    conn.execute(
        "INSERT INTO erasure_receipts (receipt_id, person_id, request_id, erased_at, erased_by, reason, counts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![r.receipt_id, r.person_id, r.request_id, r.erased_at, r.erased_by, r.reason, counts],
    )?;
    Ok(())
}

pub(crate) fn receipts(conn: &Connection) -> Result<Vec<ErasureReceipt>> {
    let mut statement = conn.prepare(
        "SELECT receipt_id, person_id, request_id, erased_at, erased_by, reason, counts FROM erasure_receipts ORDER BY erased_at DESC",
    )?;
    let rows = statement.query_map([], |row| {
        let counts: String = row.get(6)?;
        Ok(ErasureReceipt {
            receipt_id: row.get(0)?,
            person_id: row.get(1)?,
            request_id: row.get(2)?,
            erased_at: row.get(3)?,
            erased_by: row.get(4)?,
            reason: row.get(5)?,
            counts: serde_json::from_str(&counts).unwrap_or_default(),
            notes_to_review: Vec::new(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn suppression_rows(conn: &Connection) -> Result<Vec<(String, String)>> {
    let mut statement = conn.prepare("SELECT email_hash, added_at FROM marketing_suppression")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn insert_receipt_if_missing(conn: &Connection, r: &ErasureReceipt) -> Result<()> {
    let counts = serde_json::to_string(&r.counts).map_err(|e| Error::Storage(e.to_string()))?;
    conn.execute(
        "INSERT OR IGNORE INTO erasure_receipts (receipt_id, person_id, request_id, erased_at, erased_by, reason, counts)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![r.receipt_id, r.person_id, r.request_id, r.erased_at, r.erased_by, r.reason, counts],
    )?;
    Ok(())
}
