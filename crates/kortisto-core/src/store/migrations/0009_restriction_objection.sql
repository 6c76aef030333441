-- Restriction of processing (Art. 18) and objection (Art. 21) as states of a person, and
-- the free-text matches an automatic erasure could not redact (issue #12).
-- A restriction is in force from its setting until an administrator lifts it (Art. 18(3):
-- the person is told before the lift); `until_on` is the planned end, shown, not enforced.
-- Lifting fills the lifted_* columns, so each row is the whole story of one restriction.
CREATE TABLE restrictions (
    restriction_id  TEXT PRIMARY KEY NOT NULL,
    person_id       TEXT NOT NULL REFERENCES people (person_id),
    reason          TEXT NOT NULL,
    from_on         TEXT NOT NULL,
    until_on        TEXT,
    set_by          TEXT NOT NULL REFERENCES users (user_id),
    set_at          TEXT NOT NULL,
    request_id      TEXT,
    lifted_reason   TEXT,
    lifted_by       TEXT REFERENCES users (user_id),
    lifted_at       TEXT,
    lift_request_id TEXT,
    CHECK (until_on IS NULL OR until_on >= from_on),
    CHECK ((lifted_at IS NULL) = (lifted_by IS NULL) AND (lifted_at IS NULL) = (lifted_reason IS NULL))
) STRICT;
CREATE INDEX restrictions_by_person ON restrictions (person_id, set_at);

-- An objection is final for its purpose: it is recorded once and never lifted.
CREATE TABLE objections (
    objection_id TEXT PRIMARY KEY NOT NULL,
    person_id    TEXT NOT NULL REFERENCES people (person_id),
    purpose      TEXT NOT NULL REFERENCES consent_purposes (purpose),
    reason       TEXT,
    objected_on  TEXT NOT NULL,
    recorded_by  TEXT NOT NULL REFERENCES users (user_id),
    recorded_at  TEXT NOT NULL,
    request_id   TEXT
) STRICT;
CREATE INDEX objections_by_person ON objections (person_id);

-- Free-text fields that named a person whom retention erased: ids only, never the text or
-- the name, as the administrator's to-do list.
CREATE TABLE redaction_todos (
    todo_id     TEXT PRIMARY KEY NOT NULL,
    run_id      TEXT,
    receipt_id  TEXT NOT NULL,
    record_kind TEXT NOT NULL,
    record_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    found_at    TEXT NOT NULL,
    done_at     TEXT,
    done_by     TEXT REFERENCES users (user_id)
) STRICT;
