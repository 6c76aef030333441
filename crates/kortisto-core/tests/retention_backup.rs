//! Retention with a fixed clock and data entered with past dates, and encrypted backups
//! whose restore never brings back an erased person and refuses damaged, truncated or
//! foreign files without touching the live register.
use crate::common::{
    all_files, at, contains, decrypted_pages, raw_connection, register_with_admin, sha256_file,
    Sandbox,
};
use kortisto_core::auth::Session;
use kortisto_core::consent::{ConsentChannel, ConsentEventKind, ConsentInput};
use kortisto_core::deals::{DealInput, DealKind, DealStatus};
use kortisto_core::meetings::{MeetingChange, MeetingInput, MeetingKind};
use kortisto_core::organisations::OrganisationInput;
use kortisto_core::people::{ContactInput, ContactKind, PersonInput, PositionInput};
use kortisto_core::redaction::RedactionTarget;
use kortisto_core::restriction::{ObjectionInput, RestrictionInput};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::{Error, FixedClock, Language, Register};

fn today() -> FixedClock {
    at("2026-11-27T10:00:00Z")
}

fn person(register: &mut Register, admin: &Session, surname: &str) -> String {
    register
        .person_add(
            admin,
            &PersonInput {
                surname: surname.into(),
                first_name: "Testi".into(),
                other_first_names: None,
            },
            &[ContactInput {
                kind: ContactKind::Email,
                value: format!("{}@example.fi", surname.to_lowercase()),
                label: None,
                social_kind: None,
            }],
            &SourceInput {
                kind: SourceKind::BusinessCard,
                detail: None,
                obtained_on: Some("1.1.2019".into()),
            },
            &today(),
        )
        .unwrap()
        .person_id
}

fn position(
    register: &mut Register,
    admin: &Session,
    person_id: &str,
    organisation: &str,
    end: &str,
) {
    register
        .position_add(
            admin,
            &PositionInput {
                person_id: person_id.into(),
                organisation_id: organisation.into(),
                title: "Asiantuntija".into(),
                job_description: None,
                start_on: Some("1.1.2019".into()),
                end_on: Some(end.into()),
            },
            &today(),
        )
        .unwrap();
}

fn contract(
    register: &mut Register,
    admin: &Session,
    person_id: &str,
    organisation: &str,
    end: &str,
) {
    register
        .deal_add(
            admin,
            &DealInput {
                kind: DealKind::ServiceContract,
                organisation_id: organisation.into(),
                title: format!("Sopimus {end}"),
                status: DealStatus::Ended,
                start_on: Some("1.1.2020".into()),
                end_on: Some(end.into()),
                notes: None,
                person_ids: vec![person_id.into()],
            },
            &today(),
        )
        .unwrap();
}

