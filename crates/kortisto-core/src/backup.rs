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
//! **Format** (`.kbak`, all integers big-endian), version 2:
//! ```text
//! header:  "KORTISTO-BACKUP\0" (16) | version u16 = 2 | chunk size u32 | backup id (16, random)
//!          | register id (36, ASCII) | schema version u32 | snapshot length u64
//!          | created-at length u16 | created-at (RFC 3339)
//! chunks:  final flag u8 (1 on the last chunk only) | nonce (12, random per chunk)
//!          | ciphertext length u32 | AES-256-GCM ciphertext + tag
//! ```
//! Version 1 (still read, no longer written) is the same without the backup id. The backup id
//! names one backup run, so two backups taken the same second are told apart (it is shown as
//! hex in [`BackupInfo`]).
//!
//! Each chunk's associated data is SHA-256(header) ‖ chunk index u64 ‖ final flag, so a
//! chunk cannot be moved, dropped, flagged final early or spliced from another backup, and a
//! file that ends before a final chunk is reported as truncated.
//!
//! The header is read before anything is authenticated, so nothing it says sizes an
//! allocation unchecked: a chunk size above [`MAX_CHUNK`] (16 MiB; we write 1 MiB) or a
//! created-at longer than 64 bytes is refused as damaged before any buffer is made.
//!
//! **Files.** The backup goes through `output_file` (owner-only, never through a symlink,
//! never inside the data folder) and never replaces an existing file (`output_exists`); the
//! scheduled backup's names carry a timestamp. A snapshot or `.partial` left in the data
//! folder by an interrupted run is removed when the next backup or restore starts.
//!
//! **Restore** decrypts into a temporary file, checks every page, checks the register id,
//! then re-applies every erasure in the live register's id-only ledger (and its suppression
//! hashes) before the restored file replaces the live one — so no erased person comes back,
//! and nobody can read the restored data before that has happened.
//!
//! **What a restore rolls back, and what it never does.** A restore rolls back the
//! register's *content*: people, organisations, positions, contact data, deals, meetings,
//! service elements, processors, transfers and disclosures return to the backup's state.
//! It never rolls back what protects people or proves what happened; these are carried
//! from the live register into the restored one before it replaces the live file:
//! erasures (the receipt ledger and the suppression hashes), consent events (so a
//! withdrawal made since the backup stands), the request log, restrictions of processing
//! (set or lifted since) and objections, legal holds, the users with their roles, deactivations and passwords, the
//! settings, training and internal-audit records, the retention runs, and the whole audit
//! trail with the people each read showed — the restored register's trail is the live one,
//! and the restore is appended to it.
//!
//! **Disaster recovery** ([`Register::restore_new`]): on a machine with no register, the
//! recovery code alone opens a backup (the backup key derives from the key it carries); the
//! key goes into the keychain and the register is back.
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

use crate::audit::{self, Audited};
use crate::auth::{Action, Session};
use crate::output_file::{self, Existing, OutputFile};
use crate::register::{remove_database_files, DATABASE_FILES};
use crate::secret::DatabaseKey;
use crate::{ids, store, Clock, DataDir, Error, Keychain, RecoveryCode, Register, Result};

const MAGIC: &[u8; 16] = b"KORTISTO-BACKUP\0";
const VERSION: u16 = 2;
const CHUNK: usize = 1 << 20;
/// The first chunk not authenticating is what a wrong key looks like.
const FIRST_CHUNK_FAILED: &str = "the first chunk failed authentication";
/// The largest chunk size a backup's header may claim; a reader allocates at most this.
pub const MAX_CHUNK: usize = 16 << 20;
const MAX_CREATED_AT: usize = 64;
const SNAPSHOT_FILE: &str = "backup-snapshot.db";

/// What a backup run made.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct BackupInfo {
    /// The backup file.
    pub path: String,
    /// Its random id (hex), written in its header.
    pub backup_id: String,
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

