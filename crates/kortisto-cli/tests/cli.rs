//! The `kortisto` binary end to end: `init`, `status --json`, `recover`, and the errors a
//! script meets (JSON on stdout, a sentence on stderr, non-zero exit), on the real keychain.
use std::path::Path;
use std::process::Output;

use kortisto_core::Keychain;
use serde_json::Value;

use crate::common::Cli;

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn error_code(output: &Output) -> String {
    let body: Value = serde_json::from_slice(&output.stdout).unwrap();
    body["error"]["code"].as_str().unwrap().to_string()
}

#[test]
fn init_then_status_json_describes_the_register() {
    let cli = Cli::empty("status");
    let init = cli.json(&["init", "--json"]);
    let id = init["register_id"].as_str().unwrap();
    assert_eq!(
        init["recovery_code"].as_str().unwrap().split('-').count(),
        11
    );

    let status = cli.json(&["status", "--json"]);
    assert_eq!(status["register_id"], id);
    assert_eq!(status["schema_version"], kortisto_core::SCHEMA_VERSION);
    assert_eq!(status["keychain_service"], cli.service.as_str());
    assert!(status["key_backend"]
        .as_str()
        .unwrap()
        .contains("Secret Service"));
    assert!(status["database_bytes"].as_u64().unwrap() > 0);
    assert_eq!(status["counts"]["registers"], 1);

    // Humans get Finnish by default and English on request.
    let finnish = cli.run(&["status"], &[]);
    assert!(String::from_utf8_lossy(&finnish.stdout).contains("Rakenneversio"));
    let english = cli.run(&["status", "--lang", "en"], &[]);
    assert!(String::from_utf8_lossy(&english.stdout).contains("Schema version"));
}

