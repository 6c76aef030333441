//! People's rights: the access extract (complete by schema walk, readable PDF in both
//! languages), erasure that leaves no byte of the person anywhere — decrypted pages and free
//! pages included — erasure blocked by contracts and holds, consent and the marketing list,
//! transfers on invalid bases, request deadlines, and bad input changing nothing.
use std::collections::BTreeSet;

use crate::common::{
    all_files, at, contains, decrypted_pages, raw_connection, register_with_admin, Sandbox,
};
use kortisto_core::auth::Session;
use kortisto_core::consent::{
    marketing_csv, ConsentChannel, ConsentEventKind, ConsentInput, ExportFormat,
};
use kortisto_core::corrections::PositionChange;
use kortisto_core::deals::{DealInput, DealKind, DealStatus};
use kortisto_core::disclosures::{DisclosureInput, LegalBasis, ProcessorInput, TransferInput};
use kortisto_core::extract::{EXTRACT_COVERS, NOT_IN_EXTRACT};
use kortisto_core::meetings::{
    MeetingChange, MeetingInput, MeetingKind, ServiceElementInput, ServiceElementKind,
};
use kortisto_core::organisations::OrganisationInput;
use kortisto_core::people::{
    BusinessCard, ContactInput, ContactKind, DuplicateReason, PersonInput, PositionInput,
};
use kortisto_core::requests::{RequestChannel, RequestInput, RequestKind};
use kortisto_core::restriction::{ObjectionInput, RestrictionInput};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::{Error, FixedClock, Language, Register};

fn clock() -> FixedClock {
    at("2026-11-27T10:00:00Z")
}

/// Unique strings put into every field that holds something about the person.
const MARKS: &[&str] = &[
    "Qzxsurname",
    "Qzxfirst",
    "Qzxother",
    "qzxmail@qzxdomain.fi",
    "Qzxaddress 12",
    "qzxhandle",
    "Qzxevent",
    "Qzxtitle",
    "Qzxjob",
    "Qzxevidence",
    "Qzxwhat",
    "Qzxwhy",
    "Qzxidentity",
    "Qzxrestrict",
    "Qzxlifted",
    "Qzxobjection",
];

/// Marks only erasure looks for (not in the extract: the holds are the controller's).
const HOLD_MARKS: &[&str] = &["Qzxholdreason", "Qzxholdlift"];

struct Person {
    person_id: String,
    organisation_id: String,
    processor_id: String,
}

