//! The app's commands through Tauri's IPC layer (tauri's `test` feature: mock runtime, real
//! core, real keychain, real capabilities): start-up, preferences, errors as `{code, …}`,
//! and the capability check refusing a window that was granted nothing.
use kortisto_app::{configure, AppState};
use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};
use kortisto_core::{Clock, DataDir, Keychain, Register, SystemClock};
use serde_json::{json, Value};
use tauri::ipc::{CallbackFn, InvokeBody};
use tauri::test::{get_ipc_response, mock_builder, MockRuntime, INVOKE_KEY};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// A clock the test moves by hand.
#[derive(Debug)]
struct TestClock(Mutex<DateTime<Utc>>);

impl TestClock {
    fn advance(&self, by: Duration) {
        *self.0.lock().unwrap() += by;
    }
}

impl Clock for TestClock {
    fn now(&self) -> DateTime<Utc> {
        *self.0.lock().unwrap()
    }
}

struct Harness {
    _dir: tempfile::TempDir,
    clock: Arc<TestClock>,
    data_dir: DataDir,
    keychain: Keychain,
    app: App<MockRuntime>,
}

impl Harness {
    fn new(name: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data_dir = DataDir::at(dir.path().join("register"));
        let keychain =
            Keychain::with_service(format!("kortisto-ipc-{}-{name}", std::process::id()));
        let clock = Arc::new(TestClock(Mutex::new(
            "2026-11-27T09:00:00Z".parse().unwrap(),
        )));
        let state = AppState::new(data_dir.clone(), keychain.clone(), clock.clone());
        let app = configure(mock_builder(), state)
            .build(tauri::generate_context!())
            .expect("the app builds on the mock runtime");
        Self {
            _dir: dir,
            clock,
            data_dir,
            keychain,
            app,
        }
    }

    fn window(&self, label: &str) -> WebviewWindow<MockRuntime> {
        WebviewWindowBuilder::new(&self.app, label, Default::default())
            .build()
            .unwrap()
    }
}

impl Drop for Harness {
    fn drop(&mut self) {
        if let Ok(manifest) = std::fs::read_to_string(self.data_dir.path().join("register.json")) {
            let id: Value = serde_json::from_str(&manifest).unwrap();
            let _ = self.keychain.delete(id["register_id"].as_str().unwrap());
        }
    }
}

