//! Customer meetings, calls, e-mails, visits and web meetings (R1.8) — logged in seconds:
//! only kind, time (default now), subject and participants are required — and the
//! third-party service elements registered for a customer's solution (R1.9).
use chrono::{DateTime, Datelike, Local, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::deals::PersonRef;
use crate::organisations::ListPage;
use crate::people::not_found;
use crate::{ids, store, validate, Clock, Error, Register, Result};

/// What kind of contact.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum MeetingKind {
    /// A customer meeting.
    Meeting,
    /// A phone call.
    Call,
    /// An e-mail exchange.
    Email,
    /// A visit.
    Visit,
    /// A web meeting.
    WebMeeting,
}

named!(MeetingKind, |_| crate::Error::FieldInvalid { field: "kind".into(), rule: "meeting_kind".into() }, {
    Meeting => "meeting",
    Call => "call",
    Email => "email",
    Visit => "visit",
    WebMeeting => "web-meeting",
});

/// A meeting as logged.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct MeetingInput {
    /// Kind.
    pub kind: MeetingKind,
    /// When: `27.11.2026 14.30`, `2026-11-27T14:30` (local time) or RFC 3339; now when empty.
    #[serde(default)]
    pub at: Option<String>,
    /// Subject.
    pub subject: String,
    /// Participants (at least one).
    pub participant_ids: Vec<String>,
    /// Short notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// The customer organisation (optional).
    #[serde(default)]
    pub organisation_id: Option<String>,
}

/// A logged meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Meeting {
    /// Id.
    pub meeting_id: String,
    /// Kind.
    pub kind: MeetingKind,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// Subject.
    pub subject: String,
    /// Notes.
    pub notes: Option<String>,
    /// The customer organisation.
    pub organisation_id: Option<String>,
    /// Its name.
    pub organisation_name: Option<String>,
    /// Participants.
    pub participants: Vec<PersonRef>,
    /// Who logged it (user id).
    pub logged_by: String,
    /// Their display name.
    pub logged_by_name: String,
}

/// Which meetings to list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct MeetingFilter {
    /// Only with this participant.
    pub person_id: Option<String>,
    /// Only with this organisation.
    pub organisation_id: Option<String>,
    /// Skip this many.
    #[ts(type = "number")]
    pub offset: u64,
    /// At most this many (default 100).
    #[ts(type = "number | null")]
    pub limit: Option<u64>,
}

/// Kinds of service element.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ServiceElementKind {
    /// A licence.
    Licence,
    /// A device.
    Device,
    /// A service.
    Service,
}

named!(ServiceElementKind, |_| crate::Error::FieldInvalid { field: "kind".into(), rule: "element_kind".into() }, {
    Licence => "licence",
    Device => "device",
    Service => "service",
});

/// A service element as entered.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct ServiceElementInput {
    /// Kind.
    pub kind: ServiceElementKind,
    /// Vendor.
    pub vendor: String,
    /// Licence key, serial number or service id.
    pub identifier: String,
    /// The customer organisation.
    pub organisation_id: String,
    /// The person it is registered to.
    #[serde(default)]
    pub person_id: Option<String>,
    /// Valid from.
    #[serde(default)]
    pub valid_from: Option<String>,
    /// Valid to.
    #[serde(default)]
    pub valid_to: Option<String>,
}

/// A registered service element.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct ServiceElement {
    /// Id.
    pub element_id: String,
    /// Kind.
    pub kind: ServiceElementKind,
    /// Vendor.
    pub vendor: String,
    /// Identifier.
    pub identifier: String,
    /// The customer organisation.
    pub organisation_id: String,
    /// Its name.
    pub organisation_name: String,
    /// The person it is registered to.
    pub person_id: Option<String>,
    /// Their name.
    pub person_name: Option<String>,
    /// Valid from.
    pub valid_from: Option<String>,
    /// Valid to.
    pub valid_to: Option<String>,
}

/// Parses a meeting time typed in Finnish or ISO form, local time unless it carries an offset.
/// Years outside `date::PLAUSIBLE_YEARS` (a two-digit `26`, or `-1`, `12345`) are refused.
pub fn parse_meeting_time(text: &str) -> Result<DateTime<Utc>> {
    let text = text.trim();
    if let Ok(at) = DateTime::parse_from_rfc3339(text) {
        if !crate::date::plausible_year(at.year()) {
            return Err(Error::DateInvalid { field: "at".into() });
        }
        return Ok(at.with_timezone(&Utc));
    }
    let formats = [
        "%d.%m.%Y %H.%M",
        "%d.%m.%Y %H:%M",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%dT%H:%M:%S",
    ];
    let naive = formats
        .iter()
        .find_map(|f| NaiveDateTime::parse_from_str(text, f).ok())
        .or_else(|| {
            crate::date::parse_date("at", text)
                .ok()
                .and_then(|d| d.and_hms_opt(12, 0, 0))
        })
        .filter(|naive| crate::date::plausible_year(naive.year()))
        .ok_or_else(|| Error::DateInvalid { field: "at".into() })?;
    Local
        .from_local_datetime(&naive)
        .earliest()
        .map(|local| local.with_timezone(&Utc))
        .ok_or_else(|| Error::DateInvalid { field: "at".into() })
}