/// A person with data in every table that can hold data about them.
fn full_person(register: &mut Register, admin: &Session, clock: &FixedClock) -> Person {
    let organisation = register
        .organisation_add(
            admin,
            &OrganisationInput {
                name: "Asiakas Oy".into(),
                ..Default::default()
            },
            clock,
        )
        .unwrap();
    let contact = |kind, value: &str| ContactInput {
        kind,
        value: value.into(),
        label: Some("työ".into()),
        social_kind: None,
    };
    let person = register
        .person_add(
            admin,
            &PersonInput {
                surname: "Qzxsurname".into(),
                first_name: "Qzxfirst".into(),
                other_first_names: Some("Qzxother".into()),
            },
            &[
                contact(ContactKind::Email, "qzxmail@qzxdomain.fi"),
                contact(ContactKind::Address, "Qzxaddress 12, 00100 Helsinki"),
                contact(ContactKind::Mobile, "040 987 6543"),
                ContactInput {
                    kind: ContactKind::Social,
                    value: "qzxhandle".into(),
                    label: None,
                    social_kind: Some("LinkedIn".into()),
                },
            ],
            &SourceInput {
                kind: SourceKind::Event,
                detail: Some("Qzxevent messut".into()),
                obtained_on: Some("1.10.2026".into()),
            },
            clock,
        )
        .unwrap();
    let id = person.person_id.clone();
    register
        .position_add(
            admin,
            &PositionInput {
                person_id: id.clone(),
                organisation_id: organisation.organisation_id.clone(),
                title: "Qzxtitle".into(),
                job_description: Some("Qzxjob".into()),
                start_on: Some("1.1.2020".into()),
                end_on: Some("31.12.2022".into()),
            },
            clock,
        )
        .unwrap();
    register
        .person_edit(
            admin,
            &id,
            &PersonInput {
                surname: "Qzxsurname".into(),
                first_name: "Qzxfirst".into(),
                other_first_names: Some("Qzxother Qzxsecond".into()),
            },
            None,
            clock,
        )
        .unwrap();
    let deal = register
        .deal_add(
            admin,
            &DealInput {
                kind: DealKind::Offer,
                organisation_id: organisation.organisation_id.clone(),
                title: "Tarjous".into(),
                status: DealStatus::Lost,
                start_on: None,
                end_on: None,
                notes: Some("Qzxsurname pyysi tarjousta".into()),
                person_ids: vec![id.clone()],
            },
            clock,
        )
        .unwrap();
    let meeting = register
        .meeting_log(
            admin,
            &MeetingInput {
                kind: MeetingKind::Meeting,
                at: Some("2026-10-01T09:00:00Z".into()),
                subject: "Esittely".into(),
                participant_ids: vec![id.clone()],
                notes: None,
                organisation_id: Some(organisation.organisation_id.clone()),
            },
            clock,
        )
        .unwrap();
    register
        .element_add(
            admin,
            &ServiceElementInput {
                kind: ServiceElementKind::Licence,
                vendor: "Valmistaja".into(),
                identifier: "QZXLIC-77".into(),
                organisation_id: organisation.organisation_id.clone(),
                person_id: Some(id.clone()),
                valid_from: None,
                valid_to: None,
            },
            clock,
        )
        .unwrap();
    for kind in [ConsentEventKind::Given, ConsentEventKind::Withdrawn] {
        register
            .consent_record(
                admin,
                &ConsentInput {
                    person_id: id.clone(),
                    purpose: "direct-marketing".into(),
                    kind,
                    channel: ConsentChannel::Form,
                    wording_version: "v1".into(),
                    evidence: Some("Qzxevidence lomake".into()),
                    at: None,
                },
                clock,
            )
            .unwrap();
    }
    register
        .restriction_set(
            admin,
            &RestrictionInput {
                person_id: id.clone(),
                reason: "Qzxrestrict kiistää tiedot".into(),
                from_on: None,
                until_on: None,
            },
            None,
            clock,
        )
        .unwrap();
    register
        .restriction_lift(admin, &id, "Qzxlifted tarkistettu", None, clock)
        .unwrap();
    register
        .objection_record(
            admin,
            &ObjectionInput {
                person_id: id.clone(),
                purpose: "direct-marketing".into(),
                reason: Some("Qzxobjection ei markkinointia".into()),
                objected_on: None,
                channel: ConsentChannel::Email,
            },
            None,
            clock,
        )
        .unwrap();
    let processor = register
        .processor_add(
            admin,
            &ProcessorInput {
                name: "Webinaari Inc".into(),
                service: "webinaarit".into(),
                purpose: "tapahtumat".into(),
                agreement_reference: "DPA-1".into(),
                agreement_date: "1.1.2026".into(),
                processing_location: "USA".into(),
            },
            clock,
        )
        .unwrap();
    register
        .transfer_add(
            admin,
            &TransferInput {
                processor_id: processor.processor_id.clone(),
                country: "Yhdysvallat".into(),
                legal_basis: LegalBasis::AdequacyDecision,
                basis_detail: "EU–US Data Privacy Framework".into(),
                dpf_certified: true,
                since_on: "1.1.2026".into(),
            },
            clock,
        )
        .unwrap();
    register
        .disclose(
            admin,
            &DisclosureInput {
                person_id: id.clone(),
                processor_id: processor.processor_id.clone(),
                what: "Qzxwhat nimi ja sähköposti".into(),
                why: "Qzxwhy webinaari".into(),
                disclosed_on: None,
            },
            clock,
        )
        .unwrap();
    let request = register
        .request_add(
            admin,
            &RequestInput {
                kind: RequestKind::Access,
                received_on: "20.11.2026".into(),
                channel: RequestChannel::Email,
                person_id: None,
            },
            clock,
        )
        .unwrap();
    register
        .request_identity_checked(
            admin,
            &request.request_id,
            &id,
            "Qzxidentity: soitto tunnettuun numeroon",
            clock,
        )
        .unwrap();
    // Corrections (issue #12), filed under the request: a contact datum corrected and one
    // retired, the position corrected, the meeting's subject and the deal's title once
    // naming the person and corrected back, a hold on the person put and lifted.
    let page = register.person_page(admin, &id, clock).unwrap();
    let contact_id = |kind: ContactKind| {
        page.contacts
            .iter()
            .find(|c| c.kind == kind)
            .unwrap()
            .contact_id
            .clone()
    };
    let request_id = Some(request.request_id.as_str());
    register
        .contact_edit(
            admin,
            &contact_id(ContactKind::Social),
            "qzxhandle-uusi",
            request_id,
            clock,
        )
        .unwrap();
    register
        .contact_retire(admin, &contact_id(ContactKind::Mobile), request_id, clock)
        .unwrap();
    register
        .position_edit(
            admin,
            &page.positions[0].position_id,
            &PositionChange {
                title: Some("Qzxtitle vanhempi".into()),
                job_description: Some("Qzxjob laajempi".into()),
                ..Default::default()
            },
            request_id,
            clock,
        )
        .unwrap();
    for subject in ["Esittely: Qzxsurname", "Esittely"] {
        register
            .meeting_edit(
                admin,
                &meeting.meeting_id,
                &MeetingChange {
                    subject: Some(subject.into()),
                    ..Default::default()
                },
                None,
                clock,
            )
            .unwrap();
    }
    for title in ["Tarjous Qzxfirst", "Tarjous"] {
        register
            .deal_edit(
                admin,
                &deal.deal_id,
                &DealInput {
                    kind: DealKind::Offer,
                    organisation_id: organisation.organisation_id.clone(),
                    title: title.into(),
                    status: DealStatus::Lost,
                    start_on: None,
                    end_on: None,
                    notes: Some("Qzxsurname pyysi tarjousta".into()),
                    person_ids: vec![id.clone()],
                },
                None,
                clock,
            )
            .unwrap();
    }
    let hold = register
        .legal_hold_add(
            admin,
            "person",
            &id,
            "Qzxholdreason riita",
            "31.12.2026",
            clock,
        )
        .unwrap();
    register
        .legal_hold_lift(admin, &hold, "Qzxholdlift sovittu", clock)
        .unwrap();
    Person {
        person_id: id,
        organisation_id: organisation.organisation_id,
        processor_id: processor.processor_id,
    }
}

