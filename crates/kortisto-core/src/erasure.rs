//! Erasure (R7, Art. 17): removing a person with all their personal data — contact data,
//! positions, sources, consent events, disclosures, rectification history, search-index
//! entries, their part in meetings and deals — unless contractual obligations or a legal
//! hold remain, in which case the blockers and the earliest possible date are named.
//!
//! What stays: the meetings and deals themselves for the other participants (free text that
//! names the person is found by `crate::redaction`, for the administrator to redact first), the audit trail (ids
//! only), and an id-only erasure receipt. To honour a marketing opt-out after the erasure,
//! each of the person's e-mail addresses is kept as a salted SHA-256 hash in
//! `marketing_suppression`; the salt is random per register and never leaves it. A later
//! business card with the same address is warned. The search index deletes terms at once
//! (FTS5 secure-delete), the erasure ends by checkpointing the WAL (TRUNCATE), and `secure_delete` zeroes freed pages, so
//! no erased value stays readable in the database file, its indexes or its free pages.
use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::people::not_found;
use crate::requests::RequestStatus;
use crate::{ids, store, Clock, Error, Register, Result};

/// Something that stops an erasure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum ErasureBlocker {
    /// A delivery or service contract in force that the person is party to.
    ActiveContract {
        /// The deal.
        deal_id: String,
        /// Its title.
        title: String,
        /// When it ends (ISO), if known.
        end_on: Option<String>,
    },
    /// An open deal (offer, lead, request) the person is party to.
    OpenDeal {
        /// The deal.
        deal_id: String,
        /// Its title.
        title: String,
    },
    /// A legal hold on the person, a deal they are party to or an organisation they work or
    /// worked for (lifted holds and holds that ran out do not count).
    LegalHold {
        /// The hold.
        legal_hold_id: String,
        /// Why.
        reason: String,
        /// Until when (ISO).
        until_on: String,
    },
}

impl ErasureBlocker {
    /// One line for a person, in Finnish or English.
    pub fn describe(&self, fi: bool) -> String {
        match (self, fi) {
            (Self::ActiveContract { title, end_on, .. }, true) => {
                format!(
                    "voimassa oleva sopimus \"{title}\"{}",
                    end_on
                        .as_ref()
                        .map(|d| format!(" (päättyy {d})"))
                        .unwrap_or_default()
                )
            }
            (Self::ActiveContract { title, end_on, .. }, false) => {
                format!(
                    "the contract in force \"{title}\"{}",
                    end_on
                        .as_ref()
                        .map(|d| format!(" (ends {d})"))
                        .unwrap_or_default()
                )
            }
            (Self::OpenDeal { title, .. }, true) => format!("avoin kauppa \"{title}\""),
            (Self::OpenDeal { title, .. }, false) => format!("the open deal \"{title}\""),
            (
                Self::LegalHold {
                    reason, until_on, ..
                },
                true,
            ) => format!("säilytysvelvoite \"{reason}\" {until_on} asti"),
            (
                Self::LegalHold {
                    reason, until_on, ..
                },
                false,
            ) => format!("the legal hold \"{reason}\" until {until_on}"),
        }
    }

    /// The first day this blocker no longer applies, when known.
    fn ends_after(&self) -> Option<NaiveDate> {
        let date = match self {
            Self::ActiveContract { end_on, .. } => end_on.as_deref()?,
            Self::OpenDeal { .. } => return None,
            Self::LegalHold { until_on, .. } => until_on,
        };
        date.parse::<NaiveDate>()
            .ok()
            .map(|d| d + chrono::Duration::days(1))
    }
}

/// A legal hold: what it keeps, why and until when, and whether it was lifted (lifted holds
/// are kept, with who lifted them, when and why).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct LegalHold {
    /// Id.
    pub legal_hold_id: String,
    /// `person`, `organisation` or `deal`.
    pub record_kind: String,
    /// The record held.
    pub record_id: String,
    /// Its name or title (none when it no longer exists).
    pub record_name: Option<String>,
    /// Why.
    pub reason: String,
    /// Until when (ISO).
    pub until_on: String,
    /// Who put it (user id).
    pub created_by: String,
    /// Their display name.
    pub created_by_name: String,
    /// When (RFC 3339).
    pub created_at: String,
    /// When it was lifted (RFC 3339), if it was.
    pub lifted_at: Option<String>,
    /// Who lifted it (user id).
    pub lifted_by: Option<String>,
    /// Their display name.
    pub lifted_by_name: Option<String>,
    /// Why it was lifted.
    pub lift_reason: Option<String>,
}

