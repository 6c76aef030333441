//! Restriction of processing and objection as states of a person (who may change a
//! restricted person, the marketing list, the suppression list), and the erasure that finds
//! the person's name in other records' free text and redacts it without leaving a copy.
use crate::common::{
    all_files, at, contains, decrypted_pages, password, register_with_admin, Sandbox,
};
use kortisto_core::auth::{Role, Session};
use kortisto_core::consent::{ConsentChannel, ConsentEventKind, ConsentInput};
use kortisto_core::deals::{DealInput, DealKind, DealStatus};
use kortisto_core::meetings::{MeetingInput, MeetingKind};
use kortisto_core::organisations::OrganisationInput;
use kortisto_core::people::{
    BusinessCard, ContactInput, ContactKind, DuplicateReason, PersonInput, PositionInput,
};
use kortisto_core::redaction::RedactionTarget;
use kortisto_core::requests::{RequestChannel, RequestInput, RequestKind};
use kortisto_core::restriction::{ObjectionInput, RestrictionInput};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::users::NewUser;
use kortisto_core::{Error, FixedClock, Register};

fn clock() -> FixedClock {
    at("2026-11-27T10:00:00Z")
}

fn source() -> SourceInput {
    SourceInput {
        kind: SourceKind::BusinessCard,
        detail: None,
        obtained_on: None,
    }
}

fn email(value: &str) -> ContactInput {
    ContactInput {
        kind: ContactKind::Email,
        value: value.into(),
        label: None,
        social_kind: None,
    }
}

fn user(register: &mut Register, admin: &Session, name: &str, role: Role) -> Session {
    let new = NewUser {
        username: name.into(),
        display_name: name.into(),
        role,
    };
    register
        .user_add(admin, &new, &password(), &clock())
        .unwrap();
    register.login(name, &password(), &clock()).unwrap()
}

fn person(register: &mut Register, admin: &Session, surname: &str, first: &str) -> String {
    let name = PersonInput {
        surname: surname.into(),
        first_name: first.into(),
        other_first_names: None,
    };
    let mail = format!("{}@asiakas.fi", surname.to_lowercase());
    register
        .person_add(admin, &name, &[email(&mail)], &source(), &clock())
        .unwrap()
        .person_id
}

fn consent(register: &mut Register, session: &Session, person_id: &str, kind: ConsentEventKind) {
    let input = ConsentInput {
        person_id: person_id.into(),
        purpose: "direct-marketing".into(),
        kind,
        channel: ConsentChannel::Form,
        wording_version: "markkinointi-2026-01".into(),
        evidence: None,
        at: None,
    };
    register.consent_record(session, &input, &clock()).unwrap();
}

fn marketing(register: &mut Register, admin: &Session) -> Vec<String> {
    register
        .marketing_list(admin, "direct-marketing", &clock())
        .unwrap()
        .into_iter()
        .map(|c| c.person_id)
        .collect()
}

