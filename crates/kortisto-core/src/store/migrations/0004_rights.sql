-- Consent (R3): purposes a person can consent to, and an append-only ledger of given and
-- withdrawn consent. Rows are never updated; only an erasure removes a person's rows.
CREATE TABLE consent_purposes (
    purpose     TEXT PRIMARY KEY NOT NULL,
    description_fi TEXT NOT NULL,
    description_en TEXT NOT NULL
) STRICT;
INSERT INTO consent_purposes (purpose, description_fi, description_en) VALUES
    ('direct-marketing', 'Suoramarkkinointi sähköpostilla, puhelimella ja postitse', 'Direct marketing by e-mail, phone and post');

CREATE TABLE consent_events (
    consent_event_id TEXT PRIMARY KEY NOT NULL,
    person_id        TEXT NOT NULL REFERENCES people (person_id),
    purpose          TEXT NOT NULL REFERENCES consent_purposes (purpose),
    kind             TEXT NOT NULL CHECK (kind IN ('given', 'withdrawn')),
    at               TEXT NOT NULL,
    channel          TEXT NOT NULL CHECK (channel IN ('form', 'email', 'phone', 'in-person', 'self-service')),
    wording_version  TEXT NOT NULL,
    evidence         TEXT,
    recorded_by      TEXT NOT NULL REFERENCES users (user_id),
    recorded_at      TEXT NOT NULL
) STRICT;
CREATE INDEX consent_events_by_person ON consent_events (person_id, purpose, at);
CREATE TRIGGER consent_events_never_rewritten BEFORE UPDATE ON consent_events
BEGIN SELECT RAISE(ABORT, 'consent history is never rewritten'); END;

-- E-mail addresses of erased people, as salted SHA-256 only, so that a marketing opt-out
-- survives the erasure without keeping the address (see erasure.rs).
CREATE TABLE marketing_suppression (
    email_hash TEXT PRIMARY KEY NOT NULL,
    added_at   TEXT NOT NULL
) STRICT, WITHOUT ROWID;

-- Processors (R4): subcontractors and suppliers processing data on the company's behalf.
CREATE TABLE processors (
    processor_id        TEXT PRIMARY KEY NOT NULL,
    name                TEXT NOT NULL,
    service             TEXT NOT NULL,
    purpose             TEXT NOT NULL,
    agreement_reference TEXT NOT NULL,
    agreement_date      TEXT NOT NULL,
    processing_location TEXT NOT NULL,
    created_at          TEXT NOT NULL
) STRICT;

-- Transfers outside the EU/EEA and their legal basis. 'privacy-shield' exists only for
-- transfers recorded before Schrems II; new ones are refused and old ones flagged.
CREATE TABLE transfers (
    transfer_id   TEXT PRIMARY KEY NOT NULL,
    processor_id  TEXT NOT NULL REFERENCES processors (processor_id),
    country       TEXT NOT NULL,
    legal_basis   TEXT NOT NULL CHECK (legal_basis IN ('adequacy-decision', 'standard-contractual-clauses',
                      'binding-corporate-rules', 'derogation', 'privacy-shield')),
    basis_detail  TEXT NOT NULL,
    dpf_certified INTEGER NOT NULL DEFAULT 0 CHECK (dpf_certified IN (0, 1)),
    since_on      TEXT NOT NULL,
    recorded_by   TEXT NOT NULL REFERENCES users (user_id),
    recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX transfers_by_processor ON transfers (processor_id);

-- Every disclosure of a person's data to a processor.
CREATE TABLE disclosures (
    disclosure_id TEXT PRIMARY KEY NOT NULL,
    person_id     TEXT NOT NULL REFERENCES people (person_id),
    processor_id  TEXT NOT NULL REFERENCES processors (processor_id),
    what          TEXT NOT NULL,
    why           TEXT NOT NULL,
    disclosed_on  TEXT NOT NULL,
    recorded_by   TEXT NOT NULL REFERENCES users (user_id),
    recorded_at   TEXT NOT NULL
) STRICT;
CREATE INDEX disclosures_by_person ON disclosures (person_id);

-- Requests from the people in the register (R7), with the one-month deadline.
CREATE TABLE requests (
    request_id          TEXT PRIMARY KEY NOT NULL,
    kind                TEXT NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure', 'consent-withdrawal', 'objection', 'restriction')),
    received_on         TEXT NOT NULL,
    channel             TEXT NOT NULL CHECK (channel IN ('form', 'email', 'phone', 'in-person', 'letter', 'self-service')),
    person_id           TEXT REFERENCES people (person_id),
    identity_method     TEXT,
    identity_checked_on TEXT,
    identity_checked_by TEXT REFERENCES users (user_id),
    due_on              TEXT NOT NULL,
    extended_due_on     TEXT,
    extension_reason    TEXT,
    status              TEXT NOT NULL CHECK (status IN ('open', 'done', 'refused')),
    closed_on           TEXT,
    outcome             TEXT,
    created_by          TEXT NOT NULL REFERENCES users (user_id),
    created_at          TEXT NOT NULL
) STRICT;
CREATE INDEX requests_by_status ON requests (status, due_on);
CREATE INDEX requests_by_person ON requests (person_id);

-- Legal holds stop deletion of a person, an organisation or a deal until their end date.
CREATE TABLE legal_holds (
    legal_hold_id TEXT PRIMARY KEY NOT NULL,
    record_kind   TEXT NOT NULL CHECK (record_kind IN ('person', 'organisation', 'deal')),
    record_id     TEXT NOT NULL,
    reason        TEXT NOT NULL,
    until_on      TEXT NOT NULL,
    created_by    TEXT NOT NULL REFERENCES users (user_id),
    created_at    TEXT NOT NULL
) STRICT;
CREATE INDEX legal_holds_by_record ON legal_holds (record_kind, record_id);

-- The id-only erasure ledger: one receipt per erased person, no personal data. Restores of
-- old backups re-apply these before anyone sees the data.
CREATE TABLE erasure_receipts (
    receipt_id TEXT PRIMARY KEY NOT NULL,
    person_id  TEXT NOT NULL,
    request_id TEXT,
    erased_at  TEXT NOT NULL,
    erased_by  TEXT,  -- the administrator; NULL when retention or a restore erased automatically
    reason     TEXT NOT NULL CHECK (reason IN ('request', 'retention')),
    counts     TEXT NOT NULL
) STRICT;
CREATE INDEX erasure_receipts_by_person ON erasure_receipts (person_id);
