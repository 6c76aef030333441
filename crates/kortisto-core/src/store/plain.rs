//! The benchmark's unencrypted twin database (see [`crate::bench`]): an exact copy of an
//! encrypted register written **without** encryption by SQLCipher's `sqlcipher_export`, and
//! opened with the same pragmas and collations as the real store, minus the key and the
//! page authentication that only an encrypted file has. Nothing but the benchmark calls this.
use std::path::Path;

use rusqlite::{Connection, OpenFlags};

use crate::{Error, Result};

/// Writes every table, index and the search index of `conn`'s database to a new
/// unencrypted file at `path`.
pub(crate) fn export(conn: &Connection, path: &Path) -> Result<()> {
    if path.exists() {
        return Err(Error::Storage(format!("{} already exists", path.display())));
    }
    let target = path
        .to_str()
        .ok_or_else(|| Error::Storage("the twin's path is not UTF-8".into()))?;
    // The register's connection may not create files (it opens without CREATE, and ATTACH
    // inherits that), so the empty file is made first; SQLite takes it as an empty database.
    std::fs::File::create_new(path).map_err(|e| Error::Storage(e.to_string()))?;
    conn.execute("ATTACH DATABASE ?1 AS plain_twin KEY ''", [target])?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('plain_twin')", [], |_| Ok(()))
        .and_then(|()| {
            let version: u32 = conn.query_row("PRAGMA main.user_version", [], |row| row.get(0))?;
            conn.execute_batch(&format!(
                "PRAGMA plain_twin.user_version = {version}; PRAGMA plain_twin.journal_mode = WAL;"
            ))
        });
    let detached = conn.execute_batch("DETACH DATABASE plain_twin");
    exported?;
    detached?;
    Ok(())
}

/// Opens the twin as `store::open` opens a register: schema version read, the same
/// connection pragmas, the `finnish` collation.
pub(crate) fn open(path: &Path) -> Result<Connection> {
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )?;
    super::register_collations(&conn)?;
    let found: u32 = conn.pragma_query_value(None, "user_version", |row| row.get(0))?;
    if found != super::SCHEMA_VERSION {
        return Err(Error::SchemaTooNew {
            found,
            supported: super::SCHEMA_VERSION,
        });
    }
    super::set_connection_pragmas(&conn)?;
    Ok(conn)
}
