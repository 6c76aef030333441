//! The register's content: validation of every field kind, sources required and shown,
//! rectification history on every edit, search (accents, prefixes, phone forms), business
//! cards with their duplicate warning, meetings, Finnish list order — and bad input saving
//! nothing.
use crate::common::{all_files, at, contains, raw_connection, register_with_admin, Sandbox};
use kortisto_core::auth::Session;
use kortisto_core::deals::{DealInput, DealKind, DealStatus};
use kortisto_core::meetings::{MeetingInput, MeetingKind};
use kortisto_core::organisations::{OrganisationInput, OrganisationKind};
use kortisto_core::people::{
    BusinessCard, ContactInput, ContactKind, DuplicateReason, PersonInput, PositionInput,
};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::{Error, FixedClock, Register};

fn clock() -> FixedClock {
    at("2026-11-27T10:00:00Z")
}

fn source(kind: SourceKind, detail: Option<&str>) -> SourceInput {
    SourceInput {
        kind,
        detail: detail.map(str::to_string),
        obtained_on: None,
    }
}

fn person(surname: &str, first_name: &str) -> PersonInput {
    PersonInput {
        surname: surname.into(),
        first_name: first_name.into(),
        other_first_names: None,
    }
}

fn contact(kind: ContactKind, value: &str) -> ContactInput {
    ContactInput {
        kind,
        value: value.into(),
        label: None,
        social_kind: None,
    }
}

fn add_person(
    register: &mut Register,
    admin: &Session,
    surname: &str,
    first: &str,
    contacts: &[ContactInput],
) -> String {
    register
        .person_add(
            admin,
            &person(surname, first),
            contacts,
            &source(SourceKind::BusinessCard, None),
            &clock(),
        )
        .unwrap()
        .person_id
}

fn add_organisation(register: &mut Register, admin: &Session, name: &str) -> String {
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

fn counts(sandbox: &Sandbox, register: &Register) -> Vec<i64> {
    let raw = raw_connection(sandbox, register.register_id());
    [
        "people",
        "organisations",
        "contact_points",
        "positions",
        "deals",
        "meetings",
        "sources",
        "change_history",
        "audit_events",
    ]
    .iter()
    .map(|table| {
        raw.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
            row.get(0)
        })
        .unwrap()
    })
    .collect()
}

fn titles(register: &mut Register, session: &Session, query: &str) -> Vec<String> {
    register
        .search(session, query, 20, &clock())
        .unwrap()
        .into_iter()
        .map(|hit| hit.title)
        .collect()
}

#[test]
fn search_folds_accents_matches_prefixes_and_finds_phone_numbers_in_any_form() {
    let sandbox = Sandbox::new("search");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    add_person(
        &mut register,
        &admin,
        "Hämäläinen",
        "Päivi",
        &[contact(ContactKind::Mobile, "040 123 4567")],
    );
    add_person(
        &mut register,
        &admin,
        "Virtanen",
        "Matti",
        &[contact(ContactKind::Email, "matti.virtanen@asiakas.fi")],
    );
    add_person(&mut register, &admin, "Korhonen", "Liisa", &[]);
    let organisation = register
        .organisation_add(
            &admin,
            &OrganisationInput {
                name: "Sofor Oy".into(),
                business_id: Some("0855050-9".into()),
                ..Default::default()
            },
            &clock(),
        )
        .unwrap();

    assert_eq!(
        titles(&mut register, &admin, "hamalainen"),
        ["Hämäläinen Päivi"]
    );
    assert_eq!(titles(&mut register, &admin, "HÄMÄL"), ["Hämäläinen Päivi"]);
    assert_eq!(titles(&mut register, &admin, "virt"), ["Virtanen Matti"]);
    assert_eq!(
        titles(&mut register, &admin, "matti.virtanen@asi"),
        ["Virtanen Matti"]
    );
    assert_eq!(
        titles(&mut register, &admin, "paivi hama"),
        ["Hämäläinen Päivi"]
    );
    for phone in [
        "040 123 4567",
        "0401234567",
        "+358 40 123 4567",
        "+358401234567",
        "040-1234",
        "358 40 123",
    ] {
        assert_eq!(
            titles(&mut register, &admin, phone),
            ["Hämäläinen Päivi"],
            "{phone}"
        );
    }
    assert_eq!(titles(&mut register, &admin, "sofor"), ["Sofor Oy"]);
    assert_eq!(titles(&mut register, &admin, "0855050"), ["Sofor Oy"]);
    assert!(titles(&mut register, &admin, "zzz").is_empty());
    assert!(
        titles(&mut register, &admin, "\"*^(").is_empty(),
        "query syntax is never passed through"
    );

    // An edit re-indexes: the old name no longer matches, the new one does.
    let korhonen = register.search(&admin, "korhonen", 5, &clock()).unwrap()[0]
        .record_id
        .clone();
    register
        .person_edit(
            &admin,
            &korhonen,
            &person("Mäkelä", "Liisa"),
            None,
            &clock(),
        )
        .unwrap();
    assert!(titles(&mut register, &admin, "korhonen").is_empty());
    assert_eq!(titles(&mut register, &admin, "makela"), ["Mäkelä Liisa"]);
    let hit = &register.search(&admin, "sofor", 5, &clock()).unwrap()[0];
    assert_eq!(hit.record_id, organisation.organisation_id);
    assert_eq!(hit.subtitle.as_deref(), Some("0855050-9"));
}

