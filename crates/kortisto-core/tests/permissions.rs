//! Every role-checked entry point, called by each role, is allowed or refused exactly as the
//! permission table says. An action without a call here fails the test, so a new entry point
//! cannot ship without its row being exercised. Each call also leaves exactly its own
//! action's audit entries, written by its own user, and a refused call none.
use std::collections::HashSet;

use crate::common::{at, password, register_with_admin, Sandbox};
use kortisto_core::audit::AuditEvent;
use kortisto_core::auth::{Action, Role, Session};
use kortisto_core::consent::{ConsentChannel, ConsentEventKind, ConsentInput};
use kortisto_core::corrections::{PositionChange, PositionMove};
use kortisto_core::deals::{DealFilter, DealInput, DealKind, DealStatus};
use kortisto_core::disclosures::{DisclosureInput, LegalBasis, ProcessorInput, TransferInput};
use kortisto_core::meetings::{
    MeetingChange, MeetingFilter, MeetingInput, MeetingKind, ServiceElementInput,
    ServiceElementKind,
};
use kortisto_core::organisations::OrganisationInput;
use kortisto_core::people::{BusinessCard, ContactInput, ContactKind, PersonInput, PositionInput};
use kortisto_core::requests::{RequestChannel, RequestInput, RequestKind};
use kortisto_core::restriction::{ObjectionInput, RestrictionInput};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::training::{InternalAuditResult, TrainingResult};
use kortisto_core::users::NewUser;
use kortisto_core::{AuditFilter, Error, Register};

/// Ids of records the content calls work on, made by the administrator before the walk.
#[derive(Clone)]
struct Fixture {
    person: String,
    organisation: String,
    lead: String,
    rfq: String,
    processor: String,
    transfer: String,
    hold: String,
}

fn card_source() -> SourceInput {
    SourceInput {
        kind: SourceKind::BusinessCard,
        detail: None,
        obtained_on: None,
    }
}

/// A one-card vCard file whose person is new for each call.
fn import_file(n: usize) -> kortisto_core::import::ImportFile {
    let card = format!(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Tuonti{n};Aino;;;\r\nEMAIL:aino.tuonti{n}@example.fi\r\nEND:VCARD\r\n"
    );
    kortisto_core::import::ImportFile::parse("tuonti.vcf", card.as_bytes(), None).unwrap()
}

fn import_options(add_suppressed: bool) -> kortisto_core::import::ImportOptions {
    kortisto_core::import::ImportOptions {
        source: SourceInput {
            kind: SourceKind::EmailOrSocialMedia,
            detail: None,
            obtained_on: None,
        },
        add_likely_duplicates: false,
        add_suppressed,
    }
}

fn person_input(n: usize) -> PersonInput {
    PersonInput {
        surname: format!("Virtanen{n}"),
        first_name: "Maija".into(),
        other_first_names: None,
    }
}

/// The deal kind each role may add: office staff record RFQs, the others leads.
fn role_kind(session: &Session) -> DealKind {
    if session.role == Role::Office {
        DealKind::Rfq
    } else {
        DealKind::Lead
    }
}

fn call_meeting(person_id: &str) -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::Call,
        at: None,
        subject: "Soitto".into(),
        participant_ids: vec![person_id.to_string()],
        notes: None,
        organisation_id: None,
    }
}

type Call = Box<dyn Fn(&mut Register, &Session, usize) -> kortisto_core::Result<()>>;

