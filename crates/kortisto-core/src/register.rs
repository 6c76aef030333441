//! A register: creating it (key into the keychain, recovery code out once), opening it,
//! recovering its key from the recovery code, repairing a lost manifest, and describing it
//! (`status`). Later features hang their entry points off [`Register`].
//!
//! An existing database file is never removed or replaced here: creating a register where a
//! database already is is refused (`manifest_missing`), and [`Register::repair`] rebuilds the
//! manifest around the database instead.
use std::collections::BTreeMap;
use std::fs;

use rusqlite::Connection;
use serde::Serialize;

use crate::audit::{self, AnchorCheck};
use crate::data_dir::{FolderLock, Manifest};
use crate::secret::DatabaseKey;
use crate::{store, Clock, DataDir, Error, Keychain, RecoveryCode, Result};

/// Manifest format written by this build.
pub(crate) const MANIFEST_FORMAT: u32 = 1;

/// An open register.
#[derive(Debug)]
pub struct Register {
    data_dir: DataDir,
    keychain: Keychain,
    manifest: Manifest,
    pub(crate) conn: Connection,
    /// Keys the audit anchor's MAC (see `audit.rs`).
    anchor_key: zeroize::Zeroizing<[u8; 32]>,
    /// Seals and tags this register's sync records (see `sync.rs`), derived at opening
    /// like the anchor key, so a sync needs no keychain call of its own.
    sync_keys: crate::sync::SyncKeys,
    /// What the audit anchor said when the register was opened.
    anchor_at_open: AnchorCheck,
    /// The shared lock on the data folder (none for the benchmark's plain twin).
    lock: Option<FolderLock>,
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
    /// What the audit anchor kept outside the database said at opening: `ok`, `truncated`
    /// (entries were removed from the end of the audit trail), `anchor_invalid` or
    /// `anchor_missing`.
    pub audit_tail: String,
}

impl Register {
    /// Creates a register in `data_dir`: a fresh random key goes into the keychain, the
    /// encrypted database is built under a temporary name and renamed into place, and the
    /// manifest is written last. A failure at any step leaves no register and no key behind.
    pub fn create(data_dir: &DataDir, keychain: &Keychain, clock: &dyn Clock) -> Result<Created> {
        let now = clock.now();
        let register_id = uuid::Uuid::new_v7(uuid::Timestamp::from_unix(
            uuid::NoContext,
            now.timestamp() as u64,
            now.timestamp_subsec_nanos(),
        ))
        .to_string();
        let key = DatabaseKey::generate()?;
        let register = Self::create_with_key(data_dir, keychain, &register_id, &key, clock)?;
        Ok(Created {
            register,
            recovery_code: RecoveryCode::from_key(&key),
        })
    }

    /// Creates an empty register with a given id and key: a new one, or this machine's copy
    /// of a team register that it is joining (see `sync.rs`).
    pub(crate) fn create_with_key(
        data_dir: &DataDir,
        keychain: &Keychain,
        register_id: &str,
        key: &DatabaseKey,
        clock: &dyn Clock,
    ) -> Result<Self> {
        refuse_unless_free(data_dir)?;
        data_dir.ensure_writable()?;
        let lock = data_dir.lock_exclusive()?;
        refuse_unless_free(data_dir)?;
        let created_at = clock
            .now()
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        keychain.store(register_id, key)?;

        let built = build_database(data_dir, key, register_id, &created_at);
        if let Err(error) = built {
            let _ = keychain.delete(register_id);
            return Err(error);
        }
        data_dir.write_manifest(&Manifest::fresh(register_id, key, created_at))?;
        keychain.remember_folder(data_dir, register_id);
        drop(lock);
        Self::open(data_dir, keychain)
    }

    /// Opens the register in `data_dir` with its key from the keychain. A key rotation that
    /// stopped half-way (see [`Register::key_rotate`]) is finished here first.
    pub fn open(data_dir: &DataDir, keychain: &Keychain) -> Result<Self> {
        match Self::open_with_keychain_key(data_dir, keychain) {
            Err(error @ (Error::DatabaseDamaged { .. } | Error::WrongKey { .. })) => {
                match Self::finish_rotation(data_dir, keychain) {
                    Ok(Some(register)) => Ok(register),
                    _ => Err(diagnose_mismatch(data_dir, keychain, error)),
                }
            }
            Err(error @ Error::KeyMissing { .. }) => {
                Err(diagnose_mismatch(data_dir, keychain, error))
            }
            other => other,
        }
    }

