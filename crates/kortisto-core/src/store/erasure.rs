//! SQL of erasure: legal holds, what blocks an erasure, deleting a person's data and the
//! receipts ledger. When an erasure may run is decided in `crate::erasure`.
use rusqlite::{params, Connection};

use crate::erasure::{ErasureBlocker, ErasureCounts, ErasureReceipt, LegalHold};
use crate::{Error, Result};

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

const HOLD_SELECT: &str = "SELECT h.legal_hold_id, h.record_kind, h.record_id,
    CASE h.record_kind
      WHEN 'person' THEN (SELECT p.surname || ' ' || p.first_name FROM people p WHERE p.person_id = h.record_id)
      WHEN 'organisation' THEN (SELECT o.name FROM organisations o WHERE o.organisation_id = h.record_id)
      WHEN 'deal' THEN (SELECT d.title FROM deals d WHERE d.deal_id = h.record_id)
    END,
    h.reason, h.until_on, h.created_by, cu.display_name, h.created_at, h.lifted_at, h.lifted_by, lu.display_name, h.lift_reason
    FROM legal_holds h JOIN users cu ON cu.user_id = h.created_by LEFT JOIN users lu ON lu.user_id = h.lifted_by";

fn hold_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<LegalHold> {
    Ok(LegalHold {
        legal_hold_id: row.get(0)?,
        record_kind: row.get(1)?,
        record_id: row.get(2)?,
        record_name: row.get(3)?,
        reason: row.get(4)?,
        until_on: row.get(5)?,
        created_by: row.get(6)?,
        created_by_name: row.get(7)?,
        created_at: row.get(8)?,
        lifted_at: row.get(9)?,
        lifted_by: row.get(10)?,
        lifted_by_name: row.get(11)?,
        lift_reason: row.get(12)?,
    })
}

/// Every legal hold: those in force first (by end date), then lifted ones, newest first.
pub(crate) fn legal_holds(conn: &Connection) -> Result<Vec<LegalHold>> {
    let mut statement = conn.prepare(&format!(
        "{HOLD_SELECT} ORDER BY h.lifted_at IS NOT NULL, h.lifted_at DESC, h.until_on, h.legal_hold_id"
    ))?;
    let rows = statement.query_map([], hold_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn legal_hold(conn: &Connection, legal_hold_id: &str) -> Result<Option<LegalHold>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            &format!("{HOLD_SELECT} WHERE h.legal_hold_id = ?1"),
            [legal_hold_id],
            hold_row,
        )
        .optional()?)
}

pub(crate) fn lift_legal_hold(
    conn: &Connection,
    legal_hold_id: &str,
    reason: &str,
    user_id: &str,
    now: &str,
) -> Result<()> {
    conn.execute(
        "UPDATE legal_holds SET lifted_at = ?2, lifted_by = ?3, lift_reason = ?4 WHERE legal_hold_id = ?1 AND lifted_at IS NULL",
        params![legal_hold_id, now, user_id, reason],
    )?;
    Ok(())
}

