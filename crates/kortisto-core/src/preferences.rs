//! A person's interface preferences, kept beside the register in `preferences.json`.
//! They hold no personal data, so they stay readable when the register itself cannot open.
use serde::{Deserialize, Serialize};

use crate::data_dir::write_atomically;
use crate::{DataDir, Error, Language, Result};

/// Interface preferences.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct Preferences {
    /// The interface language.
    pub language: Language,
}

impl Preferences {
    /// The saved preferences; defaults when none are saved or the file is unreadable
    /// (a preference is never worth refusing to start over).
    pub fn load(data_dir: &DataDir) -> Self {
        std::fs::read_to_string(data_dir.preferences_path())
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .unwrap_or_default()
    }

    /// Saves them, creating the data directory if needed.
    pub fn save(&self, data_dir: &DataDir) -> Result<()> {
        data_dir.ensure_writable()?;
        let text = serde_json::to_string_pretty(self).map_err(|e| Error::Storage(e.to_string()))?;
        write_atomically(&data_dir.preferences_path(), text.as_bytes()).map_err(|e| {
            Error::DataDirNotWritable {
                path: data_dir.path().to_path_buf(),
                detail: e.to_string(),
            }
        })
    }
}
