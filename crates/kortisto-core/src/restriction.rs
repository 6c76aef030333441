//! Restriction of processing (Art. 18) and objection (Art. 21) as states of a person: set,
//! lifted and recorded by an administrator, and the one check every other write calls.
//!
//! While a restriction is in force the person is left out of every marketing list and
//! export, and only an administrator may change their data or add data about them: every
//! write that does so calls [`ensure_may_change`] inside its transaction. A restriction stays
//! in force until it is lifted (Art. 18(3): the person is told first); its `until_on` is the
//! planned end, shown so that the administrator remembers to decide. An objection to a
//! marketing purpose withdraws the consent (a consent event, so the ledger shows it) and puts
//! the person's e-mail addresses on the suppression list, so they never return to marketing.
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Role, Session};
use crate::consent::{ConsentChannel, ConsentEvent, ConsentEventKind};
use crate::people::not_found;
use crate::{ids, store, validate, Clock, Error, Register, Result};

/// One restriction of processing, with its lifting once lifted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Restriction {
    /// Id.
    pub restriction_id: String,
    /// Whose processing is restricted.
    pub person_id: String,
    /// Why it was set.
    pub reason: String,
    /// In force from (ISO date).
    pub from_on: String,
    /// Planned end (ISO date), if known.
    pub until_on: Option<String>,
    /// Set by (user id).
    pub set_by: String,
    /// Their display name.
    pub set_by_name: String,
    /// When it was set.
    pub set_at: String,
    /// The request it answers.
    pub request_id: Option<String>,
    /// Why it was lifted (none while in force).
    pub lifted_reason: Option<String>,
    /// Lifted by (user id).
    pub lifted_by: Option<String>,
    /// Their display name.
    pub lifted_by_name: Option<String>,
    /// When it was lifted.
    pub lifted_at: Option<String>,
    /// The request the lift answers.
    pub lift_request_id: Option<String>,
}

/// A restriction as set.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct RestrictionInput {
    /// Whose processing.
    pub person_id: String,
    /// Why (e.g. "the person disputes the accuracy of their data").
    pub reason: String,
    /// In force from (`27.11.2026`); today when empty; not in the future.
    #[serde(default)]
    pub from_on: Option<String>,
    /// Planned end, if known.
    #[serde(default)]
    pub until_on: Option<String>,
}

/// A recorded objection.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Objection {
    /// Id.
    pub objection_id: String,
    /// Who objected.
    pub person_id: String,
    /// To which purpose (`direct-marketing`).
    pub purpose: String,
    /// What they said, if anything.
    pub reason: Option<String>,
    /// When they objected (ISO date).
    pub objected_on: String,
    /// Recorded by (user id).
    pub recorded_by: String,
    /// Their display name.
    pub recorded_by_name: String,
    /// When it was recorded.
    pub recorded_at: String,
    /// The request it answers.
    pub request_id: Option<String>,
}

/// An objection as recorded.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct ObjectionInput {
    /// Who objects.
    pub person_id: String,
    /// To which purpose.
    pub purpose: String,
    /// What they said.
    #[serde(default)]
    pub reason: Option<String>,
    /// When (`27.11.2026`); today when empty; not in the future.
    #[serde(default)]
    pub objected_on: Option<String>,
    /// How the objection arrived (the channel of the consent withdrawal it causes).
    pub channel: ConsentChannel,
}

/// What recording an objection did.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ObjectionRecorded {
    /// The objection.
    pub objection: Objection,
    /// The consent withdrawal it recorded (none when no consent was in force).
    pub consent_withdrawn: Option<ConsentEvent>,
    /// How many e-mail addresses went on the suppression list.
    #[ts(type = "number")]
    pub suppressed_emails: u64,
}

/// The one check of every write that changes a person's data or adds data about them: an
/// administrator may always, anyone else only while no restriction is in force
/// (`person_restricted`). Call it inside the write's transaction, for every person touched.
pub fn ensure_may_change(conn: &Connection, session: &Session, person_id: &str) -> Result<()> {
    let role = store::users::by_id(conn, &session.user_id)?
        .map(|row| row.user.role)
        .ok_or(Error::NotLoggedIn)?;
    if role == Role::Admin || store::restriction::in_force(conn, person_id)?.is_none() {
        return Ok(());
    }
    Err(Error::PersonRestricted {
        person_id: person_id.to_string(),
    })
}

/// Whether a restriction is in force on the person.
pub(crate) fn is_restricted(conn: &Connection, person_id: &str) -> Result<bool> {
    Ok(store::restriction::in_force(conn, person_id)?.is_some())
}

/// A date given by a person, today when empty, never in the future.
fn day_until_today(field: &str, text: Option<&str>, clock: &dyn Clock) -> Result<String> {
    let today = clock.now().with_timezone(&chrono::Local).date_naive();
    let day = validate::optional_date(field, text)?.unwrap_or(today);
    if day > today {
        return Err(Error::FieldInvalid {
            field: field.into(),
            rule: "not_in_future".into(),
        });
    }
    Ok(day.to_string())
}

