//! A register: creating it (key into the keychain, recovery code out once), opening it,
//! recovering its key from the recovery code, and describing it (`status`).
//! Later features hang their entry points off [`Register`].
use std::collections::BTreeMap;
use std::fs;

use rusqlite::Connection;
use serde::Serialize;

use crate::data_dir::Manifest;
use crate::secret::DatabaseKey;
use crate::{store, Clock, DataDir, Error, Keychain, RecoveryCode, Result};

/// Manifest format written by this build.
const MANIFEST_FORMAT: u32 = 1;

/// An open register.
#[derive(Debug)]
pub struct Register {
    data_dir: DataDir,
    keychain: Keychain,
    manifest: Manifest,
    pub(crate) conn: Connection,
}

/// A register that was just created, with the recovery code to show once.
#[derive(Debug)]
pub struct Created {
    /// The open register.
    pub register: Register,
    /// Shown to the person once, then dropped; Kortisto keeps no copy.
    pub recovery_code: RecoveryCode,
}

/// What `kortisto status` and the app's start screen show.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RegisterStatus {
    /// The register's id.
    pub register_id: String,
    /// Schema version recorded in the database.
    pub schema_version: u32,
    /// Which keychain holds the key.
    pub key_backend: &'static str,
    /// The keychain service name the key is filed under.
    pub keychain_service: String,
    /// The data directory.
    pub data_dir: String,
    /// Bytes on disk: database file plus write-ahead log.
    #[ts(type = "number")]
    pub database_bytes: u64,
    /// When the register was created (RFC 3339, UTC).
    pub created_at: String,
    /// Number of records by kind.
    #[ts(type = "Record<string, number>")]
    pub counts: BTreeMap<String, u64>,
}

impl Register {
    /// Creates a register in `data_dir`: a fresh random key goes into the keychain, the
    /// encrypted database is built under a temporary name and renamed into place, and the
    /// manifest is written last. A failure at any step leaves no register and no key behind.
    pub fn create(data_dir: &DataDir, keychain: &Keychain, clock: &dyn Clock) -> Result<Created> {
        if data_dir.has_register() {
            return Err(Error::RegisterExists {
                path: data_dir.path().to_path_buf(),
            });
        }
        data_dir.ensure_writable()?;
        let now = clock.now();
        let register_id = uuid::Uuid::new_v7(uuid::Timestamp::from_unix(
            uuid::NoContext,
            now.timestamp() as u64,
            now.timestamp_subsec_nanos(),
        ))
        .to_string();
        let created_at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let key = DatabaseKey::generate()?;
        keychain.store(&register_id, &key)?;

        let built = build_database(data_dir, &key, &register_id, &created_at);
        if let Err(error) = built {
            let _ = keychain.delete(&register_id);
            return Err(error);
        }
        data_dir.write_manifest(&Manifest {
            format: MANIFEST_FORMAT,
            register_id: register_id.clone(),
            key_check: key.check_value(&register_id),
            created_at,
        })?;
        let recovery_code = RecoveryCode::from_key(&key);
        let register = Self::open(data_dir, keychain)?;
        Ok(Created {
            register,
            recovery_code,
        })
    }

    /// Opens the register in `data_dir` with its key from the keychain.
    pub fn open(data_dir: &DataDir, keychain: &Keychain) -> Result<Self> {
        let manifest = data_dir.read_manifest()?;
        let key = keychain.load(&manifest.register_id)?;
        if key.check_value(&manifest.register_id) != manifest.key_check {
            return Err(Error::WrongKey {
                register_id: manifest.register_id,
            });
        }
        Self::open_with_key(data_dir, keychain, manifest, &key)
    }

    /// Puts the key carried by `code` back into the keychain (a new machine, a wiped
    /// keychain) after proving that it opens this register.
    pub fn recover(data_dir: &DataDir, keychain: &Keychain, code: &RecoveryCode) -> Result<Self> {
        let manifest = data_dir.read_manifest()?;
        let key = code.to_key()?;
        if key.check_value(&manifest.register_id) != manifest.key_check {
            return Err(Error::RecoveryCodeMismatch);
        }
        let register = Self::open_with_key(data_dir, keychain, manifest, &key)?;
        keychain.store(register.register_id(), &key)?;
        Ok(register)
    }

    fn open_with_key(
        data_dir: &DataDir,
        keychain: &Keychain,
        manifest: Manifest,
        key: &DatabaseKey,
    ) -> Result<Self> {
        let database = data_dir.database_path();
        if !database.exists() {
            return Err(Error::DatabaseDamaged {
                detail: "the database file is missing".into(),
            });
        }
        data_dir.ensure_writable()?;
        let conn = store::open(&database, key)?;
        if store::register_id(&conn)? != manifest.register_id {
            return Err(Error::DatabaseDamaged {
                detail: "the database belongs to another register than its manifest".into(),
            });
        }
        Ok(Self {
            data_dir: data_dir.clone(),
            keychain: keychain.clone(),
            manifest,
            conn,
        })
    }

    /// A register over a connection opened elsewhere: only the benchmark's unencrypted twin
    /// ([`crate::bench::PlainTwin`]) is built this way.
    pub(crate) fn from_parts(
        data_dir: &DataDir,
        keychain: Keychain,
        manifest: Manifest,
        conn: Connection,
    ) -> Self {
        Self {
            data_dir: data_dir.clone(),
            keychain,
            manifest,
            conn,
        }
    }