pub(crate) struct CheckedMeeting {
    pub kind: MeetingKind,
    pub at: String,
    pub subject: String,
    pub notes: Option<String>,
    pub organisation_id: Option<String>,
    pub participant_ids: Vec<String>,
}

impl Register {
    /// Logs a meeting (every role).
    pub fn meeting_log(
        &mut self,
        session: &Session,
        input: &MeetingInput,
        clock: &dyn Clock,
    ) -> Result<Meeting> {
        self.write(Some(session), Action::MeetingLog, clock, |tx| {
            let at = match input.at.as_deref().map(str::trim) {
                None | Some("") => clock.now(),
                Some(text) => parse_meeting_time(text)?,
            };
            let subject = validate::required("subject", &input.subject, 300)?;
            let notes = validate::optional("notes", input.notes.as_deref(), 10_000, true)?;
            if input.participant_ids.is_empty() {
                return Err(Error::FieldInvalid {
                    field: "participant_ids".into(),
                    rule: "participants_required".into(),
                });
            }
            let mut participant_ids: Vec<String> = Vec::new();
            for person_id in &input.participant_ids {
                if store::people::person(tx, person_id)?.is_none() {
                    return Err(Error::FieldInvalid {
                        field: person_id.clone(),
                        rule: "unknown_participant".into(),
                    });
                }
                if !participant_ids.contains(person_id) {
                    participant_ids.push(person_id.clone());
                }
            }
            let organisation_id = input
                .organisation_id
                .as_deref()
                .map(str::trim)
                .filter(|o| !o.is_empty())
                .map(str::to_string);
            if let Some(organisation) = &organisation_id {
                store::organisations::organisation(tx, organisation)?
                    .ok_or_else(|| not_found("organisation", organisation))?;
            }
            let checked = CheckedMeeting {
                kind: input.kind,
                at: at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                subject,
                notes,
                organisation_id,
                participant_ids,
            };
            let meeting_id = ids::new_id(clock);
            store::meetings::insert_meeting(
                tx,
                &meeting_id,
                &checked,
                &session.user_id,
                &ids::timestamp(clock),
            )?;
            let meeting = store::meetings::meeting(tx, &meeting_id)?
                .ok_or_else(|| not_found("meeting", &meeting_id))?;
            Ok((meeting, Audited::record("meeting", &meeting_id)))
        })
    }

    /// Meetings, newest first, optionally of one person or organisation (every role).
    pub fn meeting_list(
        &mut self,
        session: &Session,
        filter: &MeetingFilter,
        clock: &dyn Clock,
    ) -> Result<ListPage<Meeting>> {
        self.write(Some(session), Action::MeetingList, clock, |tx| {
            let page = store::meetings::meeting_list(tx, filter)?;
            let people = page
                .items
                .iter()
                .flat_map(|m| m.participants.iter().map(|p| p.person_id.as_str()));
            let audited = Audited::people(people);
            Ok((page, audited))
        })
    }

    /// Registers a service element (admin, office).
    pub fn element_add(
        &mut self,
        session: &Session,
        input: &ServiceElementInput,
        clock: &dyn Clock,
    ) -> Result<ServiceElement> {
        self.write(Some(session), Action::ElementAdd, clock, |tx| {
            store::organisations::organisation(tx, &input.organisation_id)?
                .ok_or_else(|| not_found("organisation", &input.organisation_id))?;
            if let Some(person) = input.person_id.as_deref().filter(|p| !p.is_empty()) {
                store::people::person(tx, person)?.ok_or_else(|| not_found("person", person))?;
            }
            let from = validate::optional_date("valid_from", input.valid_from.as_deref())?;
            let to = validate::optional_date("valid_to", input.valid_to.as_deref())?;
            validate::date_range("valid_to", from, to)?;
            let element = ServiceElement {
                element_id: ids::new_id(clock),
                kind: input.kind,
                vendor: validate::required("vendor", &input.vendor, 200)?,
                identifier: validate::required("identifier", &input.identifier, 200)?,
                organisation_id: input.organisation_id.clone(),
                organisation_name: String::new(),
                person_id: input.person_id.clone().filter(|p| !p.is_empty()),
                person_name: None,
                valid_from: from.map(|d| d.to_string()),
                valid_to: to.map(|d| d.to_string()),
            };
            store::meetings::insert_element(tx, &element, &ids::timestamp(clock))?;
            let saved = store::meetings::element(tx, &element.element_id)?
                .ok_or_else(|| not_found("service_element", &element.element_id))?;
            Ok((
                saved,
                Audited::record("service_element", &element.element_id),
            ))
        })
    }
}
