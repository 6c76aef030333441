//! Nothing is lost and nothing erased comes back (issue #10): a lost manifest never costs
//! the database, a backup and the recovery code bring a register back onto an empty
//! machine, a restore never rolls back withdrawals, deactivations, holds or the audit trail,
//! two-digit years and a wrong clock are refused, the register folder is locked while
//! files are replaced, and entries deleted from the end of the audit trail are noticed.
use crate::common::{at, password, raw_connection, register_with_admin, sha256_file, Sandbox};
use kortisto_core::auth::{Role, Session};
use kortisto_core::consent::{ConsentChannel, ConsentEventKind, ConsentInput};
use kortisto_core::people::{ContactInput, ContactKind, PersonInput};
use kortisto_core::sources::{SourceInput, SourceKind};
use kortisto_core::users::NewUser;
use kortisto_core::{Error, FixedClock, Keychain, RecoveryCode, Register};

fn today() -> FixedClock {
    at("2026-11-27T10:00:00Z")
}

fn person(register: &mut Register, admin: &Session, surname: &str, clock: &FixedClock) -> String {
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
                obtained_on: Some("1.1.2025".into()),
            },
            clock,
        )
        .unwrap()
        .person_id
}

fn consent(
    register: &mut Register,
    admin: &Session,
    person_id: &str,
    kind: ConsentEventKind,
    at: &str,
    clock: &FixedClock,
) -> kortisto_core::Result<kortisto_core::consent::ConsentEvent> {
    register.consent_record(
        admin,
        &ConsentInput {
            person_id: person_id.into(),
            purpose: "direct-marketing".into(),
            kind,
            channel: ConsentChannel::Form,
            wording_version: "markkinointi-2026-01".into(),
            evidence: None,
            at: Some(at.into()),
        },
        clock,
    )
}

fn on_marketing_list(
    register: &mut Register,
    admin: &Session,
    person_id: &str,
    clock: &FixedClock,
) -> bool {
    register
        .marketing_list(admin, "direct-marketing", clock)
        .unwrap()
        .iter()
        .any(|c| c.person_id == person_id)
}

/// A register with its first administrator, and the recovery code shown at its creation.
fn register_with_code(sandbox: &Sandbox, clock: &FixedClock) -> (Register, Session, RecoveryCode) {
    let created = Register::create(&sandbox.data_dir, &sandbox.keychain, clock).unwrap();
    let mut register = created.register;
    sandbox.track(register.register_id());
    let admin = register
        .create_first_admin("admin", "Admin Ylläpitäjä", &password(), clock)
        .unwrap();
    (register, admin, created.recovery_code)
}

/// A well-formed recovery code of another register.
fn foreign_code(clock: &FixedClock) -> RecoveryCode {
    let other = Sandbox::new("foreign");
    let (register, _, code) = register_with_code(&other, clock);
    register.close().unwrap();
    code
}

#[test]
fn a_lost_manifest_never_costs_the_database_and_repair_brings_the_register_back() {
    let sandbox = Sandbox::new("manifest");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let kept = person(&mut register, &admin, "Säilyvä", &clock);
    let id = register.register_id().to_string();
    register.close().unwrap();

    std::fs::remove_file(sandbox.data_dir.path().join("register.json")).unwrap();
    let before = sha256_file(&sandbox.data_dir.database_path());
    assert!(matches!(
        Register::create(&sandbox.data_dir, &sandbox.keychain, &clock),
        Err(Error::ManifestMissing { .. })
    ));
    assert!(matches!(
        Register::open(&sandbox.data_dir, &sandbox.keychain),
        Err(Error::ManifestMissing { .. })
    ));
    assert_eq!(
        sha256_file(&sandbox.data_dir.database_path()),
        before,
        "neither create nor open touched the database"
    );

    let mut repaired = Register::repair(&sandbox.data_dir, &sandbox.keychain, None, &clock)
        .expect("the keychain's key rebuilds the manifest");
    assert_eq!(repaired.register_id(), id);
    let admin = repaired.login("admin", &password(), &clock).unwrap();
    assert!(repaired.person_page(&admin, &kept, &clock).is_ok());
    let verified = repaired.audit_verify(&admin).unwrap();
    assert!(verified.intact, "{verified:?}");
    assert!(matches!(
        Register::repair(&sandbox.data_dir, &sandbox.keychain, None, &clock),
        Err(Error::RepairImpossible { ref reason }) if reason == "nothing_to_repair"
    ));
    repaired.close().unwrap();
}

