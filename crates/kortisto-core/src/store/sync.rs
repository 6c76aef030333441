//! SQL of sync: which tables travel, the triggers that capture every change into the outbox,
//! and the local bookkeeping (field clocks, cursors, erased people, conflicts).
use rusqlite::{params, Connection, OptionalExtension};
use serde_json::{Map, Value};

use crate::sync::SyncConflict;
use crate::Result;

/// Which person a row is about, so an erasure can find every record of them.
#[derive(Clone, Copy)]
pub(crate) enum Subject {
    /// Not about one person (or about users, whose data is not erased this way).
    Nobody,
    /// The row is the person (`people.person_id`).
    TheRow,
    /// The row names its person in this column.
    Column(&'static str),
    /// The row names a record by `record_kind`/`record_id`; about a person when the kind is.
    RecordIfPerson,
    /// A history row: about a person when its record is one, and when it says a person was
    /// added to or taken off a meeting or a deal (its value is their id), so the hub deletes
    /// it with them and a device that erased them never pushes it.
    History,
}

/// A table whose changes travel.
pub(crate) struct SyncedTable {
    pub name: &'static str,
    /// Primary-key columns (the row key is their JSON array).
    pub key: &'static [&'static str],
    /// Columns that stay on this device (login failure counters).
    pub local: &'static [&'static str],
    pub subject: Subject,
}

const fn table(name: &'static str, key: &'static [&'static str], subject: Subject) -> SyncedTable {
    SyncedTable {
        name,
        key,
        local: &[],
        subject,
    }
}

/// Columns that only record when a row last changed: merged by clock like every field, but a
/// concurrent change to them is no conflict worth showing anyone.
pub(crate) const BOOKKEEPING_COLUMNS: &[&str] = &["updated_at", "last_meeting_at"];

/// Settings that describe this device, not the register (its backup folder, its anchor).
pub(crate) const LOCAL_SETTINGS: &[&str] = &[
    "backup_folder",
    "backup_keep",
    "backup_last_at",
    "audit_anchored",
    crate::store::audit::READS_SHARED_SETTING,
];

/// Every table that travels, parents before children. What is not here stays on the device:
/// the audit trail (each device's own chain; the reads it keeps travel as `team_reads`), the
/// search index (rebuilt from the rows), the register's identity and the sync bookkeeping.
pub(crate) const SYNCED_TABLES: &[SyncedTable] = &[
    SyncedTable {
        name: "users",
        key: &["user_id"],
        local: &["failed_logins", "last_failed_at"],
        subject: Subject::Nobody,
    },
    table("settings", &["key"], Subject::Nobody),
    table("sources", &["source_id"], Subject::Nobody),
    table("organisations", &["organisation_id"], Subject::Nobody),
    table("people", &["person_id"], Subject::TheRow),
    table("positions", &["position_id"], Subject::Column("person_id")),
    table(
        "contact_points",
        &["contact_id"],
        Subject::Column("person_id"),
    ),
    table("deals", &["deal_id"], Subject::Nobody),
    table(
        "deal_people",
        &["deal_id", "person_id"],
        Subject::Column("person_id"),
    ),
    table("meetings", &["meeting_id"], Subject::Nobody),
    table(
        "meeting_participants",
        &["meeting_id", "person_id"],
        Subject::Column("person_id"),
    ),
    table(
        "service_elements",
        &["element_id"],
        Subject::Column("person_id"),
    ),
    table("consent_purposes", &["purpose"], Subject::Nobody),
    table("purposes", &["purpose_id"], Subject::Nobody),
    table("notice_versions", &["notice_version_id"], Subject::Nobody),
    table(
        "consent_events",
        &["consent_event_id"],
        Subject::Column("person_id"),
    ),
    table("processors", &["processor_id"], Subject::Nobody),
    table("transfers", &["transfer_id"], Subject::Nobody),
    table(
        "disclosures",
        &["disclosure_id"],
        Subject::Column("person_id"),
    ),
    table("requests", &["request_id"], Subject::Column("person_id")),
    table("change_history", &["change_id"], Subject::History),
    table("legal_holds", &["legal_hold_id"], Subject::RecordIfPerson),
    table(
        "restrictions",
        &["restriction_id"],
        Subject::Column("person_id"),
    ),
    table(
        "objections",
        &["objection_id"],
        Subject::Column("person_id"),
    ),
    table("erasure_receipts", &["receipt_id"], Subject::Nobody),
    table("marketing_suppression", &["email_hash"], Subject::Nobody),
    table("retention_rules", &["rule_id"], Subject::Nobody),
    table("retention_runs", &["run_id"], Subject::Nobody),
    table("redaction_todos", &["todo_id"], Subject::Nobody),
    table("privacy_trainings", &["training_id"], Subject::Nobody),
    table("internal_audits", &["internal_audit_id"], Subject::Nobody),
    // The reads each device shares at sync (see store/audit.rs `share_reads`): about no
    // one, and the ids of the reads that showed one person, which travel as theirs.
    table("team_reads", &["read_id"], Subject::Nobody),
    table(
        "team_person_reads",
        &["person_id", "batch_id"],
        Subject::Column("person_id"),
    ),
];

pub(crate) fn synced_table(name: &str) -> Option<&'static SyncedTable> {
    SYNCED_TABLES.iter().find(|t| t.name == name)
}