fn organisation(register: &mut Register, admin: &Session) -> String {
    register
        .organisation_add(
            admin,
            &OrganisationInput {
                name: "Asiakas Oy".into(),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap()
        .organisation_id
}

fn meeting(subject: &str, notes: Option<&str>, participants: &[&str]) -> MeetingInput {
    MeetingInput {
        kind: MeetingKind::Meeting,
        at: Some("20.11.2026 10.00".into()),
        subject: subject.into(),
        participant_ids: participants.iter().map(|p| p.to_string()).collect(),
        notes: notes.map(str::to_string),
        organisation_id: None,
    }
}

#[test]
fn a_restricted_person_is_absent_from_marketing_and_changed_only_by_an_admin_until_lifted() {
    let sandbox = Sandbox::new("restriction");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let office = user(&mut register, &admin, "office", Role::Office);
    let sales = user(&mut register, &admin, "sales", Role::Sales);
    let org = organisation(&mut register, &admin);
    let maija = person(&mut register, &admin, "Virtanen", "Maija");
    let other = person(&mut register, &admin, "Korhonen", "Pekka");
    consent(&mut register, &admin, &maija, ConsentEventKind::Given);
    consent(&mut register, &admin, &other, ConsentEventKind::Given);
    assert_eq!(marketing(&mut register, &admin).len(), 2);
    let request = register
        .request_add(
            &admin,
            &RequestInput {
                kind: RequestKind::Restriction,
                received_on: "26.11.2026".into(),
                channel: RequestChannel::Email,
                person_id: Some(maija.clone()),
            },
            &clock,
        )
        .unwrap();

    let input = RestrictionInput {
        person_id: maija.clone(),
        reason: "Kiistää sähköpostiosoitteen oikeellisuuden".into(),
        from_on: Some("26.11.2026".into()),
        until_on: Some("31.12.2026".into()),
    };
    for not_admin in [&office, &sales] {
        assert!(matches!(
            register.restriction_set(not_admin, &input, None, &clock),
            Err(Error::PermissionDenied { .. })
        ));
    }
    // Bad dates: their own codes, nothing set.
    let future = RestrictionInput {
        from_on: Some("28.11.2026".into()),
        ..input.clone()
    };
    assert!(matches!(
        register.restriction_set(&admin, &future, None, &clock),
        Err(Error::FieldInvalid { rule, .. }) if rule == "not_in_future"
    ));
    let backwards = RestrictionInput {
        until_on: Some("1.11.2026".into()),
        ..input.clone()
    };
    assert!(register
        .restriction_set(&admin, &backwards, None, &clock)
        .is_err());
    assert!(!register.person_list(&admin, 0, 10, &clock).unwrap().items[1].restricted);

    // A meeting the sales rep logged with her before the restriction.
    let earlier_meeting = register
        .meeting_log(
            &sales,
            &meeting("Esittely", None, &[&other, &maija]),
            &clock,
        )
        .unwrap()
        .meeting_id;
    let set = register
        .restriction_set(&admin, &input, Some(&request.request_id), &clock)
        .unwrap();
    assert_eq!(
        (set.from_on.as_str(), set.until_on.as_deref()),
        ("2026-11-26", Some("2026-12-31"))
    );
    assert!(matches!(
        register.restriction_set(&admin, &input, None, &clock),
        Err(Error::RestrictionInForce { from_on, .. }) if from_on == "2026-11-26"
    ));
    let changes = register
        .request_changes(&admin, &request.request_id)
        .unwrap();
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].field, "restriction");

    // Left out of the marketing list and its export; marked in lists and searches.
    assert_eq!(marketing(&mut register, &admin), vec![other.clone()]);
    let out = tempfile::tempdir().unwrap();
    let exported = register
        .marketing_export(
            &admin,
            "direct-marketing",
            kortisto_core::consent::ExportFormat::Csv,
            kortisto_core::Language::Fi,
            &out.path().join("lista.csv"),
            &clock,
        )
        .unwrap();
    assert_eq!(exported.count, 1);
    let csv = std::fs::read_to_string(out.path().join("lista.csv")).unwrap();
    assert!(!csv.contains("Virtanen") && csv.contains("Korhonen"));
    let listed = register.person_list(&office, 0, 10, &clock).unwrap().items;
    let marked: Vec<(&str, bool)> = listed
        .iter()
        .map(|p| (p.surname.as_str(), p.restricted))
        .collect();
    assert_eq!(marked, [("Korhonen", false), ("Virtanen", true)]);
    let hits = register.search(&sales, "virtanen", 10, &clock).unwrap();
    assert!(hits[0].restricted);
    let page = register.person_page(&sales, &maija, &clock).unwrap();
    assert!(page.restrictions[0].lifted_at.is_none());
    let history_before = page.history.len();

    // Office and sales are refused every change, with its own code; nothing changes.
    let renamed = PersonInput {
        surname: "Virtanen-Laine".into(),
        first_name: "Maija".into(),
        other_first_names: None,
    };
    let restricted = |result: kortisto_core::Result<()>| matches!(result, Err(Error::PersonRestricted { ref person_id }) if *person_id == maija);
    let maijas_contact = register
        .person_page(&admin, &maija, &clock)
        .unwrap()
        .contacts[0]
        .contact_id
        .clone();
    for session in [&office, &sales] {
        assert!(restricted(
            register
                .person_edit(session, &maija, &renamed, None, &clock)
                .map(drop)
        ));
        // The corrections where the data stands are changes like any other.
        assert!(restricted(
            register
                .contact_edit(session, &maijas_contact, "maija@korjattu.fi", None, &clock)
                .map(drop)
        ));
        assert!(restricted(
            register
                .contact_retire(session, &maijas_contact, None, &clock)
                .map(drop)
        ));
        assert!(restricted(register.contact_delete(
            session,
            &maijas_contact,
            None,
            &clock
        )));
        assert!(restricted(
            register
                .contact_add(
                    session,
                    Some(&maija),
                    None,
                    &email("maija@toinen.fi"),
                    &source(),
                    &clock
                )
                .map(drop)
        ));
        let position = PositionInput {
            person_id: maija.clone(),
            organisation_id: org.clone(),
            title: "Ostaja".into(),
            job_description: None,
            start_on: None,
            end_on: None,
        };
        assert!(restricted(
            register.position_add(session, &position, &clock).map(drop)
        ));
        assert!(restricted(
            register
                .meeting_log(session, &meeting("Kahvit", None, &[&other, &maija]), &clock)
                .map(drop)
        ));
        let consent_given = ConsentInput {
            person_id: maija.clone(),
            purpose: "direct-marketing".into(),
            kind: ConsentEventKind::Given,
            channel: ConsentChannel::Form,
            wording_version: "markkinointi-2026-01".into(),
            evidence: None,
            at: None,
        };
        assert!(restricted(
            register
                .consent_record(session, &consent_given, &clock)
                .map(drop)
        ));
    }
    let lead = DealInput {
        kind: DealKind::Lead,
        organisation_id: org.clone(),
        title: "Liidi".into(),
        status: DealStatus::Open,
        start_on: None,
        end_on: None,
        notes: None,
        person_ids: vec![maija.clone()],
    };
    assert!(restricted(
        register.deal_add(&sales, &lead, &clock).map(drop)
    ));
    // Her meetings too, even the rep's own: a correction, or taking her off it, or a delete.
    let correction = kortisto_core::meetings::MeetingChange {
        subject: Some("Esittely ja hinnat".into()),
        ..Default::default()
    };
    assert!(restricted(
        register
            .meeting_edit(&sales, &earlier_meeting, &correction, None, &clock)
            .map(drop)
    ));
    let without_her = kortisto_core::meetings::MeetingChange {
        participant_ids: Some(vec![other.clone()]),
        ..Default::default()
    };
    assert!(restricted(
        register
            .meeting_edit(&sales, &earlier_meeting, &without_her, None, &clock)
            .map(drop)
    ));
    assert!(restricted(register.meeting_delete(
        &sales,
        &earlier_meeting,
        None,
        &clock
    )));
    let page = register.person_page(&admin, &maija, &clock).unwrap();
    assert_eq!(page.person.surname, "Virtanen");
    assert_eq!(
        (
            page.contacts.len(),
            page.positions.len(),
            page.meetings.len(),
            page.deals.len()
        ),
        (1, 0, 1, 0)
    );
    assert_eq!(page.history.len(), history_before);

    // The administrator may.
    register
        .person_edit(&admin, &maija, &renamed, None, &clock)
        .unwrap();
    register.deal_add(&admin, &lead, &clock).unwrap();

    // Lifting: with a reason, kept in the history; the person is back everywhere.
    assert!(matches!(
        register.restriction_lift(&office, &maija, "Tarkistettu", None, &clock),
        Err(Error::PermissionDenied { .. })
    ));
    let lifted = register
        .restriction_lift(&admin, &maija, "Osoite tarkistettu oikeaksi", None, &clock)
        .unwrap();
    assert_eq!(
        lifted.lifted_reason.as_deref(),
        Some("Osoite tarkistettu oikeaksi")
    );
    assert_eq!(lifted.lifted_by_name.as_deref(), Some("Admin Ylläpitäjä"));
    assert!(matches!(
        register.restriction_lift(&admin, &maija, "Uudelleen", None, &clock),
        Err(Error::RestrictionNotInForce { .. })
    ));
    assert_eq!(marketing(&mut register, &admin).len(), 2);
    assert!(!register.search(&sales, "virtanen", 10, &clock).unwrap()[0].restricted);
    register
        .person_edit(
            &office,
            &maija,
            &PersonInput {
                surname: "Virtanen".into(),
                first_name: "Maija".into(),
                other_first_names: None,
            },
            None,
            &clock,
        )
        .unwrap();
    let page = register.person_page(&office, &maija, &clock).unwrap();
    assert_eq!(page.restrictions.len(), 1);
    assert!(page.restrictions[0].lifted_at.is_some());

    // The extract shows the restriction; erasure takes it with the person.
    let extract = register
        .extract_data(&admin, &maija, kortisto_core::Language::Fi, &clock)
        .unwrap();
    assert_eq!(extract.restrictions.len(), 1);
}

