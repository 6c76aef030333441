//! SQL of a restore's carry-over: what never rolls back (see `backup.rs`) is copied from the
//! live register, attached as `live`, into the restored one before it replaces the live file.
use std::path::Path;

use rusqlite::Connection;

use crate::secret::DatabaseKey;
use crate::Result;

/// Attaches the live database (same key) to the restored one's connection as `live`.
pub(crate) fn attach_live(restored: &Connection, live: &Path, key: &DatabaseKey) -> Result<()> {
    restored.execute(
        "ATTACH DATABASE ?1 AS live KEY ?2",
        (live.to_string_lossy(), key.sqlcipher_literal().as_str()),
    )?;
    Ok(())
}

/// Detaches it again, after the carry-over committed.
pub(crate) fn detach_live(restored: &Connection) -> Result<()> {
    restored.execute_batch("DETACH DATABASE live")?;
    Ok(())
}

/// Tables whose live rows win over the backup's: the row is inserted or, when the backup
/// has it, updated to the live values (a deactivation, a role or password change, a closed
/// request). `filter` keeps rows that point at content the backup does not hold.
const LIVE_WINS: &[(&str, &str, &str)] = &[
    ("users", "user_id", "true"),
    ("settings", "key", "true"),
    // The purposes of processing are settings too (like the controller): what an
    // administrator set after the backup stands, with the consent purposes they name.
    ("consent_purposes", "purpose", "true"),
    ("purposes", "purpose_id", "true"),
    (
        "requests",
        "request_id",
        "person_id IS NULL OR person_id IN (SELECT person_id FROM main.people)",
    ),
    // A hold lifted after the backup stays lifted.
    ("legal_holds", "legal_hold_id", "true"),
    // A restriction of processing set after the backup stands, one lifted stays lifted
    // (Art. 18: the person's state, like a consent withdrawal, not the register's content).
    (
        "restrictions",
        "restriction_id",
        "person_id IN (SELECT person_id FROM main.people)",
    ),
];

/// Append-only tables: rows the backup lacks are added, in the order they were recorded.
const APPEND_ONLY: &[(&str, &str)] = &[
    ("privacy_trainings", "true"),
    ("internal_audits", "true"),
    ("retention_runs", "true"),
    // A privacy notice published after the backup was published: it stays on record.
    (
        "notice_versions",
        "published_by IN (SELECT user_id FROM main.users)",
    ),
    (
        "consent_events",
        "person_id IN (SELECT person_id FROM main.people)",
    ),
    // An objection is final for its purpose (Art. 21): one made after the backup stands.
    (
        "objections",
        "person_id IN (SELECT person_id FROM main.people)
         AND purpose IN (SELECT purpose FROM main.consent_purposes)",
    ),
];

/// The audit trail's append-only triggers, as created by migration 0002.
const AUDIT_TRIGGERS: &str = "
CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;";

/// The append-only triggers of the reads beside the trail, as created by migration 0012.
const READS_TRIGGERS: &str = "
CREATE TRIGGER person_reads_append_only_update BEFORE UPDATE ON person_reads
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER person_reads_append_only_delete BEFORE DELETE ON person_reads
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;";

fn columns(conn: &Connection, table: &str) -> Result<Vec<String>> {
    let mut statement = conn.prepare(&format!("SELECT name FROM pragma_table_info('{table}')"))?;
    let names = statement.query_map([], |row| row.get::<_, String>(0))?;
    Ok(names.collect::<rusqlite::Result<_>>()?)
}

/// Copies what never rolls back from `live` into `main`; call inside the restore's
/// transaction, with `live` attached.
pub(crate) fn from_live(tx: &Connection) -> Result<()> {
    // First, before any row below is captured for sync: this device's identity and clock,
    // and who was erased anywhere, never roll back; its outbox numbering continues after
    // the live one, so a change made after the restore can never reuse a sequence number
    // the hub already holds (the hub would take it for a retry and drop it). The field
    // clocks and pull cursors stay the backup's, so other devices' changes since the
    // backup are pulled again; and so are this device's own changes since the backup
    // (a cursor on itself from the backup's last captured change, which the next sync
    // follows to the end and then drops): they are on the hub and on every other device,
    // and a register that lacked them would never converge with the team again.
    tx.execute_batch(
        "INSERT OR REPLACE INTO main.sync_cursor (device_id, seq)
           SELECT device_id,
                  coalesce((SELECT seq FROM main.sqlite_sequence WHERE name = 'sync_outbox'), 0)
             FROM live.sync_state;
         DELETE FROM main.sync_state;
         INSERT INTO main.sync_state SELECT * FROM live.sync_state;
         INSERT OR IGNORE INTO main.sync_erased SELECT * FROM live.sync_erased;
         INSERT INTO main.sqlite_sequence (name, seq) SELECT 'sync_outbox', 0
          WHERE NOT EXISTS (SELECT 1 FROM main.sqlite_sequence WHERE name = 'sync_outbox');
         UPDATE main.sqlite_sequence
            SET seq = max(seq, coalesce((SELECT seq FROM live.sqlite_sequence WHERE name = 'sync_outbox'), 0))
          WHERE name = 'sync_outbox';",
    )?;
    for (table, key, filter) in LIVE_WINS {
        let columns = columns(tx, table)?;
        let list = columns.join(", ");
        let updates = columns
            .iter()
            .filter(|c| c.as_str() != *key)
            .map(|c| format!("{c} = excluded.{c}"))
            .collect::<Vec<_>>()
            .join(", ");
        tx.execute_batch(&format!(
            "INSERT INTO main.{table} ({list}) SELECT {list} FROM live.{table} WHERE {filter}
             ON CONFLICT ({key}) DO UPDATE SET {updates}"
        ))?;
    }
    for (table, filter) in APPEND_ONLY {
        let list = columns(tx, table)?.join(", ");
        tx.execute_batch(&format!(
            "INSERT OR IGNORE INTO main.{table} ({list})
             SELECT {list} FROM live.{table} WHERE {filter} ORDER BY rowid"
        ))?;
    }
    // The live trail already holds every entry the backup's does (it is never rolled back),
    // so the restored register takes the live trail whole.
    // The people each read showed belong to the trail (its entries commit to them, and
    // "who has seen" answers from them): they come whole with it, and so does the by-person
    // index derived from them. Otherwise every read since the backup would lose its people
    // and the verification would find the trail altered.
    let list = columns(tx, "audit_events")?.join(", ");
    tx.execute_batch(&format!(
        "DROP TRIGGER main.person_reads_append_only_update;
         DROP TRIGGER main.person_reads_append_only_delete;
         DELETE FROM main.person_reads;
         DELETE FROM main.person_reads_by_person;
         DELETE FROM main.person_reads_indexed;
         DROP TRIGGER main.audit_events_append_only_update;
         DROP TRIGGER main.audit_events_append_only_delete;
         DELETE FROM main.audit_events;
         INSERT INTO main.audit_events ({list}) SELECT {list} FROM live.audit_events ORDER BY seq;
         INSERT INTO main.person_reads (seq, person_ids)
           SELECT seq, person_ids FROM live.person_reads ORDER BY seq;
         INSERT INTO main.person_reads_by_person (person_id, seq)
           SELECT person_id, seq FROM live.person_reads_by_person;
         INSERT INTO main.person_reads_indexed (id, up_to_seq)
           SELECT id, up_to_seq FROM live.person_reads_indexed;
         {AUDIT_TRIGGERS}
         {READS_TRIGGERS}"
    ))?;
    Ok(())
}