#[test]
fn init_prints_the_recovery_code_for_humans_and_refuses_a_second_init() {
    let cli = Cli::empty("init");
    let first = cli.run(&["init"], &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    let text = String::from_utf8_lossy(&first.stdout);
    assert!(text.contains("Palautuskoodi"), "{text}");

    let before = std::fs::read(cli.data_dir().join("kortisto.db")).unwrap();
    let second = cli.run(&["init", "--json"], &[]);
    assert!(!second.status.success());
    assert_eq!(error_code(&second), "register_exists");
    assert!(stderr(&second).contains("register_exists"));
    assert_eq!(
        std::fs::read(cli.data_dir().join("kortisto.db")).unwrap(),
        before
    );
}

#[test]
fn recover_puts_a_wiped_key_back() {
    let cli = Cli::empty("recover");
    let init = cli.json(&["init", "--json"]);
    let id = init["register_id"].as_str().unwrap();
    let code = init["recovery_code"].as_str().unwrap();
    Keychain::with_service(&cli.service).delete(id).unwrap();

    let missing = cli.run(&["status", "--json", "--lang", "en"], &[]);
    assert_eq!(missing.status.code(), Some(1));
    assert_eq!(error_code(&missing), "key_missing");
    assert!(
        stderr(&missing).contains("kortisto recover"),
        "{}",
        stderr(&missing)
    );

    // Never on the command line, where `ps` and the shell history keep it.
    let on_line = cli.run(&["recover", "--code", code, "--json"], &[]);
    assert_eq!(error_code(&on_line), "recovery_code_on_command_line");
    assert_eq!(cli.run(&["status", "--json"], &[]).status.code(), Some(1));

    let wrong = cli.with_stdin(&["recover", "--json"], "AAAAA-BBBBB\n");
    assert_eq!(error_code(&wrong), "recovery_code_invalid");

    // Piped on standard input, as a script would.
    let recovered = cli.with_stdin(&["recover", "--json"], &format!("{code}\n"));
    assert!(recovered.status.success(), "{}", stderr(&recovered));
    let recovered: Value = serde_json::from_slice(&recovered.stdout).unwrap();
    assert_eq!(recovered["register_id"], id);
    assert_eq!(cli.json(&["status", "--json"])["register_id"], id);

    // Or from the environment.
    Keychain::with_service(&cli.service).delete(id).unwrap();
    let from_env = cli
        .command_with(&["recover", "--json"])
        .env("KORTISTO_RECOVERY_CODE", code)
        .output()
        .unwrap();
    assert!(from_env.status.success(), "{}", stderr(&from_env));
}

#[test]
fn repair_rebuilds_a_lost_manifest_and_init_never_replaces_the_database() {
    let cli = Cli::empty("repair");
    let init = cli.json(&["init", "--json"]);
    let id = init["register_id"].as_str().unwrap().to_string();
    let manifest = cli.data_dir().join("register.json");
    std::fs::remove_file(&manifest).unwrap();
    let before = std::fs::read(cli.data_dir().join("kortisto.db")).unwrap();

    let again = cli.run(&["init", "--json"], &[]);
    assert_eq!(error_code(&again), "manifest_missing");
    assert!(
        stderr(&again).contains("kortisto repair"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        std::fs::read(cli.data_dir().join("kortisto.db")).unwrap(),
        before,
        "init left the database as it was"
    );
    assert_eq!(
        error_code(&cli.run(&["status", "--json"], &[])),
        "manifest_missing"
    );

    let repaired = cli.json(&["repair", "--json"]);
    assert_eq!(repaired["register_id"], id.as_str());
    assert_eq!(cli.json(&["status", "--json"])["register_id"], id.as_str());
    assert_eq!(
        error_code(&cli.run(&["repair", "--json"], &[])),
        "repair_impossible"
    );
}

#[test]
fn without_a_keychain_service_init_fails_closed() {
    let cli = Cli::empty("nokeychain");
    let output = cli
        .command_with(&["init", "--json"])
        .env(
            "DBUS_SESSION_BUS_ADDRESS",
            "unix:path=/nonexistent/kortisto-bus",
        )
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(error_code(&output), "keychain_unavailable");
    // No plaintext fallback: nothing was created.
    assert!(!cli.data_dir().join("register.json").exists());
    assert!(!cli.data_dir().join("kortisto.db").exists());
}

#[test]
fn status_of_an_empty_folder_says_how_to_create_a_register() {
    let cli = Cli::empty("empty");
    let output = cli.run(&["status", "--json"], &[]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(error_code(&output), "register_missing");
    assert!(stderr(&output).contains("kortisto init"));
    assert!(!Path::new(&cli.data_dir()).join("kortisto.db").exists());
}

/// The app keeps its register open for the whole working day while someone runs the CLI on
/// the same folder: every write of both is kept, and the app's connection goes on working.
/// (Opening once read the database file's salt through a second descriptor after SQLite had
/// locked it; closing that descriptor dropped SQLite's locks, so the CLI's close removed the
/// WAL index the app still used and its next write read "database disk image is malformed".)
#[test]
fn the_app_keeps_working_and_nothing_is_lost_while_the_cli_writes_beside_it() {
    use kortisto_core::auth::Password;
    use kortisto_core::people::PersonInput;
    use kortisto_core::sources::{SourceInput, SourceKind};
    use kortisto_core::{DataDir, Register, SystemClock};

    let cli = Cli::with_admin("app-and-cli");
    let data_dir = DataDir::at(cli.data_dir());
    let keychain = Keychain::with_service(&cli.service);
    let mut app = Register::open(&data_dir, &keychain).unwrap();
    let admin = app
        .login(
            "paakayttaja",
            &Password::new(crate::common::ADMIN_PASSWORD),
            &SystemClock,
        )
        .unwrap();
    let card = SourceInput {
        kind: SourceKind::BusinessCard,
        detail: None,
        obtained_on: None,
    };
    let person = |surname: &str| PersonInput {
        surname: surname.into(),
        first_name: "Eero".into(),
        other_first_names: None,
    };
    for n in 0..30 {
        app.person_add(
            &admin,
            &person(&format!("Sovellus{n}")),
            &[],
            &card,
            &SystemClock,
        )
        .unwrap();
    }
    cli.admin_with(
        &["user", "add", "toimisto", "--role", "office"],
        &[("KORTISTO_NEW_PASSWORD", crate::common::USER_PASSWORD)],
    );
    cli.admin(&[
        "person",
        "add",
        "--surname",
        "Komentorivi",
        "--first-name",
        "Kaisa",
        "--source",
        "business-card",
    ]);
    cli.admin(&["org", "add", "--name", "Siirto Oy"]);
    // The app's next write and read after the CLI has closed the register.
    app.person_add(&admin, &person("Sovellus30"), &[], &card, &SystemClock)
        .unwrap();
    let listed = app.person_list(&admin, 0, 100, &SystemClock).unwrap();
    assert_eq!(
        listed.total, 32,
        "the app sees its 31 people and the CLI's one"
    );
    app.logout(&admin, &SystemClock).unwrap();
    app.close().unwrap();

    let listed = cli.admin(&["person", "list"]);
    let names = listed.to_string();
    for surname in ["Sovellus0", "Sovellus30", "Komentorivi"] {
        assert!(names.contains(surname), "{surname} kept: {names}");
    }
    let verified = cli.admin(&["audit", "verify"]);
    assert_eq!(verified["intact"], true, "{verified}");
}
