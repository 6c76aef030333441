-- Hub schema version 1: the tables. Run once, by the administrator's role, which then owns
-- everything here. Devices never get table privileges: they call the functions in
-- functions.sql. The hub holds ids, clocks and sealed bytes only; the only text columns are
-- hlc, a device's name and its role name (a test checks this).
CREATE SCHEMA kortisto;

CREATE TABLE kortisto.hub_meta (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    schema_version integer NOT NULL
);

CREATE TABLE kortisto.registers (
    register_id uuid PRIMARY KEY,
    created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE kortisto.devices (
    device_id uuid PRIMARY KEY,
    register_id uuid NOT NULL REFERENCES kortisto.registers,
    name text NOT NULL,
    role_name text NOT NULL UNIQUE,
    is_admin boolean NOT NULL,
    enrolled_at timestamptz NOT NULL DEFAULT now(),
    revoked_at timestamptz,
    last_seen_at timestamptz,
    -- The highest sequence number stored from this device: a device pushes its changes in
    -- sequence order, so per-device pull cursors never skip a change committed late.
    pushed_seq bigint NOT NULL DEFAULT 0,
    UNIQUE (register_id, name)
);

CREATE TABLE kortisto.records (
    hub_seq bigserial PRIMARY KEY,
    register_id uuid NOT NULL REFERENCES kortisto.registers,
    record_id uuid NOT NULL,
    device_id uuid NOT NULL REFERENCES kortisto.devices,
    seq bigint NOT NULL,
    hlc text NOT NULL,
    subject bytea,
    tombstone boolean NOT NULL,
    sealed bytea NOT NULL,
    UNIQUE (device_id, seq),
    UNIQUE (register_id, record_id)
);
CREATE INDEX records_subject ON kortisto.records (register_id, subject) WHERE subject IS NOT NULL;
CREATE INDEX records_pull ON kortisto.records (register_id, hub_seq);

CREATE TABLE kortisto.erased_subjects (
    register_id uuid NOT NULL REFERENCES kortisto.registers,
    subject bytea NOT NULL,
    erased_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (register_id, subject)
);

CREATE TABLE kortisto.enrolments (
    device_id uuid PRIMARY KEY REFERENCES kortisto.devices,
    deposit bytea NOT NULL
);

-- The group every device role belongs to (roles are cluster-wide; several hub databases on
-- one server share it, and row-level security keeps each device inside its register). Two
-- hubs initialised at once on one server race to create it: the loser finds it made.
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'kortisto_device') THEN
        CREATE ROLE kortisto_device NOLOGIN;
    END IF;
EXCEPTION WHEN duplicate_object OR unique_violation THEN
    NULL;
END
$$;

-- Databases grant CONNECT and TEMP to PUBLIC, and functions EXECUTE: devices get only what
-- functions.sql grants.
REVOKE ALL ON SCHEMA kortisto FROM PUBLIC;
GRANT USAGE ON SCHEMA kortisto TO kortisto_device;

-- The register of the device logged in as session_user (revoked or not); NULL when the
-- session is not a device (the administrator, pg_dump). SECURITY DEFINER so that reading
-- devices from a policy does not recurse into devices' own policy.
CREATE FUNCTION kortisto.session_register() RETURNS uuid
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kortisto, pg_temp
    AS $$ SELECT register_id FROM kortisto.devices WHERE role_name = session_user $$;
REVOKE ALL ON FUNCTION kortisto.session_register() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION kortisto.session_register() TO kortisto_device;

-- Row-level security. Policies look at session_user, which stays the device inside the
-- SECURITY DEFINER functions, so records and erasures are FORCEd: even the functions
-- (running as the owner) see only the calling device's register. Backing up as a
-- non-superuser owner therefore needs `pg_dump --enable-row-security`.
ALTER TABLE kortisto.records ENABLE ROW LEVEL SECURITY;
ALTER TABLE kortisto.records FORCE ROW LEVEL SECURITY;
CREATE POLICY records_of_own_register ON kortisto.records
    USING ((SELECT kortisto.session_register()) IS NULL
           OR register_id = (SELECT kortisto.session_register()));

ALTER TABLE kortisto.erased_subjects ENABLE ROW LEVEL SECURITY;
ALTER TABLE kortisto.erased_subjects FORCE ROW LEVEL SECURITY;
CREATE POLICY erasures_of_own_register ON kortisto.erased_subjects
    USING ((SELECT kortisto.session_register()) IS NULL
           OR register_id = (SELECT kortisto.session_register()));

-- devices is read by session_register() itself, so it is not FORCEd (the owner's functions
-- filter by register); other roles see their own register's devices only.
ALTER TABLE kortisto.devices ENABLE ROW LEVEL SECURITY;
CREATE POLICY devices_of_own_register ON kortisto.devices
    USING (register_id = (SELECT kortisto.session_register()));

ALTER TABLE kortisto.enrolments ENABLE ROW LEVEL SECURITY;
