-- Corrections where the data stands (issue #12): the rectification history also keeps the
-- changes to meetings, deals, processors and transfers, and a change made while answering
-- a data subject's request names that request, so the request page can list them.
-- SQLite cannot widen a CHECK in place, so the table is rebuilt with the same rows.
CREATE TABLE change_history_new (
    change_id   TEXT PRIMARY KEY NOT NULL,
    record_kind TEXT NOT NULL
        CHECK (record_kind IN ('person', 'organisation', 'meeting', 'deal', 'processor', 'transfer')),
    record_id   TEXT NOT NULL,
    field       TEXT NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    changed_by  TEXT NOT NULL REFERENCES users (user_id),
    changed_at  TEXT NOT NULL,
    request_id  TEXT
) STRICT;
INSERT INTO change_history_new
    (change_id, record_kind, record_id, field, old_value, new_value, changed_by, changed_at)
SELECT change_id, record_kind, record_id, field, old_value, new_value, changed_by, changed_at
FROM change_history;
DROP TABLE change_history;
ALTER TABLE change_history_new RENAME TO change_history;
CREATE INDEX change_history_by_record ON change_history (record_kind, record_id, changed_at);
CREATE INDEX change_history_by_request ON change_history (request_id) WHERE request_id IS NOT NULL;