    fn open_with_keychain_key(data_dir: &DataDir, keychain: &Keychain) -> Result<Self> {
        let manifest = read_manifest(data_dir)?;
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
        let manifest = read_manifest(data_dir)?;
        let key = code.to_key()?;
        if key.check_value(&manifest.register_id) != manifest.key_check {
            return Err(Error::RecoveryCodeMismatch);
        }
        let register = Self::open_with_key(data_dir, keychain, manifest, &key)?;
        keychain.store(register.register_id(), &key)?;
        keychain.remember_folder(data_dir, register.register_id());
        Ok(register)
    }

    /// Rebuilds a lost manifest around the database that is still in `data_dir`. The key
    /// comes from the keychain (the register this folder was last opened with there), or
    /// from `code` when the keychain has none; either way it must open the database and the
    /// database's own `register_info` names the register. The database is only read; on any
    /// refusal nothing in the folder changes.
    pub fn repair(
        data_dir: &DataDir,
        keychain: &Keychain,
        code: Option<&RecoveryCode>,
        clock: &dyn Clock,
    ) -> Result<Self> {
        let impossible = |reason: &str| Error::RepairImpossible {
            reason: reason.to_string(),
        };
        if data_dir.has_register() {
            return Err(impossible("nothing_to_repair"));
        }
        if !data_dir.has_database() {
            return Err(impossible("no_database"));
        }
        let lock = data_dir.lock_exclusive()?;
        let (key, expected_id) = match code {
            Some(code) => (code.to_key()?, None),
            None => {
                let id = keychain
                    .recall_folder(data_dir)
                    .ok_or_else(|| impossible("key_not_found"))?;
                let key = keychain.load(&id).map_err(|error| match error {
                    Error::KeyMissing { .. } | Error::WrongKey { .. } => {
                        impossible("key_not_found")
                    }
                    other => other,
                })?;
                (key, Some(id))
            }
        };
        let (register_id, created_at) = {
            let conn = store::open_read_only(&data_dir.database_path(), &key).map_err(|error| {
                match (error, code.is_some()) {
                    (Error::DatabaseDamaged { .. }, true) => Error::RecoveryCodeMismatch,
                    (Error::DatabaseDamaged { .. }, false) => impossible("key_not_found"),
                    (other, _) => other,
                }
            })?;
            let identity = store::register_identity(&conn)?;
            drop(conn);
            identity
        };
        if expected_id.as_deref().is_some_and(|id| id != register_id) {
            return Err(impossible("other_register"));
        }
        data_dir.write_manifest(&Manifest::fresh(&register_id, &key, created_at))?;
        if code.is_some() {
            keychain.store(&register_id, &key)?;
        }
        keychain.remember_folder(data_dir, &register_id);
        drop(lock);
        let mut register = Self::open(data_dir, keychain)?;
        // The anchor starts again from the repaired database's head; the repair is audited.
        register.record_event(None, audit::Event::RegisterRepaired, clock)?;
        register.restart_anchor()?;
        Ok(register)
    }

    /// Rotates the register key (admin): a new random key, the database copied under it into
    /// a new file that replaces the old one, the key into the keychain, a new recovery code
    /// returned to be shown once. The old recovery code no longer opens the register; backups
    /// made before the rotation stay sealed under the old key and still need the old code.
    ///
    /// The new key is filed in the keychain under a pending entry before the file is
    /// replaced, so a crash at any step leaves either the old register with the old key, or
    /// the new file whose key [`Register::open`] finds under the pending entry and files.
    ///
    /// A register that syncs through a hub is refused ([`Error::KeyRotateSynced`]): every
    /// device derives the sync key from this key.
    pub fn key_rotate(
        &mut self,
        session: &crate::auth::Session,
        clock: &dyn Clock,
    ) -> Result<RecoveryCode> {
        self.authorize(session, crate::auth::Action::KeyRotate)?;
        if store::sync::is_set_up(&self.conn)? {
            return Err(Error::KeyRotateSynced);
        }
        self.lock_exclusively()?;
        let rotated = self.rotate_locked(session, clock);
        self.unlock_exclusively();
        rotated
    }