/// How much an erasure removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, serde::Deserialize, ts_rs::TS)]
pub struct ErasureCounts {
    /// Contact data.
    pub contacts: u64,
    /// Positions.
    pub positions: u64,
    /// Source records.
    pub sources: u64,
    /// Consent events.
    pub consent_events: u64,
    /// Disclosures.
    pub disclosures: u64,
    /// History entries.
    pub history_entries: u64,
    /// Meetings the person was removed from.
    pub meetings_unlinked: u64,
    /// Deals the person was removed from.
    pub deals_unlinked: u64,
    /// Service elements no longer registered to them.
    pub service_elements_unlinked: u64,
    /// E-mail addresses kept as suppression hashes.
    pub suppression_hashes: u64,
}

/// A record whose free text still named the erased person when they were erased (see
/// `crate::redaction`; an administrator redacts before erasing, retention cannot). Told in
/// words by its kind, its day and whose it is, never by its free text (which names them).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct NoteToReview {
    /// `meeting`, `deal`, `request`, … (as `NameMatch::link_kind`).
    pub record_kind: String,
    /// Its id.
    pub record_id: String,
    /// Its day or time: a meeting's time (RFC 3339), a deal's or a position's start, the day a
    /// request arrived, a hold's end, a disclosure's day (`YYYY-MM-DD`); none when it has none.
    pub on: Option<String>,
    /// Whose it is: the organisation of a meeting, a deal, a position or a hold, the person of
    /// another person's history; none when that would be the erased person.
    pub of: Option<String>,
}

impl NoteToReview {
    /// The record in words (`Tapaaminen 27.11.2026, Rakennus Oy`), as the CLI and the
    /// receipt show it.
    pub fn words(&self, language: crate::Language) -> String {
        let fi = language == crate::Language::Fi;
        let kind = match (self.record_kind.as_str(), fi) {
            ("meeting", true) => "Tapaaminen",
            ("meeting", false) => "Meeting",
            ("deal", true) => "Kauppa",
            ("deal", false) => "Deal",
            ("request", true) => "Pyyntö",
            ("request", false) => "Request",
            ("legal_hold", true) => "Säilytysvelvoite",
            ("legal_hold", false) => "Legal hold",
            ("position", true) => "Työpaikka",
            ("position", false) => "Position",
            ("disclosure", true) => "Luovutus",
            ("disclosure", false) => "Disclosure",
            ("consent_event", true) => "Suostumus",
            ("consent_event", false) => "Consent",
            ("source", true) => "Lähde",
            ("source", false) => "Source",
            ("person", true) => "Henkilön muutoshistoria",
            ("person", false) => "History of a person",
            ("organisation", true) => "Organisaation muutoshistoria",
            ("organisation", false) => "History of an organisation",
            (_, true) => "Tietue",
            (_, false) => "Record",
        };
        let mut text = kind.to_string();
        if let Some(day) = self
            .on
            .as_deref()
            .and_then(|on| on.get(..10))
            .and_then(|day| day.parse().ok())
        {
            text.push(' ');
            text.push_str(&crate::format_finnish(day));
        }
        if let Some(of) = &self.of {
            text.push_str(", ");
            text.push_str(of);
        }
        text
    }
}

/// The proof of an erasure: ids, date, administrator and counts — no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ErasureReceipt {
    /// Receipt id.
    pub receipt_id: String,
    /// The erased person's id.
    pub person_id: String,
    /// The request it answers.
    pub request_id: Option<String>,
    /// When.
    pub erased_at: String,
    /// By whom (user id; none when retention or a restore erased automatically).
    pub erased_by: Option<String>,
    /// `request` or `retention`.
    pub reason: String,
    /// What was removed.
    pub counts: ErasureCounts,
    /// Notes to read through (ids only).
    pub notes_to_review: Vec<NoteToReview>,
}

/// What blocks erasing a person today, and the earliest date it becomes possible.
pub(crate) fn blockers(
    conn: &Connection,
    person_id: &str,
    today: NaiveDate,
) -> Result<(Vec<ErasureBlocker>, Option<String>)> {
    let blockers = store::erasure::erasure_blockers(conn, person_id, &today.to_string())?;
    let earliest = if blockers.is_empty() {
        None
    } else {
        blockers
            .iter()
            .map(ErasureBlocker::ends_after)
            .collect::<Option<Vec<_>>>()
            .and_then(|dates| dates.into_iter().max())
            .map(|d| d.to_string())
    };
    Ok((blockers, earliest))
}

/// The salted hash an e-mail address is suppressed under.
pub(crate) fn suppression_hash(conn: &Connection, email: &str) -> Result<String> {
    let salt = store::consent::suppression_salt(conn)?;
    let mut hasher = Sha256::new();
    hasher.update(salt.as_bytes());
    hasher.update(email.trim().to_lowercase().as_bytes());
    Ok(data_encoding::HEXLOWER.encode(&hasher.finalize()))
}