fn calls(f: Fixture) -> Vec<(Action, Call)> {
    let clock = at("2026-11-27T10:00:00Z");
    let (f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11, f12) = (
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
    );
    let (r1, r2, r3, r4) = (f.clone(), f.clone(), f.clone(), f.clone());
    let (g13, g14, g15, g16, g17, g18) = (
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
    );
    let (h1, h2, h3, h4, h5) = (f.clone(), f.clone(), f.clone(), f.clone(), f.clone());
    let g19 = f.clone();
    let (x1, x2) = (f.clone(), f.clone());
    // Exports are written here (a folder outside the register, kept for the whole test).
    let exports = tempfile::tempdir().unwrap().keep();
    let (exports1, exports2) = (exports.clone(), exports);
    let mut calls: Vec<(Action, Call)> = vec![
        (
            Action::PersonAdd,
            Box::new(move |r, s, n| {
                r.person_add(s, &person_input(n), &[], &card_source(), &clock)
                    .map(drop)
            }),
        ),
        (
            Action::PersonEdit,
            Box::new(move |r, s, n| {
                r.person_edit(s, &f1.person, &person_input(n), None, &clock)
                    .map(drop)
            }),
        ),
        (
            Action::PersonView,
            Box::new(move |r, s, _| r.person_page(s, &f2.person, &clock).map(drop)),
        ),
        (
            Action::PersonList,
            Box::new(move |r, s, _| r.person_list(s, 0, 50, &clock).map(drop)),
        ),
        (
            Action::OrganisationAdd,
            Box::new(move |r, s, n| {
                r.organisation_add(
                    s,
                    &OrganisationInput {
                        name: format!("Yritys {n} Oy"),
                        ..Default::default()
                    },
                    &clock,
                )
                .map(drop)
            }),
        ),
        (
            Action::OrganisationEdit,
            Box::new(move |r, s, n| {
                r.organisation_edit(
                    s,
                    &f3.organisation,
                    &OrganisationInput {
                        name: format!("Asiakas {n} Oy"),
                        ..Default::default()
                    },
                    &clock,
                )
                .map(drop)
            }),
        ),
        (
            Action::OrganisationView,
            Box::new(move |r, s, _| r.organisation_page(s, &f4.organisation, &clock).map(drop)),
        ),
        (
            Action::OrganisationList,
            Box::new(|r, s, _| r.organisation_list(s, 0, 50).map(drop)),
        ),
        (
            Action::PositionAdd,
            Box::new(move |r, s, _| {
                let input = PositionInput {
                    person_id: f5.person.clone(),
                    organisation_id: f5.organisation.clone(),
                    title: "Myyjä".into(),
                    job_description: None,
                    start_on: None,
                    end_on: None,
                };
                r.position_add(s, &input, &clock).map(drop)
            }),
        ),
        (
            Action::ContactAdd,
            Box::new(move |r, s, n| {
                let contact = ContactInput {
                    kind: ContactKind::Email,
                    value: format!("maija{n}@asiakas.fi"),
                    label: None,
                    social_kind: None,
                };
                r.contact_add(s, Some(&f6.person), None, &contact, &card_source(), &clock)
                    .map(drop)
            }),
        ),
        (
            Action::DuplicateCheck,
            Box::new(move |r, s, n| {
                let card = BusinessCard {
                    person: person_input(n),
                    organisation_id: Some(f7.organisation.clone()),
                    new_organisation: None,
                    title: None,
                    contacts: vec![],
                    source: card_source(),
                };
                r.duplicate_check(s, &card).map(drop)
            }),
        ),
        (
            Action::BusinessCardSave,
            Box::new(move |r, s, n| {
                let card = BusinessCard {
                    person: person_input(n + 1000),
                    organisation_id: Some(f8.organisation.clone()),
                    new_organisation: None,
                    title: Some("Ostaja".into()),
                    contacts: vec![],
                    source: card_source(),
                };
                r.business_card_save(s, &card, false, &clock).map(drop)
            }),
        ),
        (
            Action::DealAdd,
            Box::new(move |r, s, n| {
                let deal = DealInput {
                    kind: role_kind(s),
                    organisation_id: f9.organisation.clone(),
                    title: format!("Liidi {n}"),
                    status: DealStatus::Open,
                    start_on: None,
                    end_on: None,
                    notes: None,
                    person_ids: vec![],
                };
                r.deal_add(s, &deal, &clock).map(drop)
            }),
        ),
        (
            Action::DealEdit,
            Box::new(move |r, s, n| {
                let deal = DealInput {
                    kind: role_kind(s),
                    organisation_id: f10.organisation.clone(),
                    title: format!("Liidi {n}"),
                    status: DealStatus::Open,
                    start_on: None,
                    end_on: None,
                    notes: None,
                    person_ids: vec![],
                };
                let deal_id = if s.role == Role::Office {
                    &f10.rfq
                } else {
                    &f10.lead
                };
                r.deal_edit(s, deal_id, &deal, None, &clock).map(drop)
            }),
        ),
        (
            Action::DealList,
            Box::new(move |r, s, _| r.deal_list(s, &DealFilter::default(), &clock).map(drop)),
        ),
        (
            Action::MeetingLog,
            Box::new(move |r, s, _| {
                let meeting = MeetingInput {
                    kind: MeetingKind::Call,
                    at: None,
                    subject: "Soitto".into(),
                    participant_ids: vec![f11.person.clone()],
                    notes: None,
                    organisation_id: None,
                };
                r.meeting_log(s, &meeting, &clock).map(drop)
            }),
        ),
        (
            Action::MeetingList,
            Box::new(move |r, s, _| {
                r.meeting_list(s, &MeetingFilter::default(), &clock)
                    .map(drop)
            }),
        ),
        (
            Action::ElementAdd,
            Box::new(move |r, s, n| {
                let element = ServiceElementInput {
                    kind: ServiceElementKind::Licence,
                    vendor: "Valmistaja".into(),
                    identifier: format!("LIC-{n}"),
                    organisation_id: f12.organisation.clone(),
                    person_id: None,
                    valid_from: None,
                    valid_to: None,
                };
                r.element_add(s, &element, &clock).map(drop)
            }),
        ),
        (
            Action::Search,
            Box::new(move |r, s, _| r.search(s, "virt", 20, &clock).map(drop)),
        ),
        (
            Action::RetentionPreview,
            Box::new(move |r, s, _| {
                r.retention_preview(s, clock.0.date_naive(), kortisto_core::Language::Fi)
                    .map(drop)
            }),
        ),
        (
            Action::RetentionRun,
            Box::new(move |r, s, _| {
                r.retention_run(Some(s), "manual", false, &clock, &mut |_, _| true)
                    .map(drop)
            }),
        ),
        (
            Action::RetentionRuleSet,
            Box::new(move |r, s, _| {
                let input = kortisto_core::retention::RetentionRuleInput {
                    rule_id: "no-ties".into(),
                    months: 36,
                    reference_fi: "Tietosuojaseloste §8".into(),
                    reference_en: "Privacy notice §8".into(),
                };
                r.retention_rule_set(s, &input, &clock).map(drop)
            }),
        ),
        (
            Action::BackupCreate,
            Box::new(move |r, s, n| {
                let out = std::env::temp_dir().join(format!(
                    "kortisto-permission-{}-{n}.kbak",
                    std::process::id()
                ));
                let result = r.backup_create(Some(s), &out, &clock).map(drop);
                let _ = std::fs::remove_file(&out);
                result
            }),
        ),
        (
            Action::BackupRestore,
            Box::new(move |r, s, _| {
                // Past the role check the restore reads the file; a missing file proves it got there.
                match r.backup_restore(
                    s,
                    std::path::Path::new("/nonexistent/kortisto.kbak"),
                    &clock,
                ) {
                    Err(Error::BackupDamaged { .. }) => Ok(()),
                    other => other.map(drop),
                }
            }),
        ),
        (
            Action::KeyRotate,
            Box::new(move |r, s, _| r.key_rotate(s, &clock).map(drop)),
        ),
        // Past the role check, the sync calls need a hub: none answers here.
        (
            Action::HubSetUp,
            Box::new(move |r, s, _| {
                match r.hub_set_up(s, "postgres://127.0.0.1:1/hub?sslmode=disable", "n", &clock) {
                    Err(Error::HubUnreachable { .. }) => Ok(()),
                    other => other.map(drop),
                }
            }),
        ),
        (
            Action::Sync,
            Box::new(move |r, s, _| no_hub(r.sync(Some(s), &clock))),
        ),
        (
            Action::SyncConflictList,
            Box::new(move |r, s, _| r.sync_conflicts(s, false).map(drop)),
        ),
        (
            Action::SyncConflictRestore,
            Box::new(
                move |r, s, _| match r.sync_conflict_restore(s, "no-such-conflict", &clock) {
                    Err(Error::RecordNotFound { .. }) => Ok(()),
                    other => other,
                },
            ),
        ),
        (
            Action::DeviceEnrol,
            Box::new(move |r, s, _| no_hub(r.device_enrol(s, "laptop", &clock))),
        ),
        (
            Action::DeviceList,
            Box::new(move |r, s, _| no_hub(r.device_list(s))),
        ),
        (
            Action::DeviceRevoke,
            Box::new(move |r, s, _| no_hub(r.device_revoke(s, "laptop", &clock))),
        ),
        // Past the role check, an unknown organisation is not found (nothing merged or removed).
        (
            Action::OrganisationMerge,
            Box::new(move |r, s, _| {
                match r.organisation_merge(s, "no-such-org", "no-such-other", &clock) {
                    Err(Error::RecordNotFound { .. }) => Ok(()),
                    other => other.map(drop),
                }
            }),
        ),
        (
            Action::OrganisationRemove,
            Box::new(
                move |r, s, _| match r.organisation_remove(s, "no-such-org", &clock) {
                    Err(Error::RecordNotFound { .. }) => Ok(()),
                    other => other,
                },
            ),
        ),
        (
            Action::Export,
            Box::new(move |r, s, n| {
                let selection = kortisto_core::export::PeopleSelection::People {
                    person_ids: vec![x1.person.clone()],
                };
                r.export_people(
                    s,
                    &selection,
                    kortisto_core::export::PeopleExportFormat::Vcard,
                    kortisto_core::Language::Fi,
                    &exports1.join(format!("{n}.vcf")),
                    &clock,
                )
                .map(drop)
            }),
        ),
        (
            Action::PortabilityExport,
            Box::new(move |r, s, n| {
                r.portability_file(
                    s,
                    &x2.person,
                    kortisto_core::export::PeopleExportFormat::Json,
                    kortisto_core::Language::Fi,
                    &exports2.join(format!("{n}.json")),
                    &clock,
                )
                .map(drop)
            }),
        ),
        (
            Action::ImportPlan,
            Box::new(move |r, s, n| r.import_plan(s, &import_file(n), &clock).map(drop)),
        ),
        (
            Action::Import,
            Box::new(move |r, s, n| {
                let options = import_options(false);
                r.import_commit(s, &import_file(n), &options, &clock, &mut |_, _| true)
                    .map(drop)
            }),
        ),
        (
            Action::ImportSuppressed,
            Box::new(move |r, s, n| {
                let options = import_options(true);
                r.import_commit(s, &import_file(n + 9000), &options, &clock, &mut |_, _| {
                    true
                })
                .map(drop)
            }),
        ),
        (
            Action::PurposeEdit,
            Box::new(move |r, s, n| {
                let input = kortisto_core::purposes::PurposeInput {
                    purpose_id: format!("permission-test-{n}"),
                    name_fi: "Testitarkoitus".into(),
                    name_en: "Test purpose".into(),
                    bases: vec![kortisto_core::purposes::LawfulBasis::LegitimateInterest],
                    consent_purpose: None,
                };
                r.purpose_add(s, &input, &clock).map(drop)
            }),
        ),
        (
            Action::NoticePublish,
            Box::new(move |r, s, _| {
                let out = tempfile::tempdir().unwrap();
                r.notice_publish(s, kortisto_core::Language::Fi, out.path(), &clock)
                    .map(drop)
            }),
        ),
        (
            Action::RecordOfProcessing,
            Box::new(move |r, s, _| {
                let out = tempfile::tempdir().unwrap();
                r.record_of_processing(s, kortisto_core::Language::Fi, out.path(), &clock)
                    .map(drop)
            }),
        ),
        (
            Action::PersonSeenBy,
            Box::new(move |r, s, _| r.person_seen_by(s, &g19.person, 100, &clock).map(drop)),
        ),
        (
            Action::DemoFill,
            Box::new(move |r, s, _| {
                let options = kortisto_core::demo::DemoOptions {
                    people: 5,
                    organisations: None,
                    meetings: None,
                    seed: 1,
                    until: None,
                };
                // The register already has people: past the role check, the fill refuses.
                match r.demo_fill(s, &options, &clock, &mut |_| {}) {
                    Err(Error::FieldInvalid { rule, .. }) if rule == "register_not_empty" => Ok(()),
                    other => other.map(drop),
                }
            }),
        ),
        (
            Action::ConsentRecord,
            Box::new(move |r, s, _| {
                let input = ConsentInput {
                    person_id: g13.person.clone(),
                    purpose: "direct-marketing".into(),
                    kind: ConsentEventKind::Given,
                    channel: ConsentChannel::Phone,
                    wording_version: "v1".into(),
                    evidence: None,
                    at: None,
                };
                r.consent_record(s, &input, &clock).map(drop)
            }),
        ),
        (
            Action::ConsentList,
            Box::new(move |r, s, _| r.consent_history(s, &g14.person).map(drop)),
        ),
        (
            Action::MarketingList,
            Box::new(move |r, s, _| r.marketing_list(s, "direct-marketing", &clock).map(drop)),
        ),
        (
            Action::ProcessorAdd,
            Box::new(move |r, s, n| {
                let input = ProcessorInput {
                    name: format!("Käsittelijä {n}"),
                    service: "palvelu".into(),
                    purpose: "tarkoitus".into(),
                    agreement_reference: "DPA".into(),
                    agreement_date: "1.1.2026".into(),
                    processing_location: "EU".into(),
                };
                r.processor_add(s, &input, &clock).map(drop)
            }),
        ),
        (
            Action::ProcessorList,
            Box::new(|r, s, _| r.processor_list(s).map(drop)),
        ),
        (
            Action::TransferAdd,
            Box::new(move |r, s, _| {
                let input = TransferInput {
                    processor_id: g15.processor.clone(),
                    country: "UK".into(),
                    legal_basis: LegalBasis::AdequacyDecision,
                    basis_detail: "UK adequacy 2021".into(),
                    dpf_certified: false,
                    since_on: "1.1.2026".into(),
                };
                r.transfer_add(s, &input, &clock).map(drop)
            }),
        ),
        (
            Action::TransferList,
            Box::new(|r, s, _| r.transfer_list(s).map(drop)),
        ),
        (
            Action::Disclose,
            Box::new(move |r, s, _| {
                let input = DisclosureInput {
                    person_id: g16.person.clone(),
                    processor_id: g16.processor.clone(),
                    what: "nimi".into(),
                    why: "tapahtuma".into(),
                    disclosed_on: None,
                };
                r.disclose(s, &input, &clock).map(drop)
            }),
        ),
        (
            Action::RequestManage,
            Box::new(move |r, s, _| {
                let input = RequestInput {
                    kind: RequestKind::Access,
                    received_on: "20.11.2026".into(),
                    channel: RequestChannel::Email,
                    person_id: None,
                };
                r.request_add(s, &input, &clock).map(drop)
            }),
        ),
        (
            Action::RequestList,
            Box::new(|r, s, _| r.request_list(s).map(drop)),
        ),
        (
            Action::Extract,
            Box::new(move |r, s, _| {
                r.extract_data(s, &g17.person, kortisto_core::Language::Fi, &clock)
                    .map(drop)
            }),
        ),
        (
            Action::Erase,
            Box::new(move |r, s, n| {
                let admin = r.login("admin", &password(), &clock)?;
                let doomed =
                    r.person_add(&admin, &person_input(n + 5000), &[], &card_source(), &clock)?;
                r.erase(s, &doomed.person_id, None, &clock).map(drop)
            }),
        ),
        (
            Action::LegalHoldAdd,
            Box::new(move |r, s, _| {
                r.legal_hold_add(
                    s,
                    "person",
                    &g18.person,
                    "Kirjanpitolaki",
                    "31.12.2030",
                    &clock,
                )
                .map(drop)
            }),
        ),
        (
            Action::MeetingEdit,
            Box::new(move |r, s, n| {
                let own = r.meeting_log(s, &call_meeting(&h1.person), &clock)?;
                let change = MeetingChange {
                    subject: Some(format!("Korjattu {n}")),
                    ..Default::default()
                };
                r.meeting_edit(s, &own.meeting_id, &change, None, &clock)
                    .map(drop)
            }),
        ),
        (
            Action::MeetingDelete,
            Box::new(move |r, s, _| {
                let own = r.meeting_log(s, &call_meeting(&h2.person), &clock)?;
                r.meeting_delete(s, &own.meeting_id, None, &clock).map(drop)
            }),
        ),
        (
            Action::ProcessorEdit,
            Box::new(move |r, s, n| {
                let input = ProcessorInput {
                    name: format!("Webinaari {n} Oy"),
                    service: "webinaarit".into(),
                    purpose: "tapahtumat".into(),
                    agreement_reference: "DPA-1".into(),
                    agreement_date: "1.1.2026".into(),
                    processing_location: "EU".into(),
                };
                r.processor_edit(s, &h3.processor, &input, None, &clock)
                    .map(drop)
            }),
        ),
        (
            Action::TransferEdit,
            Box::new(move |r, s, n| {
                let input = TransferInput {
                    processor_id: h4.processor.clone(),
                    country: "Yhdysvallat".into(),
                    legal_basis: LegalBasis::StandardContractualClauses,
                    basis_detail: format!("SCC 2021/914 moduuli {n}"),
                    dpf_certified: false,
                    since_on: "1.2.2026".into(),
                };
                r.transfer_edit(s, &h4.transfer, &input, None, &clock)
                    .map(drop)
            }),
        ),
        (
            Action::LegalHoldList,
            Box::new(|r, s, _| r.legal_hold_list(s).map(drop)),
        ),
        (
            Action::LegalHoldLift,
            Box::new(move |r, s, _| {
                r.legal_hold_lift(s, &h5.hold, "Riita sovittu", &clock)
                    .map(drop)
            }),
        ),
        (
            Action::ProspectAdd,
            Box::new(move |r, s, n| {
                let card = BusinessCard {
                    person: person_input(n + 7000),
                    organisation_id: None,
                    new_organisation: Some(OrganisationInput {
                        name: format!("Prospekti {n} Oy"),
                        ..Default::default()
                    }),
                    title: Some("Toimitusjohtaja".into()),
                    contacts: vec![],
                    source: card_source(),
                };
                r.business_card_save(s, &card, true, &clock).map(drop)
            }),
        ),
        (
            Action::UserAdd,
            Box::new(move |r, s, n| {
                r.user_add(
                    s,
                    &NewUser {
                        username: format!("new{n}"),
                        display_name: "Uusi".into(),
                        role: Role::Sales,
                    },
                    &password(),
                    &clock,
                )
                .map(drop)
            }),
        ),
        (
            Action::UserList,
            Box::new(move |r, s, _| r.user_list(s, &clock).map(drop)),
        ),
        (
            Action::UserRoleChange,
            Box::new(move |r, s, _| {
                r.user_role_change(s, "target", Role::Office, &clock)
                    .map(drop)
            }),
        ),
        (
            Action::UserDeactivate,
            Box::new(move |r, s, n| {
                let admin = r.login("admin", &password(), &clock)?;
                r.user_add(
                    &admin,
                    &NewUser {
                        username: format!("gone{n}"),
                        display_name: "Poistuva".into(),
                        role: Role::Sales,
                    },
                    &password(),
                    &clock,
                )?;
                r.user_deactivate(s, &format!("gone{n}"), &clock).map(drop)
            }),
        ),
        (
            Action::UserPasswordReset,
            Box::new(move |r, s, _| r.user_password_reset(s, "target", &password(), &clock)),
        ),
        (
            Action::OwnPasswordChange,
            Box::new(move |r, s, _| r.own_password_change(s, &password(), &password(), &clock)),
        ),
        (
            Action::AuditList,
            Box::new(|r, s, _| r.audit_list(s, &AuditFilter::default()).map(drop)),
        ),
        (
            Action::AuditVerify,
            Box::new(|r, s, _| r.audit_verify(s).map(drop)),
        ),
        (
            Action::TrainingRecord,
            Box::new(move |r, s, _| {
                r.training_record(
                    s,
                    "target",
                    "1.11.2026",
                    "Tietosuojan perusteet",
                    TrainingResult::Passed,
                    Some(90),
                    &clock,
                )
                .map(drop)
            }),
        ),
        (
            Action::TrainingList,
            Box::new(|r, s, _| r.training_list(s).map(drop)),
        ),
        (
            Action::InternalAuditRecord,
            Box::new(move |r, s, _| {
                r.internal_audit_record(
                    s,
                    "2026-11-01",
                    "Käyttöoikeudet",
                    InternalAuditResult::Passed,
                    "",
                    &clock,
                )
                .map(drop)
            }),
        ),
        (
            Action::InternalAuditList,
            Box::new(|r, s, _| r.internal_audit_list(s).map(drop)),
        ),
        (
            Action::SettingsRead,
            Box::new(|r, s, _| r.idle_lock_minutes(s).map(drop)),
        ),
        (
            Action::SettingsChange,
            Box::new(move |r, s, _| r.idle_lock_minutes_set(s, 20, &clock)),
        ),
        // Set and lift run one after the other, so no other call meets the restriction.
        (
            Action::RestrictionSet,
            Box::new(move |r, s, _| {
                let input = RestrictionInput {
                    person_id: r1.person.clone(),
                    reason: "Henkilö kiistää tietojen paikkansapitävyyden".into(),
                    from_on: None,
                    until_on: None,
                };
                r.restriction_set(s, &input, None, &clock).map(drop)
            }),
        ),
        (
            Action::RestrictionLift,
            Box::new(move |r, s, _| {
                r.restriction_lift(s, &r2.person, "Tiedot tarkistettu", None, &clock)
                    .map(drop)
            }),
        ),
        (
            Action::ObjectionRecord,
            Box::new(move |r, s, _| {
                let input = ObjectionInput {
                    person_id: r3.person.clone(),
                    purpose: "direct-marketing".into(),
                    reason: None,
                    objected_on: None,
                    channel: ConsentChannel::Email,
                };
                r.objection_record(s, &input, None, &clock).map(drop)
            }),
        ),
        (
            Action::Redact,
            Box::new(move |r, s, _| r.erasure_matches(s, &r4.person).map(drop)),
        ),
    ];
    calls.extend(correction_calls(f));
    calls
}