impl Register {
    /// Restricts processing of a person (admin), linked to a request when given.
    pub fn restriction_set(
        &mut self,
        session: &Session,
        input: &RestrictionInput,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Restriction> {
        self.write(Some(session), Action::RestrictionSet, clock, |tx| {
            let person_id = input.person_id.trim();
            store::people::person(tx, person_id)?.ok_or_else(|| not_found("person", person_id))?;
            let reason = validate::required("reason", &input.reason, 500)?;
            let from_on = day_until_today("from_on", input.from_on.as_deref(), clock)?;
            let until = validate::optional_date("until_on", input.until_on.as_deref())?;
            validate::date_range("until_on", from_on.parse().ok(), until)?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            crate::requests::ensure_request_about(tx, request_id, person_id)?;
            if let Some(existing) = store::restriction::in_force(tx, person_id)? {
                return Err(Error::RestrictionInForce {
                    person_id: person_id.to_string(),
                    from_on: existing.from_on,
                });
            }
            let id = ids::new_id(clock);
            store::restriction::insert_restriction(
                tx,
                &id,
                person_id,
                &reason,
                &from_on,
                until.map(|d| d.to_string()).as_deref(),
                &session.user_id,
                &ids::timestamp(clock),
                request_id,
            )?;
            store::history::insert_history(
                tx,
                clock,
                "person",
                person_id,
                "restriction",
                None,
                Some(&reason),
                &changed_by,
            )?;
            let set = store::restriction::in_force(tx, person_id)?
                .ok_or_else(|| not_found("restriction", &id))?;
            Ok((set, Audited::record("person", person_id)))
        })
    }

    /// Lifts the restriction in force on a person (admin), with a reason.
    pub fn restriction_lift(
        &mut self,
        session: &Session,
        person_id: &str,
        reason: &str,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Restriction> {
        self.write(Some(session), Action::RestrictionLift, clock, |tx| {
            let person_id = person_id.trim();
            store::people::person(tx, person_id)?.ok_or_else(|| not_found("person", person_id))?;
            let reason = validate::required("reason", reason, 500)?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            crate::requests::ensure_request_about(tx, request_id, person_id)?;
            let existing = store::restriction::in_force(tx, person_id)?.ok_or_else(|| {
                Error::RestrictionNotInForce {
                    person_id: person_id.to_string(),
                }
            })?;
            store::restriction::lift(
                tx,
                &existing.restriction_id,
                &reason,
                &session.user_id,
                &ids::timestamp(clock),
                request_id,
            )?;
            store::history::insert_history(
                tx,
                clock,
                "person",
                person_id,
                "restriction",
                Some(&existing.reason),
                None,
                &changed_by,
            )?;
            let lifted = store::restriction::restrictions_of(tx, person_id)?
                .into_iter()
                .find(|r| r.restriction_id == existing.restriction_id)
                .ok_or_else(|| not_found("restriction", &existing.restriction_id))?;
            Ok((lifted, Audited::record("person", person_id)))
        })
    }

    /// Records an objection (admin): withdraws the consent for that purpose when one is in
    /// force, and puts every e-mail address of the person on the suppression list.
    pub fn objection_record(
        &mut self,
        session: &Session,
        input: &ObjectionInput,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<ObjectionRecorded> {
        self.write(Some(session), Action::ObjectionRecord, clock, |tx| {
            let person_id = input.person_id.trim();
            store::people::person(tx, person_id)?.ok_or_else(|| not_found("person", person_id))?;
            let purpose = input.purpose.trim();
            if !store::consent::purpose_exists(tx, purpose)? {
                return Err(Error::FieldInvalid {
                    field: "purpose".into(),
                    rule: "unknown_purpose".into(),
                });
            }
            let reason = validate::optional("reason", input.reason.as_deref(), 1000, true)?;
            let objected_on = day_until_today("objected_on", input.objected_on.as_deref(), clock)?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            crate::requests::ensure_request_about(tx, request_id, person_id)?;
            if store::restriction::objections_of(tx, person_id)?
                .iter()
                .any(|o| o.purpose == purpose)
            {
                return Err(Error::ObjectionExists {
                    person_id: person_id.to_string(),
                    purpose: purpose.to_string(),
                });
            }
            let now = ids::timestamp(clock);
            let objection = Objection {
                objection_id: ids::new_id(clock),
                person_id: person_id.to_string(),
                purpose: purpose.to_string(),
                reason,
                objected_on,
                recorded_by: session.user_id.clone(),
                recorded_by_name: session.display_name.clone(),
                recorded_at: now.clone(),
                request_id: request_id.map(str::to_string),
            };
            store::restriction::insert_objection(tx, &objection)?;
            let in_force = store::consent::consent_events(tx, person_id)?
                .into_iter()
                .rfind(|e| e.purpose == purpose)
                .is_some_and(|e| e.kind == ConsentEventKind::Given);
            let consent_withdrawn = if in_force {
                let event = ConsentEvent {
                    consent_event_id: ids::new_id(clock),
                    person_id: person_id.to_string(),
                    purpose: purpose.to_string(),
                    kind: ConsentEventKind::Withdrawn,
                    at: clock
                        .now()
                        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                    channel: input.channel,
                    wording_version: "vastustus-art21".into(),
                    evidence: Some(format!("objection {}", objection.objection_id)),
                    recorded_by: session.user_id.clone(),
                    recorded_by_name: session.display_name.clone(),
                };
                store::consent::insert_consent(tx, &event, &now)?;
                Some(event)
            } else {
                None
            };
            let mut suppressed_emails = 0;
            for email in store::erasure::emails_of(tx, person_id)? {
                let hash = crate::erasure::suppression_hash(tx, &email)?;
                store::consent::insert_suppression(tx, &hash, &now)?;
                suppressed_emails += 1;
            }
            store::history::insert_history(
                tx,
                clock,
                "person",
                person_id,
                "objection",
                None,
                Some(purpose),
                &changed_by,
            )?;
            // One entry: the withdrawal is part of the objection, named in its evidence.
            let audited = Audited::record("person", person_id);
            Ok((
                ObjectionRecorded {
                    objection,
                    consent_withdrawn,
                    suppressed_emails,
                },
                audited,
            ))
        })
    }
}
