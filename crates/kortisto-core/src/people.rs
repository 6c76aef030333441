//! People (R1.1), their positions in organisations (R1.3), contact data of people and
//! organisations (R1.4–R1.6) each with its source (R2), the business-card entry with its
//! duplicate warning, and the person page.
use serde::{Deserialize, Serialize};

use crate::audit::Audited;
use crate::auth::{Action, Session};
use crate::deals::Deal;
use crate::history::HistoryEntry;
use crate::meetings::{Meeting, ServiceElement};
use crate::organisations::{insert_organisation, ListPage, OrganisationInput};
use crate::sources::{Source, SourceInput};
use crate::{ids, search, store, validate, Clock, Error, Register, Result};

/// A person's name as entered or edited.
#[derive(Debug, Clone, Default, Serialize, Deserialize, ts_rs::TS)]
pub struct PersonInput {
    /// Surname.
    pub surname: String,
    /// First name.
    pub first_name: String,
    /// Other first names.
    #[serde(default)]
    pub other_first_names: Option<String>,
}

/// A person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Person {
    /// Id.
    pub person_id: String,
    /// Surname.
    pub surname: String,
    /// First name.
    pub first_name: String,
    /// Other first names.
    pub other_first_names: Option<String>,
    /// Where the person's record came from.
    pub source: Source,
    /// Created.
    pub created_at: String,
    /// Last changed.
    pub updated_at: String,
}

/// A line in a list of people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct PersonSummary {
    /// Id.
    pub person_id: String,
    /// Surname.
    pub surname: String,
    /// First name.
    pub first_name: String,
    /// Title of the current position.
    pub title: Option<String>,
    /// Organisation of the current position.
    pub organisation_name: Option<String>,
    /// Whether processing is restricted (Art. 18).
    pub restricted: bool,
}

/// Kinds of contact data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum ContactKind {
    /// Postal or visiting address.
    Address,
    /// Phone.
    Phone,
    /// Mobile phone.
    Mobile,
    /// E-mail.
    Email,
    /// Social-media contact (kind + handle or URL).
    Social,
}

named!(ContactKind, |_| crate::Error::FieldInvalid { field: "kind".into(), rule: "contact_kind".into() }, {
    Address => "address",
    Phone => "phone",
    Mobile => "mobile",
    Email => "email",
    Social => "social",
});

/// A contact datum as entered.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct ContactInput {
    /// Kind.
    pub kind: ContactKind,
    /// The address, number, e-mail or handle/URL.
    pub value: String,
    /// A label ("work", "visiting address", …).
    #[serde(default)]
    pub label: Option<String>,
    /// For social contacts: which service (LinkedIn, …).
    #[serde(default)]
    pub social_kind: Option<String>,
}

/// A contact datum with its source.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Contact {
    /// Id.
    pub contact_id: String,
    /// The person it belongs to.
    pub person_id: Option<String>,
    /// The organisation it belongs to.
    pub organisation_id: Option<String>,
    /// Kind.
    pub kind: ContactKind,
    /// Label.
    pub label: Option<String>,
    /// As stored (phone numbers in E.164).
    pub value: String,
    /// As shown (phone numbers in national form).
    pub display: String,
    /// Social service.
    pub social_kind: Option<String>,
    /// Where it came from.
    pub source: Source,
    /// When it was marked as no longer valid (kept and shown, but not used); none while valid.
    pub retired_at: Option<String>,
}

/// A position as entered.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct PositionInput {
    /// Who.
    pub person_id: String,
    /// Where.
    pub organisation_id: String,
    /// Title.
    pub title: String,
    /// Job description.
    #[serde(default)]
    pub job_description: Option<String>,
    /// Start date.
    #[serde(default)]
    pub start_on: Option<String>,
    /// End date (empty while current).
    #[serde(default)]
    pub end_on: Option<String>,
}

