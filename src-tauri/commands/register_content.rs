//! The register's content as the UI calls it: search, people, organisations, positions,
//! contact data, business cards, deals, meetings and service elements. Each command is a
//! thin wrapper: the role check, the validation and the audit happen in the core.
use kortisto_core::deals::{Deal, DealFilter, DealInput};
use kortisto_core::meetings::{
    Meeting, MeetingFilter, MeetingInput, ServiceElement, ServiceElementInput,
};
use kortisto_core::organisations::{ListPage, Organisation, OrganisationInput, OrganisationPage};
use kortisto_core::people::{
    BusinessCard, BusinessCardSaved, Contact, ContactInput, DuplicateCandidate, Person,
    PersonInput, PersonPage, PersonSummary, Position, PositionInput,
};
use kortisto_core::search::SearchHit;
use kortisto_core::sources::SourceInput;
use tauri::State;

use crate::{AppError, AppState};

/// As-you-type search over people and organisations.
#[tauri::command(rename_all = "snake_case")]
pub async fn search(
    state: State<'_, AppState>,
    query: String,
    limit: Option<u32>,
) -> Result<Vec<SearchHit>, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.search(session, &query, limit.unwrap_or(20), clock.as_ref())
    })
}

/// A person's page (audited as a view).
#[tauri::command(rename_all = "snake_case")]
pub async fn person_page(
    state: State<'_, AppState>,
    person_id: String,
) -> Result<PersonPage, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.person_page(session, &person_id, clock.as_ref()))
}

/// A page of the people list in Finnish order.
#[tauri::command(rename_all = "snake_case")]
pub async fn person_list(
    state: State<'_, AppState>,
    offset: u64,
    limit: u64,
) -> Result<ListPage<PersonSummary>, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.person_list(session, offset, limit, clock.as_ref()))
}

/// Adds a person with contact data and their source.
#[tauri::command(rename_all = "snake_case")]
pub async fn person_add(
    state: State<'_, AppState>,
    person: PersonInput,
    contacts: Vec<ContactInput>,
    source: SourceInput,
) -> Result<Person, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.person_add(session, &person, &contacts, &source, clock.as_ref())
    })
}

/// Edits a person's name (history kept), for a data subject's request when one is named.
#[tauri::command(rename_all = "snake_case")]
pub async fn person_edit(
    state: State<'_, AppState>,
    person_id: String,
    person: PersonInput,
    request_id: Option<String>,
) -> Result<Person, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.person_edit(
            session,
            &person_id,
            &person,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Adds a contact datum to a person or an organisation.
#[tauri::command(rename_all = "snake_case")]
pub async fn contact_add(
    state: State<'_, AppState>,
    person_id: Option<String>,
    organisation_id: Option<String>,
    contact: ContactInput,
    source: SourceInput,
) -> Result<Contact, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.contact_add(
            session,
            person_id.as_deref(),
            organisation_id.as_deref(),
            &contact,
            &source,
            clock.as_ref(),
        )
    })
}

/// Adds a position.
#[tauri::command(rename_all = "snake_case")]
pub async fn position_add(
    state: State<'_, AppState>,
    position: PositionInput,
) -> Result<Position, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.position_add(session, &position, clock.as_ref()))
}

/// Likely duplicates of a business card being typed.
#[tauri::command(rename_all = "snake_case")]
pub async fn duplicate_check(
    state: State<'_, AppState>,
    card: BusinessCard,
) -> Result<Vec<DuplicateCandidate>, AppError> {
    state.as_user(|register, session| register.duplicate_check(session, &card))
}

/// Saves a business card (refused while duplicates are suspected, unless confirmed).
#[tauri::command(rename_all = "snake_case")]
pub async fn business_card_save(
    state: State<'_, AppState>,
    card: BusinessCard,
    confirmed_new: bool,
) -> Result<BusinessCardSaved, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.business_card_save(session, &card, confirmed_new, clock.as_ref())
    })
}

/// Adds an organisation.
#[tauri::command(rename_all = "snake_case")]
pub async fn organisation_add(
    state: State<'_, AppState>,
    organisation: OrganisationInput,
) -> Result<Organisation, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.organisation_add(session, &organisation, clock.as_ref())
    })
}

/// Edits an organisation (history kept).
#[tauri::command(rename_all = "snake_case")]
pub async fn organisation_edit(
    state: State<'_, AppState>,
    organisation_id: String,
    organisation: OrganisationInput,
) -> Result<Organisation, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.organisation_edit(session, &organisation_id, &organisation, clock.as_ref())
    })
}

/// Merges an organisation created by mistake into another (admin); returns the one kept.
#[tauri::command(rename_all = "snake_case")]
pub async fn organisation_merge(
    state: State<'_, AppState>,
    organisation_id: String,
    into_id: String,
) -> Result<Organisation, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.organisation_merge(session, &organisation_id, &into_id, clock.as_ref())
    })
}

/// Removes an organisation nothing refers to (admin; `organisation_in_use` otherwise).
#[tauri::command(rename_all = "snake_case")]
pub async fn organisation_remove(
    state: State<'_, AppState>,
    organisation_id: String,
) -> Result<(), AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.organisation_remove(session, &organisation_id, clock.as_ref())
    })
}

/// An organisation's page (audited as a view).
#[tauri::command(rename_all = "snake_case")]
pub async fn organisation_page(
    state: State<'_, AppState>,
    organisation_id: String,
) -> Result<OrganisationPage, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.organisation_page(session, &organisation_id, clock.as_ref())
    })
}

/// A page of the organisation list in Finnish order.
#[tauri::command(rename_all = "snake_case")]
pub async fn organisation_list(
    state: State<'_, AppState>,
    offset: u64,
    limit: u64,
) -> Result<ListPage<Organisation>, AppError> {
    state.as_user(|register, session| register.organisation_list(session, offset, limit))
}

/// Adds a deal.
#[tauri::command(rename_all = "snake_case")]
pub async fn deal_add(state: State<'_, AppState>, deal: DealInput) -> Result<Deal, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.deal_add(session, &deal, clock.as_ref()))
}

/// Edits a deal.
#[tauri::command(rename_all = "snake_case")]
pub async fn deal_edit(
    state: State<'_, AppState>,
    deal_id: String,
    deal: DealInput,
    request_id: Option<String>,
) -> Result<Deal, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| {
        register.deal_edit(
            session,
            &deal_id,
            &deal,
            request_id.as_deref(),
            clock.as_ref(),
        )
    })
}

/// Deals by kind and status.
#[tauri::command(rename_all = "snake_case")]
pub async fn deal_list(
    state: State<'_, AppState>,
    filter: DealFilter,
) -> Result<ListPage<Deal>, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.deal_list(session, &filter, clock.as_ref()))
}

/// Logs a meeting, call, e-mail, visit or web meeting.
#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_log(
    state: State<'_, AppState>,
    meeting: MeetingInput,
) -> Result<Meeting, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.meeting_log(session, &meeting, clock.as_ref()))
}

/// Meetings, newest first.
#[tauri::command(rename_all = "snake_case")]
pub async fn meeting_list(
    state: State<'_, AppState>,
    filter: MeetingFilter,
) -> Result<ListPage<Meeting>, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.meeting_list(session, &filter, clock.as_ref()))
}

/// Registers a service element.
#[tauri::command(rename_all = "snake_case")]
pub async fn element_add(
    state: State<'_, AppState>,
    element: ServiceElementInput,
) -> Result<ServiceElement, AppError> {
    let clock = state.clock.clone();
    state.as_user(|register, session| register.element_add(session, &element, clock.as_ref()))
}