/// Removes one person inside the caller's transaction and returns the receipt; the caller's
/// write records the erasure.
/// `matches` are the free-text fields still naming the person (`crate::redaction::find`).
#[allow(clippy::too_many_arguments)]
pub(crate) fn erase_person(
    tx: &Connection,
    actor: Option<&str>,
    person_id: &str,
    matches: &[crate::redaction::NameMatch],
    request_id: Option<&str>,
    reason: &str,
    clock: &dyn Clock,
) -> Result<ErasureReceipt> {
    let person =
        store::people::person(tx, person_id)?.ok_or_else(|| not_found("person", person_id))?;
    let (found, earliest_on) = blockers(tx, person_id, clock.now().date_naive())?;
    if !found.is_empty() {
        return Err(Error::ErasureBlocked {
            blockers: found,
            earliest_on,
        });
    }
    let mut notes_to_review: Vec<NoteToReview> = Vec::new();
    for m in matches {
        if notes_to_review
            .iter()
            .any(|n| n.record_kind == m.link_kind && n.record_id == m.link_id)
        {
            continue;
        }
        let (on, of) = store::erasure::note_words(tx, &m.link_kind, &m.link_id)?;
        notes_to_review.push(NoteToReview {
            record_kind: m.link_kind.clone(),
            record_id: m.link_id.clone(),
            on,
            of,
        });
    }
    // Until an administrator corrects their text, and when they do, the history of these
    // records keeps no copy of text that may name the person.
    for note in &notes_to_review {
        store::erasure::mark_for_review(tx, &note.record_kind, &note.record_id)?;
    }
    // Before the links go: the history of their meetings and deals may name them.
    let scrubbed =
        store::erasure::scrub_history_naming(tx, person_id, &person.surname, &person.first_name)?;
    let mut hashes = Vec::new();
    for email in store::erasure::emails_of(tx, person_id)? {
        hashes.push(suppression_hash(tx, &email)?);
    }
    let now = ids::timestamp(clock);
    let mut counts = store::erasure::delete_person_data(tx, person_id)?;
    counts.history_entries += scrubbed;
    for hash in &hashes {
        store::consent::insert_suppression(tx, hash, &now)?;
    }
    counts.suppression_hashes = hashes.len() as u64;
    store::search::delete_search_row(tx, person_id)?;
    let receipt = ErasureReceipt {
        receipt_id: ids::new_id(clock),
        person_id: person_id.to_string(),
        request_id: request_id.map(str::to_string),
        erased_at: now.clone(),
        erased_by: actor.map(str::to_string),
        reason: reason.to_string(),
        counts,
        notes_to_review,
    };
    store::erasure::insert_receipt(tx, &receipt)?;
    if let Some(request) = request_id {
        store::requests::close(
            tx,
            request,
            RequestStatus::Done,
            &clock.now().date_naive().to_string(),
            &format!("erasure receipt {}", receipt.receipt_id),
        )?;
    }
    Ok(receipt)
}

/// Erases again, in a restored register, a person the live ledger says was erased after the
/// backup: the name scanner's matches marked for review and the history of their meetings
/// and deals that names them dropped, as the erasure did, before their data goes. Otherwise
/// the backup's history would bring their name back.
///
/// The fields still naming them are the administrator's to-dos: the backup's text names
/// them again even where it was redacted since.
pub(crate) fn reapply_erasure(
    tx: &Connection,
    receipt: &ErasureReceipt,
    clock: &dyn Clock,
) -> Result<()> {
    let person_id = receipt.person_id.as_str();
    let Some(person) = store::people::person(tx, person_id)? else {
        return Ok(());
    };
    let matches = crate::redaction::find(tx, person_id)?;
    for m in &matches {
        store::erasure::mark_for_review(tx, &m.link_kind, &m.link_id)?;
    }
    crate::redaction::keep_todos(tx, &matches, None, &receipt.receipt_id, clock)?;
    store::erasure::scrub_history_naming(tx, person_id, &person.surname, &person.first_name)?;
    store::erasure::delete_person_data(tx, person_id)?;
    store::search::delete_search_row(tx, person_id)?;
    Ok(())
}

/// Whether an e-mail address belongs to someone who was erased (their opt-out stands).
pub(crate) fn email_suppressed(conn: &Connection, email: &str) -> Result<bool> {
    // No salt yet means no one was ever erased; do not create one on a read.
    if store::users::setting(conn, "suppression_salt")?.is_none() {
        return Ok(false);
    }
    let hash = suppression_hash(conn, email)?;
    store::consent::is_suppressed(conn, &hash)
}