/// A backup's header (see the module comment).
struct Header {
    version: u16,
    chunk: usize,
    /// None only in version 1.
    backup_id: Option<[u8; 16]>,
    register_id: String,
    schema: u32,
    length: u64,
    created_at: String,
}

impl Header {
    fn encode(&self) -> Vec<u8> {
        let mut header = Vec::new();
        header.extend_from_slice(MAGIC);
        header.extend_from_slice(&self.version.to_be_bytes());
        header.extend_from_slice(&(self.chunk as u32).to_be_bytes());
        if let Some(id) = &self.backup_id {
            header.extend_from_slice(id);
        }
        header.extend_from_slice(self.register_id.as_bytes());
        header.extend_from_slice(&self.schema.to_be_bytes());
        header.extend_from_slice(&self.length.to_be_bytes());
        header.extend_from_slice(&(self.created_at.len() as u16).to_be_bytes());
        header.extend_from_slice(self.created_at.as_bytes());
        header
    }

    /// Reads and checks a header; returns it with its bytes exactly as read (for the hash).
    /// No field is trusted to size a buffer beyond the fixed caps.
    fn read(reader: &mut impl Read) -> Result<(Header, Vec<u8>)> {
        let damaged = |detail: &str| Error::BackupDamaged {
            detail: detail.to_string(),
        };
        let mut raw = vec![0u8; 16 + 2 + 4];
        reader
            .read_exact(&mut raw)
            .map_err(|_| Error::BackupTruncated)?;
        if &raw[..16] != MAGIC {
            return Err(damaged("not a Kortisto backup"));
        }
        let version = u16::from_be_bytes([raw[16], raw[17]]);
        if !(1..=VERSION).contains(&version) {
            return Err(damaged("unknown backup version"));
        }
        let chunk = u32::from_be_bytes(raw[18..22].try_into().expect("4 bytes")) as usize;
        if chunk == 0 || chunk > MAX_CHUNK {
            return Err(damaged("chunk size out of range"));
        }
        let id_len = if version >= 2 { 16 } else { 0 };
        let mut rest = vec![0u8; id_len + 36 + 4 + 8 + 2];
        reader
            .read_exact(&mut rest)
            .map_err(|_| Error::BackupTruncated)?;
        raw.extend_from_slice(&rest);
        let backup_id = (id_len > 0).then(|| rest[..16].try_into().expect("16 bytes"));
        let rest = &rest[id_len..];
        let register_id = String::from_utf8_lossy(&rest[..36]).to_string();
        let schema = u32::from_be_bytes(rest[36..40].try_into().expect("4 bytes"));
        let length = u64::from_be_bytes(rest[40..48].try_into().expect("8 bytes"));
        let created_len = u16::from_be_bytes([rest[48], rest[49]]) as usize;
        if created_len > MAX_CREATED_AT {
            return Err(damaged("created-at too long"));
        }
        let mut created = vec![0u8; created_len];
        reader
            .read_exact(&mut created)
            .map_err(|_| Error::BackupTruncated)?;
        raw.extend_from_slice(&created);
        Ok((
            Header {
                version,
                chunk,
                backup_id,
                register_id,
                schema,
                length,
                created_at: String::from_utf8_lossy(&created).to_string(),
            },
            raw,
        ))
    }
}

/// Removes what an interrupted backup or restore left in the data folder: the snapshot and
/// the restore's `.partial` (both SQLCipher files under the register's key, but not kept).
fn remove_leftovers(data_dir: &Path) {
    remove_database_files(&data_dir.join(SNAPSHOT_FILE), DATABASE_FILES);
    let _ = fs::remove_file(data_dir.join("restore-in-progress.partial"));
}

