-- Retention rules as data (R5, notice §8), each with the legal or policy reference it rests
-- on. Administrators change the periods and references; the rule ids are fixed.
CREATE TABLE retention_rules (
    rule_id      TEXT PRIMARY KEY NOT NULL CHECK (rule_id IN ('no-ties', 'contract-or-consent', 'web-analytics')),
    months       INTEGER NOT NULL CHECK (months BETWEEN 1 AND 1200),
    reference_fi TEXT NOT NULL,
    reference_en TEXT NOT NULL,
    updated_by   TEXT,
    updated_at   TEXT NOT NULL
) STRICT;
INSERT INTO retention_rules (rule_id, months, reference_fi, reference_en, updated_at) VALUES
    ('no-ties', 36, 'Tietosuojaseloste §8: asiakkuuden päättymisestä kolme vuotta; GDPR 5 art. 1 e (säilytyksen rajoittaminen)',
        'Privacy notice §8: three years after the customer relationship; GDPR Art. 5(1)(e) (storage limitation)', '2026-01-01T00:00:00Z'),
    ('contract-or-consent', 12, 'Tietosuojaseloste §8: sopimuksen tai suostumuksen päättymisestä vuosi (reklamaatiot, oikaisut)',
        'Privacy notice §8: one year after the contract or consent ends (complaints, corrections)', '2026-01-01T00:00:00Z'),
    ('web-analytics', 26, 'Tietosuojaseloste §8: verkkoanalytiikka 26 kuukautta',
        'Privacy notice §8: web analytics 26 months', '2026-01-01T00:00:00Z');

-- Each retention run: when, as of which date, what it did (ids only).
CREATE TABLE retention_runs (
    run_id      TEXT PRIMARY KEY NOT NULL,
    started_at  TEXT NOT NULL,
    as_of       TEXT NOT NULL,
    trigger     TEXT NOT NULL CHECK (trigger IN ('manual', 'automatic', 'cli')),
    run_by      TEXT,
    erased      INTEGER NOT NULL,
    kept        INTEGER NOT NULL,
    receipt_ids TEXT NOT NULL
) STRICT;