/// A person's position in an organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct Position {
    /// Id.
    pub position_id: String,
    /// Who.
    pub person_id: String,
    /// Their name ("Surname First").
    pub person_name: String,
    /// Where.
    pub organisation_id: String,
    /// The organisation's name.
    pub organisation_name: String,
    /// Title.
    pub title: String,
    /// Job description.
    pub job_description: Option<String>,
    /// Start date.
    pub start_on: Option<String>,
    /// End date.
    pub end_on: Option<String>,
}

/// Everything the person page shows.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct PersonPage {
    /// The person.
    pub person: Person,
    /// Contact data with sources.
    pub contacts: Vec<Contact>,
    /// Positions, current first.
    pub positions: Vec<Position>,
    /// Deals they are party to.
    pub deals: Vec<Deal>,
    /// Their latest meetings (at most 200).
    pub meetings: Vec<Meeting>,
    /// Service elements registered to them.
    pub service_elements: Vec<ServiceElement>,
    /// Rectification history.
    pub history: Vec<HistoryEntry>,
    /// Restrictions of processing, newest first (the one in force has no `lifted_at`).
    pub restrictions: Vec<crate::restriction::Restriction>,
    /// Objections, newest first.
    pub objections: Vec<crate::restriction::Objection>,
}

/// One business card: the person, where they work, their contact data and the source.
#[derive(Debug, Clone, Serialize, Deserialize, ts_rs::TS)]
pub struct BusinessCard {
    /// The person.
    pub person: PersonInput,
    /// An existing organisation …
    #[serde(default)]
    pub organisation_id: Option<String>,
    /// … or a new one (needs the right to add organisations).
    #[serde(default)]
    pub new_organisation: Option<OrganisationInput>,
    /// Title at that organisation.
    #[serde(default)]
    pub title: Option<String>,
    /// Contact data.
    #[serde(default)]
    pub contacts: Vec<ContactInput>,
    /// Where it came from (applies to the person and every contact datum).
    pub source: SourceInput,
}

/// What saving a business card made.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BusinessCardSaved {
    /// The new person.
    pub person_id: String,
    /// The organisation (existing or new).
    pub organisation_id: Option<String>,
    /// The new position.
    pub position_id: Option<String>,
}

/// Why an existing person may be the same as the one being entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "kebab-case")]
pub enum DuplicateReason {
    /// The same e-mail address.
    SameEmail,
    /// The same phone number.
    SamePhone,
    /// The same name at the same organisation.
    SameNameInOrganisation,
    /// The e-mail belonged to someone who was erased: their marketing opt-out stands
    /// (no person to open; `person_id` is empty).
    ErasedOptOut,
}

/// A likely duplicate.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
pub struct DuplicateCandidate {
    /// The existing person.
    pub person_id: String,
    /// Their surname.
    pub surname: String,
    /// Their first name.
    pub first_name: String,
    /// Their current organisation.
    pub organisation_name: Option<String>,
    /// Why they match.
    pub reason: DuplicateReason,
}

pub(crate) struct CheckedContact {
    pub kind: ContactKind,
    pub value: String,
    pub label: Option<String>,
    pub social_kind: Option<String>,
}

pub(crate) fn check_contact(input: &ContactInput) -> Result<CheckedContact> {
    let value = match input.kind {
        ContactKind::Phone | ContactKind::Mobile => {
            validate::phone(input.kind.name(), &input.value)?.e164
        }
        ContactKind::Email => validate::email(&input.value)?,
        ContactKind::Address => crate::date::check_text("address", &input.value, 500)?,
        ContactKind::Social => validate::required("social", &input.value, 500)?,
    };
    Ok(CheckedContact {
        kind: input.kind,
        value,
        label: validate::optional("label", input.label.as_deref(), 100, false)?,
        social_kind: validate::optional("social_kind", input.social_kind.as_deref(), 50, false)?,
    })
}

struct CheckedPerson {
    surname: String,
    first_name: String,
    other_first_names: Option<String>,
}

