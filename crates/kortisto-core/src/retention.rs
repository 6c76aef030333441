//! Retention (R5, notice §8): the rules as data with their legal references, each person's
//! retention status ("kept because X until DATE" or "due for deletion on DATE by rule R"),
//! a preview at any date, and runs that erase whoever is due through the same erasure code
//! as a request, leaving a run record of ids and counts only.
//!
//! The clock that decides is the latest of: the end of the person's last position, the last
//! meeting they took part in, when their data was first obtained (each + the `no-ties`
//! period, 36 months by default), and the end of their last contract or consent (+ the
//! `contract-or-consent` period, 12 months). A contract in force, an open deal, consent in
//! force or a current position keeps a person with no date at all; a legal hold on them, a
//! deal of theirs or an organisation they work or worked for keeps them until the hold ends.
use std::collections::HashMap;

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::erasure::{erase_person, ErasureReceipt};
use crate::{ids, store, validate, Clock, Error, Language, Register, Result};

/// A retention rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RetentionRule {
    /// `no-ties`, `contract-or-consent` or `web-analytics`.
    pub rule_id: String,
    /// The period in months.
    pub months: u32,
    /// The legal or policy reference (Finnish).
    pub reference_fi: String,
    /// The legal or policy reference (English).
    pub reference_en: String,
    /// Last changed.
    pub updated_at: String,
}

/// A change to a rule.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct RetentionRuleInput {
    /// Which rule.
    pub rule_id: String,
    /// New period in months (1–1200).
    pub months: u32,
    /// Reference (Finnish).
    pub reference_fi: String,
    /// Reference (English).
    pub reference_en: String,
}

/// A legal hold that affects a person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct HoldInfo {
    /// Why.
    pub reason: String,
    /// Until when (ISO).
    pub until_on: String,
}

/// One person's retention status at a date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct RetentionStatus {
    /// The person.
    pub person_id: String,
    /// Surname.
    pub surname: String,
    /// First name.
    pub first_name: String,
    /// What decides: `current-position`, `active-contract`, `open-deal`, `consent-in-force`
    /// (kept with no date), or `position-end`, `last-meeting`, `data-obtained`,
    /// `contract-end`, `consent-end` (kept until the due date).
    pub deciding: String,
    /// The date of what decides (ISO), when it has one.
    pub deciding_date: Option<String>,
    /// The rule that sets the due date (`no-ties` or `contract-or-consent`).
    pub rule: Option<String>,
    /// When the person is due for deletion (ISO); none while something keeps them.
    pub due_on: Option<String>,
    /// A legal hold that keeps them past the due date.
    pub legal_hold: Option<HoldInfo>,
    /// Whether they are due at the date asked about.
    pub due: bool,
}

impl RetentionStatus {
    /// "kept because X until DATE" / "due for deletion on DATE (rule R)", in a language.
    pub fn describe(&self, language: Language) -> String {
        let fi = language == Language::Fi;
        let what = |code: &str| -> &'static str {
            match (code, fi) {
                ("current-position", true) => "voimassa oleva tehtävä asiakasorganisaatiossa",
                ("current-position", false) => "a current position at a customer organisation",
                ("active-contract", true) => "voimassa oleva sopimus",
                ("active-contract", false) => "a contract in force",
                ("open-deal", true) => "avoin kauppa",
                ("open-deal", false) => "an open deal",
                ("consent-in-force", true) => "voimassa oleva suostumus",
                ("consent-in-force", false) => "consent in force",
                ("position-end", true) => "viimeisen tehtävän päättyminen",
                ("position-end", false) => "the end of the last position",
                ("last-meeting", true) => "viimeisin tapaaminen",
                ("last-meeting", false) => "the last meeting",
                ("data-obtained", true) => "tietojen saantipäivä",
                ("data-obtained", false) => "when the data was obtained",
                ("contract-end", true) => "sopimuksen päättyminen",
                ("contract-end", false) => "the end of the contract",
                ("consent-end", true) => "suostumuksen päättyminen",
                (_, _) => "the end of the consent",
            }
        };
        let date = |iso: &str| {
            iso.parse()
                .map(crate::format_finnish)
                .unwrap_or_else(|_| iso.to_string())
        };
        let hold = self.legal_hold.as_ref().map(|h| {
            if fi {
                format!(
                    "; säilytysvelvoite \"{}\" {} asti",
                    h.reason,
                    date(&h.until_on)
                )
            } else {
                format!("; legal hold \"{}\" until {}", h.reason, date(&h.until_on))
            }
        });
        let hold = hold.unwrap_or_default();
        match (&self.due_on, self.due, fi) {
            (None, _, true) => format!("Säilytetään: {}{hold}", what(&self.deciding)),
            (None, _, false) => format!("Kept because of {}{hold}", what(&self.deciding)),
            (Some(on), true, true) => format!(
                "Poistettava {} (sääntö {}, ratkaiseva: {}){hold}",
                date(on),
                self.rule.as_deref().unwrap_or(""),
                what(&self.deciding)
            ),
            (Some(on), true, false) => format!(
                "Due for deletion on {} (rule {}, deciding: {}){hold}",
                date(on),
                self.rule.as_deref().unwrap_or(""),
                what(&self.deciding)
            ),
            (Some(on), false, true) => format!(
                "Säilytetään {} asti: {}{hold}",
                date(on),
                what(&self.deciding)
            ),
            (Some(on), false, false) => format!(
                "Kept until {} because of {}{hold}",
                date(on),
                what(&self.deciding)
            ),
        }
    }
}

