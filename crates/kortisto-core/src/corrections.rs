//! Corrections of a person's positions and of contact data where they stand (R1.3, R6):
//! edit, end and move a position; edit, retire ("no longer valid") and delete a contact datum.
//! Each change goes to the rectification history with its old and new value, under the data
//! subject's request it answers when one is named. Adding positions and contacts is `people.rs`.
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::people::{
    check_contact, insert_position, not_found, Contact, ContactInput, Position, PositionInput,
};
use crate::store::history::ChangedBy;
use crate::{date, ids, search, store, validate, Clock, Error, Register, Result};

/// Changes to a position: a field left out (`null`) keeps its value; an empty text clears an
/// optional one (job description, start, end).
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct PositionChange {
    /// Another organisation.
    #[serde(default)]
    pub organisation_id: Option<String>,
    /// New title.
    #[serde(default)]
    pub title: Option<String>,
    /// New job description.
    #[serde(default)]
    pub job_description: Option<String>,
    /// New start date.
    #[serde(default)]
    pub start_on: Option<String>,
    /// New end date.
    #[serde(default)]
    pub end_on: Option<String>,
}

/// "Moved to another organisation": the position that ends and the one that starts.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct PositionMove {
    /// The current position that ends.
    pub from_position_id: String,
    /// The new organisation.
    pub organisation_id: String,
    /// The title there.
    pub title: String,
    /// The day the old position ends and the new one starts.
    pub on: String,
}

/// What a move made.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PositionMoved {
    /// The old position, now ended.
    pub ended: Position,
    /// The new, current position.
    pub started: Position,
}

fn iso(date: Option<chrono::NaiveDate>) -> Option<String> {
    date.map(|d| d.to_string())
}

/// Refuses an end before the start, with the position's own error (not a generic range one).
fn check_range(position_id: &str, start: Option<&str>, end: Option<&str>) -> Result<()> {
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            return Err(Error::PositionEndBeforeStart {
                position_id: position_id.to_string(),
                start_on: start.to_string(),
                end_on: end.to_string(),
            });
        }
    }
    Ok(())
}

/// Ends a current position at `end_on` (ISO) and records it; the caller has parsed the date.
fn end_position(
    tx: &rusqlite::Connection,
    position: &Position,
    end_on: &str,
    changed_by: &ChangedBy<'_>,
    clock: &dyn Clock,
) -> Result<()> {
    if let Some(ended) = &position.end_on {
        return Err(Error::PositionAlreadyEnded {
            position_id: position.position_id.clone(),
            end_on: ended.clone(),
        });
    }
    check_range(
        &position.position_id,
        position.start_on.as_deref(),
        Some(end_on),
    )?;
    store::people::update_position(
        tx,
        &position.position_id,
        &position.organisation_id,
        &position.title,
        position.job_description.as_deref(),
        position.start_on.as_deref(),
        Some(end_on),
    )?;
    store::history::insert_history(
        tx,
        clock,
        "person",
        &position.person_id,
        "position.end_on",
        None,
        Some(end_on),
        changed_by,
    )
}

fn position_of(tx: &rusqlite::Connection, position_id: &str) -> Result<Position> {
    store::people::position(tx, position_id)?.ok_or_else(|| not_found("position", position_id))
}

fn contact_of(conn: &rusqlite::Connection, contact_id: &str) -> Result<Contact> {
    store::people::contact(conn, contact_id)?.ok_or_else(|| not_found("contact", contact_id))
}

/// Whose history a contact's change goes to, and whose search row it alters.
fn owner(contact: &Contact) -> (&'static str, &str) {
    match (&contact.person_id, &contact.organisation_id) {
        (Some(person), _) => ("person", person),
        (None, Some(organisation)) => ("organisation", organisation),
        (None, None) => ("person", ""),
    }
}

fn reindex(tx: &rusqlite::Connection, kind: &str, id: &str) -> Result<()> {
    match kind {
        "person" => search::index_person(tx, id),
        _ => search::index_organisation(tx, id),
    }
}

/// The contact datum a correction changes, once the person it belongs to may be changed by
/// this user and the request (if any) is about them.
fn contact_to_change(
    tx: &rusqlite::Connection,
    session: &Session,
    contact_id: &str,
    request_id: Option<&str>,
) -> Result<Contact> {
    let contact = contact_of(tx, contact_id)?;
    if let Some(person_id) = &contact.person_id {
        crate::restriction::ensure_may_change(tx, session, person_id)?;
        crate::requests::ensure_request_about(tx, request_id, person_id)?;
    }
    Ok(contact)
}

