//! `restriction`, `objection` and `redaction` through the real binary: an administrator
//! restricts and lifts, an office user is refused meanwhile, an objection suppresses, and
//! an erasure's matches are redacted.
use crate::common::{code, Cli, USER_PASSWORD};

fn add_person(cli: &Cli, surname: &str, email: &str) -> String {
    let added = cli.admin(&[
        "person",
        "add",
        "--surname",
        surname,
        "--first-name",
        "Testi",
        "--email",
        email,
        "--source",
        "business-card",
    ]);
    added["id"].as_str().unwrap().to_string()
}

#[test]
fn restriction_objection_and_redaction_from_the_command_line() {
    let cli = Cli::with_admin("restrictioncli");
    cli.add_user("toimisto", "office");
    let person = add_person(&cli, "Rajoitettu", "rajoitettu@example.fi");
    let other = add_person(&cli, "Muu", "muu@example.fi");
    for id in [&person, &other] {
        cli.admin(&[
            "consent",
            "give",
            id,
            "--channel",
            "email",
            "--wording",
            "v1",
        ]);
    }

    let set = cli.admin(&[
        "restriction",
        "set",
        &person,
        "--reason",
        "Kiistää tiedot",
        "--from",
        "1.11.2026",
    ]);
    assert_eq!(set["from_on"], "2026-11-01");
    assert!(set["id"].is_string());
    assert_eq!(
        code(&cli.admin_raw(&["restriction", "set", &person, "--reason", "Toinen"])),
        "restriction_in_force"
    );
    let marketing = cli.admin(&["marketing", "list", "--format", "json"]);
    assert_eq!(marketing.as_array().unwrap().len(), 1);
    let office_edit = cli.run(
        &[
            "--user",
            "toimisto",
            "--json",
            "person",
            "edit",
            &person,
            "--surname",
            "Muutettu",
        ],
        &[("KORTISTO_PASSWORD", USER_PASSWORD)],
    );
    assert_eq!(code(&office_edit), "person_restricted");
    let text = cli.run(
        &[
            "--user",
            "toimisto",
            "person",
            "edit",
            &person,
            "--surname",
            "Muutettu",
        ],
        &[("KORTISTO_PASSWORD", USER_PASSWORD)],
    );
    assert!(String::from_utf8_lossy(&text.stderr).contains("vain ylläpitäjä"));
    let listed = cli.run(
        &["--user", "paakayttaja", "person", "list"],
        &[("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD)],
    );
    assert!(String::from_utf8_lossy(&listed.stdout).contains("Rajoitettu Testi [rajoitettu]"));

    let lifted = cli.admin(&["restriction", "lift", &person, "--reason", "Tarkistettu"]);
    assert_eq!(lifted["lifted_reason"], "Tarkistettu");
    assert_eq!(
        code(&cli.admin_raw(&["restriction", "lift", &person, "--reason", "Taas"])),
        "restriction_not_in_force"
    );
    let marketing = cli.admin(&["marketing", "list", "--format", "json"]);
    assert_eq!(marketing.as_array().unwrap().len(), 2);

    let objection = cli.admin(&[
        "objection",
        "record",
        &other,
        "--purpose",
        "direct-marketing",
    ]);
    assert_eq!(objection["suppressed_emails"], 1);
    assert_eq!(objection["consent_withdrawn"]["kind"], "withdrawn");
    assert_eq!(
        code(&cli.admin_raw(&[
            "objection",
            "record",
            &other,
            "--purpose",
            "direct-marketing"
        ])),
        "objection_exists"
    );
    // The refusal names the purpose by its word, not its slug.
    let again = cli.run(
        &[
            "--user",
            "paakayttaja",
            "objection",
            "record",
            &other,
            "--purpose",
            "direct-marketing",
        ],
        &[("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD)],
    );
    let said = String::from_utf8(again.stderr).unwrap();
    assert!(
        said.contains("suoramarkkinoinnille") && !said.contains("direct-marketing"),
        "{said}"
    );
    let marketing = cli.admin(&["marketing", "list", "--format", "json"]);
    assert_eq!(marketing.as_array().unwrap().len(), 1);

    // Before erasing Muu: the meeting that names them, redacted.
    let meeting = cli.admin(&[
        "meeting",
        "log",
        "--kind",
        "call",
        "--subject",
        "Muu soitti",
        "--person",
        &person,
    ]);
    let meeting_id = meeting["id"].as_str().unwrap();
    let matches = cli.admin(&["redaction", "matches", &other]);
    assert_eq!(matches[0]["record_id"], meeting_id);
    assert_eq!(matches[0]["field"], "subject");
    let args = [
        "redaction",
        "apply",
        &other,
        "--kind",
        "meeting",
        "--id",
        meeting_id,
        "--field",
        "subject",
    ];
    assert_eq!(cli.admin(&args)["replaced"], 1);
    assert_eq!(code(&cli.admin_raw(&args)), "redaction_stale");
    assert!(cli
        .admin(&["redaction", "matches", &other])
        .as_array()
        .unwrap()
        .is_empty());
    assert!(cli
        .admin(&["redaction", "todos"])
        .as_array()
        .unwrap()
        .is_empty());
}
