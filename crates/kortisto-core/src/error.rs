//! Every failure a user of Kortisto can meet, each with a stable code and a Finnish and
//! English sentence that says what to do. Front ends show these; they never parse the text.
use std::path::PathBuf;

use serde_json::{json, Value};

use crate::Language;

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// A failure with a stable [`code`](Error::code). None of the variants carries key material
/// or personal data, so an error can be logged and shown as it is.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No keychain service answered (on Linux: no Secret Service on the session bus).
    #[error("keychain_unavailable: {detail}")]
    KeychainUnavailable {
        /// What the platform said.
        detail: String,
    },
    /// The keychain exists but is locked or refused access.
    #[error("keychain_locked: {detail}")]
    KeychainLocked {
        /// What the platform said.
        detail: String,
    },
    /// The register exists but its key is not in this keychain.
    #[error("key_missing for register {register_id}")]
    KeyMissing {
        /// The register whose key is missing.
        register_id: String,
    },
    /// The keychain holds a key, but not the one this register was made with.
    #[error("wrong_key for register {register_id}")]
    WrongKey {
        /// The register whose key did not match.
        register_id: String,
    },
    /// The database file or its manifest failed authentication or cannot be parsed.
    #[error("database_damaged: {detail}")]
    DatabaseDamaged {
        /// What was found wrong (no data from the file).
        detail: String,
    },
    /// The register was written by a newer Kortisto.
    #[error("schema_too_new: found {found}, this version knows up to {supported}")]
    SchemaTooNew {
        /// Schema version in the file.
        found: u32,
        /// Newest schema version this build knows.
        supported: u32,
    },
    /// The data directory cannot be created or written.
    #[error("data_dir_not_writable: {path}: {detail}")]
    DataDirNotWritable {
        /// The directory.
        path: PathBuf,
        /// What the OS said.
        detail: String,
    },
    /// No register in this data directory yet.
    #[error("register_missing in {path}")]
    RegisterMissing {
        /// The data directory.
        path: PathBuf,
    },
    /// A register already exists where a new one was to be created.
    #[error("register_exists in {path}")]
    RegisterExists {
        /// The data directory.
        path: PathBuf,
    },
    /// The recovery code is mistyped (wrong length, letters or checksum).
    #[error("recovery_code_invalid")]
    RecoveryCodeInvalid,
    /// The recovery code is well-formed but belongs to another register.
    #[error("recovery_code_mismatch")]
    RecoveryCodeMismatch,
    /// An unexpected storage failure (a bug or a failing disk).
    #[error("storage_failed: {0}")]
    Storage(String),
}

