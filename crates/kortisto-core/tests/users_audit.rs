//! Users, log-in throttling, the audit trail and its hash chain, training records, and the
//! bad input each of them refuses without changing anything.
use crate::common::{
    at, password, raw_connection, register_with_admin, tamper_audit, AuditTamper, Sandbox,
};
use kortisto_core::auth::{Password, Role};
use kortisto_core::training::{InternalAuditResult, TrainingResult};
use kortisto_core::users::NewUser;
use kortisto_core::{AuditFilter, Error, Register};

fn audit_actions(register: &Register, session: &kortisto_core::auth::Session) -> Vec<String> {
    register
        .audit_list(session, &AuditFilter::default())
        .unwrap()
        .into_iter()
        .map(|event| event.action)
        .collect()
}

fn audit_count(sandbox: &Sandbox, register: &Register) -> i64 {
    raw_connection(sandbox, register.register_id())
        .query_row("SELECT count(*) FROM audit_events", [], |row| row.get(0))
        .unwrap()
}

#[test]
fn each_action_kind_is_audited_without_any_personal_value() {
    let sandbox = Sandbox::new("auditkinds");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    let unique_name = "Zyxwvä Uniikkinen";
    let unique_topic = "Qwerty-koulutus-9876";
    register
        .user_add(
            &admin,
            &NewUser {
                username: "uniqueuser77".into(),
                display_name: unique_name.into(),
                role: Role::Sales,
            },
            &password(),
            &clock,
        )
        .unwrap();
    assert!(register
        .login(
            "uniqueuser77",
            &Password::new("wrong password here"),
            &clock
        )
        .is_err());
    assert!(register
        .login("nobody-at-all", &password(), &clock)
        .is_err());
    let sales = register.login("uniqueuser77", &password(), &clock).unwrap();
    register
        .own_password_change(
            &sales,
            &password(),
            &Password::new("another long password"),
            &clock,
        )
        .unwrap();
    register.logout(&sales, &clock).unwrap();
    register
        .user_role_change(&admin, "uniqueuser77", Role::Office, &clock)
        .unwrap();
    register
        .user_password_reset(&admin, "uniqueuser77", &password(), &clock)
        .unwrap();
    register
        .training_record(
            &admin,
            "uniqueuser77",
            "2.11.2026",
            unique_topic,
            TrainingResult::Passed,
            Some(90),
            &clock,
        )
        .unwrap();
    register
        .internal_audit_record(
            &admin,
            "2026-11-03",
            "Käyttöoikeudet",
            InternalAuditResult::Findings,
            "Poista vanhat tunnukset",
            &clock,
        )
        .unwrap();
    register.idle_lock_minutes_set(&admin, 10, &clock).unwrap();
    register
        .user_deactivate(&admin, "uniqueuser77", &clock)
        .unwrap();

    let actions = audit_actions(&register, &admin);
    for expected in [
        "login",
        "login_failed",
        "logout",
        "user_add",
        "user_role_change",
        "user_password_reset",
        "own_password_change",
        "training_record",
        "internal_audit_record",
        "settings_change",
        "user_deactivate",
    ] {
        assert!(
            actions.iter().any(|a| a == expected),
            "no {expected} in {actions:?}"
        );
    }

    // No value typed by a person reaches the audit table: only ids, kinds and times.
    let raw = raw_connection(&sandbox, register.register_id());
    let mut statement = raw
        .prepare("SELECT event_id, at, coalesce(user_id,''), action, coalesce(record_kind,''), coalesce(record_id,''), prev_hash, hash FROM audit_events")
        .unwrap();
    let rows: Vec<String> = statement
        .query_map([], |row| {
            (0..8)
                .map(|i| row.get::<_, String>(i))
                .collect::<Result<Vec<_>, _>>()
                .map(|v| v.join("|"))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert!(rows.len() >= 12);
    for row in rows {
        for value in [
            unique_name,
            unique_topic,
            "uniqueuser77",
            "Uniikkinen",
            "nobody-at-all",
            "Poista vanhat",
        ] {
            assert!(!row.contains(value), "audit row carries {value:?}: {row}");
        }
    }
}

#[test]
fn audit_verify_names_the_entry_that_was_altered_deleted_or_reordered() {
    for tamper in [
        AuditTamper::Alter,
        AuditTamper::Delete,
        AuditTamper::Reorder,
    ] {
        let sandbox = Sandbox::new(&format!("{tamper:?}"));
        let clock = at("2026-11-27T10:00:00Z");
        let (mut register, admin) = register_with_admin(&sandbox, &clock);
        for i in 0..5 {
            register
                .idle_lock_minutes_set(&admin, 10 + i, &clock)
                .unwrap();
        }
        let intact = register.audit_verify(&admin).unwrap();
        assert!(intact.intact, "{intact:?}");
        let entries = intact.entries;

        let raw = raw_connection(&sandbox, register.register_id());
        let expected = tamper_audit(&raw, tamper, 4);
        let broken = register.audit_verify(&admin).unwrap();
        assert!(!broken.intact, "{tamper:?}: {broken:?}");
        assert_eq!(
            broken.first_broken_seq,
            Some(expected),
            "{tamper:?}: {broken:?}"
        );
        assert!(entries >= 6);
    }
}

#[test]
fn failed_logins_are_throttled_with_a_growing_delay_and_logged() {
    let sandbox = Sandbox::new("throttle");
    let t0 = "2026-11-27T10:00:00Z";
    let (mut register, admin) = register_with_admin(&sandbox, &at(t0));
    let wrong = Password::new("not the password at all");
    for _ in 0..3 {
        assert!(matches!(
            register.login("admin", &wrong, &at(t0)),
            Err(Error::LoginFailed)
        ));
    }
    // The fourth try, one second later, is refused before the password is even checked.
    let throttled = register.login("admin", &password(), &at("2026-11-27T10:00:01Z"));
    assert!(
        matches!(
            throttled,
            Err(Error::LoginThrottled {
                retry_after_seconds: 1
            })
        ),
        "{throttled:?}"
    );
    // After the delay the right password works and clears the count.
    register
        .login("admin", &password(), &at("2026-11-27T10:00:03Z"))
        .unwrap();
    assert!(matches!(
        register.login("admin", &wrong, &at("2026-11-27T10:00:04Z")),
        Err(Error::LoginFailed)
    ));
    assert!(register
        .login("admin", &password(), &at("2026-11-27T10:00:04Z"))
        .is_ok());

    let actions = audit_actions(&register, &admin);
    assert_eq!(actions.iter().filter(|a| *a == "login_failed").count(), 4);
    assert_eq!(
        actions.iter().filter(|a| *a == "login_throttled").count(),
        1
    );
}

#[test]
fn bad_input_is_refused_with_its_own_code_and_changes_nothing() {
    let sandbox = Sandbox::new("badinput");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    register
        .user_add(
            &admin,
            &NewUser {
                username: "leaver".into(),
                display_name: "Lähtijä".into(),
                role: Role::Sales,
            },
            &password(),
            &clock,
        )
        .unwrap();
    register.user_deactivate(&admin, "leaver", &clock).unwrap();
    let users_before = register.user_list(&admin, &clock).unwrap();
    let audit_before = audit_count(&sandbox, &register);

    let new_user = |username: &str| NewUser {
        username: username.into(),
        display_name: "Nimi".into(),
        role: Role::Office,
    };
    let cases: Vec<(&str, kortisto_core::Result<()>)> = vec![
        (
            "password_too_short",
            register
                .user_add(
                    &admin,
                    &new_user("shortpw"),
                    &Password::new("lyhyt"),
                    &clock,
                )
                .map(drop),
        ),
        (
            "password_too_short",
            register
                .user_add(&admin, &new_user("emptypw"), &Password::new(""), &clock)
                .map(drop),
        ),
        (
            "username_taken",
            register
                .user_add(&admin, &new_user("ADMIN"), &password(), &clock)
                .map(drop),
        ),
        (
            "username_invalid",
            register
                .user_add(&admin, &new_user("<script>"), &password(), &clock)
                .map(drop),
        ),
        (
            "last_admin",
            register.user_deactivate(&admin, "admin", &clock).map(drop),
        ),
        (
            "last_admin",
            register
                .user_role_change(&admin, "admin", Role::Sales, &clock)
                .map(drop),
        ),
        (
            "user_not_found",
            register
                .user_role_change(&admin, "ghost", Role::Sales, &clock)
                .map(drop),
        ),
        ("unknown_role", Role::parse("superuser").map(drop)),
        (
            "date_invalid",
            register
                .training_record(
                    &admin,
                    "admin",
                    "31.2.2026",
                    "Aihe",
                    TrainingResult::Passed,
                    Some(90),
                    &clock,
                )
                .map(drop),
        ),
        (
            "date_invalid",
            register
                .training_record(
                    &admin,
                    "admin",
                    "1.1.2027",
                    "Aihe",
                    TrainingResult::Passed,
                    Some(90),
                    &clock,
                )
                .map(drop),
        ),
        (
            "text_invalid",
            register
                .training_record(
                    &admin,
                    "admin",
                    "1.11.2026",
                    &"x".repeat(10_000),
                    TrainingResult::Passed,
                    Some(90),
                    &clock,
                )
                .map(drop),
        ),
        (
            "setting_invalid",
            register.idle_lock_minutes_set(&admin, 0, &clock),
        ),
    ];
    for (code, result) in cases {
        let error = result.expect_err(code);
        assert_eq!(error.code(), code, "{error:?}");
        assert_ne!(
            error.message(kortisto_core::Language::Fi),
            error.message(kortisto_core::Language::En)
        );
    }
    assert_eq!(register.user_list(&admin, &clock).unwrap(), users_before);
    assert_eq!(audit_count(&sandbox, &register), audit_before);

    // A deactivated user cannot log in (that attempt is audited as a failure).
    assert!(matches!(
        register.login("leaver", &password(), &clock),
        Err(Error::LoginFailed)
    ));
    // A second first administrator is refused.
    assert!(matches!(
        register.create_first_admin("other", "Toinen", &password(), &clock),
        Err(Error::AdminExists)
    ));
}

#[test]
fn training_older_than_twelve_months_is_flagged() {
    let sandbox = Sandbox::new("training");
    let clock = at("2026-11-27T10:00:00Z");
    let (mut register, admin) = register_with_admin(&sandbox, &clock);
    for (name, date) in [("fresh", "28.11.2025"), ("stale", "26.11.2025")] {
        register
            .user_add(
                &admin,
                &NewUser {
                    username: name.into(),
                    display_name: name.into(),
                    role: Role::Office,
                },
                &password(),
                &clock,
            )
            .unwrap();
        register
            .training_record(
                &admin,
                name,
                date,
                "Tietosuoja",
                TrainingResult::Passed,
                Some(90),
                &clock,
            )
            .unwrap();
    }
    let users = register.user_list(&admin, &clock).unwrap();
    let overdue = |name: &str| {
        users
            .iter()
            .find(|u| u.username == name)
            .unwrap()
            .training_overdue
    };
    assert!(!overdue("fresh"));
    assert!(overdue("stale"));
    assert!(overdue("admin"), "never trained counts as overdue");
    assert_eq!(register.training_list(&admin).unwrap().len(), 2);
}
