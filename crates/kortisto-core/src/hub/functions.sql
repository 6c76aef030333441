-- The hub's functions, re-created by every `kortisto hub init` (CREATE OR REPLACE). Devices
-- may execute the ones granted at the end and nothing else; each runs as the administrator
-- who ran init (SECURITY DEFINER) and acts only for the calling device (session_user).
-- Errors of our own use SQLSTATE class KH, mapped to typed errors in hub.rs:
--   KH001 not an enrolled device (or revoked)   KH002 not an admin device
--   KH003 no such device                        KH004 device name taken
--   KH005 enrolment deposit already taken       KH007 sequence out of order
--   KH009 malformed call

-- The hub schema version, for any device: the one function whose signature never changes.
CREATE OR REPLACE FUNCTION kortisto.schema_version() RETURNS integer
    LANGUAGE sql STABLE SECURITY DEFINER SET search_path = kortisto, pg_temp
    AS $$ SELECT schema_version FROM kortisto.hub_meta $$;

-- The calling device, enrolled and not revoked (internal).
CREATE OR REPLACE FUNCTION kortisto.calling_device(
    OUT c_device_id uuid, OUT c_register_id uuid, OUT c_is_admin boolean)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
BEGIN
    SELECT d.device_id, d.register_id, d.is_admin INTO c_device_id, c_register_id, c_is_admin
      FROM kortisto.devices d
     WHERE d.role_name = session_user AND d.revoked_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'the session is not an enrolled device' USING ERRCODE = 'KH001';
    END IF;
END
$$;

-- Adds a device and its login role (internal: init calls it as the administrator, enrol on
-- behalf of an admin device). The password arrives as a SCRAM verifier, never in clear.
CREATE OR REPLACE FUNCTION kortisto.add_device(
    p_register_id uuid, p_device_id uuid, p_name text, p_role text, p_verifier text,
    p_is_admin boolean) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
BEGIN
    IF p_role !~ '^kortisto_d_[0-9a-f]{32}$' OR p_verifier !~ '^SCRAM-SHA-256\$' THEN
        RAISE EXCEPTION 'malformed device role or verifier' USING ERRCODE = 'KH009';
    END IF;
    IF EXISTS (SELECT 1 FROM kortisto.devices d
                WHERE d.register_id = p_register_id AND d.name = p_name) THEN
        RAISE EXCEPTION 'device name taken' USING ERRCODE = 'KH004';
    END IF;
    INSERT INTO kortisto.devices (device_id, register_id, name, role_name, is_admin)
    VALUES (p_device_id, p_register_id, p_name, p_role, p_is_admin);
    EXECUTE format('CREATE ROLE %I LOGIN PASSWORD %L IN ROLE kortisto_device',
                   p_role, p_verifier);
END
$$;

-- A device says hello: who it is, in which register; stamps last_seen_at.
CREATE OR REPLACE FUNCTION kortisto.hello(
    OUT h_register_id uuid, OUT h_device_id uuid, OUT h_is_admin boolean)
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
DECLARE
    me record;
BEGIN
    SELECT * INTO me FROM kortisto.calling_device();
    UPDATE kortisto.devices d SET last_seen_at = now() WHERE d.device_id = me.c_device_id;
    h_register_id := me.c_register_id;
    h_device_id := me.c_device_id;
    h_is_admin := me.c_is_admin;
END
$$;

-- Stores a batch of the calling device's records in one transaction, serialised per
-- register (so hub_seq order is commit order). Idempotent by (device, seq) and by record
-- id. A tombstone with a subject deletes the register's records of that subject and erases
-- it for ever; a later record carrying an erased subject is refused.
CREATE OR REPLACE FUNCTION kortisto.push(
    p_record_ids uuid[], p_seqs bigint[], p_hlcs text[], p_subjects bytea[],
    p_tombstones boolean[], p_sealed bytea[],
    OUT stored integer, OUT duplicates integer, OUT refused uuid[])
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
DECLARE
    me record;
    n integer := coalesce(array_length(p_record_ids, 1), 0);
    high bigint;