#[test]
fn an_objection_withdraws_consent_and_suppresses_the_persons_e_mails() {
    let sandbox = Sandbox::new("objection");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let office = user(&mut register, &admin, "office", Role::Office);
    let maija = person(&mut register, &admin, "Virtanen", "Maija");
    register
        .contact_add(
            &admin,
            Some(&maija),
            None,
            &email("maija.koti@posti.fi"),
            &source(),
            &clock,
        )
        .unwrap();
    consent(&mut register, &admin, &maija, ConsentEventKind::Given);
    assert_eq!(marketing(&mut register, &admin), vec![maija.clone()]);

    let input = ObjectionInput {
        person_id: maija.clone(),
        purpose: "direct-marketing".into(),
        reason: Some("Ei halua markkinointia".into()),
        objected_on: None,
        channel: ConsentChannel::Email,
    };
    assert!(matches!(
        register.objection_record(&office, &input, None, &clock),
        Err(Error::PermissionDenied { .. })
    ));
    let unknown = ObjectionInput {
        purpose: "no-such-purpose".into(),
        ..input.clone()
    };
    assert!(matches!(
        register.objection_record(&admin, &unknown, None, &clock),
        Err(Error::FieldInvalid { rule, .. }) if rule == "unknown_purpose"
    ));
    let recorded = register
        .objection_record(&admin, &input, None, &clock)
        .unwrap();
    assert_eq!(recorded.suppressed_emails, 2);
    assert_eq!(recorded.objection.objected_on, "2026-11-27");
    let withdrawal = recorded
        .consent_withdrawn
        .expect("the consent was withdrawn");
    let history = register.consent_history(&admin, &maija).unwrap();
    assert_eq!(history.last().unwrap(), &withdrawal);
    assert_eq!(withdrawal.kind, ConsentEventKind::Withdrawn);
    assert!(marketing(&mut register, &admin).is_empty());
    assert!(matches!(
        register.objection_record(&admin, &input, None, &clock),
        Err(Error::ObjectionExists { .. })
    ));

    // Even a consent recorded later does not bring the person back to marketing.
    consent(&mut register, &admin, &maija, ConsentEventKind::Given);
    assert!(marketing(&mut register, &admin).is_empty());

    // The address is on the suppression list: a new card with it is warned.
    let card = BusinessCard {
        person: PersonInput {
            surname: "Uusi".into(),
            first_name: "Henkilö".into(),
            other_first_names: None,
        },
        organisation_id: None,
        new_organisation: None,
        title: None,
        contacts: vec![email("MAIJA.KOTI@posti.fi")],
        source: source(),
    };
    let warned = register.duplicate_check(&admin, &card).unwrap();
    assert!(warned
        .iter()
        .any(|d| d.reason == DuplicateReason::ErasedOptOut));
    let page = register.person_page(&office, &maija, &clock).unwrap();
    assert_eq!(page.objections.len(), 1);
    assert_eq!(
        page.objections[0].reason.as_deref(),
        Some("Ei halua markkinointia")
    );
}

