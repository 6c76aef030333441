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
        "SELECT record_kind, record_id, reason, until_on FROM legal_holds WHERE lifted_at IS NULL ORDER BY until_on",
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

/// The facts of every person (or one), as of a date: one scan of people and one grouped
/// scan each of positions, deals and consent events, merged here — no join of a million
/// meetings (each person carries the date of their newest meeting).
pub(crate) fn facts(
    conn: &Connection,
    as_of: NaiveDate,
    only: Option<&str>,
) -> Result<Vec<RetentionFacts>> {
    let as_of_text = as_of.to_string();
    let as_of_end = format!("{as_of_text}T23:59:59Z");
    // For one person the filter is a plain equality, so each scan uses its person index
    // (a `?2 IS NULL OR …` condition would scan the whole table for every person page).
    let person = |column: &str, param: &str| match only {
        Some(_) => format!("{column} = {param}"),
        None => format!("{param} IS NULL"),
    };
    let mut index: HashMap<String, usize> = HashMap::new();
    let mut facts: Vec<RetentionFacts> = Vec::new();
    {
        let mut statement = conn.prepare(&format!(
            "SELECT p.person_id, p.surname, p.first_name, s.obtained_on, p.last_meeting_at
             FROM people p JOIN sources s ON s.source_id = p.source_id
             WHERE {}",
            person("p.person_id", "?1")
        ))?;
        let mut rows = statement.query([only])?;
        while let Some(row) = rows.next()? {
            let person_id: String = row.get(0)?;
            let last_meeting: Option<String> = row.get(4)?;
            index.insert(person_id.clone(), facts.len());
            facts.push(RetentionFacts {
                person_id,
                surname: row.get(1)?,
                first_name: row.get(2)?,
                obtained_on: date(row.get(3)?),
                last_meeting: date(last_meeting.filter(|at| at.as_str() <= as_of_end.as_str())),
                ..Default::default()
            });
        }
    }
    let mut grouped =
        |sql: &str,
         apply: &mut dyn FnMut(&mut RetentionFacts, &rusqlite::Row<'_>) -> rusqlite::Result<()>|
         -> Result<()> {
            let mut statement = conn.prepare(sql)?;
            let mut rows = statement.query(params![as_of_text, only])?;
            while let Some(row) = rows.next()? {
                let person_id: String = row.get(0)?;
                if let Some(&i) = index.get(&person_id) {
                    apply(&mut facts[i], row)?;
                }
            }
            Ok(())
        };
    grouped(
        &format!(
            "SELECT person_id, max(end_on), sum(CASE WHEN end_on IS NULL OR end_on >= ?1 THEN 1 ELSE 0 END)
             FROM positions WHERE {} GROUP BY person_id",
            person("person_id", "?2")
        ),
        &mut |fact, row| {
            fact.last_position_end = date(row.get(1)?);
            fact.current_positions = row.get(2)?;
            Ok(())
        },
    )?;
    grouped(
        &format!(
        "SELECT dp.person_id,
                max(CASE WHEN d.kind IN ('delivery-contract', 'service-contract') AND d.end_on IS NOT NULL AND d.end_on < ?1
                         THEN d.end_on END),
                sum(CASE WHEN d.kind IN ('delivery-contract', 'service-contract') AND d.status = 'active'
                          AND (d.end_on IS NULL OR d.end_on >= ?1) THEN 1 ELSE 0 END),
                sum(CASE WHEN d.status = 'open' THEN 1 ELSE 0 END)
         FROM deal_people dp JOIN deals d ON d.deal_id = dp.deal_id
         WHERE {} GROUP BY dp.person_id",
            person("dp.person_id", "?2")
        ),
        &mut |fact, row| {
            fact.last_contract_end = date(row.get(1)?);
            fact.active_contracts = row.get(2)?;
            fact.open_deals = row.get(3)?;
            Ok(())
        },
    )?;
    // Consent events in the order they were recorded: the last one seen per person is the
    // one in force (a withdrawal recorded later always wins, on every device alike).
    grouped(
        &format!(
            "SELECT person_id, kind, at FROM consent_events
             WHERE purpose = 'direct-marketing' AND substr(at, 1, 10) <= ?1 AND {}
             ORDER BY person_id, {}",
            person("person_id", "?2"),
            crate::store::consent::RECORDED_ORDER
        ),
        &mut |fact, row| {
            let kind: String = row.get(1)?;
            let at: Option<String> = row.get(2)?;
            fact.consent_in_force = kind == "given";
            fact.last_consent_end = if kind == "withdrawn" { date(at) } else { None };
            Ok(())
        },
    )?;
    // Which holds touch whom: on the person, a deal of theirs, or an organisation they
    // work or worked for. Only records that have holds are looked up.
    let mut keys: HashMap<String, Vec<(String, String)>> = HashMap::new();
    let mut statement = conn.prepare(
        "SELECT record_id, 'person', record_id FROM legal_holds WHERE record_kind = 'person' AND lifted_at IS NULL
         UNION SELECT dp.person_id, 'deal', dp.deal_id FROM deal_people dp
               WHERE dp.deal_id IN (SELECT record_id FROM legal_holds WHERE record_kind = 'deal' AND lifted_at IS NULL)
         UNION SELECT ps.person_id, 'organisation', ps.organisation_id FROM positions ps
               WHERE ps.organisation_id IN (SELECT record_id FROM legal_holds WHERE record_kind = 'organisation' AND lifted_at IS NULL)",
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