pub(crate) fn legal_holds_of_person(
    conn: &Connection,
    person_id: &str,
) -> Result<Vec<(String, String)>> {
    let mut statement = conn.prepare(
        "SELECT reason, until_on FROM legal_holds WHERE record_kind = 'person' AND record_id = ?1 AND lifted_at IS NULL ORDER BY until_on",
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
    // Organisations the person works or worked for: a hold on one keeps its people, as in
    // retention (`store::retention`).
    let mut statement =
        conn.prepare("SELECT DISTINCT organisation_id FROM positions WHERE person_id = ?1")?;
    let organisation_ids: Vec<String> = statement
        .query_map([person_id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut holds = conn.prepare(
        "SELECT legal_hold_id, reason, until_on, record_kind, record_id FROM legal_holds
         WHERE until_on >= ?1 AND lifted_at IS NULL ORDER BY until_on",
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
            || (kind == "organisation" && organisation_ids.contains(&record))
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

/// The free-text fields of meetings and deals, whose history may name people.
pub(crate) const FREE_TEXT_FIELDS: &[&str] = &["subject", "title", "notes"];

fn review_table(record_kind: &str) -> Option<(&'static str, &'static str)> {
    match record_kind {
        "meeting" => Some(("meetings", "meeting_id")),
        "deal" => Some(("deals", "deal_id")),
        _ => None,
    }
}

/// Marks a meeting or deal whose text may name an erased person for review, and drops the
/// earlier values of its free text from its history (they may name the person too).
pub(crate) fn mark_for_review(conn: &Connection, record_kind: &str, record_id: &str) -> Result<()> {
    let Some((table, key)) = review_table(record_kind) else {
        return Ok(());
    };
    conn.execute(
        &format!("UPDATE {table} SET erasure_review = 1 WHERE {key} = ?1"),
        [record_id],
    )?;
    conn.execute(
        "DELETE FROM change_history WHERE record_kind = ?1 AND record_id = ?2
         AND field IN ('subject', 'title', 'notes')",
        params![record_kind, record_id],
    )?;
    Ok(())
}

/// Whether a meeting's or deal's text is under review after an erasure.
pub(crate) fn under_review(conn: &Connection, record_kind: &str, record_id: &str) -> Result<bool> {
    let Some((table, key)) = review_table(record_kind) else {
        return Ok(false);
    };
    Ok(conn.query_row(
        &format!("SELECT coalesce((SELECT erasure_review FROM {table} WHERE {key} = ?1), 0)"),
        [record_id],
        |row| row.get::<_, bool>(0),
    )?)
}

/// The review is done: the administrator corrected the text.
pub(crate) fn review_done(conn: &Connection, record_kind: &str, record_id: &str) -> Result<()> {
    if let Some((table, key)) = review_table(record_kind) {
        conn.execute(
            &format!(
                "UPDATE {table} SET erasure_review = 0 WHERE {key} = ?1 AND erasure_review = 1"
            ),
            [record_id],
        )?;
    }
    Ok(())
}

/// Deletes the history rows of the person's meetings and deals (now or once theirs) whose
/// earlier or later free text names them (a subject corrected away from their name keeps it
/// in its history).
pub(crate) fn scrub_history_naming(
    conn: &Connection,
    person_id: &str,
    surname: &str,
    first_name: &str,
) -> Result<u64> {
    let needles: Vec<String> = [surname, first_name]
        .iter()
        .map(|n| n.trim().to_lowercase())
        .filter(|n| n.chars().count() >= 3)
        .collect();
    if needles.is_empty() {
        return Ok(0);
    }
    let mut statement = conn.prepare(
        "SELECT h.change_id, coalesce(h.old_value, ''), coalesce(h.new_value, '') FROM change_history h
         WHERE h.field IN ('subject', 'title', 'notes') AND (
           (h.record_kind = 'meeting' AND h.record_id IN
              (SELECT meeting_id FROM meeting_participants WHERE person_id = ?1))
           OR (h.record_kind = 'deal' AND h.record_id IN
              (SELECT deal_id FROM deal_people WHERE person_id = ?1))
           -- Records they were once linked to: their history names them by id.
           OR (h.record_kind, h.record_id) IN
              (SELECT record_kind, record_id FROM change_history
               WHERE record_kind IN ('meeting', 'deal') AND field IN ('participant', 'person')
                 AND (old_value = ?1 OR new_value = ?1)))",
    )?;
    let rows: Vec<(String, String, String)> = statement
        .query_map([person_id], |row| {
            Ok((row.get(0)?, row.get(1)?, row.get(2)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
    let mut deleted = 0;
    for (change_id, old, new) in rows {
        let text = format!("{old}\n{new}").to_lowercase();
        if needles.iter().any(|n| text.contains(n.as_str())) {
            deleted += conn.execute(
                "DELETE FROM change_history WHERE change_id = ?1",
                [&change_id],
            )? as u64;
        }
    }
    Ok(deleted)
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
        // Their own history, and the rows that name them as added to or removed from a
        // meeting or a deal (the value is their id).
        history_entries: run(
            "DELETE FROM change_history WHERE (record_kind = 'person' AND record_id = ?1)
             OR (record_kind IN ('meeting', 'deal') AND field IN ('participant', 'person')
                 AND (old_value = ?1 OR new_value = ?1))",
        )?,
        ..Default::default()
    };
    // The request stays in the log as proof it was handled; its free-text identity note may
    // describe the person, so only the fact that identity was checked (when, by whom) stays.
    run("UPDATE requests SET person_id = NULL, identity_method = CASE WHEN identity_method IS NULL THEN NULL
         ELSE 'tarkistettu; kuvaus poistettu henkilön poiston yhteydessä / checked; description removed at erasure' END
         WHERE person_id = ?1")?;
    run("DELETE FROM legal_holds WHERE record_kind = 'person' AND record_id = ?1")?;
    run("DELETE FROM restrictions WHERE person_id = ?1")?;
    run("DELETE FROM objections WHERE person_id = ?1")?;
    // Values of theirs that lost a sync conflict are their data too.
    run("DELETE FROM sync_conflicts WHERE person_id = ?1")?;
    // Reads of them that other devices shared: nothing of them travels or stays with the
    // team's copy (this device's own audit trail keeps its reads, ids only).
    run("DELETE FROM team_person_reads WHERE person_id = ?1")?;
    run("DELETE FROM people WHERE person_id = ?1")?;
    let mut delete_source = conn.prepare("DELETE FROM sources WHERE source_id = ?1")?;
    for source in &sources {
        counts.sources += delete_source.execute([source])? as u64;
    }
    Ok(counts)
}

/// A note to review's day and whose it is (see `NoteToReview`): read before the erasure, from
/// the record's dates and names, never from its free text.
pub(crate) fn note_words(
    conn: &Connection,
    kind: &str,
    id: &str,
) -> Result<(Option<String>, Option<String>)> {
    use rusqlite::OptionalExtension;
    let sql = match kind {
        "meeting" => {
            "SELECT m.at, o.name FROM meetings m
             LEFT JOIN organisations o ON o.organisation_id = m.organisation_id WHERE m.meeting_id = ?1"
        }
        "deal" => {
            "SELECT d.start_on, o.name FROM deals d
             LEFT JOIN organisations o ON o.organisation_id = d.organisation_id WHERE d.deal_id = ?1"
        }
        "request" => "SELECT received_on, NULL FROM requests WHERE request_id = ?1",
        "legal_hold" => {
            "SELECT h.until_on, o.name FROM legal_holds h
             LEFT JOIN organisations o ON h.record_kind = 'organisation' AND o.organisation_id = h.record_id
             WHERE h.legal_hold_id = ?1"
        }
        "position" => {
            "SELECT p.start_on, o.name FROM positions p
             LEFT JOIN organisations o ON o.organisation_id = p.organisation_id WHERE p.position_id = ?1"
        }
        "disclosure" => "SELECT disclosed_on, NULL FROM disclosures WHERE disclosure_id = ?1",
        "person" => {
            "SELECT NULL, surname || ' ' || first_name FROM people WHERE person_id = ?1"
        }
        "organisation" => "SELECT NULL, name FROM organisations WHERE organisation_id = ?1",
        _ => return Ok((None, None)),
    };
    Ok(conn
        .query_row(sql, [id], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?
        .unwrap_or((None, None)))
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
