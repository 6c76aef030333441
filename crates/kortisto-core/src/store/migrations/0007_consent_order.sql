-- The order in which a person's consent events were recorded, the same on every device
-- (issue #11: consent merges as a union and the latest *recorded* event is in force). A
-- rowid is only this file's order: two devices that pulled each other's events hold them
-- in opposite rowid orders and would disagree about who may be e-mailed.
--
-- `{ms:015}-{n:010}`, compared as text: the recording device's clock in milliseconds, but
-- never at or before an event of the same person it already held (then the newest such
-- place with n + 1), so a clock set back cannot put a withdrawal behind the consent it
-- withdraws, and an event recorded after seeing another's sorts after it. Events already
-- recorded keep their rowid order, before every later one.
ALTER TABLE consent_events ADD COLUMN recorded_order TEXT NOT NULL DEFAULT '';

DROP TRIGGER consent_events_never_rewritten;
UPDATE consent_events SET recorded_order = printf('%015d-%010d', 0, rowid);
CREATE TRIGGER consent_events_never_rewritten BEFORE UPDATE ON consent_events
BEGIN SELECT RAISE(ABORT, 'consent history is never rewritten'); END;

CREATE INDEX consent_events_in_recorded_order ON consent_events (person_id, recorded_order);