fn check_person(input: &PersonInput) -> Result<CheckedPerson> {
    Ok(CheckedPerson {
        surname: validate::name("surname", &input.surname, 200)?,
        first_name: validate::name("first_name", &input.first_name, 200)?,
        other_first_names: validate::optional_name(
            "other_first_names",
            input.other_first_names.as_deref(),
            200,
        )?,
    })
}

impl Register {
    /// Adds a person with optional contact data, all citing `source` (every role).
    pub fn person_add(
        &mut self,
        session: &Session,
        person: &PersonInput,
        contacts: &[ContactInput],
        source: &SourceInput,
        clock: &dyn Clock,
    ) -> Result<Person> {
        self.write(Some(session), Action::PersonAdd, clock, |tx| {
            let person_id = insert_person(tx, session, person, contacts, source, clock)?;
            let created = store::people::person(tx, &person_id)?
                .ok_or_else(|| not_found("person", &person_id))?;
            Ok((created, Audited::record("person", &person_id)))
        })
    }

    /// Edits a person's name; every changed field goes to the history, under `request_id`
    /// when made while answering that (open) request (every role).
    pub fn person_edit(
        &mut self,
        session: &Session,
        person_id: &str,
        input: &PersonInput,
        request_id: Option<&str>,
        clock: &dyn Clock,
    ) -> Result<Person> {
        self.write(Some(session), Action::PersonEdit, clock, |tx| {
            let checked = check_person(input)?;
            crate::restriction::ensure_may_change(tx, session, person_id)?;
            let changed_by = crate::requests::changed_by(tx, session, request_id)?;
            crate::requests::ensure_request_about(tx, request_id, person_id)?;
            let before = store::people::person(tx, person_id)?
                .ok_or_else(|| not_found("person", person_id))?;
            let changes = [
                (
                    "surname",
                    Some(before.surname.clone()),
                    Some(checked.surname.clone()),
                ),
                (
                    "first_name",
                    Some(before.first_name.clone()),
                    Some(checked.first_name.clone()),
                ),
                (
                    "other_first_names",
                    before.other_first_names.clone(),
                    checked.other_first_names.clone(),
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
                        person_id,
                        field,
                        old.as_deref(),
                        new.as_deref(),
                        &changed_by,
                    )?;
                }
            }
            if changed {
                store::people::update_person(
                    tx,
                    person_id,
                    &checked.surname,
                    &checked.first_name,
                    checked.other_first_names.as_deref(),
                    &ids::timestamp(clock),
                )?;
                search::index_person(tx, person_id)?;
            }
            // An edit that changes nothing leaves no entry.
            let audited = if changed {
                Audited::record("person", person_id)
            } else {
                Audited::nothing()
            };
            let after = store::people::person(tx, person_id)?
                .ok_or_else(|| not_found("person", person_id))?;
            Ok((after, audited))
        })
    }

    /// The person page (every role); the view is audited.
    pub fn person_page(
        &mut self,
        session: &Session,
        person_id: &str,
        clock: &dyn Clock,
    ) -> Result<PersonPage> {
        self.write(Some(session), Action::PersonView, clock, |tx| {
            let person = store::people::person(tx, person_id)?
                .ok_or_else(|| not_found("person", person_id))?;
            let page = PersonPage {
                contacts: store::people::contacts_of(tx, Some(person_id), None)?,
                positions: store::people::positions_of(tx, person_id)?,
                deals: store::deals::deals_of_person(tx, person_id)?,
                meetings: store::meetings::meetings_of(tx, Some(person_id), None, 200)?,
                service_elements: store::meetings::elements_of(tx, Some(person_id), None)?,
                history: store::history::history(tx, "person", person_id)?,
                restrictions: store::restriction::restrictions_of(tx, person_id)?,
                objections: store::restriction::objections_of(tx, person_id)?,
                person,
            };
            // The page's meeting and deal lists name the other people in them: a list read
            // of those people (the person themself is the page's own read).
            let others = page
                .meetings
                .iter()
                .flat_map(|m| m.participants.iter())
                .chain(page.deals.iter().flat_map(|d| d.people.iter()))
                .map(|p| p.person_id.as_str())
                .filter(|id| *id != person_id);
            let audited = Audited::people(others).and("person", person_id).seen();
            Ok((page, audited))
        })
    }

    /// People in Finnish alphabetical order, a page at a time (every role); the people on
    /// the page are audited (see [`Audited::people`]).
    pub fn person_list(
        &mut self,
        session: &Session,
        offset: u64,
        limit: u64,
        clock: &dyn Clock,
    ) -> Result<ListPage<PersonSummary>> {
        self.write(Some(session), Action::PersonList, clock, |tx| {
            let page = store::people::person_list(tx, offset, limit.min(1000))?;
            let audited = Audited::people(page.items.iter().map(|p| p.person_id.as_str()));
            Ok((page, audited))
        })
    }

    /// Adds a contact datum to a person or an organisation (every role for people; admin and
    /// office for organisations).
    pub fn contact_add(
        &mut self,
        session: &Session,
        person_id: Option<&str>,
        organisation_id: Option<&str>,
        input: &ContactInput,
        source: &SourceInput,
        clock: &dyn Clock,
    ) -> Result<Contact> {
        // An organisation's contact data needs its edit permission besides the contact's,
        // which the write checks (every role has it).
        if organisation_id.is_some() {
            self.authorize(session, Action::OrganisationEdit)?;
        }
        self.write(Some(session), Action::ContactAdd, clock, |tx| {
            let contact_id = insert_contact(
                tx,
                session,
                person_id,
                organisation_id,
                input,
                source,
                clock,
            )?;
            let contact = store::people::contact(tx, &contact_id)?
                .ok_or_else(|| not_found("contact", &contact_id))?;
            Ok((contact, Audited::record("contact", &contact_id)))
        })
    }

    /// Adds a position (every role).
    pub fn position_add(
        &mut self,
        session: &Session,
        input: &PositionInput,
        clock: &dyn Clock,
    ) -> Result<Position> {
        self.write(Some(session), Action::PositionAdd, clock, |tx| {
            crate::restriction::ensure_may_change(tx, session, &input.person_id)?;
            let changed_by = store::history::ChangedBy::user(&session.user_id);
            let position_id = insert_position(tx, input, &changed_by, clock)?;
            let position = store::people::position(tx, &position_id)?
                .ok_or_else(|| not_found("position", &position_id))?;
            Ok((position, Audited::record("position", &position_id)))
        })
    }

    /// Likely duplicates of a business card being entered: the same e-mail or phone, or the
    /// same name at the same organisation (every role).
    pub fn duplicate_check(
        &self,
        session: &Session,
        card: &BusinessCard,
    ) -> Result<Vec<DuplicateCandidate>> {
        self.authorize(session, Action::DuplicateCheck)?;
        find_duplicates(&self.conn, card)
    }

    /// Saves a business card in one transaction: person, organisation (new or existing),
    /// position and contact data, all citing the card's source. Refuses with
    /// `duplicate_suspected` while likely duplicates exist, unless the user confirmed that
    /// this is a different person (`confirmed_new`).
    pub fn business_card_save(
        &mut self,
        session: &Session,
        card: &BusinessCard,
        confirmed_new: bool,
        clock: &dyn Clock,
    ) -> Result<BusinessCardSaved> {
        // A new organisation needs its own permission besides the card's, which the write
        // checks (every role has it). Whoever may not add organisations (a sales rep on the
        // road) adds it as a prospect, for office staff to complete with its Y-tunnus.
        let prospect = match &card.new_organisation {
            Some(_) if self.authorize(session, Action::OrganisationAdd).is_err() => {
                self.authorize(session, Action::ProspectAdd)?;
                true
            }
            _ => false,
        };
        self.write(Some(session), Action::BusinessCardSave, clock, |tx| {
            if !confirmed_new {
                let duplicates = find_duplicates(tx, card)?;
                if !duplicates.is_empty() {
                    return Err(Error::DuplicateSuspected {
                        person_ids: duplicates.into_iter().map(|d| d.person_id).collect(),
                    });
                }
            }
            let person_id = insert_person(
                tx,
                session,
                &card.person,
                &card.contacts,
                &card.source,
                clock,
            )?;
            let organisation_id = match (&card.organisation_id, &card.new_organisation) {
                (Some(id), _) if !id.trim().is_empty() => Some(id.trim().to_string()),
                (_, Some(new)) => {
                    Some(insert_organisation(tx, new, prospect, clock)?.organisation_id)
                }
                _ => None,
            };
            let position_id = match &organisation_id {
                Some(organisation_id) => Some(insert_position(
                    tx,
                    &PositionInput {
                        person_id: person_id.clone(),
                        organisation_id: organisation_id.clone(),
                        title: card
                            .title
                            .clone()
                            .filter(|t| !t.trim().is_empty())
                            .unwrap_or_else(|| "-".into()),
                        job_description: None,
                        start_on: None,
                        end_on: None,
                    },
                    &store::history::ChangedBy::user(&session.user_id),
                    clock,
                )?),
                None => None,
            };
            // One entry for each record the card added, all under the card's action.
            let mut audited = Audited::record("person", &person_id);
            if let (Some(id), Some(_)) = (&organisation_id, &card.new_organisation) {
                audited = audited.and("organisation", id);
            }
            if let Some(id) = &position_id {
                audited = audited.and("position", id);
            }
            let saved = BusinessCardSaved {
                person_id,
                organisation_id,
                position_id,
            };
            Ok((saved, audited))
        })
    }
}