    /// The manifest it was opened with.
    pub(crate) fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The keychain the register's key is in.
    pub(crate) fn keychain_handle(&self) -> &Keychain {
        &self.keychain
    }

    /// The register's id.
    pub fn register_id(&self) -> &str {
        &self.manifest.register_id
    }

    /// The data directory it lives in.
    pub fn data_dir(&self) -> &DataDir {
        &self.data_dir
    }

    /// Identity, schema, key location, size and record counts.
    pub fn status(&self) -> Result<RegisterStatus> {
        let size = |path: std::path::PathBuf| fs::metadata(path).map(|m| m.len()).unwrap_or(0);
        Ok(RegisterStatus {
            register_id: self.manifest.register_id.clone(),
            schema_version: store::schema_version(&self.conn)?,
            key_backend: Keychain::backend_name(),
            keychain_service: self.keychain.service().to_string(),
            data_dir: self.data_dir.path().display().to_string(),
            database_bytes: size(self.data_dir.database_path()) + size(self.data_dir.wal_path()),
            created_at: self.manifest.created_at.clone(),
            counts: store::record_counts(&self.conn)?
                .into_iter()
                .map(|(kind, count)| (kind.to_string(), count))
                .collect(),
        })
    }

    /// Authenticates every page of the database file (SQLCipher's HMAC per page). Opening
    /// checks only the pages it reads; the app runs this once after opening, `kortisto
    /// status` runs it every time, and a backup reads (and so checks) every page anyway.
    pub fn verify_pages(&self) -> Result<()> {
        store::authenticate_pages(&self.conn)
    }

    /// Closes the register after folding the write-ahead log into the database file, so no
    /// page lingers in the WAL.
    pub fn close(self) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        self.conn.close().map_err(|(_, e)| Error::from(e))
    }
}

/// Builds the database under a temporary name and renames it into place; on failure the
/// temporary files are removed.
fn build_database(
    data_dir: &DataDir,
    key: &DatabaseKey,
    register_id: &str,
    created_at: &str,
) -> Result<()> {
    let final_path = data_dir.database_path();
    let temp_path = final_path.with_extension("db.creating");
    // A database without a manifest is a creation that stopped half-way; it never held
    // anything but its own identity, so it is safe to replace.
    for leftover in [&final_path, &temp_path] {
        remove_database_files(leftover);
    }
    let result = (|| {
        let conn = store::create(&temp_path, key)?;
        store::insert_register_info(&conn, register_id, created_at)?;
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        conn.close().map_err(|(_, e)| Error::from(e))?;
        fs::rename(&temp_path, &final_path).map_err(|e| Error::DataDirNotWritable {
            path: data_dir.path().to_path_buf(),
            detail: e.to_string(),
        })
    })();
    if result.is_err() {
        remove_database_files(&temp_path);
    }
    result
}

fn remove_database_files(path: &std::path::Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = fs::remove_file(name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::SystemClock;

    fn contains(haystack: &[u8], needle: &[u8]) -> bool {
        haystack
            .windows(needle.len())
            .any(|window| window == needle)
    }

    /// Every byte under the data directory, WAL and shared-memory files included.
    fn directory_bytes(dir: &std::path::Path) -> Vec<(String, Vec<u8>)> {
        fs::read_dir(dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.is_file())
            .map(|path| (path.display().to_string(), fs::read(&path).unwrap()))
            .collect()
    }

    /// Written through the store's own connection, because no public entry point stores
    /// free text yet; the check covers the WAL while open and the file after close.
    #[test]
    fn a_written_value_never_appears_in_any_file_of_the_data_directory() {
        let dir = tempfile::tempdir().unwrap();
        let data_dir = DataDir::at(dir.path());
        let keychain = Keychain::with_service(format!("kortisto-unit-{}", std::process::id()));
        let created = Register::create(&data_dir, &keychain, &SystemClock).unwrap();
        let register = created.register;
        let marker = format!("Hämäläinen-marker-{}", uuid::Uuid::now_v7());
        register
            .conn
            .execute_batch("CREATE TABLE probe (value TEXT NOT NULL)")
            .unwrap();
        register
            .conn
            .execute("INSERT INTO probe (value) VALUES (?1)", [&marker])
            .unwrap();
        let read_back: String = register
            .conn
            .query_row("SELECT value FROM probe", [], |row| row.get(0))
            .unwrap();
        assert_eq!(read_back, marker);
        assert!(data_dir.wal_path().exists(), "the write sits in the WAL");
        for (path, bytes) in directory_bytes(data_dir.path()) {
            assert!(
                !contains(&bytes, marker.as_bytes()),
                "plaintext in {path} while open"
            );
        }
        let id = register.register_id().to_string();
        register.close().unwrap();
        for (path, bytes) in directory_bytes(data_dir.path()) {
            assert!(
                !contains(&bytes, marker.as_bytes()),
                "plaintext in {path} after close"
            );
            assert!(
                !bytes.starts_with(b"SQLite format 3"),
                "{path} is plain SQLite"
            );
        }
        keychain.delete(&id).unwrap();
    }
}
