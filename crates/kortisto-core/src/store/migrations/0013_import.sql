-- Contact-file import (issue #14). The vCard UID a person was imported with, so importing
-- the same file again finds them by it ("same as an existing person") instead of adding
-- them twice. It is part of the person's row: it travels, is backed up and is erased with it.
ALTER TABLE people ADD COLUMN import_uid TEXT;
CREATE INDEX people_by_import_uid ON people (import_uid) WHERE import_uid IS NOT NULL;