pub(crate) fn find_duplicates(
    conn: &rusqlite::Connection,
    card: &BusinessCard,
) -> Result<Vec<DuplicateCandidate>> {
    let mut found: Vec<DuplicateCandidate> = Vec::new();
    let mut push = |candidate: DuplicateCandidate| {
        if !found.iter().any(|f| f.person_id == candidate.person_id) {
            found.push(candidate);
        }
    };
    for contact in &card.contacts {
        // Half-typed values are not errors here: they just cannot match yet.
        let (kinds, value, reason): (&[&str], String, DuplicateReason) = match contact.kind {
            ContactKind::Email => match validate::email(&contact.value) {
                Ok(email) => {
                    if crate::erasure::email_suppressed(conn, &email)? {
                        push(DuplicateCandidate {
                            person_id: String::new(),
                            surname: String::new(),
                            first_name: String::new(),
                            organisation_name: None,
                            reason: DuplicateReason::ErasedOptOut,
                        });
                    }
                    (&["email"], email, DuplicateReason::SameEmail)
                }
                Err(_) => continue,
            },
            ContactKind::Phone | ContactKind::Mobile => {
                match validate::phone("phone", &contact.value) {
                    Ok(phone) => (&["phone", "mobile"], phone.e164, DuplicateReason::SamePhone),
                    Err(_) => continue,
                }
            }
            _ => continue,
        };
        for candidate in store::people::people_with_contact(conn, kinds, &value, reason)? {
            push(candidate);
        }
    }
    let organisation_id = card
        .organisation_id
        .as_deref()
        .filter(|id| !id.trim().is_empty());
    if let Some(organisation_id) = organisation_id {
        for candidate in store::people::people_named_at(
            conn,
            card.person.surname.trim(),
            card.person.first_name.trim(),
            organisation_id,
        )? {
            push(candidate);
        }
    }
    Ok(found)
}