/// The position and contact corrections: each call's administrator first adds the position
/// or contact datum it corrects (`set_up_by`), so every role meets a fresh one.
fn correction_calls(f: Fixture) -> Vec<(Action, Call)> {
    let clock = at("2026-11-27T10:00:00Z");
    let new_position = move |r: &mut Register, f: &Fixture| -> kortisto_core::Result<String> {
        let admin = r.login("admin", &password(), &clock)?;
        let input = PositionInput {
            person_id: f.person.clone(),
            organisation_id: f.organisation.clone(),
            title: "Myyjä".into(),
            job_description: None,
            start_on: Some("1.1.2020".into()),
            end_on: None,
        };
        Ok(r.position_add(&admin, &input, &clock)?.position_id)
    };
    let new_contact = move |r: &mut Register, f: &Fixture, n: usize| {
        let admin = r.login("admin", &password(), &clock)?;
        let contact = ContactInput {
            kind: ContactKind::Email,
            value: format!("korjattava{n}@asiakas.fi"),
            label: None,
            social_kind: None,
        };
        r.contact_add(
            &admin,
            Some(&f.person),
            None,
            &contact,
            &card_source(),
            &clock,
        )
        .map(|c| c.contact_id)
    };
    let (f1, f2, f3, f4, f5, f6) = (
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
        f.clone(),
    );
    vec![
        (
            Action::PositionEdit,
            Box::new(move |r, s, n| {
                let id = new_position(r, &f1)?;
                let change = PositionChange {
                    title: Some(format!("Myyjä {n}")),
                    ..Default::default()
                };
                r.position_edit(s, &id, &change, None, &clock).map(drop)
            }),
        ),
        (
            Action::PositionEnd,
            Box::new(move |r, s, _| {
                let id = new_position(r, &f2)?;
                r.position_end(s, &id, "1.11.2026", None, &clock).map(drop)
            }),
        ),
        (
            Action::PositionMove,
            Box::new(move |r, s, _| {
                let id = new_position(r, &f3)?;
                let moved = PositionMove {
                    from_position_id: id,
                    organisation_id: f3.organisation.clone(),
                    title: "Johtaja".into(),
                    on: "1.11.2026".into(),
                };
                r.position_move(s, &f3.person, &moved, None, &clock)
                    .map(drop)
            }),
        ),
        (
            Action::ContactEdit,
            Box::new(move |r, s, n| {
                let id = new_contact(r, &f4, n)?;
                r.contact_edit(s, &id, &format!("korjattu{n}@asiakas.fi"), None, &clock)
                    .map(drop)
            }),
        ),
        (
            Action::ContactRetire,
            Box::new(move |r, s, n| {
                let id = new_contact(r, &f5, n)?;
                r.contact_retire(s, &id, None, &clock).map(drop)
            }),
        ),
        (
            Action::ContactDelete,
            Box::new(move |r, s, n| {
                let id = new_contact(r, &f6, n)?;
                r.contact_delete(s, &id, None, &clock)
            }),
        ),
    ]
}

