//! Corrections of records other than people (issue #12): meetings (own ones, an admin any),
//! deals, processors and transfers keep history; legal holds are listed and lifted, and a
//! hold on an organisation or a deal blocks a manual erasure; a sales rep's business card
//! adds a prospect organisation that office staff complete.
use crate::common::{at, password, raw_connection, register_with_admin, Sandbox};
use kortisto_core::auth::{Role, Session};
use kortisto_core::deals::{DealInput, DealKind, DealStatus};
use kortisto_core::disclosures::{DisclosureInput, LegalBasis, ProcessorInput, TransferInput};
use kortisto_core::erasure::ErasureBlocker;
use kortisto_core::meetings::{MeetingChange, MeetingFilter, MeetingInput, MeetingKind};
use kortisto_core::organisations::OrganisationInput;
use kortisto_core::people::{BusinessCard, PersonInput, PositionInput};
use kortisto_core::requests::{RequestChannel, RequestInput, RequestKind};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::users::NewUser;
use kortisto_core::{Error, FixedClock, Register};

fn clock() -> FixedClock {
    at("2026-11-27T10:00:00Z")
}

fn card_source() -> SourceInput {
    SourceInput {
        kind: SourceKind::BusinessCard,
        detail: None,
        obtained_on: None,
    }
}

fn person(register: &mut Register, admin: &Session, surname: &str) -> String {
    register
        .person_add(
            admin,
            &PersonInput {
                surname: surname.into(),
                first_name: "Maija".into(),
                other_first_names: None,
            },
            &[],
            &card_source(),
            &clock(),
        )
        .unwrap()
        .person_id
}

