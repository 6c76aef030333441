//! Where a register lives on disk: the data directory, its database file and its manifest.
//! The manifest (`register.json`) names the register and holds a key *check value*, never
//! the key, so a wrong key can be told apart from a damaged file without opening either.
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::{Error, Result};

/// Environment variable that overrides the default data directory.
pub const DATA_DIR_ENV: &str = "KORTISTO_DATA_DIR";

const DATABASE_FILE: &str = "kortisto.db";
const MANIFEST_FILE: &str = "register.json";
const PREFERENCES_FILE: &str = "preferences.json";
const LOCK_FILE: &str = "kortisto.lock";

/// A register's data directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    path: PathBuf,
}

/// What `register.json` holds.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub(crate) struct Manifest {
    /// Format marker, so a future layout can be recognised.
    pub format: u32,
    /// The register's id (UUIDv7); also the keychain account name.
    pub register_id: String,
    /// HMAC of the register id under the key (see `DatabaseKey::check_value`).
    pub key_check: String,
    /// When the register was created (RFC 3339, UTC).
    pub created_at: String,
    /// The audit chain's head as last seen, under a MAC keyed from the register key, so that
    /// entries deleted from the end of the trail are noticed (see `audit::Anchor`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audit_head: Option<crate::audit::Anchor>,
    /// The database file's first 16 bytes (SQLCipher's random salt, not secret), so that a
    /// database file from another register is told apart from a damaged one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub database_salt: Option<String>,
}

impl Manifest {
    /// The manifest of a register whose database was just built, restored or repaired: its
    /// identity and key check; the anchor and the salt follow at the first successful open.
    pub(crate) fn fresh(
        register_id: &str,
        key: &crate::secret::DatabaseKey,
        created_at: String,
    ) -> Self {
        Self {
            format: crate::register::MANIFEST_FORMAT,
            register_id: register_id.to_string(),
            key_check: key.check_value(register_id),
            created_at,
            audit_head: None,
            database_salt: None,
        }
    }
}

/// A lock on the data folder, held for as long as a register is open: shared by every
/// process that opens the register, exclusive for the operations that replace its files
/// (restore, repair, rekey). Released when dropped (or when the process dies).
#[derive(Debug)]
pub(crate) struct FolderLock {
    file: fs::File,
}

/// A lock attempt's outcome: someone else holding the folder is `register_busy`.
fn lock_result(attempt: std::result::Result<(), fs::TryLockError>, folder: &Path) -> Result<()> {
    match attempt {
        Ok(()) => Ok(()),
        Err(fs::TryLockError::WouldBlock) => Err(Error::RegisterBusy {
            path: folder.to_path_buf(),
        }),
        Err(fs::TryLockError::Error(e)) => Err(Error::DataDirNotWritable {
            path: folder.to_path_buf(),
            detail: e.to_string(),
        }),
    }
}

impl FolderLock {
    /// Shared to exclusive, refused while anyone else holds the folder.
    pub(crate) fn upgrade(&mut self, folder: &Path) -> Result<()> {
        lock_result(self.file.try_lock(), folder)
    }

    /// Exclusive back to shared.
    pub(crate) fn downgrade(&mut self) {
        let _ = self.file.lock_shared();
    }
}

impl DataDir {
    /// Picks the directory: `explicit` (from `--data-dir`), else `KORTISTO_DATA_DIR`, else the
    /// operating system's per-user application-data directory.
    pub fn resolve(explicit: Option<PathBuf>) -> Result<Self> {
        if let Some(path) = explicit {
            return Ok(Self::at(path));
        }
        if let Some(path) = std::env::var_os(DATA_DIR_ENV).filter(|p| !p.is_empty()) {
            return Ok(Self::at(PathBuf::from(path)));
        }
        let dirs =
            directories::ProjectDirs::from("fi", "Kortisto", "Kortisto").ok_or_else(|| {
                Error::DataDirNotWritable {
                    path: PathBuf::from("~"),
                    detail: "the operating system reports no home directory".into(),
                }
            })?;
        Ok(Self::at(dirs.data_dir().to_path_buf()))
    }

    /// A data directory at an explicit path.
    pub fn at(path: impl Into<PathBuf>) -> Self {
        Self { path: path.into() }
    }

    /// The directory itself.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The SQLCipher database file.
    pub fn database_path(&self) -> PathBuf {
        self.path.join(DATABASE_FILE)
    }

    /// The database's write-ahead log.
    pub fn wal_path(&self) -> PathBuf {
        self.path.join(format!("{DATABASE_FILE}-wal"))
    }

