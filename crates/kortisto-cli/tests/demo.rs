//! `kortisto demo` and `kortisto bench` through the real binary: the demo register is
//! deterministic, fills only an empty register and only for an administrator, and the
//! benchmark runs to the end and reports every operation (no timing is asserted).
use crate::common::{code, rule, Cli, USER_PASSWORD};
use serde_json::Value;

const DEMO: &[&str] = &[
    "demo",
    "--people",
    "200",
    "--seed",
    "7",
    "--until",
    "31.12.2025",
];

#[test]
fn the_same_seed_gives_the_same_register() {
    let first = Cli::with_admin("demo-a");
    let second = Cli::with_admin("demo-b");
    let summary = first.admin(DEMO);
    assert_eq!(summary["people"], 200);
    assert_eq!(summary["organisations"], 40);
    assert_eq!(summary["meetings"], 2000);
    assert_eq!(second.admin(DEMO), summary);

    let people = first.admin(&["person", "list"]);
    assert_eq!(people.as_array().unwrap().len(), 200);
    assert_eq!(second.admin(&["person", "list"]), people);
    assert_eq!(
        second.admin(&["org", "list"]),
        first.admin(&["org", "list"])
    );
    let counts = first.counts();
    assert_eq!(counts, second.counts());
    assert_eq!(counts["meetings"], 2000);

    // Finnish names, accents and all, and the search index built with the data.
    let names: Vec<String> = people
        .as_array()
        .unwrap()
        .iter()
        .map(|p| format!("{} {}", p["surname"], p["first_name"]))
        .collect();
    assert!(names
        .iter()
        .any(|n| n.contains(['ä', 'ö', 'å', 'Ä', 'Ö', 'Å'])));
    let someone = &people[0];
    let surname = someone["surname"].as_str().unwrap();
    let prefix: String = surname.chars().take(4).collect();
    let hits = first.admin(&["search", &prefix.to_lowercase(), "--limit", "100"]);
    assert!(hits
        .as_array()
        .unwrap()
        .iter()
        .any(|h| h["id"] == someone["id"]));

    // Every deal kind, valid Y-tunnus on every organisation that has one, national phones.
    let deals = first.admin(&["deal", "list"]);
    for kind in [
        "delivery-contract",
        "service-contract",
        "offer",
        "rfq",
        "lead",
        "info-request",
    ] {
        assert!(
            deals.as_array().unwrap().iter().any(|d| d["kind"] == kind),
            "{kind}"
        );
    }
    let page = first.admin(&["person", "show", someone["id"].as_str().unwrap()]);
    assert!(!page["positions"].as_array().unwrap().is_empty());
    for contact in page["contacts"].as_array().unwrap() {
        if contact["kind"] == "mobile" {
            assert!(
                contact["display"].as_str().unwrap().starts_with('0'),
                "{contact}"
            );
        }
    }

    // One audit entry for the whole fill.
    let fills = first.admin(&["audit", "list", "--action", "demo_fill"]);
    assert_eq!(fills.as_array().unwrap().len(), 1);
    assert_eq!(first.admin(&["audit", "verify"])["intact"], true);
}

#[test]
fn demo_fills_only_an_empty_register_and_only_for_an_administrator() {
    let cli = Cli::with_admin("demo-guard");
    cli.add_user("toimisto", "office");
    let office = cli.run(
        &["--user", "toimisto", "--json", "demo", "--people", "5"],
        &[("KORTISTO_PASSWORD", USER_PASSWORD)],
    );
    assert_eq!(code(&office), "permission_denied");
    assert_eq!(cli.counts()["people"], 0);

    cli.admin(&[
        "person",
        "add",
        "--surname",
        "Virtanen",
        "--first-name",
        "Maija",
        "--source",
        "business-card",
    ]);
    let refused = cli.admin_raw(&["demo", "--people", "5"]);
    assert_eq!(refused.status.code(), Some(1));
    assert_eq!(code(&refused), "field_invalid");
    assert_eq!(rule(&refused), "register_not_empty");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("uusi rekisteri"));
    let counts = cli.counts();
    assert_eq!(counts["people"], 1);
    assert_eq!(counts["organisations"], 0);
}

#[test]
fn bench_runs_to_the_end_and_reports_every_operation() {
    let cli = Cli::with_admin("bench");
    let output = cli.run(&["--json", "bench", "--people", "300"], &[]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["people"], 300);
    assert_eq!(report["meetings"], 3000);
    let operations: Vec<&str> = report["operations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|row| {
            assert!(row["encrypted_ms"].as_f64().unwrap() >= 0.0);
            assert!(row["plain_ms"].as_f64().unwrap() >= 0.0);
            assert!(row["ratio"].is_number());
            row["operation"].as_str().unwrap()
        })
        .collect();
    assert_eq!(
        operations,
        [
            "search p50",
            "search p95",
            "person page p50",
            "person page p95",
            "people list page of 50 p50",
            "people list page of 50 p95",
            "meeting log p50",
            "meeting log p95",
            "business card p50",
            "business card p95",
            "open register p50",
            "retention preview p50",
            "import dry run",
            "import commit",
            "retention run",
        ]
    );
    assert!(report["backup_encrypt_mb_per_s"].as_f64().unwrap() > 0.0);
    assert!(report["backup_bytes"].as_u64().unwrap() > 0);
    // A tenth of the register, as 10,000 of 100,000.
    assert_eq!(report["import_cards"], 30);
    // Progress went to stderr.
    assert!(String::from_utf8_lossy(&output.stderr).contains("100 %"));

    let human = cli.run(&["--lang", "en", "bench", "--people", "300"], &[]);
    assert!(human.status.success());
    let table = String::from_utf8_lossy(&human.stdout);
    for operation in operations {
        assert!(table.contains(operation), "{operation} missing:\n{table}");
    }
}
