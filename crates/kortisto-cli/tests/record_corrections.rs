//! `meeting edit/delete/history`, `legal-hold list/lift` and `org prospects` through the real
//! binary: a rep corrects their own meeting and is refused another's, holds are lifted once.
use std::process::Output;

use serde_json::Value;

use crate::common::{code, Cli, USER_PASSWORD};

fn as_user(cli: &Cli, user: &str, args: &[&str]) -> Output {
    let mut all = vec!["--user", user, "--json"];
    all.extend_from_slice(args);
    cli.run(&all, &[("KORTISTO_PASSWORD", USER_PASSWORD)])
}

fn ok(output: Output) -> Value {
    assert!(
        output.status.success(),
        "{}\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn a_rep_corrects_and_deletes_their_own_meeting_and_is_refused_another_reps() {
    let cli = Cli::with_admin("meetingedit");
    cli.add_user("anna", "sales");
    cli.add_user("ville", "sales");
    let person = cli.admin(&[
        "person",
        "add",
        "--surname",
        "Virtanen",
        "--first-name",
        "Maija",
        "--source",
        "business-card",
    ])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let logged = ok(as_user(
        &cli,
        "anna",
        &[
            "meeting",
            "log",
            "--kind",
            "meeting",
            "--subject",
            "Esittely",
            "--person",
            &person,
            "--at",
            "26.11.2026 14.30",
        ],
    ));
    let meeting = logged["id"].as_str().unwrap().to_string();

    let refused = as_user(
        &cli,
        "ville",
        &["meeting", "edit", &meeting, "--subject", "Villen"],
    );
    assert!(!refused.status.success());
    assert_eq!(code(&refused), "meeting_not_yours");
    let refused = as_user(&cli, "ville", &["meeting", "delete", &meeting]);
    assert_eq!(code(&refused), "meeting_not_yours");

    let edited = ok(as_user(
        &cli,
        "anna",
        &[
            "meeting",
            "edit",
            &meeting,
            "--subject",
            "Esittely ja demo",
            "--kind",
            "visit",
        ],
    ));
    assert_eq!(edited["subject"], "Esittely ja demo");
    assert_eq!(edited["kind"], "visit");
    let history = cli.admin(&["meeting", "history", &meeting]);
    let fields: Vec<&str> = history
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["field"].as_str().unwrap())
        .collect();
    assert_eq!(fields.len(), 2, "{history}");
    assert!(fields.contains(&"subject") && fields.contains(&"kind"));

    // Text output: Finnish, with the old and the new value.
    let text = cli.run(
        &["--user", "anna", "meeting", "history", &meeting],
        &[("KORTISTO_PASSWORD", USER_PASSWORD)],
    );
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(text.contains("Aihe: Esittely → Esittely ja demo"), "{text}");
    assert!(text.contains("Laji: "), "{text}");
    assert!(text.contains("→ käynti"), "a kind by its word: {text}");
    assert!(
        !text.contains("subject") && !text.contains("visit"),
        "{text}"
    );
    let text = cli.run(
        &[
            "--lang", "en", "--user", "anna", "meeting", "history", &meeting,
        ],
        &[("KORTISTO_PASSWORD", USER_PASSWORD)],
    );
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("Subject: Esittely → Esittely ja demo"),
        "{text}"
    );
    assert!(text.contains("→ visit"), "{text}");

    ok(as_user(&cli, "anna", &["meeting", "delete", &meeting]));
    let left = cli.admin(&["meeting", "list"]);
    assert_eq!(left.as_array().unwrap().len(), 0);
}

#[test]
fn legal_holds_are_listed_and_lifted_once_with_a_reason() {
    let cli = Cli::with_admin("holdlift");
    let org = cli.admin(&["org", "add", "--name", "Riita Oy"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    let hold = cli.admin(&[
        "legal-hold",
        "add",
        "--kind",
        "organisation",
        "--id",
        &org,
        "--reason",
        "Riita-asia",
        "--until",
        "31.12.2030",
    ])["legal_hold_id"]
        .as_str()
        .unwrap()
        .to_string();
    let listed = cli.admin(&["legal-hold", "list"]);
    assert_eq!(listed[0]["record_name"], "Riita Oy");
    assert_eq!(listed[0]["lifted_at"], Value::Null);

    let missing = cli.admin_raw(&["legal-hold", "lift", "ei-ole", "--reason", "Syy"]);
    assert_eq!(code(&missing), "legal_hold_not_found");
    let lifted = cli.admin(&["legal-hold", "lift", &hold, "--reason", "Sovittu"]);
    assert_eq!(lifted["lift_reason"], "Sovittu");
    let again = cli.admin_raw(&["legal-hold", "lift", &hold, "--reason", "Uudelleen"]);
    assert_eq!(code(&again), "legal_hold_already_lifted");
    let text = cli.run(
        &["--user", "paakayttaja", "legal-hold", "list"],
        &[("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD)],
    );
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("purettu") && text.contains("Sovittu"),
        "{text}"
    );
    assert!(
        text.contains("organisaatio Riita Oy") && !text.contains("organisation"),
        "the record's kind by its word: {text}"
    );
}

#[test]
fn a_sales_reps_card_adds_a_prospect_that_office_completes_from_the_command_line() {
    let cli = Cli::with_admin("prospectcli");
    cli.add_user("toimisto", "office");
    let org = cli.admin(&["org", "add", "--name", "Messuilta Oy"])["id"]
        .as_str()
        .unwrap()
        .to_string();
    // No prospects yet: the empty state says so.
    let none = cli.run(
        &["--user", "toimisto", "org", "prospects"],
        &[("KORTISTO_PASSWORD", USER_PASSWORD)],
    );
    assert!(String::from_utf8(none.stdout)
        .unwrap()
        .contains("Ei täydennettäviä prospekteja."));
    let edited = ok(as_user(
        &cli,
        "toimisto",
        &["org", "edit", &org, "--business-id", "0112038-9"],
    ));
    assert_eq!(edited["business_id"], "0112038-9");
    assert_eq!(edited["prospect"], false);
}