pub(crate) fn insert_person(
    tx: &rusqlite::Connection,
    session: &Session,
    input: &PersonInput,
    contacts: &[ContactInput],
    source: &SourceInput,
    clock: &dyn Clock,
) -> Result<String> {
    let checked = check_person(input)?;
    let checked_contacts = contacts
        .iter()
        .map(check_contact)
        .collect::<Result<Vec<_>>>()?;
    let source = source.record(&session.user_id, clock)?;
    store::sources::insert_source(tx, &source)?;
    let person_id = ids::new_id(clock);
    let now = ids::timestamp(clock);
    store::people::insert_person(
        tx,
        &person_id,
        &checked.surname,
        &checked.first_name,
        checked.other_first_names.as_deref(),
        &source.source_id,
        &now,
    )?;
    for contact in &checked_contacts {
        let contact_id = ids::new_id(clock);
        store::people::insert_contact(
            tx,
            &contact_id,
            Some(&person_id),
            None,
            contact,
            &source.source_id,
            &now,
        )?;
    }
    search::index_person(tx, &person_id)?;
    Ok(person_id)
}

fn insert_contact(
    tx: &rusqlite::Connection,
    session: &Session,
    person_id: Option<&str>,
    organisation_id: Option<&str>,
    input: &ContactInput,
    source: &SourceInput,
    clock: &dyn Clock,
) -> Result<String> {
    let (record_kind, record_id) = match (person_id, organisation_id) {
        (Some(person), None) => {
            store::people::person(tx, person)?.ok_or_else(|| not_found("person", person))?;
            crate::restriction::ensure_may_change(tx, session, person)?;
            ("person", person)
        }
        (None, Some(organisation)) => {
            store::organisations::organisation(tx, organisation)?
                .ok_or_else(|| not_found("organisation", organisation))?;
            ("organisation", organisation)
        }
        _ => {
            return Err(Error::FieldInvalid {
                field: "owner".into(),
                rule: "contact_owner".into(),
            })
        }
    };
    let checked = check_contact(input)?;
    let source = source.record(&session.user_id, clock)?;
    store::sources::insert_source(tx, &source)?;
    let contact_id = ids::new_id(clock);
    store::people::insert_contact(
        tx,
        &contact_id,
        person_id,
        organisation_id,
        &checked,
        &source.source_id,
        &ids::timestamp(clock),
    )?;
    store::history::insert_history(
        tx,
        clock,
        record_kind,
        record_id,
        &format!("contact.{}", checked.kind.name()),
        None,
        Some(&checked.value),
        &store::history::ChangedBy::user(&session.user_id),
    )?;
    match record_kind {
        "person" => search::index_person(tx, record_id)?,
        _ => search::index_organisation(tx, record_id)?,
    }
    Ok(contact_id)
}