impl Register {
    /// Edits a position's organisation, title, job description and dates; every changed
    /// field goes to the person's history (every role).
    pub fn position_edit(
        &mut self,
        session: &Session,
        position_id: &str,
        change: &PositionChange,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Position> {
        self.write(Some(session), Action::PositionEdit, clock, |tx| {
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let before = position_of(tx, position_id)?;
            crate::restriction::ensure_may_change(tx, session, &before.person_id)?;
            crate::requests::ensure_request_about(tx, request_id, &before.person_id)?;
            let organisation_id = match change.organisation_id.as_deref().map(str::trim) {
                Some(id) if !id.is_empty() && id != before.organisation_id => {
                    store::organisations::organisation(tx, id)?
                        .ok_or_else(|| not_found("organisation", id))?;
                    id.to_string()
                }
                _ => before.organisation_id.clone(),
            };
            let title = match &change.title {
                Some(title) => validate::required("title", title, 200)?,
                None => before.title.clone(),
            };
            let job_description = match &change.job_description {
                Some(text) => validate::optional("job_description", Some(text), 2000, true)?,
                None => before.job_description.clone(),
            };
            let start_on = match &change.start_on {
                Some(text) => iso(validate::optional_date("start_on", Some(text))?),
                None => before.start_on.clone(),
            };
            let end_on = match &change.end_on {
                Some(text) => iso(validate::optional_date("end_on", Some(text))?),
                None => before.end_on.clone(),
            };
            check_range(position_id, start_on.as_deref(), end_on.as_deref())?;
            store::people::update_position(
                tx,
                position_id,
                &organisation_id,
                &title,
                job_description.as_deref(),
                start_on.as_deref(),
                end_on.as_deref(),
            )?;
            let after = position_of(tx, position_id)?;
            let changes = [
                (
                    "position.organisation",
                    Some(before.organisation_name.clone()),
                    Some(after.organisation_name.clone()),
                ),
                (
                    "position.title",
                    Some(before.title.clone()),
                    Some(after.title.clone()),
                ),
                (
                    "position.job_description",
                    before.job_description.clone(),
                    after.job_description.clone(),
                ),
                (
                    "position.start_on",
                    before.start_on.clone(),
                    after.start_on.clone(),
                ),
                (
                    "position.end_on",
                    before.end_on.clone(),
                    after.end_on.clone(),
                ),
            ];
            let mut changed = false;
            for (field, old, new) in changes {
                if old != new {
                    changed = true;
                    store::history::insert_history(
                        tx,
                        clock,
                        "person",
                        &before.person_id,
                        field,
                        old.as_deref(),
                        new.as_deref(),
                        &changed_by,
                    )?;
                }
            }
            let audited = if changed {
                Audited::record("position", position_id)
            } else {
                Audited::nothing()
            };
            Ok((after, audited))
        })
    }

    /// Ends a current position on `end_on` (`27.11.2026` or ISO): from then on retention
    /// counts the person's "no ties" period from that day (every role).
    pub fn position_end(
        &mut self,
        session: &Session,
        position_id: &str,
        end_on: &str,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Position> {
        self.write(Some(session), Action::PositionEnd, clock, |tx| {
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let end_on = date::parse_date("end_on", end_on)?.to_string();
            let position = position_of(tx, position_id)?;
            crate::restriction::ensure_may_change(tx, session, &position.person_id)?;
            crate::requests::ensure_request_about(tx, request_id, &position.person_id)?;
            end_position(tx, &position, &end_on, &changed_by, clock)?;
            let after = position_of(tx, position_id)?;
            Ok((after, Audited::record("position", position_id)))
        })
    }

    /// "Moved to another organisation" in one transaction: ends the person's current
    /// position `from_position_id` on the day and starts one at the new organisation on the
    /// same day (every role).
    pub fn position_move(
        &mut self,
        session: &Session,
        person_id: &str,
        moved: &PositionMove,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<PositionMoved> {
        self.write(Some(session), Action::PositionMove, clock, |tx| {
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let on = date::parse_date("on", &moved.on)?.to_string();
            let from = position_of(tx, &moved.from_position_id)?;
            if from.person_id != person_id {
                return Err(not_found("position", &moved.from_position_id));
            }
            crate::restriction::ensure_may_change(tx, session, person_id)?;
            crate::requests::ensure_request_about(tx, request_id, person_id)?;
            end_position(tx, &from, &on, &changed_by, clock)?;
            let started_id = insert_position(
                tx,
                &PositionInput {
                    person_id: person_id.to_string(),
                    organisation_id: moved.organisation_id.trim().to_string(),
                    title: moved.title.clone(),
                    job_description: None,
                    start_on: Some(on),
                    end_on: None,
                },
                &changed_by,
                clock,
            )?;
            let moved = PositionMoved {
                ended: position_of(tx, &from.position_id)?,
                started: position_of(tx, &started_id)?,
            };
            // The history then reads as the move it was: from which organisation to which.
            store::history::insert_history(
                tx,
                clock,
                "person",
                person_id,
                "position.organisation",
                Some(&moved.ended.organisation_name),
                Some(&moved.started.organisation_name),
                &changed_by,
            )?;
            let audited =
                Audited::record("position", &from.position_id).and("position", &started_id);
            Ok((moved, audited))
        })
    }

    /// Corrects a contact datum's value, checked as on entry (phone numbers to E.164,
    /// e-mail by form); an organisation's also needs the right to edit organisations.
    pub fn contact_edit(
        &mut self,
        session: &Session,
        contact_id: &str,
        value: &str,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Contact> {
        self.authorize_contact_owner(session, contact_id)?;
        self.write(Some(session), Action::ContactEdit, clock, |tx| {
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let before = contact_to_change(tx, session, contact_id, request_id)?;
            if before.retired_at.is_some() {
                return Err(Error::ContactRetired {
                    contact_id: contact_id.to_string(),
                });
            }
            let checked = check_contact(&ContactInput {
                kind: before.kind,
                value: value.to_string(),
                label: before.label.clone(),
                social_kind: before.social_kind.clone(),
            })?;
            if checked.value == before.value {
                return Ok((before, Audited::nothing()));
            }
            let (kind, owner_id) = owner(&before);
            store::people::update_contact_value(tx, contact_id, &checked.value)?;
            store::history::insert_history(
                tx,
                clock,
                kind,
                owner_id,
                &format!("contact.{}", before.kind.name()),
                Some(&before.value),
                Some(&checked.value),
                &changed_by,
            )?;
            reindex(tx, kind, owner_id)?;
            let after = contact_of(tx, contact_id)?;
            Ok((after, Audited::record("contact", contact_id)))
        })
    }

    /// Marks a contact datum as no longer valid: it stays on the page and in the history,
    /// but the marketing list, the duplicate check and the person's e-mail leave it out.
    pub fn contact_retire(
        &mut self,
        session: &Session,
        contact_id: &str,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Contact> {
        self.authorize_contact_owner(session, contact_id)?;
        self.write(Some(session), Action::ContactRetire, clock, |tx| {
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let before = contact_to_change(tx, session, contact_id, request_id)?;
            if before.retired_at.is_some() {
                return Err(Error::ContactRetired {
                    contact_id: contact_id.to_string(),
                });
            }
            let (kind, owner_id) = owner(&before);
            store::people::retire_contact(tx, contact_id, &ids::timestamp(clock))?;
            store::history::insert_history(
                tx,
                clock,
                kind,
                owner_id,
                &format!("contact.{}.retired", before.kind.name()),
                Some(&before.value),
                None,
                &changed_by,
            )?;
            let after = contact_of(tx, contact_id)?;
            Ok((after, Audited::record("contact", contact_id)))
        })
    }

    /// Deletes a contact datum; the history keeps the value it had (and erasure removes
    /// that with the person).
    pub fn contact_delete(
        &mut self,
        session: &Session,
        contact_id: &str,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<()> {
        self.authorize_contact_owner(session, contact_id)?;
        self.write(Some(session), Action::ContactDelete, clock, |tx| {
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let before = contact_to_change(tx, session, contact_id, request_id)?;
            let (kind, owner_id) = owner(&before);
            store::people::delete_contact(tx, contact_id)?;
            store::history::insert_history(
                tx,
                clock,
                kind,
                owner_id,
                &format!("contact.{}", before.kind.name()),
                Some(&before.value),
                None,
                &changed_by,
            )?;
            reindex(tx, kind, owner_id)?;
            Ok(((), Audited::record("contact", contact_id)))
        })
    }

    /// An organisation's contact data needs its edit permission besides the contact's own.
    fn authorize_contact_owner(&self, session: &Session, contact_id: &str) -> Result<()> {
        if let Some(contact) = store::people::contact(&self.conn, contact_id)? {
            if contact.organisation_id.is_some() {
                self.authorize(session, Action::OrganisationEdit)?;
            }
        }
        Ok(())
    }
}
