//! Every read of a person accounted for ("who has seen this person"), and staff training
//! with its test result (who has not passed).
use crate::common::{at, password, raw_connection, register_with_admin, Sandbox};
use kortisto_core::auth::{Role, Session};
use kortisto_core::organisations::OrganisationInput;
use kortisto_core::people::{PersonInput, PositionInput};
use kortisto_core::reads::ReadKind;
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::training::{TrainingResult, TrainingState};
use kortisto_core::users::NewUser;
use kortisto_core::{AuditFilter, Error, FixedClock, Register};

fn source() -> SourceInput {
    SourceInput {
        kind: SourceKind::BusinessCard,
        detail: None,
        obtained_on: None,
    }
}

fn add_user(register: &mut Register, admin: &Session, name: &str, role: Role) -> Session {
    let clock = at("2026-11-27T09:00:00Z");
    register
        .user_add(
            admin,
            &NewUser {
                username: name.into(),
                display_name: format!("{name} Käyttäjä"),
                role,
            },
            &password(),
            &clock,
        )
        .unwrap();
    register.login(name, &password(), &clock).unwrap()
}

fn add_person(register: &mut Register, admin: &Session, surname: &str) -> String {
    register
        .person_add(
            admin,
            &PersonInput {
                surname: surname.into(),
                first_name: "Maija".into(),
                other_first_names: None,
            },
            &[],
            &source(),
            &at("2026-11-27T09:00:00Z"),
        )
        .unwrap()
        .person_id
}