#[test]
fn repair_on_a_machine_without_the_key_needs_the_right_recovery_code() {
    let sandbox = Sandbox::new("repair-code");
    let clock = today();
    let (register, _admin, code) = register_with_code(&sandbox, &clock);
    let id = register.register_id().to_string();
    register.close().unwrap();
    std::fs::remove_file(sandbox.data_dir.path().join("register.json")).unwrap();
    let before = sha256_file(&sandbox.data_dir.database_path());

    // Another machine's keychain: nothing filed for this folder.
    let elsewhere = Keychain::with_service(format!("{}-elsewhere", sandbox.keychain.service()));
    assert!(matches!(
        Register::repair(&sandbox.data_dir, &elsewhere, None, &clock),
        Err(Error::RepairImpossible { ref reason }) if reason == "key_not_found"
    ));
    let wrong = foreign_code(&clock);
    assert!(matches!(
        Register::repair(&sandbox.data_dir, &elsewhere, Some(&wrong), &clock),
        Err(Error::RecoveryCodeMismatch)
    ));
    assert!(!sandbox.data_dir.path().join("register.json").exists());
    assert_eq!(sha256_file(&sandbox.data_dir.database_path()), before);

    let repaired = Register::repair(&sandbox.data_dir, &elsewhere, Some(&code), &clock).unwrap();
    assert_eq!(repaired.register_id(), id);
    repaired.close().unwrap();
    assert!(Register::open(&sandbox.data_dir, &elsewhere).is_ok());
    elsewhere.delete(&id).unwrap();
}

#[test]
fn a_backup_and_the_recovery_code_bring_the_register_back_onto_an_empty_machine() {
    let laptop = Sandbox::new("lost-laptop");
    let clock = today();
    let (mut register, admin, code) = register_with_code(&laptop, &clock);
    let kept = person(&mut register, &admin, "Varmistettu", &clock);
    let id = register.register_id().to_string();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("register.kbak");
    register.backup_create(Some(&admin), &file, &clock).unwrap();
    register.close().unwrap();
    drop(laptop); // the laptop, its folder and its keychain entry are gone

    let new_machine = Sandbox::new("new-machine");
    let wrong = foreign_code(&clock);
    assert!(matches!(
        Register::restore_new(
            &new_machine.data_dir,
            &new_machine.keychain,
            &file,
            &wrong,
            &clock
        ),
        Err(Error::RecoveryCodeMismatch)
    ));
    assert!(
        new_machine.data_dir.is_free_for_register(),
        "a refused restore leaves the folder empty"
    );

    let (mut restored, report) = Register::restore_new(
        &new_machine.data_dir,
        &new_machine.keychain,
        &file,
        &code,
        &clock,
    )
    .unwrap();
    new_machine.track(&id);
    assert_eq!(restored.register_id(), id);
    assert_eq!(report.backup_created_at, "2026-11-27T10:00:00.000Z");
    let admin = restored.login("admin", &password(), &clock).unwrap();
    assert!(restored.person_page(&admin, &kept, &clock).is_ok());
    assert!(restored.audit_verify(&admin).unwrap().intact);
    restored.close().unwrap();
    assert!(
        Register::open(&new_machine.data_dir, &new_machine.keychain).is_ok(),
        "the key is in the new machine's keychain"
    );

    // Never over an existing register.
    assert!(matches!(
        Register::restore_new(
            &new_machine.data_dir,
            &new_machine.keychain,
            &file,
            &code,
            &clock
        ),
        Err(Error::RegisterExists { .. })
    ));
}