#[test]
fn every_person_and_contact_datum_records_its_source_and_edits_leave_history() {
    let sandbox = Sandbox::new("sources");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let missing_detail = register.person_add(
        &admin,
        &person("Laine", "Aino"),
        &[],
        &source(SourceKind::Event, None),
        &clock(),
    );
    assert!(
        matches!(missing_detail, Err(Error::FieldInvalid { ref rule, .. }) if rule == "source_detail_required"),
        "{missing_detail:?}"
    );

    let added = register
        .person_add(
            &admin,
            &person("Laine", "Aino"),
            &[contact(ContactKind::Email, "aino.laine@example.fi")],
            &SourceInput {
                kind: SourceKind::Event,
                detail: Some("Asiakastapahtuma Kauhava".into()),
                obtained_on: Some("20.11.2026".into()),
            },
            &clock(),
        )
        .unwrap();
    assert_eq!(added.source.kind, SourceKind::Event);
    assert_eq!(
        added.source.detail.as_deref(),
        Some("Asiakastapahtuma Kauhava")
    );
    assert_eq!(added.source.obtained_on, "2026-11-20");
    assert_eq!(added.source.recorded_by_name, "Admin Ylläpitäjä");

    register
        .contact_add(
            &admin,
            Some(&added.person_id),
            None,
            &contact(ContactKind::Phone, "09 123 4567"),
            &source(SourceKind::DataProvider, Some("Fonecta")),
            &clock(),
        )
        .unwrap();
    register
        .person_edit(
            &admin,
            &added.person_id,
            &person("Laine-Virta", "Aino"),
            None,
            &clock(),
        )
        .unwrap();
    let organisation = add_organisation(&mut register, &admin, "Asiakas Oy");
    register
        .position_add(
            &admin,
            &PositionInput {
                person_id: added.person_id.clone(),
                organisation_id: organisation,
                title: "Ostopäällikkö".into(),
                job_description: None,
                start_on: Some("1.1.2024".into()),
                end_on: None,
            },
            &clock(),
        )
        .unwrap();

    let page = register
        .person_page(&admin, &added.person_id, &clock())
        .unwrap();
    let phone = page
        .contacts
        .iter()
        .find(|c| c.kind == ContactKind::Phone)
        .unwrap();
    assert_eq!(phone.value, "+35891234567");
    assert_eq!(phone.display.replace(' ', ""), "091234567");
    assert_eq!(phone.source.kind, SourceKind::DataProvider);
    assert_eq!(phone.source.detail.as_deref(), Some("Fonecta"));
    let email = page
        .contacts
        .iter()
        .find(|c| c.kind == ContactKind::Email)
        .unwrap();
    assert_eq!(email.source.kind, SourceKind::Event);

    let surname_change = page
        .history
        .iter()
        .find(|h| h.field == "surname")
        .expect("surname change in history");
    assert_eq!(surname_change.old_value.as_deref(), Some("Laine"));
    assert_eq!(surname_change.new_value.as_deref(), Some("Laine-Virta"));
    assert_eq!(surname_change.changed_by_name, "Admin Ylläpitäjä");
    assert!(page
        .history
        .iter()
        .any(|h| h.field == "contact.phone" && h.new_value.as_deref() == Some("+35891234567")));
    assert!(page.history.iter().any(|h| h.field == "position"));
    assert_eq!(page.positions[0].title, "Ostopäällikkö");

    // Viewing the page is audited with the record id only.
    let views = register
        .audit_list(
            &admin,
            &kortisto_core::AuditFilter {
                action: Some("person_view".into()),
                ..Default::default()
            },
        )
        .unwrap();
    assert_eq!(
        views[0].record_id.as_deref(),
        Some(added.person_id.as_str())
    );
}

