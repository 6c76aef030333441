-- Every read of a person is accounted for (issue #12). A read that shows many people (a
-- search, a list page, an export) is one audit entry about `people` whose record id is the
-- count and a SHA-256 of the ids shown ("50:ab12…", see audit.rs), so the hash chain (and
-- the hub's copy of it) stays one short entry per read however long the list. The ids
-- themselves are kept here, one row per read (a JSON array, in the order shown), keyed by the
-- entry's seq: the chain commits to them (audit_verify recomputes the digest). Ids only,
-- append-only, local like audit_events.
CREATE TABLE person_reads (
    seq        INTEGER PRIMARY KEY REFERENCES audit_events (seq),
    person_ids TEXT NOT NULL CHECK (json_valid(person_ids) AND json_type(person_ids) = 'array')
) STRICT;

-- Views and extracts from before this migration name their person in the entry itself.
INSERT INTO person_reads (seq, person_ids)
SELECT seq, json_array(record_id) FROM audit_events
WHERE action IN ('person_view', 'extract') AND record_kind = 'person' AND record_id IS NOT NULL;

CREATE TRIGGER person_reads_append_only_update BEFORE UPDATE ON person_reads
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER person_reads_append_only_delete BEFORE DELETE ON person_reads
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- The reads by person, derived from person_reads and brought up to date when someone asks
-- "who has seen" (one sorted batch then, instead of 50 scattered index pages written by every
-- list page). `person_reads_indexed` says up to which entry it is complete; newer reads are
-- found by a scan of the (short) tail of person_reads.
CREATE TABLE person_reads_by_person (
    person_id TEXT NOT NULL,
    seq       INTEGER NOT NULL,
    PRIMARY KEY (person_id, seq)
) STRICT, WITHOUT ROWID;
CREATE TABLE person_reads_indexed (
    id        INTEGER PRIMARY KEY CHECK (id = 1),
    up_to_seq INTEGER NOT NULL
) STRICT;
INSERT INTO person_reads_indexed (id, up_to_seq) VALUES (1, 0);

-- Staff training with its test result (notice §9: competence is verified by tests). Rows
-- from before results were recorded keep result NULL: completed, competence not verified.
ALTER TABLE privacy_trainings ADD COLUMN result TEXT CHECK (result IS NULL OR result IN ('passed', 'failed'));
ALTER TABLE privacy_trainings ADD COLUMN score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 100);
