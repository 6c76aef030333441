//! Tampering: audit entries edited, deleted or reordered behind Kortisto's back, a manifest
//! (`register.json`) swapped for another register's, and another register's database put
//! under this manifest. Each is detected and refused with an error code, and the refusal
//! changes no file. A truncated audit tail is not covered here: that needs the audit anchor
//! kept outside the database (issue #10, item 8).
use std::path::Path;

use kortisto_core::{DataDir, Keychain, Register};

use crate::common::{
    at, drop_audit_guards, raw_connection, register_with_admin, sha256_file, tamper_audit,
    AuditTamper, Sandbox,
};

#[test]
fn every_edited_deleted_or_reordered_audit_entry_is_named_by_audit_verify() {
    let clock = at("2026-11-27T10:00:00Z");
    let mut checked = 0;
    // The first entry, one in the middle and the last one that has a successor.
    for seq in [1, 4, 7] {
        for tamper in [
            AuditTamper::Alter,
            AuditTamper::Delete,
            AuditTamper::Reorder,
        ] {
            let sandbox = Sandbox::new("tamper-audit");
            let (mut register, admin) = register_with_admin(&sandbox, &clock);
            for minutes in 10..17 {
                register
                    .idle_lock_minutes_set(&admin, minutes, &clock)
                    .unwrap();
            }
            let intact = register.audit_verify(&admin).unwrap();
            assert!(intact.intact && intact.entries >= 8, "{intact:?}");
            let raw = raw_connection(&sandbox, register.register_id());
            let expected = tamper_audit(&raw, tamper, seq);
            let broken = register.audit_verify(&admin).unwrap();
            assert!(!broken.intact, "{tamper:?} {seq}: {broken:?}");
            assert_eq!(broken.first_broken_seq, Some(expected), "{tamper:?} {seq}");
            let problem = if tamper == AuditTamper::Alter {
                "altered"
            } else {
                "link"
            };
            assert_eq!(broken.problem.as_deref(), Some(problem), "{tamper:?} {seq}");
            checked += 1;
        }
    }
    // Every field of an entry is covered by its hash.
    for column in [
        "event_id",
        "at",
        "user_id",
        "action",
        "record_kind",
        "record_id",
        "prev_hash",
        "hash",
    ] {
        let sandbox = Sandbox::new("tamper-field");
        let (mut register, admin) = register_with_admin(&sandbox, &clock);
        register.idle_lock_minutes_set(&admin, 20, &clock).unwrap();
        register.idle_lock_minutes_set(&admin, 21, &clock).unwrap();
        let raw = raw_connection(&sandbox, register.register_id());
        drop_audit_guards(&raw, 2);
        raw.execute(
            &format!(
                "UPDATE audit_events SET {column} = coalesce({column}, '') || 'x' WHERE seq = 2"
            ),
            [],
        )
        .unwrap();
        let broken = register.audit_verify(&admin).unwrap();
        assert_eq!(broken.first_broken_seq, Some(2), "{column}: {broken:?}");
        checked += 1;
    }
    println!("tamper audit: {checked} edits, deletions and reorderings, each named");
}

/// Copies `from` (a file of another data folder) over the same file in `to`.
fn copy_over(from: &DataDir, to: &DataDir, name: &str) {
    std::fs::copy(from.path().join(name), to.path().join(name)).unwrap();
}

fn open_code(data_dir: &DataDir, keychain: &Keychain) -> String {
    Register::open(data_dir, keychain)
        .map(|_| "opened".to_string())
        .unwrap_or_else(|e| e.code().to_string())
}

/// A closed register with an administrator, in `data_dir` under `keychain`.
fn closed_register(sandbox: &Sandbox, data_dir: &DataDir, keychain: &Keychain) -> String {
    let created = Register::create(data_dir, keychain, &at("2026-11-27T10:00:00Z")).unwrap();
    let id = created.register.register_id().to_string();
    sandbox.track(&id);
    created.register.close().unwrap();
    id
}

fn files(path: &Path) -> Vec<(String, String)> {
    let mut found: Vec<(String, String)> = std::fs::read_dir(path)
        .unwrap()
        .map(|e| e.unwrap().path())
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().to_string(),
                sha256_file(&p),
            )
        })
        .collect();
    found.sort();
    found
}

#[test]
fn a_swapped_manifest_or_a_foreign_database_is_refused_and_nothing_is_written() {
    let sandbox = Sandbox::new("tamper-files");
    let clock = at("2026-11-27T10:00:00Z");
    let (register, _admin) = register_with_admin(&sandbox, &clock);
    register.close().unwrap();
    let ours = &sandbox.data_dir;
    let saved = DataDir::at(sandbox.dir.path().join("saved"));
    std::fs::create_dir_all(saved.path()).unwrap();
    copy_over(ours, &saved, "register.json");
    copy_over(ours, &saved, "kortisto.db");
    // Another register whose key is in the same keychain (two registers on one machine) …
    let neighbour = DataDir::at(sandbox.dir.path().join("neighbour"));
    closed_register(&sandbox, &neighbour, &sandbox.keychain);
    // … and one from another machine, whose key this keychain does not hold.
    let elsewhere_sandbox = Sandbox::new("tamper-elsewhere");
    let elsewhere = DataDir::at(elsewhere_sandbox.dir.path().join("elsewhere"));
    closed_register(&elsewhere_sandbox, &elsewhere, &elsewhere_sandbox.keychain);

    let restore = || {
        copy_over(&saved, ours, "register.json");
        copy_over(&saved, ours, "kortisto.db");
    };
    let cases: [(&str, &DataDir, &str, &str); 4] = [
        (
            "manifest of a register on this machine",
            &neighbour,
            "register.json",
            "manifest_foreign",
        ),
        (
            "manifest of a register on another machine",
            &elsewhere,
            "register.json",
            "manifest_foreign",
        ),
        (
            "database of a register on this machine",
            &neighbour,
            "kortisto.db",
            "database_foreign",
        ),
        (
            "database of a register on another machine",
            &elsewhere,
            "kortisto.db",
            "database_foreign",
        ),
    ];
    for (what, from, name, code) in cases {
        copy_over(from, ours, name);
        let before = files(ours.path());
        assert_eq!(open_code(ours, &sandbox.keychain), code, "{what}");
        assert_eq!(
            files(ours.path()),
            before,
            "{what}: a refused open wrote a file"
        );
        restore();
        assert_eq!(
            open_code(ours, &sandbox.keychain),
            "opened",
            "{what}: restored"
        );
        println!("tamper: {what} refused with {code}");
    }

    // A manifest whose key check was edited: the key in the keychain is not this register's.
    let text = std::fs::read_to_string(ours.path().join("register.json")).unwrap();
    let mut manifest: serde_json::Value = serde_json::from_str(&text).unwrap();
    manifest["key_check"] = serde_json::Value::String("0".repeat(64));
    std::fs::write(ours.path().join("register.json"), manifest.to_string()).unwrap();
    assert_eq!(open_code(ours, &sandbox.keychain), "wrong_key");
    restore();
    assert_eq!(open_code(ours, &sandbox.keychain), "opened");
    println!("tamper: edited key check refused with wrong_key");
}