#[test]
fn every_table_is_either_in_the_extract_or_declared_not_personal() {
    let sandbox = Sandbox::new("schemawalk");
    let (register, _admin) = register_with_admin(&sandbox, &clock());
    let raw = raw_connection(&sandbox, register.register_id());
    let mut statement = raw
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'search_index_%' OR name = 'search_index_rows'")
        .unwrap();
    let tables: BTreeSet<String> = statement
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let classified: BTreeSet<String> = EXTRACT_COVERS
        .iter()
        .map(|t| t.to_string())
        .chain(NOT_IN_EXTRACT.iter().map(|(t, _)| t.to_string()))
        .collect();
    let unclassified: Vec<&String> = tables.difference(&classified).collect();
    assert!(
        unclassified.is_empty(),
        "tables neither in the extract nor declared not personal: {unclassified:?}"
    );
    // Every table with a person_id column must be covered by the extract.
    for table in &tables {
        let has_person = raw
            .prepare(&format!(
                "SELECT 1 FROM pragma_table_info('{table}') WHERE name = 'person_id'"
            ))
            .unwrap()
            .exists([])
            .unwrap();
        // Id-only ledgers of people already erased, and the sync outbox, whose rows are
        // copies (on their way to the hub) of the rows the extract shows.
        // The audit trail's reads by person (ids only, derived from the trail's kept ids),
        // and the reads other devices shared (ids only).
        let exempt = [
            "erasure_receipts",
            "sync_erased",
            "sync_outbox",
            "person_reads_by_person",
            "team_person_reads",
        ];
        if has_person && !exempt.contains(&table.as_str()) {
            assert!(
                EXTRACT_COVERS.contains(&table.as_str()),
                "{table} holds person data but is not in the extract"
            );
        }
    }
}

