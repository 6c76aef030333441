//! SQL of retention: the rules, the facts each person's retention is decided on (one pass
//! with grouped aggregates, so 100,000 people take well under the preview's 2 s), legal
//! holds, and the run records.
use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};

use crate::retention::{RetentionFacts, RetentionRule, RetentionRun};
use crate::Result;

pub(crate) fn rules(conn: &Connection) -> Result<Vec<RetentionRule>> {
    let mut statement = conn.prepare("SELECT rule_id, months, reference_fi, reference_en, updated_at FROM retention_rules ORDER BY rule_id")?;
    let rows = statement.query_map([], |row| {
        Ok(RetentionRule {
            rule_id: row.get(0)?,
            months: row.get(1)?,
            reference_fi: row.get(2)?,
            reference_en: row.get(3)?,
            updated_at: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn set_rule(
    conn: &Connection,
    rule_id: &str,
    months: u32,
    fi: &str,
    en: &str,
    user_id: &str,
    now: &str,
) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE retention_rules SET months = ?2, reference_fi = ?3, reference_en = ?4, updated_by = ?5, updated_at = ?6 WHERE rule_id = ?1",
        params![rule_id, months, fi, en, user_id, now],
    )? == 1)
}

/// Every legal hold by record, the latest end date winning.
pub(crate) fn active_holds(
    conn: &Connection,
) -> Result<HashMap<(String, String), (String, NaiveDate)>> {
    let mut statement = conn.prepare(
        "SELECT record_kind, record_id, reason, until_on FROM legal_holds ORDER BY until_on",
    )?;
    let mut holds = HashMap::new();
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
            row.get::<_, String>(3)?,
        ))
    })?;
    for row in rows {
        let (kind, id, reason, until) = row?;
        if let Ok(until) = until.parse::<NaiveDate>() {
            holds.insert((kind, id), (reason, until));
        }
    }
    Ok(holds)
}

fn date(text: Option<String>) -> Option<NaiveDate> {
    text.and_then(|t| t.get(..10).and_then(|d| d.parse().ok()))
}

