//! Encrypted backups that never bring back what was erased (R5, R6, notice §8–§9).
//!
//! **Snapshot.** SQLite's online backup API copies the live database page by page into a
//! temporary SQLCipher file in the data folder, under the register's own key — a consistent
//! snapshot, never plaintext on disk. That file is then sealed as below and removed.
//!
//! **Key.** The backup key is HKDF-SHA256 of the register's database key (salt: the register
//! id, info: `kortisto backup v1`). It lives nowhere else: the database key is in the
//! keychain and the recovery code carries it, so the recovery code also opens every backup.
//!
//! **Format** (`.kbak`, all integers big-endian):
//! ```text
//! header:  "KORTISTO-BACKUP\0" (16) | version u16 = 1 | chunk size u32 | register id (36, ASCII)
//!          | schema version u32 | snapshot length u64 | created-at length u16 | created-at (RFC 3339)
//! chunks:  final flag u8 (1 on the last chunk only) | nonce (12, random per chunk)
//!          | ciphertext length u32 | AES-256-GCM ciphertext + tag
//! ```
//! Each chunk's associated data is SHA-256(header) ‖ chunk index u64 ‖ final flag, so a
//! chunk cannot be moved, dropped, flagged final early or spliced from another backup, and a
//! file that ends before a final chunk is reported as truncated.
//!
//! **Restore** decrypts into a temporary file, checks every page, checks the register id,
//! then re-applies every erasure in the live register's id-only ledger (and its suppression
//! hashes) before the restored file replaces the live one — so no erased person comes back,
//! and nobody can read the restored data before that has happened.
use std::fs::{self, File};
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use aes_gcm::aead::{Aead, AeadInPlace, KeyInit, Payload};
use aes_gcm::{Aes256Gcm, Nonce};
use hkdf::Hkdf;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::auth::{Action, Session};
use crate::secret::DatabaseKey;
use crate::{audit, ids, store, Clock, Error, Register, Result};

const MAGIC: &[u8; 16] = b"KORTISTO-BACKUP\0";
const VERSION: u16 = 1;
const CHUNK: usize = 1 << 20;

/// What a backup run made.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BackupInfo {
    /// The backup file.
    pub path: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub bytes: u64,
    /// The snapshot's size in bytes.
    #[ts(type = "number")]
    pub snapshot_bytes: u64,
    /// When it was taken.
    pub created_at: String,
    /// Seconds spent taking the snapshot.
    pub snapshot_seconds: f64,
    /// Seconds spent encrypting and writing.
    pub encrypt_seconds: f64,
}

/// What a restore did.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct RestoreReport {
    /// When the backup was taken.
    pub backup_created_at: String,
    /// People erased again because the live ledger says they were erased after the backup.
    #[ts(type = "number")]
    pub erasures_reapplied: u64,
    /// Erasure receipts the restored register now holds.
    #[ts(type = "number")]
    pub ledger_entries: u64,
}

/// The automatic backup's folder and how many backups to keep.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct BackupSchedule {
    /// Folder (none: automatic backups are off).
    pub folder: Option<String>,
    /// How many to keep (1–365).
    pub keep: u32,
}

fn backup_key(key: &DatabaseKey, register_id: &str) -> Zeroizing<[u8; 32]> {
    let hk = Hkdf::<Sha256>::new(Some(register_id.as_bytes()), key.expose());
    let mut out = Zeroizing::new([0u8; 32]);
    hk.expand(b"kortisto backup v1", out.as_mut())
        .expect("32 bytes is a valid HKDF length");
    out
}

fn aad(header_hash: &[u8], index: u64, last: bool) -> Vec<u8> {
    let mut aad = header_hash.to_vec();
    aad.extend_from_slice(&index.to_be_bytes());
    aad.push(u8::from(last));
    aad
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> Error + '_ {
    move |e| Error::OutputNotWritable {
        path: path.display().to_string(),
        detail: e.to_string(),
    }
}