#[test]
fn a_business_card_warns_of_duplicates_before_saving() {
    let sandbox = Sandbox::new("cards");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let organisation = add_organisation(&mut register, &admin, "Kortti Oy");
    let card = |surname: &str, email: &str, phone: &str| BusinessCard {
        person: person(surname, "Maija"),
        organisation_id: Some(organisation.clone()),
        new_organisation: None,
        title: Some("Myyntipäällikkö".into()),
        contacts: vec![
            contact(ContactKind::Email, email),
            contact(ContactKind::Mobile, phone),
        ],
        source: source(SourceKind::BusinessCard, None),
    };
    let first = register
        .business_card_save(
            &admin,
            &card("Mäkinen", "maija@kortti.fi", "050 555 1234"),
            false,
            &clock(),
        )
        .unwrap();
    assert!(first.position_id.is_some());

    let same_email = register
        .duplicate_check(&admin, &card("Toinen", "MAIJA@KORTTI.FI", "040 000 0001"))
        .unwrap();
    assert_eq!(same_email.len(), 1);
    assert_eq!(same_email[0].reason, DuplicateReason::SameEmail);
    assert_eq!(same_email[0].person_id, first.person_id);
    let same_phone = register
        .duplicate_check(&admin, &card("Toinen", "toinen@kortti.fi", "+358505551234"))
        .unwrap();
    assert_eq!(same_phone[0].reason, DuplicateReason::SamePhone);
    let same_name = register
        .duplicate_check(&admin, &card("mäkinen", "other@kortti.fi", "040 000 0002"))
        .unwrap();
    assert_eq!(same_name[0].reason, DuplicateReason::SameNameInOrganisation);
    // Typed without the letters ä and ö, as on a keyboard or a card that lacks them.
    let without_accents = register
        .duplicate_check(&admin, &card("Makinen", "third@kortti.fi", "040 000 0004"))
        .unwrap();
    assert_eq!(without_accents.len(), 1, "{without_accents:?}");
    assert_eq!(
        without_accents[0].reason,
        DuplicateReason::SameNameInOrganisation
    );
    assert_eq!(without_accents[0].person_id, first.person_id);
    assert!(register
        .duplicate_check(&admin, &card("Uusi", "uusi@kortti.fi", "040 000 0003"))
        .unwrap()
        .is_empty());

    let before = counts(&sandbox, &register);
    let refused = register.business_card_save(
        &admin,
        &card("Toinen", "maija@kortti.fi", "040 000 0004"),
        false,
        &clock(),
    );
    assert!(
        matches!(refused, Err(Error::DuplicateSuspected { ref person_ids }) if person_ids == &vec![first.person_id.clone()]),
        "{refused:?}"
    );
    assert_eq!(
        counts(&sandbox, &register),
        before,
        "a refused card saves nothing"
    );
    register
        .business_card_save(
            &admin,
            &card("Toinen", "maija@kortti.fi", "040 000 0004"),
            true,
            &clock(),
        )
        .unwrap();

    // A new organisation on the card is created with it.
    let with_new = BusinessCard {
        organisation_id: None,
        new_organisation: Some(OrganisationInput {
            name: "Uusi Asiakas Oy".into(),
            ..Default::default()
        }),
        ..card("Uusi", "uusi@asiakas.fi", "044 123 4567")
    };
    let saved = register
        .business_card_save(&admin, &with_new, false, &clock())
        .unwrap();
    let page = register
        .person_page(&admin, &saved.person_id, &clock())
        .unwrap();
    assert_eq!(page.positions[0].organisation_name, "Uusi Asiakas Oy");
    assert_eq!(page.contacts.len(), 2);
    assert!(page
        .contacts
        .iter()
        .all(|c| c.source.kind == SourceKind::BusinessCard));
}