#[test]
fn a_restore_never_rolls_back_withdrawals_deactivations_holds_or_the_audit_trail() {
    let sandbox = Sandbox::new("rollback");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let marketed = person(&mut register, &admin, "Markkinoitava", &clock);
    let held = person(&mut register, &admin, "Pidätetty", &clock);
    consent(
        &mut register,
        &admin,
        &marketed,
        ConsentEventKind::Given,
        "1.10.2026",
        &clock,
    )
    .unwrap();
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
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("register.kbak");
    register.backup_create(Some(&admin), &file, &clock).unwrap();

    // After the backup: a withdrawal, a deactivation and a legal hold.
    consent(
        &mut register,
        &admin,
        &marketed,
        ConsentEventKind::Withdrawn,
        "20.11.2026",
        &clock,
    )
    .unwrap();
    register.user_deactivate(&admin, "myyja", &clock).unwrap();
    let hold = register
        .legal_hold_add(
            &admin,
            "person",
            &held,
            "Riita-asia 2026",
            "31.12.2030",
            &clock,
        )
        .unwrap();
    assert!(!on_marketing_list(&mut register, &admin, &marketed, &clock));
    let entries_before = register.audit_verify(&admin).unwrap().entries;

    register.backup_restore(&admin, &file, &clock).unwrap();

    assert!(
        !on_marketing_list(&mut register, &admin, &marketed, &clock),
        "the withdrawal made after the backup stands"
    );
    assert!(
        matches!(
            register.login("myyja", &password(), &clock),
            Err(Error::LoginFailed)
        ),
        "the deactivated user stays deactivated"
    );
    let erasure = register.erase(&admin, &held, None, &clock);
    assert!(
        matches!(erasure, Err(Error::ErasureBlocked { .. })),
        "the hold {hold} made after the backup still blocks erasure: {erasure:?}"
    );
    let verified = register.audit_verify(&admin).unwrap();
    assert!(verified.intact, "{verified:?}");
    assert!(
        verified.entries > entries_before,
        "every entry since the backup is kept and the restore is added: {} > {entries_before}",
        verified.entries
    );
    register.close().unwrap();
}

#[test]
fn the_withdrawal_recorded_last_wins_whatever_date_was_typed() {
    let sandbox = Sandbox::new("consent-order");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let someone = person(&mut register, &admin, "Peruuttaja", &clock);
    consent(
        &mut register,
        &admin,
        &someone,
        ConsentEventKind::Given,
        "1.6.2026",
        &clock,
    )
    .unwrap();
    // Recorded later, though typed with an earlier date: it still wins.
    consent(
        &mut register,
        &admin,
        &someone,
        ConsentEventKind::Withdrawn,
        "1.3.2026",
        &clock,
    )
    .unwrap();
    assert!(!on_marketing_list(&mut register, &admin, &someone, &clock));
    // A consent dated before the withdrawal cannot undo it.
    assert!(matches!(
        consent(
            &mut register,
            &admin,
            &someone,
            ConsentEventKind::Given,
            "1.2.2026",
            &clock
        ),
        Err(Error::ConsentBeforeWithdrawal { .. })
    ));
    // A consent dated in the future is refused; one given today (without a time) is not.
    assert!(matches!(
        consent(
            &mut register,
            &admin,
            &someone,
            ConsentEventKind::Given,
            "1.1.2027",
            &clock
        ),
        Err(Error::DateInvalid { .. })
    ));
    consent(
        &mut register,
        &admin,
        &someone,
        ConsentEventKind::Given,
        "27.11.2026",
        &clock,
    )
    .unwrap();
    assert!(on_marketing_list(&mut register, &admin, &someone, &clock));
    register.close().unwrap();
}