    fn rotate_locked(
        &mut self,
        session: &crate::auth::Session,
        clock: &dyn Clock,
    ) -> Result<RecoveryCode> {
        let register_id = self.register_id().to_string();
        let new_key = DatabaseKey::generate()?;
        let pending = pending_account(&register_id);
        self.keychain.store(&pending, &new_key)?;
        let copy = self.data_dir.path().join("rekey-in-progress.db");
        remove_database_files(&copy, DATABASE_FILES);
        self.write(Some(session), crate::auth::Action::KeyRotate, clock, |_| {
            Ok(((), audit::Audited::register()))
        })?;
        let copied = (|| {
            let mut target = store::create_snapshot_target(&copy, &new_key)?;
            {
                let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
                backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
            }
            target.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
            target.close().map_err(|(_, e)| Error::from(e))?;
            let check = store::open_read_only(&copy, &new_key)?;
            if store::register_id(&check)? != register_id {
                return Err(Error::Storage("the re-keyed copy lost its identity".into()));
            }
            Ok(())
        })();
        if let Err(error) = copied {
            remove_database_files(&copy, DATABASE_FILES);
            let _ = self.keychain.delete(&pending);
            return Err(error);
        }
        self.replace_database_file(&copy)?;
        complete_rotation(&self.data_dir, &self.keychain, &register_id, &new_key)?;
        self.reopen()?;
        self.restart_anchor()?;
        Ok(RecoveryCode::from_key(&new_key))
    }

    /// Closes the live connection (its WAL folded in first) and moves `replacement` over the
    /// database file. Call with the folder locked exclusively, then [`Self::reopen`].
    pub(crate) fn replace_database_file(&mut self, replacement: &std::path::Path) -> Result<()> {
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        let live_conn = std::mem::replace(&mut self.conn, Connection::open_in_memory()?);
        live_conn.close().map_err(|(_, e)| Error::from(e))?;
        let live = self.data_dir.database_path();
        remove_database_files(&live, &["-wal", "-shm"]);
        fs::rename(replacement, &live).map_err(|e| Error::DataDirNotWritable {
            path: self.data_dir.path().to_path_buf(),
            detail: e.to_string(),
        })
    }

    /// Opens the register again after its file was replaced. Back to the shared lock first,
    /// so the reopened register can share the folder; the old lock goes with the old value.
    pub(crate) fn reopen(&mut self) -> Result<()> {
        let data_dir = self.data_dir.clone();
        let keychain = self.keychain.clone();
        self.unlock_exclusively();
        *self = Register::open(&data_dir, &keychain)?;
        Ok(())
    }

    /// Finishes a rotation that stopped after the file was replaced: the pending key opens
    /// the database, so it becomes the register's key.
    fn finish_rotation(data_dir: &DataDir, keychain: &Keychain) -> Result<Option<Self>> {
        let manifest = read_manifest(data_dir)?;
        let key = match keychain.load(&pending_account(&manifest.register_id)) {
            Ok(key) => key,
            Err(_) => return Ok(None),
        };
        let opens = store::open_read_only(&data_dir.database_path(), &key)
            .and_then(|conn| store::register_id(&conn))
            .is_ok_and(|id| id == manifest.register_id);
        if !opens {
            return Ok(None);
        }
        {
            let _lock = data_dir.lock_exclusive()?;
            complete_rotation(data_dir, keychain, &manifest.register_id, &key)?;
        }
        let mut register = Self::open_with_keychain_key(data_dir, keychain)?;
        register.restart_anchor()?;
        Ok(Some(register))
    }