BEGIN
    SELECT * INTO me FROM kortisto.calling_device();
    IF coalesce(array_length(p_seqs, 1), 0) <> n OR coalesce(array_length(p_hlcs, 1), 0) <> n
       OR coalesce(array_length(p_subjects, 1), 0) <> n
       OR coalesce(array_length(p_tombstones, 1), 0) <> n
       OR coalesce(array_length(p_sealed, 1), 0) <> n THEN
        RAISE EXCEPTION 'push arrays differ in length' USING ERRCODE = 'KH009';
    END IF;
    PERFORM pg_advisory_xact_lock(19272, hashtext(me.c_register_id::text));
    SELECT d.pushed_seq INTO high FROM kortisto.devices d WHERE d.device_id = me.c_device_id;
    stored := 0;
    duplicates := 0;
    refused := '{}';
    FOR i IN 1..n LOOP
        IF EXISTS (SELECT 1 FROM kortisto.records r
                    WHERE r.device_id = me.c_device_id AND r.seq = p_seqs[i])
           OR EXISTS (SELECT 1 FROM kortisto.records r
                       WHERE r.register_id = me.c_register_id AND r.record_id = p_record_ids[i]) THEN
            duplicates := duplicates + 1;
            CONTINUE;
        END IF;
        IF p_tombstones[i] THEN
            IF p_subjects[i] IS NOT NULL THEN
                DELETE FROM kortisto.records r
                 WHERE r.register_id = me.c_register_id AND r.subject = p_subjects[i]
                   AND NOT r.tombstone;
                INSERT INTO kortisto.erased_subjects (register_id, subject)
                VALUES (me.c_register_id, p_subjects[i]) ON CONFLICT DO NOTHING;
            END IF;
        ELSIF p_subjects[i] IS NOT NULL AND EXISTS (
                SELECT 1 FROM kortisto.erased_subjects e
                 WHERE e.register_id = me.c_register_id AND e.subject = p_subjects[i]) THEN
            refused := refused || p_record_ids[i];
            CONTINUE;
        END IF;
        IF p_seqs[i] <= high THEN
            RAISE EXCEPTION 'sequence % after % (a device pushes in sequence order)',
                p_seqs[i], high USING ERRCODE = 'KH007';
        END IF;
        INSERT INTO kortisto.records
            (register_id, record_id, device_id, seq, hlc, subject, tombstone, sealed)
        VALUES (me.c_register_id, p_record_ids[i], me.c_device_id, p_seqs[i], p_hlcs[i],
                p_subjects[i], p_tombstones[i], p_sealed[i]);
        high := p_seqs[i];
        stored := stored + 1;
    END LOOP;
    UPDATE kortisto.devices d SET pushed_seq = high, last_seen_at = now()
     WHERE d.device_id = me.c_device_id;
END
$$;

-- Records of the register's other devices after the caller's per-device cursors
-- (p_devices[i] → p_after[i]; a device not named starts at 0), in hub_seq order. The
-- caller's own records come only when it names itself (after a restore of a backup that
-- predates them).
CREATE OR REPLACE FUNCTION kortisto.pull(p_devices uuid[], p_after bigint[], p_limit integer)
    RETURNS TABLE (o_record_id uuid, o_device_id uuid, o_seq bigint, o_hlc text,
                   o_subject bytea, o_tombstone boolean, o_sealed bytea)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
DECLARE
    me record;
    first_needed bigint;