#[test]
fn two_digit_years_are_refused_where_a_date_decides_erasure() {
    let sandbox = Sandbox::new("years");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let someone = person(&mut register, &admin, "Vuosiluku", &clock);
    let hold =
        register.legal_hold_add(&admin, "person", &someone, "Kirjanpito", "31.12.30", &clock);
    assert!(matches!(hold, Err(Error::DateInvalid { .. })), "{hold:?}");
    let message = Error::DateInvalid {
        field: "until".into(),
    }
    .message(kortisto_core::Language::En);
    assert!(message.contains("27.11.2026") && message.contains("four-digit"));
    assert!(kortisto_core::meetings::parse_meeting_time("27.11.26 14.30").is_err());
    register.close().unwrap();
}

#[test]
fn retention_stops_on_a_clock_behind_the_last_run_or_far_ahead_until_an_admin_confirms() {
    let sandbox = Sandbox::new("clock");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let someone = person(&mut register, &admin, "Kellonaika", &clock);
    register
        .retention_run(Some(&admin), "manual", false, &clock, &mut |_, _| true)
        .unwrap();

    let earlier = at("2026-11-20T10:00:00Z");
    let behind = register.retention_run(Some(&admin), "manual", false, &earlier, &mut |_, _| true);
    assert!(
        matches!(behind, Err(Error::ClockSuspect { ref reason, .. }) if reason == "behind_last_run"),
        "{behind:?}"
    );

    // Twenty years ahead: everyone would be due. The automatic run refuses, and so does an
    // admin's run until the clock is confirmed.
    let ahead = at("2046-11-27T10:00:00Z");
    let automatic = register.retention_run(None, "automatic", false, &ahead, &mut |_, _| true);
    assert!(
        matches!(automatic, Err(Error::ClockSuspect { ref reason, .. }) if reason == "far_past_newest_data"),
        "{automatic:?}"
    );
    let unconfirmed_by_automatic =
        register.retention_run(None, "automatic", true, &ahead, &mut |_, _| true);
    assert!(
        matches!(unconfirmed_by_automatic, Err(Error::ClockSuspect { .. })),
        "only an administrator can confirm the clock"
    );
    assert!(register.person_page(&admin, &someone, &clock).is_ok());
    let admin_ahead = register.login("admin", &password(), &ahead).unwrap();
    assert!(matches!(
        register.retention_run(Some(&admin_ahead), "manual", false, &ahead, &mut |_, _| {
            true
        }),
        Err(Error::ClockSuspect { .. })
    ));
    let confirmed = register
        .retention_run(Some(&admin_ahead), "manual", true, &ahead, &mut |_, _| true)
        .unwrap();
    assert_eq!(confirmed.erased, 1, "confirmed, the run goes ahead");
    register.close().unwrap();
}

#[test]
fn files_are_not_replaced_while_another_process_has_the_register_open() {
    let sandbox = Sandbox::new("lock");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("register.kbak");
    register.backup_create(Some(&admin), &file, &clock).unwrap();

    let other =
        Register::open(&sandbox.data_dir, &sandbox.keychain).expect("two readers share the folder");
    let before = sha256_file(&sandbox.data_dir.database_path());
    assert!(matches!(
        register.backup_restore(&admin, &file, &clock),
        Err(Error::RegisterBusy { .. })
    ));
    assert_eq!(sha256_file(&sandbox.data_dir.database_path()), before);
    other.close().unwrap();
    register
        .backup_restore(&admin, &file, &clock)
        .expect("alone, the restore goes ahead");
    register.close().unwrap();
}