impl Error {
    /// The stable code front ends match on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::KeychainUnavailable { .. } => "keychain_unavailable",
            Error::KeychainLocked { .. } => "keychain_locked",
            Error::KeyMissing { .. } => "key_missing",
            Error::WrongKey { .. } => "wrong_key",
            Error::DatabaseDamaged { .. } => "database_damaged",
            Error::SchemaTooNew { .. } => "schema_too_new",
            Error::DataDirNotWritable { .. } => "data_dir_not_writable",
            Error::RegisterMissing { .. } => "register_missing",
            Error::RegisterExists { .. } => "register_exists",
            Error::RecoveryCodeInvalid => "recovery_code_invalid",
            Error::RecoveryCodeMismatch => "recovery_code_mismatch",
            Error::Storage(_) => "storage_failed",
        }
    }

    /// The values the sentence refers to, for front ends that word it themselves.
    pub fn params(&self) -> Value {
        match self {
            Error::KeychainUnavailable { detail }
            | Error::KeychainLocked { detail }
            | Error::DatabaseDamaged { detail }
            | Error::Storage(detail) => json!({ "detail": detail }),
            Error::KeyMissing { register_id } | Error::WrongKey { register_id } => {
                json!({ "register_id": register_id })
            }
            Error::SchemaTooNew { found, supported } => {
                json!({ "found": found, "supported": supported })
            }
            Error::DataDirNotWritable { path, detail } => {
                json!({ "path": path.display().to_string(), "detail": detail })
            }
            Error::RegisterMissing { path } | Error::RegisterExists { path } => {
                json!({ "path": path.display().to_string() })
            }
            Error::RecoveryCodeInvalid | Error::RecoveryCodeMismatch => json!({}),
        }
    }

    /// The sentence for a person: what happened and what to do, in `language`.
    pub fn message(&self, language: Language) -> String {
        let fi = language == Language::Fi;
        match self {
            Error::KeychainUnavailable { .. } => if fi {
                "Käyttöjärjestelmän avainnippua ei löytynyt, joten rekisteriä ei voi avata. Käynnistä avainnippupalvelu (Linuxissa esim. GNOME Keyring) tai kirjaudu työpöytäistuntoon ja yritä uudelleen."
            } else {
                "The operating system's keychain could not be reached, so the register cannot be opened. Start the keychain service (on Linux e.g. GNOME Keyring) or log in to a desktop session and try again."
            }
            .to_string(),
            Error::KeychainLocked { .. } => if fi {
                "Avainnippu on lukittu tai esti pääsyn. Avaa avainnippu (kirjaudu sisään tai anna sen salasana) ja yritä uudelleen."
            } else {
                "The keychain is locked or refused access. Unlock it (log in or enter its password) and try again."
            }
            .to_string(),
            Error::KeyMissing { .. } => if fi {
                "Rekisterin avainta ei ole tämän koneen avainnipussa. Palauta se rekisteriä luotaessa näytetyllä palautuskoodilla: kortisto recover --code KOODI."
            } else {
                "The register's key is not in this computer's keychain. Restore it with the recovery code shown when the register was created: kortisto recover --code CODE."
            }
            .to_string(),
            Error::WrongKey { .. } => if fi {
                "Avainnipussa oleva avain ei kuulu tähän rekisteriin. Palauta oikea avain palautuskoodilla: kortisto recover --code KOODI."
            } else {
                "The key in the keychain does not belong to this register. Put the right key back with the recovery code: kortisto recover --code CODE."
            }
            .to_string(),
            Error::DatabaseDamaged { .. } => if fi {
                "Rekisteritiedosto on vioittunut tai sitä on muutettu Kortiston ulkopuolella, eikä sitä avattu. Tiedostoon ei koskettu. Palauta rekisteri varmuuskopiosta tai ota yhteys ylläpitoon."
            } else {
                "The register file is damaged or was changed outside Kortisto, so it was not opened. The file was left untouched. Restore the register from a backup or contact support."
            }
            .to_string(),
            Error::SchemaTooNew { found, supported } => if fi {
                format!("Rekisteri on tehty uudemmalla Kortiston versiolla (rakenneversio {found}, tämä versio tuntee {supported} asti). Päivitä Kortisto ja avaa rekisteri uudelleen.")
            } else {
                format!("The register was made by a newer Kortisto (schema version {found}; this version knows up to {supported}). Update Kortisto and open the register again.")
            },
            Error::DataDirNotWritable { path, .. } => if fi {
                format!("Tietokansioon {} ei voi kirjoittaa. Valitse kansio, johon sinulla on kirjoitusoikeus (--data-dir tai KORTISTO_DATA_DIR), tai korjaa kansion oikeudet.", path.display())
            } else {
                format!("The data folder {} cannot be written. Choose a folder you can write to (--data-dir or KORTISTO_DATA_DIR) or fix the folder's permissions.", path.display())
            },
            Error::RegisterMissing { path } => if fi {
                format!("Kansiossa {} ei ole rekisteriä. Luo rekisteri komennolla kortisto init tai valitse oikea kansio.", path.display())
            } else {
                format!("There is no register in {}. Create one with kortisto init or choose the right folder.", path.display())
            },
            Error::RegisterExists { path } => if fi {
                format!("Kansiossa {} on jo rekisteri. Avaa se, tai valitse uudelle rekisterille toinen kansio.", path.display())
            } else {
                format!("{} already holds a register. Open it, or choose another folder for a new register.", path.display())
            },
            Error::RecoveryCodeInvalid => if fi {
                "Palautuskoodi ei ole kelvollinen: tarkista, että kirjoitit kaikki merkit oikein (väliviivoilla ja kirjainkoolla ei ole väliä)."
            } else {
                "The recovery code is not valid: check that every character is typed correctly (dashes and letter case do not matter)."
            }
            .to_string(),
            Error::RecoveryCodeMismatch => if fi {
                "Palautuskoodi on kelvollinen mutta kuuluu toiseen rekisteriin. Käytä tämän rekisterin luonnissa näytettyä koodia."
            } else {
                "The recovery code is valid but belongs to another register. Use the code shown when this register was created."
            }
            .to_string(),
            Error::Storage(_) => if fi {
                "Tallennus epäonnistui odottamatta, eikä mitään muutettu. Yritä uudelleen; jos virhe toistuu, ota yhteys ylläpitoon."
            } else {
                "Storage failed unexpectedly and nothing was changed. Try again; if it happens again, contact support."
            }
            .to_string(),
        }
    }
}

impl From<rusqlite::Error> for Error {
    fn from(error: rusqlite::Error) -> Self {
        Error::Storage(error.to_string())
    }
}
