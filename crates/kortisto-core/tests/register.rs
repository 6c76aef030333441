//! Creating, opening and recovering a register against the real Secret Service, and each
//! refusal (wrong key, missing key, damaged file, newer schema, unwritable folder) leaving
//! the database file byte-for-byte unchanged.
use crate::common::{all_files, contains, sha256_file, Sandbox};
use kortisto_core::{
    Error, FixedClock, Keychain, RecoveryCode, Register, SystemClock, SCHEMA_VERSION,
};

fn create(sandbox: &Sandbox) -> (String, RecoveryCode) {
    let created = Register::create(&sandbox.data_dir, &sandbox.keychain, &SystemClock).unwrap();
    let id = created.register.register_id().to_string();
    sandbox.track(&id);
    created.register.close().unwrap();
    (id, created.recovery_code)
}

#[test]
fn create_close_reopen_uses_the_key_from_the_real_keychain() {
    let sandbox = Sandbox::new("reopen");
    let clock = FixedClock("2026-11-27T09:30:00Z".parse().unwrap());
    let created = Register::create(&sandbox.data_dir, &sandbox.keychain, &clock).unwrap();
    let id = created.register.register_id().to_string();
    sandbox.track(&id);
    let status = created.register.status().unwrap();
    assert_eq!(status.schema_version, SCHEMA_VERSION);
    assert_eq!(status.created_at, "2026-11-27T09:30:00Z");
    assert_eq!(status.counts.get("registers"), Some(&1));
    created.register.close().unwrap();

    // The key is really in the Secret Service under this test's own service name.
    let stored = sandbox.entry(&id).get_secret().unwrap();
    assert_eq!(stored.len(), 32);

    let reopened = Register::open(&sandbox.data_dir, &sandbox.keychain).unwrap();
    assert_eq!(reopened.register_id(), id);
    assert_eq!(reopened.status().unwrap().register_id, id);
    reopened.close().unwrap();

    // Creating over it is refused and changes nothing.
    let before = sha256_file(&sandbox.data_dir.database_path());
    let again = Register::create(&sandbox.data_dir, &sandbox.keychain, &SystemClock);
    assert!(
        matches!(again, Err(Error::RegisterExists { .. })),
        "{again:?}"
    );
    assert_eq!(sha256_file(&sandbox.data_dir.database_path()), before);
}

#[test]
fn the_database_file_is_encrypted_and_the_key_is_in_no_file() {
    let sandbox = Sandbox::new("encrypted");
    let (id, _code) = create(&sandbox);
    let bytes = std::fs::read(sandbox.data_dir.database_path()).unwrap();
    assert!(!bytes.starts_with(b"SQLite format 3"));
    assert!(
        !contains(&bytes, b"register_info"),
        "schema text readable in the file"
    );

    let key = sandbox.entry(&id).get_secret().unwrap();
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    for (path, content) in all_files(sandbox.data_dir.path()) {
        assert!(!contains(&content, &key), "raw key in {}", path.display());
        assert!(
            !contains(&content, hex.as_bytes()),
            "hex key in {}",
            path.display()
        );
        assert!(
            !contains(
                &content.to_ascii_lowercase(),
                hex.to_ascii_lowercase().as_bytes()
            ),
            "key in {}",
            path.display()
        );
    }
}

#[test]
fn a_wrong_key_is_refused_and_the_file_is_unchanged() {
    let sandbox = Sandbox::new("wrongkey");
    let (id, _code) = create(&sandbox);
    let before = sha256_file(&sandbox.data_dir.database_path());
    sandbox.entry(&id).set_secret(&[7u8; 32]).unwrap();

    let opened = Register::open(&sandbox.data_dir, &sandbox.keychain);
    let error = opened.unwrap_err();
    assert_eq!(error.code(), "wrong_key");
    assert_eq!(sha256_file(&sandbox.data_dir.database_path()), before);
}

#[test]
fn a_missing_key_entry_is_refused_and_the_file_is_unchanged() {
    let sandbox = Sandbox::new("missingkey");
    let (id, _code) = create(&sandbox);
    let before = sha256_file(&sandbox.data_dir.database_path());
    sandbox.keychain.delete(&id).unwrap();

    let error = Register::open(&sandbox.data_dir, &sandbox.keychain).unwrap_err();
    assert_eq!(error.code(), "key_missing");
    assert_eq!(sha256_file(&sandbox.data_dir.database_path()), before);
}