#[test]
fn every_entry_point_follows_the_permission_table_for_every_role() {
    let sandbox = Sandbox::new("permissions");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let mut sessions = vec![(Role::Admin, admin.clone())];
    for (name, role) in [("office", Role::Office), ("sales", Role::Sales)] {
        register
            .user_add(
                &admin,
                &NewUser {
                    username: name.into(),
                    display_name: name.into(),
                    role,
                },
                &password(),
                &clock,
            )
            .unwrap();
        sessions.push((role, register.login(name, &password(), &clock).unwrap()));
    }
    register
        .user_add(
            &admin,
            &NewUser {
                username: "target".into(),
                display_name: "Kohde".into(),
                role: Role::Sales,
            },
            &password(),
            &clock,
        )
        .unwrap();

    let person = register
        .person_add(&admin, &person_input(0), &[], &card_source(), &clock)
        .unwrap();
    let organisation = register
        .organisation_add(
            &admin,
            &OrganisationInput {
                name: "Asiakas Oy".into(),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
    let lead = register
        .deal_add(
            &admin,
            &DealInput {
                kind: DealKind::Lead,
                organisation_id: organisation.organisation_id.clone(),
                title: "Liidi".into(),
                status: DealStatus::Open,
                start_on: None,
                end_on: None,
                notes: None,
                person_ids: vec![],
            },
            &clock,
        )
        .unwrap();
    let rfq = register
        .deal_add(
            &admin,
            &DealInput {
                kind: DealKind::Rfq,
                organisation_id: organisation.organisation_id.clone(),
                title: "Tarjouspyyntö".into(),
                status: DealStatus::Open,
                start_on: None,
                end_on: None,
                notes: None,
                person_ids: vec![],
            },
            &clock,
        )
        .unwrap();
    let processor = register
        .processor_add(
            &admin,
            &ProcessorInput {
                name: "Webinaari Oy".into(),
                service: "webinaarit".into(),
                purpose: "tapahtumat".into(),
                agreement_reference: "DPA-1".into(),
                agreement_date: "1.1.2026".into(),
                processing_location: "EU".into(),
            },
            &clock,
        )
        .unwrap();
    let transfer = register
        .transfer_add(
            &admin,
            &TransferInput {
                processor_id: processor.processor_id.clone(),
                country: "Yhdysvallat".into(),
                legal_basis: LegalBasis::StandardContractualClauses,
                basis_detail: "SCC 2021/914".into(),
                dpf_certified: false,
                since_on: "1.2.2026".into(),
            },
            &clock,
        )
        .unwrap();
    let hold = register
        .legal_hold_add(
            &admin,
            "organisation",
            &organisation.organisation_id,
            "Riita-asia",
            "31.12.2030",
            &clock,
        )
        .unwrap();
    let calls = calls(Fixture {
        person: person.person_id,
        organisation: organisation.organisation_id,
        lead: lead.deal_id,
        rfq: rfq.deal_id,
        processor: processor.processor_id,
        transfer: transfer.transfer_id,
        hold,
    });
    let covered: HashSet<Action> = calls.iter().map(|(action, _)| *action).collect();
    for action in Action::ALL {
        assert!(
            covered.contains(action),
            "no permission test calls {action:?}"
        );
    }

    let mut n = 0;
    for (action, call) in &calls {
        for (role, session) in &sessions {
            n += 1;
            let before = audit_head(&register, &admin);
            let result = call(&mut register, session, n);
            let refused = matches!(result, Err(Error::PermissionDenied { .. }));
            let written = audit_since(&register, &admin, before);
            let names: Vec<&str> = written.iter().map(|e| e.action.as_str()).collect();
            let (setup, own) = names.split_at(set_up_by(*action).len().min(names.len()));
            assert_eq!(
                setup,
                set_up_by(*action),
                "{action:?} as {role:?}: {names:?}"
            );
            // A prospect is added by saving a business card, under the card's action.
            let audited_as = if *action == Action::ProspectAdd {
                Action::BusinessCardSave
            } else {
                *action
            };
            if action.allows(*role) {
                assert!(
                    result.is_ok(),
                    "{action:?} as {role:?} should succeed: {result:?}"
                );
                assert_eq!(
                    own,
                    vec![audited_as.name(); own_entries(*action)],
                    "{action:?} as {role:?} writes its own entry and no other"
                );
                for entry in &written[setup.len()..] {
                    assert_eq!(entry.user_id.as_deref(), Some(session.user_id.as_str()));
                }
            } else {
                assert!(
                    refused,
                    "{action:?} as {role:?} should be refused: {result:?}"
                );
                assert!(own.is_empty(), "{action:?} as {role:?} refused: {names:?}");
            }
        }
    }
}

/// A sync call that got past its role check to find no hub set up.
fn no_hub<T>(result: kortisto_core::Result<T>) -> kortisto_core::Result<()> {
    match result {
        Err(Error::HubNotSetUp) => Ok(()),
        other => other.map(drop),
    }
}

/// The entries a call in the table writes before its action, as set-up of its own.
fn set_up_by(action: Action) -> &'static [&'static str] {
    match action {
        Action::Erase => &["login", "person_add"],
        Action::PositionEdit | Action::PositionEnd | Action::PositionMove => {
            &["login", "position_add"]
        }
        Action::ContactEdit | Action::ContactRetire | Action::ContactDelete => {
            &["login", "contact_add"]
        }
        Action::MeetingEdit | Action::MeetingDelete => &["meeting_log"],
        Action::UserDeactivate => &["login", "user_add"],
        _ => &[],
    }
}

/// How many entries of its own an allowed call in the table writes: none for pure reads and
/// for the calls whose test data stops them past the role check, one for everything else,
/// and one per record added for a business card (its person and position).
fn own_entries(action: Action) -> usize {
    match action {
        Action::UserList
        | Action::AuditList
        | Action::AuditVerify
        | Action::TrainingList
        | Action::InternalAuditList
        | Action::SettingsRead
        | Action::OrganisationList
        | Action::DuplicateCheck
        | Action::ConsentList
        | Action::ProcessorList
        | Action::TransferList
        | Action::RequestList
        | Action::RetentionPreview
        | Action::Redact
        | Action::LegalHoldList => 0,
        // A missing backup file and a register that already has people.
        Action::BackupRestore | Action::DemoFill => 0,
        // An organisation that is not there.
        Action::OrganisationMerge | Action::OrganisationRemove => 0,
        Action::HubSetUp
        | Action::Sync
        | Action::SyncConflictList
        | Action::SyncConflictRestore
        | Action::DeviceEnrol
        | Action::DeviceList
        | Action::DeviceRevoke => 0,
        // The page or list's own record and the people it showed (a person page: the other
        // people its meeting and deal lists name).
        Action::BusinessCardSave
        | Action::OrganisationView
        | Action::MarketingList
        | Action::PersonView => 2,
        // The position it ends and the one it starts.
        Action::PositionMove => 2,
        // The person, the new organisation and the position.
        Action::ProspectAdd => 3,
        _ => 1,
    }
}

/// The newest audit entry's position (audit_list writes no entry of its own).
fn audit_head(register: &Register, admin: &Session) -> i64 {
    let filter = AuditFilter {
        limit: Some(1),
        ..Default::default()
    };
    let newest = register.audit_list(admin, &filter).unwrap();
    newest.first().map_or(0, |entry| entry.seq)
}

/// The entries after position `seq`, oldest first.
fn audit_since(register: &Register, admin: &Session, seq: i64) -> Vec<AuditEvent> {
    let filter = AuditFilter {
        limit: Some(100),
        ..Default::default()
    };
    let mut entries: Vec<AuditEvent> = register
        .audit_list(admin, &filter)
        .unwrap()
        .into_iter()
        .filter(|entry| entry.seq > seq)
        .collect();
    entries.sort_by_key(|entry| entry.seq);
    entries
}

#[test]
fn a_role_change_or_deactivation_takes_effect_in_an_open_session() {
    let sandbox = Sandbox::new("liverole");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    register
        .user_add(
            &admin,
            &NewUser {
                username: "second".into(),
                display_name: "Toinen".into(),
                role: Role::Admin,
            },
            &password(),
            &clock,
        )
        .unwrap();
    let second = register.login("second", &password(), &clock).unwrap();
    assert!(register.user_list(&second, &clock).is_ok());

    register
        .user_role_change(&admin, "second", Role::Sales, &clock)
        .unwrap();
    assert!(matches!(
        register.user_list(&second, &clock),
        Err(Error::PermissionDenied { .. })
    ));

    register.user_deactivate(&admin, "second", &clock).unwrap();
    assert!(matches!(
        register.idle_lock_minutes(&second),
        Err(Error::NotLoggedIn)
    ));
}

#[test]
fn sales_reps_add_leads_and_offers_but_not_contracts() {
    let sandbox = Sandbox::new("salesdeals");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    register
        .user_add(
            &admin,
            &NewUser {
                username: "myyja".into(),
                display_name: "Myyjä".into(),
                role: Role::Sales,
            },
            &password(),
            &clock,
        )
        .unwrap();
    let sales = register.login("myyja", &password(), &clock).unwrap();
    let organisation = register
        .organisation_add(
            &admin,
            &OrganisationInput {
                name: "Asiakas Oy".into(),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
    let deal = |kind| DealInput {
        kind,
        organisation_id: organisation.organisation_id.clone(),
        title: "Kauppa".into(),
        status: DealStatus::Open,
        start_on: None,
        end_on: None,
        notes: None,
        person_ids: vec![],
    };
    assert!(register
        .deal_add(&sales, &deal(DealKind::Offer), &clock)
        .is_ok());
    let contract = register.deal_add(&sales, &deal(DealKind::ServiceContract), &clock);
    assert!(
        matches!(contract, Err(Error::PermissionDenied { .. })),
        "{contract:?}"
    );
    let by_admin = register
        .deal_add(&admin, &deal(DealKind::ServiceContract), &clock)
        .unwrap();
    let edit = register.deal_edit(
        &sales,
        &by_admin.deal_id,
        &deal(DealKind::Lead),
        None,
        &clock,
    );
    assert!(
        matches!(edit, Err(Error::PermissionDenied { .. })),
        "a sales rep cannot turn a contract into a lead: {edit:?}"
    );
}

/// The app's audit filter offers every action and event by its words (#13): a new action
/// cannot reach the trail without a name a person can read and filter by.
#[test]
fn the_audit_filter_offers_every_action() {
    let actions_ts = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../ui/src/features/audit/actions.ts"
    ))
    .unwrap();
    let events = [
        "login",
        "login_failed",
        "login_throttled",
        "logout",
        "session_locked",
        "register_repaired",
        "register_restored",
    ];
    let missing: Vec<&str> = Action::ALL
        .iter()
        .map(|action| action.name())
        .chain(events)
        .filter(|name| !actions_ts.contains(&format!("[\"{name}\", \"action_{name}\"]")))
        .collect();
    assert!(
        missing.is_empty(),
        "not offered in the audit filter: {missing:?}"
    );
}