/// Seals `snapshot` into `out` under `key` (see the module comment for the format); `header`'s
/// length is set from the snapshot. `out` is finished only when every chunk is written.
fn seal(snapshot: &Path, mut out: OutputFile, key: &[u8; 32], mut header: Header) -> Result<u64> {
    let cipher = Aes256Gcm::new_from_slice(key).expect("32-byte key");
    let length = fs::metadata(snapshot).map_err(io(snapshot))?.len();
    header.length = length;
    header.chunk = CHUNK;
    let encoded = header.encode();
    let header_hash = Sha256::digest(&encoded);
    let target = out.target().to_path_buf();
    let io_out = io(&target);
    out.write_all(&encoded).map_err(&io_out)?;
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
        out.write_all(&[u8::from(last)]).map_err(&io_out)?;
        out.write_all(&nonce).map_err(&io_out)?;
        out.write_all(&((take + tag.len()) as u32).to_be_bytes())
            .map_err(&io_out)?;
        out.write_all(&buffer).map_err(&io_out)?;
        out.write_all(&tag).map_err(&io_out)?;
        index += 1;
        if last {
            break;
        }
    }
    out.finish()
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
    expected_register: Option<&str>,
) -> Result<Opened> {
    let damaged = |detail: &str| Error::BackupDamaged {
        detail: detail.to_string(),
    };
    let partial = target.with_extension("partial");
    if let Some(data_dir) = target.parent() {
        remove_leftovers(data_dir);
    }
    let _ = fs::remove_file(&partial);
    let mut reader = BufReader::new(File::open(file).map_err(|e| damaged(&e.to_string()))?);
    let (header, raw) = Header::read(&mut reader)?;
    let Header {
        chunk,
        register_id,
        length,
        created_at,
        ..
    } = header;
    if expected_register.is_some_and(|expected| register_id != expected) {
        return Err(Error::BackupOtherRegister {
            backup_register_id: register_id,
        });
    }
    let header_hash = Sha256::digest(&raw);
    let key = key_for(&register_id)?;
    let cipher = Aes256Gcm::new_from_slice(key.as_ref()).expect("32-byte key");

    let result = (|| {
        let mut writer = BufWriter::new(
            output_file::owner_only_new()
                .open(&partial)
                .map_err(|e| Error::Storage(e.to_string()))?,
        );
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
            if !(16..=chunk + 16).contains(&size) {
                return Err(damaged("chunk size out of range"));
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
                    .map_err(|_| {
                        damaged(if index == 0 {
                            FIRST_CHUNK_FAILED
                        } else {
                            "a chunk failed authentication"
                        })
                    })?,
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
        created_at,
    })
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
        remove_leftovers(self.data_dir().path());
        // Opened before the snapshot is taken, so a refused target costs nothing.
        let file = OutputFile::create(self.data_dir().path(), out, Existing::Refuse)?;
        let mut backup_id = [0u8; 16];
        getrandom::fill(&mut backup_id)
            .map_err(|e| Error::Storage(format!("no OS randomness: {e}")))?;
        let snapshot = self.data_dir().path().join(SNAPSHOT_FILE);
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
            remove_database_files(&snapshot, DATABASE_FILES);
            return Err(error);
        }
        let snapshot_seconds = started.elapsed().as_secs_f64();
        let snapshot_bytes = fs::metadata(&snapshot).map(|m| m.len()).unwrap_or(0);
        let encrypt_started = Instant::now();
        let schema = store::schema_version(&self.conn)?;
        let sealed = seal(
            &snapshot,
            file,
            &backup_key(&key, self.register_id()),
            Header {
                version: VERSION,
                chunk: CHUNK,
                backup_id: Some(backup_id),
                register_id: self.register_id().to_string(),
                schema,
                length: 0,
                created_at: created_at.clone(),
            },
        );
        remove_database_files(&snapshot, DATABASE_FILES);
        let bytes = sealed?;
        let encrypt_seconds = encrypt_started.elapsed().as_secs_f64();
        self.write(session, Action::BackupCreate, clock, |_| {
            Ok(((), Audited::register()))
        })?;
        Ok(BackupInfo {
            path: out.display().to_string(),
            backup_id: data_encoding::HEXLOWER.encode(&backup_id),
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
        // Nobody else may hold the register while its file is replaced.
        self.lock_exclusively()?;
        let restored = self.restore_locked(session, file, clock);
        self.unlock_exclusively();
        restored
    }

    fn restore_locked(
        &mut self,
        session: &Session,
        file: &Path,
        clock: &dyn Clock,
    ) -> Result<RestoreReport> {
        let key = self.database_key()?;
        let restored_path = self.data_dir().path().join("restore-in-progress.db");
        remove_database_files(&restored_path, DATABASE_FILES);
        let prepared = (|| {
            let register_id = self.register_id().to_string();
            let opened = unseal(
                file,
                &restored_path,
                |id| Ok(backup_key(&key, id)),
                Some(&register_id),
            )?;
            let mut restored = store::open(&restored_path, &key)?;
            if store::register_id(&restored)? != opened.register_id {
                return Err(Error::BackupOtherRegister {
                    backup_register_id: opened.register_id,
                });
            }
            store::carry_over::attach_live(&restored, &self.data_dir().database_path(), &key)?;
            let ledger = store::erasure::receipts(&self.conn)?;
            let suppression = store::erasure::suppression_rows(&self.conn)?;
            let salt = store::users::setting(&self.conn, "suppression_salt")?;
            // Authorised above against the open register; the change lands in the copy.
            let user_id = Some(session.user_id.as_str());
            let restore = Action::BackupRestore;
            let (reapplied, ledger_entries) =
                audit::write_to(&mut restored, clock, user_id, restore, |tx| {
                    if let Some(salt) = salt {
                        store::users::set_setting(tx, "suppression_salt", &salt)?;
                    }
                    for (hash, at) in &suppression {
                        store::consent::insert_suppression(tx, hash, at)?;
                    }
                    let mut reapplied = 0u64;
                    for receipt in &ledger {
                        if store::people::person(tx, &receipt.person_id)?.is_some() {
                            crate::erasure::reapply_erasure(tx, receipt, clock)?;
                            reapplied += 1;
                        }
                        store::erasure::insert_receipt_if_missing(tx, receipt)?;
                    }
                    store::carry_over::from_live(tx)?;
                    let ledger_entries = store::erasure::receipts(tx)?.len() as u64;
                    Ok(((reapplied, ledger_entries), Audited::register()))
                })?;
            store::carry_over::detach_live(&restored)?;
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
                remove_database_files(&restored_path, DATABASE_FILES);
                return Err(error);
            }
        };
        // Only now is the live register replaced: close it, move the restored file in, reopen
        // (even when the move failed, so the register stays usable).
        let replaced = self.replace_database_file(&restored_path);
        self.reopen()?;
        replaced?;
        Ok(report)
    }

    /// Disaster recovery: brings a register back from `file` into `data_dir`, which holds no
    /// register (a new machine, a lost laptop), with only the recovery `code`. The key goes
    /// into the keychain; the restore is audited. On any failure the folder is left as it
    /// was and no key is stored.
    pub fn restore_new(
        data_dir: &DataDir,
        keychain: &Keychain,
        file: &Path,
        code: &RecoveryCode,
        clock: &dyn Clock,
    ) -> Result<(Register, RestoreReport)> {
        crate::register::refuse_unless_free(data_dir)?;
        data_dir.ensure_writable()?;
        let lock = data_dir.lock_exclusive()?;
        crate::register::refuse_unless_free(data_dir)?;
        let key = code.to_key()?;
        let restored_path = data_dir.path().join("restore-in-progress.db");
        remove_database_files(&restored_path, DATABASE_FILES);
        let prepared = (|| {
            let opened = unseal(file, &restored_path, |id| Ok(backup_key(&key, id)), None)
                .map_err(|error| match error {
                    Error::BackupDamaged { detail } if detail == FIRST_CHUNK_FAILED => {
                        Error::RecoveryCodeMismatch
                    }
                    other => other,
                })?;
            let mut restored = store::open(&restored_path, &key)?;
            let (register_id, created_at) = store::register_identity(&restored)?;
            if register_id != opened.register_id {
                return Err(Error::BackupOtherRegister {
                    backup_register_id: opened.register_id,
                });
            }
            let tx = restored.transaction()?;
            audit::append(&tx, clock, None, audit::Event::RegisterRestored, None)?;
            let ledger_entries = store::erasure::receipts(&tx)?.len() as u64;
            tx.commit()?;
            restored.execute_batch("PRAGMA wal_checkpoint(TRUNCATE);")?;
            restored.close().map_err(|(_, e)| Error::from(e))?;
            Ok((
                register_id,
                created_at,
                RestoreReport {
                    backup_created_at: opened.created_at,
                    erasures_reapplied: 0,
                    ledger_entries,
                },
            ))
        })();
        let (register_id, created_at, report) = match prepared {
            Ok(prepared) => prepared,
            Err(error) => {
                remove_database_files(&restored_path, DATABASE_FILES);
                return Err(error);
            }
        };
        // Key first, then the file, then the manifest: a crash in between leaves a database
        // whose key is in the keychain, which `repair` completes.
        if let Err(error) = keychain.store(&register_id, &key) {
            remove_database_files(&restored_path, DATABASE_FILES);
            return Err(error);
        }
        keychain.remember_folder(data_dir, &register_id);
        fs::rename(&restored_path, data_dir.database_path()).map_err(|e| {
            remove_database_files(&restored_path, DATABASE_FILES);
            Error::DataDirNotWritable {
                path: data_dir.path().to_path_buf(),
                detail: e.to_string(),
            }
        })?;
        data_dir.write_manifest(&crate::data_dir::Manifest::fresh(
            &register_id,
            &key,
            created_at,
        ))?;
        drop(lock);
        let mut register = Register::open(data_dir, keychain)?;
        register.restart_anchor()?;
        Ok((register, report))
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
            output_file::check_outside(self.data_dir().path(), path)?;
        }
        self.write(Some(session), Action::SettingsChange, clock, |tx| {
            match schedule.folder.as_deref().filter(|f| !f.trim().is_empty()) {
                Some(folder) => store::users::set_setting(tx, "backup_folder", folder)?,
                None => store::users::delete_setting(tx, "backup_folder")?,
            }
            store::users::set_setting(tx, "backup_keep", &schedule.keep.to_string())?;
            Ok(((), Audited::record("setting", "backup")))
        })?;
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Backups written before the backup id (format version 1) still restore.
    #[test]
    fn a_version_1_backup_is_still_read() {
        let folder = tempfile::tempdir().unwrap();
        let data_dir = folder.path().join("data");
        let out_dir = folder.path().join("out");
        fs::create_dir_all(&data_dir).unwrap();
        fs::create_dir_all(&out_dir).unwrap();
        let snapshot = data_dir.join(SNAPSHOT_FILE);
        let content: Vec<u8> = (0..(CHUNK + 123)).map(|i| (i % 251) as u8).collect();
        fs::write(&snapshot, &content).unwrap();
        let register_id = "0192f0e0-0000-7000-8000-000000000001";
        let key = [9u8; 32];
        let file = out_dir.join("old.kbak");
        let out = OutputFile::create(&data_dir, &file, Existing::Refuse).unwrap();
        let header = Header {
            version: 1,
            chunk: CHUNK,
            backup_id: None,
            register_id: register_id.into(),
            schema: 1,
            length: 0,
            created_at: "2025-01-02T03:04:05Z".into(),
        };
        seal(&snapshot, out, &key, header).unwrap();
        assert_eq!(&fs::read(&file).unwrap()[16..18], &1u16.to_be_bytes());

        let target = data_dir.join("restore-in-progress.db");
        let opened = unseal(
            &file,
            &target,
            |_| Ok(Zeroizing::new(key)),
            Some(register_id),
        )
        .unwrap();
        assert_eq!(opened.created_at, "2025-01-02T03:04:05Z");
        assert_eq!(fs::read(&target).unwrap(), content);
    }
}
