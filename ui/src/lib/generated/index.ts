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
status: RegisterStatus, 
/**
 * False until the first administrator exists (the UI then asks for one).
 */
has_users: boolean, };

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

export type Role = "admin" | "office" | "sales";

export type Session = { 
/**
 * The user's id.
 */
user_id: string, 
/**
 * Log-in name.
 */
username: string, 
/**
 * Name shown in the app.
 */
display_name: string, 
/**
 * Role at log-in.
 */
role: Role, };

export type User = { 
/**
 * The user's id.
 */
user_id: string, 
/**
 * Log-in name.
 */
username: string, 
/**
 * Name shown in the app.
 */
display_name: string, 
/**
 * Role.
 */
role: Role, 
/**
 * Whether the user may log in.
 */
active: boolean, 
/**
 * When the account was made.
 */
created_at: string, 
/**
 * The latest completed privacy training (ISO date).
 */
last_training_on: string | null, 
/**
 * True when the latest training is more than 12 months old, or there is none.
 */
training_overdue: boolean, };

export type NewUser = { 
/**
 * Log-in name.
 */
username: string, 
/**
 * Name shown in the app.
 */
display_name: string, 
/**
 * Role.
 */
role: Role, };

export type AuditEvent = { 
/**
 * Position in the chain.
 */
seq: number, 
/**
 * The entry's id.
 */
event_id: string, 
/**
 * When (RFC 3339, UTC).
 */
at: string, 
/**
 * Who (none for a failed log-in with an unknown username).
 */
user_id: string | null, 
/**
 * The user's log-in name, for reading (staff data, not register data).
 */
username: string | null, 
/**
 * What was done.
 */
action: string, 
/**
 * The kind of record touched (`user`, `person`, …).
 */
record_kind: string | null, 
/**
 * The id of the record touched.
 */
record_id: string | null, };

export type AuditFilter = { 
/**
 * From this instant or date on (RFC 3339 or `YYYY-MM-DD`).
 */
since: string | null, 
/**
 * Before this instant or date.
 */
until: string | null, 
/**
 * Only this user's entries.
 */
username: string | null, 
/**
 * Only this action.
 */
action: string | null, 
/**
 * Only entries about this record id.
 */
record_id: string | null, 
/**
 * At most this many (default 500).
 */
limit: number | null, };

export type AuditVerification = { 
/**
 * Entries checked.
 */
entries: number, 
/**
 * Whether every entry matched.
 */
intact: boolean, 
/**
 * The first entry that does not match.
 */
first_broken_seq: number | null, 
/**
 * Why it does not match: `altered` (its content changed) or `link` (an entry before it
 * was removed or moved).
 */
problem: string | null, };

export type TrainingRecord = { 
/**
 * The record's id.
 */
training_id: string, 
/**
 * Who completed it.
 */
user_id: string, 
/**
 * Their username.
 */
username: string, 
/**
 * When (ISO date).
 */
completed_on: string, 
/**
 * What the training covered.
 */
topic: string, 
/**
 * The administrator who recorded it.
 */
recorded_by: string, 
/**
 * When it was recorded.
 */
recorded_at: string, };

export type InternalAuditResult = "passed" | "findings" | "failed";

export type InternalAudit = { 
/**
 * The record's id.
 */
internal_audit_id: string, 
/**
 * When it was held (ISO date).
 */
held_on: string, 
/**
 * What it covered.
 */
scope: string, 
/**
 * The outcome.
 */
result: InternalAuditResult, 
/**
 * What is to be done next (may be empty when passed).
 */
follow_up: string, 
/**
 * The administrator who recorded it.
 */
recorded_by: string, 
/**
 * When it was recorded.
 */
recorded_at: string, };
