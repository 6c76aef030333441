//! What the app's commands share: the data directory, the keychain and the open register.
//! The register sits behind a mutex because Tauri runs commands on several threads.
use std::sync::{Mutex, MutexGuard};

use kortisto_core::{DataDir, Keychain, Register};

/// Shared by every command.
#[derive(Debug)]
pub struct AppState {
    /// Where the register lives.
    pub data_dir: DataDir,
    /// Where its key lives.
    pub keychain: Keychain,
    register: Mutex<Option<Register>>,
}

impl AppState {
    /// Data directory from `KORTISTO_DATA_DIR` (or the OS default), keychain service from
    /// `KORTISTO_KEYCHAIN_SERVICE` (or the default).
    pub fn from_env() -> kortisto_core::Result<Self> {
        Ok(Self::new(DataDir::resolve(None)?, Keychain::from_env()))
    }

    /// State over an explicit data directory and keychain (tests).
    pub fn new(data_dir: DataDir, keychain: Keychain) -> Self {
        Self {
            data_dir,
            keychain,
            register: Mutex::new(None),
        }
    }

    /// The open register slot. A command that panicked while holding the lock must not
    /// lock everyone out, so a poisoned lock is taken over.
    pub fn register(&self) -> MutexGuard<'_, Option<Register>> {
        self.register
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}
