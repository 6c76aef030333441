//! `kortisto hub init`, `device enrol`, `device join` (code from the environment, never an
//! argument), `sync --json`, `sync status` and `device revoke` against a real PostgreSQL.
use crate::common::{code, postgres, Cli, ADMIN_PASSWORD};

#[test]
fn a_second_computer_joins_with_the_one_time_code_and_sees_what_the_first_logged() {
    let first = Cli::with_admin("sync-first");
    let url = postgres::admin_url("cli_sync");
    let init = first.admin(&["hub", "init", "--url", &url, "--name", "toimisto"]);
    assert!(init["pushed"].as_u64().unwrap() > 0, "{init}");
    let person = first.admin(&[
        "person",
        "add",
        "--surname",
        "Qzxcli",
        "--first-name",
        "Kaisa",
        "--source",
        "business-card",
    ]);
    let person_id = person["id"].as_str().unwrap().to_string();

    let enrolled = first.admin(&["device", "enrol", "laptop-2"]);
    let enrolment_code = enrolled["enrolment_code"].as_str().unwrap().to_string();
    assert!(enrolment_code.starts_with("KORTISTO-"));

    let second = Cli::empty("sync-second");
    // The code is refused as an argument, where ps and the shell history would keep it.
    let refused = second.run(
        &["device", "join", "--code", &enrolment_code, "--json"],
        &[],
    );
    assert!(!refused.status.success());
    assert!(!second.data_dir().join("kortisto.db").exists());

    let joined = second.run(
        &["device", "join", "--json"],
        &[("KORTISTO_ENROLMENT_CODE", &enrolment_code)],
    );
    assert!(
        joined.status.success(),
        "{}",
        String::from_utf8_lossy(&joined.stderr)
    );
    // The first sync already brought what the first computer had pushed before the person;
    // a sync now brings the person as well.
    first.admin(&["sync"]);
    let report = second.admin(&["sync"]);
    assert!(
        report["pulled"]["received"].as_u64().unwrap() > 0,
        "{report}"
    );
    let found = second.admin(&["search", "qzxcli"]);
    assert!(found.to_string().contains(&person_id), "{found}");

    // A used code does not work twice.
    let third = Cli::empty("sync-third");
    let again = third.run(
        &["device", "join", "--json"],
        &[("KORTISTO_ENROLMENT_CODE", &enrolment_code)],
    );
    assert!(!again.status.success());

    let status = second.admin(&["sync", "status"]);
    assert_eq!(status["set_up"], true);
    assert_eq!(status["waiting"], 0, "{status}");
    // Each computer's audit trail went to the hub with its sync and matches it.
    let verified = second.admin(&["audit", "verify"]);
    assert_eq!(verified["intact"], true, "{verified}");
    assert_eq!(verified["hub_copy"], "matches", "{verified}");

    // Revoked: the second computer's sync fails with its own code, and its data stays.
    first.admin(&["device", "revoke", "laptop-2"]);
    let devices = first.admin(&["device", "list"]);
    assert!(devices.to_string().contains("laptop-2"), "{devices}");
    let failed = second.run(
        &["--user", "paakayttaja", "--json", "sync"],
        &[("KORTISTO_PASSWORD", ADMIN_PASSWORD)],
    );
    assert!(!failed.status.success());
    assert_eq!(code(&failed), "hub_credentials_rejected");
    let still = second.admin(&["search", "qzxcli"]);
    assert!(still.to_string().contains(&person_id));
}

#[test]
fn sync_without_a_hub_says_how_to_set_one_up() {
    let cli = Cli::with_admin("sync-none");
    let output = cli.admin_raw(&["sync"]);
    assert!(!output.status.success());
    assert_eq!(code(&output), "hub_not_set_up");
    let status = cli.admin(&["sync", "status"]);
    assert_eq!(status["set_up"], false);
}

/// `bench --sync` (the figures of `.ci/bench-sync.sh`) on a tiny register: it runs to the end,
/// the new device gets every record the first one pushed, both end with the same content, and
/// every simulated device gets every other one's records once and in order. No timing is
/// asserted.
#[test]
fn the_sync_bench_runs_to_the_end_and_its_devices_converge() {
    let cli = Cli::empty("bench-sync");
    let url = postgres::admin_url("cli_bench_sync");
    let output = cli.run(
        &[
            "--json",
            "bench",
            "--sync",
            "--hub-url",
            &url,
            "--people",
            "60",
            "--changes",
            "5",
            "--devices",
            "3",
            "--load-seconds",
            "1",
        ],
        &[],
    );
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["people"], 60);
    assert_eq!(report["converged"], true, "{report}");
    let pushed = report["hub_set_up"]["pushed"].as_u64().unwrap();
    assert!(pushed > 60, "{report}");
    assert_eq!(report["first_sync"]["received"], pushed, "{report}");
    assert_eq!(report["first_sync"]["skipped"], 0, "{report}");
    let incremental = &report["incremental"];
    assert_eq!(incremental["changes"], 5, "{report}");
    assert!(incremental["pushed"].as_u64().unwrap() >= 5, "{report}");
    assert_eq!(incremental["received"], incremental["pushed"], "{report}");
    let load = &report["load"];
    assert_eq!(load["devices"], 3);
    assert!(load["pushes"].as_u64().unwrap() >= 3, "{report}");
    assert_eq!(
        load["pushed"].as_u64().unwrap(),
        load["pushes"].as_u64().unwrap() * load["batch"].as_u64().unwrap(),
        "{report}"
    );
    assert_eq!(load["complete"], true, "{report}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("Hub"));

    // The human form puts each figure beside its target.
    let human = cli.run(
        &[
            "--lang",
            "en",
            "bench",
            "--sync",
            "--hub-url",
            &url,
            "--people",
            "30",
            "--devices",
            "2",
            "--load-seconds",
            "1",
        ],
        &[],
    );
    assert!(
        human.status.success(),
        "{}",
        String::from_utf8_lossy(&human.stderr)
    );
    let table = String::from_utf8_lossy(&human.stdout);
    for line in [
        "first sync to a new device",
        "≤ 60 s",
        "push p50 / p95",
        "≤ 1 s",
    ] {
        assert!(table.contains(line), "{line} missing:\n{table}");
    }
}
