//! How the CLI speaks: JSON on stdout with `--json`, sentences otherwise, and errors as a
//! sentence on stderr (plus `{"error": …}` on stdout with `--json`) with exit status 1.
use std::process::ExitCode;

use kortisto_core::{Error, Language};
use serde::Serialize;

/// Output settings of one invocation.
#[derive(Debug, Clone, Copy)]
pub struct Output {
    json: bool,
    language: Language,
}

impl Output {
    pub fn new(json: bool, language: Language) -> Self {
        Self { json, language }
    }

    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether `--json` was given.
    pub fn is_json(&self) -> bool {
        self.json
    }

    /// Prints `value` as JSON whatever `--json` says.
    pub fn print_json<T: Serialize>(&self, value: &T) {
        println!(
            "{}",
            serde_json::to_string_pretty(value).expect("output values serialise")
        );
    }

    /// Prints `value` as JSON, or the human text from `human` (in the chosen language).
    pub fn print<T: Serialize>(&self, value: &T, human: impl FnOnce(Language) -> String) {
        if self.json {
            println!(
                "{}",
                serde_json::to_string_pretty(value).expect("output values serialise")
            );
        } else {
            println!("{}", human(self.language));
        }
    }

    /// Reports a failure and gives the exit status.
    pub fn fail(&self, error: &Error) -> ExitCode {
        if self.json {
            let body =
                serde_json::json!({ "error": { "code": error.code(), "params": error.params() } });
            println!("{body}");
        }
        let label = match self.language {
            Language::Fi => "virhe",
            Language::En => "error",
        };
        eprintln!(
            "{label} [{}]: {}",
            error.code(),
            error.message(self.language)
        );
        ExitCode::FAILURE
    }
}

/// Picks the Finnish or English text.
pub fn pick(language: Language, fi: &str, en: &str) -> String {
    match language {
        Language::Fi => fi.to_string(),
        Language::En => en.to_string(),
    }
}

/// Bytes in a readable unit with Finnish or English decimals (`1,5 Mt` / `1.5 MB`).
pub fn size(language: Language, bytes: u64) -> String {
    let (value, unit_fi, unit_en) = if bytes >= 1_000_000_000 {
        (bytes as f64 / 1e9, "Gt", "GB")
    } else if bytes >= 1_000_000 {
        (bytes as f64 / 1e6, "Mt", "MB")
    } else if bytes >= 1_000 {
        (bytes as f64 / 1e3, "kt", "kB")
    } else {
        (bytes as f64, "t", "B")
    };
    let number = format!("{value:.1}");
    match language {
        Language::Fi => format!("{} {unit_fi}", number.replace('.', ",")),
        Language::En => format!("{number} {unit_en}"),
    }
}
