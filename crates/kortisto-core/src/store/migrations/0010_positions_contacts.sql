-- Contact data can be marked as no longer valid (issue #12): the row stays, so the person
-- page and the rectification history show it, but nothing uses it — not the marketing
-- list, not the duplicate check, not the person's e-mail. NULL while valid.
ALTER TABLE contact_points ADD COLUMN retired_at TEXT;