BEGIN
    SELECT * INTO me FROM kortisto.calling_device();
    -- Where the first record still needed lies. A device's records are stored in its
    -- sequence order (push refuses a lower seq), so within a device hub_seq grows with seq:
    -- nothing before the first record after some device's cursor is needed. Without this
    -- start, every page is read from the register's first record on, and a first sync that
    -- pulls millions of records page by page reads quadratically many rows.
    SELECT min(f.hub_seq) INTO first_needed
      FROM kortisto.devices d
      LEFT JOIN unnest(p_devices, p_after) AS c(device_id, after_seq)
             ON c.device_id = d.device_id
     CROSS JOIN LATERAL (
            SELECT r.hub_seq FROM kortisto.records r
             WHERE r.device_id = d.device_id AND r.seq > coalesce(c.after_seq, 0)
             ORDER BY r.seq
             LIMIT 1) f
     WHERE d.register_id = me.c_register_id
       AND (d.device_id <> me.c_device_id OR c.device_id IS NOT NULL);
    IF first_needed IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY
        SELECT r.record_id, r.device_id, r.seq, r.hlc, r.subject, r.tombstone, r.sealed
          FROM kortisto.records r
          LEFT JOIN unnest(p_devices, p_after) AS c(device_id, after_seq)
                 ON c.device_id = r.device_id
         WHERE r.register_id = me.c_register_id
           AND (r.device_id <> me.c_device_id OR c.device_id IS NOT NULL)
           AND r.hub_seq >= first_needed
           AND r.seq > coalesce(c.after_seq, 0)
         ORDER BY r.hub_seq
         LIMIT greatest(p_limit, 0);
END
$$;

-- An admin device enrols a new device of its register and leaves it a sealed deposit.
CREATE OR REPLACE FUNCTION kortisto.enrol(
    p_device_id uuid, p_name text, p_role text, p_verifier text, p_deposit bytea)
    RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
DECLARE
    me record;
BEGIN
    SELECT * INTO me FROM kortisto.calling_device();
    IF NOT me.c_is_admin THEN
        RAISE EXCEPTION 'not an admin device' USING ERRCODE = 'KH002';
    END IF;
    PERFORM kortisto.add_device(me.c_register_id, p_device_id, p_name, p_role, p_verifier, false);
    INSERT INTO kortisto.enrolments (device_id, deposit) VALUES (p_device_id, p_deposit);
END
$$;

-- The enrolled device takes its deposit, once.
CREATE OR REPLACE FUNCTION kortisto.take_deposit() RETURNS bytea
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
DECLARE
    me record;
    taken bytea;
BEGIN
    SELECT * INTO me FROM kortisto.calling_device();
    DELETE FROM kortisto.enrolments e WHERE e.device_id = me.c_device_id
    RETURNING e.deposit INTO taken;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'enrolment deposit already taken' USING ERRCODE = 'KH005';
    END IF;
    RETURN taken;
END
$$;

-- An admin device revokes another device of its register: marked revoked, its sessions
-- ended and its role dropped, so it can neither pull nor push again.
CREATE OR REPLACE FUNCTION kortisto.revoke(p_name text) RETURNS void
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
DECLARE
    me record;
    target record;
BEGIN
    SELECT * INTO me FROM kortisto.calling_device();
    IF NOT me.c_is_admin THEN
        RAISE EXCEPTION 'not an admin device' USING ERRCODE = 'KH002';
    END IF;
    SELECT d.device_id, d.role_name INTO target FROM kortisto.devices d
     WHERE d.register_id = me.c_register_id AND d.name = p_name AND d.revoked_at IS NULL;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such device' USING ERRCODE = 'KH003';
    END IF;
    IF target.device_id = me.c_device_id THEN
        RAISE EXCEPTION 'a device cannot revoke itself' USING ERRCODE = 'KH009';
    END IF;
    UPDATE kortisto.devices d SET revoked_at = now() WHERE d.device_id = target.device_id;
    DELETE FROM kortisto.enrolments e WHERE e.device_id = target.device_id;
    PERFORM pg_terminate_backend(a.pid) FROM pg_stat_activity a
      WHERE a.usename = target.role_name;
    EXECUTE format('DROP ROLE IF EXISTS %I', target.role_name);
END
$$;