#[test]
fn the_extract_holds_everything_and_reads_in_both_languages() {
    let sandbox = Sandbox::new("extract");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let person = full_person(&mut register, &admin, &clock);

    let data = register
        .extract_data(&admin, &person.person_id, Language::En, &clock)
        .unwrap();
    let json = serde_json::to_string(&data).unwrap();
    for mark in MARKS.iter().chain(&["QZXLIC-77"]) {
        assert!(json.contains(mark), "the extract JSON lacks {mark}");
    }
    assert_eq!(data.contacts.len(), 4);
    assert_eq!(data.positions.len(), 1);
    assert_eq!(data.deals.len(), 1);
    assert_eq!(data.meetings.len(), 1);
    assert_eq!(data.service_elements.len(), 1);
    assert_eq!(data.consent_events.len(), 2);
    assert_eq!(data.disclosures.len(), 1);
    assert_eq!(data.transfers.len(), 1);
    assert_eq!(data.requests.len(), 1);
    assert!(!data.history.is_empty());
    assert!(data.information.recipients[0].contains("Webinaari Inc"));

    let out = tempfile::tempdir().unwrap();
    for (language, complaint, consent_word, source_word) in [
        (
            Language::Fi,
            "Tietosuojavaltuutetun toimisto",
            "peruttu",
            "tapahtuma",
        ),
        (
            Language::En,
            "Data Protection Ombudsman",
            "withdrawn",
            "event",
        ),
    ] {
        let files = register
            .extract(
                &admin,
                &person.person_id,
                language,
                out.path(),
                None,
                &clock,
            )
            .unwrap();
        let pdf = std::fs::read(&files.pdf_path).unwrap();
        assert!(pdf.starts_with(b"%PDF-"));
        let text = pdf_extract::extract_text_from_mem(&pdf)
            .unwrap()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        for expected in [
            "Qzxfirst Qzxsurname",
            "Qzxevent messut",
            complaint,
            consent_word,
            source_word,
            "tietosuoja.fi",
        ] {
            assert!(
                text.contains(expected),
                "{language:?} PDF lacks {expected:?}"
            );
        }
        assert!(!text.contains("{\""), "no raw JSON in the PDF");
        // Purposes by their names, never by an internal id.
        if let Some(at) = text.find("direct-marketing") {
            let from = text.floor_char_boundary(at.saturating_sub(120));
            panic!("a purpose's slug in the PDF: …{}…", &text[from..at + 20]);
        }
        assert!(text.contains(match language {
            Language::Fi => "Suoramarkkinointi",
            Language::En => "Direct marketing",
        }));
        let manifest: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&files.manifest_path).unwrap()).unwrap();
        assert_eq!(manifest["files"][0]["sha256"], files.pdf_sha256.as_str());
        let json_bytes = std::fs::read(&files.json_path).unwrap();
        assert_eq!(
            files.json_sha256,
            format!("{:x}", <sha2::Sha256 as sha2::Digest>::digest(&json_bytes))
        );
    }
    let extracts = register
        .audit_list(
            &admin,
            &kortisto_core::AuditFilter {
                action: Some("extract".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(extracts.len(), 3);

    // An unwritable folder: clear error, nothing left behind.
    let file = out.path().join("not-a-folder");
    std::fs::write(&file, b"x").unwrap();
    let before: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    let refused = register.extract(&admin, &person.person_id, Language::Fi, &file, None, &clock);
    assert!(
        matches!(refused, Err(Error::OutputNotWritable { .. })),
        "{refused:?}"
    );
    let after: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(before, after);
}

#[test]
fn erasure_leaves_no_byte_of_the_person_in_any_page_or_file() {
    let sandbox = Sandbox::new("erasure");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let person = full_person(&mut register, &admin, &clock);
    let other = register
        .person_add(
            &admin,
            &PersonInput {
                surname: "Muukalainen".into(),
                first_name: "Mikko".into(),
                other_first_names: None,
            },
            &[],
            &SourceInput {
                kind: SourceKind::BusinessCard,
                detail: None,
                obtained_on: None,
            },
            &clock,
        )
        .unwrap();
    let id = register.register_id().to_string();
    let key = sandbox.entry(&id).get_secret().unwrap();

    // Before: the marks are there in the decrypted pages (the check can see them).
    let before = decrypted_pages(
        &std::fs::read(sandbox.data_dir.database_path()).unwrap_or_default(),
        &key,
    );
    let wal = decrypted_pages(
        &std::fs::read(sandbox.data_dir.wal_path()).unwrap_or_default(),
        &key,
    );
    let _ = (before, wal);

    let receipt = register
        .erase(&admin, &person.person_id, None, &clock)
        .unwrap();
    // The administrator reviews the notes the receipt lists and removes the name from them.
    let review = &receipt.notes_to_review;
    // The deal's notes name the person, and so did the history of the meeting's subject.
    let kinds: Vec<&str> = review.iter().map(|n| n.record_kind.as_str()).collect();
    assert_eq!(kinds, ["deal", "meeting"], "{review:?}");
    // Each in words: its kind, its day and whose it is, never an id or its free text.
    assert_eq!(review[0].words(Language::Fi), "Kauppa, Asiakas Oy");
    assert_eq!(review[0].words(Language::En), "Deal, Asiakas Oy");
    assert_eq!(
        review[1].words(Language::Fi),
        "Tapaaminen 1.10.2026, Asiakas Oy"
    );
    assert_eq!(
        review[1].words(Language::En),
        "Meeting 1.10.2026, Asiakas Oy"
    );
    let deal = register
        .deal_list(&admin, &Default::default(), &clock)
        .unwrap()
        .items
        .remove(0);
    assert_eq!(deal.deal_id, review[0].record_id);
    register
        .deal_edit(
            &admin,
            &deal.deal_id,
            &DealInput {
                kind: deal.kind,
                organisation_id: deal.organisation_id.clone(),
                title: deal.title.clone(),
                status: deal.status,
                start_on: None,
                end_on: None,
                notes: Some("Asiakas pyysi tarjousta".into()),
                person_ids: vec![],
            },
            None,
            &clock,
        )
        .unwrap();
    assert_eq!(receipt.counts.contacts, 4);
    assert_eq!(receipt.counts.consent_events, 2);
    assert_eq!(receipt.counts.suppression_hashes, 1);
    let receipt_json = serde_json::to_string(&receipt).unwrap();
    for mark in MARKS {
        assert!(!receipt_json.contains(mark), "the receipt holds {mark}");
    }

    // Gone from search, lists, the marketing list and the page; the other person stays.
    assert!(register
        .search(&admin, "qzxsurname", 10, &clock)
        .unwrap()
        .is_empty());
    assert!(register
        .search(&admin, "040 987 6543", 10, &clock)
        .unwrap()
        .is_empty());
    let list = register.person_list(&admin, 0, 100, &clock).unwrap();
    assert_eq!(
        list.items
            .iter()
            .map(|p| p.person_id.as_str())
            .collect::<Vec<_>>(),
        [other.person_id.as_str()]
    );
    assert!(register
        .marketing_list(&admin, "direct-marketing", &clock)
        .unwrap()
        .is_empty());
    assert!(matches!(
        register.person_page(&admin, &person.person_id, &clock),
        Err(Error::RecordNotFound { .. })
    ));
    let organisation_page = register
        .organisation_page(&admin, &person.organisation_id, &clock)
        .unwrap();
    assert_eq!(
        organisation_page.meetings.len(),
        1,
        "the meeting stays for the others"
    );
    assert_eq!(
        organisation_page.service_elements[0].person_id, None,
        "the licence stays with the organisation, unregistered"
    );
    assert!(organisation_page.meetings[0].participants.is_empty());
    let _ = &person.processor_id;

    // Erasing again, or an unknown id: a clear refusal.
    assert!(matches!(
        register.erase(&admin, &person.person_id, None, &clock),
        Err(Error::RecordNotFound { .. })
    ));
    assert!(matches!(
        register.erase(&admin, "no-such-person", None, &clock),
        Err(Error::RecordNotFound { .. })
    ));

    // A later business card with the same e-mail is warned by the suppression list.
    let card = BusinessCard {
        person: PersonInput {
            surname: "Uusi".into(),
            first_name: "Henkilö".into(),
            other_first_names: None,
        },
        organisation_id: None,
        new_organisation: None,
        title: None,
        contacts: vec![ContactInput {
            kind: ContactKind::Email,
            value: "QZXMAIL@qzxdomain.fi".into(),
            label: None,
            social_kind: None,
        }],
        source: SourceInput {
            kind: SourceKind::BusinessCard,
            detail: None,
            obtained_on: None,
        },
    };
    let warned = register.duplicate_check(&admin, &card).unwrap();
    assert_eq!(warned[0].reason, DuplicateReason::ErasedOptOut);

    register.close().unwrap();
    let database = std::fs::read(sandbox.data_dir.database_path()).unwrap();
    let pages = decrypted_pages(&database, &key);
    assert!(
        contains(&pages, b"Muukalainen"),
        "the decryption works: the other person is readable"
    );
    for mark in MARKS.iter().chain(HOLD_MARKS) {
        let lower = mark.to_lowercase();
        assert!(
            !contains(&pages, mark.as_bytes()) && !contains(&pages, lower.as_bytes()),
            "{mark} survives in a decrypted page"
        );
    }
    for (path, bytes) in all_files(sandbox.data_dir.path()) {
        for mark in MARKS.iter().chain(HOLD_MARKS) {
            assert!(
                !contains(&bytes, mark.as_bytes()),
                "{mark} in {}",
                path.display()
            );
        }
        if path.ends_with("kortisto.db-wal") {
            assert!(bytes.is_empty(), "the WAL was checkpointed and truncated");
        }
    }
}

#[test]
fn erasure_waits_for_an_active_contract_and_a_legal_hold_and_names_them() {
    let sandbox = Sandbox::new("blocked");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let organisation = register
        .organisation_add(
            &admin,
            &OrganisationInput {
                name: "Sopimus Oy".into(),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
    let person = register
        .person_add(
            &admin,
            &PersonInput {
                surname: "Sopija".into(),
                first_name: "Saara".into(),
                other_first_names: None,
            },
            &[],
            &SourceInput {
                kind: SourceKind::RfqOrContractDocument,
                detail: None,
                obtained_on: None,
            },
            &clock,
        )
        .unwrap();
    register
        .deal_add(
            &admin,
            &DealInput {
                kind: DealKind::ServiceContract,
                organisation_id: organisation.organisation_id,
                title: "Huoltosopimus".into(),
                status: DealStatus::Active,
                start_on: Some("1.1.2025".into()),
                end_on: Some("31.12.2026".into()),
                notes: None,
                person_ids: vec![person.person_id.clone()],
            },
            &clock,
        )
        .unwrap();
    let refused = register
        .erase(&admin, &person.person_id, None, &clock)
        .unwrap_err();
    match &refused {
        Error::ErasureBlocked {
            blockers,
            earliest_on,
        } => {
            assert_eq!(earliest_on.as_deref(), Some("2027-01-01"));
            assert!(refused.message(Language::Fi).contains("Huoltosopimus"));
            assert_eq!(blockers.len(), 1);
        }
        other => panic!("expected erasure_blocked, got {other:?}"),
    }
    assert!(
        register
            .person_page(&admin, &person.person_id, &clock)
            .is_ok(),
        "nothing was erased"
    );

    // After the contract's end it goes through — unless a legal hold says otherwise.
    let later = at("2027-01-02T09:00:00Z");
    register
        .legal_hold_add(
            &admin,
            "person",
            &person.person_id,
            "Riita-asia",
            "30.6.2027",
            &clock,
        )
        .unwrap();
    let held = register
        .erase(&admin, &person.person_id, None, &later)
        .unwrap_err();
    assert!(
        matches!(held, Error::ErasureBlocked { ref earliest_on, .. } if earliest_on.as_deref() == Some("2027-07-01")),
        "{held:?}"
    );
    assert!(held.message(Language::En).contains("Riita-asia"));
    let after_hold = at("2027-07-01T09:00:00Z");
    assert!(register
        .erase(&admin, &person.person_id, None, &after_hold)
        .is_ok());
}

#[test]
fn a_withdrawn_consent_is_never_on_the_marketing_list_and_history_stays() {
    let sandbox = Sandbox::new("consent");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let add = |register: &mut Register, surname: &str, email: &str| {
        register
            .person_add(
                &admin,
                &PersonInput {
                    surname: surname.into(),
                    first_name: "Testi".into(),
                    other_first_names: None,
                },
                &[ContactInput {
                    kind: ContactKind::Email,
                    value: email.into(),
                    label: None,
                    social_kind: None,
                }],
                &SourceInput {
                    kind: SourceKind::SelfService,
                    detail: None,
                    obtained_on: None,
                },
                &clock,
            )
            .unwrap()
            .person_id
    };
    let yes = add(&mut register, "Kyllä", "kylla@example.fi");
    let no = add(&mut register, "Ei", "ei@example.fi");
    let consent = |person: &str, kind, at: &str| ConsentInput {
        person_id: person.into(),
        purpose: "direct-marketing".into(),
        kind,
        channel: ConsentChannel::Email,
        wording_version: "v2".into(),
        evidence: None,
        at: Some(at.into()),
    };
    register
        .consent_record(
            &admin,
            &consent(&yes, ConsentEventKind::Given, "2026-01-01T10:00:00Z"),
            &clock,
        )
        .unwrap();
    register
        .consent_record(
            &admin,
            &consent(&no, ConsentEventKind::Given, "2026-01-01T10:00:00Z"),
            &clock,
        )
        .unwrap();
    register
        .consent_record(
            &admin,
            &consent(&no, ConsentEventKind::Withdrawn, "2026-06-01T10:00:00Z"),
            &clock,
        )
        .unwrap();

    let list = register
        .marketing_list(&admin, "direct-marketing", &clock)
        .unwrap();
    assert_eq!(
        list.iter()
            .map(|c| c.person_id.as_str())
            .collect::<Vec<_>>(),
        [yes.as_str()]
    );
    assert_eq!(list[0].emails, ["kylla@example.fi"]);
    let history = register.consent_history(&admin, &no).unwrap();
    assert_eq!(
        history.iter().map(|e| e.kind).collect::<Vec<_>>(),
        [ConsentEventKind::Given, ConsentEventKind::Withdrawn]
    );

    let raw = raw_connection(&sandbox, register.register_id());
    assert!(
        raw.execute("UPDATE consent_events SET kind = 'given'", [])
            .is_err(),
        "history is never rewritten"
    );
    let unknown = register.consent_record(
        &admin,
        &ConsentInput {
            purpose: "telepathy".into(),
            ..consent(&yes, ConsentEventKind::Given, "2026-02-01T10:00:00Z")
        },
        &clock,
    );
    assert!(
        matches!(unknown, Err(Error::FieldInvalid { ref rule, .. }) if rule == "unknown_purpose")
    );
    assert_eq!(register.consent_history(&admin, &yes).unwrap().len(), 1);
}

#[test]
fn the_privacy_shield_is_refused_and_old_transfers_on_it_are_flagged() {
    let sandbox = Sandbox::new("shield");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let processor = register
        .processor_add(
            &admin,
            &ProcessorInput {
                name: "Cloud Inc".into(),
                service: "CRM".into(),
                purpose: "hosting".into(),
                agreement_reference: "DPA-9".into(),
                agreement_date: "2019-05-01".into(),
                processing_location: "USA".into(),
            },
            &clock,
        )
        .unwrap();
    let transfer = |basis, detail: &str, certified, since: &str| TransferInput {
        processor_id: processor.processor_id.clone(),
        country: "USA".into(),
        legal_basis: basis,
        basis_detail: detail.into(),
        dpf_certified: certified,
        since_on: since.into(),
    };
    let shield = register.transfer_add(
        &admin,
        &transfer(
            LegalBasis::PrivacyShield,
            "Privacy Shield",
            true,
            "2019-05-01",
        ),
        &clock,
    );
    assert!(matches!(shield, Err(Error::PrivacyShieldInvalid)));
    assert!(shield
        .unwrap_err()
        .message(Language::En)
        .contains("16 July 2020"));
    let uncertified = register.transfer_add(
        &admin,
        &transfer(
            LegalBasis::AdequacyDecision,
            "EU-US Data Privacy Framework",
            false,
            "2024-01-01",
        ),
        &clock,
    );
    assert!(
        matches!(uncertified, Err(Error::FieldInvalid { ref rule, .. }) if rule == "dpf-not-certified")
    );
    register
        .transfer_add(
            &admin,
            &transfer(
                LegalBasis::StandardContractualClauses,
                "SCC 2021/914, module 2",
                false,
                "2022-01-01",
            ),
            &clock,
        )
        .unwrap();

    // A transfer recorded on the Privacy Shield before (e.g. migrated from the 2018 register).
    let raw = raw_connection(&sandbox, register.register_id());
    raw.execute(
        "INSERT INTO transfers (transfer_id, processor_id, country, legal_basis, basis_detail, dpf_certified, since_on, recorded_by, recorded_at)
         VALUES ('legacy', ?1, 'USA', 'privacy-shield', 'Privacy Shield 2018', 0, '2018-05-25', ?2, '2018-05-25T00:00:00Z')",
        [&processor.processor_id, &admin.user_id],
    )
    .unwrap();
    let transfers = register.transfer_list(&admin).unwrap();
    let legacy = transfers
        .iter()
        .find(|t| t.transfer_id == "legacy")
        .unwrap();
    assert_eq!(
        legacy.needs_new_basis.as_deref(),
        Some("privacy-shield-invalid")
    );
    assert!(transfers
        .iter()
        .filter(|t| t.transfer_id != "legacy")
        .all(|t| t.needs_new_basis.is_none()));
}

#[test]
fn request_deadlines_extensions_and_the_due_list_follow_the_clock() {
    let sandbox = Sandbox::new("requests");
    let (mut register, admin) = register_with_admin(&sandbox, &at("2026-03-01T09:00:00Z"));
    let new = |received: &str| RequestInput {
        kind: RequestKind::Erasure,
        received_on: received.into(),
        channel: RequestChannel::Letter,
        person_id: None,
    };
    let clock = at("2026-03-01T09:00:00Z");
    let january = register
        .request_add(&admin, &new("31.1.2026"), &clock)
        .unwrap();
    assert_eq!(
        january.due_on, "2026-02-28",
        "one month, the month's last day"
    );
    let february = register
        .request_add(&admin, &new("2026-02-05"), &clock)
        .unwrap();
    assert_eq!(february.due_on, "2026-03-05");
    let fresh = register
        .request_add(&admin, &new("2026-03-01"), &clock)
        .unwrap();

    let due = register.requests_due(&admin, &clock).unwrap();
    assert_eq!(
        due.overdue
            .iter()
            .map(|r| r.request_id.as_str())
            .collect::<Vec<_>>(),
        [january.request_id.as_str()]
    );
    assert_eq!(
        due.due_soon
            .iter()
            .map(|r| r.request_id.as_str())
            .collect::<Vec<_>>(),
        [february.request_id.as_str()]
    );

    let too_long = register.request_extend(
        &admin,
        &february.request_id,
        "6.5.2026",
        "Monimutkainen",
        &clock,
    );
    assert!(
        matches!(too_long, Err(Error::ExtensionTooLong { ref latest }) if latest == "2026-05-05"),
        "{too_long:?}"
    );
    let extended = register
        .request_extend(
            &admin,
            &february.request_id,
            "5.5.2026",
            "Monimutkainen pyyntö",
            &clock,
        )
        .unwrap();
    assert_eq!(extended.extended_due_on.as_deref(), Some("2026-05-05"));
    let due = register.requests_due(&admin, &clock).unwrap();
    assert!(due.due_soon.is_empty(), "the extension moved the deadline");
    let _ = fresh;
    let future = register.request_add(&admin, &new("2.3.2026"), &clock);
    assert!(matches!(future, Err(Error::DateInvalid { .. })));
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn extract_files_are_owner_only_never_written_through_a_symlink_or_into_the_data_folder() {
    let sandbox = Sandbox::new("extractfiles");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let person = full_person(&mut register, &admin, &clock);
    let out = tempfile::tempdir().unwrap();
    let stem = format!("kortisto-extract-{}-2026-11-27-fi", person.person_id);
    // Someone who can write the folder plants symlinks where the files are first written.
    #[cfg(unix)]
    let victim = {
        let victim = out.path().join("victim.txt");
        std::fs::write(&victim, b"keep").unwrap();
        for ext in ["pdf", "json", "manifest.json"] {
            std::os::unix::fs::symlink(&victim, out.path().join(format!("{stem}.{ext}.partial")))
                .unwrap();
        }
        std::os::unix::fs::symlink(&victim, out.path().join(format!("{stem}.pdf"))).unwrap();
        victim
    };
    let files = register
        .extract(
            &admin,
            &person.person_id,
            Language::Fi,
            out.path(),
            None,
            &clock,
        )
        .unwrap();
    #[cfg(unix)]
    {
        assert_eq!(
            std::fs::read(&victim).unwrap(),
            b"keep",
            "written through a symlink"
        );
        for path in [&files.pdf_path, &files.json_path, &files.manifest_path] {
            let path = std::path::Path::new(path);
            assert_eq!(mode(path), 0o600, "{}", path.display());
            assert!(!std::fs::symlink_metadata(path).unwrap().is_symlink());
        }
    }
    let names: Vec<String> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .collect();
    assert!(names.iter().all(|n| !n.ends_with(".partial")), "{names:?}");

    for inside in [
        sandbox.data_dir.path().to_path_buf(),
        sandbox.data_dir.path().join("sisalla"),
    ] {
        std::fs::create_dir_all(&inside).unwrap();
        let before = std::fs::read_dir(&inside).unwrap().count();
        let refused = register
            .extract(
                &admin,
                &person.person_id,
                Language::Fi,
                &inside,
                None,
                &clock,
            )
            .unwrap_err();
        assert_eq!(refused.code(), "output_inside_register");
        assert!(refused.message(Language::Fi).contains("datakansiossa"));
        assert!(refused.message(Language::En).contains("data folder"));
        assert_eq!(std::fs::read_dir(&inside).unwrap().count(), before);
    }
}

#[test]
fn the_marketing_list_exports_as_spreadsheet_safe_csv_through_the_one_writer() {
    let sandbox = Sandbox::new("marketingcsv");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let mut add = |surname: &str, first_name: &str, email: &str| {
        let id = register
            .person_add(
                &admin,
                &PersonInput {
                    surname: surname.into(),
                    first_name: first_name.into(),
                    other_first_names: None,
                },
                &[ContactInput {
                    kind: ContactKind::Email,
                    value: email.into(),
                    label: None,
                    social_kind: None,
                }],
                &SourceInput {
                    kind: SourceKind::SelfService,
                    detail: None,
                    obtained_on: None,
                },
                &clock,
            )
            .unwrap()
            .person_id;
        register
            .consent_record(
                &admin,
                &ConsentInput {
                    person_id: id,
                    purpose: "direct-marketing".into(),
                    kind: ConsentEventKind::Given,
                    channel: ConsentChannel::Form,
                    wording_version: "v1".into(),
                    evidence: None,
                    at: Some("2026-01-02T10:00:00Z".into()),
                },
                &clock,
            )
            .unwrap();
    };
    add(
        "=HYPERLINK(\"http://x\";\"y\")",
        "+Kaava",
        "kaava@example.fi",
    );
    add("-Miinus", "@Ät", "miinus@example.fi");
    add("Virtanen; \"Ville\"", "Ville", "ville@example.fi");

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("markkinointi.csv");
    let written = register
        .marketing_export(
            &admin,
            "direct-marketing",
            ExportFormat::Csv,
            Language::Fi,
            &file,
            &clock,
        )
        .unwrap();
    assert_eq!(written.count, 3);
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    let bytes = std::fs::read(&file).unwrap();
    assert_eq!(
        bytes,
        marketing_csv(
            &register
                .marketing_list(&admin, "direct-marketing", &clock)
                .unwrap(),
            Language::Fi
        )
    );
    let text = String::from_utf8(bytes).unwrap();
    let text = text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for Excel");
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>(),
        ["Sukunimi", "Etunimi", "Sähköpostit", "Suostumus annettu"]
    );
    let mut rows: Vec<Vec<String>> = reader
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect();
    rows.sort();
    assert_eq!(
        rows,
        [
            vec!["'-Miinus", "'@Ät", "miinus@example.fi", "2.1.2026"],
            vec![
                "'=HYPERLINK(\"http://x\";\"y\")",
                "'+Kaava",
                "kaava@example.fi",
                "2.1.2026"
            ],
            vec![
                "Virtanen; \"Ville\"",
                "Ville",
                "ville@example.fi",
                "2.1.2026"
            ],
        ]
    );
    for first in ["=", "+", "-", "@", "\t", "\r"] {
        let cell = format!("{first}1");
        assert_eq!(
            kortisto_core::spreadsheet::neutralise(&cell),
            format!("'{cell}")
        );
    }
    assert_eq!(kortisto_core::spreadsheet::neutralise("Ville"), "Ville");

    let refused = register
        .marketing_export(
            &admin,
            "direct-marketing",
            ExportFormat::Json,
            Language::En,
            &sandbox.data_dir.path().join("list.json"),
            &clock,
        )
        .unwrap_err();
    assert_eq!(refused.code(), "output_inside_register");
    assert!(!sandbox.data_dir.path().join("list.json").exists());
}

#[test]
fn a_correction_made_for_a_request_is_listed_on_it_and_a_closed_request_takes_none() {
    let sandbox = Sandbox::new("correction-for-request");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let person = register
        .person_add(
            &admin,
            &PersonInput {
                surname: "Virtamen".into(),
                first_name: "Liisa".into(),
                other_first_names: None,
            },
            &[],
            &SourceInput {
                kind: SourceKind::BusinessCard,
                detail: None,
                obtained_on: None,
            },
            &clock,
        )
        .unwrap();
    let request = register
        .request_add(
            &admin,
            &RequestInput {
                kind: RequestKind::Rectification,
                received_on: "26.11.2026".into(),
                channel: RequestChannel::Email,
                person_id: Some(person.person_id.clone()),
            },
            &clock,
        )
        .unwrap();
    let corrected = PersonInput {
        surname: "Virtanen".into(),
        first_name: "Liisa".into(),
        other_first_names: None,
    };
    register
        .person_edit(
            &admin,
            &person.person_id,
            &corrected,
            Some(&request.request_id),
            &clock,
        )
        .unwrap();
    let changes = register
        .request_changes(&admin, &request.request_id)
        .unwrap();
    assert_eq!(changes.len(), 1, "{changes:?}");
    assert_eq!(changes[0].field, "surname");
    assert_eq!(changes[0].old_value.as_deref(), Some("Virtamen"));
    assert_eq!(changes[0].new_value.as_deref(), Some("Virtanen"));
    assert_eq!(
        changes[0].request_id.as_deref(),
        Some(request.request_id.as_str())
    );

    register
        .request_close(
            &admin,
            &request.request_id,
            kortisto_core::requests::RequestStatus::Done,
            "Sukunimi korjattu",
            &clock,
        )
        .unwrap();
    let refused = register.person_edit(
        &admin,
        &person.person_id,
        &PersonInput {
            surname: "Virtanen-Koski".into(),
            ..corrected
        },
        Some(&request.request_id),
        &clock,
    );
    assert!(
        matches!(refused, Err(Error::RequestClosed { .. })),
        "{refused:?}"
    );
    let page = register
        .person_page(&admin, &person.person_id, &clock)
        .unwrap();
    assert_eq!(page.person.surname, "Virtanen", "nothing changed");
    assert_eq!(
        register
            .request_changes(&admin, &request.request_id)
            .unwrap()
            .len(),
        1
    );
}
