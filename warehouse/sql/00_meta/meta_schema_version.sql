-- model: meta_schema_version
-- grain: one row: the schema version this warehouse was built or migrated to
-- key: version
CREATE TABLE IF NOT EXISTS meta_schema_version (
    version INTEGER NOT NULL
);
COMMENT ON TABLE meta_schema_version IS 'Schema version of this warehouse; wcc migrates older files when it opens them for writing.';
