-- Sync through a PostgreSQL hub (R8, issue #11). Every table here is local to this device:
-- none of them travels, and all of them are empty until the register joins a hub.

-- This device's place in the team register (one row once a hub is set up or joined).
CREATE TABLE sync_state (
    singleton       INTEGER PRIMARY KEY NOT NULL CHECK (singleton = 1),
    device_id       TEXT NOT NULL,
    device_name     TEXT NOT NULL,
    hub_url         TEXT NOT NULL,
    hub_role        TEXT NOT NULL,
    -- The newest hybrid logical clock this device has issued or seen.
    last_hlc        TEXT NOT NULL DEFAULT '',
    last_sync_at    TEXT,
    last_attempt_at TEXT,
    last_error      TEXT,
    offline_since   TEXT
) STRICT;

-- Every change captured by the triggers (see store/sync.rs), in the order it was made; the
-- seq is this device's sequence number on the hub. A row leaves when the hub has it.
CREATE TABLE sync_outbox (
    seq       INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl       TEXT NOT NULL,
    row_key   TEXT NOT NULL,
    op        TEXT NOT NULL CHECK (op IN ('upsert', 'delete', 'erase')),
    person_id TEXT,
    -- The row's synced columns after the change (upsert), as a JSON object.
    fields    TEXT,
    -- The columns this change set (upsert), as a JSON array.
    changed   TEXT,
    -- Stamped when the writing transaction commits: the clock, the record's id, and the
    -- clocks the changed fields had before (so a receiver can tell a conflict).
    hlc       TEXT,
    record_id TEXT,
    prev      TEXT
) STRICT;
CREATE INDEX sync_outbox_unstamped ON sync_outbox (seq) WHERE hlc IS NULL;
CREATE INDEX sync_outbox_person ON sync_outbox (person_id) WHERE person_id IS NOT NULL;

-- The clock of every synced field of every row (ids and clocks only, no values).
CREATE TABLE sync_rows (
    tbl         TEXT NOT NULL,
    row_key     TEXT NOT NULL,
    clocks      TEXT NOT NULL DEFAULT '{}',
    deleted_hlc TEXT,
    PRIMARY KEY (tbl, row_key)
) STRICT;

-- How far this device has pulled each other device's records.
CREATE TABLE sync_cursor (
    device_id TEXT PRIMARY KEY NOT NULL,
    seq       INTEGER NOT NULL
) STRICT;

-- People erased anywhere in the team: nothing about them is applied or pushed again.
CREATE TABLE sync_erased (
    person_id TEXT PRIMARY KEY NOT NULL,
    erased_at TEXT NOT NULL
) STRICT;

-- Two devices changed the same field without seeing each other's change: what was kept,
-- what lost, and whether someone put the losing value back.
CREATE TABLE sync_conflicts (
    conflict_id TEXT PRIMARY KEY NOT NULL,
    tbl         TEXT NOT NULL,
    row_key     TEXT NOT NULL,
    person_id   TEXT,
    field       TEXT NOT NULL,
    kept_value  TEXT,
    kept_hlc    TEXT NOT NULL,
    other_value TEXT,
    other_hlc   TEXT NOT NULL,
    detected_at TEXT NOT NULL,
    resolved_at TEXT
) STRICT;
