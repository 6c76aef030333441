//! Customer meetings, calls, e-mails, visits and web meetings (R1.8) — logged in seconds:
//! only kind, time (default now), subject and participants are required — and the
//! third-party service elements registered for a customer's solution (R1.9).
use chrono::{DateTime, Datelike, Local, NaiveDateTime, TimeZone, Utc};
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Role, Session};
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

/// A correction of a logged meeting: only the fields given change.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct MeetingChange {
    /// New kind.
    pub kind: Option<MeetingKind>,
    /// New time (as in [`MeetingInput::at`]).
    pub at: Option<String>,
    /// New subject.
    pub subject: Option<String>,
    /// New notes; an empty text clears them.
    pub notes: Option<String>,
    /// Every participant after the change (at least one), when they change.
    pub participant_ids: Option<Vec<String>>,
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

/// Parses a meeting time as a sales rep types it, relative to `clock`'s day (local time):
/// `14.30` (today), `30.11. 10.00` or `30.11.` (this year), `eilen` / `yesterday`,
/// `tänään` / `today` and a weekday `ma` … `su` / `mon` … `sun` (the latest such day, today
/// included), each optionally followed by a time; anything else as [`parse_meeting_time`].
/// A day without a time is noon, as for a bare date.
pub fn parse_meeting_time_relative(text: &str, clock: &dyn Clock) -> Result<DateTime<Utc>> {
    let typed = text.trim();
    if let Ok(at) = parse_meeting_time(typed) {
        return Ok(at);
    }
    let invalid = || Error::DateInvalid { field: "at".into() };
    let today = clock.now().with_timezone(&Local).date_naive();
    let lower = typed.to_lowercase();
    let mut words = lower.split_whitespace();
    let first = words.next().ok_or_else(invalid)?;
    let rest: Vec<&str> = words.collect();
    let time_of = |words: &[&str]| -> Option<chrono::NaiveTime> {
        match words {
            [] => chrono::NaiveTime::from_hms_opt(12, 0, 0),
            [time] => parse_clock_time(time),
            _ => None,
        }
    };
    let weekday = |word: &str| -> Option<chrono::Weekday> {
        use chrono::Weekday::*;
        Some(match word {
            "ma" | "maanantai" | "mon" | "monday" => Mon,
            "ti" | "tiistai" | "tue" | "tuesday" => Tue,
            "ke" | "keskiviikko" | "wed" | "wednesday" => Wed,
            "to" | "torstai" | "thu" | "thursday" => Thu,
            "pe" | "perjantai" | "fri" | "friday" => Fri,
            "la" | "lauantai" | "sat" | "saturday" => Sat,
            "su" | "sunnuntai" | "sun" | "sunday" => Sun,
            _ => return None,
        })
    };
    let (day, time) = if let Some(time) = parse_clock_time(first).filter(|_| rest.is_empty()) {
        (today, time)
    } else if matches!(first, "tänään" | "today") {
        (today, time_of(&rest).ok_or_else(invalid)?)
    } else if matches!(first, "eilen" | "yesterday") {
        (
            today.pred_opt().ok_or_else(invalid)?,
            time_of(&rest).ok_or_else(invalid)?,
        )
    } else if let Some(wanted) = weekday(first) {
        let back = (7 + today.weekday().num_days_from_monday() - wanted.num_days_from_monday()) % 7;
        (
            today - chrono::Duration::days(i64::from(back)),
            time_of(&rest).ok_or_else(invalid)?,
        )
    } else if let Some(day_month) = first.strip_suffix('.') {
        // `30.11.`: day and month of this year.
        let (d, m) = day_month.split_once('.').ok_or_else(invalid)?;
        let (d, m): (u32, u32) = (
            d.parse().map_err(|_| invalid())?,
            m.parse().map_err(|_| invalid())?,
        );
        (
            chrono::NaiveDate::from_ymd_opt(today.year(), m, d).ok_or_else(invalid)?,
            time_of(&rest).ok_or_else(invalid)?,
        )
    } else {
        return Err(invalid());
    };
    Local
        .from_local_datetime(&day.and_time(time))
        .earliest()
        .map(|local| local.with_timezone(&Utc))
        .ok_or_else(invalid)
}

