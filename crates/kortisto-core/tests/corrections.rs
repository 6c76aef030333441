//! Corrections where the data stands: a position is edited, ended or left for another
//! organisation, and retention counts from the end; a contact datum is corrected, retired
//! (kept, but no longer used) or deleted — every change in the history, under the request it
//! answers, and bad input changing nothing.
use crate::common::{at, register_with_admin, Sandbox};
use kortisto_core::auth::Session;
use kortisto_core::consent::{ConsentChannel, ConsentEventKind, ConsentInput};
use kortisto_core::corrections::{PositionChange, PositionMove};
use kortisto_core::organisations::OrganisationInput;
use kortisto_core::people::{BusinessCard, ContactInput, ContactKind, PersonInput, PositionInput};
use kortisto_core::requests::{RequestChannel, RequestInput, RequestKind};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::{Error, FixedClock, Language, Register};

fn clock() -> FixedClock {
    at("2026-11-27T10:00:00Z")
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

/// A person whose data was obtained on 1.3.2020, with the given contact data.
fn person(
    register: &mut Register,
    admin: &Session,
    surname: &str,
    contacts: &[ContactInput],
) -> String {
    register
        .person_add(
            admin,
            &PersonInput {
                surname: surname.into(),
                first_name: "Maija".into(),
                other_first_names: None,
            },
            contacts,
            &SourceInput {
                kind: SourceKind::BusinessCard,
                detail: None,
                obtained_on: Some("1.3.2020".into()),
            },
            &clock(),
        )
        .unwrap()
        .person_id
}

fn position(
    register: &mut Register,
    admin: &Session,
    person_id: &str,
    organisation_id: &str,
    start: &str,
) -> String {
    register
        .position_add(
            admin,
            &PositionInput {
                person_id: person_id.into(),
                organisation_id: organisation_id.into(),
                title: "Ostopäällikkö".into(),
                job_description: None,
                start_on: Some(start.into()),
                end_on: None,
            },
            &clock(),
        )
        .unwrap()
        .position_id
}

fn email(value: &str) -> ContactInput {
    ContactInput {
        kind: ContactKind::Email,
        value: value.into(),
        label: None,
        social_kind: None,
    }
}

#[test]
fn an_ended_position_starts_the_retention_period_and_a_move_leaves_one_ended_and_one_current() {
    let sandbox = Sandbox::new("position-end");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let old = organisation(&mut register, &admin, "Vanha Oy");
    let new = organisation(&mut register, &admin, "Uusi Oy");

    // Ending a position: from then on the three "no ties" years count from its end.
    let leaver = person(&mut register, &admin, "Lähtijä", &[]);
    let job = position(&mut register, &admin, &leaver, &old, "1.1.2019");
    let before = register.retention_status(&admin, &leaver, &clock).unwrap();
    assert_eq!(
        (before.deciding.as_str(), before.due_on),
        ("current-position", None)
    );
    let ended = register
        .position_end(&admin, &job, "31.1.2024", None, &clock)
        .unwrap();
    assert_eq!(ended.end_on.as_deref(), Some("2024-01-31"));
    let after = register.retention_status(&admin, &leaver, &clock).unwrap();
    assert_eq!(after.deciding, "position-end");
    assert_eq!(after.deciding_date.as_deref(), Some("2024-01-31"));
    assert_eq!(after.due_on.as_deref(), Some("2027-01-31"));
    assert!(after.describe(Language::Fi).contains("31.1.2027"));
    let due = |as_of: &str| {
        register
            .retention_preview(&admin, as_of.parse().unwrap(), Language::Fi)
            .unwrap()
            .due
            .iter()
            .any(|s| s.person_id == leaver)
    };
    assert!(!due("2027-01-30"), "kept until three years have passed");
    assert!(due("2027-01-31"), "due three years after the end");

    // Bad input: a clear error of its own, and nothing changed.
    let again = register.position_end(&admin, &job, "1.2.2024", None, &clock);
    assert!(
        matches!(&again, Err(Error::PositionAlreadyEnded { end_on, .. }) if end_on == "2024-01-31"),
        "{again:?}"
    );
    assert_eq!(again.unwrap_err().code(), "position_already_ended");
    let other = position(&mut register, &admin, &leaver, &new, "1.6.2025");
    let early = register.position_end(&admin, &other, "31.5.2025", None, &clock);
    let early = early.unwrap_err();
    assert_eq!(early.code(), "position_end_before_start");
    assert!(early.message(Language::Fi).contains("1.6.2025"), "{early}");
    let edit_early = register.position_edit(
        &admin,
        &job,
        &PositionChange {
            start_on: Some("1.2.2024".into()),
            ..Default::default()
        },
        None,
        &clock,
    );
    assert_eq!(
        edit_early.unwrap_err().code(),
        "position_end_before_start",
        "an edit may not move the start past the end either"
    );
    let missing = register.position_end(&admin, "no-such-position", "1.1.2026", None, &clock);
    assert!(
        matches!(&missing, Err(Error::RecordNotFound { kind, .. }) if kind == "position"),
        "{missing:?}"
    );
    let bad_date = register.position_end(&admin, &other, "31.2.2026", None, &clock);
    assert_eq!(bad_date.unwrap_err().code(), "date_invalid");
    let page = register.person_page(&admin, &leaver, &clock).unwrap();
    let current = page
        .positions
        .iter()
        .find(|p| p.position_id == other)
        .unwrap();
    assert_eq!(current.end_on, None, "refused ends changed nothing");

    // An edit corrects several fields at once, each in the history.
    let edited = register
        .position_edit(
            &admin,
            &other,
            &PositionChange {
                title: Some("Hankintajohtaja".into()),
                job_description: Some("Hankinnat ja sopimukset".into()),
                start_on: Some("2025-06-02".into()),
                ..Default::default()
            },
            None,
            &clock,
        )
        .unwrap();
    assert_eq!(edited.title, "Hankintajohtaja");
    assert_eq!(edited.start_on.as_deref(), Some("2025-06-02"));
    let page = register.person_page(&admin, &leaver, &clock).unwrap();
    let change = |field: &str| {
        page.history
            .iter()
            .find(|h| h.field == field)
            .map(|h| (h.old_value.clone(), h.new_value.clone()))
    };
    assert_eq!(
        change("position.title"),
        Some((Some("Ostopäällikkö".into()), Some("Hankintajohtaja".into())))
    );
    assert_eq!(
        change("position.start_on"),
        Some((Some("2025-06-01".into()), Some("2025-06-02".into())))
    );
    assert_eq!(
        change("position.end_on"),
        Some((None, Some("2024-01-31".into())))
    );

    // "Moved to another organisation": one write ends the old and starts the new.
    let mover = person(&mut register, &admin, "Siirtyjä", &[]);
    let from = position(&mut register, &admin, &mover, &old, "1.5.2021");
    let refused = register.position_move(
        &admin,
        &mover,
        &PositionMove {
            from_position_id: from.clone(),
            organisation_id: "no-such-organisation".into(),
            title: "Myyntijohtaja".into(),
            on: "15.11.2026".into(),
        },
        None,
        &clock,
    );
    assert!(refused.is_err());
    let page = register.person_page(&admin, &mover, &clock).unwrap();
    assert_eq!(page.positions.len(), 1);
    assert_eq!(
        page.positions[0].end_on, None,
        "a failed move leaves the old position as it was"
    );
    let moved = register
        .position_move(
            &admin,
            &mover,
            &PositionMove {
                from_position_id: from.clone(),
                organisation_id: new.clone(),
                title: "Myyntijohtaja".into(),
                on: "15.11.2026".into(),
            },
            None,
            &clock,
        )
        .unwrap();
    assert_eq!(moved.ended.end_on.as_deref(), Some("2026-11-15"));
    assert_eq!(moved.started.start_on.as_deref(), Some("2026-11-15"));
    assert_eq!(moved.started.organisation_name, "Uusi Oy");
    let page = register.person_page(&admin, &mover, &clock).unwrap();
    let (current, ended): (Vec<_>, Vec<_>) =
        page.positions.iter().partition(|p| p.end_on.is_none());
    assert_eq!((current.len(), ended.len()), (1, 1));
    assert_eq!(current[0].title, "Myyntijohtaja");
    assert_eq!(ended[0].organisation_name, "Vanha Oy");
    assert!(page
        .history
        .iter()
        .any(|h| h.field == "position.end_on" && h.new_value.as_deref() == Some("2026-11-15")));
    assert!(page
        .history
        .iter()
        .any(|h| h.field == "position" && h.new_value.as_deref() == Some("Myyntijohtaja")));
    assert!(page
        .history
        .iter()
        .any(|h| h.field == "position.organisation"
            && h.old_value.as_deref() == Some("Vanha Oy")
            && h.new_value.as_deref() == Some("Uusi Oy")));
    let status = register.retention_status(&admin, &mover, &clock).unwrap();
    assert_eq!(status.deciding, "current-position");
    let twice = register.position_move(
        &admin,
        &mover,
        &PositionMove {
            from_position_id: from,
            organisation_id: new,
            title: "Myyntijohtaja".into(),
            on: "20.11.2026".into(),
        },
        None,
        &clock,
    );
    assert_eq!(twice.unwrap_err().code(), "position_already_ended");
}

#[test]
fn correcting_a_contact_leaves_history_a_retired_one_is_not_used_and_the_request_lists_them() {
    let sandbox = Sandbox::new("contact-corrections");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let phone = ContactInput {
        kind: ContactKind::Mobile,
        value: "040 123 4567".into(),
        label: None,
        social_kind: None,
    };
    let person_id = person(
        &mut register,
        &admin,
        "Virtanen",
        &[email("maija.virtanen@asiaks.fi"), phone],
    );
    let page = register.person_page(&admin, &person_id, &clock).unwrap();
    let contact = |kind: ContactKind| {
        page.contacts
            .iter()
            .find(|c| c.kind == kind)
            .unwrap()
            .contact_id
            .clone()
    };
    let (mail, mobile) = (contact(ContactKind::Email), contact(ContactKind::Mobile));
    let request = register
        .request_add(
            &admin,
            &RequestInput {
                kind: RequestKind::Rectification,
                received_on: "26.11.2026".into(),
                channel: RequestChannel::Email,
                person_id: Some(person_id.clone()),
            },
            &clock,
        )
        .unwrap();

    // A value that would not be accepted on entry is not accepted as a correction either.
    let bad = register.contact_edit(&admin, &mail, "maija.virtanen@", None, &clock);
    assert_eq!(bad.unwrap_err().code(), "field_invalid");

    let fixed = register
        .contact_edit(
            &admin,
            &mail,
            " maija.virtanen@asiakas.fi ",
            Some(&request.request_id),
            &clock,
        )
        .unwrap();
    assert_eq!(fixed.value, "maija.virtanen@asiakas.fi");
    let phone_fixed = register
        .contact_edit(
            &admin,
            &mobile,
            "050 765 4321",
            Some(&request.request_id),
            &clock,
        )
        .unwrap();
    assert_eq!(
        phone_fixed.value, "+358507654321",
        "stored in E.164 as on entry"
    );
    let changes = register
        .request_changes(&admin, &request.request_id)
        .unwrap();
    // Both changes carry the same (fixed) time, so their order is the ids'; compare sorted.
    let mut pairs: Vec<(&str, Option<&str>, Option<&str>)> = changes
        .iter()
        .map(|c| {
            (
                c.field.as_str(),
                c.old_value.as_deref(),
                c.new_value.as_deref(),
            )
        })
        .collect();
    pairs.sort();
    assert_eq!(
        pairs,
        vec![
            (
                "contact.email",
                Some("maija.virtanen@asiaks.fi"),
                Some("maija.virtanen@asiakas.fi")
            ),
            (
                "contact.mobile",
                Some("+358401234567"),
                Some("+358507654321")
            ),
        ]
    );

    // With consent the corrected address is on the marketing list …
    register
        .consent_record(
            &admin,
            &ConsentInput {
                person_id: person_id.clone(),
                purpose: "direct-marketing".into(),
                kind: ConsentEventKind::Given,
                channel: ConsentChannel::Form,
                wording_version: "v1".into(),
                evidence: None,
                at: None,
            },
            &clock,
        )
        .unwrap();
    let emails = |register: &mut Register| {
        register
            .marketing_list(&admin, "direct-marketing", &clock)
            .unwrap()
            .into_iter()
            .find(|m| m.person_id == person_id)
            .unwrap()
            .emails
    };
    assert_eq!(emails(&mut register), vec!["maija.virtanen@asiakas.fi"]);
    let card = BusinessCard {
        person: PersonInput {
            surname: "Toinen".into(),
            first_name: "Tiina".into(),
            other_first_names: None,
        },
        organisation_id: None,
        new_organisation: None,
        title: None,
        contacts: vec![email("maija.virtanen@asiakas.fi")],
        source: SourceInput {
            kind: SourceKind::BusinessCard,
            detail: None,
            obtained_on: None,
        },
    };
    assert_eq!(register.duplicate_check(&admin, &card).unwrap().len(), 1);

    // … and once retired it is kept and shown, but not used.
    let retired = register
        .contact_retire(&admin, &mail, None, &clock)
        .unwrap();
    assert!(retired.retired_at.is_some());
    assert!(emails(&mut register).is_empty());
    assert!(register.duplicate_check(&admin, &card).unwrap().is_empty());
    let page = register.person_page(&admin, &person_id, &clock).unwrap();
    assert!(page
        .contacts
        .iter()
        .any(|c| c.contact_id == mail && c.retired_at.is_some()));
    assert!(page
        .history
        .iter()
        .any(|h| h.field == "contact.email.retired"
            && h.old_value.as_deref() == Some("maija.virtanen@asiakas.fi")));
    for refused in [
        register.contact_retire(&admin, &mail, None, &clock),
        register.contact_edit(&admin, &mail, "uusi@asiakas.fi", None, &clock),
    ] {
        assert_eq!(refused.unwrap_err().code(), "contact_retired");
    }

    // Deleting goes into the history too, with the value it had.
    register
        .contact_delete(&admin, &mobile, Some(&request.request_id), &clock)
        .unwrap();
    let page = register.person_page(&admin, &person_id, &clock).unwrap();
    assert!(page.contacts.iter().all(|c| c.contact_id != mobile));
    assert!(page.history.iter().any(|h| h.field == "contact.mobile"
        && h.old_value.as_deref() == Some("+358507654321")
        && h.new_value.is_none()));
    assert_eq!(
        register
            .request_changes(&admin, &request.request_id)
            .unwrap()
            .len(),
        3
    );
    let gone = register.contact_delete(&admin, &mobile, None, &clock);
    assert!(
        matches!(&gone, Err(Error::RecordNotFound { kind, .. }) if kind == "contact"),
        "{gone:?}"
    );
}

#[test]
fn an_organisations_contact_data_is_corrected_only_by_those_who_may_edit_organisations() {
    let sandbox = Sandbox::new("organisation-contact-corrections");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    register
        .user_add(
            &admin,
            &kortisto_core::users::NewUser {
                username: "myyja".into(),
                display_name: "Myyjä".into(),
                role: kortisto_core::auth::Role::Sales,
            },
            &crate::common::password(),
            &clock,
        )
        .unwrap();
    let sales = register
        .login("myyja", &crate::common::password(), &clock)
        .unwrap();
    let org = organisation(&mut register, &admin, "Asiakas Oy");
    let switchboard = register
        .contact_add(
            &admin,
            None,
            Some(&org),
            &ContactInput {
                kind: ContactKind::Phone,
                value: "09 123 4567".into(),
                label: Some("vaihde".into()),
                social_kind: None,
            },
            &SourceInput {
                kind: SourceKind::PublicSource,
                detail: Some("Yrityksen verkkosivut".into()),
                obtained_on: None,
            },
            &clock,
        )
        .unwrap()
        .contact_id;
    for refused in [
        register
            .contact_edit(&sales, &switchboard, "09 765 4321", None, &clock)
            .map(drop),
        register
            .contact_retire(&sales, &switchboard, None, &clock)
            .map(drop),
        register.contact_delete(&sales, &switchboard, None, &clock),
    ] {
        assert_eq!(refused.unwrap_err().code(), "permission_denied");
    }
    let fixed = register
        .contact_edit(&admin, &switchboard, "09 765 4321", None, &clock)
        .unwrap();
    assert_eq!(fixed.value, "+35897654321");
    let page = register.organisation_page(&admin, &org, &clock).unwrap();
    assert!(page.history.iter().any(|h| h.field == "contact.phone"
        && h.old_value.as_deref() == Some("+35891234567")
        && h.new_value.as_deref() == Some("+35897654321")));
}

#[test]
fn a_correction_is_not_filed_under_another_persons_request() {
    let sandbox = Sandbox::new("request-of-another");
    let clock = clock();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let organisation_id = organisation(&mut register, &admin, "Asiakas Oy");
    let asker = person(
        &mut register,
        &admin,
        "Kysyjä",
        &[email("kysyja@example.fi")],
    );
    let other = person(&mut register, &admin, "Muu", &[email("muu@example.fi")]);
    let position_id = position(&mut register, &admin, &other, &organisation_id, "1.1.2020");
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
    let page = register.person_page(&admin, &other, &clock).unwrap();
    let contact_id = page.contacts[0].contact_id.clone();
    let history_before = page.history.len();

    let refused = |result: kortisto_core::Result<()>| {
        assert!(
            matches!(&result, Err(Error::RequestOfAnotherPerson { request_id }) if *request_id == request.request_id),
            "{result:?}"
        );
    };
    refused(
        register
            .contact_edit(&admin, &contact_id, "uusi@example.fi", request_id, &clock)
            .map(drop),
    );
    refused(
        register
            .contact_retire(&admin, &contact_id, request_id, &clock)
            .map(drop),
    );
    refused(register.contact_delete(&admin, &contact_id, request_id, &clock));
    refused(
        register
            .position_edit(
                &admin,
                &position_id,
                &PositionChange {
                    title: Some("Johtaja".into()),
                    ..Default::default()
                },
                request_id,
                &clock,
            )
            .map(drop),
    );
    refused(
        register
            .position_end(&admin, &position_id, "1.11.2026", request_id, &clock)
            .map(drop),
    );
    refused(
        register
            .person_edit(
                &admin,
                &other,
                &PersonInput {
                    surname: "Muutettu".into(),
                    first_name: "Maija".into(),
                    other_first_names: None,
                },
                request_id,
                &clock,
            )
            .map(drop),
    );

    // Nothing changed: no history row, nothing listed under the asker's request.
    assert_eq!(
        register
            .person_page(&admin, &other, &clock)
            .unwrap()
            .history
            .len(),
        history_before
    );
    assert!(register
        .request_changes(&admin, &request.request_id)
        .unwrap()
        .is_empty());

    // The asker's own data is corrected under their request.
    let own = register.person_page(&admin, &asker, &clock).unwrap();
    register
        .contact_edit(
            &admin,
            &own.contacts[0].contact_id,
            "kysyja.uusi@example.fi",
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
