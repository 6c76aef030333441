//! kortisto-core owns the Kortisto register: the encrypted SQLCipher store, its key
//! in the OS keychain, typed errors, and every rule that the desktop app and the CLI call.
//!
//! The crate never prints and never talks to a window or a terminal: it returns values
//! and [`Error`]s, and the two front ends (`src-tauri/` and `crates/kortisto-cli`) show them.
//! Time comes from a [`Clock`] so that rules can be tested at any date.
#![forbid(unsafe_code)]
#![warn(missing_docs)]

#[macro_use]
mod names;

pub mod audit;
pub mod auth;
pub mod backup;
pub mod bench;
mod clock;
pub mod collation;
pub mod consent;
pub mod corrections;
mod data_dir;
mod date;
pub mod deals;
pub mod demo;
pub mod disclosures;
pub mod erasure;
mod error;
pub mod export;
pub mod extract;
pub mod history;
pub mod hub;
mod ids;
pub mod import;
mod keychain;
mod language;
pub mod meetings;
pub mod notice;
pub mod organisations;
pub mod output_file;
mod pdf;
pub mod people;
mod preferences;
pub mod purposes;
pub mod reads;
pub mod record_of_processing;
pub mod redaction;
mod register;
pub mod requests;
pub mod restriction;
pub mod retention;
pub mod search;
mod secret;
pub mod sources;
pub mod spreadsheet;
mod store;
pub mod sync;
pub mod sync_conflicts;
pub mod training;
pub mod users;
pub mod validate;

pub use audit::AuditFilter;
pub use clock::{Clock, FixedClock, SystemClock};
pub use data_dir::{DataDir, DATA_DIR_ENV};
pub use date::{format_finnish, parse_date};
pub use error::{Error, Result};
pub use keychain::{Keychain, KEYCHAIN_SERVICE_ENV};
pub use language::Language;
pub use preferences::Preferences;
pub use register::{Created, Register, RegisterStatus};
pub use secret::RecoveryCode;
pub use store::SCHEMA_VERSION;
