//! `kortisto user`, `audit`, `training` and `internal-audit` through the real binary, with
//! passwords from the environment as scripts give them.
use crate::common::{code, Cli, ADMIN_PASSWORD, USER_PASSWORD};

#[test]
fn an_administrator_manages_users_and_a_sales_rep_cannot() {
    let cli = Cli::with_admin("manage");
    let added = cli.admin_with(
        &[
            "user",
            "add",
            "myyja",
            "--role",
            "sales",
            "--display-name",
            "Maija Myyjä",
        ],
        &[("KORTISTO_NEW_PASSWORD", USER_PASSWORD)],
    );
    assert_eq!(added["role"], "sales");

    let users = cli.admin(&["user", "list"]);
    let names: Vec<&str> = users
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["username"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["myyja", "paakayttaja"]);

    // The sales rep logs in and is refused user management, with a sentence on stderr.
    let refused = cli.run(
        &["--user", "myyja", "--json", "user", "list"],
        &[("KORTISTO_PASSWORD", USER_PASSWORD)],
    );
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(code(&refused), "permission_denied");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("Roolisi ei salli"));

    // Their own password they may change.
    let changed = cli.run(
        &["--user", "myyja", "--json", "user", "passwd"],
        &[
            ("KORTISTO_PASSWORD", USER_PASSWORD),
            ("KORTISTO_NEW_PASSWORD", "a brand new passphrase"),
        ],
    );
    assert!(
        changed.status.success(),
        "{}",
        String::from_utf8_lossy(&changed.stderr)
    );

    assert_eq!(
        cli.admin(&["user", "role", "myyja", "office"])["role"],
        "office"
    );
    assert_eq!(cli.admin(&["user", "deactivate", "myyja"])["active"], false);
    let gone = cli.run(
        &["--user", "myyja", "--json", "user", "passwd"],
        &[
            ("KORTISTO_PASSWORD", "a brand new passphrase"),
            ("KORTISTO_NEW_PASSWORD", "x".repeat(20).as_str()),
        ],
    );
    assert_eq!(code(&gone), "login_failed");

    let actions: Vec<String> = cli
        .admin(&["audit", "list"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect();
    for expected in [
        "user_add",
        "login",
        "logout",
        "login_failed",
        "own_password_change",
        "user_role_change",
        "user_deactivate",
    ] {
        assert!(
            actions.iter().any(|a| a == expected),
            "{expected} missing from {actions:?}"
        );
    }
    let by_user = cli.admin(&["audit", "list", "--action", "user_deactivate"]);
    assert_eq!(by_user.as_array().unwrap().len(), 1);
    assert_eq!(cli.admin(&["audit", "verify"])["intact"], true);
}

#[test]
fn bad_input_is_refused_before_anything_changes() {
    let cli = Cli::with_admin("bad");
    let admin = |args: &[&str], env: &[(&str, &str)]| {
        let mut all = vec!["--user", "paakayttaja", "--json"];
        all.extend_from_slice(args);
        let mut vars = vec![("KORTISTO_PASSWORD", ADMIN_PASSWORD)];
        vars.extend_from_slice(env);
        cli.run(&all, &vars)
    };
    let short = admin(
        &["user", "add", "lyhyt", "--role", "office"],
        &[("KORTISTO_NEW_PASSWORD", "lyhyt")],
    );
    assert_eq!(code(&short), "password_too_short");
    let role = admin(
        &["user", "add", "rooliton", "--role", "boss"],
        &[("KORTISTO_NEW_PASSWORD", USER_PASSWORD)],
    );
    assert_eq!(code(&role), "unknown_role");
    let last = admin(&["user", "deactivate", "paakayttaja"], &[]);
    assert_eq!(code(&last), "last_admin");
    let duplicate = admin(
        &["user", "add", "PAAKAYTTAJA", "--role", "office"],
        &[("KORTISTO_NEW_PASSWORD", USER_PASSWORD)],
    );
    assert_eq!(code(&duplicate), "username_taken");
    let no_user = cli.run(&["--json", "user", "list"], &[]);
    assert_eq!(code(&no_user), "not_logged_in");
    let wrong = cli.run(
        &["--user", "paakayttaja", "--json", "user", "list"],
        &[("KORTISTO_PASSWORD", "wrong password here")],
    );
    assert_eq!(code(&wrong), "login_failed");

    let users = cli.admin(&["user", "list"]);
    assert_eq!(
        users.as_array().unwrap().len(),
        1,
        "nothing was added: {users}"
    );

    let short_admin = Cli::empty("shortadmin");
    let refused = short_admin.run(
        &["init", "--admin", "a1", "--json"],
        &[("KORTISTO_NEW_PASSWORD", "short")],
    );
    assert_eq!(code(&refused), "password_too_short");
    assert!(!short_admin
        .dir
        .path()
        .join("register/register.json")
        .exists());
}

#[test]
fn training_and_internal_audits_are_recorded_and_listed() {
    let cli = Cli::with_admin("training");
    let record = cli.admin(&[
        "training",
        "add",
        "paakayttaja",
        "--date",
        "3.11.2026",
        "--topic",
        "GDPR-perusteet",
    ]);
    assert_eq!(record["completed_on"], "2026-11-03");
    let list = cli.admin(&["training", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    let audit = cli.admin(&[
        "internal-audit",
        "add",
        "--date",
        "2026-11-04",
        "--scope",
        "Käyttöoikeudet",
        "--result",
        "findings",
        "--follow-up",
        "Poista vanhat tunnukset",
    ]);
    assert_eq!(audit["result"], "findings");
    assert_eq!(
        cli.admin(&["internal-audit", "list"])
            .as_array()
            .unwrap()
            .len(),
        1
    );
    let users = cli.admin(&["user", "list"]);
    assert_eq!(users[0]["training_overdue"], false);
}