/// The synced columns of a table, in the table's order.
pub(crate) fn columns(conn: &Connection, table: &SyncedTable) -> Result<Vec<String>> {
    let mut statement = conn.prepare(&format!("PRAGMA main.table_info({})", table.name))?;
    let names = statement.query_map([], |row| row.get::<_, String>(1))?;
    Ok(names
        .collect::<rusqlite::Result<Vec<_>>>()?
        .into_iter()
        .filter(|c| !table.local.contains(&c.as_str()))
        .collect())
}

/// `'a', {row}a, 'b', {row}b …`: the arguments of `json_object` over `columns` (`row` is
/// `NEW.` in a trigger, empty in a query).
fn json_pairs(columns: &[String], row: &str) -> String {
    columns
        .iter()
        .map(|c| format!("'{c}', {row}{c}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// `'a', 'b' …`: the column names as SQL strings.
fn quoted(columns: &[String]) -> String {
    columns
        .iter()
        .map(|c| format!("'{c}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The condition that leaves this device's own settings out (`row` qualifies `key`); None
/// for every other table.
fn shared_rows_only(table: &SyncedTable, row: &str) -> Option<String> {
    (table.name == "settings").then(|| {
        let local: Vec<String> = LOCAL_SETTINGS.iter().map(|s| format!("'{s}'")).collect();
        format!("{row}key NOT IN ({})", local.join(", "))
    })
}

fn subject_sql(subject: Subject, row: &str) -> String {
    match subject {
        Subject::Nobody => "NULL".into(),
        Subject::TheRow => format!("{row}.person_id"),
        Subject::Column(column) => format!("{row}.{column}"),
        Subject::RecordIfPerson => {
            format!("CASE WHEN {row}.record_kind = 'person' THEN {row}.record_id END")
        }
        Subject::History => format!(
            "CASE WHEN {row}.record_kind = 'person' THEN {row}.record_id
                  WHEN {row}.record_kind IN ('meeting', 'deal') AND {row}.field IN ('participant', 'person')
                  THEN coalesce({row}.old_value, {row}.new_value) END"
        ),
    }
}

/// Whether this register takes part in a hub (and so captures its changes).
pub(crate) fn is_set_up(conn: &Connection) -> Result<bool> {
    Ok(conn
        .query_row("SELECT 1 FROM sync_state", [], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Installs the capture triggers on this connection (temporary: they are rebuilt from the
/// tables' columns at every open, so a migration that adds a column is captured too).
/// Nothing is installed on a register that has no hub: a single machine pays nothing.
pub(crate) fn install_capture(conn: &Connection) -> Result<()> {
    if !is_set_up(conn)? {
        return Ok(());
    }
    let mut sql = String::from("CREATE TEMP TABLE IF NOT EXISTS sync_mute (applying INTEGER);\n");
    for table in SYNCED_TABLES {
        let columns = columns(conn, table)?;
        let key = |row: &str| {
            let parts: Vec<String> = table.key.iter().map(|k| format!("{row}.{k}")).collect();
            format!("json_array({})", parts.join(", "))
        };
        let fields = json_pairs(&columns, "NEW.");
        let all = quoted(&columns);
        let changed_any = columns
            .iter()
            .map(|c| format!("OLD.{c} IS NOT NEW.{c}"))
            .collect::<Vec<_>>()
            .join(" OR ");
        let changed_list = columns
            .iter()
            .map(|c| format!("SELECT '{c}' AS c WHERE OLD.{c} IS NOT NEW.{c}"))
            .collect::<Vec<_>>()
            .join(" UNION ALL ");
        let filter = |row: &str| {
            shared_rows_only(table, &format!("{row}."))
                .map(|condition| format!(" AND {condition}"))
                .unwrap_or_default()
        };
        let t = table.name;
        let unmuted = "NOT EXISTS (SELECT 1 FROM temp.sync_mute)";
        let delete_op = if matches!(table.subject, Subject::TheRow) {
            "erase"
        } else {
            "delete"
        };
        sql.push_str(&format!(
            "CREATE TEMP TRIGGER IF NOT EXISTS sync_insert_{t} AFTER INSERT ON main.{t}
             WHEN {unmuted}{new_filter}
             BEGIN INSERT INTO sync_outbox (tbl, row_key, op, person_id, fields, changed)
               VALUES ('{t}', {new_key}, 'upsert', {new_subject}, json_object({fields}), json_array({all})); END;
             CREATE TEMP TRIGGER IF NOT EXISTS sync_update_{t} AFTER UPDATE ON main.{t}
             WHEN {unmuted}{new_filter} AND ({changed_any})
             BEGIN INSERT INTO sync_outbox (tbl, row_key, op, person_id, fields, changed)
               VALUES ('{t}', {new_key}, 'upsert', {new_subject}, json_object({fields}),
                       (SELECT json_group_array(c) FROM ({changed_list}))); END;
             CREATE TEMP TRIGGER IF NOT EXISTS sync_delete_{t} AFTER DELETE ON main.{t}
             WHEN {unmuted}{old_filter}
             BEGIN INSERT INTO sync_outbox (tbl, row_key, op, person_id)
               VALUES ('{t}', {old_key}, '{delete_op}', {old_subject}); END;\n",
            new_filter = filter("NEW"),
            old_filter = filter("OLD"),
            new_key = key("NEW"),
            old_key = key("OLD"),
            new_subject = subject_sql(table.subject, "NEW"),
            old_subject = subject_sql(table.subject, "OLD"),
        ));
    }
    conn.execute_batch(&sql)?;
    Ok(())
}

/// Installs the capture triggers if the register joined a hub after this connection was
/// opened (another process ran `hub init`, the app stayed open): otherwise its changes from
/// then on would never reach the hub. Two small reads per write on a single machine.
pub(crate) fn ensure_capture(conn: &Connection) -> Result<()> {
    let installed = conn
        .query_row(
            "SELECT 1 FROM sqlite_temp_master WHERE type = 'table' AND name = 'sync_mute'",
            [],
            |_| Ok(()),
        )
        .optional()?
        .is_some();
    if installed {
        return Ok(());
    }
    install_capture(conn)
}

/// Stops capturing on this connection while remote changes are applied.
pub(crate) fn mute(conn: &Connection, muted: bool) -> Result<()> {
    if muted {
        conn.execute("INSERT INTO temp.sync_mute (applying) VALUES (1)", [])?;
    } else {
        conn.execute("DELETE FROM temp.sync_mute", [])?;
    }
    Ok(())
}

/// Puts every synced row into the outbox, as if just inserted (the first sync of a register
/// that existed before its hub).
pub(crate) fn capture_everything(conn: &Connection) -> Result<u64> {
    let mut total = 0;
    for table in SYNCED_TABLES {
        let columns = columns(conn, table)?;
        let fields = json_pairs(&columns, "");
        let all = quoted(&columns);
        let key: Vec<&str> = table.key.to_vec();
        let subject = subject_sql(table.subject, table.name);
        let filter = shared_rows_only(table, "")
            .map(|condition| format!("WHERE {condition}"))
            .unwrap_or_default();
        total += conn.execute(
            &format!(
                "INSERT INTO sync_outbox (tbl, row_key, op, person_id, fields, changed)
                 SELECT '{t}', json_array({key}), 'upsert', {subject}, json_object({fields}), json_array({all})
                 FROM main.{t} {filter} ORDER BY {key}",
                t = table.name,
                key = key.join(", "),
            ),
            [],
        )? as u64;
    }
    Ok(total)
}

/// A captured change, as the outbox holds it.
#[derive(Debug, Clone)]
pub(crate) struct OutboxRow {
    pub seq: i64,
    pub tbl: String,
    pub row_key: String,
    pub op: String,
    pub person_id: Option<String>,
    pub fields: Option<String>,
    pub changed: Option<String>,
    pub hlc: Option<String>,
    pub record_id: Option<String>,
    pub prev: Option<String>,
}

fn outbox_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<OutboxRow> {
    Ok(OutboxRow {
        seq: row.get(0)?,
        tbl: row.get(1)?,
        row_key: row.get(2)?,
        op: row.get(3)?,
        person_id: row.get(4)?,
        fields: row.get(5)?,
        changed: row.get(6)?,
        hlc: row.get(7)?,
        record_id: row.get(8)?,
        prev: row.get(9)?,
    })
}

const OUTBOX_COLUMNS: &str =
    "seq, tbl, row_key, op, person_id, fields, changed, hlc, record_id, prev";

pub(crate) fn unstamped(conn: &Connection) -> Result<Vec<OutboxRow>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM sync_outbox WHERE hlc IS NULL ORDER BY seq"
    ))?;
    let rows = statement.query_map([], outbox_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn stamp(
    conn: &Connection,
    seq: i64,
    hlc: &str,
    record_id: &str,
    prev: &str,
) -> Result<()> {
    conn.prepare_cached(
        "UPDATE sync_outbox SET hlc = ?2, record_id = ?3, prev = ?4 WHERE seq = ?1",
    )?
    .execute(params![seq, hlc, record_id, prev])?;
    Ok(())
}

/// Stamped changes waiting for the hub, oldest first.
pub(crate) fn pending(conn: &Connection, limit: usize) -> Result<Vec<OutboxRow>> {
    let mut statement = conn.prepare(&format!(
        "SELECT {OUTBOX_COLUMNS} FROM sync_outbox WHERE hlc IS NOT NULL ORDER BY seq LIMIT ?1"
    ))?;
    let rows = statement.query_map([limit as i64], outbox_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub(crate) fn pending_count(conn: &Connection) -> Result<u64> {
    Ok(
        conn.query_row("SELECT count(*) FROM sync_outbox", [], |row| {
            row.get::<_, i64>(0)
        })? as u64,
    )
}

/// The hub has every change up to `seq`.
pub(crate) fn outbox_done_through(conn: &Connection, seq: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM sync_outbox WHERE seq <= ?1 AND hlc IS NOT NULL",
        [seq],
    )?;
    Ok(())
}

/// An erased person leaves the outbox (nothing about them is pushed, only the tombstone
/// `keep_seq`) and is remembered as erased. Their conflicts went with the rest of their data
/// (`store::erasure::delete_person_data`).
pub(crate) fn forget_person(
    conn: &Connection,
    person_id: &str,
    keep_seq: i64,
    erased_at: &str,
) -> Result<()> {
    conn.execute(
        "DELETE FROM sync_outbox WHERE person_id = ?1 AND seq <> ?2",
        params![person_id, keep_seq],
    )?;
    conn.execute(
        "INSERT OR IGNORE INTO sync_erased (person_id, erased_at) VALUES (?1, ?2)",
        params![person_id, erased_at],
    )?;
    Ok(())
}

pub(crate) fn is_erased(conn: &Connection, person_id: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM sync_erased WHERE person_id = ?1")?
        .query_row([person_id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// A row's field clocks and deletion clock.
#[derive(Debug, Default, Clone)]
pub(crate) struct RowClocks {
    pub clocks: Map<String, Value>,
    pub deleted: Option<String>,
}

impl RowClocks {
    pub fn field(&self, name: &str) -> Option<&str> {
        self.clocks.get(name).and_then(Value::as_str)
    }
    /// The newest clock of any field.
    pub fn newest(&self) -> Option<&str> {
        self.clocks.values().filter_map(Value::as_str).max()
    }
}

pub(crate) fn row_clocks(conn: &Connection, tbl: &str, row_key: &str) -> Result<RowClocks> {
    let found: Option<(String, Option<String>)> = conn
        .prepare_cached(
            "SELECT clocks, deleted_hlc FROM sync_rows WHERE tbl = ?1 AND row_key = ?2",
        )?
        .query_row(params![tbl, row_key], |row| Ok((row.get(0)?, row.get(1)?)))
        .optional()?;
    Ok(match found {
        None => RowClocks::default(),
        Some((clocks, deleted)) => RowClocks {
            clocks: serde_json::from_str(&clocks).unwrap_or_default(),
            deleted,
        },
    })
}

pub(crate) fn set_row_clocks(
    conn: &Connection,
    tbl: &str,
    row_key: &str,
    clocks: &RowClocks,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_rows (tbl, row_key, clocks, deleted_hlc) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (tbl, row_key) DO UPDATE SET clocks = excluded.clocks, deleted_hlc = excluded.deleted_hlc",
    )?
    .execute(params![
            tbl,
            row_key,
            Value::Object(clocks.clocks.clone()).to_string(),
            clocks.deleted
        ],
    )?;
    Ok(())
}

/// This device's sync settings and standing.
#[derive(Debug, Clone)]
pub(crate) struct State {
    pub device_id: String,
    pub device_name: String,
    pub hub_url: String,
    pub hub_role: String,
    pub last_hlc: String,
    pub last_sync_at: Option<String>,
    pub last_attempt_at: Option<String>,
    pub last_error: Option<String>,
    pub offline_since: Option<String>,
}

pub(crate) fn state(conn: &Connection) -> Result<Option<State>> {
    Ok(conn
        .query_row(
            "SELECT device_id, device_name, hub_url, hub_role, last_hlc, last_sync_at,
                    last_attempt_at, last_error, offline_since FROM sync_state",
            [],
            |row| {
                Ok(State {
                    device_id: row.get(0)?,
                    device_name: row.get(1)?,
                    hub_url: row.get(2)?,
                    hub_role: row.get(3)?,
                    last_hlc: row.get(4)?,
                    last_sync_at: row.get(5)?,
                    last_attempt_at: row.get(6)?,
                    last_error: row.get(7)?,
                    offline_since: row.get(8)?,
                })
            },
        )
        .optional()?)
}

pub(crate) fn insert_state(
    conn: &Connection,
    device_id: &str,
    device_name: &str,
    hub_url: &str,
    hub_role: &str,
) -> Result<()> {
    conn.execute(
        "INSERT INTO sync_state (singleton, device_id, device_name, hub_url, hub_role) VALUES (1, ?1, ?2, ?3, ?4)",
        params![device_id, device_name, hub_url, hub_role],
    )?;
    Ok(())
}

pub(crate) fn set_last_hlc(conn: &Connection, hlc: &str) -> Result<()> {
    conn.execute("UPDATE sync_state SET last_hlc = ?1", [hlc])?;
    Ok(())
}

/// Records how the latest attempt went: `error` None is a success.
pub(crate) fn record_attempt(conn: &Connection, at: &str, error: Option<&str>) -> Result<()> {
    match error {
        None => conn.execute(
            "UPDATE sync_state SET last_attempt_at = ?1, last_sync_at = ?1, last_error = NULL, offline_since = NULL",
            [at],
        )?,
        Some(error) => conn.execute(
            "UPDATE sync_state SET last_attempt_at = ?1, last_error = ?2,
                    offline_since = coalesce(offline_since, ?1)",
            params![at, error],
        )?,
    };
    Ok(())
}

pub(crate) fn cursors(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut statement = conn.prepare("SELECT device_id, seq FROM sync_cursor")?;
    let rows = statement.query_map([], |row| Ok((row.get(0)?, row.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Drops the cursor on this device's own records that a restore left (see
/// `carry_over.rs`), once a sync has pulled them to the end.
pub(crate) fn drop_own_cursor(conn: &Connection, own_device_id: &str) -> Result<()> {
    conn.execute(
        "DELETE FROM sync_cursor WHERE device_id = ?1",
        [own_device_id],
    )?;
    Ok(())
}

pub(crate) fn advance_cursor(conn: &Connection, device_id: &str, seq: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO sync_cursor (device_id, seq) VALUES (?1, ?2)
         ON CONFLICT (device_id) DO UPDATE SET seq = max(seq, excluded.seq)",
    )?
    .execute(params![device_id, seq])?;
    Ok(())
}

/// One synced row's columns as JSON (None when the row does not exist).
pub(crate) fn read_row(
    conn: &Connection,
    table: &SyncedTable,
    columns: &[String],
    row_key: &[Value],
) -> Result<Option<Map<String, Value>>> {
    let sql = format!(
        "SELECT json_object({}) FROM main.{} WHERE {}",
        json_pairs(columns, ""),
        table.name,
        key_condition(table)
    );
    let params = key_params(row_key);
    let text: Option<String> = conn
        .prepare_cached(&sql)?
        .query_row(rusqlite::params_from_iter(params.iter()), |row| row.get(0))
        .optional()?;
    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
}

fn key_condition(table: &SyncedTable) -> String {
    table
        .key
        .iter()
        .enumerate()
        .map(|(i, k)| format!("{k} = ?{}", i + 1))
        .collect::<Vec<_>>()
        .join(" AND ")
}

fn key_params(row_key: &[Value]) -> Vec<rusqlite::types::Value> {
    row_key.iter().map(sql_value).collect()
}

/// A JSON value as SQLite stores it.
pub(crate) fn sql_value(value: &Value) -> rusqlite::types::Value {
    use rusqlite::types::Value as V;
    match value {
        Value::Null => V::Null,
        Value::Bool(b) => V::Integer(i64::from(*b)),
        Value::Number(n) => match n.as_i64() {
            Some(i) => V::Integer(i),
            None => V::Real(n.as_f64().unwrap_or_default()),
        },
        Value::String(s) => V::Text(s.clone()),
        other => V::Text(other.to_string()),
    }
}

/// Inserts a row with the given fields; only the table's synced `columns` are taken (a
/// field this build does not know is left out).
pub(crate) fn insert_row(
    conn: &Connection,
    table: &SyncedTable,
    columns: &[String],
    fields: &Map<String, Value>,
) -> Result<()> {
    let present: Vec<&String> = columns.iter().filter(|c| fields.contains_key(*c)).collect();
    let names: Vec<&str> = present.iter().map(|c| c.as_str()).collect();
    let marks: Vec<String> = (1..=present.len()).map(|i| format!("?{i}")).collect();
    let values: Vec<rusqlite::types::Value> =
        present.iter().map(|c| sql_value(&fields[*c])).collect();
    conn.prepare_cached(&format!(
        "INSERT INTO main.{} ({}) VALUES ({})",
        table.name,
        names.join(", "),
        marks.join(", ")
    ))?
    .execute(rusqlite::params_from_iter(values.iter()))?;
    Ok(())
}

/// Sets some columns of an existing row.
pub(crate) fn update_row(
    conn: &Connection,
    table: &SyncedTable,
    row_key: &[Value],
    fields: &[(String, Value)],
) -> Result<()> {
    if fields.is_empty() {
        return Ok(());
    }
    let key_count = table.key.len();
    let sets: Vec<String> = fields
        .iter()
        .enumerate()
        .map(|(i, (c, _))| format!("{c} = ?{}", key_count + i + 1))
        .collect();
    let mut values = key_params(row_key);
    values.extend(fields.iter().map(|(_, v)| sql_value(v)));
    conn.execute(
        &format!(
            "UPDATE main.{} SET {} WHERE {}",
            table.name,
            sets.join(", "),
            key_condition(table)
        ),
        rusqlite::params_from_iter(values.iter()),
    )?;
    Ok(())
}

pub(crate) fn delete_row(conn: &Connection, table: &SyncedTable, row_key: &[Value]) -> Result<()> {
    conn.execute(
        &format!(
            "DELETE FROM main.{} WHERE {}",
            table.name,
            key_condition(table)
        ),
        rusqlite::params_from_iter(key_params(row_key).iter()),
    )?;
    Ok(())
}

/// A conflict to show: two devices set the same field without seeing each other.
#[allow(clippy::too_many_arguments)]
pub(crate) fn insert_conflict(
    conn: &Connection,
    conflict_id: &str,
    tbl: &str,
    row_key: &str,
    person_id: Option<&str>,
    field: &str,
    kept: (&Value, &str),
    other: (&Value, &str),
    detected_at: &str,
) -> Result<()> {
    let text = |v: &Value| match v {
        Value::Null => None,
        Value::String(s) => Some(s.clone()),
        other => Some(other.to_string()),
    };
    conn.execute(
        "INSERT INTO sync_conflicts (conflict_id, tbl, row_key, person_id, field, kept_value, kept_hlc,
                                     other_value, other_hlc, detected_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            conflict_id,
            tbl,
            row_key,
            person_id,
            field,
            text(kept.0),
            kept.1,
            text(other.0),
            other.1,
            detected_at
        ],
    )?;
    Ok(())
}

/// Which conflicts to read.
pub(crate) enum ConflictFilter<'a> {
    /// Every conflict (`open_only`: those no one has resolved).
    All { open_only: bool },
    /// The one with this id.
    Id(&'a str),
    /// Those about this person (their extract).
    Person(&'a str),
}

/// Conflicts matching `filter`, newest first.
pub(crate) fn conflicts(
    conn: &Connection,
    filter: ConflictFilter<'_>,
) -> Result<Vec<SyncConflict>> {
    let (condition, value) = match filter {
        ConflictFilter::All { open_only: true } => ("resolved_at IS NULL AND ?1 IS NULL", None),
        ConflictFilter::All { open_only: false } => ("?1 IS NULL", None),
        ConflictFilter::Id(id) => ("conflict_id = ?1", Some(id)),
        ConflictFilter::Person(id) => ("person_id = ?1", Some(id)),
    };
    let mut statement = conn.prepare(&format!(
        "SELECT conflict_id, tbl, row_key, person_id, field, kept_value, other_value,
                detected_at, resolved_at, kept_hlc, other_hlc
         FROM sync_conflicts WHERE {condition} ORDER BY detected_at DESC, conflict_id"
    ))?;
    let rows = statement.query_map([value], |row| {
        Ok(SyncConflict {
            conflict_id: row.get(0)?,
            table: row.get(1)?,
            row_key: row.get(2)?,
            person_id: row.get(3)?,
            field: row.get(4)?,
            kept_value: row.get(5)?,
            other_value: row.get(6)?,
            clocks: (row.get(9)?, row.get(10)?),
            detected_at: row.get(7)?,
            resolved_at: row.get(8)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// How many conflicts no one has resolved.
pub(crate) fn open_conflict_count(conn: &Connection) -> Result<u64> {
    Ok(conn.query_row(
        "SELECT count(*) FROM sync_conflicts WHERE resolved_at IS NULL",
        [],
        |row| row.get::<_, i64>(0),
    )? as u64)
}

pub(crate) fn resolve_conflict(conn: &Connection, conflict_id: &str, at: &str) -> Result<bool> {
    Ok(conn.execute(
        "UPDATE sync_conflicts SET resolved_at = ?2 WHERE conflict_id = ?1 AND resolved_at IS NULL",
        params![conflict_id, at],
    )? == 1)
}

/// A digest of every synced row's content, equal on two devices that hold the same data.
pub(crate) fn content_digest(conn: &Connection) -> Result<String> {
    use sha2::{Digest, Sha256};
    let mut hasher = Sha256::new();
    for table in SYNCED_TABLES {
        let columns = columns(conn, table)?;
        let order: Vec<&str> = table.key.to_vec();
        let filter = shared_rows_only(table, "")
            .map(|condition| format!("WHERE {condition}"))
            .unwrap_or_default();
        let mut statement = conn.prepare(&format!(
            "SELECT json_object({}) FROM main.{} {filter} ORDER BY {}",
            json_pairs(&columns, ""),
            table.name,
            order.join(", ")
        ))?;
        let mut rows = statement.query([])?;
        hasher.update(table.name.as_bytes());
        while let Some(row) = rows.next()? {
            let text: String = row.get(0)?;
            hasher.update(text.as_bytes());
            hasher.update(b"\n");
        }
    }
    Ok(data_encoding::HEXLOWER.encode(&hasher.finalize()))
}