/// What a preview or a run covers.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RetentionPreview {
    /// The date asked about (ISO).
    pub as_of: String,
    /// People due for deletion at that date.
    pub due: Vec<RetentionStatus>,
    /// How many people are kept.
    #[ts(type = "number")]
    pub kept: u64,
    /// The rules applied.
    pub rules: Vec<RetentionRule>,
    /// Web-analytics data: Kortisto stores none, so the 26-month rule has nothing to delete.
    pub web_analytics_note: String,
}

/// A finished run.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RetentionRun {
    /// Id.
    pub run_id: String,
    /// When it started.
    pub started_at: String,
    /// As of which date.
    pub as_of: String,
    /// `manual`, `automatic` or `cli`.
    pub trigger: String,
    /// How many were erased.
    #[ts(type = "number")]
    pub erased: u64,
    /// How many were kept.
    #[ts(type = "number")]
    pub kept: u64,
    /// The erasure receipts (ids).
    pub receipt_ids: Vec<String>,
}

/// The per-person facts retention decides on (from one pass over the register).
#[derive(Debug, Clone, Default)]
pub(crate) struct RetentionFacts {
    pub person_id: String,
    pub surname: String,
    pub first_name: String,
    pub obtained_on: Option<NaiveDate>,
    pub last_position_end: Option<NaiveDate>,
    pub current_positions: u32,
    pub last_meeting: Option<NaiveDate>,
    pub last_contract_end: Option<NaiveDate>,
    pub active_contracts: u32,
    pub open_deals: u32,
    pub consent_in_force: bool,
    pub last_consent_end: Option<NaiveDate>,
    pub hold_keys: Vec<(String, String)>,
}

