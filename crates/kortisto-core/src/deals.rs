//! Deals (R1.7): delivery and service contracts, offers, requests for quotation, leads and
//! information requests, with status, dates and the people involved.
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Role, Session};
use crate::organisations::ListPage;
use crate::people::not_found;
use crate::{ids, store, validate, Clock, Error, Register, Result};

/// What kind of deal.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum DealKind {
    /// Delivery contract.
    DeliveryContract,
    /// Service contract.
    ServiceContract,
    /// Offer (quote).
    Offer,
    /// Request for quotation.
    Rfq,
    /// Lead.
    Lead,
    /// Information request.
    InfoRequest,
}

named!(DealKind, |_| crate::Error::FieldInvalid { field: "kind".into(), rule: "deal_kind".into() }, {
    DeliveryContract => "delivery-contract",
    ServiceContract => "service-contract",
    Offer => "offer",
    Rfq => "rfq",
    Lead => "lead",
    InfoRequest => "info-request",
});

impl DealKind {
    /// Sales reps add and edit leads and offers only; office staff record (and correct) the
    /// requests for quotation and information requests that arrive; admins every kind.
    fn allowed_for(self, role: Role) -> bool {
        match role {
            Role::Admin => true,
            Role::Sales => matches!(self, Self::Lead | Self::Offer),
            Role::Office => matches!(self, Self::Rfq | Self::InfoRequest),
        }
    }
}

/// Where a deal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum DealStatus {
    /// Open (offer, lead, request in progress).
    Open,
    /// Active (a contract in force).
    Active,
    /// Won.
    Won,
    /// Lost.
    Lost,
    /// Ended (a contract that has run out).
    Ended,
    /// Cancelled.
    Cancelled,
}

named!(DealStatus, |_| crate::Error::FieldInvalid { field: "status".into(), rule: "deal_status".into() }, {
    Open => "open",
    Active => "active",
    Won => "won",
    Lost => "lost",
    Ended => "ended",
    Cancelled => "cancelled",
});

/// A deal as entered or edited.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct DealInput {
    /// Kind.
    pub kind: DealKind,
    /// The customer organisation.
    pub organisation_id: String,
    /// Title.
    pub title: String,
    /// Status.
    pub status: DealStatus,
    /// Start date (contract start).
    #[serde(default)]
    pub start_on: Option<String>,
    /// End date (contract end).
    #[serde(default)]
    pub end_on: Option<String>,
    /// Notes.
    #[serde(default)]
    pub notes: Option<String>,
    /// People involved.
    #[serde(default)]
    pub person_ids: Vec<String>,
}

/// A person named on a deal or a meeting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PersonRef {
    /// Id.
    pub person_id: String,
    /// "Surname First".
    pub name: String,
}

/// A deal.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Deal {
    /// Id.
    pub deal_id: String,
    /// Kind.
    pub kind: DealKind,
    /// The customer organisation.
    pub organisation_id: String,
    /// Its name.
    pub organisation_name: String,
    /// Title.
    pub title: String,
    /// Status.
    pub status: DealStatus,
    /// Start date.
    pub start_on: Option<String>,
    /// End date.
    pub end_on: Option<String>,
    /// Notes.
    pub notes: Option<String>,
    /// People involved.
    pub people: Vec<PersonRef>,
}

/// Which deals to list.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(default)]
pub struct DealFilter {
    /// Only this kind.
    pub kind: Option<DealKind>,
    /// Only this status.
    pub status: Option<DealStatus>,
    /// Skip this many.
    #[ts(type = "number")]
    pub offset: u64,
    /// At most this many (default 100).
    #[ts(type = "number | null")]
    pub limit: Option<u64>,
}

pub(crate) struct CheckedDeal {
    pub kind: DealKind,
    pub organisation_id: String,
    pub title: String,
    pub status: DealStatus,
    pub start_on: Option<String>,
    pub end_on: Option<String>,
    pub notes: Option<String>,
    pub person_ids: Vec<String>,
}

fn check(conn: &rusqlite::Connection, session: &Session, input: &DealInput) -> Result<CheckedDeal> {
    store::organisations::organisation(conn, &input.organisation_id)?
        .ok_or_else(|| not_found("organisation", &input.organisation_id))?;
    let start = validate::optional_date("start_on", input.start_on.as_deref())?;
    let end = validate::optional_date("end_on", input.end_on.as_deref())?;
    validate::date_range("end_on", start, end)?;
    let mut person_ids = Vec::new();
    for person_id in &input.person_ids {
        if store::people::person(conn, person_id)?.is_none() {
            return Err(Error::FieldInvalid {
                field: person_id.clone(),
                rule: "unknown_participant".into(),
            });
        }
        crate::restriction::ensure_may_change(conn, session, person_id)?;
        if !person_ids.contains(person_id) {
            person_ids.push(person_id.clone());
        }
    }
    Ok(CheckedDeal {
        kind: input.kind,
        organisation_id: input.organisation_id.clone(),
        title: validate::required("title", &input.title, 300)?,
        status: input.status,
        start_on: start.map(|d| d.to_string()),
        end_on: end.map(|d| d.to_string()),
        notes: validate::optional("notes", input.notes.as_deref(), 10_000, true)?,
        person_ids,
    })
}

