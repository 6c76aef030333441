//! The request log (R7, Art. 12(3)): access, rectification, erasure, consent withdrawal,
//! objection and restriction requests with the date received, the identity check (how,
//! when, by whom — never a copy of an ID document), the one-month deadline, an extension of
//! at most two more months with its reason, and how the request was closed.
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::history::HistoryEntry;
use crate::people::not_found;
use crate::store::history::ChangedBy;
use crate::{ids, store, validate, Clock, Error, Register, Result};

/// Who makes a correction, and for which request: every correcting command takes an
/// optional request (`--request ID`), which must exist and still be open.
pub(crate) fn changed_by<'a>(
    conn: &rusqlite::Connection,
    session: &'a Session,
    request_id: Option<&'a str>,
) -> Result<ChangedBy<'a>> {
    if let Some(request_id) = request_id {
        let request = store::requests::request(conn, request_id)?
            .ok_or_else(|| not_found("request", request_id))?;
        if request.status != RequestStatus::Open {
            return Err(Error::RequestClosed {
                request_id: request_id.to_string(),
            });
        }
    }
    Ok(ChangedBy {
        user_id: &session.user_id,
        request_id,
    })
}

/// A correction of `person_id`'s data filed under a request must be under that person's
/// request: the request page lists its changes with their old and new values, so another
/// person's would show up in the answer to this one. A request not yet linked to anyone
/// (identity not checked) is accepted, as before.
pub(crate) fn ensure_request_about(
    conn: &rusqlite::Connection,
    request_id: Option<&str>,
    person_id: &str,
) -> Result<()> {
    ensure_request_among(conn, request_id, &[person_id])
}

/// [`ensure_request_about`] for a record about several people (a meeting's participants, a
/// deal's people, before or after the change): the request's person must be one of them.
pub(crate) fn ensure_request_among(
    conn: &rusqlite::Connection,
    request_id: Option<&str>,
    people: &[&str],
) -> Result<()> {
    if let Some(request_id) = request_id {
        let request = store::requests::request(conn, request_id)?
            .ok_or_else(|| not_found("request", request_id))?;
        if request
            .person_id
            .as_deref()
            .is_some_and(|p| !people.contains(&p))
        {
            return Err(Error::RequestOfAnotherPerson {
                request_id: request_id.to_string(),
            });
        }
    }
    Ok(())
}

/// What the person asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum RequestKind {
    /// Access to their data (Art. 15).
    Access,
    /// Rectification (Art. 16).
    Rectification,
    /// Erasure (Art. 17).
    Erasure,
    /// Withdrawal of consent (Art. 7(3)).
    ConsentWithdrawal,
    /// Objection (Art. 21).
    Objection,
    /// Restriction of processing (Art. 18).
    Restriction,
}

named!(RequestKind, |_| crate::Error::FieldInvalid { field: "kind".into(), rule: "request_kind".into() }, {
    Access => "access",
    Rectification => "rectification",
    Erasure => "erasure",
    ConsentWithdrawal => "consent-withdrawal",
    Objection => "objection",
    Restriction => "restriction",
});

/// How the request arrived.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum RequestChannel {
    /// A form.
    Form,
    /// E-mail.
    Email,
    /// Phone.
    Phone,
    /// In person.
    InPerson,
    /// A letter.
    Letter,
    /// Self-service.
    SelfService,
}

named!(RequestChannel, |_| crate::Error::FieldInvalid { field: "request_channel".into(), rule: "request_channel".into() }, {
    Form => "form",
    Email => "email",
    Phone => "phone",
    InPerson => "in-person",
    Letter => "letter",
    SelfService => "self-service",
});

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum RequestStatus {
    /// Being handled.
    Open,
    /// Done.
    Done,
    /// Refused (with the reason in the outcome).
    Refused,
}

named!(RequestStatus, |_| crate::Error::FieldInvalid { field: "request_status".into(), rule: "request_status".into() }, {
    Open => "open",
    Done => "done",
    Refused => "refused",
});