    /// Opens `data_dir`'s database with a key already checked against `manifest`; the folder
    /// stays share-locked for as long as the register is open.
    pub(crate) fn open_with_key(
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
        let lock = data_dir.lock_shared()?;
        // Read before the connection opens: closing any other descriptor of the database
        // file drops this process's POSIX locks on it, SQLite's included, and another
        // process closing the register would then think itself the last one and remove the
        // WAL index this connection still uses ("database disk image is malformed").
        let salt = data_dir.database_salt();
        let conn = store::open(&database, key)?;
        if store::register_id(&conn)? != manifest.register_id {
            return Err(Error::DatabaseDamaged {
                detail: "the database belongs to another register than its manifest".into(),
            });
        }
        let anchor_key = audit::anchor_key(key);
        let sync_keys = crate::sync::SyncKeys::derive(key, &manifest.register_id);
        let anchor_at_open = audit::check_anchor(
            &conn,
            &anchor_key,
            &manifest.register_id,
            manifest.audit_head.as_ref(),
        )?;
        let mut register = Self {
            data_dir: data_dir.clone(),
            keychain: keychain.clone(),
            manifest,
            conn,
            anchor_key,
            sync_keys,
            anchor_at_open,
            lock: Some(lock),
        };
        if salt.is_some() && register.manifest.database_salt != salt {
            // The file was created or replaced by Kortisto (create, restore, repair, key
            // rotation): record its salt, which only a successful open can vouch for.
            let manifest = Manifest {
                database_salt: salt,
                ..register.manifest.clone()
            };
            data_dir.write_manifest(&manifest)?;
            register.manifest = manifest;
        }
        if anchor_at_open == AnchorCheck::Missing && !store::audit::anchored(&register.conn)? {
            // A register from before anchors: anchor it from now on (trust on first use).
            register.write_anchor(false)?;
            register.anchor_at_open = AnchorCheck::Holds;
        }
        Ok(register)
    }

    /// Moves the audit anchor in the manifest to the trail's current head. A stored anchor
    /// that the trail no longer holds, or that is missing although the database says it was
    /// anchored, is kept as evidence, never overwritten.
    pub fn anchor_audit_head(&mut self) -> Result<()> {
        self.write_anchor(false)
    }

    /// Anchors the trail afresh after a repair or a disaster restore, where the manifest is
    /// new by design.
    pub(crate) fn restart_anchor(&mut self) -> Result<()> {
        self.write_anchor(true)?;
        self.anchor_at_open = AnchorCheck::Holds;
        Ok(())
    }

    fn write_anchor(&mut self, restart: bool) -> Result<()> {
        let on_disk = self.data_dir.read_manifest()?;
        let stored = audit::check_anchor(
            &self.conn,
            &self.anchor_key,
            self.register_id(),
            on_disk.audit_head.as_ref(),
        )?;
        let evidence = match stored {
            AnchorCheck::Forged | AnchorCheck::Truncated => true,
            AnchorCheck::Missing => store::audit::anchored(&self.conn)?,
            AnchorCheck::Holds => false,
        };
        if evidence && !restart {
            return Ok(());
        }
        let head = audit::current_anchor(&self.conn, &self.anchor_key, self.register_id())?;
        if head.is_none() || head == on_disk.audit_head {
            return Ok(());
        }
        if on_disk.register_id != self.manifest.register_id
            || on_disk.key_check != self.manifest.key_check
        {
            return Ok(());
        }
        let manifest = Manifest {
            audit_head: head,
            ..on_disk
        };
        self.data_dir.write_manifest(&manifest)?;
        self.manifest = manifest;
        store::audit::mark_anchored(&self.conn)?;
        Ok(())
    }

    /// The key that opens this register's anchor.
    pub(crate) fn anchor_key(&self) -> &[u8; 32] {
        &self.anchor_key
    }

    /// The keys that seal this register's sync records.
    pub(crate) fn sync_keys(&self) -> &crate::sync::SyncKeys {
        &self.sync_keys
    }

    /// Takes the data folder's lock exclusively for an operation that replaces the
    /// register's files; refused while any other process or window has it open.
    pub(crate) fn lock_exclusively(&mut self) -> Result<()> {
        match self.lock.as_mut() {
            Some(lock) => lock.upgrade(self.data_dir.path()),
            None => Ok(()),
        }
    }

    /// Goes back to the shared lock after [`Self::lock_exclusively`].
    pub(crate) fn unlock_exclusively(&mut self) {
        if let Some(lock) = self.lock.as_mut() {
            lock.downgrade();
        }
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
            anchor_key: zeroize::Zeroizing::new([0u8; 32]),
            sync_keys: crate::sync::SyncKeys::none(),
            anchor_at_open: AnchorCheck::Holds,
            lock: None,
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
            audit_tail: match self.anchor_at_open {
                AnchorCheck::Holds => "ok",
                AnchorCheck::Missing => "anchor_missing",
                AnchorCheck::Forged => "anchor_invalid",
                AnchorCheck::Truncated => "truncated",
            }
            .to_string(),
        })
    }

    /// Authenticates every page of the database file (SQLCipher's HMAC per page). Opening
    /// checks only the pages it reads; the app runs this once after opening, `kortisto
    /// status` runs it every time, and a backup reads (and so checks) every page anyway.
    pub fn verify_pages(&self) -> Result<()> {
        store::authenticate_pages(&self.conn)
    }

    /// Closes the register after folding the write-ahead log into the database file, so no
    /// page lingers in the WAL, and moving the audit anchor to the trail's head.
    pub fn close(mut self) -> Result<()> {
        if self.lock.is_some() {
            self.anchor_audit_head()?;
        }
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        self.conn.close().map_err(|(_, e)| Error::from(e))
    }
}

