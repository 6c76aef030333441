//! The app's Tauri commands, one file per feature, and the error shape they all return.
//! The UI receives `{code, params, message: {fi, en}}` and picks the sentence by language.
use serde::Serialize;

pub mod audit;
pub mod corrections;
pub mod export;
pub mod import;
pub mod notice;
pub mod preferences;
pub mod records;
pub mod register;
pub mod register_content;
pub mod restriction;
pub mod retention;
pub mod rights;
pub mod session;
pub mod sync;
pub mod users;

/// A failed command, as the UI receives it.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct AppError {
    /// Stable code (see `kortisto_core::Error::code`).
    pub code: String,
    /// Values the sentence refers to.
    #[ts(type = "Record<string, unknown>")]
    pub params: serde_json::Value,
    /// The sentence in both languages.
    pub message: Message,
}

/// A sentence in Finnish and English.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
pub struct Message {
    /// Suomeksi.
    pub fi: String,
    /// In English.
    pub en: String,
}

impl From<kortisto_core::Error> for AppError {
    fn from(error: kortisto_core::Error) -> Self {
        use kortisto_core::Language;
        Self {
            code: error.code().to_string(),
            params: error.params(),
            message: Message {
                fi: error.message(Language::Fi),
                en: error.message(Language::En),
            },
        }
    }
}

impl AppError {
    /// The register has not been opened in this window yet.
    pub fn register_not_open() -> Self {
        Self {
            code: "register_not_open".into(),
            params: serde_json::json!({}),
            message: Message {
                fi: "Rekisteri ei ole auki. Käynnistä Kortisto uudelleen.".into(),
                en: "The register is not open. Restart Kortisto.".into(),
            },
        }
    }
}
