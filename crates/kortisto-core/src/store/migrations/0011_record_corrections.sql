-- Corrections of records other than people (issue #12): a legal hold is lifted (kept, with
-- who, when and why) instead of deleted; a processor and a transfer end on a date and stay
-- listed; an organisation a sales rep met on the road is a prospect until office staff
-- complete it (its Y-tunnus).
ALTER TABLE legal_holds ADD COLUMN lifted_at TEXT;
ALTER TABLE legal_holds ADD COLUMN lifted_by TEXT REFERENCES users (user_id);
ALTER TABLE legal_holds ADD COLUMN lift_reason TEXT;
ALTER TABLE processors ADD COLUMN ended_on TEXT;
ALTER TABLE transfers ADD COLUMN ended_on TEXT;
ALTER TABLE organisations ADD COLUMN prospect INTEGER NOT NULL DEFAULT 0 CHECK (prospect IN (0, 1));
-- A meeting or deal whose free text may name a person who was erased: until an administrator
-- corrects that text, and when they do, its history keeps no copy of the old text.
ALTER TABLE meetings ADD COLUMN erasure_review INTEGER NOT NULL DEFAULT 0 CHECK (erasure_review IN (0, 1));
ALTER TABLE deals ADD COLUMN erasure_review INTEGER NOT NULL DEFAULT 0 CHECK (erasure_review IN (0, 1));