#[test]
fn a_flipped_byte_in_any_page_is_detected_and_the_file_is_unchanged() {
    for offset in [100usize, 4096 + 1000, 4096 * 20 + 500] {
        let sandbox = Sandbox::new("flipped");
        let (_id, _code) = create(&sandbox);
        let path = sandbox.data_dir.database_path();
        let mut bytes = std::fs::read(&path).unwrap();
        assert!(bytes.len() > offset, "the database has a second page");
        bytes[offset] ^= 0x01;
        std::fs::write(&path, &bytes).unwrap();
        let before = sha256_file(&path);

        // Opening reads the schema and identity pages; the full walk finds any other page.
        let error = match Register::open(&sandbox.data_dir, &sandbox.keychain) {
            Err(error) => error,
            Ok(register) => register
                .verify_pages()
                .expect_err(&format!("offset {offset} went undetected")),
        };
        assert_eq!(
            error.code(),
            "database_damaged",
            "offset {offset}: {error:?}"
        );
        assert_eq!(sha256_file(&path), before, "offset {offset}");
    }
}

#[test]
fn a_register_from_a_newer_version_is_refused_and_the_file_is_unchanged() {
    let sandbox = Sandbox::new("newer");
    let (id, _code) = create(&sandbox);
    let path = sandbox.data_dir.database_path();
    {
        // Play the newer Kortisto: open with the real key and raise the schema version.
        let key = sandbox.entry(&id).get_secret().unwrap();
        let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))
            .unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")
            .unwrap();
    }
    let before = sha256_file(&path);
    let error = Register::open(&sandbox.data_dir, &sandbox.keychain).unwrap_err();
    assert!(
        matches!(error, Error::SchemaTooNew { found, supported } if found == SCHEMA_VERSION + 1 && supported == SCHEMA_VERSION),
        "{error:?}"
    );
    assert_eq!(sha256_file(&path), before);
}

#[test]
fn the_recovery_code_brings_a_wiped_key_back() {
    let sandbox = Sandbox::new("recover");
    let (id, code) = create(&sandbox);
    let before = sha256_file(&sandbox.data_dir.database_path());
    sandbox.keychain.delete(&id).unwrap();
    assert_eq!(
        Register::open(&sandbox.data_dir, &sandbox.keychain)
            .unwrap_err()
            .code(),
        "key_missing"
    );

    // Typed in lower case with spaces instead of dashes, as a person might.
    let typed = code.reveal().to_lowercase().replace('-', " ");
    let recovered = Register::recover(
        &sandbox.data_dir,
        &sandbox.keychain,
        &RecoveryCode::parse(&typed),
    )
    .unwrap();
    assert_eq!(recovered.register_id(), id);
    recovered.close().unwrap();

    let reopened = Register::open(&sandbox.data_dir, &sandbox.keychain).unwrap();
    assert_eq!(reopened.status().unwrap().counts.get("registers"), Some(&1));
    reopened.close().unwrap();
    assert!(sandbox.entry(&id).get_secret().is_ok());
    let _ = before;
}

#[test]
fn another_registers_recovery_code_or_a_typo_is_refused() {
    let sandbox = Sandbox::new("recoverwrong");
    let other = Sandbox::new("recoverother");
    let (id, code) = create(&sandbox);
    let (_other_id, other_code) = create(&other);
    sandbox.keychain.delete(&id).unwrap();
    let before = sha256_file(&sandbox.data_dir.database_path());

    let mismatch = Register::recover(&sandbox.data_dir, &sandbox.keychain, &other_code);
    assert_eq!(mismatch.unwrap_err().code(), "recovery_code_mismatch");

    let mut typo: Vec<char> = code.reveal().chars().collect();
    typo[0] = if typo[0] == 'Q' { 'R' } else { 'Q' };
    let typo: String = typo.into_iter().collect();
    let invalid = Register::recover(
        &sandbox.data_dir,
        &sandbox.keychain,
        &RecoveryCode::parse(&typo),
    );
    assert_eq!(invalid.unwrap_err().code(), "recovery_code_invalid");

    // Neither attempt put anything into the keychain or touched the file.
    assert!(matches!(
        sandbox.entry(&id).get_secret(),
        Err(keyring::Error::NoEntry)
    ));
    assert_eq!(sha256_file(&sandbox.data_dir.database_path()), before);
}

#[test]
fn an_unwritable_data_folder_is_refused_and_nothing_is_created() {
    let sandbox = Sandbox::new("unwritable");
    // A folder below a regular file can never be created, even by root.
    let blocker = sandbox.dir.path().join("not-a-folder");
    std::fs::write(&blocker, b"x").unwrap();
    let data_dir = kortisto_core::DataDir::at(blocker.join("register"));
    let error = Register::create(&data_dir, &sandbox.keychain, &SystemClock).unwrap_err();
    assert_eq!(error.code(), "data_dir_not_writable");
    assert_eq!(std::fs::read(&blocker).unwrap(), b"x");
}

