//! The store: the only module that opens the SQLCipher database and writes SQL.
//! It applies the key as the very first statement, authenticates every page, refuses a
//! schema newer than this build, sets the pragmas and runs the numbered migrations.
use std::path::Path;

use rusqlite::{Connection, OpenFlags};
use rusqlite_migration::{Migrations, M};
use zeroize::Zeroizing;

pub(crate) mod audit;
pub(crate) mod bulk;
pub(crate) mod carry_over;
pub(crate) mod consent;
pub(crate) mod deals;
pub(crate) mod disclosures;
pub(crate) mod erasure;
pub(crate) mod history;
pub(crate) mod import;
pub(crate) mod meetings;
pub(crate) mod organisations;
pub(crate) mod people;
pub(crate) mod plain;
pub(crate) mod purposes;
pub(crate) mod redaction;
pub(crate) mod requests;
pub(crate) mod restriction;
pub(crate) mod retention;
pub(crate) mod search;
pub(crate) mod sources;
pub(crate) mod sync;
pub(crate) mod sync_conflicts;
pub(crate) mod users;

use crate::secret::DatabaseKey;
use crate::{Error, Result};

/// A stored enum value this build does not know (the CHECKs should make it impossible).
fn bad_enum(column: usize) -> rusqlite::Error {
    rusqlite::Error::InvalidColumnType(column, "enum".into(), rusqlite::types::Type::Text)
}

/// Numbered migrations, one file each in `store/migrations/`; never edit a released one.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_register.sql"),
    include_str!("migrations/0002_users_audit.sql"),
    include_str!("migrations/0003_register_content.sql"),
    include_str!("migrations/0004_rights.sql"),
    include_str!("migrations/0005_retention_backup.sql"),
    include_str!("migrations/0006_sync.sql"),
    include_str!("migrations/0007_consent_order.sql"),
    include_str!("migrations/0008_corrections.sql"),
    include_str!("migrations/0009_restriction_objection.sql"),
    include_str!("migrations/0010_positions_contacts.sql"),
    include_str!("migrations/0011_record_corrections.sql"),
    include_str!("migrations/0012_reads_training.sql"),
    include_str!("migrations/0013_import.sql"),
    include_str!("migrations/0014_purposes_notice.sql"),
    include_str!("migrations/0015_team_reads.sql"),
];

/// The schema version this build writes (the number of migrations).
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

fn migrations() -> Migrations<'static> {
    Migrations::new(MIGRATIONS.iter().map(|sql| M::up(sql)).collect())
}

/// Creates a new encrypted database at `path` (which must not exist) and migrates it.
pub(crate) fn create(path: &Path, key: &DatabaseKey) -> Result<Connection> {
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    apply_key(&conn, key)?;
    // WAL is remembered in the file; the rest are per connection.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    set_connection_pragmas(&conn)?;
    migrations()
        .to_latest(&mut conn)
        .map_err(|e| Error::Storage(e.to_string()))?;
    Ok(conn)
}

/// A fresh file under `key` for a backup snapshot (no WAL: it is read back as one file).
pub(crate) fn create_snapshot_target(path: &Path, key: &DatabaseKey) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE
            | OpenFlags::SQLITE_OPEN_CREATE
            | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    apply_key(&conn, key)?;
    Ok(conn)
}

/// Opens an existing database with a key already known to belong to it. Nothing is written
/// until the file has been authenticated and its schema found to be one this build knows,
/// so every refusal leaves the file byte-for-byte as it was.
pub(crate) fn open(path: &Path, key: &DatabaseKey) -> Result<Connection> {
    let mut conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| damaged(format!("cannot open the file: {e}")))?;
    apply_key(&conn, key)?;
    // The schema pages are read (and their HMACs checked) here; every other page is checked
    // whenever it is read. The full walk (`verify_pages`) costs ~2.5 ms per MB, so it runs
    // after opening, not in the way of it.
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
        row.get::<_, i64>(0)
    })
    .map_err(|e| damaged(e.to_string()))?;
    let found: u32 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|e| damaged(e.to_string()))?;
    if found > SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    set_connection_pragmas(&conn)?;
    if found < SCHEMA_VERSION {
        migrations()
            .to_latest(&mut conn)
            .map_err(|e| Error::Storage(e.to_string()))?;
    }
    sync::install_capture(&conn)?;
    Ok(conn)
}

