//! Customer organisations (R1.2): companies, their units, public bodies, associations and
//! sole traders, with the Y-tunnus checked and the customer relationship's dates, and the
//! organisation page that gathers its units, people, contacts, deals, meetings and elements.
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::deals::Deal;
use crate::history::HistoryEntry;
use crate::meetings::{Meeting, ServiceElement};
use crate::people::{Contact, Position};
use crate::{ids, search, store, validate, Clock, Error, Register, Result};

/// What kind of organisation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum OrganisationKind {
    /// A company.
    Company,
    /// A unit of another organisation.
    Unit,
    /// A public body.
    PublicBody,
    /// An association.
    Association,
    /// A sole trader (toiminimi).
    SoleTrader,
}

named!(OrganisationKind, |_| crate::Error::FieldInvalid { field: "kind".into(), rule: "organisation_kind".into() }, {
    Company => "company",
    Unit => "unit",
    PublicBody => "public-body",
    Association => "association",
    SoleTrader => "sole-trader",
});

/// An organisation as entered or edited.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct OrganisationInput {
    /// Name.
    pub name: String,
    /// Kind (`company` when not given).
    #[serde(default)]
    pub kind: Option<OrganisationKind>,
    /// Parent organisation (required for units).
    #[serde(default)]
    pub parent_id: Option<String>,
    /// Y-tunnus `1234567-8`.
    #[serde(default)]
    pub business_id: Option<String>,
    /// Customer since (`27.11.2026` or ISO).
    #[serde(default)]
    pub customer_since: Option<String>,
    /// Customer until.
    #[serde(default)]
    pub customer_until: Option<String>,
}

/// An organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Organisation {
    /// Id.
    pub organisation_id: String,
    /// Name.
    pub name: String,
    /// Kind.
    pub kind: OrganisationKind,
    /// Parent organisation (units).
    pub parent_id: Option<String>,
    /// The parent's name.
    pub parent_name: Option<String>,
    /// Y-tunnus.
    pub business_id: Option<String>,
    /// Customer since (ISO date).
    pub customer_since: Option<String>,
    /// Customer until (ISO date).
    pub customer_until: Option<String>,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
    /// A prospect: added by a sales rep from a business card, to be completed by office
    /// staff (its Y-tunnus); an edit that leaves it with a Y-tunnus completes it.
    pub prospect: bool,
}

/// Everything the organisation page shows.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct OrganisationPage {
    /// The organisation.
    pub organisation: Organisation,
    /// Its units (children), recursively in tree order.
    pub units: Vec<Organisation>,
    /// People with a position there (current first).
    pub positions: Vec<Position>,
    /// Its own contact data.
    pub contacts: Vec<Contact>,
    /// Its deals.
    pub deals: Vec<Deal>,
    /// Its latest meetings (at most 200).
    pub meetings: Vec<Meeting>,
    /// Service elements registered for it.
    pub service_elements: Vec<ServiceElement>,
    /// Rectification history of its data.
    pub history: Vec<HistoryEntry>,
}

/// A page of a long list.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct ListPage<T> {
    /// How many there are in all.
    #[ts(type = "number")]
    pub total: u64,
    /// This page.
    pub items: Vec<T>,
}

pub(crate) struct CheckedOrganisation {
    pub name: String,
    pub kind: OrganisationKind,
    pub parent_id: Option<String>,
    pub business_id: Option<String>,
    pub customer_since: Option<String>,
    pub customer_until: Option<String>,
    pub prospect: bool,
}

pub(crate) fn check(
    conn: &rusqlite::Connection,
    input: &OrganisationInput,
) -> Result<CheckedOrganisation> {
    let name = validate::name("name", &input.name, 200)?;
    let kind = input.kind.unwrap_or(OrganisationKind::Company);
    let parent_id = input
        .parent_id
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(str::to_string);
    if kind == OrganisationKind::Unit && parent_id.is_none() {
        return Err(Error::FieldInvalid {
            field: "parent_id".into(),
            rule: "parent_required".into(),
        });
    }
    if let Some(parent) = &parent_id {
        if store::organisations::organisation(conn, parent)?.is_none() {
            return Err(Error::RecordNotFound {
                kind: "organisation".into(),
                id: parent.clone(),
            });
        }
    }
    let business_id = match input.business_id.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(text) => Some(validate::business_id(text)?),
    };
    let since = validate::optional_date("customer_since", input.customer_since.as_deref())?;
    let until = validate::optional_date("customer_until", input.customer_until.as_deref())?;
    validate::date_range("customer_until", since, until)?;
    Ok(CheckedOrganisation {
        name,
        kind,
        parent_id,
        business_id,
        customer_since: since.map(|d| d.to_string()),
        customer_until: until.map(|d| d.to_string()),
        prospect: false,
    })
}