    /// The register manifest.
    pub(crate) fn manifest_path(&self) -> PathBuf {
        self.path.join(MANIFEST_FILE)
    }

    /// The front ends' preferences (language); holds no personal data.
    pub fn preferences_path(&self) -> PathBuf {
        self.path.join(PREFERENCES_FILE)
    }

    /// Whether a register has been created here (its manifest exists).
    pub fn has_register(&self) -> bool {
        self.manifest_path().exists()
    }

    /// Whether a database file is here, with or without its manifest. A database without a
    /// manifest is never replaced: it is repaired (`Register::repair`).
    pub fn has_database(&self) -> bool {
        self.database_path().exists()
    }

    /// Whether the folder holds nothing of a register: no manifest and no database. Only
    /// then may a register be created or restored into it.
    pub fn is_free_for_register(&self) -> bool {
        !self.has_register() && !self.has_database()
    }

    fn lock_file(&self) -> Result<fs::File> {
        fs::create_dir_all(&self.path).map_err(|e| Error::DataDirNotWritable {
            path: self.path.clone(),
            detail: e.to_string(),
        })?;
        fs::OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(self.path.join(LOCK_FILE))
            .map_err(|e| Error::DataDirNotWritable {
                path: self.path.clone(),
                detail: e.to_string(),
            })
    }

    /// The lock every open register holds; refused while a restore, repair or rekey runs.
    pub(crate) fn lock_shared(&self) -> Result<FolderLock> {
        let file = self.lock_file()?;
        lock_result(file.try_lock_shared(), &self.path)?;
        Ok(FolderLock { file })
    }

    /// The lock that replacing the register's files needs: refused while any other process
    /// (or another open register in this one) has the register open.
    pub(crate) fn lock_exclusive(&self) -> Result<FolderLock> {
        let file = self.lock_file()?;
        lock_result(file.try_lock(), &self.path)?;
        Ok(FolderLock { file })
    }

    /// The database file's salt (its first 16 bytes, hex), if the file can be read. Never
    /// while this process has a connection to the file open: closing the descriptor read
    /// here drops every POSIX lock the process holds on the file, SQLite's too.
    pub(crate) fn database_salt(&self) -> Option<String> {
        use std::io::Read;
        let mut salt = [0u8; 16];
        fs::File::open(self.database_path())
            .and_then(|mut file| file.read_exact(&mut salt))
            .ok()?;
        Some(data_encoding::HEXLOWER.encode(&salt))
    }

    /// Creates the directory if needed and proves it is writable with a probe file.
    pub fn ensure_writable(&self) -> Result<()> {
        let not_writable = |e: std::io::Error| Error::DataDirNotWritable {
            path: self.path.clone(),
            detail: e.to_string(),
        };
        fs::create_dir_all(&self.path).map_err(not_writable)?;
        let probe = self.path.join(".kortisto-write-probe");
        fs::write(&probe, b"probe").map_err(not_writable)?;
        fs::remove_file(&probe).map_err(not_writable)
    }

    pub(crate) fn read_manifest(&self) -> Result<Manifest> {
        let path = self.manifest_path();
        let text = match fs::read_to_string(&path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(Error::RegisterMissing {
                    path: self.path.clone(),
                })
            }
            Err(e) => {
                return Err(Error::DatabaseDamaged {
                    detail: format!("{MANIFEST_FILE} cannot be read: {e}"),
                })
            }
        };
        serde_json::from_str(&text).map_err(|e| Error::DatabaseDamaged {
            detail: format!("{MANIFEST_FILE} is not valid: {e}"),
        })
    }

    pub(crate) fn write_manifest(&self, manifest: &Manifest) -> Result<()> {
        let text =
            serde_json::to_string_pretty(manifest).map_err(|e| Error::Storage(e.to_string()))?;
        write_atomically(&self.manifest_path(), text.as_bytes()).map_err(|e| {
            Error::DataDirNotWritable {
                path: self.path.clone(),
                detail: e.to_string(),
            }
        })
    }
}

/// Writes through a temporary file of its own (two processes may write at once) and a
/// rename, so a crash leaves the old file or the new one, never half of either.
pub(crate) fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let folder = path.parent().unwrap_or_else(|| Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(folder)?;
    file.write_all(bytes)?;
    file.as_file().sync_all()?;
    file.persist(path).map_err(|e| e.error)?;
    if let Ok(dir) = fs::File::open(folder) {
        let _ = dir.sync_all();
    }
    Ok(())
}