#[test]
fn who_has_seen_this_person_lists_a_search_a_list_page_and_a_person_page_view_by_three_different_users(
) {
    let sandbox = Sandbox::new("seenby");
    let (mut register, admin) = register_with_admin(&sandbox, &at("2026-11-27T09:00:00Z"));
    let office = add_user(&mut register, &admin, "toimisto", Role::Office);
    let sales = add_user(&mut register, &admin, "myyja", Role::Sales);
    let person = add_person(&mut register, &admin, "Qzxnäkijä");
    let other = add_person(&mut register, &admin, "Aaltonen");

    let hits = register
        .search(&sales, "qzxnäk", 20, &at("2026-11-27T10:00:00Z"))
        .unwrap();
    assert_eq!(hits.len(), 1);
    let page = register
        .person_list(&office, 0, 50, &at("2026-11-27T11:00:00Z"))
        .unwrap();
    assert_eq!(page.items.len(), 2);
    register
        .person_page(&admin, &person, &at("2026-11-27T12:00:00Z"))
        .unwrap();

    // The audit screen's record filter finds a list read of a person before any index caught up.
    let filter = AuditFilter {
        record_id: Some(other.clone()),
        ..Default::default()
    };
    let filtered = register.audit_list(&admin, &filter).unwrap();
    assert!(filtered.iter().any(|e| e.action == "person_list"));

    let seen = register
        .person_seen_by(&admin, &person, 100, &at("2026-11-27T13:00:00Z"))
        .unwrap();
    let summary: Vec<(&str, ReadKind, &str, u64)> = seen
        .iter()
        .map(|r| {
            (
                r.username.as_deref().unwrap(),
                r.kind,
                r.at.as_str(),
                r.shown,
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("admin", ReadKind::Opened, "2026-11-27T12:00:00.000Z", 1),
            ("toimisto", ReadKind::Listed, "2026-11-27T11:00:00.000Z", 2),
            ("myyja", ReadKind::Found, "2026-11-27T10:00:00.000Z", 1),
        ]
    );
    // A read after the index was brought up to date is found too (the tail), and again after.
    register
        .search(&office, "qzxnäk", 20, &at("2026-11-27T14:00:00Z"))
        .unwrap();
    for _ in 0..2 {
        let seen = register
            .person_seen_by(&admin, &person, 100, &at("2026-11-27T15:00:00Z"))
            .unwrap();
        assert_eq!(seen.len(), 4);
        assert_eq!(seen[0].username.as_deref(), Some("toimisto"));
        assert_eq!(seen[0].kind, ReadKind::Found);
    }
    // The other person was only on the list page.
    let other_seen = register
        .person_seen_by(&admin, &other, 100, &at("2026-11-27T13:00:00Z"))
        .unwrap();
    assert_eq!(other_seen.len(), 1);
    assert_eq!(other_seen[0].action, "person_list");

    // The list page is one entry about "people" (count and digest), never the typed text.
    let raw = raw_connection(&sandbox, register.register_id());
    let (search_kind, search_id): (String, String) = raw
        .query_row(
            "SELECT record_kind, record_id FROM audit_events WHERE action = 'search'",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    assert_eq!(search_kind, "people");
    assert!(
        search_id.starts_with("1:") && search_id.len() == 2 + 64,
        "{search_id}"
    );
    let typed_anywhere: i64 = raw
        .query_row(
            "SELECT count(*) FROM audit_events WHERE record_id LIKE '%qzx%'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(typed_anywhere, 0);
    let list_entries: i64 = raw
        .query_row(
            "SELECT count(*) FROM audit_events WHERE action = 'person_list'",
            [],
            |row| row.get(0),
        )
        .unwrap();
    assert_eq!(list_entries, 1);

    // The audit screen's record filter finds the reads of a person that were lists too.
    let filtered = register
        .audit_list(
            &admin,
            &AuditFilter {
                record_id: Some(other.clone()),
                ..Default::default()
            },
        )
        .unwrap();
    assert!(filtered.iter().any(|e| e.action == "person_list"));

    // Only the administrator may ask.
    for session in [&office, &sales] {
        assert!(matches!(
            register.person_seen_by(session, &person, 100, &at("2026-11-27T13:00:00Z")),
            Err(Error::PermissionDenied { .. })
        ));
    }
    assert!(matches!(
        register.person_seen_by(&admin, "no-such-person", 100, &at("2026-11-27T13:00:00Z")),
        Err(Error::RecordNotFound { .. })
    ));
    assert!(register.audit_verify(&admin).unwrap().intact);
}

#[test]
fn the_ids_kept_for_a_read_are_checked_against_its_entry() {
    let sandbox = Sandbox::new("readstamper");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let person = add_person(&mut register, &admin, "Virtanen");
    add_person(&mut register, &admin, "Korhonen");
    register.person_list(&admin, 0, 50, &clock).unwrap();
    assert!(register.audit_verify(&admin).unwrap().intact);

    // Someone with the key removes one person from the list's kept ids.
    let raw = raw_connection(&sandbox, register.register_id());
    raw.execute_batch("DROP TRIGGER person_reads_append_only_update;")
        .unwrap();
    let changed = raw
        .execute(
            "UPDATE person_reads SET person_ids = json_remove(person_ids, '$[0]')
             WHERE json_array_length(person_ids) = 2 AND person_ids LIKE '%' || ?1 || '%'",
            [&person],
        )
        .unwrap();
    assert_eq!(changed, 1);
    let verification = register.audit_verify(&admin).unwrap();
    assert!(!verification.intact);
    assert_eq!(verification.problem.as_deref(), Some("reads_altered"));
}

#[test]
fn an_organisation_page_the_deal_and_meeting_lists_and_the_marketing_list_account_for_their_people()
{
    let sandbox = Sandbox::new("readlists");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let person = add_person(&mut register, &admin, "Laaksonen");
    let organisation = register
        .organisation_add(
            &admin,
            &OrganisationInput {
                name: "Näkyvä Oy".into(),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
    register
        .position_add(
            &admin,
            &PositionInput {
                person_id: person.clone(),
                organisation_id: organisation.organisation_id.clone(),
                title: "Ostaja".into(),
                job_description: None,
                start_on: None,
                end_on: None,
            },
            &clock,
        )
        .unwrap();
    register
        .organisation_page(&admin, &organisation.organisation_id, &clock)
        .unwrap();
    register
        .meeting_list(&admin, &Default::default(), &clock)
        .unwrap();
    register
        .deal_list(&admin, &Default::default(), &clock)
        .unwrap();
    let seen = register
        .person_seen_by(&admin, &person, 100, &clock)
        .unwrap();
    let actions: Vec<&str> = seen.iter().map(|r| r.action.as_str()).collect();
    assert_eq!(actions, ["organisation_view"]);
    assert_eq!(seen[0].kind, ReadKind::Listed);
    assert!(register.audit_verify(&admin).unwrap().intact);
}

#[test]
fn a_person_page_names_the_people_of_its_meetings_and_deals_and_a_single_deal_read_is_audited_too()
{
    use kortisto_core::deals::{DealInput, DealKind, DealStatus};
    use kortisto_core::meetings::{MeetingChange, MeetingInput, MeetingKind};
    let sandbox = Sandbox::new("readpage");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let office = add_user(&mut register, &admin, "toimisto", Role::Office);
    let opened = add_person(&mut register, &admin, "Avattu");
    let met = add_person(&mut register, &admin, "Tavattu");
    let dealt = add_person(&mut register, &admin, "Kaupattu");
    let organisation = register
        .organisation_add(
            &admin,
            &OrganisationInput {
                name: "Kauppa Oy".into(),
                ..Default::default()
            },
            &clock,
        )
        .unwrap();
    let meeting = register
        .meeting_log(
            &admin,
            &MeetingInput {
                kind: MeetingKind::Meeting,
                at: Some("2026-11-26T09:00:00Z".into()),
                subject: "Palaveri".into(),
                participant_ids: vec![opened.clone(), met.clone()],
                notes: None,
                organisation_id: None,
            },
            &clock,
        )
        .unwrap();
    let deal = register
        .deal_add(
            &admin,
            &DealInput {
                kind: DealKind::Offer,
                organisation_id: organisation.organisation_id.clone(),
                title: "Tarjous".into(),
                status: DealStatus::Open,
                start_on: None,
                end_on: None,
                notes: None,
                person_ids: vec![opened.clone(), dealt.clone()],
            },
            &clock,
        )
        .unwrap();

    // The office user opens the first person's page: its meeting and deal lists name the
    // two others, a list read of them on that page.
    register
        .person_page(&office, &opened, &at("2026-11-27T11:00:00Z"))
        .unwrap();
    for other in [&met, &dealt] {
        let seen = register
            .person_seen_by(&admin, other, 100, &at("2026-11-27T12:00:00Z"))
            .unwrap();
        let reads: Vec<(&str, ReadKind, &str)> = seen
            .iter()
            .map(|r| (r.username.as_deref().unwrap(), r.kind, r.action.as_str()))
            .collect();
        assert_eq!(reads, [("toimisto", ReadKind::Listed, "person_view")]);
    }
    let own = register
        .person_seen_by(&admin, &opened, 100, &at("2026-11-27T12:00:00Z"))
        .unwrap();
    assert_eq!(own.len(), 1, "the person themself is read once, as opened");
    assert_eq!(own[0].kind, ReadKind::Opened);

    // One deal read (what the edit form starts from) names its people too.
    let read = register
        .deal(&office, &deal.deal_id, &at("2026-11-27T13:00:00Z"))
        .unwrap();
    assert_eq!(read.people.len(), 2);
    let seen = register
        .person_seen_by(&admin, &dealt, 100, &at("2026-11-27T14:00:00Z"))
        .unwrap();
    assert_eq!(seen.len(), 2);
    assert_eq!(
        (seen[0].action.as_str(), seen[0].kind, seen[0].shown),
        ("deal_list", ReadKind::Listed, 2)
    );
    assert!(matches!(
        register.deal(&office, "no-such-deal", &clock),
        Err(Error::RecordNotFound { .. })
    ));

    // Taken off the meeting: the meeting history's row about her is in her extract.
    register
        .meeting_edit(
            &admin,
            &meeting.meeting_id,
            &MeetingChange {
                participant_ids: Some(vec![opened.clone()]),
                ..Default::default()
            },
            None,
            &at("2026-11-27T15:00:00Z"),
        )
        .unwrap();
    let extract = register
        .extract_data(
            &admin,
            &met,
            kortisto_core::Language::Fi,
            &at("2026-11-27T16:00:00Z"),
        )
        .unwrap();
    let rows: Vec<(&str, &str, Option<&str>, Option<&str>)> = extract
        .history
        .iter()
        .map(|h| {
            (
                h.record_kind.as_str(),
                h.field.as_str(),
                h.old_label.as_deref(),
                h.new_label.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [("meeting", "participant", Some("Tavattu Maija"), None)],
        "{:?}",
        extract.history
    );
    assert!(register.audit_verify(&admin).unwrap().intact);
}

fn record(
    register: &mut Register,
    admin: &Session,
    who: &str,
    on: &str,
    result: TrainingResult,
    score: Option<i64>,
    clock: &FixedClock,
) {
    register
        .training_record(
            admin,
            who,
            on,
            "Tietosuojan perusteet",
            result,
            score,
            clock,
        )
        .unwrap();
}

#[test]
fn the_admin_home_lists_who_has_not_passed_training() {
    let sandbox = Sandbox::new("trainingstatus");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    for (name, role) in [
        ("eikoulutettu", Role::Sales),
        ("hylatty", Role::Office),
        ("vanhentunut", Role::Sales),
        ("uusija", Role::Office),
    ] {
        add_user(&mut register, &admin, name, role);
    }
    let c = &clock;
    record(
        &mut register,
        &admin,
        "admin",
        "1.11.2026",
        TrainingResult::Passed,
        Some(92),
        c,
    );
    record(
        &mut register,
        &admin,
        "hylatty",
        "2.11.2026",
        TrainingResult::Failed,
        Some(41),
        c,
    );
    record(
        &mut register,
        &admin,
        "vanhentunut",
        "1.10.2025",
        TrainingResult::Passed,
        None,
        c,
    );
    // Failed first, passed on the retake: the latest counts.
    record(
        &mut register,
        &admin,
        "uusija",
        "1.11.2026",
        TrainingResult::Failed,
        Some(30),
        c,
    );
    record(
        &mut register,
        &admin,
        "uusija",
        "20.11.2026",
        TrainingResult::Passed,
        Some(80),
        c,
    );

    let status = register.training_status(&admin, &clock).unwrap();
    let states: Vec<(&str, TrainingState, Option<i64>)> = status
        .iter()
        .map(|s| (s.username.as_str(), s.state, s.latest_score))
        .collect();
    assert_eq!(
        states,
        [
            ("eikoulutettu", TrainingState::Never, None),
            ("hylatty", TrainingState::Failed, Some(41)),
            ("vanhentunut", TrainingState::Expired, None),
            ("admin", TrainingState::Passed, Some(92)),
            ("uusija", TrainingState::Passed, Some(80)),
        ]
    );
    let list = register.training_list(&admin).unwrap();
    assert_eq!(list[0].result, Some(TrainingResult::Passed));
    assert_eq!(list[0].score, Some(80));

    // Bad input: a clear error with its own code, nothing recorded.
    let before = register.training_list(&admin).unwrap().len();
    for score in [-1, 101] {
        let error = register
            .training_record(
                &admin,
                "hylatty",
                "3.11.2026",
                "Uusinta",
                TrainingResult::Passed,
                Some(score),
                &clock,
            )
            .unwrap_err();
        assert_eq!(error.code(), "training_score_invalid");
        assert!(error.message(kortisto_core::Language::Fi).contains("0–100"));
    }
    assert_eq!(
        TrainingResult::parse("ehkä").unwrap_err().code(),
        "training_result_invalid"
    );
    assert_eq!(register.training_list(&admin).unwrap().len(), before);
}

/// The cost of auditing reads on a register of 100,000 people (run by hand:
/// `cargo test -p kortisto-core --test runner -- --ignored reads_training::timing --nocapture`).
/// Prints the median and 95th percentile of: a 50-row page of the people list as the app reads
/// it (one audit entry and 50 kept ids in the same transaction), a one-row page (the ids' share
/// is the difference), an audited read of an empty list (the fixed cost of any audited read: one
/// entry and a commit), and "who has seen" for one person on the grown trail.
#[test]
#[ignore = "builds 100,000 people; a measurement, not a check"]
fn timing_of_audited_list_pages_on_100000_people() {
    use std::time::{Duration, Instant};
    let sandbox = Sandbox::new("readtiming");
    let clock = kortisto_core::SystemClock;
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let started = Instant::now();
    register
        .demo_fill(
            &admin,
            &kortisto_core::demo::DemoOptions {
                people: 100_000,
                organisations: None,
                meetings: Some(0),
                seed: 1,
                until: None,
            },
            &clock,
            &mut |_| {},
        )
        .unwrap();
    eprintln!("demo fill: {:.1} s", started.elapsed().as_secs_f64());
    let quantiles = |mut samples: Vec<Duration>| {
        samples.sort();
        let at = |q: f64| samples[((samples.len() - 1) as f64 * q) as usize].as_secs_f64() * 1000.0;
        (at(0.5), at(0.95))
    };
    let time = |register: &mut Register, f: &mut dyn FnMut(&mut Register, u64)| {
        let mut samples = Vec::new();
        for i in 0..200u64 {
            let started = Instant::now();
            f(register, (i * 7919) % 99_950);
            samples.push(started.elapsed());
        }
        quantiles(samples)
    };
    let page50 = time(&mut register, &mut |r, offset| {
        assert_eq!(
            r.person_list(&admin, offset, 50, &clock)
                .unwrap()
                .items
                .len(),
            50
        );
    });
    let page1 = time(&mut register, &mut |r, offset| {
        r.person_list(&admin, offset, 1, &clock).unwrap();
    });
    let empty = time(&mut register, &mut |r, _| {
        r.meeting_list(&admin, &Default::default(), &clock).unwrap();
    });
    let person = register.person_list(&admin, 500, 1, &clock).unwrap().items[0]
        .person_id
        .clone();
    register.person_page(&admin, &person, &clock).unwrap();
    let seen = time(&mut register, &mut |r, _| {
        assert!(!r
            .person_seen_by(&admin, &person, 500, &clock)
            .unwrap()
            .is_empty());
    });
    let raw = raw_connection(&sandbox, register.register_id());
    let reads: i64 = raw
        .query_row("SELECT count(*) FROM person_reads", [], |row| row.get(0))
        .unwrap();
    eprintln!(
        "people list page of 50, audited: p50 {:.2} ms, p95 {:.2} ms",
        page50.0, page50.1
    );
    eprintln!(
        "people list page of 1, audited:  p50 {:.2} ms, p95 {:.2} ms",
        page1.0, page1.1
    );
    eprintln!(
        "empty list, audited (fixed cost): p50 {:.2} ms, p95 {:.2} ms",
        empty.0, empty.1
    );
    eprintln!(
        "who has seen one person:         p50 {:.2} ms, p95 {:.2} ms",
        seen.0, seen.1
    );
    eprintln!("person_reads rows after the run: {reads}");
}