#[test]
fn opening_an_empty_folder_says_there_is_no_register() {
    let sandbox = Sandbox::new("empty");
    let error = Register::open(
        &sandbox.data_dir,
        &Keychain::with_service(sandbox.keychain.service()),
    )
    .unwrap_err();
    assert_eq!(error.code(), "register_missing");
}

#[test]
fn every_error_has_a_finnish_and_an_english_sentence() {
    use kortisto_core::Language;
    let errors = [
        Error::KeychainUnavailable { detail: "d".into() },
        Error::KeychainLocked { detail: "d".into() },
        Error::KeyMissing {
            register_id: "r".into(),
        },
        Error::WrongKey {
            register_id: "r".into(),
        },
        Error::DatabaseDamaged { detail: "d".into() },
        Error::SchemaTooNew {
            found: 9,
            supported: 1,
        },
        Error::DataDirNotWritable {
            path: "/x".into(),
            detail: "d".into(),
        },
        Error::RegisterMissing { path: "/x".into() },
        Error::RegisterExists { path: "/x".into() },
        Error::RecoveryCodeInvalid,
        Error::RecoveryCodeMismatch,
        Error::PasswordTooShort { min: 12 },
        Error::UsernameInvalid,
        Error::UsernameTaken {
            username: "u".into(),
        },
        Error::DisplayNameInvalid,
        Error::UnknownRole { given: "x".into() },
        Error::LastAdmin,
        Error::UserNotFound {
            username: "u".into(),
        },
        Error::LoginFailed,
        Error::LoginThrottled {
            retry_after_seconds: 4,
        },
        Error::PermissionDenied { action: "a".into() },
        Error::SessionLocked,
        Error::NotLoggedIn,
        Error::AdminExists,
        Error::DateInvalid { field: "f".into() },
        Error::TextInvalid {
            field: "f".into(),
            max: 9,
        },
        Error::SettingInvalid {
            setting: "s".into(),
            min: 1,
            max: 2,
        },
        Error::PasswordMismatch,
        Error::PasswordPromptUnavailable,
        Error::AuditChainBroken { seq: 3 },
        Error::OutputInsideRegister { path: "p".into() },
        Error::OutputExists { path: "p".into() },
        Error::TextHiddenCharacters { field: "f".into() },
        Error::HubNotSetUp,
        Error::PurposeBasisMissing {
            purpose_id: "p".into(),
        },
        Error::PurposeConsentMissing {
            purpose_id: "p".into(),
        },
        Error::PurposeExists {
            purpose_id: "p".into(),
        },
        Error::TransferBasisMissing,
        Error::HubAlreadySetUp,
        Error::KeyRotateSynced,
        Error::SyncRecordInvalid {
            record_id: "r".into(),
        },
        Error::EnrolmentCodeInvalid,
        Error::HubUnreachable { detail: "d".into() },
        Error::HubUrlInvalid { detail: "d".into() },
        Error::HubTlsRequired,
        Error::HubCredentialsRejected,
        Error::HubSchemaNewer {
            found: 99,
            supported: 1,
        },
        Error::HubSchemaOlder {
            found: 0,
            supported: 1,
        },
        Error::HubNotInitialised,
        Error::HubForeignRegister,
        Error::HubDeviceRevoked,
        Error::HubNotAdminDevice,
        Error::HubDeviceUnknown { name: "n".into() },
        Error::HubDeviceNameTaken { name: "n".into() },
        Error::HubEnrolmentUsed,
        Error::HubFailed { detail: "d".into() },
        Error::OrganisationInUse {
            organisation_id: "o".into(),
            name: "n".into(),
            positions: 1,
            deals: 2,
            meetings: 0,
            other: 0,
        },
        Error::OrganisationMergeInvalid {
            organisation_id: "o".into(),
            rule: "same".into(),
        },
        Error::ImportUnreadable { detail: "d".into() },
        Error::ImportFormatUnknown,
        Error::ImportTooLarge { max_mb: 100 },
        Error::ImportEmpty,
        Error::ImportColumnsUnknown {
            columns: "Asiakas, Henkilö".into(),
        },
        Error::ImportMappingInvalid { line: 3 },
        Error::ImportMappingColumnMissing {
            column: "Sukunimi".into(),
        },
        Error::Storage("d".into()),
    ];
    let mut codes = std::collections::HashSet::new();
    for error in &errors {
        assert!(
            codes.insert(error.code()),
            "duplicate code {}",
            error.code()
        );
        let fi = error.message(Language::Fi);
        let en = error.message(Language::En);
        assert!(fi.len() > 30 && en.len() > 30);
        assert_ne!(fi, en, "{} is not translated", error.code());
    }
}
