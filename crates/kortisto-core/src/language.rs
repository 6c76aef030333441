//! The two languages Kortisto speaks: Finnish first, English second.
//! Front ends pick one; the core uses it only to word its error sentences.
use serde::{Deserialize, Serialize};

/// A user-interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    /// Suomi (the default).
    #[default]
    Fi,
    /// English.
    En,
}

impl Language {
    /// Parses `fi` or `en` (case-insensitive); anything else is `None`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "fi" => Some(Self::Fi),
            "en" => Some(Self::En),
            _ => None,
        }
    }

    /// The language's code as written in settings and on the command line.
    pub fn code(self) -> &'static str {
        match self {
            Self::Fi => "fi",
            Self::En => "en",
        }
    }
}
