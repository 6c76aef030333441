-- Named users with roles; deactivated, never deleted, so the audit keeps its meaning.
CREATE TABLE users (
    user_id        TEXT PRIMARY KEY NOT NULL,
    username       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name   TEXT NOT NULL,
    role           TEXT NOT NULL CHECK (role IN ('admin', 'office', 'sales')),
    active         INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    password_hash  TEXT NOT NULL,
    failed_logins  INTEGER NOT NULL DEFAULT 0,
    last_failed_at TEXT,
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL
) STRICT;

-- Who did what, never with the personal data itself: ids and kinds only. Each entry's hash
-- covers the previous entry's hash and its own fields (a hash chain, see audit.rs).
CREATE TABLE audit_events (
    seq         INTEGER PRIMARY KEY,
    event_id    TEXT NOT NULL UNIQUE,
    at          TEXT NOT NULL,
    user_id     TEXT,
    action      TEXT NOT NULL,
    record_kind TEXT,
    record_id   TEXT,
    prev_hash   TEXT NOT NULL,
    hash        TEXT NOT NULL
) STRICT;
CREATE INDEX audit_events_by_user ON audit_events (user_id, seq);
CREATE INDEX audit_events_by_action ON audit_events (action, seq);

CREATE TRIGGER audit_events_append_only_update BEFORE UPDATE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER audit_events_append_only_delete BEFORE DELETE ON audit_events
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- Staff privacy training (notice §9): who completed it and when.
CREATE TABLE privacy_trainings (
    training_id  TEXT PRIMARY KEY NOT NULL,
    user_id      TEXT NOT NULL REFERENCES users (user_id),
    completed_on TEXT NOT NULL,
    topic        TEXT NOT NULL,
    recorded_by  TEXT NOT NULL REFERENCES users (user_id),
    recorded_at  TEXT NOT NULL
) STRICT;
CREATE INDEX privacy_trainings_by_user ON privacy_trainings (user_id, completed_on);

-- Internal audit checks (notice §9).
CREATE TABLE internal_audits (
    internal_audit_id TEXT PRIMARY KEY NOT NULL,
    held_on           TEXT NOT NULL,
    scope             TEXT NOT NULL,
    result            TEXT NOT NULL,
    follow_up         TEXT NOT NULL,
    recorded_by       TEXT NOT NULL REFERENCES users (user_id),
    recorded_at       TEXT NOT NULL
) STRICT;

-- Register-wide settings an administrator changes (e.g. the idle lock).
CREATE TABLE settings (
    key   TEXT PRIMARY KEY NOT NULL,
    value TEXT NOT NULL
) STRICT;