#[test]
fn meetings_need_subject_and_known_participants_and_show_on_the_person_page() {
    let sandbox = Sandbox::new("meetings");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let maija = add_person(&mut register, &admin, "Virtanen", "Maija", &[]);
    let meeting = |participants: Vec<String>, at: Option<&str>| MeetingInput {
        kind: MeetingKind::WebMeeting,
        at: at.map(str::to_string),
        subject: "Tarjouksen läpikäynti".into(),
        participant_ids: participants,
        notes: None,
        organisation_id: None,
    };
    let logged = register
        .meeting_log(&admin, &meeting(vec![maija.clone()], None), &clock())
        .unwrap();
    assert_eq!(logged.at, "2026-11-27T10:00:00Z", "time defaults to now");
    assert_eq!(logged.logged_by_name, "Admin Ylläpitäjä");
    let past = register
        .meeting_log(
            &admin,
            &meeting(vec![maija.clone()], Some("2024-03-05T09:15:00Z")),
            &clock(),
        )
        .unwrap();
    assert_eq!(past.at, "2024-03-05T09:15:00Z");
    assert!(register
        .meeting_log(
            &admin,
            &meeting(vec![maija.clone()], Some("3.5.2024 14.30")),
            &clock()
        )
        .is_ok());

    let before = counts(&sandbox, &register);
    let nobody = register.meeting_log(&admin, &meeting(vec![], None), &clock());
    assert!(
        matches!(nobody, Err(Error::FieldInvalid { ref rule, .. }) if rule == "participants_required")
    );
    let ghost = register.meeting_log(
        &admin,
        &meeting(vec![maija.clone(), "no-such-person".into()], None),
        &clock(),
    );
    assert!(
        matches!(ghost, Err(Error::FieldInvalid { ref rule, .. }) if rule == "unknown_participant")
    );
    let bad_time = register.meeting_log(
        &admin,
        &meeting(vec![maija.clone()], Some("eilen iltapäivällä")),
        &clock(),
    );
    assert!(matches!(bad_time, Err(Error::DateInvalid { .. })));
    assert_eq!(counts(&sandbox, &register), before);

    let page = register.person_page(&admin, &maija, &clock()).unwrap();
    assert_eq!(page.meetings.len(), 3);
    assert_eq!(page.meetings[0].subject, "Tarjouksen läpikäynti");
    assert_eq!(page.meetings[0].participants[0].name, "Virtanen Maija");
}

#[test]
fn bad_input_gets_its_field_level_error_and_saves_nothing() {
    let sandbox = Sandbox::new("badcontent");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let organisation = add_organisation(&mut register, &admin, "Asiakas Oy");
    let person_id = add_person(&mut register, &admin, "Virtanen", "Maija", &[]);
    let before = counts(&sandbox, &register);
    let long = "x".repeat(10_000);
    let card = source(SourceKind::BusinessCard, None);

    let org = |input: OrganisationInput| input;
    let cases: Vec<(&str, kortisto_core::Result<()>)> = vec![
        (
            "business_id",
            register
                .organisation_add(
                    &admin,
                    &org(OrganisationInput {
                        name: "Y Oy".into(),
                        business_id: Some("0855050-8".into()),
                        ..Default::default()
                    }),
                    &clock(),
                )
                .map(drop),
        ),
        (
            "phone",
            register
                .person_add(
                    &admin,
                    &person("A", "B"),
                    &[contact(ContactKind::Phone, "12ab")],
                    &card,
                    &clock(),
                )
                .map(drop),
        ),
        (
            "email",
            register
                .person_add(
                    &admin,
                    &person("A", "B"),
                    &[contact(ContactKind::Email, "maija@")],
                    &card,
                    &clock(),
                )
                .map(drop),
        ),
        (
            "end_before_start",
            register
                .position_add(
                    &admin,
                    &PositionInput {
                        person_id: person_id.clone(),
                        organisation_id: organisation.clone(),
                        title: "T".into(),
                        job_description: None,
                        start_on: Some("2.1.2026".into()),
                        end_on: Some("1.1.2026".into()),
                    },
                    &clock(),
                )
                .map(drop),
        ),
        (
            "end_before_start",
            register
                .deal_add(
                    &admin,
                    &DealInput {
                        kind: DealKind::ServiceContract,
                        organisation_id: organisation.clone(),
                        title: "S".into(),
                        status: DealStatus::Active,
                        start_on: Some("2026-06-01".into()),
                        end_on: Some("2026-05-01".into()),
                        notes: None,
                        person_ids: vec![],
                    },
                    &clock(),
                )
                .map(drop),
        ),
        (
            "unknown_participant",
            register
                .deal_add(
                    &admin,
                    &DealInput {
                        kind: DealKind::Lead,
                        organisation_id: organisation.clone(),
                        title: "L".into(),
                        status: DealStatus::Open,
                        start_on: None,
                        end_on: None,
                        notes: None,
                        person_ids: vec!["ghost".into()],
                    },
                    &clock(),
                )
                .map(drop),
        ),
        (
            "text_invalid",
            register
                .person_add(&admin, &person(&long, "B"), &[], &card, &clock())
                .map(drop),
        ),
        (
            "text_invalid",
            register
                .person_add(
                    &admin,
                    &person("Vir\u{1b}[31mtanen", "B"),
                    &[],
                    &card,
                    &clock(),
                )
                .map(drop),
        ),
        (
            "parent_required",
            register
                .organisation_add(
                    &admin,
                    &org(OrganisationInput {
                        name: "Yksikkö".into(),
                        kind: Some(OrganisationKind::Unit),
                        ..Default::default()
                    }),
                    &clock(),
                )
                .map(drop),
        ),
        (
            "date_invalid",
            register
                .person_add(
                    &admin,
                    &person("A", "B"),
                    &[],
                    &SourceInput {
                        kind: SourceKind::BusinessCard,
                        detail: None,
                        obtained_on: Some("1.1.2099".into()),
                    },
                    &clock(),
                )
                .map(drop),
        ),
    ];
    for (expected, result) in cases {
        let error = result.expect_err(expected);
        let matched = match &error {
            Error::FieldInvalid { rule, .. } => rule == expected,
            other => other.code() == expected,
        };
        assert!(matched, "expected {expected}, got {error:?}");
        assert_ne!(
            error.message(kortisto_core::Language::Fi),
            error.message(kortisto_core::Language::En)
        );
    }
    assert_eq!(counts(&sandbox, &register), before, "nothing was saved");

    // Markup is data, kept as typed (the UI renders it as text).
    let script = add_person(
        &mut register,
        &admin,
        "<script>alert(1)</script>",
        "Eve",
        &[],
    );
    let page = register.person_page(&admin, &script, &clock()).unwrap();
    assert_eq!(page.person.surname, "<script>alert(1)</script>");
}