/// A request as received.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct RequestInput {
    /// What is asked.
    pub kind: RequestKind,
    /// When it was received.
    pub received_on: String,
    /// How it arrived.
    pub channel: RequestChannel,
    /// The person, when identified already.
    #[serde(default)]
    pub person_id: Option<String>,
}

/// A request in the log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Request {
    /// Id.
    pub request_id: String,
    /// Kind.
    pub kind: RequestKind,
    /// Received (ISO date).
    pub received_on: String,
    /// Channel.
    pub channel: RequestChannel,
    /// The person (none: not identified yet, or erased since).
    pub person_id: Option<String>,
    /// Their name, while they are in the register.
    pub person_name: Option<String>,
    /// How identity was checked.
    pub identity_method: Option<String>,
    /// When.
    pub identity_checked_on: Option<String>,
    /// By whom (display name).
    pub identity_checked_by_name: Option<String>,
    /// Received + one month.
    pub due_on: String,
    /// The extended deadline (at most received + three months).
    pub extended_due_on: Option<String>,
    /// Why it was extended.
    pub extension_reason: Option<String>,
    /// Status.
    pub status: RequestStatus,
    /// Closed (ISO date).
    pub closed_on: Option<String>,
    /// What was done.
    pub outcome: Option<String>,
}

impl Request {
    /// The deadline in force.
    pub fn deadline(&self) -> &str {
        self.extended_due_on.as_deref().unwrap_or(&self.due_on)
    }
}

/// Open requests by urgency, for the administrator's home screen.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RequestsDue {
    /// Past their deadline.
    pub overdue: Vec<Request>,
    /// Due within seven days.
    pub due_soon: Vec<Request>,
}

/// One month after `received` (Art. 12(3)); the 31st becomes the month's last day.
pub fn due_date(received: NaiveDate) -> NaiveDate {
    received
        .checked_add_months(Months::new(1))
        .unwrap_or(received)
}

impl Register {
    /// Logs a received request (admin).
    pub fn request_add(
        &mut self,
        session: &Session,
        input: &RequestInput,
        clock: &dyn Clock,
    ) -> Result<Request> {
        self.write(Some(session), Action::RequestManage, clock, |tx| {
            let received = crate::date::parse_date("received_on", &input.received_on)?;
            if received > clock.now().date_naive() {
                return Err(Error::DateInvalid {
                    field: "received_on".into(),
                });
            }
            if let Some(person) = input.person_id.as_deref().filter(|p| !p.is_empty()) {
                store::people::person(tx, person)?.ok_or_else(|| not_found("person", person))?;
            }
            let request_id = ids::new_id(clock);
            store::requests::insert_request(
                tx,
                &request_id,
                input,
                &received.to_string(),
                &due_date(received).to_string(),
                &session.user_id,
                &ids::timestamp(clock),
            )?;
            let request = store::requests::request(tx, &request_id)?
                .ok_or_else(|| not_found("request", &request_id))?;
            Ok((request, Audited::record("request", &request_id)))
        })
    }

    /// Records how the requester's identity was checked (admin). Only the method is kept.
    pub fn request_identity_checked(
        &mut self,
        session: &Session,
        request_id: &str,
        person_id: &str,
        method: &str,
        clock: &dyn Clock,
    ) -> Result<Request> {
        self.write(Some(session), Action::RequestManage, clock, |tx| {
            let method = validate::required("identity_method", method, 300)?;
            store::requests::request(tx, request_id)?
                .ok_or_else(|| not_found("request", request_id))?;
            store::people::person(tx, person_id)?.ok_or_else(|| not_found("person", person_id))?;
            store::requests::set_identity(
                tx,
                request_id,
                person_id,
                &method,
                &clock.now().date_naive().to_string(),
                &session.user_id,
            )?;
            let request = store::requests::request(tx, request_id)?
                .ok_or_else(|| not_found("request", request_id))?;
            Ok((request, Audited::record("request", request_id)))
        })
    }