impl Register {
    /// What would block erasing this person today (admin).
    pub fn erasure_check(
        &self,
        session: &Session,
        person_id: &str,
        clock: &dyn Clock,
    ) -> Result<Vec<ErasureBlocker>> {
        self.authorize(session, Action::Erase)?;
        store::people::person(&self.conn, person_id)?
            .ok_or_else(|| not_found("person", person_id))?;
        Ok(blockers(&self.conn, person_id, clock.now().date_naive())?.0)
    }

    /// Erases a person (admin), linked to a request when there is one. Refused with the
    /// blockers named while contracts, open deals or legal holds remain.
    pub fn erase(
        &mut self,
        session: &Session,
        person_id: &str,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<ErasureReceipt> {
        let receipt = self.write(Some(session), Action::Erase, clock, |tx| {
            if let Some(request) = request_id {
                store::requests::request(tx, request)?
                    .ok_or_else(|| not_found("request", request))?;
            }
            store::people::person(tx, person_id)?.ok_or_else(|| not_found("person", person_id))?;
            let matches = crate::redaction::find(tx, person_id)?;
            let receipt = erase_person(
                tx,
                Some(&session.user_id),
                person_id,
                &matches,
                request_id,
                "request",
                clock,
            )?;
            Ok((receipt, Audited::record("person", person_id)))
        })?;
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        Ok(receipt)
    }

    /// Puts a legal hold on a person, an organisation or a deal until `until_on` (admin).
    pub fn legal_hold_add(
        &mut self,
        session: &Session,
        record_kind: &str,
        record_id: &str,
        reason: &str,
        until_on: &str,
        clock: &dyn Clock,
    ) -> Result<String> {
        self.write(Some(session), Action::LegalHoldAdd, clock, |tx| {
            let reason = crate::validate::required("reason", reason, 500)?;
            let until = crate::date::parse_date("until_on", until_on)?;
            let exists = match record_kind {
                "person" => store::people::person(tx, record_id)?.is_some(),
                "organisation" => store::organisations::organisation(tx, record_id)?.is_some(),
                "deal" => store::deals::deal(tx, record_id)?.is_some(),
                _ => {
                    return Err(Error::FieldInvalid {
                        field: "record_kind".into(),
                        rule: "record_kind".into(),
                    })
                }
            };
            if !exists {
                return Err(not_found(record_kind, record_id));
            }
            let id = ids::new_id(clock);
            store::erasure::insert_legal_hold(
                tx,
                &id,
                record_kind,
                record_id,
                &reason,
                &until.to_string(),
                &session.user_id,
                &ids::timestamp(clock),
            )?;
            let audited = Audited::record(record_kind, record_id);
            Ok((id, audited))
        })
    }

    /// Every legal hold, those in force first, lifted ones after them (admin).
    pub fn legal_hold_list(&self, session: &Session) -> Result<Vec<LegalHold>> {
        self.authorize(session, Action::LegalHoldList)?;
        store::erasure::legal_holds(&self.conn)
    }

    /// Lifts a legal hold with a reason (admin). The hold is kept, marked lifted with who,
    /// when and why; it no longer blocks erasure or retention.
    pub fn legal_hold_lift(
        &mut self,
        session: &Session,
        legal_hold_id: &str,
        reason: &str,
        clock: &dyn Clock,
    ) -> Result<LegalHold> {
        self.write(Some(session), Action::LegalHoldLift, clock, |tx| {
            let hold = store::erasure::legal_hold(tx, legal_hold_id)?.ok_or_else(|| {
                Error::LegalHoldNotFound {
                    legal_hold_id: legal_hold_id.to_string(),
                }
            })?;
            if let Some(lifted_at) = hold.lifted_at {
                return Err(Error::LegalHoldAlreadyLifted {
                    legal_hold_id: legal_hold_id.to_string(),
                    lifted_at,
                });
            }
            let reason = crate::validate::required("reason", reason, 500)?;
            store::erasure::lift_legal_hold(
                tx,
                legal_hold_id,
                &reason,
                &session.user_id,
                &ids::timestamp(clock),
            )?;
            let lifted = store::erasure::legal_hold(tx, legal_hold_id)?.ok_or_else(|| {
                Error::LegalHoldNotFound {
                    legal_hold_id: legal_hold_id.to_string(),
                }
            })?;
            let audited = Audited::record("legal_hold", legal_hold_id);
            Ok((lifted, audited))
        })
    }

    /// Every erasure receipt, newest first (admin).
    pub fn erasure_receipts(&self, session: &Session) -> Result<Vec<ErasureReceipt>> {
        self.authorize(session, Action::Erase)?;
        store::erasure::receipts(&self.conn)
    }
}
