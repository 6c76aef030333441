// Generated from the Rust types by tests/bindings.rs; do not edit by hand.
// Refresh: KORTISTO_UPDATE_BINDINGS=1 cargo test --test bindings

export type Language = "fi" | "en";

export type Preferences = { 
/**
 * The interface language.
 */
language: Language, };

export type RegisterStatus = { 
/**
 * The register's id.
 */
register_id: string, 
/**
 * Schema version recorded in the database.
 */
schema_version: number, 
/**
 * Which keychain holds the key.
 */
key_backend: string, 
/**
 * The keychain service name the key is filed under.
 */
keychain_service: string, 
/**
 * The data directory.
 */
data_dir: string, 
/**
 * Bytes on disk: database file plus write-ahead log.
 */
database_bytes: number, 
/**
 * When the register was created (RFC 3339, UTC).
 */
created_at: string, 
/**
 * Number of records by kind.
 */
counts: Record<string, number>, };

export type StartupState = { "state": "created", 
/**
 * The recovery code, for the write-it-down step.
 */
recovery_code: string, 
/**
 * The new register.
 */
status: RegisterStatus, } | { "state": "opened", 
/**
 * The register.
 */
status: RegisterStatus, };

export type Message = { 
/**
 * Suomeksi.
 */
fi: string, 
/**
 * In English.
 */
en: string, };

export type AppError = { 
/**
 * Stable code (see `kortisto_core::Error::code`).
 */
code: string, 
/**
 * Values the sentence refers to.
 */
params: Record<string, unknown>, 
/**
 * The sentence in both languages.
 */
message: Message, };