impl Register {
    /// The action's role check, then the deal kinds that role may touch.
    fn authorize_deal(&self, session: &Session, action: Action, kinds: &[DealKind]) -> Result<()> {
        let role = self.authorize(session, action)?;
        if let Some(kind) = kinds.iter().find(|kind| !kind.allowed_for(role)) {
            return Err(Error::PermissionDenied {
                action: format!("{}:{}", action.name(), kind.name()),
            });
        }
        Ok(())
    }

    /// Adds a deal (admin any kind; sales leads and offers; office RFQs and information
    /// requests).
    pub fn deal_add(
        &mut self,
        session: &Session,
        input: &DealInput,
        clock: &dyn Clock,
    ) -> Result<Deal> {
        self.authorize_deal(session, Action::DealAdd, &[input.kind])?;
        self.write(Some(session), Action::DealAdd, clock, |tx| {
            let checked = check(tx, session, input)?;
            let deal_id = ids::new_id(clock);
            store::deals::insert_deal(tx, &deal_id, &checked, &ids::timestamp(clock))?;
            let deal =
                store::deals::deal(tx, &deal_id)?.ok_or_else(|| not_found("deal", &deal_id))?;
            Ok((deal, Audited::record("deal", &deal_id)))
        })
    }

    /// Edits a deal (the kinds the role may add, before and after the edit); every changed
    /// field goes to its history (old → new), its people as `person` rows (added: no old
    /// value; removed: no new value).
    pub fn deal_edit(
        &mut self,
        session: &Session,
        deal_id: &str,
        input: &DealInput,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Deal> {
        let before =
            store::deals::deal(&self.conn, deal_id)?.ok_or_else(|| not_found("deal", deal_id))?;
        self.authorize_deal(session, Action::DealEdit, &[before.kind, input.kind])?;
        self.write(Some(session), Action::DealEdit, clock, |tx| {
            let before =
                store::deals::deal(tx, deal_id)?.ok_or_else(|| not_found("deal", deal_id))?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            let checked = check(tx, session, input)?;
            // Taking a restricted person off the deal changes data about them too.
            for person in &before.people {
                crate::restriction::ensure_may_change(tx, session, &person.person_id)?;
            }
            let concerned: Vec<&str> = before
                .people
                .iter()
                .map(|p| p.person_id.as_str())
                .chain(checked.person_ids.iter().map(String::as_str))
                .collect();
            crate::requests::ensure_request_among(tx, request_id, &concerned)?;
            let fields = [
                (
                    "kind",
                    Some(before.kind.name().to_string()),
                    Some(checked.kind.name().to_string()),
                ),
                (
                    "organisation_id",
                    Some(before.organisation_id.clone()),
                    Some(checked.organisation_id.clone()),
                ),
                (
                    "title",
                    Some(before.title.clone()),
                    Some(checked.title.clone()),
                ),
                (
                    "status",
                    Some(before.status.name().to_string()),
                    Some(checked.status.name().to_string()),
                ),
                (
                    "start_on",
                    before.start_on.clone(),
                    checked.start_on.clone(),
                ),
                ("end_on", before.end_on.clone(), checked.end_on.clone()),
                ("notes", before.notes.clone(), checked.notes.clone()),
            ];
            // Text that may name an erased person leaves no copy in the history.
            let mut changed = crate::history::record_field_changes(
                tx,
                clock,
                "deal",
                deal_id,
                fields,
                &changed_by,
            )?;
            let before_ids: Vec<&str> =
                before.people.iter().map(|p| p.person_id.as_str()).collect();
            let after_ids: Vec<&str> = checked.person_ids.iter().map(String::as_str).collect();
            let removed = before_ids.iter().filter(|id| !after_ids.contains(id));
            let added = after_ids.iter().filter(|id| !before_ids.contains(id));
            for (old, new) in removed
                .map(|id| (Some(*id), None))
                .chain(added.map(|id| (None, Some(*id))))
            {
                changed = true;
                store::history::insert_history(
                    tx,
                    clock,
                    "deal",
                    deal_id,
                    "person",
                    old,
                    new,
                    &changed_by,
                )?;
            }
            if !changed {
                return Ok((before, Audited::nothing()));
            }
            store::deals::update_deal(tx, deal_id, &checked, &ids::timestamp(clock))?;
            let deal =
                store::deals::deal(tx, deal_id)?.ok_or_else(|| not_found("deal", deal_id))?;
            Ok((deal, Audited::record("deal", deal_id)))
        })
    }

    /// One deal (every role, as [`Register::deal_list`]); what an edit form starts from. The
    /// people it names are audited as read, as on the list.
    pub fn deal(&mut self, session: &Session, deal_id: &str, clock: &dyn Clock) -> Result<Deal> {
        self.write(Some(session), Action::DealList, clock, |tx| {
            let deal =
                store::deals::deal(tx, deal_id)?.ok_or_else(|| not_found("deal", deal_id))?;
            let audited = Audited::record("deal", deal_id)
                .and_people(deal.people.iter().map(|p| p.person_id.as_str()));
            Ok((deal, audited))
        })
    }

    /// Deals by kind and status, newest first (every role); the people named on the page are
    /// audited.
    pub fn deal_list(
        &mut self,
        session: &Session,
        filter: &DealFilter,
        clock: &dyn Clock,
    ) -> Result<ListPage<Deal>> {
        self.write(Some(session), Action::DealList, clock, |tx| {
            let page = store::deals::deal_list(tx, filter)?;
            let people = page
                .items
                .iter()
                .flat_map(|d| d.people.iter().map(|p| p.person_id.as_str()));
            let audited = Audited::people(people);
            Ok((page, audited))
        })
    }
}