fn invoke(window: &WebviewWindow<MockRuntime>, cmd: &str, args: Value) -> Result<Value, Value> {
    get_ipc_response(
        window,
        InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            // The app's own origin on Linux; capabilities grant "local" URLs only.
            url: "tauri://localhost".parse().unwrap(),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

#[test]
fn first_start_offers_a_choice_then_creates_the_register_and_shows_the_code_once() {
    // The clock is the harness's; the register records it as its creation time.
    let harness = Harness::new("startup");
    let main = harness.window("main");

    let before = invoke(&main, "register_status", json!({})).unwrap_err();
    assert_eq!(before["code"], "register_not_open");

    let empty = invoke(&main, "register_open", json!({})).unwrap();
    assert_eq!(empty, json!({ "state": "empty" }));
    assert!(
        harness.data_dir.is_free_for_register(),
        "opening an empty folder creates nothing until the person chooses"
    );

    let first = invoke(&main, "register_create", json!({})).unwrap();
    assert_eq!(first["state"], "created");
    let code = first["recovery_code"].as_str().unwrap();
    assert_eq!(code.split('-').count(), 11, "{code}");
    let id = first["status"]["register_id"].as_str().unwrap().to_string();
    assert_eq!(first["status"]["audit_tail"], "ok");

    let again = invoke(&main, "register_open", json!({})).unwrap();
    assert_eq!(again["state"], "opened");
    assert!(
        again.get("recovery_code").is_none(),
        "the code is shown only once"
    );
    let twice = invoke(&main, "register_create", json!({})).unwrap_err();
    assert_eq!(twice["code"], "register_exists");

    let status = invoke(&main, "register_status", json!({})).unwrap();
    assert_eq!(status["register_id"], id.as_str());
    assert_eq!(status["counts"]["registers"], 1);
}

#[test]
fn a_lost_manifest_is_repaired_with_the_key_in_the_keychain_or_the_recovery_code() {
    let harness = Harness::new("repair");
    let created = Register::create(&harness.data_dir, &harness.keychain, &SystemClock).unwrap();
    let id = created.register.register_id().to_string();
    let code = created.recovery_code.reveal().to_string();
    created.register.close().unwrap();
    let manifest = harness.data_dir.path().join("register.json");
    std::fs::remove_file(&manifest).unwrap();

    let main = harness.window("main");
    let error = invoke(&main, "register_open", json!({})).unwrap_err();
    assert_eq!(error["code"], "manifest_missing");
    assert!(error["message"]["fi"].as_str().unwrap().contains("Korjaa"));
    assert!(
        harness.data_dir.has_database(),
        "the database is never replaced"
    );
    assert_eq!(
        invoke(&main, "register_create", json!({})).unwrap_err()["code"],
        "manifest_missing"
    );

    // A keychain that no longer has the key: the repair asks for the recovery code.
    harness.keychain.delete(&id).unwrap();
    let error = invoke(&main, "register_repair", json!({})).unwrap_err();
    assert_eq!(error["code"], "repair_impossible");
    assert_eq!(error["params"]["reason"], "key_not_found");
    assert!(!manifest.exists(), "a refused repair changes nothing");
    let elsewhere = tempfile::tempdir().unwrap();
    let wrong = Register::create(
        &DataDir::at(elsewhere.path().join("other")),
        &harness.keychain,
        &SystemClock,
    )
    .unwrap();
    let wrong_code = wrong.recovery_code.reveal().to_string();
    let wrong_id = wrong.register.register_id().to_string();
    drop(wrong);
    harness.keychain.delete(&wrong_id).unwrap();
    assert_eq!(
        invoke(
            &main,
            "register_repair",
            json!({ "recovery_code": wrong_code })
        )
        .unwrap_err()["code"],
        "recovery_code_mismatch"
    );

    let repaired = invoke(&main, "register_repair", json!({ "recovery_code": code })).unwrap();
    assert_eq!(repaired["state"], "opened");
    assert_eq!(repaired["status"]["register_id"], id.as_str());
    assert_eq!(repaired["status"]["audit_tail"], "ok");
    assert_eq!(repaired["has_users"], false);
    assert!(manifest.exists());
    assert_eq!(
        invoke(&main, "register_open", json!({})).unwrap()["state"],
        "opened"
    );
}

#[test]
fn an_empty_folder_is_restored_from_a_backup_with_the_recovery_code() {
    let source = Harness::new("restoresrc");
    let main = source.window("main");
    invoke(&main, "register_open", json!({})).unwrap();
    let created = invoke(&main, "register_create", json!({})).unwrap();
    let code = created["recovery_code"].as_str().unwrap().to_string();
    invoke(
        &main,
        "first_admin_create",
        json!({ "username": "admin", "display_name": "Ylläpitäjä", "password": PASSWORD }),
    )
    .unwrap();
    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("kaikki.kbak");
    invoke(
        &main,
        "backup_create",
        json!({ "out_file": file.display().to_string() }),
    )
    .unwrap();

    let target = Harness::new("restoretgt");
    let window = target.window("main");
    assert_eq!(
        invoke(&window, "register_open", json!({})).unwrap()["state"],
        "empty"
    );
    let missing = invoke(
        &window,
        "register_restore",
        json!({ "file": out.path().join("ei-ole.kbak").display().to_string(), "recovery_code": code }),
    )
    .unwrap_err();
    assert!(missing["code"].is_string(), "{missing}");
    assert!(
        target.data_dir.is_free_for_register(),
        "a failed restore leaves the folder empty"
    );
    let invalid = invoke(
        &window,
        "register_restore",
        json!({ "file": file.display().to_string(), "recovery_code": "ABC" }),
    )
    .unwrap_err();
    assert_eq!(invalid["code"], "recovery_code_invalid");

    let restored = invoke(
        &window,
        "register_restore",
        json!({ "file": file.display().to_string(), "recovery_code": code }),
    )
    .unwrap();
    assert_eq!(restored["state"], "restored");
    assert_eq!(restored["has_users"], true);
    assert_eq!(
        restored["status"]["register_id"],
        created["status"]["register_id"]
    );
    assert!(restored["report"]["backup_created_at"].is_string());
    invoke(
        &window,
        "session_login",
        json!({ "username": "admin", "password": PASSWORD }),
    )
    .unwrap();
}

#[test]
fn the_language_choice_is_saved_and_bad_values_are_refused() {
    let harness = Harness::new("prefs");
    let main = harness.window("main");
    assert_eq!(
        invoke(&main, "preferences_get", json!({})).unwrap()["language"],
        "fi"
    );
    assert_eq!(
        invoke(&main, "preferences_set", json!({ "language": "en" })).unwrap()["language"],
        "en"
    );
    assert_eq!(
        invoke(&main, "preferences_get", json!({})).unwrap()["language"],
        "en"
    );
    assert!(invoke(&main, "preferences_set", json!({ "language": "sv" })).is_err());
    assert_eq!(
        invoke(&main, "preferences_get", json!({})).unwrap()["language"],
        "en"
    );
}

#[test]
fn a_missing_key_reaches_the_ui_as_its_code_with_both_sentences() {
    let harness = Harness::new("keymissing");
    let created = Register::create(&harness.data_dir, &harness.keychain, &SystemClock).unwrap();
    let id = created.register.register_id().to_string();
    created.register.close().unwrap();
    harness.keychain.delete(&id).unwrap();

    let main = harness.window("main");
    let error = invoke(&main, "register_open", json!({})).unwrap_err();
    assert_eq!(error["code"], "key_missing");
    assert_eq!(error["params"]["register_id"], id.as_str());
    assert!(error["message"]["fi"]
        .as_str()
        .unwrap()
        .contains("palautuskoodi"));
    assert!(error["message"]["en"]
        .as_str()
        .unwrap()
        .contains("recovery code"));
}

/// Every file of the data folder and its bytes, to show that a refused command changed nothing.
fn folder_contents(data_dir: &DataDir) -> Vec<(String, Vec<u8>)> {
    let mut files: Vec<_> = std::fs::read_dir(data_dir.path())
        .unwrap()
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_lost_key_is_recovered_in_the_app_with_the_right_recovery_code_only() {
    let harness = Harness::new("recover");
    let created = Register::create(&harness.data_dir, &harness.keychain, &SystemClock).unwrap();
    let id = created.register.register_id().to_string();
    let code = created.recovery_code.reveal().to_string();
    created.register.close().unwrap();
    harness.keychain.delete(&id).unwrap();

    let main = harness.window("main");
    assert_eq!(
        invoke(&main, "register_open", json!({})).unwrap_err()["code"],
        "key_missing"
    );
    let before = folder_contents(&harness.data_dir);

    let elsewhere = tempfile::tempdir().unwrap();
    let other = Register::create(
        &DataDir::at(elsewhere.path().join("other")),
        &harness.keychain,
        &SystemClock,
    )
    .unwrap();
    let other_code = other.recovery_code.reveal().to_string();
    let other_id = other.register.register_id().to_string();
    drop(other);
    harness.keychain.delete(&other_id).unwrap();

    let mismatch = invoke(
        &main,
        "register_recover",
        json!({ "recovery_code": other_code }),
    )
    .unwrap_err();
    assert_eq!(mismatch["code"], "recovery_code_mismatch");
    assert!(mismatch["message"]["fi"].is_string() && mismatch["message"]["en"].is_string());
    let invalid = invoke(&main, "register_recover", json!({ "recovery_code": "ABC" })).unwrap_err();
    assert_eq!(invalid["code"], "recovery_code_invalid");
    assert_eq!(
        folder_contents(&harness.data_dir),
        before,
        "a refused recovery leaves the folder as it was"
    );
    assert_eq!(
        invoke(&main, "register_open", json!({})).unwrap_err()["code"],
        "key_missing",
        "a refused recovery puts no key into the keychain"
    );

    // Typed as a person might: lower case, spaces instead of dashes.
    let typed = code.to_lowercase().replace('-', " ");
    let recovered = invoke(&main, "register_recover", json!({ "recovery_code": typed })).unwrap();
    assert_eq!(recovered["state"], "opened");
    assert_eq!(recovered["status"]["register_id"], id.as_str());
    assert_eq!(recovered["has_users"], false);
    assert_eq!(
        invoke(&main, "register_recover", json!({ "recovery_code": code })).unwrap_err()["code"],
        "register_exists",
        "an open register is not recovered again"
    );

    // The key is in the keychain again: a fresh start opens the register without the code.
    drop(main);
    let reopened = Register::open(&harness.data_dir, &harness.keychain).unwrap();
    assert_eq!(reopened.register_id(), id);
}

#[test]
fn a_window_without_the_capability_is_refused() {
    let harness = Harness::new("acl");
    let intruder = harness.window("intruder");
    let refused = invoke(&intruder, "preferences_set", json!({ "language": "en" }));
    let error = refused.expect_err("a window outside the capability must be refused");
    assert!(
        error.to_string().contains("not allowed"),
        "unexpected refusal: {error}"
    );
    // Nothing happened: the preference file was never written.
    assert!(!harness.data_dir.preferences_path().exists());

    let main = harness.window("main");
    assert!(invoke(&main, "preferences_get", json!({})).is_ok());
}

const PASSWORD: &str = "correct horse battery staple";

/// Opens a fresh register through IPC and creates its first administrator.
fn admin_logged_in(harness: &Harness) -> WebviewWindow<MockRuntime> {
    let main = harness.window("main");
    assert_eq!(
        invoke(&main, "register_open", json!({})).unwrap()["state"],
        "empty"
    );
    invoke(&main, "register_create", json!({})).unwrap();
    let session = invoke(
        &main,
        "first_admin_create",
        json!({ "username": "admin", "display_name": "Ylläpitäjä", "password": PASSWORD }),
    )
    .unwrap();
    assert_eq!(session["role"], "admin");
    main
}

#[test]
fn a_sales_session_is_refused_every_admin_only_command() {
    let harness = Harness::new("salesrefused");
    let main = admin_logged_in(&harness);
    invoke(
        &main,
        "user_add",
        json!({ "new_user": { "username": "myyja", "display_name": "Myyjä", "role": "sales" }, "password": PASSWORD }),
    )
    .unwrap();
    invoke(&main, "session_logout", json!({})).unwrap();
    let sales = invoke(
        &main,
        "session_login",
        json!({ "username": "myyja", "password": PASSWORD }),
    )
    .unwrap();
    assert_eq!(sales["role"], "sales");

    let admin_only = [
        ("user_list", json!({})),
        (
            "user_add",
            json!({ "new_user": { "username": "x2", "display_name": "X", "role": "admin" }, "password": PASSWORD }),
        ),
        (
            "user_role_change",
            json!({ "username": "myyja", "role": "admin" }),
        ),
        ("user_deactivate", json!({ "username": "admin" })),
        (
            "user_password_reset",
            json!({ "username": "admin", "password": PASSWORD }),
        ),
        ("audit_list", json!({ "filter": {} })),
        ("audit_verify", json!({})),
        (
            "training_record",
            json!({ "username": "myyja", "completed_on": "1.11.2026", "topic": "T", "result": "passed", "score": 90 }),
        ),
        ("training_list", json!({})),
        ("training_status", json!({})),
        ("person_seen_by", json!({ "person_id": "p-any" })),
        (
            "internal_audit_record",
            json!({ "held_on": "1.11.2026", "scope": "S", "result": "passed", "follow_up": "" }),
        ),
        ("internal_audit_list", json!({})),
        ("idle_lock_set", json!({ "minutes": 30 })),
        ("maintenance_notice", json!({})),
        (
            "restriction_set",
            json!({ "restriction": { "person_id": "p", "reason": "R" }, "request_id": null }),
        ),
        (
            "restriction_lift",
            json!({ "person_id": "p", "reason": "R", "request_id": null }),
        ),
        (
            "objection_record",
            json!({ "objection": { "person_id": "p", "purpose": "direct-marketing", "channel": "email" }, "request_id": null }),
        ),
        ("erasure_matches", json!({ "person_id": "p" })),
        (
            "redact",
            json!({ "person_id": "p", "target": { "record_kind": "meeting", "record_id": "m", "field": "subject" } }),
        ),
        ("redaction_todos", json!({})),
        ("redaction_todo_done", json!({ "todo_id": "t" })),
    ];
    for (command, args) in admin_only {
        let error = invoke(&main, command, args).expect_err(command);
        assert_eq!(error["code"], "permission_denied", "{command}: {error}");
    }
    // What a sales rep may do still works.
    assert_eq!(invoke(&main, "idle_lock_get", json!({})).unwrap(), 15);
}

#[test]
fn the_idle_lock_ends_the_session_and_the_ui_must_log_in_again() {
    let harness = Harness::new("idle");
    let main = admin_logged_in(&harness);
    harness.clock.advance(Duration::minutes(14));
    assert_eq!(
        invoke(&main, "session_current", json!({})).unwrap()["username"],
        "admin"
    );
    assert!(invoke(&main, "user_list", json!({})).is_ok());
    harness.clock.advance(Duration::minutes(16));
    assert_eq!(
        invoke(&main, "session_current", json!({})).unwrap(),
        Value::Null
    );
    let error = invoke(&main, "user_list", json!({})).unwrap_err();
    assert_eq!(error["code"], "not_logged_in");

    invoke(
        &main,
        "session_login",
        json!({ "username": "admin", "password": PASSWORD }),
    )
    .unwrap();
    let events = invoke(
        &main,
        "audit_list",
        json!({ "filter": { "action": "session_locked" } }),
    )
    .unwrap();
    assert_eq!(events.as_array().unwrap().len(), 1);
}

#[test]
fn bad_log_in_and_bad_passwords_come_back_as_codes() {
    let harness = Harness::new("badlogin");
    let main = admin_logged_in(&harness);
    let error = invoke(
        &main,
        "session_login",
        json!({ "username": "admin", "password": "wrong wrong wrong" }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "login_failed");
    let error = invoke(
        &main,
        "user_add",
        json!({ "new_user": { "username": "short", "display_name": "S", "role": "office" }, "password": "short" }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "password_too_short");
    let error = invoke(
        &main,
        "user_add",
        json!({ "new_user": { "username": "who", "display_name": "W", "role": "superuser" }, "password": PASSWORD }),
    )
    .unwrap_err();
    assert!(error.to_string().contains("superuser"), "{error}");
}

#[test]
fn a_business_card_is_found_by_search_and_a_meeting_reaches_its_page() {
    let harness = Harness::new("content");
    let main = admin_logged_in(&harness);
    let card = json!({
        "person": { "surname": "Hämäläinen", "first_name": "Päivi" },
        "new_organisation": { "name": "Kortti Oy", "business_id": "0855050-9" },
        "title": "Hankintapäällikkö",
        "contacts": [{ "kind": "email", "value": "paivi@kortti.fi" }, { "kind": "mobile", "value": "040 765 4321" }],
        "source": { "kind": "business-card" }
    });
    let saved = invoke(
        &main,
        "business_card_save",
        json!({ "card": card, "confirmed_new": false }),
    )
    .unwrap();
    let person_id = saved["person_id"].as_str().unwrap().to_string();

    let duplicates = invoke(&main, "duplicate_check", json!({ "card": card })).unwrap();
    assert_eq!(duplicates[0]["reason"], "same-email");
    let refused = invoke(
        &main,
        "business_card_save",
        json!({ "card": card, "confirmed_new": false }),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "duplicate_suspected");

    let hits = invoke(&main, "search", json!({ "query": "hamal", "limit": 10 })).unwrap();
    assert_eq!(hits[0]["record_id"], person_id.as_str());
    assert_eq!(hits[0]["subtitle"], "Hankintapäällikkö, Kortti Oy");

    invoke(
        &main,
        "meeting_log",
        json!({ "meeting": { "kind": "call", "subject": "Tarjous", "participant_ids": [person_id] } }),
    )
    .unwrap();
    let page = invoke(&main, "person_page", json!({ "person_id": person_id })).unwrap();
    assert_eq!(page["meetings"][0]["subject"], "Tarjous");
    assert_eq!(page["contacts"].as_array().unwrap().len(), 2);
    assert_eq!(page["person"]["source"]["kind"], "business-card");

    let bad = invoke(
        &main,
        "person_add",
        json!({ "person": { "surname": "A", "first_name": "B" }, "contacts": [{ "kind": "email", "value": "nope" }], "source": { "kind": "business-card" } }),
    )
    .unwrap_err();
    assert_eq!(bad["code"], "field_invalid");
    assert_eq!(bad["params"]["rule"], "email");
}

#[test]
fn a_sales_session_cannot_add_organisations_or_contracts() {
    let harness = Harness::new("salescontent");
    let main = admin_logged_in(&harness);
    let organisation = invoke(
        &main,
        "organisation_add",
        json!({ "organisation": { "name": "Asiakas Oy" } }),
    )
    .unwrap();
    invoke(
        &main,
        "user_add",
        json!({ "new_user": { "username": "myyja", "display_name": "Myyjä", "role": "sales" }, "password": PASSWORD }),
    )
    .unwrap();
    invoke(&main, "session_logout", json!({})).unwrap();
    invoke(
        &main,
        "session_login",
        json!({ "username": "myyja", "password": PASSWORD }),
    )
    .unwrap();

    let refused = invoke(
        &main,
        "organisation_add",
        json!({ "organisation": { "name": "Toinen Oy" } }),
    )
    .unwrap_err();
    assert_eq!(refused["code"], "permission_denied");
    let deal = |kind: &str| json!({ "deal": { "kind": kind, "organisation_id": organisation["organisation_id"], "title": "Kauppa", "status": "open" } });
    assert_eq!(
        invoke(&main, "deal_add", deal("delivery-contract")).unwrap_err()["code"],
        "permission_denied"
    );
    assert_eq!(
        invoke(&main, "deal_add", deal("lead")).unwrap()["kind"],
        "lead"
    );
}

#[test]
fn the_administrator_extracts_and_erases_and_a_sales_rep_cannot() {
    let harness = Harness::new("rights");
    let main = admin_logged_in(&harness);
    let person = invoke(
        &main,
        "person_add",
        json!({ "person": { "surname": "Oikeus", "first_name": "Olli" }, "contacts": [{ "kind": "email", "value": "olli@oikeus.fi" }], "source": { "kind": "self-service" } }),
    )
    .unwrap();
    let person_id = person["person_id"].as_str().unwrap().to_string();
    invoke(
        &main,
        "consent_record",
        json!({ "consent": { "person_id": person_id, "purpose": "direct-marketing", "kind": "given", "channel": "form", "wording_version": "v1" } }),
    )
    .unwrap();

    let out = tempfile::tempdir().unwrap();
    let files = invoke(
        &main,
        "extract",
        json!({ "person_id": person_id, "language": "fi", "out_dir": out.path().display().to_string(), "request_id": null }),
    )
    .unwrap();
    assert!(std::path::Path::new(files["pdf_path"].as_str().unwrap()).exists());
    assert!(std::path::Path::new(files["json_path"].as_str().unwrap()).exists());
    // The portability export (JSON + vCard) and a search result as CSV.
    let portable = invoke(
        &main,
        "portability_export",
        json!({ "person_id": person_id, "out_dir": out.path().display().to_string() }),
    )
    .unwrap();
    let vcard = std::fs::read_to_string(portable["vcard_path"].as_str().unwrap()).unwrap();
    assert!(vcard.contains("N:Oikeus;Olli;;;\r\n"), "{vcard}");
    assert!(std::path::Path::new(portable["json_path"].as_str().unwrap()).exists());
    let exported = invoke(
        &main,
        "export_people",
        json!({ "selection": { "kind": "search", "query": "oikeus" }, "format": "csv", "language": "fi", "out_file": out.path().join("haku.csv").display().to_string() }),
    )
    .unwrap();
    assert_eq!(exported["count"], 1);

    invoke(
        &main,
        "user_add",
        json!({ "new_user": { "username": "myyja", "display_name": "Myyjä", "role": "sales" }, "password": PASSWORD }),
    )
    .unwrap();
    invoke(&main, "session_logout", json!({})).unwrap();
    invoke(
        &main,
        "session_login",
        json!({ "username": "myyja", "password": PASSWORD }),
    )
    .unwrap();
    for (command, args) in [
        (
            "extract",
            json!({ "person_id": person_id, "language": "fi", "out_dir": out.path().display().to_string(), "request_id": null }),
        ),
        (
            "erase",
            json!({ "person_id": person_id, "request_id": null }),
        ),
        ("request_list", json!({})),
        ("marketing_list", json!({ "purpose": "direct-marketing" })),
        (
            "marketing_export",
            json!({ "purpose": "direct-marketing", "format": "csv", "language": "fi", "out_file": out.path().join("m.csv").display().to_string() }),
        ),
        (
            "portability_export",
            json!({ "person_id": person_id, "out_dir": out.path().display().to_string() }),
        ),
        (
            "export_people",
            json!({ "selection": { "kind": "search", "query": "oikeus" }, "format": "vcard", "language": "fi", "out_file": out.path().join("s.vcf").display().to_string() }),
        ),
    ] {
        assert_eq!(
            invoke(&main, command, args).unwrap_err()["code"],
            "permission_denied",
            "{command}"
        );
    }
    invoke(&main, "session_logout", json!({})).unwrap();
    invoke(
        &main,
        "session_login",
        json!({ "username": "admin", "password": PASSWORD }),
    )
    .unwrap();
    let receipt = invoke(
        &main,
        "erase",
        json!({ "person_id": person_id, "request_id": null }),
    )
    .unwrap();
    assert_eq!(receipt["counts"]["contacts"], 1);
    assert!(
        invoke(&main, "search", json!({ "query": "oikeus", "limit": 5 }))
            .unwrap()
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn retention_previews_waits_for_a_confirmed_clock_and_a_backup_restores_through_ipc() {
    use tauri::Manager;
    let harness = Harness::new("retention");
    let main = admin_logged_in(&harness);
    let organisation = invoke(
        &main,
        "organisation_add",
        json!({ "organisation": { "name": "Vanha Asiakas Oy" } }),
    )
    .unwrap();
    let person = invoke(
        &main,
        "person_add",
        json!({ "person": { "surname": "Entinen", "first_name": "Eero" }, "contacts": [], "source": { "kind": "business-card", "obtained_on": "1.1.2020" } }),
    )
    .unwrap();
    let person_id = person["person_id"].as_str().unwrap().to_string();
    invoke(
        &main,
        "position_add",
        json!({ "position": { "person_id": person_id, "organisation_id": organisation["organisation_id"], "title": "Ostaja", "start_on": "1.1.2020", "end_on": "30.6.2024" } }),
    )
    .unwrap();

    let status = invoke(&main, "retention_status", json!({ "person_id": person_id })).unwrap();
    assert_eq!(status["due_on"], "2027-06-30");
    let preview = invoke(
        &main,
        "retention_preview",
        json!({ "as_of": "1.7.2027", "language": "fi" }),
    )
    .unwrap();
    assert_eq!(preview["due"][0]["person_id"], person_id.as_str());
    assert_eq!(preview["due"][0]["rule"], "no-ties");

    let out = tempfile::tempdir().unwrap();
    let file = out.path().join("ennen.kbak");
    invoke(
        &main,
        "backup_create",
        json!({ "out_file": file.display().to_string() }),
    )
    .unwrap();

    // Three years later the app's own schedule refuses to erase anyone: nothing has happened
    // in the register for so long that the clock is suspect. The administrator is told why.
    harness.clock.advance(Duration::days(365 * 3));
    let state = harness.app.state::<AppState>();
    kortisto_app::maintenance::tick(state.inner());
    invoke(
        &main,
        "session_login",
        json!({ "username": "admin", "password": PASSWORD }),
    )
    .unwrap();
    let notices = invoke(&main, "maintenance_notice", json!({})).unwrap();
    assert_eq!(notices[0]["task"], "retention", "{notices}");
    assert_eq!(notices[0]["error"]["code"], "clock_suspect");
    assert_eq!(
        notices[0]["error"]["params"]["reason"],
        "far_past_newest_data"
    );
    assert!(invoke(&main, "person_page", json!({ "person_id": person_id })).is_ok());

    // The administrator checks the clock and confirms it; then Eero is erased.
    let refused = invoke(
        &main,
        "retention_run",
        json!({ "on_progress": "__CHANNEL__:0" }),
    );
    assert_eq!(refused.unwrap_err()["code"], "clock_suspect");
    invoke(
        &main,
        "retention_run",
        json!({ "on_progress": "__CHANNEL__:0", "clock_confirmed": true }),
    )
    .unwrap();
    assert_eq!(
        invoke(&main, "maintenance_notice", json!({})).unwrap(),
        json!([])
    );
    let runs = invoke(&main, "retention_runs", json!({})).unwrap();
    assert_eq!(runs[0]["trigger"], "manual");
    assert_eq!(runs[0]["erased"], 1);
    assert!(invoke(&main, "person_page", json!({ "person_id": person_id })).is_err());

    // Restoring the older backup does not bring him back.
    let report = invoke(
        &main,
        "backup_restore",
        json!({ "file": file.display().to_string() }),
    )
    .unwrap();
    assert_eq!(report["erasures_reapplied"], 1);
    invoke(
        &main,
        "session_login",
        json!({ "username": "admin", "password": PASSWORD }),
    )
    .unwrap();
    assert!(invoke(&main, "person_page", json!({ "person_id": person_id })).is_err());
    assert!(
        invoke(&main, "search", json!({ "query": "entinen", "limit": 5 }))
            .unwrap()
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_conflicts_view_answers_every_role_and_a_restore_of_no_conflict_is_refused_in_words() {
    let harness = Harness::new("conflicts");
    let main = admin_logged_in(&harness);
    // Before a log-in there is nothing to list: the session is checked first.
    invoke(&main, "session_logout", json!({})).unwrap();
    let error = invoke(&main, "sync_conflicts", json!({ "open_only": true })).unwrap_err();
    assert_eq!(error["code"], "not_logged_in", "{error}");
    invoke(
        &main,
        "session_login",
        json!({ "username": "admin", "password": PASSWORD }),
    )
    .unwrap();
    invoke(
        &main,
        "user_add",
        json!({ "new_user": { "username": "myyja", "display_name": "Myyjä", "role": "sales" }, "password": PASSWORD }),
    )
    .unwrap();
    invoke(&main, "session_logout", json!({})).unwrap();
    invoke(
        &main,
        "session_login",
        json!({ "username": "myyja", "password": PASSWORD }),
    )
    .unwrap();

    // A register without a hub has no conflicts; a sales rep may look (and restore).
    for open_only in [true, false] {
        assert_eq!(
            invoke(&main, "sync_conflicts", json!({ "open_only": open_only })).unwrap(),
            json!([])
        );
    }
    let error = invoke(
        &main,
        "sync_conflict_restore",
        json!({ "conflict_id": "ei-ole" }),
    )
    .unwrap_err();
    assert_eq!(error["code"], "record_not_found", "{error}");
    assert!(
        error["message"]["fi"]
            .as_str()
            .is_some_and(|s| !s.is_empty()),
        "{error}"
    );
    assert!(
        error["message"]["en"]
            .as_str()
            .is_some_and(|s| !s.is_empty()),
        "{error}"
    );
}
