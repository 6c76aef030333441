-- Every read of a person is accounted for (issue #12). A read that shows many people (a
-- search, a list page, an export) is one audit entry about `people` whose record id is the
-- count and a SHA-256 of the ids shown ("50:ab12…", see audit.rs), so the hash chain (and
-- the hub's copy of it) stays one short entry per read however long the list. The ids
-- themselves are kept here, one row per person per read, keyed by the entry's seq: the
-- chain commits to them (audit_verify recomputes the digest), and the index by person
-- answers "who has seen this person" without walking the trail. Ids only, append-only,
-- local like audit_events.
CREATE TABLE person_reads (
    seq       INTEGER NOT NULL REFERENCES audit_events (seq),
    position  INTEGER NOT NULL CHECK (position >= 0),
    person_id TEXT NOT NULL,
    PRIMARY KEY (seq, position)
) STRICT, WITHOUT ROWID;
CREATE INDEX person_reads_by_person ON person_reads (person_id, seq);

-- Views and extracts from before this migration name their person in the entry itself.
INSERT INTO person_reads (seq, position, person_id)
SELECT seq, 0, record_id FROM audit_events
WHERE action IN ('person_view', 'extract') AND record_kind = 'person' AND record_id IS NOT NULL;

CREATE TRIGGER person_reads_append_only_update BEFORE UPDATE ON person_reads
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;
CREATE TRIGGER person_reads_append_only_delete BEFORE DELETE ON person_reads
BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;

-- Staff training with its test result (notice §9: competence is verified by tests). Rows
-- from before results were recorded keep result NULL: completed, competence not verified.
ALTER TABLE privacy_trainings ADD COLUMN result TEXT CHECK (result IS NULL OR result IN ('passed', 'failed'));
ALTER TABLE privacy_trainings ADD COLUMN score INTEGER CHECK (score IS NULL OR score BETWEEN 0 AND 100);