/// Tells a manifest or a database file that came from another register apart from a damaged
/// file or a missing key, once opening has failed: the keychain files which register this
/// folder holds, and the manifest records its database's salt.
fn diagnose_mismatch(data_dir: &DataDir, keychain: &Keychain, error: Error) -> Error {
    let Ok(manifest) = data_dir.read_manifest() else {
        return error;
    };
    let file_salt = data_dir.database_salt();
    let salt_matches = manifest.database_salt.is_some() && manifest.database_salt == file_salt;
    let path = data_dir.path().to_path_buf();
    let folder_holds_another = keychain
        .recall_folder(data_dir)
        .is_some_and(|id| id != manifest.register_id);
    if folder_holds_another && !salt_matches {
        Error::ManifestForeign { path }
    } else if manifest.database_salt.is_some() && !salt_matches {
        Error::DatabaseForeign { path }
    } else {
        error
    }
}

/// The keychain entry that holds a new key while a rotation replaces the file.
fn pending_account(register_id: &str) -> String {
    format!("{register_id}.rotating")
}

/// After the file is under `key`: the key into the keychain, the manifest's check value to
/// match, then the pending entry removed — each step repeatable if a crash interrupts it.
fn complete_rotation(
    data_dir: &DataDir,
    keychain: &Keychain,
    register_id: &str,
    key: &DatabaseKey,
) -> Result<()> {
    keychain.store(register_id, key)?;
    let manifest = data_dir.read_manifest()?;
    data_dir.write_manifest(&Manifest {
        key_check: key.check_value(register_id),
        audit_head: None,
        ..manifest
    })?;
    keychain.delete(&pending_account(register_id))
}

/// Reads the manifest, telling a lost manifest beside a database (`manifest_missing`) from
/// an empty folder (`register_missing`).
fn read_manifest(data_dir: &DataDir) -> Result<Manifest> {
    match data_dir.read_manifest() {
        Err(Error::RegisterMissing { .. }) if data_dir.has_database() => {
            Err(Error::ManifestMissing {
                path: data_dir.path().to_path_buf(),
            })
        }
        other => other,
    }
}

/// Creating or restoring a register needs a folder with neither a manifest nor a database.
pub(crate) fn refuse_unless_free(data_dir: &DataDir) -> Result<()> {
    if data_dir.has_register() {
        return Err(Error::RegisterExists {
            path: data_dir.path().to_path_buf(),
        });
    }
    if data_dir.has_database() {
        return Err(Error::ManifestMissing {
            path: data_dir.path().to_path_buf(),
        });
    }
    Ok(())
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
    // Only a creation's own temporary file is ever removed. A database at the final path
    // is never touched (the caller refused to create over it).
    remove_database_files(&temp_path, DATABASE_FILES);
    let result = (|| {
        let conn = store::create(&temp_path, key)?;
        store::insert_register_info(&conn, register_id, created_at)?;
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        conn.close().map_err(|(_, e)| Error::from(e))?;
        if final_path.exists() {
            return Err(Error::ManifestMissing {
                path: data_dir.path().to_path_buf(),
            });
        }
        fs::rename(&temp_path, &final_path).map_err(|e| Error::DataDirNotWritable {
            path: data_dir.path().to_path_buf(),
            detail: e.to_string(),
        })
    })();
    if result.is_err() {
        remove_database_files(&temp_path, DATABASE_FILES);
    }
    result
}

/// A database file with its WAL and shared-memory files.
pub(crate) const DATABASE_FILES: &[&str] = &["", "-wal", "-shm"];

/// Removes a database file's companions named by `suffixes` (`""` is the file itself).
pub(crate) fn remove_database_files(path: &std::path::Path, suffixes: &[&str]) {
    for suffix in suffixes {
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