impl Register {
    /// Adds an organisation (admin, office).
    pub fn organisation_add(
        &mut self,
        session: &Session,
        input: &OrganisationInput,
        clock: &dyn Clock,
    ) -> Result<Organisation> {
        self.write(Some(session), Action::OrganisationAdd, clock, |tx| {
            let organisation = insert_organisation(tx, input, false, clock)?;
            let audited = Audited::record("organisation", &organisation.organisation_id);
            Ok((organisation, audited))
        })
    }

    /// Edits an organisation; every changed field goes to its history (admin, office).
    pub fn organisation_edit(
        &mut self,
        session: &Session,
        organisation_id: &str,
        input: &OrganisationInput,
        clock: &dyn Clock,
    ) -> Result<Organisation> {
        self.write(Some(session), Action::OrganisationEdit, clock, |tx| {
            let before = store::organisations::organisation(tx, organisation_id)?
                .ok_or_else(|| not_found(organisation_id))?;
            let mut checked = check(tx, input)?;
            // Office staff complete a prospect by giving its Y-tunnus.
            checked.prospect = before.prospect && checked.business_id.is_none();
            if checked.parent_id.as_deref() == Some(organisation_id) {
                return Err(Error::FieldInvalid {
                    field: "parent_id".into(),
                    rule: "parent_required".into(),
                });
            }
            let now = ids::timestamp(clock);
            let changes = [
                (
                    "name",
                    Some(before.name.clone()),
                    Some(checked.name.clone()),
                ),
                (
                    "kind",
                    Some(before.kind.name().to_string()),
                    Some(checked.kind.name().to_string()),
                ),
                (
                    "parent_id",
                    before.parent_id.clone(),
                    checked.parent_id.clone(),
                ),
                (
                    "business_id",
                    before.business_id.clone(),
                    checked.business_id.clone(),
                ),
                (
                    "customer_since",
                    before.customer_since.clone(),
                    checked.customer_since.clone(),
                ),
                (
                    "customer_until",
                    before.customer_until.clone(),
                    checked.customer_until.clone(),
                ),
                (
                    "prospect",
                    Some(before.prospect.to_string()),
                    Some(checked.prospect.to_string()),
                ),
            ];
            for (field, old, new) in changes {
                if old != new {
                    store::history::insert_history(
                        tx,
                        clock,
                        "organisation",
                        organisation_id,
                        field,
                        old.as_deref(),
                        new.as_deref(),
                        &store::history::ChangedBy::user(&session.user_id),
                    )?;
                }
            }
            store::organisations::update_organisation(tx, organisation_id, &checked, &now)?;
            search::index_organisation(tx, organisation_id)?;
            let after = store::organisations::organisation(tx, organisation_id)?
                .ok_or_else(|| not_found(organisation_id))?;
            Ok((after, Audited::record("organisation", organisation_id)))
        })
    }

    /// The organisation page (every role); the view is audited.
    pub fn organisation_page(
        &mut self,
        session: &Session,
        organisation_id: &str,
        clock: &dyn Clock,
    ) -> Result<OrganisationPage> {
        self.write(Some(session), Action::OrganisationView, clock, |tx| {
            let organisation = store::organisations::organisation(tx, organisation_id)?
                .ok_or_else(|| not_found(organisation_id))?;
            let page = OrganisationPage {
                units: store::organisations::units(tx, organisation_id)?,
                positions: store::people::positions_at(tx, organisation_id)?,
                contacts: store::people::contacts_of(tx, None, Some(organisation_id))?,
                deals: store::deals::deals_of_organisation(tx, organisation_id)?,
                meetings: store::meetings::meetings_of(tx, None, Some(organisation_id), 200)?,
                service_elements: store::meetings::elements_of(tx, None, Some(organisation_id))?,
                history: store::history::history(tx, "organisation", organisation_id)?,
                organisation,
            };
            let people = page
                .positions
                .iter()
                .map(|p| p.person_id.as_str())
                .chain(
                    page.deals
                        .iter()
                        .flat_map(|d| d.people.iter().map(|p| p.person_id.as_str())),
                )
                .chain(
                    page.meetings
                        .iter()
                        .flat_map(|m| m.participants.iter().map(|p| p.person_id.as_str())),
                )
                .chain(
                    page.service_elements
                        .iter()
                        .filter_map(|e| e.person_id.as_deref()),
                );
            let audited = Audited::record("organisation", organisation_id).and_people(people);
            Ok((page, audited))
        })
    }

    /// Prospect organisations still without a Y-tunnus, oldest first, for office staff to
    /// complete (every role).
    pub fn organisation_prospects(&self, session: &Session) -> Result<Vec<Organisation>> {
        self.authorize(session, Action::OrganisationList)?;
        store::organisations::prospects_to_complete(&self.conn)
    }

