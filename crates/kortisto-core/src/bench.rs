//! For benchmarks only: [`PlainTwin`], an **unencrypted** copy of a register, so that
//! `kortisto bench` can put every encrypted figure beside the same operation on plain
//! SQLite, measured in the same run. The twin holds the same personal data in cleartext, so
//! it is only ever made from a synthetic demo register in a temporary folder and deleted
//! afterwards; nothing in the app or the CLI's everyday commands uses it.
use std::path::{Path, PathBuf};

use crate::data_dir::Manifest;
use crate::{store, DataDir, Keychain, Register, Result};

/// File name of the twin's database inside its folder.
const TWIN_DATABASE: &str = "plain-twin.db";
/// File name of the copy of the register's manifest, read at open as the register's is.
const TWIN_MANIFEST: &str = "plain-twin.json";

/// An unencrypted twin of a register (benchmarks only; see the module comment).
#[derive(Debug)]
pub struct PlainTwin {
    register: Register,
}

impl PlainTwin {
    /// Copies `register`'s whole database, search index included, unencrypted into the
    /// empty folder `dir`.
    pub fn export(register: &Register, dir: &Path) -> Result<()> {
        std::fs::create_dir_all(dir).map_err(|e| crate::Error::DataDirNotWritable {
            path: dir.to_path_buf(),
            detail: e.to_string(),
        })?;
        store::plain::export(&register.conn, &dir.join(TWIN_DATABASE))?;
        let manifest = serde_json::to_vec(register.manifest())
            .map_err(|e| crate::Error::Storage(e.to_string()))?;
        crate::data_dir::write_atomically(&dir.join(TWIN_MANIFEST), &manifest).map_err(|e| {
            crate::Error::DataDirNotWritable {
                path: dir.to_path_buf(),
                detail: e.to_string(),
            }
        })
    }

    /// Opens a twin made by [`PlainTwin::export`] the way [`Register::open`] opens a
    /// register — manifest read, database opened, schema checked, pragmas set — minus what
    /// only encryption needs (the keychain, the key, page authentication).
    pub fn open(dir: &Path) -> Result<Self> {
        let text =
            std::fs::read(dir.join(TWIN_MANIFEST)).map_err(|e| crate::Error::DatabaseDamaged {
                detail: e.to_string(),
            })?;
        let manifest: Manifest =
            serde_json::from_slice(&text).map_err(|e| crate::Error::DatabaseDamaged {
                detail: e.to_string(),
            })?;
        let conn = store::plain::open(&dir.join(TWIN_DATABASE))?;
        if store::register_id(&conn)? != manifest.register_id {
            return Err(crate::Error::DatabaseDamaged {
                detail: "the twin belongs to another register".into(),
            });
        }
        Ok(Self {
            register: Register::from_parts(
                &DataDir::at(dir),
                Keychain::with_service("kortisto-plain-twin-has-no-key"),
                manifest,
                conn,
            ),
        })
    }

    /// The twin as a [`Register`], so the benchmark calls exactly the same entry points on
    /// both databases.
    pub fn register(&mut self) -> &mut Register {
        &mut self.register
    }

    /// The twin's database file.
    pub fn database_path(dir: &Path) -> PathBuf {
        dir.join(TWIN_DATABASE)
    }

    /// Closes the twin (WAL folded in, as [`Register::close`]).
    pub fn close(self) -> Result<()> {
        self.register.close()
    }
}
