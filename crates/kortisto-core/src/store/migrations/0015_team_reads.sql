-- Reads travel through the team hub (issue #12): "who has seen this person" on one device
-- lists the reads made on every device. Each device keeps its own reads in its audit trail
-- (`person_reads`, local, see 0012); at each sync it shares the reads made since the last
-- one here, as two append-only synced tables (union by key, never overwritten):
--
-- `team_reads`: one row per read, about no one: which device's trail holds it (its entry's
-- event id, device and place), when, who, what action about what kind of record (together
-- the kind of read: opened, found, listed, exported) and how many people it showed.
CREATE TABLE team_reads (
    read_id     TEXT PRIMARY KEY,
    device_id   TEXT NOT NULL,
    seq         INTEGER NOT NULL,
    at          TEXT NOT NULL,
    user_id     TEXT,
    action      TEXT NOT NULL,
    record_kind TEXT,
    shown       INTEGER NOT NULL CHECK (shown >= 1)
) STRICT;

-- `team_person_reads`: one row per person per sharing, the ids of the reads that showed
-- them then (a list page of 50 people read ten times between two syncs is 50 short rows,
-- not 500). Each row is about its person, so the hub finds it by the person's tag and
-- deletes it at their erasure, and an erasure here deletes it (`delete_person_data`); a
-- person erased or gone is never shared.
CREATE TABLE team_person_reads (
    person_id TEXT NOT NULL,
    batch_id  TEXT NOT NULL,
    read_ids  TEXT NOT NULL CHECK (json_valid(read_ids) AND json_type(read_ids) = 'array'),
    PRIMARY KEY (person_id, batch_id)
) STRICT, WITHOUT ROWID;

-- Append-only: a read once shared is never changed (a second copy of the same row, pulled
-- again after a restore, changes nothing and passes).
CREATE TRIGGER team_reads_append_only_update BEFORE UPDATE ON team_reads
WHEN OLD.read_id IS NOT NEW.read_id OR OLD.device_id IS NOT NEW.device_id
  OR OLD.seq IS NOT NEW.seq OR OLD.at IS NOT NEW.at OR OLD.user_id IS NOT NEW.user_id
  OR OLD.action IS NOT NEW.action OR OLD.record_kind IS NOT NEW.record_kind
  OR OLD.shown IS NOT NEW.shown
BEGIN SELECT RAISE(ABORT, 'shared reads are append-only'); END;
CREATE TRIGGER team_person_reads_append_only_update BEFORE UPDATE ON team_person_reads
WHEN OLD.person_id IS NOT NEW.person_id OR OLD.batch_id IS NOT NEW.batch_id
  OR OLD.read_ids IS NOT NEW.read_ids
BEGIN SELECT RAISE(ABORT, 'shared reads are append-only'); END;