#[test]
fn entries_deleted_from_the_end_of_the_audit_trail_are_reported() {
    let sandbox = Sandbox::new("truncate");
    let clock = today();
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    for n in 0..3 {
        person(&mut register, &admin, &format!("Loki{n}"), &clock);
    }
    let id = register.register_id().to_string();
    assert!(register.audit_verify(&admin).unwrap().intact);
    register.close().unwrap();

    let raw = raw_connection(&sandbox, &id);
    raw.execute_batch(
        "DROP TRIGGER audit_events_append_only_delete;
         DELETE FROM audit_events WHERE seq > (SELECT max(seq) - 2 FROM audit_events);",
    )
    .unwrap();
    drop(raw);

    let mut register = Register::open(&sandbox.data_dir, &sandbox.keychain).unwrap();
    assert_eq!(register.status().unwrap().audit_tail, "truncated");
    let admin = register.login("admin", &password(), &clock).unwrap();
    let verified = register.audit_verify(&admin).unwrap();
    assert!(!verified.intact);
    assert_eq!(verified.problem.as_deref(), Some("truncated"));
    register.close().unwrap();
    // Closing again does not move the anchor over the evidence.
    let mut register = Register::open(&sandbox.data_dir, &sandbox.keychain).unwrap();
    let admin = register.login("admin", &password(), &clock).unwrap();
    assert_eq!(
        register.audit_verify(&admin).unwrap().problem.as_deref(),
        Some("truncated")
    );
    register.close().unwrap();

    // An anchor edited by hand, or removed, is reported too.
    let manifest_path = sandbox.data_dir.path().join("register.json");
    let mut manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&manifest_path).unwrap()).unwrap();
    manifest["audit_head"]["seq"] = serde_json::json!(1);
    std::fs::write(&manifest_path, manifest.to_string()).unwrap();
    let register = Register::open(&sandbox.data_dir, &sandbox.keychain).unwrap();
    assert_eq!(register.status().unwrap().audit_tail, "anchor_invalid");
    register.close().unwrap();
    manifest.as_object_mut().unwrap().remove("audit_head");
    std::fs::write(&manifest_path, manifest.to_string()).unwrap();
    let register = Register::open(&sandbox.data_dir, &sandbox.keychain).unwrap();
    assert_eq!(register.status().unwrap().audit_tail, "anchor_missing");
    register.close().unwrap();
}

#[test]
fn a_key_rotation_gives_a_new_recovery_code_and_survives_a_crash_half_way() {
    let sandbox = Sandbox::new("rotate");
    let clock = today();
    let (mut register, admin, old_code) = register_with_code(&sandbox, &clock);
    let kept = person(&mut register, &admin, "Avaimenvaihto", &clock);
    let id = register.register_id().to_string();
    let old_key = sandbox.entry(&id).get_secret().unwrap();
    let old_manifest =
        std::fs::read_to_string(sandbox.data_dir.path().join("register.json")).unwrap();

    let new_code = register.key_rotate(&admin, &clock).unwrap();
    assert_ne!(new_code.reveal(), old_code.reveal());
    let new_key = sandbox.entry(&id).get_secret().unwrap();
    assert_ne!(new_key, old_key, "the keychain holds the new key");
    assert!(register.person_page(&admin, &kept, &clock).is_ok());
    assert!(register.audit_verify(&admin).unwrap().intact);
    register.close().unwrap();
    assert!(matches!(
        Register::recover(&sandbox.data_dir, &sandbox.keychain, &old_code),
        Err(Error::RecoveryCodeMismatch)
    ));

    // As if the rotation had stopped right after the file was replaced: the old key and
    // manifest still filed, the new key only under the pending entry.
    sandbox.entry(&id).set_secret(&old_key).unwrap();
    keyring::Entry::new(sandbox.keychain.service(), &format!("{id}.rotating"))
        .unwrap()
        .set_secret(&new_key)
        .unwrap();
    std::fs::write(sandbox.data_dir.path().join("register.json"), old_manifest).unwrap();
    let mut reopened = Register::open(&sandbox.data_dir, &sandbox.keychain)
        .expect("the open finishes the rotation");
    assert_eq!(sandbox.entry(&id).get_secret().unwrap(), new_key);
    let admin = reopened.login("admin", &password(), &clock).unwrap();
    assert!(reopened.person_page(&admin, &kept, &clock).is_ok());
    reopened.close().unwrap();
    assert!(Register::recover(&sandbox.data_dir, &sandbox.keychain, &new_code).is_ok());
}