fn organisation(register: &mut Register, admin: &Session, name: &str) -> String {
    register
        .organisation_add(
            admin,
            &OrganisationInput {
                name: name.into(),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap()
        .organisation_id
}

fn user(register: &mut Register, admin: &Session, name: &str, role: Role) -> Session {
    register
        .user_add(
            admin,
            &NewUser {
                username: name.into(),
                display_name: format!("{name} käyttäjä"),
                role,
            },
            &password(),
            &clock(),
        )
        .unwrap();
    register.login(name, &password(), &clock()).unwrap()
}

fn meeting(register: &mut Register, by: &Session, subject: &str, people: &[&str]) -> String {
    register
        .meeting_log(
            by,
            &MeetingInput {
                kind: MeetingKind::Meeting,
                at: Some("26.11.2026 14.30".into()),
                subject: subject.into(),
                participant_ids: people.iter().map(|p| p.to_string()).collect(),
                notes: Some("Puhuttiin huollosta".into()),
                organisation_id: None,
            },
            &clock(),
        )
        .unwrap()
        .meeting_id
}

fn deal(kind: DealKind, organisation_id: &str, title: &str, people: &[&str]) -> DealInput {
    DealInput {
        kind,
        organisation_id: organisation_id.into(),
        title: title.into(),
        status: DealStatus::Open,
        start_on: None,
        end_on: None,
        notes: None,
        person_ids: people.iter().map(|p| p.to_string()).collect(),
    }
}

/// (field, old, new) of a history, oldest first.
fn changes(
    register: &Register,
    admin: &Session,
    kind: &str,
    id: &str,
) -> Vec<(String, Option<String>, Option<String>)> {
    let mut rows: Vec<_> = register
        .record_history(admin, kind, id)
        .unwrap()
        .into_iter()
        .map(|h| (h.field, h.old_value, h.new_value))
        .collect();
    rows.sort();
    rows
}

fn some(text: &str) -> Option<String> {
    Some(text.to_string())
}

#[test]
fn correcting_a_meeting_and_a_deal_leaves_history_rows_with_old_and_new_values() {
    let sandbox = Sandbox::new("meeting-deal-history");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let maija = person(&mut register, &admin, "Virtanen");
    let pekka = person(&mut register, &admin, "Korhonen");
    let request = register
        .request_add(
            &admin,
            &RequestInput {
                kind: RequestKind::Rectification,
                received_on: "26.11.2026".into(),
                channel: RequestChannel::Email,
                person_id: Some(maija.clone()),
            },
            &clock,
        )
        .unwrap();
    let meeting_id = meeting(&mut register, &admin, "Huoltosopimus", &[&maija]);

    let edited = register
        .meeting_edit(
            &admin,
            &meeting_id,
            &MeetingChange {
                kind: Some(MeetingKind::Call),
                at: Some("25.11.2026 9.15".into()),
                subject: Some("Huoltosopimuksen jatko".into()),
                notes: Some(String::new()),
                participant_ids: Some(vec![pekka.clone()]),
            },
            Some(&request.request_id),
            &clock,
        )
        .unwrap();
    assert_eq!(edited.kind, MeetingKind::Call);
    assert_eq!(edited.subject, "Huoltosopimuksen jatko");
    assert_eq!(edited.notes, None, "an empty text clears the notes");
    assert_eq!(edited.participants.len(), 1);
    assert_eq!(edited.participants[0].person_id, pekka);
    let history = changes(&register, &admin, "meeting", &meeting_id);
    let at_row = history.iter().find(|(f, _, _)| f == "at").unwrap();
    assert!(at_row.1.as_deref().unwrap().starts_with("2026-11-26"));
    assert!(at_row.2.as_deref().unwrap().starts_with("2026-11-25"));
    for expected in [
        ("kind".to_string(), some("meeting"), some("call")),
        ("notes".to_string(), some("Puhuttiin huollosta"), None),
        ("participant".to_string(), None, Some(pekka.clone())),
        ("participant".to_string(), Some(maija.clone()), None),
        (
            "subject".to_string(),
            some("Huoltosopimus"),
            some("Huoltosopimuksen jatko"),
        ),
    ] {
        assert!(history.contains(&expected), "{expected:?} in {history:?}");
    }
    assert_eq!(history.len(), 6, "{history:?}");
    let for_request = register
        .request_changes(&admin, &request.request_id)
        .unwrap();
    assert_eq!(for_request.len(), 6, "every row names the request");
    assert!(for_request.iter().all(|c| c.record_kind == "meeting"));
    // A participant row names the person (the UI and the CLI never show the id).
    let named: Vec<_> = for_request
        .iter()
        .filter(|c| c.field == "participant")
        .map(|c| (c.old_label.clone(), c.new_label.clone()))
        .collect();
    assert!(named.contains(&(None, some("Korhonen Maija"))), "{named:?}");
    assert!(named.contains(&(some("Virtanen Maija"), None)), "{named:?}");
    assert!(for_request
        .iter()
        .filter(|c| c.field != "participant")
        .all(|c| c.old_label.is_none() && c.new_label.is_none()));

    // A correction that changes nothing leaves no row.
    register
        .meeting_edit(
            &admin,
            &meeting_id,
            &MeetingChange {
                subject: Some("Huoltosopimuksen jatko".into()),
                ..Default::default()
            },
            None,
            &clock,
        )
        .unwrap();
    assert_eq!(changes(&register, &admin, "meeting", &meeting_id).len(), 6);

    let organisation_id = organisation(&mut register, &admin, "Asiakas Oy");
    let created = register
        .deal_add(
            &admin,
            &deal(DealKind::Offer, &organisation_id, "Tarjous 12", &[&maija]),
            &clock,
        )
        .unwrap();
    let mut corrected = deal(DealKind::Offer, &organisation_id, "Tarjous 13", &[&pekka]);
    corrected.status = DealStatus::Won;
    register
        .deal_edit(&admin, &created.deal_id, &corrected, None, &clock)
        .unwrap();
    assert_eq!(
        changes(&register, &admin, "deal", &created.deal_id),
        vec![
            ("person".to_string(), None, Some(pekka.clone())),
            ("person".to_string(), Some(maija.clone()), None),
            ("status".to_string(), some("open"), some("won")),
            ("title".to_string(), some("Tarjous 12"), some("Tarjous 13")),
        ]
    );
    let people: Vec<_> = register
        .record_history(&admin, "deal", &created.deal_id)
        .unwrap()
        .into_iter()
        .filter(|c| c.field == "person")
        .map(|c| (c.old_label, c.new_label))
        .collect();
    assert!(
        people.contains(&(None, some("Korhonen Maija"))),
        "{people:?}"
    );
    assert!(
        people.contains(&(some("Virtanen Maija"), None)),
        "{people:?}"
    );
}

#[test]
fn a_sales_rep_editing_another_reps_meeting_is_refused_with_its_code_and_nothing_changes_an_admin_may(
) {
    let sandbox = Sandbox::new("meeting-not-yours");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let anna = user(&mut register, &admin, "anna", Role::Sales);
    let ville = user(&mut register, &admin, "ville", Role::Sales);
    let office = user(&mut register, &admin, "toimisto", Role::Office);
    let maija = person(&mut register, &admin, "Virtanen");
    let annas = meeting(&mut register, &anna, "Esittely", &[&maija]);
    let before = register
        .meeting_list(&admin, &MeetingFilter::default(), &clock)
        .unwrap()
        .items;
    let change = MeetingChange {
        subject: Some("Villen korjaus".into()),
        ..Default::default()
    };

    for other in [&ville, &office] {
        let refused = register.meeting_edit(other, &annas, &change, None, &clock);
        match refused {
            Err(error @ Error::MeetingNotYours { .. }) => {
                assert_eq!(error.code(), "meeting_not_yours");
                assert!(error
                    .message(kortisto_core::Language::Fi)
                    .contains("anna käyttäjä"));
            }
            other => panic!("expected meeting_not_yours, got {other:?}"),
        }
        let deleted = register.meeting_delete(other, &annas, None, &clock);
        assert!(
            matches!(deleted, Err(Error::MeetingNotYours { .. })),
            "{deleted:?}"
        );
    }
    let after = register
        .meeting_list(&admin, &MeetingFilter::default(), &clock)
        .unwrap()
        .items;
    assert_eq!(before, after, "nothing changed");
    assert!(register
        .record_history(&admin, "meeting", &annas)
        .unwrap()
        .is_empty());

    // The rep who logged it may correct it, and an admin may correct anyone's.
    let own = register
        .meeting_edit(&anna, &annas, &change, None, &clock)
        .unwrap();
    assert_eq!(own.subject, "Villen korjaus");
    let by_admin = register
        .meeting_edit(
            &admin,
            &annas,
            &MeetingChange {
                subject: Some("Esittely (korjattu)".into()),
                ..Default::default()
            },
            None,
            &at("2026-11-27T11:00:00Z"),
        )
        .unwrap();
    assert_eq!(by_admin.subject, "Esittely (korjattu)");
    let history = register.record_history(&admin, "meeting", &annas).unwrap();
    assert_eq!(history.len(), 2);
    assert_eq!(history[0].changed_by, admin.user_id, "newest first");
    assert_eq!(history[1].changed_by, anna.user_id);

    // Deleting: an admin may delete anyone's; the meeting is gone, one `deleted` row stays.
    register
        .meeting_delete(&admin, &annas, None, &clock)
        .unwrap();
    assert!(register
        .meeting_list(&admin, &MeetingFilter::default(), &clock)
        .unwrap()
        .items
        .is_empty());
    let history = register.record_history(&admin, "meeting", &annas).unwrap();
    assert_eq!(history.len(), 1, "{history:?}");
    assert_eq!(history[0].field, "deleted");
    assert!(
        history
            .iter()
            .all(|h| h.old_value.as_deref() != Some("Esittely")),
        "the deleted meeting's text does not stay in its history"
    );
    let missing = register.meeting_delete(&admin, &annas, None, &clock);
    assert!(
        matches!(missing, Err(Error::RecordNotFound { .. })),
        "{missing:?}"
    );
}

#[test]
fn deleting_or_moving_a_meeting_moves_the_persons_last_meeting_back() {
    let sandbox = Sandbox::new("meeting-last");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let maija = person(&mut register, &admin, "Virtanen");
    let first = meeting(&mut register, &admin, "Ensimmäinen", &[&maija]);
    register
        .meeting_edit(
            &admin,
            &first,
            &MeetingChange {
                at: Some("1.3.2025 10.00".into()),
                ..Default::default()
            },
            None,
            &clock,
        )
        .unwrap();
    let second = meeting(&mut register, &admin, "Toinen", &[&maija]);
    let last = |register: &Register| -> Option<String> {
        let conn = raw_connection(&sandbox, register.register_id());
        conn.query_row(
            "SELECT last_meeting_at FROM people WHERE person_id = ?1",
            [&maija],
            |row| row.get(0),
        )
        .unwrap()
    };
    assert!(last(&register).unwrap().starts_with("2026-11-26"));
    register
        .meeting_delete(&admin, &second, None, &clock)
        .unwrap();
    assert!(
        last(&register).unwrap().starts_with("2025-03-01"),
        "retention counts from the meeting that remains"
    );
}

#[test]
fn office_staff_record_rfqs_and_information_requests_but_not_offers_or_contracts() {
    let sandbox = Sandbox::new("office-deals");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let office = user(&mut register, &admin, "toimisto", Role::Office);
    let organisation_id = organisation(&mut register, &admin, "Asiakas Oy");
    for kind in [DealKind::Rfq, DealKind::InfoRequest] {
        let added = register
            .deal_add(
                &office,
                &deal(kind, &organisation_id, "Pyyntö", &[]),
                &clock,
            )
            .unwrap();
        register
            .deal_edit(
                &office,
                &added.deal_id,
                &deal(kind, &organisation_id, "Pyyntö (korjattu)", &[]),
                None,
                &clock,
            )
            .unwrap();
        let turned = register.deal_edit(
            &office,
            &added.deal_id,
            &deal(DealKind::Offer, &organisation_id, "Tarjous", &[]),
            None,
            &clock,
        );
        assert!(
            matches!(turned, Err(Error::PermissionDenied { .. })),
            "{turned:?}"
        );
    }
    for kind in [
        DealKind::Offer,
        DealKind::Lead,
        DealKind::DeliveryContract,
        DealKind::ServiceContract,
    ] {
        let refused = register.deal_add(&office, &deal(kind, &organisation_id, "X", &[]), &clock);
        assert!(
            matches!(refused, Err(Error::PermissionDenied { .. })),
            "{kind:?}: {refused:?}"
        );
    }
    assert_eq!(
        register
            .deal_list(&admin, &Default::default(), &clock)
            .unwrap()
            .total,
        2
    );
}

#[test]
fn holds_on_an_organisation_or_a_deal_block_a_manual_erasure_until_lifted() {
    let sandbox = Sandbox::new("hold-blocks-erasure");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let organisation_id = organisation(&mut register, &admin, "Riita Oy");
    let employee = person(&mut register, &admin, "Työntekijä");
    register
        .position_add(
            &admin,
            &PositionInput {
                person_id: employee.clone(),
                organisation_id: organisation_id.clone(),
                title: "Ostaja".into(),
                job_description: None,
                start_on: None,
                end_on: Some("1.1.2026".into()),
            },
            &clock,
        )
        .unwrap();
    let party = person(&mut register, &admin, "Osapuoli");
    let other_organisation = organisation(&mut register, &admin, "Toinen Oy");
    let mut lost = deal(
        DealKind::Offer,
        &other_organisation,
        "Hävitty tarjous",
        &[&party],
    );
    lost.status = DealStatus::Lost;
    let lost = register.deal_add(&admin, &lost, &clock).unwrap();
    // Without holds, neither has anything blocking an erasure.
    assert!(register
        .erasure_check(&admin, &employee, &clock)
        .unwrap()
        .is_empty());
    assert!(register
        .erasure_check(&admin, &party, &clock)
        .unwrap()
        .is_empty());

    let organisation_hold = register
        .legal_hold_add(
            &admin,
            "organisation",
            &organisation_id,
            "Riita-asia käräjäoikeudessa",
            "31.12.2028",
            &clock,
        )
        .unwrap();
    let deal_hold = register
        .legal_hold_add(
            &admin,
            "deal",
            &lost.deal_id,
            "Reklamaatio",
            "30.6.2027",
            &clock,
        )
        .unwrap();
    for (person_id, hold_id) in [(&employee, &organisation_hold), (&party, &deal_hold)] {
        let refused = register.erase(&admin, person_id, None, &clock);
        match refused {
            Err(Error::ErasureBlocked { blockers, .. }) => assert!(
                blockers.iter().any(|b| matches!(b,
                    ErasureBlocker::LegalHold { legal_hold_id, .. } if legal_hold_id == hold_id)),
                "{blockers:?}"
            ),
            other => panic!("expected erasure_blocked, got {other:?}"),
        }
        assert!(
            register.person_page(&admin, person_id, &clock).is_ok(),
            "nothing erased"
        );
    }

    // Lifted, the holds no longer block.
    register
        .legal_hold_lift(&admin, &organisation_hold, "Riita sovittu", &clock)
        .unwrap();
    register
        .legal_hold_lift(&admin, &deal_hold, "Reklamaatio käsitelty", &clock)
        .unwrap();
    register.erase(&admin, &employee, None, &clock).unwrap();
    register.erase(&admin, &party, None, &clock).unwrap();
}

#[test]
fn legal_holds_are_listed_and_a_lift_of_a_missing_or_lifted_hold_or_without_reason_changes_nothing()
{
    let sandbox = Sandbox::new("hold-lift");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let maija = person(&mut register, &admin, "Virtanen");
    let hold = register
        .legal_hold_add(
            &admin,
            "person",
            &maija,
            "Kirjanpitolaki",
            "31.12.2030",
            &clock,
        )
        .unwrap();
    let listed = register.legal_hold_list(&admin).unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].record_name.as_deref(), Some("Virtanen Maija"));
    assert_eq!(listed[0].lifted_at, None);

    let missing = register.legal_hold_lift(&admin, "no-such-hold", "Syy", &clock);
    match missing {
        Err(error @ Error::LegalHoldNotFound { .. }) => {
            assert_eq!(error.code(), "legal_hold_not_found")
        }
        other => panic!("expected legal_hold_not_found, got {other:?}"),
    }
    let no_reason = register.legal_hold_lift(&admin, &hold, "  ", &clock);
    assert!(
        matches!(
            no_reason,
            Err(Error::FieldInvalid { .. }) | Err(Error::TextInvalid { .. })
        ),
        "{no_reason:?}"
    );
    assert_eq!(register.legal_hold_list(&admin).unwrap(), listed);

    let later = at("2026-11-28T08:00:00Z");
    let lifted = register
        .legal_hold_lift(&admin, &hold, "Tilintarkastus valmis", &later)
        .unwrap();
    assert_eq!(lifted.lift_reason.as_deref(), Some("Tilintarkastus valmis"));
    assert_eq!(lifted.lifted_by.as_deref(), Some(admin.user_id.as_str()));
    assert!(lifted
        .lifted_at
        .as_deref()
        .unwrap()
        .starts_with("2026-11-28"));
    let twice = register.legal_hold_lift(&admin, &hold, "Uudestaan", &clock);
    match twice {
        Err(error @ Error::LegalHoldAlreadyLifted { .. }) => {
            assert_eq!(error.code(), "legal_hold_already_lifted");
            assert!(error
                .message(kortisto_core::Language::Fi)
                .contains("28.11.2026"));
        }
        other => panic!("expected legal_hold_already_lifted, got {other:?}"),
    }
    let kept = register.legal_hold_list(&admin).unwrap();
    assert_eq!(
        kept,
        vec![lifted],
        "the lifted hold is kept, unchanged by the refusal"
    );
    let audit = register
        .audit_list(&admin, &Default::default())
        .unwrap()
        .into_iter()
        .filter(|e| e.action == "legal_hold_lift")
        .count();
    assert_eq!(audit, 1, "the lift is audited, the refusals are not");
    // The retention status no longer shows the hold.
    let status = register.retention_status(&admin, &maija, &clock).unwrap();
    assert!(status.legal_hold.is_none(), "{status:?}");
}