/// `14.30` or `14:30` (24-hour clock).
fn parse_clock_time(text: &str) -> Option<chrono::NaiveTime> {
    let (h, m) = text.split_once(['.', ':'])?;
    if h.is_empty() || h.len() > 2 || m.len() != 2 {
        return None;
    }
    chrono::NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// The participants as given, each checked to exist, without repeats.
/// The meeting's participants, each known, each once; a restricted person's meetings are
/// changed only by an administrator (`restriction::ensure_may_change`).
fn checked_participants(
    conn: &rusqlite::Connection,
    session: &Session,
    given: &[String],
) -> Result<Vec<String>> {
    if given.is_empty() {
        return Err(Error::FieldInvalid {
            field: "participant_ids".into(),
            rule: "participants_required".into(),
        });
    }
    let mut participant_ids: Vec<String> = Vec::new();
    for person_id in given {
        if store::people::person(conn, person_id)?.is_none() {
            return Err(Error::FieldInvalid {
                field: person_id.clone(),
                rule: "unknown_participant".into(),
            });
        }
        crate::restriction::ensure_may_change(conn, session, person_id)?;
        if !participant_ids.contains(person_id) {
            participant_ids.push(person_id.clone());
        }
    }
    Ok(participant_ids)
}

/// The meeting, if this user may correct or delete it: an administrator any, everyone else
/// only the meetings they logged (a meeting note is its writer's account of the meeting).
fn own_meeting(
    conn: &rusqlite::Connection,
    session: &Session,
    role: Role,
    meeting_id: &str,
) -> Result<Meeting> {
    let meeting = store::meetings::meeting(conn, meeting_id)?
        .ok_or_else(|| not_found("meeting", meeting_id))?;
    if role != Role::Admin && meeting.logged_by != session.user_id {
        return Err(Error::MeetingNotYours {
            meeting_id: meeting_id.to_string(),
            logged_by_name: meeting.logged_by_name,
        });
    }
    Ok(meeting)
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
                Some(text) => parse_meeting_time_relative(text, clock)?,
            };
            let subject = validate::required("subject", &input.subject, 300)?;
            let notes = validate::optional("notes", input.notes.as_deref(), 10_000, true)?;
            let participant_ids = checked_participants(tx, session, &input.participant_ids)?;
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

    /// Corrects a meeting; every changed field goes to its history (old → new), participants
    /// as `participant` rows (added: no old value; removed: no new value). Everyone may
    /// correct the meetings they logged, an administrator any.
    pub fn meeting_edit(
        &mut self,
        session: &Session,
        meeting_id: &str,
        change: &MeetingChange,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Meeting> {
        let role = self.authorize(session, Action::MeetingEdit)?;
        self.write(Some(session), Action::MeetingEdit, clock, |tx| {
            let before = own_meeting(tx, session, role, meeting_id)?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let kind = change.kind.unwrap_or(before.kind);
            let at = match change.at.as_deref().map(str::trim) {
                None | Some("") => before.at.clone(),
                Some(text) => parse_meeting_time_relative(text, clock)?
                    .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
            };
            let subject = match &change.subject {
                Some(subject) => validate::required("subject", subject, 300)?,
                None => before.subject.clone(),
            };
            let notes = match &change.notes {
                Some(notes) => validate::optional("notes", Some(notes), 10_000, true)?,
                None => before.notes.clone(),
            };
            let before_ids: Vec<String> = before
                .participants
                .iter()
                .map(|p| p.person_id.clone())
                .collect();
            // A meeting about a restricted person is theirs too, also when they leave it.
            for person_id in &before_ids {
                crate::restriction::ensure_may_change(tx, session, person_id)?;
            }
            let participant_ids = match &change.participant_ids {
                Some(given) => checked_participants(tx, session, given)?,
                None => before_ids.clone(),
            };
            let concerned: Vec<&str> = before_ids
                .iter()
                .chain(&participant_ids)
                .map(String::as_str)
                .collect();
            crate::requests::ensure_request_among(tx, request_id, &concerned)?;
            let fields = [
                (
                    "kind",
                    Some(before.kind.name().to_string()),
                    Some(kind.name().to_string()),
                ),
                ("at", Some(before.at.clone()), Some(at.clone())),
                (
                    "subject",
                    Some(before.subject.clone()),
                    Some(subject.clone()),
                ),
                ("notes", before.notes.clone(), notes.clone()),
            ];
            // Text that may name an erased person leaves no copy in the history.
            let mut changed = crate::history::record_field_changes(
                tx,
                clock,
                "meeting",
                meeting_id,
                fields,
                &changed_by,
            )?;
            let removed = before_ids.iter().filter(|id| !participant_ids.contains(id));
            let added = participant_ids.iter().filter(|id| !before_ids.contains(id));
            for (old, new) in removed
                .map(|id| (Some(id.as_str()), None))
                .chain(added.map(|id| (None, Some(id.as_str()))))
            {
                changed = true;
                store::history::insert_history(
                    tx,
                    clock,
                    "meeting",
                    meeting_id,
                    "participant",
                    old,
                    new,
                    &changed_by,
                )?;
            }
            if !changed {
                return Ok((before, Audited::nothing()));
            }
            let checked = CheckedMeeting {
                kind,
                at,
                subject,
                notes,
                organisation_id: before.organisation_id.clone(),
                participant_ids: participant_ids.clone(),
            };
            store::meetings::update_meeting(tx, meeting_id, &checked)?;
            let mut touched = before_ids;
            touched.extend(participant_ids);
            store::meetings::refresh_last_meeting(tx, &touched)?;
            let meeting = store::meetings::meeting(tx, meeting_id)?
                .ok_or_else(|| not_found("meeting", meeting_id))?;
            Ok((meeting, Audited::record("meeting", meeting_id)))
        })
    }

    /// Deletes a meeting and its participant links (everyone their own, an administrator
    /// any). Its earlier history goes with it — it holds the meeting's own text — and one
    /// `deleted` row (old value: the meeting's time) records who deleted it and when.
    pub fn meeting_delete(
        &mut self,
        session: &Session,
        meeting_id: &str,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<()> {
        let role = self.authorize(session, Action::MeetingDelete)?;
        self.write(Some(session), Action::MeetingDelete, clock, |tx| {
            let before = own_meeting(tx, session, role, meeting_id)?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            for participant in &before.participants {
                crate::restriction::ensure_may_change(tx, session, &participant.person_id)?;
            }
            let concerned: Vec<&str> = before
                .participants
                .iter()
                .map(|p| p.person_id.as_str())
                .collect();
            crate::requests::ensure_request_among(tx, request_id, &concerned)?;
            store::meetings::delete_meeting(tx, meeting_id)?;
            let participants: Vec<String> = before
                .participants
                .iter()
                .map(|p| p.person_id.clone())
                .collect();
            store::meetings::refresh_last_meeting(tx, &participants)?;
            store::history::insert_history(
                tx,
                clock,
                "meeting",
                meeting_id,
                "deleted",
                Some(&before.at),
                None,
                &changed_by,
            )?;
            Ok(((), Audited::record("meeting", meeting_id)))
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
                crate::restriction::ensure_may_change(tx, session, person)?;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::FixedClock;

    /// Wednesday 2.12.2026 at 15.00 local time.
    fn wednesday_afternoon() -> FixedClock {
        let local = Local
            .with_ymd_and_hms(2026, 12, 2, 15, 0, 0)
            .earliest()
            .unwrap();
        FixedClock(local.with_timezone(&Utc))
    }

    fn local(text: &str) -> String {
        parse_meeting_time_relative(text, &wednesday_afternoon())
            .map(|at| {
                at.with_timezone(&Local)
                    .format("%d.%m.%Y %H.%M")
                    .to_string()
            })
            .unwrap_or_else(|e| format!("error {}", e.code()))
    }

    #[test]
    fn meeting_times_are_read_as_finns_type_them() {
        for (typed, meant) in [
            ("14.30", "02.12.2026 14.30"),
            ("9:05", "02.12.2026 09.05"),
            ("30.11. 10.00", "30.11.2026 10.00"),
            ("30.11.", "30.11.2026 12.00"),
            ("eilen", "01.12.2026 12.00"),
            ("Eilen 16.15", "01.12.2026 16.15"),
            ("yesterday 8.00", "01.12.2026 08.00"),
            ("tänään 11.00", "02.12.2026 11.00"),
            ("ma", "30.11.2026 12.00"),
            ("ma 10.00", "30.11.2026 10.00"),
            ("ke", "02.12.2026 12.00"),
            ("to 9.30", "26.11.2026 09.30"),
            ("su", "29.11.2026 12.00"),
            ("fri 13.45", "27.11.2026 13.45"),
            ("27.11.2026 14.30", "27.11.2026 14.30"),
        ] {
            assert_eq!(local(typed), meant, "{typed}");
        }
        for nonsense in ["25.61", "eilen illalla", "31.2.", "xx", "14.3", "ma ti", ""] {
            assert_eq!(local(nonsense), "error date_invalid", "{nonsense:?}");
        }
    }
}
