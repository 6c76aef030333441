-- Hub schema version 2: a copy of each device's audit trail. A device pushes its new
-- entries at every sync and can never change or remove one it pushed, so a trail deleted,
-- cut short or rewritten on the device is found by `audit verify` against this copy. The
-- entry itself is sealed like a record; the hash is the chain hash (SHA-256 over a random
-- event id and the entry, so it tells the hub nothing).
CREATE TABLE kortisto.audit_copies (
    device_id uuid NOT NULL REFERENCES kortisto.devices,
    register_id uuid NOT NULL REFERENCES kortisto.registers,
    seq bigint NOT NULL,
    hash bytea NOT NULL,
    sealed bytea NOT NULL,
    PRIMARY KEY (device_id, seq)
);

ALTER TABLE kortisto.audit_copies ENABLE ROW LEVEL SECURITY;
ALTER TABLE kortisto.audit_copies FORCE ROW LEVEL SECURITY;
CREATE POLICY audit_copies_of_own_register ON kortisto.audit_copies
    USING ((SELECT kortisto.session_register()) IS NULL
           OR register_id = (SELECT kortisto.session_register()));