#[test]
fn erasure_shows_the_name_in_another_meetings_subject_and_after_redaction_no_page_holds_it() {
    let sandbox = Sandbox::new("redaction");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let org = organisation(&mut register, &admin);
    // A two-letter first name and a surname with an accent.
    let li = register
        .person_add(
            &admin,
            &PersonInput {
                surname: "Qzyåberg".into(),
                first_name: "Li".into(),
                other_first_names: None,
            },
            &[],
            &source(),
            &clock,
        )
        .unwrap()
        .person_id;
    let other = person(&mut register, &admin, "Korhonen", "Pekka");
    // Meetings Li took no part in, written without the accent and in capitals.
    let named = register
        .meeting_log(
            &admin,
            &meeting(
                "Tarjous: LI QZYABERG soitti",
                Some("Sovittiin, että li qzyaberg lähettää tiedot. Lisäksi Liisa."),
                &[&other],
            ),
            &clock,
        )
        .unwrap();
    let unrelated = register
        .meeting_log(
            &admin,
            &meeting("Lisenssit ja Liisa", None, &[&other]),
            &clock,
        )
        .unwrap();
    let deal = register
        .deal_add(
            &admin,
            &DealInput {
                kind: DealKind::Lead,
                organisation_id: org.clone(),
                title: "Qzyåbergin suosittelema".into(),
                status: DealStatus::Lost,
                start_on: None,
                end_on: None,
                notes: Some("Suositteli Qzyåberg.".into()),
                person_ids: vec![other.clone()],
            },
            &clock,
        )
        .unwrap();
    register
        .legal_hold_add(
            &admin,
            "organisation",
            &org,
            "Riita, todistajana Li Qzyåberg",
            "31.12.2026",
            &clock,
        )
        .unwrap();

    let office = user(&mut register, &admin, "office", Role::Office);
    assert!(matches!(
        register.erasure_matches(&office, &li),
        Err(Error::PermissionDenied { .. })
    ));
    let matches = register.erasure_matches(&admin, &li).unwrap();
    let found: Vec<(&str, &str, &str, u64)> = matches
        .iter()
        .map(|m| {
            (
                m.record_kind.as_str(),
                m.record_id.as_str(),
                m.field.as_str(),
                m.count,
            )
        })
        .collect();
    assert!(found.contains(&("meeting", named.meeting_id.as_str(), "subject", 2)));
    assert!(found.contains(&("meeting", named.meeting_id.as_str(), "notes", 2)));
    assert!(found.contains(&("deal", deal.deal_id.as_str(), "notes", 1)));
    assert!(found.iter().any(|f| f.0 == "legal_hold" && f.2 == "reason"));
    assert!(
        !found.iter().any(|f| f.1 == unrelated.meeting_id),
        "Liisa and Lisenssit are other words: {found:?}"
    );
    assert!(
        found.contains(&("deal", deal.deal_id.as_str(), "title", 1)),
        "Qzyåbergin is the name with a case ending"
    );
    let subject = matches.iter().find(|m| m.field == "subject").unwrap();
    assert!(subject.excerpt.contains("LI QZYABERG"));
    assert_eq!(
        (subject.link_kind.as_str(), subject.link_id.as_str()),
        ("meeting", named.meeting_id.as_str())
    );

    // Every match redacted in the same flow.
    for m in &matches {
        let target = RedactionTarget {
            record_kind: m.record_kind.clone(),
            record_id: m.record_id.clone(),
            field: m.field.clone(),
        };
        let redacted = register.redact(&admin, &li, &target, &clock).unwrap();
        assert_eq!(redacted.replaced, m.count);
    }
    let after = register
        .meeting_list(&admin, &Default::default(), &clock)
        .unwrap();
    let subject_now = after
        .items
        .iter()
        .find(|m| m.meeting_id == named.meeting_id)
        .map(|m| m.subject.clone())
        .unwrap();
    assert_eq!(subject_now, "Tarjous: [poistettu] [poistettu] soitti");
    assert!(register.erasure_matches(&admin, &li).unwrap().is_empty());

    // Redacting again: the text no longer names them, its own code, nothing changed.
    let again = RedactionTarget {
        record_kind: "meeting".into(),
        record_id: named.meeting_id.clone(),
        field: "subject".into(),
    };
    assert!(matches!(
        register.redact(&admin, &li, &again, &clock),
        Err(Error::RedactionStale { .. })
    ));
    let bad = RedactionTarget {
        field: "organisation_id".into(),
        ..again.clone()
    };
    assert!(matches!(
        register.redact(&admin, &li, &bad, &clock),
        Err(Error::FieldInvalid { .. })
    ));

    let receipt = register.erase(&admin, &li, None, &clock).unwrap();
    assert!(
        receipt.notes_to_review.is_empty(),
        "everything was redacted"
    );
    let id = register.register_id().to_string();
    let key = sandbox.entry(&id).get_secret().unwrap();
    register.close().unwrap();
    let database = std::fs::read(sandbox.data_dir.database_path()).unwrap();
    let pages = decrypted_pages(&database, &key);
    assert!(contains(&pages, b"Korhonen"), "the decryption works");
    assert!(contains(&pages, "[poistettu]".as_bytes()));
    for needle in ["Qzyåberg", "qzyåberg", "QZYABERG", "qzyaberg", "Qzyaberg"] {
        assert!(
            !contains(&pages, needle.as_bytes()),
            "{needle} survives in a decrypted page"
        );
    }
    for (path, bytes) in all_files(sandbox.data_dir.path()) {
        assert!(
            !contains(&bytes, "Qzyåberg".as_bytes()) && !contains(&bytes, b"QZYABERG"),
            "in {}",
            path.display()
        );
    }
}