    /// Extends the deadline, at most to three months after receipt, with a reason (admin).
    pub fn request_extend(
        &mut self,
        session: &Session,
        request_id: &str,
        new_due_on: &str,
        reason: &str,
        clock: &dyn Clock,
    ) -> Result<Request> {
        self.write(Some(session), Action::RequestManage, clock, |tx| {
            let reason = validate::required("extension_reason", reason, 1000)?;
            let new_due = crate::date::parse_date("extended_due_on", new_due_on)?;
            let request = store::requests::request(tx, request_id)?
                .ok_or_else(|| not_found("request", request_id))?;
            let received: NaiveDate =
                request
                    .received_on
                    .parse()
                    .map_err(|_| Error::DateInvalid {
                        field: "received_on".into(),
                    })?;
            let latest = received
                .checked_add_months(Months::new(3))
                .unwrap_or(received);
            let due: NaiveDate = request.due_on.parse().map_err(|_| Error::DateInvalid {
                field: "due_on".into(),
            })?;
            if new_due > latest {
                return Err(Error::ExtensionTooLong {
                    latest: latest.to_string(),
                });
            }
            if new_due <= due || request.status != RequestStatus::Open {
                return Err(Error::FieldInvalid {
                    field: "extended_due_on".into(),
                    rule: "extension".into(),
                });
            }
            store::requests::extend(tx, request_id, &new_due.to_string(), &reason)?;
            let request = store::requests::request(tx, request_id)?
                .ok_or_else(|| not_found("request", request_id))?;
            Ok((request, Audited::record("request", request_id)))
        })
    }

    /// Closes a request as done or refused, with what was done (admin).
    pub fn request_close(
        &mut self,
        session: &Session,
        request_id: &str,
        status: RequestStatus,
        outcome: &str,
        clock: &dyn Clock,
    ) -> Result<Request> {
        self.write(Some(session), Action::RequestManage, clock, |tx| {
            let outcome = validate::required("outcome", outcome, 2000)?;
            if status == RequestStatus::Open {
                return Err(Error::FieldInvalid {
                    field: "status".into(),
                    rule: "request_status".into(),
                });
            }
            store::requests::request(tx, request_id)?
                .ok_or_else(|| not_found("request", request_id))?;
            store::requests::close(
                tx,
                request_id,
                status,
                &clock.now().date_naive().to_string(),
                &outcome,
            )?;
            let request = store::requests::request(tx, request_id)?
                .ok_or_else(|| not_found("request", request_id))?;
            Ok((request, Audited::record("request", request_id)))
        })
    }

    /// The corrections made while answering a request, oldest first (admin).
    pub fn request_changes(
        &self,
        session: &Session,
        request_id: &str,
    ) -> Result<Vec<HistoryEntry>> {
        self.authorize(session, Action::RequestList)?;
        store::requests::request(&self.conn, request_id)?
            .ok_or_else(|| not_found("request", request_id))?;
        store::history::history_of_request(&self.conn, request_id)
    }

    /// Every request, open ones first by deadline (admin).
    pub fn request_list(&self, session: &Session) -> Result<Vec<Request>> {
        self.authorize(session, Action::RequestList)?;
        store::requests::requests(&self.conn, None)
    }

    /// Open requests past their deadline or due within seven days (admin).
    pub fn requests_due(&self, session: &Session, clock: &dyn Clock) -> Result<RequestsDue> {
        self.authorize(session, Action::RequestList)?;
        let today = clock.now().date_naive();
        let week = today + chrono::Duration::days(7);
        let mut due = RequestsDue {
            overdue: Vec::new(),
            due_soon: Vec::new(),
        };
        for request in store::requests::requests(&self.conn, Some(RequestStatus::Open))? {
            let deadline: NaiveDate = request.deadline().parse().unwrap_or(today);
            if deadline < today {
                due.overdue.push(request);
            } else if deadline <= week {
                due.due_soon.push(request);
            }
        }
        Ok(due)
    }
}
