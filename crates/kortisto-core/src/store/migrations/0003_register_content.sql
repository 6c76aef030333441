-- Where a datum came from (R2): one row per person record or contact datum that cites it.
CREATE TABLE sources (
    source_id   TEXT PRIMARY KEY NOT NULL,
    kind        TEXT NOT NULL CHECK (kind IN ('rfq-or-contract-document', 'business-card',
                    'email-or-social-media', 'customer-meeting', 'event', 'public-source',
                    'data-provider', 'portal-registration', 'self-service')),
    detail      TEXT,
    obtained_on TEXT NOT NULL,
    recorded_by TEXT NOT NULL REFERENCES users (user_id),
    recorded_at TEXT NOT NULL
) STRICT;

CREATE TABLE organisations (
    organisation_id TEXT PRIMARY KEY NOT NULL,
    name            TEXT NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('company', 'unit', 'public-body', 'association', 'sole-trader')),
    parent_id       TEXT REFERENCES organisations (organisation_id),
    business_id     TEXT,
    customer_since  TEXT,
    customer_until  TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX organisations_by_name ON organisations (name COLLATE NOCASE);
CREATE INDEX organisations_by_parent ON organisations (parent_id);
CREATE UNIQUE INDEX organisations_business_id ON organisations (business_id) WHERE business_id IS NOT NULL AND kind <> 'unit';

CREATE TABLE people (
    person_id         TEXT PRIMARY KEY NOT NULL,
    surname           TEXT NOT NULL,
    first_name        TEXT NOT NULL,
    other_first_names TEXT,
    source_id         TEXT NOT NULL REFERENCES sources (source_id),
    -- The newest meeting the person took part in, kept with each logged meeting so that
    -- retention decides over 100,000 people without joining a million meetings.
    last_meeting_at   TEXT,
    created_at        TEXT NOT NULL,
    updated_at        TEXT NOT NULL
) STRICT;
CREATE INDEX people_by_name ON people (surname COLLATE finnish, first_name COLLATE finnish);

CREATE TABLE positions (
    position_id     TEXT PRIMARY KEY NOT NULL,
    person_id       TEXT NOT NULL REFERENCES people (person_id),
    organisation_id TEXT NOT NULL REFERENCES organisations (organisation_id),
    title           TEXT NOT NULL,
    job_description TEXT,
    start_on        TEXT,
    end_on          TEXT,
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX positions_by_person ON positions (person_id);
CREATE INDEX positions_by_organisation ON positions (organisation_id);

-- Addresses, phone numbers, e-mail and social-media contacts of a person or an organisation.
CREATE TABLE contact_points (
    contact_id      TEXT PRIMARY KEY NOT NULL,
    person_id       TEXT REFERENCES people (person_id),
    organisation_id TEXT REFERENCES organisations (organisation_id),
    kind            TEXT NOT NULL CHECK (kind IN ('address', 'phone', 'mobile', 'email', 'social')),
    label           TEXT,
    value           TEXT NOT NULL,
    social_kind     TEXT,
    source_id       TEXT NOT NULL REFERENCES sources (source_id),
    created_at      TEXT NOT NULL,
    CHECK ((person_id IS NULL) <> (organisation_id IS NULL))
) STRICT;
CREATE INDEX contact_points_by_person ON contact_points (person_id);
CREATE INDEX contact_points_by_organisation ON contact_points (organisation_id);
-- NOCASE, as the duplicate check compares: e-mail local parts keep the case they were typed in.
CREATE INDEX contact_points_by_value ON contact_points (kind, value COLLATE NOCASE);

CREATE TABLE deals (
    deal_id         TEXT PRIMARY KEY NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('delivery-contract', 'service-contract', 'offer', 'rfq', 'lead', 'info-request')),
    organisation_id TEXT NOT NULL REFERENCES organisations (organisation_id),
    title           TEXT NOT NULL,
    status          TEXT NOT NULL CHECK (status IN ('open', 'active', 'won', 'lost', 'ended', 'cancelled')),
    start_on        TEXT,
    end_on          TEXT,
    notes           TEXT,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
CREATE INDEX deals_by_organisation ON deals (organisation_id);
CREATE INDEX deals_by_kind_status ON deals (kind, status);

CREATE TABLE deal_people (
    deal_id   TEXT NOT NULL REFERENCES deals (deal_id),
    person_id TEXT NOT NULL REFERENCES people (person_id),
    PRIMARY KEY (deal_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX deal_people_by_person ON deal_people (person_id);

CREATE TABLE meetings (
    meeting_id      TEXT PRIMARY KEY NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('meeting', 'call', 'email', 'visit', 'web-meeting')),
    at              TEXT NOT NULL,
    subject         TEXT NOT NULL,
    notes           TEXT,
    organisation_id TEXT REFERENCES organisations (organisation_id),
    logged_by       TEXT NOT NULL REFERENCES users (user_id),
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX meetings_by_organisation ON meetings (organisation_id, at);
CREATE INDEX meetings_by_at ON meetings (at);

CREATE TABLE meeting_participants (
    meeting_id TEXT NOT NULL REFERENCES meetings (meeting_id),
    person_id  TEXT NOT NULL REFERENCES people (person_id),
    PRIMARY KEY (meeting_id, person_id)
) STRICT, WITHOUT ROWID;
CREATE INDEX meeting_participants_by_person ON meeting_participants (person_id);

-- Third-party licences, devices and services registered for a customer's solution (R1.9).
CREATE TABLE service_elements (
    element_id      TEXT PRIMARY KEY NOT NULL,
    kind            TEXT NOT NULL CHECK (kind IN ('licence', 'device', 'service')),
    vendor          TEXT NOT NULL,
    identifier      TEXT NOT NULL,
    organisation_id TEXT NOT NULL REFERENCES organisations (organisation_id),
    person_id       TEXT REFERENCES people (person_id),
    valid_from      TEXT,
    valid_to        TEXT,
    created_at      TEXT NOT NULL
) STRICT;
CREATE INDEX service_elements_by_organisation ON service_elements (organisation_id);
CREATE INDEX service_elements_by_person ON service_elements (person_id);

-- Rectification history: every change to a person's or an organisation's data, kept in one
-- table keyed by the record so that erasing a person removes their history with one delete.
CREATE TABLE change_history (
    change_id   TEXT PRIMARY KEY NOT NULL,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('person', 'organisation')),
    record_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    changed_by  TEXT NOT NULL REFERENCES users (user_id),
    changed_at  TEXT NOT NULL
) STRICT;
CREATE INDEX change_history_by_record ON change_history (record_kind, record_id, changed_at);

-- One search box over people, organisations, e-mails and phone numbers, inside the encrypted
-- database. Accents are folded by the tokenizer; phone numbers are indexed as digit strings
-- in international and national form.
CREATE VIRTUAL TABLE search_index USING fts5 (
    record_kind UNINDEXED,
    record_id UNINDEXED,
    title UNINDEXED,
    body,
    tokenize = "unicode61 remove_diacritics 2",
    prefix = '2 3 4'
);
-- Deleting a row removes its terms from the index at once (FTS5 secure-delete), instead of
-- leaving them in old segments until a merge: an erased name leaves no trace in the index.
INSERT INTO search_index (search_index, rank) VALUES ('secure-delete', 1);

-- Which search_index row belongs to which record, so an edit or an erasure replaces exactly
-- that row without scanning the index.
CREATE TABLE search_index_rows (
    record_id TEXT PRIMARY KEY NOT NULL,
    fts_rowid INTEGER NOT NULL
) STRICT, WITHOUT ROWID;
