-- The register's identity: one row, written at creation.
CREATE TABLE register_info (
    register_id        TEXT PRIMARY KEY NOT NULL,
    created_at         TEXT NOT NULL,
    created_by_version TEXT NOT NULL
) STRICT;