#[test]
fn processors_and_transfers_are_corrected_and_ended_with_history_and_an_ended_processor_takes_no_disclosure(
) {
    let sandbox = Sandbox::new("processor-end");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let maija = person(&mut register, &admin, "Virtanen");
    let input = ProcessorInput {
        name: "Webinaari Oy".into(),
        service: "webinaarit".into(),
        purpose: "tapahtumat".into(),
        agreement_reference: "DPA-1".into(),
        agreement_date: "1.1.2026".into(),
        processing_location: "EU".into(),
    };
    let processor = register.processor_add(&admin, &input, &clock).unwrap();
    let corrected = register
        .processor_edit(
            &admin,
            &processor.processor_id,
            &ProcessorInput {
                processing_location: "EU (Irlanti)".into(),
                ..input.clone()
            },
            None,
            &clock,
        )
        .unwrap();
    assert_eq!(corrected.processing_location, "EU (Irlanti)");
    let before_start =
        register.processor_end(&admin, &processor.processor_id, "31.12.2025", None, &clock);
    assert!(
        matches!(before_start, Err(Error::FieldInvalid { ref rule, .. }) if rule == "end_before_start"),
        "{before_start:?}"
    );
    let ended = register
        .processor_end(&admin, &processor.processor_id, "15.11.2026", None, &clock)
        .unwrap();
    assert_eq!(ended.ended_on.as_deref(), Some("2026-11-15"));
    assert_eq!(
        changes(&register, &admin, "processor", &processor.processor_id),
        vec![
            ("ended_on".to_string(), None, some("2026-11-15")),
            (
                "processing_location".to_string(),
                some("EU"),
                some("EU (Irlanti)")
            ),
        ]
    );
    let listed = register.processor_list(&admin).unwrap();
    assert_eq!(listed, vec![ended], "an ended processor stays listed");
    let refused = register.disclose(
        &admin,
        &DisclosureInput {
            person_id: maija.clone(),
            processor_id: processor.processor_id.clone(),
            what: "nimi".into(),
            why: "webinaari".into(),
            disclosed_on: None,
        },
        &clock,
    );
    match refused {
        Err(error @ Error::ProcessorEnded { .. }) => {
            assert_eq!(error.code(), "processor_ended");
            assert!(error
                .message(kortisto_core::Language::Fi)
                .contains("15.11.2026"));
        }
        other => panic!("expected processor_ended, got {other:?}"),
    }
    assert!(register.disclosure_list(&admin, &maija).unwrap().is_empty());
    // A disclosure made before the end may still be recorded.
    register
        .disclose(
            &admin,
            &DisclosureInput {
                person_id: maija.clone(),
                processor_id: processor.processor_id.clone(),
                what: "nimi".into(),
                why: "webinaari".into(),
                disclosed_on: Some("1.11.2026".into()),
            },
            &clock,
        )
        .unwrap();

    let transfer_input = TransferInput {
        processor_id: processor.processor_id.clone(),
        country: "Yhdysvallat".into(),
        legal_basis: LegalBasis::StandardContractualClauses,
        basis_detail: "SCC 2021/914".into(),
        dpf_certified: false,
        since_on: "1.2.2026".into(),
    };
    let transfer = register
        .transfer_add(&admin, &transfer_input, &clock)
        .unwrap();
    let shield = register.transfer_edit(
        &admin,
        &transfer.transfer_id,
        &TransferInput {
            legal_basis: LegalBasis::PrivacyShield,
            ..transfer_input.clone()
        },
        None,
        &clock,
    );
    assert!(
        matches!(shield, Err(Error::PrivacyShieldInvalid)),
        "{shield:?}"
    );
    register
        .transfer_edit(
            &admin,
            &transfer.transfer_id,
            &TransferInput {
                country: "Intia".into(),
                ..transfer_input
            },
            None,
            &clock,
        )
        .unwrap();
    let ended = register
        .transfer_end(&admin, &transfer.transfer_id, "20.11.2026", None, &clock)
        .unwrap();
    assert_eq!(ended.ended_on.as_deref(), Some("2026-11-20"));
    assert_eq!(ended.country, "Intia");
    assert_eq!(
        changes(&register, &admin, "transfer", &transfer.transfer_id),
        vec![
            ("country".to_string(), some("Yhdysvallat"), some("Intia")),
            ("ended_on".to_string(), None, some("2026-11-20")),
        ]
    );
    assert_eq!(register.transfer_list(&admin).unwrap(), vec![ended]);
}

