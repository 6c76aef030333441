//! Shared set-up for the core's integration tests: temp data dirs, a keychain service name
//! of the test's own in the real Secret Service, and file fingerprints.
#![allow(dead_code)]

pub mod postgres;

use std::path::Path;

use kortisto_core::{DataDir, Keychain};
use sha2::{Digest, Sha256};

/// A register's temp folder and its own keychain service (removed from the keychain on drop).
pub struct Sandbox {
    pub dir: tempfile::TempDir,
    pub data_dir: DataDir,
    pub keychain: Keychain,
    pub registers: std::cell::RefCell<Vec<String>>,
}

impl Sandbox {
    pub fn new(name: &str) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let data_dir = DataDir::at(dir.path().join("register"));
        let keychain = Keychain::with_service(format!(
            "kortisto-test-{}-{}-{name}",
            std::process::id(),
            nanos()
        ));
        Self {
            dir,
            data_dir,
            keychain,
            registers: Default::default(),
        }
    }

    /// Remembers a register id so its keychain entry is removed at the end.
    pub fn track(&self, register_id: &str) {
        self.registers.borrow_mut().push(register_id.to_string());
    }

    /// The raw keychain entry of a register, straight from the Secret Service.
    pub fn entry(&self, register_id: &str) -> keyring::Entry {
        keyring::Entry::new(self.keychain.service(), register_id).unwrap()
    }
}

impl Drop for Sandbox {
    fn drop(&mut self) {
        for id in self.registers.borrow().iter() {
            let _ = self.keychain.delete(id);
        }
    }
}

fn nanos() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
}

pub fn sha256_file(path: &Path) -> String {
    let bytes = std::fs::read(path).unwrap();
    format!("{:x}", Sha256::digest(bytes))
}

/// Every byte of every file under `dir`, file by file.
pub fn all_files(dir: &Path) -> Vec<(std::path::PathBuf, Vec<u8>)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            found.extend(all_files(&path));
        } else {
            found.push((path.clone(), std::fs::read(&path).unwrap()));
        }
    }
    found
}

pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle)
}

/// A second, raw connection to a register's database with its real key — the "attacker
/// with the key" who edits rows behind Kortisto's back, or a reader of decrypted pages.
pub fn raw_connection(sandbox: &Sandbox, register_id: &str) -> rusqlite::Connection {
    let key = sandbox.entry(register_id).get_secret().unwrap();
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    let conn = rusqlite::Connection::open(sandbox.data_dir.database_path()).unwrap();
    conn.execute_batch(&format!("PRAGMA key = \"x'{hex}'\";"))
        .unwrap();
    conn
}

/// An open register with a first administrator logged in.
pub fn register_with_admin(
    sandbox: &Sandbox,
    clock: &dyn kortisto_core::Clock,
) -> (kortisto_core::Register, kortisto_core::auth::Session) {
    let created =
        kortisto_core::Register::create(&sandbox.data_dir, &sandbox.keychain, clock).unwrap();
    let mut register = created.register;
    sandbox.track(register.register_id());
    let admin = register
        .create_first_admin("admin", "Admin Ylläpitäjä", &password(), clock)
        .unwrap();
    (register, admin)
}

/// A password that passes the length rule.
pub fn password() -> kortisto_core::auth::Password {
    kortisto_core::auth::Password::new("correct horse battery staple")
}

pub fn at(text: &str) -> kortisto_core::FixedClock {
    kortisto_core::FixedClock(text.parse().unwrap())
}

/// Decrypts every page of a SQLCipher 4 file (AES-256-CBC, raw key, 4096-byte pages with an
/// 80-byte reserve: 16-byte IV then 64-byte HMAC) so the test can search free pages too.
pub fn decrypted_pages(bytes: &[u8], key: &[u8]) -> Vec<u8> {
    use aes::cipher::{BlockDecryptMut, KeyIvInit};
    type Decryptor = cbc::Decryptor<aes::Aes256>;
    const PAGE: usize = 4096;
    const RESERVE: usize = 80;
    let mut plain = Vec::with_capacity(bytes.len());
    for (index, page) in bytes.chunks(PAGE).enumerate() {
        if page.len() < PAGE {
            break;
        }
        let start = if index == 0 { 16 } else { 0 };
        let iv = &page[PAGE - RESERVE..PAGE - RESERVE + 16];
        let mut data = page[start..PAGE - RESERVE].to_vec();
        let decryptor = Decryptor::new_from_slices(key, iv).unwrap();
        decryptor
            .decrypt_padded_mut::<aes::cipher::block_padding::NoPadding>(&mut data)
            .unwrap();
        plain.extend_from_slice(&data);
    }
    plain
}

/// How [`tamper_audit`] breaks the audit trail behind Kortisto's back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuditTamper {
    /// Change the action of entry `seq`.
    Alter,
    /// Remove entry `seq`.
    Delete,
    /// Swap entries `seq` and `seq + 1`.
    Reorder,
}

/// Tampers with audit entry `seq` through a raw connection with the real key (dropping the
/// append-only triggers first, as an attacker would) and returns the first entry that
/// `audit_verify` must then name.
pub fn tamper_audit(raw: &rusqlite::Connection, how: AuditTamper, seq: i64) -> i64 {
    drop_audit_guards(raw, seq);
    match how {
        AuditTamper::Alter => {
            raw.execute(
                "UPDATE audit_events SET action = 'logout' WHERE seq = ?1",
                [seq],
            )
            .unwrap();
            seq
        }
        AuditTamper::Delete => {
            raw.execute("DELETE FROM audit_events WHERE seq = ?1", [seq])
                .unwrap();
            seq + 1
        }
        AuditTamper::Reorder => {
            raw.execute_batch(&format!(
                "UPDATE audit_events SET seq = 1000000 WHERE seq = {seq};
                 UPDATE audit_events SET seq = {seq} WHERE seq = {seq} + 1;
                 UPDATE audit_events SET seq = {seq} + 1 WHERE seq = 1000000;"
            ))
            .unwrap();
            seq
        }
    }
}

/// Drops the append-only triggers of the audit trail, after checking that they refuse a
/// deletion of entry `seq` while they stand.
pub fn drop_audit_guards(raw: &rusqlite::Connection, seq: i64) {
    assert!(raw
        .execute("DELETE FROM audit_events WHERE seq = ?1", [seq])
        .is_err());
    raw.execute_batch(
        "DROP TRIGGER IF EXISTS audit_events_append_only_update;
         DROP TRIGGER IF EXISTS audit_events_append_only_delete;",
    )
    .unwrap();
}