#[test]
fn people_are_listed_in_finnish_order_a_page_at_a_time() {
    let sandbox = Sandbox::new("order");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    for surname in [
        "Öhman",
        "Aalto",
        "Åberg",
        "Virtanen",
        "Äijälä",
        "Zetterberg",
        "ahonen",
    ] {
        add_person(&mut register, &admin, surname, "Testi", &[]);
    }
    let page = register.person_list(&admin, 0, 100, &clock()).unwrap();
    let surnames: Vec<&str> = page.items.iter().map(|p| p.surname.as_str()).collect();
    assert_eq!(
        surnames,
        [
            "Aalto",
            "ahonen",
            "Virtanen",
            "Zetterberg",
            "Åberg",
            "Äijälä",
            "Öhman"
        ]
    );
    assert_eq!(page.total, 7);
    let second = register.person_list(&admin, 3, 2, &clock()).unwrap();
    assert_eq!(
        second
            .items
            .iter()
            .map(|p| p.surname.as_str())
            .collect::<Vec<_>>(),
        ["Zetterberg", "Åberg"]
    );
}

#[test]
fn personal_data_is_never_readable_in_any_file_of_the_data_directory() {
    let sandbox = Sandbox::new("plaintext");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let marker = "Xylofonisti-Qvarnström";
    add_person(
        &mut register,
        &admin,
        marker,
        "Uniikki",
        &[contact(
            ContactKind::Email,
            "xylofonisti.qvarnstrom@salainen.fi",
        )],
    );
    for (path, bytes) in all_files(sandbox.data_dir.path()) {
        assert!(
            !contains(&bytes, marker.as_bytes()),
            "{} holds the name in plaintext",
            path.display()
        );
        assert!(
            !contains(&bytes, b"xylofonisti.qvarnstrom"),
            "{} holds the e-mail in plaintext",
            path.display()
        );
    }
    register.close().unwrap();
    for (path, bytes) in all_files(sandbox.data_dir.path()) {
        assert!(
            !contains(&bytes, marker.as_bytes()),
            "{} holds the name after close",
            path.display()
        );
    }
}