#[test]
fn retention_keeps_the_matches_it_could_not_redact_as_an_id_only_to_do() {
    let sandbox = Sandbox::new("redaction-todo");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let old = register
        .person_add(
            &admin,
            &PersonInput {
                surname: "Qzyvanha".into(),
                first_name: "Olli".into(),
                other_first_names: None,
            },
            &[],
            &SourceInput {
                kind: SourceKind::PublicSource,
                detail: Some("YTJ".into()),
                obtained_on: Some("1.1.2019".into()),
            },
            &clock,
        )
        .unwrap()
        .person_id;
    // A second person of the same batch, named with a case ending in the notes.
    register
        .person_add(
            &admin,
            &PersonInput {
                surname: "Qzylund".into(),
                first_name: "Olli".into(),
                other_first_names: None,
            },
            &[],
            &SourceInput {
                kind: SourceKind::PublicSource,
                detail: Some("YTJ".into()),
                obtained_on: Some("1.1.2019".into()),
            },
            &clock,
        )
        .unwrap();
    let recent = person(&mut register, &admin, "Korhonen", "Pekka");
    let named = register
        .meeting_log(
            &admin,
            &meeting("Qzyvanha jäi eläkkeelle", None, &[&recent]),
            &clock,
        )
        .unwrap();
    let both = register
        .meeting_log(
            &admin,
            &meeting("Kahvit", Some("Qzylundille seuraaja"), &[&recent]),
            &clock,
        )
        .unwrap();
    let run = register
        .retention_run(Some(&admin), "manual", false, &clock, &mut |_, _| true)
        .unwrap();
    assert_eq!(run.erased, 2);
    assert!(register.person_page(&admin, &old, &clock).is_err());
    let mut todos = register.redaction_todos(&admin).unwrap();
    assert_eq!(todos.len(), 2, "{todos:?}");
    // Olli is both people's first name, and no text names an Olli: only the surnames count.
    let other_todo = todos
        .iter()
        .position(|t| t.record_id == both.meeting_id)
        .unwrap();
    assert_eq!(todos.remove(other_todo).field, "notes");
    assert_eq!(
        (
            todos[0].record_kind.as_str(),
            todos[0].record_id.as_str(),
            todos[0].field.as_str()
        ),
        ("meeting", named.meeting_id.as_str(), "subject")
    );
    assert_eq!(todos[0].run_id.as_deref(), Some(run.run_id.as_str()));
    assert!(!serde_json::to_string(&todos).unwrap().contains("Qzyvanha"));
    assert!(matches!(
        register.redaction_todo_done(&admin, "no-such-todo", &clock),
        Err(Error::RecordNotFound { .. })
    ));
    register
        .redaction_todo_done(&admin, &todos[0].todo_id, &clock)
        .unwrap();
    assert_eq!(register.redaction_todos(&admin).unwrap().len(), 1);
}