#[test]
fn a_sales_reps_business_card_adds_a_prospect_organisation_that_office_completes() {
    let sandbox = Sandbox::new("prospect");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let sales = user(&mut register, &admin, "myyja", Role::Sales);
    let office = user(&mut register, &admin, "toimisto", Role::Office);
    let refused = register.organisation_add(
        &sales,
        &OrganisationInput {
            name: "Suoraan Oy".into(),
            ..Default::default()
        },
        &clock,
    );
    assert!(
        matches!(refused, Err(Error::PermissionDenied { .. })),
        "{refused:?}"
    );
    let saved = register
        .business_card_save(
            &sales,
            &BusinessCard {
                person: PersonInput {
                    surname: "Messu".into(),
                    first_name: "Mikko".into(),
                    other_first_names: None,
                },
                organisation_id: None,
                new_organisation: Some(OrganisationInput {
                    name: "Messuilta Oy".into(),
                    ..Default::default()
                }),
                title: Some("Toimitusjohtaja".into()),
                contacts: vec![],
                source: card_source(),
            },
            false,
            &clock,
        )
        .unwrap();
    let organisation_id = saved.organisation_id.unwrap();
    let prospects = register.organisation_prospects(&office).unwrap();
    assert_eq!(prospects.len(), 1);
    assert_eq!(prospects[0].organisation_id, organisation_id);
    assert!(prospects[0].prospect);
    assert_eq!(prospects[0].business_id, None);

    // Office completes it with its Y-tunnus: no longer a prospect, and the history says so.
    let completed = register
        .organisation_edit(
            &office,
            &organisation_id,
            &OrganisationInput {
                name: "Messuilta Oy".into(),
                business_id: Some("0112038-9".into()),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
    assert!(!completed.prospect);
    assert!(register.organisation_prospects(&office).unwrap().is_empty());
    let page = register
        .organisation_page(&office, &organisation_id, &clock)
        .unwrap();
    assert!(page.history.iter().any(|h| h.field == "prospect"
        && h.old_value.as_deref() == Some("true")
        && h.new_value.as_deref() == Some("false")));

    // An organisation office adds from a card is not a prospect.
    let by_office = register
        .business_card_save(
            &office,
            &BusinessCard {
                person: PersonInput {
                    surname: "Toimi".into(),
                    first_name: "Tiina".into(),
                    other_first_names: None,
                },
                organisation_id: None,
                new_organisation: Some(OrganisationInput {
                    name: "Toimiston Oy".into(),
                    ..Default::default()
                }),
                title: None,
                contacts: vec![],
                source: card_source(),
            },
            false,
            &clock,
        )
        .unwrap();
    let page = register
        .organisation_page(&office, &by_office.organisation_id.unwrap(), &clock)
        .unwrap();
    assert!(!page.organisation.prospect);
}

#[test]
fn erasing_a_person_leaves_no_meeting_or_deal_history_that_names_them() {
    let sandbox = Sandbox::new("history-erasure");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let doomed = person(&mut register, &admin, "Qzxnimi");
    let other = person(&mut register, &admin, "Muukalainen");
    let meeting_id = meeting(
        &mut register,
        &admin,
        "Qzxnimi ja tarjous",
        &[&doomed, &other],
    );
    register
        .meeting_edit(
            &admin,
            &meeting_id,
            &MeetingChange {
                subject: Some("Tarjous".into()),
                participant_ids: Some(vec![doomed.clone(), other.clone()]),
                ..Default::default()
            },
            None,
            &clock,
        )
        .unwrap();
    let organisation_id = organisation(&mut register, &admin, "Asiakas Oy");
    let mut lost = deal(
        DealKind::Offer,
        &organisation_id,
        "Tarjous (Qzxnimi)",
        &[&doomed, &other],
    );
    lost.status = DealStatus::Lost;
    let lost = register.deal_add(&admin, &lost, &clock).unwrap();
    let mut renamed = deal(DealKind::Offer, &organisation_id, "Tarjous", &[&other]);
    renamed.status = DealStatus::Won;
    register
        .deal_edit(&admin, &lost.deal_id, &renamed, None, &clock)
        .unwrap();
    let named = |register: &Register| -> Vec<String> {
        ["meeting", "deal"]
            .iter()
            .zip([&meeting_id, &lost.deal_id])
            .flat_map(|(kind, id)| register.record_history(&admin, kind, id).unwrap())
            .flat_map(|h| [h.old_value, h.new_value])
            .flatten()
            .filter(|v| v.to_lowercase().contains("qzxnim") || v == &doomed)
            .collect()
    };
    assert!(
        !named(&register).is_empty(),
        "the history names them before"
    );
    // The deal no longer links them; the meeting still does.
    register.erase(&admin, &doomed, None, &clock).unwrap();
    assert_eq!(named(&register), Vec::<String>::new());
    assert!(
        register
            .record_history(&admin, "deal", &lost.deal_id)
            .unwrap()
            .iter()
            .any(|h| h.field == "status"),
        "history that does not name them stays: {:?}",
        register.record_history(&admin, "deal", &lost.deal_id)
    );
}

#[test]
fn a_meeting_or_deal_correction_is_filed_only_under_a_request_of_someone_in_it() {
    let sandbox = Sandbox::new("record-request-person");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let organisation_id = organisation(&mut register, &admin, "Asiakas Oy");
    let asker = person(&mut register, &admin, "Kysyjä");
    let other = person(&mut register, &admin, "Muu");
    let request = register
        .request_add(
            &admin,
            &RequestInput {
                kind: RequestKind::Rectification,
                received_on: "26.11.2026".into(),
                channel: RequestChannel::Email,
                person_id: Some(asker.clone()),
            },
            &clock,
        )
        .unwrap();
    let request_id = Some(request.request_id.as_str());
    let meeting_id = meeting(&mut register, &admin, "Palaveri", &[&other]);
    let deal_id = register
        .deal_add(
            &admin,
            &deal(DealKind::Offer, &organisation_id, "Tarjous", &[&other]),
            &clock,
        )
        .unwrap()
        .deal_id;

    let refused = |result: kortisto_core::Result<()>| {
        assert!(
            matches!(&result, Err(Error::RequestOfAnotherPerson { .. })),
            "{result:?}"
        );
    };
    let subject = MeetingChange {
        subject: some("Palaveri, korjattu"),
        ..Default::default()
    };
    refused(
        register
            .meeting_edit(&admin, &meeting_id, &subject, request_id, &clock)
            .map(drop),
    );
    refused(register.meeting_delete(&admin, &meeting_id, request_id, &clock));
    refused(
        register
            .deal_edit(
                &admin,
                &deal_id,
                &deal(DealKind::Offer, &organisation_id, "Tarjous 2", &[&other]),
                request_id,
                &clock,
            )
            .map(drop),
    );
    assert!(changes(&register, &admin, "meeting", &meeting_id).is_empty());
    assert!(changes(&register, &admin, "deal", &deal_id).is_empty());
    assert!(register
        .request_changes(&admin, &request.request_id)
        .unwrap()
        .is_empty());

    // Adding the asker to the meeting is a correction that concerns them: accepted.
    register
        .meeting_edit(
            &admin,
            &meeting_id,
            &MeetingChange {
                participant_ids: Some(vec![other.clone(), asker.clone()]),
                ..Default::default()
            },
            request_id,
            &clock,
        )
        .unwrap();
    assert_eq!(
        register
            .request_changes(&admin, &request.request_id)
            .unwrap()
            .len(),
        1
    );
}