#[test]
fn retention_erases_exactly_those_past_their_period_and_says_why_the_others_stay() {
    let sandbox = Sandbox::new("retention");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let organisation = register
        .organisation_add(
            &admin,
            &OrganisationInput {
                name: "Asiakas Oy".into(),
                ..Default::default()
            },
            &clock,
        )
        .unwrap()
        .organisation_id;

    let ended_3y_1d = person(&mut register, &admin, "Kolmevuotta");
    position(
        &mut register,
        &admin,
        &ended_3y_1d,
        &organisation,
        "26.11.2023",
    );
    let ended_2y_364d = person(&mut register, &admin, "Melkein");
    position(
        &mut register,
        &admin,
        &ended_2y_364d,
        &organisation,
        "28.11.2023",
    );
    let contract_11m = person(&mut register, &admin, "Sopimus-yksitoista");
    contract(
        &mut register,
        &admin,
        &contract_11m,
        &organisation,
        "27.12.2025",
    );
    let contract_13m = person(&mut register, &admin, "Sopimus-kolmetoista");
    contract(
        &mut register,
        &admin,
        &contract_13m,
        &organisation,
        "27.10.2025",
    );
    let held = person(&mut register, &admin, "Pidossa");
    position(&mut register, &admin, &held, &organisation, "1.1.2022");
    register
        .legal_hold_add(
            &admin,
            "person",
            &held,
            "Kirjanpitolaki 2:10",
            "31.12.2027",
            &clock,
        )
        .unwrap();
    let consenting = person(&mut register, &admin, "Suostuja");
    position(
        &mut register,
        &admin,
        &consenting,
        &organisation,
        "1.1.2022",
    );
    register
        .consent_record(
            &admin,
            &ConsentInput {
                person_id: consenting.clone(),
                purpose: "direct-marketing".into(),
                kind: ConsentEventKind::Given,
                channel: ConsentChannel::Form,
                wording_version: "v1".into(),
                evidence: None,
                at: Some("2021-06-01T10:00:00Z".into()),
            },
            &clock,
        )
        .unwrap();

    let preview = register
        .retention_preview(&admin, clock.0.date_naive(), Language::Fi)
        .unwrap();
    let mut due: Vec<&str> = preview.due.iter().map(|s| s.person_id.as_str()).collect();
    due.sort();
    let mut expected = vec![ended_3y_1d.as_str(), contract_13m.as_str()];
    expected.sort();
    assert_eq!(due, expected, "{:#?}", preview.due);
    let position_rule = preview
        .due
        .iter()
        .find(|s| s.person_id == ended_3y_1d)
        .unwrap();
    assert_eq!(position_rule.rule.as_deref(), Some("no-ties"));
    assert_eq!(position_rule.deciding, "position-end");
    assert_eq!(position_rule.due_on.as_deref(), Some("2026-11-26"));
    let contract_rule = preview
        .due
        .iter()
        .find(|s| s.person_id == contract_13m)
        .unwrap();
    assert_eq!(contract_rule.rule.as_deref(), Some("contract-or-consent"));

    let kept_2y = register
        .retention_status(&admin, &ended_2y_364d, &clock)
        .unwrap();
    assert_eq!(kept_2y.due_on.as_deref(), Some("2026-11-28"));
    assert!(kept_2y.describe(Language::Fi).contains("28.11.2026"));
    let kept_contract = register
        .retention_status(&admin, &contract_11m, &clock)
        .unwrap();
    assert_eq!(
        (
            kept_contract.deciding.as_str(),
            kept_contract.due_on.as_deref()
        ),
        ("contract-end", Some("2026-12-27"))
    );
    let kept_hold = register.retention_status(&admin, &held, &clock).unwrap();
    assert!(!kept_hold.due);
    assert_eq!(
        kept_hold.legal_hold.as_ref().unwrap().reason,
        "Kirjanpitolaki 2:10"
    );
    assert!(kept_hold
        .describe(Language::En)
        .contains("Kirjanpitolaki 2:10"));
    let kept_consent = register
        .retention_status(&admin, &consenting, &clock)
        .unwrap();
    assert_eq!(
        (
            kept_consent.deciding.as_str(),
            kept_consent.due_on.as_deref()
        ),
        ("consent-in-force", None)
    );

    // A future date shows who goes next, without deleting anything.
    let later = register
        .retention_preview(&admin, "2027-01-01".parse().unwrap(), Language::En)
        .unwrap();
    assert_eq!(
        later.due.len(),
        4,
        "the 2-year-364-day and 11-month people follow"
    );

    let run = register
        .retention_run(Some(&admin), "manual", false, &clock, &mut |_, _| true)
        .unwrap();
    assert_eq!(run.erased, 2);
    assert_eq!(run.receipt_ids.len(), 2);
    for gone in [&ended_3y_1d, &contract_13m] {
        assert!(register.person_page(&admin, gone, &clock).is_err());
    }
    for stays in [&ended_2y_364d, &contract_11m, &held, &consenting] {
        assert!(register.person_page(&admin, stays, &clock).is_ok());
    }
    let again = register
        .retention_run(Some(&admin), "manual", false, &clock, &mut |_, _| true)
        .unwrap();
    assert_eq!(
        again.erased, 0,
        "a second run at the same date deletes nothing"
    );
    assert_eq!(register.retention_runs(&admin).unwrap().len(), 2);

    // The run record holds ids and counts only.
    let raw = raw_connection(&sandbox, register.register_id());
    let rows: Vec<String> = raw
        .prepare("SELECT run_id || started_at || as_of || trigger || coalesce(run_by, '') || erased || kept || receipt_ids FROM retention_runs")
        .unwrap()
        .query_map([], |row| row.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for row in rows {
        for name in [
            "Kolmevuotta",
            "Sopimus-kolmetoista",
            "kolmevuotta@example.fi",
        ] {
            assert!(!row.contains(name), "the run record holds {name}");
        }
    }
}

#[test]
fn a_restore_brings_everything_back_except_people_erased_since() {
    let sandbox = Sandbox::new("backup");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let stays = person(&mut register, &admin, "Pysyvä");
    let erased = person(&mut register, &admin, "Qxbackupgone");
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("register.kbak");
    let info = register.backup_create(Some(&admin), &file, &clock).unwrap();
    assert!(
        info.bytes > info.snapshot_bytes,
        "header and tags on top of the snapshot"
    );
    let sealed = std::fs::read(&file).unwrap();
    assert!(!contains(&sealed, b"Qxbackupgone") && !contains(&sealed, b"SQLite format 3"));
    assert!(
        std::fs::read_dir(sandbox.data_dir.path())
            .unwrap()
            .all(|e| !e
                .unwrap()
                .file_name()
                .to_string_lossy()
                .contains("snapshot")),
        "no snapshot left behind"
    );

    register.erase(&admin, &erased, None, &clock).unwrap();
    let added_later = person(&mut register, &admin, "Myöhempi");

    let report = register.backup_restore(&admin, &file, &clock).unwrap();
    let mut restored = register;
    assert_eq!(report.erasures_reapplied, 1);
    assert!(
        restored.person_page(&admin, &stays, &clock).is_ok(),
        "what the backup had is back"
    );
    assert!(
        restored.person_page(&admin, &erased, &clock).is_err(),
        "the erased person stays erased"
    );
    assert!(restored
        .search(&admin, "qxbackupgone", 5, &clock)
        .unwrap()
        .is_empty());
    assert!(
        restored.person_page(&admin, &added_later, &clock).is_err(),
        "the register is as it was at the backup"
    );
    let id = restored.register_id().to_string();
    restored.close().unwrap();

    let key = sandbox.entry(&id).get_secret().unwrap();
    let pages = decrypted_pages(
        &std::fs::read(sandbox.data_dir.database_path()).unwrap(),
        &key,
    );
    assert!(
        contains(&pages, "Pysyvä".as_bytes()),
        "the decryption sees live data"
    );
    assert!(
        !contains(&pages, b"Qxbackupgone") && !contains(&pages, b"qxbackupgone"),
        "the erased name is in no page"
    );
    for (path, bytes) in all_files(sandbox.data_dir.path()) {
        assert!(!contains(&bytes, b"Qxbackupgone"), "{}", path.display());
    }
}

#[test]
fn a_damaged_truncated_or_foreign_backup_is_refused_and_the_live_register_is_untouched() {
    let sandbox = Sandbox::new("badbackup");
    let other = Sandbox::new("otherbackup");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    person(&mut register, &admin, "Alkuperäinen");
    let (mut foreign, foreign_admin) = register_with_admin(&other, &clock);
    let out = tempfile::tempdir().unwrap();
    let good = out.path().join("good.kbak");
    register.backup_create(Some(&admin), &good, &clock).unwrap();
    let foreign_file = out.path().join("foreign.kbak");
    foreign
        .backup_create(Some(&foreign_admin), &foreign_file, &clock)
        .unwrap();

    let bytes = std::fs::read(&good).unwrap();
    let flipped = out.path().join("flipped.kbak");
    let mut changed = bytes.clone();
    let middle = changed.len() / 2;
    changed[middle] ^= 0x40;
    std::fs::write(&flipped, &changed).unwrap();
    let truncated = out.path().join("truncated.kbak");
    std::fs::write(&truncated, &bytes[..bytes.len() - 100]).unwrap();

    for (file, code) in [
        (&flipped, "backup_damaged"),
        (&truncated, "backup_truncated"),
        (&foreign_file, "backup_other_register"),
    ] {
        let before = sha256_file(&sandbox.data_dir.database_path());
        let error = register
            .backup_restore(&admin, file, &clock)
            .expect_err(code);
        assert_eq!(error.code(), code);
        assert_ne!(error.message(Language::Fi), error.message(Language::En));
        assert_eq!(
            sha256_file(&sandbox.data_dir.database_path()),
            before,
            "{code}: the live register changed"
        );
        assert!(
            register
                .search(&admin, "alkuperainen", 5, &clock)
                .unwrap()
                .len()
                == 1
        );
        assert!(std::fs::read_dir(sandbox.data_dir.path())
            .unwrap()
            .all(|e| !e.unwrap().file_name().to_string_lossy().contains("restore")));
    }
    let _ = Error::BackupTruncated;
}

#[test]
fn a_cancelled_run_stops_after_a_whole_batch_and_the_next_run_finishes() {
    let sandbox = Sandbox::new("cancel");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    for i in 0..250 {
        register
            .person_add(
                &admin,
                &PersonInput {
                    surname: format!("Vanha{i}"),
                    first_name: "Testi".into(),
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
    }
    let mut calls = Vec::new();
    let first = register
        .retention_run(Some(&admin), "manual", false, &clock, &mut |done, total| {
            calls.push((done, total));
            false
        })
        .unwrap();
    assert_eq!(calls, [(200, 250)], "stopped after the first batch of 200");
    assert_eq!(first.erased, 200);
    assert_eq!(
        register.person_list(&admin, 0, 1000, &clock).unwrap().total,
        50,
        "whole people only: 50 left"
    );
    let second = register
        .retention_run(Some(&admin), "manual", false, &clock, &mut |_, _| true)
        .unwrap();
    assert_eq!(second.erased, 50);
    assert_eq!(
        register.person_list(&admin, 0, 1000, &clock).unwrap().total,
        0
    );
}

#[cfg(unix)]
fn mode(path: &std::path::Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn a_backup_is_owner_only_never_overwrites_and_never_goes_into_the_data_folder() {
    let sandbox = Sandbox::new("backupfile");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    person(&mut register, &admin, "Omistaja");
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("kortisto.kbak");
    let first = register.backup_create(Some(&admin), &file, &clock).unwrap();
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600, "owner-only");
    let first_bytes = std::fs::read(&file).unwrap();
    assert_eq!(
        &first_bytes[16..18],
        &2u16.to_be_bytes(),
        "format version 2"
    );
    assert_eq!(first.backup_id.len(), 32);
    assert_eq!(
        data_encoding_hex(&first_bytes[22..38]),
        first.backup_id,
        "the random backup id is in the header"
    );

    let again = register
        .backup_create(Some(&admin), &file, &clock)
        .expect_err("an existing backup is never overwritten");
    assert_eq!(again.code(), "output_exists");
    assert_ne!(again.message(Language::Fi), again.message(Language::En));
    assert_eq!(std::fs::read(&file).unwrap(), first_bytes);

    let second_file = out.path().join("toinen.kbak");
    let second = register
        .backup_create(Some(&admin), &second_file, &clock)
        .unwrap();
    assert_ne!(second.backup_id, first.backup_id);

    // A symlink at the target is an existing file: never written through.
    #[cfg(unix)]
    {
        let victim = out.path().join("victim.txt");
        std::fs::write(&victim, b"keep").unwrap();
        let link = out.path().join("link.kbak");
        std::os::unix::fs::symlink(&victim, &link).unwrap();
        let refused = register
            .backup_create(Some(&admin), &link, &clock)
            .unwrap_err();
        assert_eq!(refused.code(), "output_exists");
        assert_eq!(std::fs::read(&victim).unwrap(), b"keep");
    }

    for inside in [
        sandbox.data_dir.path().join("kopio.kbak"),
        sandbox.data_dir.path().join(".").join("kopio.kbak"),
    ] {
        let refused = register
            .backup_create(Some(&admin), &inside, &clock)
            .unwrap_err();
        assert_eq!(
            refused.code(),
            "output_inside_register",
            "{}",
            inside.display()
        );
        assert!(!inside.exists());
    }
    let schedule = register
        .backup_schedule_set(
            &admin,
            &kortisto_core::backup::BackupSchedule {
                folder: Some(sandbox.data_dir.path().display().to_string()),
                keep: 3,
            },
            &clock,
        )
        .unwrap_err();
    assert_eq!(schedule.code(), "output_inside_register");
    let leftovers: Vec<_> = std::fs::read_dir(out.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().to_string())
        .filter(|n| n.ends_with(".partial"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn data_encoding_hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A header that claims a 4 GiB chunk or a 60 000-byte creation time is refused before any
/// buffer of that size is made.
#[test]
fn a_backup_header_cannot_size_an_allocation() {
    let sandbox = Sandbox::new("hostileheader");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let out = tempfile::tempdir().unwrap();
    let header = |version: u16, chunk: u32, created_len: u16| {
        let mut bytes = b"KORTISTO-BACKUP\0".to_vec();
        bytes.extend_from_slice(&version.to_be_bytes());
        bytes.extend_from_slice(&chunk.to_be_bytes());
        if version == 2 {
            bytes.extend_from_slice(&[7u8; 16]);
        }
        bytes.extend_from_slice(register.register_id().as_bytes());
        bytes.extend_from_slice(&1u32.to_be_bytes());
        bytes.extend_from_slice(&10u64.to_be_bytes());
        bytes.extend_from_slice(&created_len.to_be_bytes());
        bytes
    };
    let huge_chunk = {
        let mut bytes = header(1, u32::MAX, 20);
        bytes.extend_from_slice(b"2026-11-27T10:00:00Z");
        // One chunk that claims to be almost 4 GiB long, then the file ends.
        bytes.push(1);
        bytes.extend_from_slice(&[0u8; 12]);
        bytes.extend_from_slice(&(u32::MAX - 1).to_be_bytes());
        bytes
    };
    let long_created = header(2, 1 << 20, 60_000);
    let unknown_version = header(3, 1 << 20, 0);
    for (name, bytes) in [
        ("huge-chunk.kbak", huge_chunk),
        ("long-created.kbak", long_created),
        ("version-3.kbak", unknown_version),
    ] {
        let file = out.path().join(name);
        std::fs::write(&file, bytes).unwrap();
        let error = register.backup_restore(&admin, &file, &clock).unwrap_err();
        assert_eq!(error.code(), "backup_damaged", "{name}: {error}");
    }
}

#[test]
fn leftovers_of_an_interrupted_backup_or_restore_are_removed_when_the_next_starts() {
    let sandbox = Sandbox::new("leftovers");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let data = sandbox.data_dir.path().to_path_buf();
    let planted = [
        data.join("restore-in-progress.partial"),
        data.join("backup-snapshot.db"),
        data.join("backup-snapshot.db-wal"),
    ];
    let out = tempfile::tempdir().unwrap();
    let not_a_backup = out.path().join("not-a-backup.kbak");
    std::fs::write(
        &not_a_backup,
        b"nothing like a backup, only text long enough for a header",
    )
    .unwrap();
    for file in &planted {
        std::fs::write(file, b"half-written").unwrap();
    }
    let error = register
        .backup_restore(&admin, &not_a_backup, &clock)
        .unwrap_err();
    assert_eq!(error.code(), "backup_damaged");
    for file in &planted {
        assert!(!file.exists(), "{} left after a restore", file.display());
    }

    for file in &planted {
        std::fs::write(file, b"half-written").unwrap();
    }
    let target = out.path().join("uusi.kbak");
    std::fs::write(out.path().join("uusi.kbak.partial"), b"half").unwrap();
    register
        .backup_create(Some(&admin), &target, &clock)
        .unwrap();
    for file in &planted {
        assert!(!file.exists(), "{} left after a backup", file.display());
    }
    assert!(!out.path().join("uusi.kbak.partial").exists());
    let restored = register.backup_restore(&admin, &target, &clock).unwrap();
    assert!(restored
        .backup_created_at
        .starts_with("2026-11-27T10:00:00"));
}

#[test]
fn a_rule_change_is_audited_as_a_rule_change_not_as_a_run() {
    let sandbox = Sandbox::new("rule-audit");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    register
        .retention_rule_set(
            &admin,
            &kortisto_core::retention::RetentionRuleInput {
                rule_id: "no-ties".into(),
                months: 48,
                reference_fi: "Tietosuojaseloste §8".into(),
                reference_en: "Privacy notice §8".into(),
            },
            &clock,
        )
        .unwrap();
    let audited = |register: &Register, action: &str| {
        register
            .audit_list(
                &admin,
                &kortisto_core::AuditFilter {
                    action: Some(action.into()),
                    ..Default::default()
                },
            )
            .unwrap()
            .len()
    };
    assert_eq!(audited(&register, "retention_rule_set"), 1);
    assert_eq!(audited(&register, "retention_run"), 0);
    register.close().unwrap();
}

#[test]
fn a_restore_keeps_restrictions_objections_and_reads_made_since_the_backup() {
    let sandbox = Sandbox::new("backup-states");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let restricted = person(&mut register, &admin, "Rajoitettu");
    let lifted = person(&mut register, &admin, "Vapautettu");
    register
        .restriction_set(
            &admin,
            &RestrictionInput {
                person_id: lifted.clone(),
                reason: "Kiistää tiedot".into(),
                from_on: None,
                until_on: None,
            },
            None,
            &clock,
        )
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("register.kbak");
    register.backup_create(Some(&admin), &file, &clock).unwrap();

    // Since the backup: one person restricted, the other's restriction lifted, an
    // objection recorded, and the restricted person read by a search.
    register
        .restriction_set(
            &admin,
            &RestrictionInput {
                person_id: restricted.clone(),
                reason: "Kiistää tiedot".into(),
                from_on: None,
                until_on: None,
            },
            None,
            &clock,
        )
        .unwrap();
    register
        .restriction_lift(&admin, &lifted, "Tiedot tarkistettu", None, &clock)
        .unwrap();
    register
        .objection_record(
            &admin,
            &ObjectionInput {
                person_id: restricted.clone(),
                purpose: "direct-marketing".into(),
                reason: None,
                objected_on: None,
                channel: ConsentChannel::Email,
            },
            None,
            &clock,
        )
        .unwrap();
    assert_eq!(
        register
            .search(&admin, "rajoitettu", 5, &clock)
            .unwrap()
            .len(),
        1
    );

    register.backup_restore(&admin, &file, &clock).unwrap();

    let page = register.person_page(&admin, &restricted, &clock).unwrap();
    assert!(
        page.restrictions.iter().any(|r| r.lifted_at.is_none()),
        "the restriction set since the backup stands: {:?}",
        page.restrictions
    );
    assert_eq!(page.objections.len(), 1, "the objection stands");
    let page = register.person_page(&admin, &lifted, &clock).unwrap();
    assert!(
        page.restrictions.iter().all(|r| r.lifted_at.is_some()),
        "the restriction lifted since the backup stays lifted: {:?}",
        page.restrictions
    );
    let verification = register.audit_verify(&admin).unwrap();
    assert!(verification.intact, "{verification:?}");
    let seen = register
        .person_seen_by(&admin, &restricted, 100, &clock)
        .unwrap();
    assert!(
        seen.iter().any(|read| read.action == "search"),
        "the search since the backup is still known to have shown them: {seen:?}"
    );
}

#[test]
fn a_restore_leaves_no_history_naming_a_person_erased_since() {
    let sandbox = Sandbox::new("backup-history");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let erased = person(&mut register, &admin, "Qxhistgone");
    let stays = person(&mut register, &admin, "Pysyvä");
    let meeting = register
        .meeting_log(
            &admin,
            &MeetingInput {
                kind: MeetingKind::Meeting,
                at: Some("2026-11-20T09:00:00Z".into()),
                subject: "Palaveri".into(),
                participant_ids: vec![erased.clone(), stays.clone()],
                notes: None,
                organisation_id: None,
            },
            &clock,
        )
        .unwrap();
    // The subject once named her, and was corrected back: the history keeps both texts.
    for subject in ["Palaveri: Qxhistgone", "Palaveri"] {
        register
            .meeting_edit(
                &admin,
                &meeting.meeting_id,
                &MeetingChange {
                    subject: Some(subject.into()),
                    ..Default::default()
                },
                None,
                &clock,
            )
            .unwrap();
    }
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("register.kbak");
    register.backup_create(Some(&admin), &file, &clock).unwrap();

    register.erase(&admin, &erased, None, &clock).unwrap();
    let report = register.backup_restore(&admin, &file, &clock).unwrap();
    assert_eq!(report.erasures_reapplied, 1);
    let history = register
        .record_history(&admin, "meeting", &meeting.meeting_id)
        .unwrap();
    for entry in &history {
        for value in [&entry.old_value, &entry.new_value].into_iter().flatten() {
            assert!(
                !value.contains("Qxhistgone") && *value != erased,
                "the restored history names her: {entry:?}"
            );
        }
    }
    let id = register.register_id().to_string();
    register.close().unwrap();
    let key = sandbox.entry(&id).get_secret().unwrap();
    let pages = decrypted_pages(
        &std::fs::read(sandbox.data_dir.database_path()).unwrap(),
        &key,
    );
    assert!(
        contains(&pages, "Pysyvä".as_bytes()),
        "the decryption works"
    );
    assert!(
        !contains(&pages, b"Qxhistgone") && !contains(&pages, b"qxhistgone"),
        "the erased name is in no page of the restored register"
    );
}

#[test]
fn free_text_redacted_since_the_backup_is_a_todo_after_the_restore() {
    let sandbox = Sandbox::new("backup-redacted");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let erased = person(&mut register, &admin, "Qxtodogone");
    let colleague = person(&mut register, &admin, "Kollega");
    let organisation_id = register
        .organisation_add(
            &admin,
            &OrganisationInput {
                name: "Asiakas Oy".into(),
                ..Default::default()
            },
            &clock,
        )
        .unwrap()
        .organisation_id;
    let position = register
        .position_add(
            &admin,
            &PositionInput {
                person_id: colleague.clone(),
                organisation_id,
                title: "Ostaja".into(),
                job_description: Some("Sijainen: Qxtodogone".into()),
                start_on: None,
                end_on: None,
            },
            &clock,
        )
        .unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("register.kbak");
    register.backup_create(Some(&admin), &file, &clock).unwrap();

    // The administrator redacts her name from the colleague's job description and erases her.
    let found = register.erasure_matches(&admin, &erased).unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    register
        .redact(
            &admin,
            &erased,
            &RedactionTarget {
                record_kind: found[0].record_kind.clone(),
                record_id: found[0].record_id.clone(),
                field: found[0].field.clone(),
            },
            &clock,
        )
        .unwrap();
    register.erase(&admin, &erased, None, &clock).unwrap();
    assert!(register.redaction_todos(&admin).unwrap().is_empty());

    // The backup's text names her again; the administrator is told where.
    register.backup_restore(&admin, &file, &clock).unwrap();
    let todos = register.redaction_todos(&admin).unwrap();
    assert!(
        todos.iter().any(|t| t.field == "job_description"
            && [&position.position_id, &colleague].contains(&&t.record_id)),
        "{todos:?}"
    );
}
