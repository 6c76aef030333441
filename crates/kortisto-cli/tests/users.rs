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
        "record",
        "paakayttaja",
        "--date",
        "3.11.2026",
        "--topic",
        "GDPR-perusteet",
        "--result",
        "passed",
        "--score",
        "92",
    ]);
    assert_eq!(record["completed_on"], "2026-11-03");
    assert_eq!(record["result"], "passed");
    assert_eq!(record["score"], 92);
    // Bad result or score: its own code, nothing recorded.
    for (result, score, expected) in [
        ("ehkä", "50", "training_result_invalid"),
        ("failed", "140", "training_score_invalid"),
        ("failed", "-3", "training_score_invalid"),
    ] {
        let refused = cli.admin_raw(&[
            "training",
            "record",
            "paakayttaja",
            "--date",
            "3.11.2026",
            "--topic",
            "Uusinta",
            "--result",
            result,
            "--score",
            score,
        ]);
        assert!(!refused.status.success());
        assert_eq!(code(&refused), expected);
    }
    let list = cli.admin(&["training", "list"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    cli.add_user("myyja", "sales");
    let status = cli.admin(&["training", "status"]);
    assert_eq!(status[0]["username"], "myyja");
    assert_eq!(status[0]["state"], "never");
    assert_eq!(status[1]["state"], "passed");
    let text = cli.run(
        &["--user", "paakayttaja", "training", "status"],
        &[("KORTISTO_PASSWORD", ADMIN_PASSWORD)],
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("myyja\tei koulutusta"), "{text}");
    assert!(
        text.contains("03.11.2026") || text.contains("3.11.2026"),
        "{text}"
    );
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
    let admin = users
        .as_array()
        .unwrap()
        .iter()
        .find(|u| u["username"] == "paakayttaja")
        .unwrap();
    assert_eq!(admin["training_overdue"], false);
}

#[test]
fn person_seen_by_lists_a_search_a_list_and_a_page_view_by_three_users() {
    let cli = Cli::with_admin("seenby");
    cli.add_user("toimisto", "office");
    cli.add_user("myyja", "sales");
    let person = cli.admin(&[
        "person",
        "add",
        "--surname",
        "Qzxnäkyvä",
        "--first-name",
        "Maija",
        "--source",
        "business-card",
    ]);
    let id = person["person_id"].as_str().unwrap().to_string();
    let as_user = |user: &str, args: &[&str]| {
        let mut all = vec!["--user", user, "--json"];
        all.extend_from_slice(args);
        let output = cli.run(&all, &[("KORTISTO_PASSWORD", USER_PASSWORD)]);
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
    };
    as_user("myyja", &["search", "qzxnäk"]);
    as_user("toimisto", &["person", "list"]);
    cli.admin(&["person", "show", &id]);

    let seen = cli.admin(&["person", "seen-by", &id]);
    let seen: Vec<(String, String)> = seen
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["username"].as_str().unwrap().to_string(),
                r["kind"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        seen,
        [
            ("paakayttaja".to_string(), "opened".to_string()),
            ("toimisto".to_string(), "listed".to_string()),
            ("myyja".to_string(), "found".to_string()),
        ]
    );
    let text = cli.run(
        &["--user", "paakayttaja", "person", "seen-by", &id],
        &[("KORTISTO_PASSWORD", ADMIN_PASSWORD)],
    );
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains("löysi haulla"), "{text}");
    assert!(text.contains("näki listalla"), "{text}");

    // Only the administrator may ask; an unknown person is a clear error.
    let refused = cli.run(
        &["--user", "myyja", "--json", "person", "seen-by", &id],
        &[("KORTISTO_PASSWORD", USER_PASSWORD)],
    );
    assert_eq!(code(&refused), "permission_denied");
    assert_eq!(
        code(&cli.admin_raw(&["person", "seen-by", "no-such-person"])),
        "record_not_found"
    );
    // A limit outside 1–10000 is refused with the range, not quietly changed.
    let refused = cli.admin_raw(&["person", "seen-by", &id, "--limit", "0"]);
    assert!(!refused.status.success());
    let said = String::from_utf8_lossy(&refused.stderr);
    assert!(
        said.contains("1..=10000") || said.contains("10000"),
        "{said}"
    );
}