    /// Merges an organisation created by mistake into another (admin): its positions, contact
    /// data, deals, meetings, service elements, units and legal holds move to `into_id`, its
    /// history and the history values naming it follow, and it is deleted. Refused for the same
    /// organisation or one of its own units (`organisation_merge_invalid`).
    pub fn organisation_merge(
        &mut self,
        session: &Session,
        organisation_id: &str,
        into_id: &str,
        clock: &dyn Clock,
    ) -> Result<Organisation> {
        self.write(Some(session), Action::OrganisationMerge, clock, |tx| {
            let from = store::organisations::organisation(tx, organisation_id)?
                .ok_or_else(|| not_found(organisation_id))?;
            store::organisations::organisation(tx, into_id)?.ok_or_else(|| not_found(into_id))?;
            let invalid = |rule: &str| Error::OrganisationMergeInvalid {
                organisation_id: organisation_id.to_string(),
                rule: rule.into(),
            };
            if organisation_id == into_id {
                return Err(invalid("same"));
            }
            // Another device may be adding a position or a meeting to it right now; merged
            // away, that record would be refused everywhere else and lost (merge by record
            // rewrite on every device is not built yet).
            if store::sync::is_set_up(tx)? {
                return Err(invalid("synced"));
            }
            if store::organisations::units(tx, organisation_id)?
                .iter()
                .any(|unit| unit.organisation_id == into_id)
            {
                return Err(invalid("own_unit"));
            }
            store::organisations::move_references(tx, organisation_id, into_id)?;
            store::history::insert_history(
                tx,
                clock,
                "organisation",
                into_id,
                "merged_from",
                Some(&from.name),
                None,
                &store::history::ChangedBy::user(&session.user_id),
            )?;
            store::organisations::delete_organisation(tx, organisation_id)?;
            store::search::delete_search_row(tx, organisation_id)?;
            search::index_organisation(tx, into_id)?;
            let into = store::organisations::organisation(tx, into_id)?
                .ok_or_else(|| not_found(into_id))?;
            let audited =
                Audited::record("organisation", organisation_id).and("organisation", into_id);
            Ok((into, audited))
        })
    }

    /// Removes an organisation that nothing refers to (admin). Refused with
    /// `organisation_in_use` (what refers to it, counted) while anything does: merge it then.
    pub fn organisation_remove(
        &mut self,
        session: &Session,
        organisation_id: &str,
        clock: &dyn Clock,
    ) -> Result<()> {
        self.write(Some(session), Action::OrganisationRemove, clock, |tx| {
            let organisation = store::organisations::organisation(tx, organisation_id)?
                .ok_or_else(|| not_found(organisation_id))?;
            if store::sync::is_set_up(tx)? {
                return Err(Error::OrganisationMergeInvalid {
                    organisation_id: organisation_id.to_string(),
                    rule: "synced".into(),
                });
            }
            let uses = store::organisations::references(tx, organisation_id)?;
            if uses.positions + uses.deals + uses.meetings + uses.other > 0 {
                return Err(Error::OrganisationInUse {
                    organisation_id: organisation_id.to_string(),
                    name: organisation.name,
                    positions: uses.positions,
                    deals: uses.deals,
                    meetings: uses.meetings,
                    other: uses.other,
                });
            }
            store::organisations::delete_organisation(tx, organisation_id)?;
            store::search::delete_search_row(tx, organisation_id)?;
            Ok(((), Audited::record("organisation", organisation_id)))
        })
    }

    /// Organisations in Finnish alphabetical order, a page at a time (every role).
    pub fn organisation_list(
        &self,
        session: &Session,
        offset: u64,
        limit: u64,
    ) -> Result<ListPage<Organisation>> {
        self.authorize(session, Action::OrganisationList)?;
        store::organisations::organisation_list(&self.conn, offset, limit.min(1000))
    }
}

/// Inserts an organisation; a `prospect` one is marked for office staff to complete.
pub(crate) fn insert_organisation(
    tx: &rusqlite::Connection,
    input: &OrganisationInput,
    prospect: bool,
    clock: &dyn Clock,
) -> Result<Organisation> {
    let mut checked = check(tx, input)?;
    checked.prospect = prospect;
    if let Some(business_id) = &checked.business_id {
        if checked.kind != OrganisationKind::Unit
            && store::organisations::organisation_by_business_id(tx, business_id)?.is_some()
        {
            return Err(Error::FieldInvalid {
                field: "business_id".into(),
                rule: "duplicate".into(),
            });
        }
    }
    let organisation_id = ids::new_id(clock);
    let now = ids::timestamp(clock);
    store::organisations::insert_organisation(tx, &organisation_id, &checked, &now)?;
    search::index_organisation(tx, &organisation_id)?;
    store::organisations::organisation(tx, &organisation_id)?
        .ok_or_else(|| not_found(&organisation_id))
}

fn not_found(id: &str) -> Error {
    Error::RecordNotFound {
        kind: "organisation".into(),
        id: id.to_string(),
    }
}