pub(crate) fn insert_position(
    tx: &rusqlite::Connection,
    input: &PositionInput,
    changed_by: &store::history::ChangedBy<'_>,
    clock: &dyn Clock,
) -> Result<String> {
    store::people::person(tx, &input.person_id)?
        .ok_or_else(|| not_found("person", &input.person_id))?;
    store::organisations::organisation(tx, &input.organisation_id)?
        .ok_or_else(|| not_found("organisation", &input.organisation_id))?;
    let title = validate::required("title", &input.title, 200)?;
    let job_description = validate::optional(
        "job_description",
        input.job_description.as_deref(),
        2000,
        true,
    )?;
    let start = validate::optional_date("start_on", input.start_on.as_deref())?;
    let end = validate::optional_date("end_on", input.end_on.as_deref())?;
    validate::date_range("end_on", start, end)?;
    let position_id = ids::new_id(clock);
    store::people::insert_position(
        tx,
        &position_id,
        &input.person_id,
        &input.organisation_id,
        &title,
        job_description.as_deref(),
        start.map(|d| d.to_string()).as_deref(),
        end.map(|d| d.to_string()).as_deref(),
        &ids::timestamp(clock),
    )?;
    store::history::insert_history(
        tx,
        clock,
        "person",
        &input.person_id,
        "position",
        None,
        Some(&title),
        changed_by,
    )?;
    Ok(position_id)
}

pub(crate) fn not_found(kind: &str, id: &str) -> Error {
    Error::RecordNotFound {
        kind: kind.to_string(),
        id: id.to_string(),
    }
}