/// Seals `snapshot` into `out` under `key` (see the module comment for the format).
fn seal(
    snapshot: &Path,
    out: &Path,
    key: &[u8; 32],
    register_id: &str,
    schema: u32,
    created_at: &str,
) -> Result<u64> {
    let cipher = Aes256Gcm::new_from_slice(key).expect("32-byte key");
    let length = fs::metadata(snapshot).map_err(io(snapshot))?.len();
    let mut header = Vec::new();
    header.extend_from_slice(MAGIC);
    header.extend_from_slice(&VERSION.to_be_bytes());
    header.extend_from_slice(&(CHUNK as u32).to_be_bytes());
    header.extend_from_slice(register_id.as_bytes());
    header.extend_from_slice(&schema.to_be_bytes());
    header.extend_from_slice(&length.to_be_bytes());
    header.extend_from_slice(&(created_at.len() as u16).to_be_bytes());
    header.extend_from_slice(created_at.as_bytes());
    let header_hash = Sha256::digest(&header);

    let partial = out.with_extension("partial");
    let result = (|| {
        let mut writer =
            BufWriter::with_capacity(4 * CHUNK, File::create(&partial).map_err(io(out))?);
        writer.write_all(&header).map_err(io(out))?;
        let mut reader =
            BufReader::with_capacity(4 * CHUNK, File::open(snapshot).map_err(io(snapshot))?);
        // One buffer, encrypted in place, so no chunk is copied or allocated again.
        let mut buffer: Vec<u8> = Vec::with_capacity(CHUNK + 16);
        let mut remaining = length;
        let mut index = 0u64;
        loop {
            let take = remaining.min(CHUNK as u64) as usize;
            buffer.resize(take, 0);
            reader.read_exact(&mut buffer).map_err(io(snapshot))?;
            remaining -= take as u64;
            let last = remaining == 0;
            let mut nonce = [0u8; 12];
            getrandom::fill(&mut nonce)
                .map_err(|e| Error::Storage(format!("no OS randomness: {e}")))?;
            let tag = cipher
                .encrypt_in_place_detached(
                    Nonce::from_slice(&nonce),
                    &aad(&header_hash, index, last),
                    &mut buffer,
                )
                .map_err(|_| Error::Storage("encryption failed".into()))?;
            writer.write_all(&[u8::from(last)]).map_err(io(out))?;
            writer.write_all(&nonce).map_err(io(out))?;
            writer
                .write_all(&((take + tag.len()) as u32).to_be_bytes())
                .map_err(io(out))?;
            writer.write_all(&buffer).map_err(io(out))?;
            writer.write_all(&tag).map_err(io(out))?;
            index += 1;
            if last {
                break;
            }
        }
        let file = writer.into_inner().map_err(|e| io(out)(e.into_error()))?;
        file.sync_all().map_err(io(out))?;
        fs::rename(&partial, out).map_err(io(out))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result.map(|_| fs::metadata(out).map(|m| m.len()).unwrap_or(0))
}

struct Opened {
    register_id: String,
    created_at: String,
}

/// Checks and decrypts a backup into `target`; nothing is written on failure.
fn unseal(
    file: &Path,
    target: &Path,
    key_for: impl Fn(&str) -> Result<Zeroizing<[u8; 32]>>,
    expected_register: &str,
) -> Result<Opened> {
    let damaged = |detail: &str| Error::BackupDamaged {
        detail: detail.to_string(),
    };
    let mut reader = BufReader::new(File::open(file).map_err(|e| damaged(&e.to_string()))?);
    let mut fixed = [0u8; 16 + 2 + 4 + 36 + 4 + 8 + 2];
    reader
        .read_exact(&mut fixed)
        .map_err(|_| Error::BackupTruncated)?;
    if &fixed[..16] != MAGIC {
        return Err(damaged("not a Kortisto backup"));
    }
    if u16::from_be_bytes([fixed[16], fixed[17]]) != VERSION {
        return Err(damaged("unknown backup version"));
    }
    let chunk = u32::from_be_bytes(fixed[18..22].try_into().expect("4 bytes")) as usize;
    // The header is authenticated only with the first chunk, and the chunk size bounds the
    // buffer read for it: a damaged size would have restore allocate up to 4 GiB.
    if chunk == 0 || chunk > CHUNK {
        return Err(damaged("unknown chunk size"));
    }
    let register_id = String::from_utf8_lossy(&fixed[22..58]).to_string();
    let length = u64::from_be_bytes(fixed[62..70].try_into().expect("8 bytes"));
    let created_len = u16::from_be_bytes([fixed[70], fixed[71]]) as usize;
    let mut created = vec![0u8; created_len];
    reader
        .read_exact(&mut created)
        .map_err(|_| Error::BackupTruncated)?;
    if register_id != expected_register {
        return Err(Error::BackupOtherRegister {
            backup_register_id: register_id,
        });
    }
    let mut header = fixed.to_vec();
    header.extend_from_slice(&created);
    let header_hash = Sha256::digest(&header);
    let key = key_for(&register_id)?;
    let cipher = Aes256Gcm::new_from_slice(key.as_ref()).expect("32-byte key");

    let partial = target.with_extension("partial");
    let result = (|| {
        let mut writer =
            BufWriter::new(File::create(&partial).map_err(|e| Error::Storage(e.to_string()))?);
        let mut index = 0u64;
        let mut written = 0u64;
        loop {
            let mut prefix = [0u8; 1 + 12 + 4];
            match reader.read_exact(&mut prefix) {
                Ok(()) => {}
                Err(_) => return Err(Error::BackupTruncated),
            }
            let last = prefix[0] == 1;
            let size = u32::from_be_bytes(prefix[13..17].try_into().expect("4 bytes")) as usize;
            if size > chunk + 16 {
                return Err(damaged("chunk too large"));
            }
            let mut sealed = vec![0u8; size];
            reader
                .read_exact(&mut sealed)
                .map_err(|_| Error::BackupTruncated)?;
            let plain = Zeroizing::new(
                cipher
                    .decrypt(
                        Nonce::from_slice(&prefix[1..13]),
                        Payload {
                            msg: &sealed,
                            aad: &aad(&header_hash, index, last),
                        },
                    )
                    .map_err(|_| damaged("a chunk failed authentication"))?,
            );
            writer
                .write_all(&plain)
                .map_err(|e| Error::Storage(e.to_string()))?;
            written += plain.len() as u64;
            index += 1;
            if last {
                break;
            }
        }
        let mut rest = [0u8; 1];
        if reader
            .read(&mut rest)
            .map_err(|e| damaged(&e.to_string()))?
            != 0
        {
            return Err(damaged("data after the final chunk"));
        }
        if written != length {
            return Err(damaged("the snapshot length does not match"));
        }
        writer
            .into_inner()
            .map_err(|e| Error::Storage(e.to_string()))?
            .sync_all()
            .map_err(|e| Error::Storage(e.to_string()))?;
        fs::rename(&partial, target).map_err(|e| Error::Storage(e.to_string()))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&partial);
    }
    result?;
    Ok(Opened {
        register_id,
        created_at: String::from_utf8_lossy(&created).to_string(),
    })
}

fn remove_database(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = fs::remove_file(name);
    }
}

impl Register {
    fn database_key(&self) -> Result<DatabaseKey> {
        self.keychain_handle().load(self.register_id())
    }

    /// Writes an encrypted backup to `out` (admin, or the app's automatic backup with none).
    pub fn backup_create(
        &mut self,
        session: Option<&Session>,
        out: &Path,
        clock: &dyn Clock,
    ) -> Result<BackupInfo> {
        if let Some(session) = session {
            self.authorize(session, Action::BackupCreate)?;
        }
        let key = self.database_key()?;
        let created_at = ids::timestamp(clock);
        let snapshot = self.data_dir().path().join("backup-snapshot.db");
        remove_database(&snapshot);
        let started = Instant::now();
        let taken = (|| {
            let mut target = store::create_snapshot_target(&snapshot, &key)?;
            {
                let backup = rusqlite::backup::Backup::new(&self.conn, &mut target)?;
                backup.run_to_completion(256, std::time::Duration::from_millis(0), None)?;
            }
            target.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
            drop(target);
            Ok::<(), Error>(())
        })();
        if let Err(error) = taken {
            remove_database(&snapshot);
            return Err(error);
        }
        let snapshot_seconds = started.elapsed().as_secs_f64();
        let snapshot_bytes = fs::metadata(&snapshot).map(|m| m.len()).unwrap_or(0);
        let encrypt_started = Instant::now();
        let schema = store::schema_version(&self.conn)?;
        let sealed = seal(
            &snapshot,
            out,
            &backup_key(&key, self.register_id()),
            self.register_id(),
            schema,
            &created_at,
        );
        remove_database(&snapshot);
        let bytes = sealed?;
        let encrypt_seconds = encrypt_started.elapsed().as_secs_f64();
        let tx = self.conn.transaction()?;
        audit::append(
            &tx,
            clock,
            session.map(|s| s.user_id.as_str()),
            Action::BackupCreate.name(),
            None,
        )?;
        tx.commit()?;
        Ok(BackupInfo {
            path: out.display().to_string(),
            bytes,
            snapshot_bytes,
            created_at,
            snapshot_seconds,
            encrypt_seconds,
        })
    }

    /// Restores `file` over this register (admin): see the module comment. The live
    /// register is replaced only after the restored copy is complete, verified and has had
    /// every later erasure re-applied; on any failure it is left exactly as it was.
    pub fn backup_restore(
        &mut self,
        session: &Session,
        file: &Path,
        clock: &dyn Clock,
    ) -> Result<RestoreReport> {
        self.authorize(session, Action::BackupRestore)?;
        let key = self.database_key()?;
        let restored_path = self.data_dir().path().join("restore-in-progress.db");
        remove_database(&restored_path);
        let prepared = (|| {
            let register_id = self.register_id().to_string();
            let opened = unseal(
                file,
                &restored_path,
                |id| Ok(backup_key(&key, id)),
                &register_id,
            )?;
            let mut restored = store::open(&restored_path, &key)?;
            if store::register_id(&restored)? != opened.register_id {
                return Err(Error::BackupOtherRegister {
                    backup_register_id: opened.register_id,
                });
            }
            let ledger = store::rights::receipts(&self.conn)?;
            let suppression = store::rights::suppression_rows(&self.conn)?;
            let salt = store::users::setting(&self.conn, "suppression_salt")?;
            let tx = restored.transaction()?;
            if let Some(salt) = salt {
                store::users::set_setting(&tx, "suppression_salt", &salt)?;
            }
            for (hash, at) in &suppression {
                store::rights::insert_suppression(&tx, hash, at)?;
            }
            let mut reapplied = 0u64;
            for receipt in &ledger {
                if store::content::person(&tx, &receipt.person_id)?.is_some() {
                    store::rights::delete_person_data(&tx, &receipt.person_id)?;
                    store::content::delete_search_row(&tx, &receipt.person_id)?;
                    reapplied += 1;
                }
                store::rights::insert_receipt_if_missing(&tx, receipt)?;
            }
            audit::append(
                &tx,
                clock,
                Some(&session.user_id),
                Action::BackupRestore.name(),
                None,
            )?;
            let ledger_entries = store::rights::receipts(&tx)?.len() as u64;
            tx.commit()?;
            restored.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
            restored.close().map_err(|(_, e)| Error::from(e))?;
            Ok(RestoreReport {
                backup_created_at: opened.created_at,
                erasures_reapplied: reapplied,
                ledger_entries,
            })
        })();
        let report = match prepared {
            Ok(report) => report,
            Err(error) => {
                remove_database(&restored_path);
                return Err(error);
            }
        };
        // Only now is the live register replaced: close it, move the restored file in, reopen.
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
        let live_conn = std::mem::replace(&mut self.conn, rusqlite::Connection::open_in_memory()?);
        live_conn.close().map_err(|(_, e)| Error::from(e))?;
        let live = self.data_dir().database_path();
        for suffix in ["-wal", "-shm"] {
            let mut name = live.as_os_str().to_owned();
            name.push(suffix);
            let _ = fs::remove_file(name);
        }
        let renamed = fs::rename(&restored_path, &live);
        let data_dir = self.data_dir().clone();
        let keychain = self.keychain_handle().clone();
        *self = Register::open(&data_dir, &keychain)?;
        renamed.map_err(|e| Error::Storage(e.to_string()))?;
        Ok(report)
    }

    /// The automatic backup's settings (admin).
    pub fn backup_schedule(&self, session: &Session) -> Result<BackupSchedule> {
        self.authorize(session, Action::BackupCreate)?;
        self.backup_schedule_unchecked()
    }

    pub(crate) fn backup_schedule_unchecked(&self) -> Result<BackupSchedule> {
        Ok(BackupSchedule {
            folder: store::users::setting(&self.conn, "backup_folder")?,
            keep: store::users::setting(&self.conn, "backup_keep")?
                .and_then(|k| k.parse().ok())
                .unwrap_or(7),
        })
    }

    /// Sets the automatic backup's folder and how many to keep (admin).
    pub fn backup_schedule_set(
        &mut self,
        session: &Session,
        schedule: &BackupSchedule,
        clock: &dyn Clock,
    ) -> Result<BackupSchedule> {
        self.authorize(session, Action::BackupCreate)?;
        if !(1..=365).contains(&schedule.keep) {
            return Err(Error::SettingInvalid {
                setting: "keep".into(),
                min: 1,
                max: 365,
            });
        }
        if let Some(folder) = schedule.folder.as_deref().filter(|f| !f.trim().is_empty()) {
            let path = Path::new(folder);
            if !path.is_dir() {
                return Err(Error::OutputNotWritable {
                    path: folder.into(),
                    detail: "not a folder".into(),
                });
            }
        }
        let tx = self.conn.transaction()?;
        match schedule.folder.as_deref().filter(|f| !f.trim().is_empty()) {
            Some(folder) => store::users::set_setting(&tx, "backup_folder", folder)?,
            None => store::users::delete_setting(&tx, "backup_folder")?,
        }
        store::users::set_setting(&tx, "backup_keep", &schedule.keep.to_string())?;
        audit::append(
            &tx,
            clock,
            Some(&session.user_id),
            Action::SettingsChange.name(),
            Some(("setting", "backup")),
        )?;
        tx.commit()?;
        self.backup_schedule_unchecked()
    }

    /// When the last automatic backup was taken (for the app's 24-hour schedule).
    pub fn backup_last_at(&self) -> Result<Option<String>> {
        store::users::setting(&self.conn, "backup_last_at")
    }

    /// The scheduled backup: into the configured folder, keeping the newest `keep` files.
    /// Does nothing (and says so) when no folder is set.
    pub fn backup_scheduled(&mut self, clock: &dyn Clock) -> Result<Option<BackupInfo>> {
        let schedule = self.backup_schedule_unchecked()?;
        let Some(folder) = schedule.folder else {
            return Ok(None);
        };
        let name = format!("kortisto-{}.kbak", clock.now().format("%Y%m%d-%H%M%S"));
        let info = self.backup_create(None, &PathBuf::from(&folder).join(name), clock)?;
        store::users::set_setting(&self.conn, "backup_last_at", &ids::timestamp(clock))?;
        let mut existing: Vec<PathBuf> = fs::read_dir(&folder)
            .map(|entries| {
                entries
                    .filter_map(|e| e.ok().map(|e| e.path()))
                    .filter(|p| {
                        p.file_name()
                            .and_then(|n| n.to_str())
                            .is_some_and(|n| n.starts_with("kortisto-") && n.ends_with(".kbak"))
                    })
                    .collect()
            })
            .unwrap_or_default();
        existing.sort();
        while existing.len() > schedule.keep as usize {
            let _ = fs::remove_file(existing.remove(0));
        }
        Ok(Some(info))
    }
}
