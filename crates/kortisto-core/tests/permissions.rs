//! Every role-checked entry point, called by each role, is allowed or refused exactly as the
//! permission table says. An action without a call here fails the test, so a new entry point
//! cannot ship without its row being exercised.
mod common;

use std::collections::HashSet;

use common::{at, password, register_with_admin, Sandbox};
use kortisto_core::auth::{Action, Role, Session};
use kortisto_core::training::InternalAuditResult;
use kortisto_core::users::NewUser;
use kortisto_core::{AuditFilter, Error, Register};

type Call = Box<dyn Fn(&mut Register, &Session, usize) -> kortisto_core::Result<()>>;

fn calls() -> Vec<(Action, Call)> {
    let clock = at("2026-11-27T10:00:00Z");
    vec![
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
                r.training_record(s, "target", "1.11.2026", "Tietosuojan perusteet", &clock)
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

    let calls = calls();
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
            let result = call(&mut register, session, n);
            let refused = matches!(result, Err(Error::PermissionDenied { .. }));
            if action.allows(*role) {
                assert!(
                    result.is_ok(),
                    "{action:?} as {role:?} should succeed: {result:?}"
                );
            } else {
                assert!(
                    refused,
                    "{action:?} as {role:?} should be refused: {result:?}"
                );
            }
        }
    }
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
