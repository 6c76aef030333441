-- Purposes of processing with their lawful bases (#15, notice §3), as data an administrator
-- edits: `bases` holds one or more of the Art. 6(1) bases, comma-separated, never empty;
-- a purpose whose basis is consent names the consent purpose (the ledger's) it depends on.
-- The defaults are the five purposes the software had as fixed text.
CREATE TABLE purposes (
    purpose_id      TEXT PRIMARY KEY NOT NULL,
    name_fi         TEXT NOT NULL,
    name_en         TEXT NOT NULL,
    bases           TEXT NOT NULL CHECK (bases <> ''),
    consent_purpose TEXT REFERENCES consent_purposes (purpose),
    position        INTEGER NOT NULL,
    updated_at      TEXT NOT NULL
) STRICT;
INSERT INTO purposes (purpose_id, name_fi, name_en, bases, consent_purpose, position, updated_at) VALUES
    ('customer-management', 'Asiakastietojen hallinnointi', 'Customer management',
        'legitimate-interest', NULL, 1, '2026-01-01T00:00:00Z'),
    ('sales-and-delivery', 'Tuotteiden, palveluiden ja ratkaisuiden myynti ja toimitus', 'Sales and delivery of products, services and solutions',
        'contract,legitimate-interest', NULL, 2, '2026-01-01T00:00:00Z'),
    ('direct-marketing', 'Suoramarkkinointi', 'Direct marketing',
        'consent', 'direct-marketing', 3, '2026-01-01T00:00:00Z'),
    ('contract-management', 'Asiakassopimusten ja palveluiden hallinta sekä yhteydenpito sopimuksen aikana', 'Managing customer contracts and services, and contact during the contract',
        'contract', NULL, 4, '2026-01-01T00:00:00Z'),
    ('service-elements', 'Kolmansien osapuolten palveluelementtien (lisenssit, laitteet, palvelut) rekisteröinti', 'Registering third-party service elements (licences, devices, services)',
        'contract', NULL, 5, '2026-01-01T00:00:00Z');

-- Each published version of the privacy notice: when, in which language, by whom, and its
-- Markdown text (what `notice diff` compares). Never rewritten.
CREATE TABLE notice_versions (
    notice_version_id TEXT PRIMARY KEY NOT NULL,
    language          TEXT NOT NULL CHECK (language IN ('fi', 'en')),
    published_at      TEXT NOT NULL,
    published_by      TEXT NOT NULL REFERENCES users (user_id),
    content           TEXT NOT NULL
) STRICT;
CREATE INDEX notice_versions_by_language ON notice_versions (language, published_at);
CREATE TRIGGER notice_versions_never_rewritten BEFORE UPDATE ON notice_versions
BEGIN SELECT RAISE(ABORT, 'a published notice is never rewritten'); END;