fn plus(date: NaiveDate, months: u32) -> NaiveDate {
    date.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

/// Decides one person's status at `as_of`.
pub(crate) fn decide(
    facts: &RetentionFacts,
    as_of: NaiveDate,
    no_ties_months: u32,
    contract_months: u32,
    holds: &HashMap<(String, String), (String, NaiveDate)>,
) -> RetentionStatus {
    let mut status = RetentionStatus {
        person_id: facts.person_id.clone(),
        surname: facts.surname.clone(),
        first_name: facts.first_name.clone(),
        deciding: String::new(),
        deciding_date: None,
        rule: None,
        due_on: None,
        legal_hold: None,
        due: false,
    };
    let keeper = if facts.active_contracts > 0 {
        Some("active-contract")
    } else if facts.open_deals > 0 {
        Some("open-deal")
    } else if facts.consent_in_force {
        Some("consent-in-force")
    } else if facts.current_positions > 0 {
        Some("current-position")
    } else {
        None
    };
    if let Some(keeper) = keeper {
        status.deciding = keeper.into();
        return status;
    }
    let candidates = [
        (
            "position-end",
            facts.last_position_end,
            no_ties_months,
            "no-ties",
        ),
        (
            "last-meeting",
            facts.last_meeting,
            no_ties_months,
            "no-ties",
        ),
        (
            "data-obtained",
            facts.obtained_on,
            no_ties_months,
            "no-ties",
        ),
        (
            "contract-end",
            facts.last_contract_end,
            contract_months,
            "contract-or-consent",
        ),
        (
            "consent-end",
            facts.last_consent_end,
            contract_months,
            "contract-or-consent",
        ),
    ];
    let (deciding, date, months, rule) = candidates
        .into_iter()
        .filter_map(|(what, date, months, rule)| date.map(|d| (what, d, months, rule)))
        .max_by_key(|(_, date, months, _)| plus(*date, *months))
        .unwrap_or(("data-obtained", as_of, no_ties_months, "no-ties"));
    let mut due_on = plus(date, months);
    // A hold keeps the person until the day after it ends; shown while it still matters.
    for (reason, until) in facts.hold_keys.iter().filter_map(|key| holds.get(key)) {
        if let Some(after) = until.succ_opt() {
            due_on = due_on.max(after);
        }
        let stronger = status
            .legal_hold
            .as_ref()
            .map(|h| h.until_on.as_str() < until.to_string().as_str())
            .unwrap_or(true);
        if *until >= as_of && stronger {
            status.legal_hold = Some(HoldInfo {
                reason: reason.clone(),
                until_on: until.to_string(),
            });
        }
    }
    status.deciding = deciding.into();
    status.deciding_date = Some(date.to_string());
    status.rule = Some(rule.into());
    status.due_on = Some(due_on.to_string());
    status.due = due_on <= as_of;
    status
}

fn rule_months(rules: &[RetentionRule], id: &str, default: u32) -> u32 {
    rules
        .iter()
        .find(|r| r.rule_id == id)
        .map(|r| r.months)
        .unwrap_or(default)
}

pub(crate) fn statuses(
    conn: &rusqlite::Connection,
    as_of: NaiveDate,
    only: Option<&str>,
) -> Result<(Vec<RetentionStatus>, Vec<RetentionRule>)> {
    let rules = store::retention::rules(conn)?;
    let no_ties = rule_months(&rules, "no-ties", 36);
    let contract = rule_months(&rules, "contract-or-consent", 12);
    let holds = store::retention::active_holds(conn)?;
    let facts = store::retention::facts(conn, as_of, only)?;
    Ok((
        facts
            .iter()
            .map(|f| decide(f, as_of, no_ties, contract, &holds))
            .collect(),
        rules,
    ))
}

/// How far past the register's newest activity the clock may be before retention stops and
/// asks an administrator: a year and a day, longer than any ordinary pause in use.
pub const CLOCK_GAP_DAYS: i64 = 366;

const WEB_ANALYTICS_NOTE_FI: &str =
    "Kortisto ei tallenna verkkoanalytiikkaa, joten 26 kuukauden säännöllä ei ole poistettavaa.";
const WEB_ANALYTICS_NOTE_EN: &str =
    "Kortisto stores no web-analytics data, so the 26-month rule has nothing to delete.";

impl Register {
    /// The retention rules (admin).
    pub fn retention_rules(&self, session: &Session) -> Result<Vec<RetentionRule>> {
        self.authorize(session, Action::RetentionPreview)?;
        store::retention::rules(&self.conn)
    }

    /// Changes a rule's period and reference (admin).
    pub fn retention_rule_set(
        &mut self,
        session: &Session,
        input: &RetentionRuleInput,
        clock: &dyn Clock,
    ) -> Result<RetentionRule> {
        self.write(Some(session), Action::RetentionRuleSet, clock, |tx| {
            if !(1..=1200).contains(&input.months) {
                return Err(Error::SettingInvalid {
                    setting: "months".into(),
                    min: 1,
                    max: 1200,
                });
            }
            let fi = validate::required("reference_fi", &input.reference_fi, 500)?;
            let en = validate::required("reference_en", &input.reference_en, 500)?;
            if !store::retention::set_rule(
                tx,
                &input.rule_id,
                input.months,
                &fi,
                &en,
                &session.user_id,
                &ids::timestamp(clock),
            )? {
                return Err(Error::FieldInvalid {
                    field: "rule_id".into(),
                    rule: "retention_rule".into(),
                });
            }
            let rule = store::retention::rules(tx)?
                .into_iter()
                .find(|r| r.rule_id == input.rule_id)
                .expect("just set");
            Ok((rule, Audited::record("retention_rule", &input.rule_id)))
        })
    }

    /// One person's retention status today (every role that may see the person).
    pub fn retention_status(
        &self,
        session: &Session,
        person_id: &str,
        clock: &dyn Clock,
    ) -> Result<RetentionStatus> {
        self.authorize(session, Action::PersonView)?;
        let (mut found, _) = statuses(&self.conn, clock.now().date_naive(), Some(person_id))?;
        found
            .pop()
            .ok_or_else(|| crate::people::not_found("person", person_id))
    }

    /// Who would be deleted at `as_of`, by which rule (admin).
    pub fn retention_preview(
        &self,
        session: &Session,
        as_of: NaiveDate,
        language: Language,
    ) -> Result<RetentionPreview> {
        self.authorize(session, Action::RetentionPreview)?;
        let (all, rules) = statuses(&self.conn, as_of, None)?;
        let kept = all.iter().filter(|s| !s.due).count() as u64;
        Ok(RetentionPreview {
            as_of: as_of.to_string(),
            due: all.into_iter().filter(|s| s.due).collect(),
            kept,
            rules,
            web_analytics_note: match language {
                Language::Fi => WEB_ANALYTICS_NOTE_FI,
                Language::En => WEB_ANALYTICS_NOTE_EN,
            }
            .into(),
        })
    }

    /// Erases everyone due today (admin, or the app's automatic run with no session), in
    /// committed batches of whole people, so a cancelled run leaves everything consistent.
    /// `progress(done, total)` is called after each batch; returning `false` stops the run.
    ///
    /// Erasure cannot be undone, so the run trusts the clock only when it looks right: a
    /// clock earlier than the last run, or more than [`CLOCK_GAP_DAYS`] past the register's
    /// newest activity, stops the run with `clock_suspect` until an administrator has
    /// checked the clock and runs it with `clock_confirmed`.
    pub fn retention_run(
        &mut self,
        session: Option<&Session>,
        trigger: &str,
        clock_confirmed: bool,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(u64, u64) -> bool,
    ) -> Result<RetentionRun> {
        if let Some(session) = session {
            self.authorize(session, Action::RetentionRun)?;
        }
        if !(clock_confirmed && session.is_some()) {
            self.check_clock_for_retention(clock)?;
        }
        let actor = session.map(|s| s.user_id.clone());
        let as_of = clock.now().date_naive();
        let (all, _) = statuses(&self.conn, as_of, None)?;
        let kept = all.iter().filter(|s| !s.due).count() as u64;
        let due: Vec<String> = all
            .into_iter()
            .filter(|s| s.due)
            .map(|s| s.person_id)
            .collect();
        let total = due.len() as u64;
        let mut receipts: Vec<ErasureReceipt> = Vec::new();
        let run_id = ids::new_id(clock);
        for batch in due.chunks(200) {
            // Each person erased is an erasure of its own in the audit trail.
            let erased = self.write(session, Action::Erase, clock, |tx| {
                // No one is there to redact: the matches wait as the admin's to-do. One pass
                // over the free text finds the names of the whole batch.
                let ids: Vec<&str> = batch.iter().map(String::as_str).collect();
                let found = crate::redaction::find_many(tx, &ids, None)?;
                let erased = batch
                    .iter()
                    .zip(found)
                    .map(|(person_id, matches)| {
                        let receipt = erase_person(
                            tx,
                            actor.as_deref(),
                            person_id,
                            &matches,
                            None,
                            "retention",
                            clock,
                        )?;
                        crate::redaction::keep_todos(
                            tx,
                            &matches,
                            Some(&run_id),
                            &receipt.receipt_id,
                            clock,
                        )?;
                        Ok(receipt)
                    })
                    .collect::<Result<Vec<_>>>()?;
                let ids = erased.iter().map(|receipt| receipt.person_id.as_str());
                let audited = Audited::records("person", ids);
                Ok((erased, audited))
            })?;
            receipts.extend(erased);
            if !progress(receipts.len() as u64, total) {
                break;
            }
        }
        let run = RetentionRun {
            run_id,
            started_at: ids::timestamp(clock),
            as_of: as_of.to_string(),
            trigger: trigger.to_string(),
            erased: receipts.len() as u64,
            kept,
            receipt_ids: receipts.iter().map(|r| r.receipt_id.clone()).collect(),
        };
        self.write(session, Action::RetentionRun, clock, |tx| {
            store::retention::insert_run(tx, &run, actor.as_deref())?;
            Ok(((), Audited::record("retention_run", &run.run_id)))
        })?;
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(run)
    }

    /// Refuses a clock that is earlier than the last run, or far past the newest activity
    /// (the newest audit entry more than a day old, so this session's own log-in does not
    /// count as evidence for the clock it was written with).
    fn check_clock_for_retention(&self, clock: &dyn Clock) -> Result<()> {
        let now = clock.now();
        let suspect =
            |reason: &str, reference: chrono::DateTime<chrono::Utc>| Error::ClockSuspect {
                reason: reason.to_string(),
                now: now.date_naive().to_string(),
                reference: reference.date_naive().to_string(),
            };
        let parse = |text: Option<String>| {
            text.and_then(|t| t.parse::<chrono::DateTime<chrono::Utc>>().ok())
        };
        if let Some(last) = parse(store::retention::last_run_at(&self.conn)?) {
            if now < last {
                return Err(suspect("behind_last_run", last));
            }
        }
        let day_ago = now - chrono::Duration::days(1);
        if let Some(newest) = parse(store::audit::newest_before(
            &self.conn,
            &day_ago.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        )?) {
            if now - newest > chrono::Duration::days(CLOCK_GAP_DAYS) {
                return Err(suspect("far_past_newest_data", newest));
            }
        }
        Ok(())
    }

    /// Past runs, newest first (admin).
    pub fn retention_runs(&self, session: &Session) -> Result<Vec<RetentionRun>> {
        self.authorize(session, Action::RetentionPreview)?;
        store::retention::runs(&self.conn)
    }

    /// When retention last ran (for the app's 24-hour schedule).
    pub fn retention_last_run_at(&self) -> Result<Option<String>> {
        store::retention::last_run_at(&self.conn)
    }
}