#[test]
fn names_are_stored_in_nfc_and_hidden_characters_are_refused() {
    let sandbox = Sandbox::new("unicodenames");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    // "Mäkinen" and "Åsa" typed with combining marks (a + U+0308, A + U+030A).
    let decomposed = register
        .person_add(
            &admin,
            &PersonInput {
                surname: "Ma\u{0308}kinen".into(),
                first_name: "A\u{030A}sa".into(),
                other_first_names: Some("Ma\u{0308}rta".into()),
            },
            &[],
            &source(SourceKind::BusinessCard, None),
            &clock,
        )
        .unwrap();
    assert_eq!(decomposed.surname, "M\u{e4}kinen");
    assert_eq!(decomposed.first_name, "\u{c5}sa");
    assert_eq!(decomposed.other_first_names.as_deref(), Some("M\u{e4}rta"));
    let organisation = register
        .organisation_add(
            &admin,
            &OrganisationInput {
                name: "Ka\u{0308}rka\u{0308}s Oy".into(),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
    assert_eq!(organisation.name, "K\u{e4}rk\u{e4}s Oy");
    let user = register
        .user_add(
            &admin,
            &kortisto_core::users::NewUser {
                username: "maija".into(),
                display_name: "Maija Ma\u{0308}kinen".into(),
                role: kortisto_core::auth::Role::Office,
            },
            &crate::common::password(),
            &clock,
        )
        .unwrap();
    assert_eq!(user.display_name, "Maija M\u{e4}kinen");

    let hidden = [
        '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}', '\u{200B}', '\u{200C}',
        '\u{200D}', '\u{2060}', '\u{FEFF}',
    ];
    for c in hidden {
        let named = |surname: String, first: String| PersonInput {
            surname,
            first_name: first,
            other_first_names: None,
        };
        for (field, input) in [
            ("surname", named(format!("Virta{c}nen"), "Ville".into())),
            ("first_name", named("Virtanen".into(), format!("{c}Ville"))),
        ] {
            let error = register
                .person_add(
                    &admin,
                    &input,
                    &[],
                    &source(SourceKind::BusinessCard, None),
                    &clock,
                )
                .unwrap_err();
            assert_eq!(
                error.code(),
                "text_hidden_characters",
                "{field} U+{:04X}",
                c as u32
            );
            assert_eq!(error.params()["field"], field);
        }
        let error = register
            .person_add(
                &admin,
                &person("Virtanen", "Ville"),
                &[contact(ContactKind::Email, &format!("ville{c}@example.fi"))],
                &source(SourceKind::BusinessCard, None),
                &clock,
            )
            .unwrap_err();
        assert_eq!(
            error.code(),
            "text_hidden_characters",
            "email U+{:04X}",
            c as u32
        );
        let error = register
            .organisation_add(
                &admin,
                &OrganisationInput {
                    name: format!("Firma{c} Oy"),
                    ..Default::default()
                },
                &clock,
            )
            .unwrap_err();
        assert_eq!(error.code(), "text_hidden_characters");
        let error = register
            .user_add(
                &admin,
                &kortisto_core::users::NewUser {
                    username: format!("u{}", c as u32),
                    display_name: format!("Nimi{c}"),
                    role: kortisto_core::auth::Role::Sales,
                },
                &crate::common::password(),
                &clock,
            )
            .unwrap_err();
        assert_eq!(error.code(), "text_hidden_characters");
    }
    let error = Error::TextHiddenCharacters {
        field: "surname".into(),
    };
    assert_ne!(
        error.message(kortisto_core::Language::Fi),
        error.message(kortisto_core::Language::En)
    );
    assert!(register
        .search(&admin, "virtanen", 5, &clock)
        .unwrap()
        .is_empty());
}

#[test]
fn an_organisation_created_by_mistake_is_merged_into_the_right_one_or_removed_when_unused() {
    let sandbox = Sandbox::new("org-merge");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    let right = add_organisation(&mut register, &admin, "Vaahterapuu Oy");
    // A card typed with the fragment as a new organisation (the mistake #13 describes).
    let saved = register
        .business_card_save(
            &admin,
            &BusinessCard {
                person: person("Järvinen", "Helmi"),
                organisation_id: None,
                new_organisation: Some(OrganisationInput {
                    name: "vaahterap".into(),
                    ..Default::default()
                }),
                title: Some("Ostaja".into()),
                contacts: vec![],
                source: source(SourceKind::BusinessCard, None),
            },
            false,
            &clock(),
        )
        .unwrap();
    let mistake = saved.organisation_id.clone().unwrap();
    let deal = register
        .deal_add(
            &admin,
            &DealInput {
                kind: DealKind::Offer,
                organisation_id: mistake.clone(),
                title: "Tarjous".into(),
                status: DealStatus::Open,
                start_on: None,
                end_on: None,
                notes: None,
                person_ids: vec![saved.person_id.clone()],
            },
            &clock(),
        )
        .unwrap();

    // Removing it is refused while its position and deal refer to it, nothing removed.
    let before = counts(&sandbox, &register);
    match register.organisation_remove(&admin, &mistake, &clock()) {
        Err(error @ Error::OrganisationInUse { .. }) => {
            assert_eq!(error.code(), "organisation_in_use");
            let fi = error.message(kortisto_core::Language::Fi);
            assert!(fi.contains("1 tehtävä, 1 kauppa"), "{fi}");
            assert!(fi.contains("yhdistä"), "{fi}");
        }
        other => panic!("expected organisation_in_use, got {other:?}"),
    }
    assert_eq!(counts(&sandbox, &register), before);
    // Not into itself, not by a sales rep.
    assert!(matches!(
        register.organisation_merge(&admin, &mistake, &mistake, &clock()),
        Err(Error::OrganisationMergeInvalid { ref rule, .. }) if rule == "same"
    ));

    let kept = register
        .organisation_merge(&admin, &mistake, &right, &clock())
        .unwrap();
    assert_eq!(kept.organisation_id, right);
    let page = register
        .organisation_page(&admin, &right, &clock())
        .unwrap();
    assert_eq!(page.positions.len(), 1);
    assert_eq!(page.positions[0].person_id, saved.person_id);
    assert_eq!(page.deals.len(), 1);
    assert_eq!(page.deals[0].deal_id, deal.deal_id);
    assert!(page
        .history
        .iter()
        .any(|h| h.field == "merged_from" && h.old_value.as_deref() == Some("vaahterap")));
    assert!(matches!(
        register.organisation_page(&admin, &mistake, &clock()),
        Err(Error::RecordNotFound { .. })
    ));
    // Search knows only the one kept.
    let found = register.search(&admin, "vaahterap", 20, &clock()).unwrap();
    let ids: Vec<&str> = found.iter().map(|h| h.record_id.as_str()).collect();
    assert!(
        ids.contains(&right.as_str()) && !ids.contains(&mistake.as_str()),
        "{ids:?}"
    );
    let audited = register
        .audit_list(
            &admin,
            &kortisto_core::audit::AuditFilter {
                action: Some("organisation_merge".into()),
                ..Default::default()
            },
        )
        .unwrap();
    let records: Vec<Option<&str>> = audited.iter().map(|e| e.record_id.as_deref()).collect();
    assert!(records.contains(&Some(mistake.as_str())) && records.contains(&Some(right.as_str())));

    // An organisation nothing refers to goes.
    let unused = add_organisation(&mut register, &admin, "Tyhjä Oy");
    register
        .organisation_remove(&admin, &unused, &clock())
        .unwrap();
    assert!(matches!(
        register.organisation_page(&admin, &unused, &clock()),
        Err(Error::RecordNotFound { .. })
    ));
}

#[test]
fn search_ranks_the_exact_name_then_names_that_start_with_it_then_the_rest_in_finnish_order() {
    let sandbox = Sandbox::new("search-rank");
    let (mut register, admin) = register_with_admin(&sandbox, &clock());
    for (surname, first) in [
        ("Virtaniemi", "Öljy"),
        ("Aalto", "Virta"),
        ("Virta", "Liisa"),
        ("Virtanen", "Matti"),
        ("Virta", "Ärrä"),
        ("Virta", "Anna"),
    ] {
        add_person(&mut register, &admin, surname, first, &[]);
    }
    // Exact first, then prefixes alphabetically (Ä after Z), the first name matching last.
    assert_eq!(
        titles(&mut register, &admin, "virta liisa"),
        ["Virta Liisa"]
    );
    assert_eq!(
        titles(&mut register, &admin, "virta"),
        [
            "Virta Anna",
            "Virta Liisa",
            "Virta Ärrä",
            "Virtanen Matti",
            "Virtaniemi Öljy",
            "Aalto Virta"
        ]
    );
    assert_eq!(titles(&mut register, &admin, "Virta Anna"), ["Virta Anna"]);
}