-- The devices of the caller's register.
CREATE OR REPLACE FUNCTION kortisto.list_devices()
    RETURNS TABLE (o_device_id uuid, o_name text, o_is_admin boolean, o_enrolled_at text,
                   o_revoked_at text, o_last_seen_at text)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
DECLARE
    me record;
BEGIN
    SELECT * INTO me FROM kortisto.calling_device();
    RETURN QUERY
        SELECT d.device_id, d.name, d.is_admin,
               to_char(d.enrolled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               to_char(d.revoked_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'),
               to_char(d.last_seen_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
          FROM kortisto.devices d
         WHERE d.register_id = me.c_register_id
         ORDER BY d.enrolled_at, d.name;
END
$$;

-- The highest sequence number of the calling device's audit entries on the hub (0: none).
CREATE OR REPLACE FUNCTION kortisto.audit_copy_head() RETURNS bigint
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
DECLARE
    me record;
BEGIN
    SELECT * INTO me FROM kortisto.calling_device();
    RETURN coalesce((SELECT max(a.seq) FROM kortisto.audit_copies a
                      WHERE a.device_id = me.c_device_id), 0);
END
$$;

-- Stores the calling device's audit entries. An entry already on the hub is kept as it
-- was (never replaced): a device whose trail was cut and grew again cannot cover it up.
CREATE OR REPLACE FUNCTION kortisto.push_audit_copy(
    p_seqs bigint[], p_hashes bytea[], p_sealed bytea[]) RETURNS integer
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
DECLARE
    me record;
    n integer := coalesce(array_length(p_seqs, 1), 0);
    stored integer;
BEGIN
    SELECT * INTO me FROM kortisto.calling_device();
    IF coalesce(array_length(p_hashes, 1), 0) <> n
       OR coalesce(array_length(p_sealed, 1), 0) <> n THEN
        RAISE EXCEPTION 'audit copy arrays differ in length' USING ERRCODE = 'KH009';
    END IF;
    INSERT INTO kortisto.audit_copies (device_id, register_id, seq, hash, sealed)
    SELECT me.c_device_id, me.c_register_id, s.seq, s.hash, s.sealed
      FROM unnest(p_seqs, p_hashes, p_sealed) AS s(seq, hash, sealed)
    ON CONFLICT (device_id, seq) DO NOTHING;
    GET DIAGNOSTICS stored = ROW_COUNT;
    UPDATE kortisto.devices d SET last_seen_at = now() WHERE d.device_id = me.c_device_id;
    RETURN stored;
END
$$;

-- The calling device's audit entries on the hub after p_after, in sequence order: their
-- sequence numbers and hashes (what `audit verify` compares with the local trail).
CREATE OR REPLACE FUNCTION kortisto.audit_copy(p_after bigint, p_limit integer)
    RETURNS TABLE (o_seq bigint, o_hash bytea)
    LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = kortisto, pg_temp
AS $$
DECLARE
    me record;
BEGIN
    SELECT * INTO me FROM kortisto.calling_device();
    RETURN QUERY
        SELECT a.seq, a.hash FROM kortisto.audit_copies a
         WHERE a.device_id = me.c_device_id AND a.seq > p_after
         ORDER BY a.seq
         LIMIT greatest(p_limit, 0);
END
$$;

REVOKE ALL ON ALL FUNCTIONS IN SCHEMA kortisto FROM PUBLIC;
GRANT EXECUTE ON FUNCTION
    kortisto.schema_version(),
    kortisto.session_register(),
    kortisto.hello(),
    kortisto.push(uuid[], bigint[], text[], bytea[], boolean[], bytea[]),
    kortisto.pull(uuid[], bigint[], integer),
    kortisto.enrol(uuid, text, text, text, bytea),
    kortisto.take_deposit(),
    kortisto.revoke(text),
    kortisto.list_devices(),
    kortisto.audit_copy_head(),
    kortisto.push_audit_copy(bigint[], bytea[], bytea[]),
    kortisto.audit_copy(bigint, integer)
TO kortisto_device;
