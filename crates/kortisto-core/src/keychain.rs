//! The register key's home: the operating system's keychain, through `keyring` with its real
//! backends (Secret Service on Linux, Keychain on macOS, Credential Manager on Windows).
//!
//! There is deliberately no fallback: no keychain means no register, never a key file or a
//! plaintext database. Each register's key is one entry, named by the keychain service
//! (default [`DEFAULT_SERVICE`], or `KORTISTO_KEYCHAIN_SERVICE` so tests never touch a real
//! user's entries) and the register id as the account.
use crate::secret::DatabaseKey;
use crate::{Error, Result};

/// Environment variable that overrides the keychain service name.
pub const KEYCHAIN_SERVICE_ENV: &str = "KORTISTO_KEYCHAIN_SERVICE";
/// The service name real users' keys are stored under.
pub const DEFAULT_SERVICE: &str = "fi.kortisto.register";

/// A handle on the keychain entries of one service name.
#[derive(Debug, Clone)]
pub struct Keychain {
    service: String,
}

impl Keychain {
    /// The service named by `KORTISTO_KEYCHAIN_SERVICE`, else the default one.
    pub fn from_env() -> Self {
        match std::env::var(KEYCHAIN_SERVICE_ENV) {
            Ok(service) if !service.trim().is_empty() => Self::with_service(service),
            _ => Self::with_service(DEFAULT_SERVICE),
        }
    }

    /// A keychain under an explicit service name.
    pub fn with_service(service: impl Into<String>) -> Self {
        Self {
            service: service.into(),
        }
    }

    /// The service name in use.
    pub fn service(&self) -> &str {
        &self.service
    }

    /// Human name of the platform backend, for `status`.
    pub fn backend_name() -> &'static str {
        if cfg!(target_os = "macos") {
            "macOS Keychain"
        } else if cfg!(target_os = "windows") {
            "Windows Credential Manager"
        } else {
            "Secret Service (D-Bus)"
        }
    }

    fn entry(&self, register_id: &str) -> Result<keyring::Entry> {
        keyring::Entry::new(&self.service, register_id).map_err(map_error)
    }

    /// Stores (or replaces) the key of a register.
    pub(crate) fn store(&self, register_id: &str, key: &DatabaseKey) -> Result<()> {
        let entry = self.entry(register_id)?;
        retry_transient(|| entry.set_secret(key.expose())).map_err(map_error)
    }

    /// Reads the key of a register; [`Error::KeyMissing`] when there is no entry.
    pub(crate) fn load(&self, register_id: &str) -> Result<DatabaseKey> {
        let entry = self.entry(register_id)?;
        let secret = match retry_transient(|| entry.get_secret()) {
            Ok(secret) => zeroize::Zeroizing::new(secret),
            Err(keyring::Error::NoEntry) => {
                return Err(Error::KeyMissing {
                    register_id: register_id.to_string(),
                })
            }
            Err(other) => return Err(map_error(other)),
        };
        // A secret of the wrong length cannot be this register's key.
        DatabaseKey::from_slice(&secret).ok_or_else(|| Error::WrongKey {
            register_id: register_id.to_string(),
        })
    }

    /// Files which register a data folder holds under an entry of its own (no secret: the
    /// register id), so that a lost manifest can be rebuilt with the key already here.
    /// Best effort: a keychain that refuses it only makes a later repair ask for the
    /// recovery code.
    pub(crate) fn remember_folder(&self, data_dir: &crate::DataDir, register_id: &str) {
        if let Ok(entry) = keyring::Entry::new(&self.service, &folder_account(data_dir)) {
            let _ = retry_transient(|| entry.set_password(register_id));
        }
    }

    /// The register last filed for `data_dir` by [`Self::remember_folder`].
    pub(crate) fn recall_folder(&self, data_dir: &crate::DataDir) -> Option<String> {
        keyring::Entry::new(&self.service, &folder_account(data_dir))
            .ok()?
            .get_password()
            .ok()
    }

    /// Stores a secret other than the register key under its own account (the hub
    /// password of this device, `<register id>.hub`).
    pub(crate) fn store_secret(&self, account: &str, secret: &str) -> Result<()> {
        let entry = self.entry(account)?;
        retry_transient(|| entry.set_password(secret)).map_err(map_error)
    }

    /// A secret filed by [`Self::store_secret`], None when there is none.
    pub(crate) fn load_secret(&self, account: &str) -> Result<Option<zeroize::Zeroizing<String>>> {
        let entry = self.entry(account)?;
        match retry_transient(|| entry.get_password()) {
            Ok(secret) => Ok(Some(zeroize::Zeroizing::new(secret))),
            Err(keyring::Error::NoEntry) => Ok(None),
            Err(other) => Err(map_error(other)),
        }
    }

    /// Removes a register's key; a missing entry is not an error.
    pub fn delete(&self, register_id: &str) -> Result<()> {
        let entry = self.entry(register_id)?;
        match retry_transient(|| entry.delete_credential()) {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(other) => Err(map_error(other)),
        }
    }
}

/// The keychain account naming a data folder: a hash of its absolute path.
fn folder_account(data_dir: &crate::DataDir) -> String {
    use sha2::Digest;
    let path =
        std::fs::canonicalize(data_dir.path()).unwrap_or_else(|_| data_dir.path().to_path_buf());
    let digest = sha2::Sha256::digest(path.to_string_lossy().as_bytes());
    format!(
        "data-folder-{}",
        data_encoding::HEXLOWER.encode(&digest[..16])
    )
}

/// Maps keyring's errors to ours without ever copying secret bytes into a message.
/// Runs a keychain call again, for about two seconds, while the keychain service is between
/// two lives: a Secret Service daemon that stopped answering mid-call, or one just started
/// by D-Bus that has not yet unlocked its collection. Anything else is answered at once.
fn retry_transient<T>(call: impl Fn() -> keyring::Result<T>) -> keyring::Result<T> {
    let mut attempts = 0;
    loop {
        match call() {
            Err(
                keyring::Error::PlatformFailure(inner) | keyring::Error::NoStorageAccess(inner),
            ) if attempts < 20 && is_transient(&inner.to_string()) => {
                attempts += 1;
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            other => return other,
        }
    }
}

fn is_transient(detail: &str) -> bool {
    [
        "disconnected",
        "locked collection",
        "ServiceUnknown",
        "was not provided",
        "NoReply",
    ]
    .iter()
    .any(|sign| detail.contains(sign))
}

fn map_error(error: keyring::Error) -> Error {
    match error {
        keyring::Error::NoStorageAccess(inner) => Error::KeychainLocked {
            detail: inner.to_string(),
        },
        keyring::Error::PlatformFailure(inner) => Error::KeychainUnavailable {
            detail: inner.to_string(),
        },
        keyring::Error::NoEntry => Error::KeychainUnavailable {
            detail: "no entry".into(),
        },
        keyring::Error::BadEncoding(_) => Error::KeychainUnavailable {
            detail: "the keychain returned an entry in an unexpected encoding".into(),
        },
        keyring::Error::Ambiguous(_) => Error::KeychainUnavailable {
            detail: "the keychain holds several entries for this register".into(),
        },
        other => Error::KeychainUnavailable {
            detail: other.to_string(),
        },
    }
}