/// The facts of every person (or one), as of a date.
pub(crate) fn facts(
    conn: &Connection,
    as_of: NaiveDate,
    only: Option<&str>,
) -> Result<Vec<RetentionFacts>> {
    let as_of_text = as_of.to_string();
    // The end of the day asked about, for comparing with RFC 3339 instants.
    let as_of_end = format!("{as_of_text}T23:59:59Z");
    let mut statement = conn.prepare(
        "WITH
         pos AS (SELECT person_id, max(end_on) AS last_end,
                        sum(CASE WHEN end_on IS NULL OR end_on >= ?1 THEN 1 ELSE 0 END) AS current
                 FROM positions GROUP BY person_id),
         meet AS (SELECT mp.person_id, max(m.at) AS last_at
                  FROM meeting_participants mp JOIN meetings m ON m.meeting_id = mp.meeting_id
                  WHERE m.at <= ?2 GROUP BY mp.person_id),
         dl AS (SELECT dp.person_id,
                       max(CASE WHEN d.kind IN ('delivery-contract', 'service-contract') AND d.end_on IS NOT NULL AND d.end_on < ?1
                                THEN d.end_on END) AS contract_end,
                       sum(CASE WHEN d.kind IN ('delivery-contract', 'service-contract') AND d.status = 'active'
                                 AND (d.end_on IS NULL OR d.end_on >= ?1) THEN 1 ELSE 0 END) AS active,
                       sum(CASE WHEN d.status = 'open' THEN 1 ELSE 0 END) AS open
                FROM deal_people dp JOIN deals d ON d.deal_id = dp.deal_id GROUP BY dp.person_id),
         cons AS (SELECT person_id, kind, at FROM (
                      SELECT person_id, kind, at, row_number() OVER (PARTITION BY person_id ORDER BY at DESC, recorded_at DESC) AS n
                      FROM consent_events WHERE purpose = 'direct-marketing' AND at <= ?2)
                  WHERE n = 1)
         SELECT p.person_id, p.surname, p.first_name, s.obtained_on, pos.last_end, coalesce(pos.current, 0), meet.last_at,
                dl.contract_end, coalesce(dl.active, 0), coalesce(dl.open, 0), cons.kind, cons.at
         FROM people p JOIN sources s ON s.source_id = p.source_id
         LEFT JOIN pos ON pos.person_id = p.person_id
         LEFT JOIN meet ON meet.person_id = p.person_id
         LEFT JOIN dl ON dl.person_id = p.person_id
         LEFT JOIN cons ON cons.person_id = p.person_id
         WHERE ?3 IS NULL OR p.person_id = ?3",
    )?;
    let rows = statement.query_map(params![as_of_text, as_of_end, only], |row| {
        let consent_kind: Option<String> = row.get(10)?;
        let consent_at: Option<String> = row.get(11)?;
        Ok(RetentionFacts {
            person_id: row.get(0)?,
            surname: row.get(1)?,
            first_name: row.get(2)?,
            obtained_on: date(row.get(3)?),
            last_position_end: date(row.get(4)?),
            current_positions: row.get(5)?,
            last_meeting: date(row.get(6)?),
            last_contract_end: date(row.get(7)?),
            active_contracts: row.get(8)?,
            open_deals: row.get(9)?,
            consent_in_force: consent_kind.as_deref() == Some("given"),
            last_consent_end: if consent_kind.as_deref() == Some("withdrawn") {
                date(consent_at)
            } else {
                None
            },
            hold_keys: Vec::new(),
        })
    })?;
    let mut facts: Vec<RetentionFacts> = rows.collect::<rusqlite::Result<_>>()?;
    // Which holds touch whom: on the person, a deal of theirs, or an organisation they
    // work or worked for. Only records that have holds are looked up.
    let mut keys: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let mut statement = conn.prepare(
        "SELECT record_id, 'person', record_id FROM legal_holds WHERE record_kind = 'person'
         UNION SELECT dp.person_id, 'deal', dp.deal_id FROM deal_people dp
               WHERE dp.deal_id IN (SELECT record_id FROM legal_holds WHERE record_kind = 'deal')
         UNION SELECT ps.person_id, 'organisation', ps.organisation_id FROM positions ps
               WHERE ps.organisation_id IN (SELECT record_id FROM legal_holds WHERE record_kind = 'organisation')",
    )?;
    let rows = statement.query_map([], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, String>(1)?,
            row.get::<_, String>(2)?,
        ))
    })?;
    for row in rows {
        let (person, kind, record) = row?;
        keys.entry(person).or_default().push((kind, record));
    }
    for fact in &mut facts {
        if let Some(found) = keys.remove(&fact.person_id) {
            fact.hold_keys = found;
        }
    }
    Ok(facts)
}

pub(crate) fn insert_run(
    conn: &Connection,
    run: &RetentionRun,
    run_by: Option<&str>,
) -> Result<()> {
    let receipts = serde_json::to_string(&run.receipt_ids)
        .map_err(|e| crate::Error::Storage(e.to_string()))?;
    conn.execute(
        "INSERT INTO retention_runs (run_id, started_at, as_of, trigger, run_by, erased, kept, receipt_ids)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![run.run_id, run.started_at, run.as_of, run.trigger, run_by, run.erased as i64, run.kept as i64, receipts],
    )?;
    Ok(())
}

pub(crate) fn runs(conn: &Connection) -> Result<Vec<RetentionRun>> {
    let mut statement = conn.prepare(
        "SELECT run_id, started_at, as_of, trigger, erased, kept, receipt_ids FROM retention_runs ORDER BY started_at DESC LIMIT 200",
    )?;
    let rows = statement.query_map([], |row| {
        let receipts: String = row.get(6)?;
        Ok(RetentionRun {
            run_id: row.get(0)?,
            started_at: row.get(1)?,
            as_of: row.get(2)?,
            trigger: row.get(3)?,
            erased: row.get::<_, i64>(4)? as u64,
            kept: row.get::<_, i64>(5)? as u64,
            receipt_ids: serde_json::from_str(&receipts).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn last_run_at(conn: &Connection) -> Result<Option<String>> {
    Ok(conn
        .query_row("SELECT max(started_at) FROM retention_runs", [], |row| {
            row.get::<_, Option<String>>(0)
        })
        .optional()?
        .flatten())
}
