//! `kortisto import`: the dry run lists each row's outcome and saves nothing, the import
//! adds the people with progress on stderr, a second run adds no one, and a sales rep is
//! refused.
use serde_json::Value;

use crate::common::{code, Cli, USER_PASSWORD};

fn fixture(name: &str) -> String {
    format!(
        "{}/../kortisto-core/tests/fixtures/import/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn people(cli: &Cli) -> u64 {
    cli.counts()["people"].as_u64().unwrap()
}

#[test]
fn dry_run_then_import_then_again_adds_no_one() {
    let cli = Cli::with_admin("import");
    let file = fixture("vcard21_quoted_printable.vcf");
    let plan = cli.admin(&["import", &file, "--source", "business-card", "--dry-run"]);
    let outcomes: Vec<&str> = plan["rows"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, vec!["new", "new"]);
    assert_eq!(plan["rows"][0]["surname"], "Hämäläinen");
    assert_eq!(people(&cli), 0, "the dry run saved nothing");

    cli.add_user("toimisto", "office");
    let output = cli.run(
        &[
            "--user",
            "toimisto",
            "--json",
            "import",
            &file,
            "--source",
            "event",
            "--source-detail",
            "Messut 2026",
        ],
        &[("KORTISTO_PASSWORD", USER_PASSWORD)],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["added"], 2);
    assert!(String::from_utf8_lossy(&output.stderr).contains("2/2"));
    assert_eq!(people(&cli), 2);

    let again = cli.admin(&["import", &file, "--source", "business-card"]);
    assert_eq!(again["added"], 0);
    assert_eq!(again["rows"][0]["outcome"], "same");
    assert_eq!(again["rows"][0]["reason"], "same-email");
    assert_eq!(people(&cli), 2);

    // In words, in Finnish by default.
    let output = cli.run(
        &[
            "--user",
            "paakayttaja",
            "import",
            &file,
            "--source",
            "business-card",
            "--dry-run",
        ],
        &[("KORTISTO_PASSWORD", crate::common::ADMIN_PASSWORD)],
    );
    let text = String::from_utf8_lossy(&output.stdout);
    assert!(
        text.contains("on jo rekisterissä: sama sähköpostiosoite"),
        "{text}"
    );
}

#[test]
fn a_sales_rep_may_not_import_and_a_bad_file_is_said_before_the_password() {
    let cli = Cli::with_admin("import-refused");
    cli.add_user("myyja", "sales");
    let output = cli.run(
        &[
            "--user",
            "myyja",
            "--json",
            "import",
            &fixture("google.csv"),
            "--source",
            "business-card",
            "--dry-run",
        ],
        &[("KORTISTO_PASSWORD", USER_PASSWORD)],
    );
    assert_eq!(code(&output), "permission_denied");
    // No password in the environment: the file's problem is said first.
    let output = cli.run(
        &[
            "--user",
            "paakayttaja",
            "--json",
            "import",
            &fixture("generic.csv"),
            "--source",
            "business-card",
        ],
        &[],
    );
    assert_eq!(code(&output), "import_columns_unknown");
    let output = cli.admin_raw(&[
        "import",
        &fixture("generic.csv"),
        "--source",
        "business-card",
        "--map",
        &fixture("generic.map"),
    ]);
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    assert_eq!(people(&cli), 1);
}