/// Opens an existing database read-only, to learn whether `key` opens it and whose it is
/// (repair, restore): nothing is migrated or written.
pub(crate) fn open_read_only(path: &Path, key: &DatabaseKey) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| damaged(format!("cannot open the file: {e}")))?;
    apply_key(&conn, key)?;
    conn.query_row("SELECT count(*) FROM sqlite_master", [], |row| {
        row.get::<_, i64>(0)
    })
    .map_err(|e| damaged(e.to_string()))?;
    Ok(conn)
}

fn apply_key(conn: &Connection, key: &DatabaseKey) -> Result<()> {
    let statement = Zeroizing::new(format!(
        "PRAGMA key = \"{}\";",
        key.sqlcipher_literal().as_str()
    ));
    conn.execute_batch(&statement)
        .map_err(|_| Error::Storage("the database refused its key statement".into()))?;
    register_collations(conn)
}

/// The `finnish` collation used by list indexes; needed on every connection.
pub(crate) fn register_collations(conn: &Connection) -> Result<()> {
    conn.create_collation("finnish", crate::collation::finnish)?;
    Ok(())
}

/// Checks the HMAC of every page (SQLCipher's `cipher_integrity_check`), so a flipped byte
/// anywhere in the file is found even in pages no screen has read yet.
pub(crate) fn authenticate_pages(conn: &Connection) -> Result<()> {
    let mut statement = conn
        .prepare("PRAGMA cipher_integrity_check")
        .map_err(|e| damaged(e.to_string()))?;
    let failures: Vec<String> = statement
        .query_map([], |row| row.get::<_, String>(0))
        .and_then(|rows| rows.collect())
        .map_err(|e| damaged(e.to_string()))?;
    match failures.first() {
        None => Ok(()),
        Some(first) => Err(damaged(format!(
            "{} page(s) failed authentication, first: {first}",
            failures.len()
        ))),
    }
}

fn set_connection_pragmas(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "secure_delete", "ON")?;
    // 64 MiB of page cache instead of SQLite's 2 MiB: every page read from the file costs
    // SQLCipher a decryption and an HMAC check, so keeping the hot pages (index interiors,
    // the search index) decrypted in memory keeps the encrypted register near plain speed.
    conn.pragma_update(None, "cache_size", -65_536)?;
    Ok(())
}

fn damaged(detail: String) -> Error {
    Error::DatabaseDamaged { detail }
}

/// Reads the schema version recorded in the file.
pub(crate) fn schema_version(conn: &Connection) -> Result<u32> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

/// Records the register's identity in a fresh database.
pub(crate) fn insert_register_info(
    conn: &Connection,
    register_id: &str,
    created_at: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO register_info (register_id, created_at, created_by_version) VALUES (?1, ?2, ?3)",
        (register_id, created_at, env!("CARGO_PKG_VERSION")),
    )?;
    Ok(())
}

/// The register id stored inside the database (must match the manifest).
pub(crate) fn register_id(conn: &Connection) -> Result<String> {
    conn.query_row("SELECT register_id FROM register_info", [], |row| {
        row.get(0)
    })
    .map_err(|e| damaged(format!("register identity unreadable: {e}")))
}

/// The register id and creation time stored inside the database.
pub(crate) fn register_identity(conn: &Connection) -> Result<(String, String)> {
    conn.query_row(
        "SELECT register_id, created_at FROM register_info",
        [],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )
    .map_err(|e| damaged(format!("register identity unreadable: {e}")))
}

/// Row counts of the register's record tables, by record kind, for `status`.
pub(crate) fn record_counts(conn: &Connection) -> Result<Vec<(&'static str, u64)>> {
    COUNTED_TABLES
        .iter()
        .map(|(kind, table)| {
            let count: i64 =
                conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |row| {
                    row.get(0)
                })?;
            Ok((*kind, count as u64))
        })
        .collect()
}

/// Record kinds shown by `status`, each with its table; grows with each feature.
const COUNTED_TABLES: &[(&str, &str)] = &[
    ("registers", "register_info"),
    ("users", "users"),
    ("audit_events", "audit_events"),
    ("people", "people"),
    ("organisations", "organisations"),
    ("positions", "positions"),
    ("contact_points", "contact_points"),
    ("deals", "deals"),
    ("meetings", "meetings"),
    ("service_elements", "service_elements"),
    ("consent_events", "consent_events"),
    ("requests", "requests"),
    ("erasure_receipts", "erasure_receipts"),
];
