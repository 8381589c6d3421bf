-- model: etl_run
-- grain: one row per ETL job run (a build step or one file loaded)
-- key: load_id
-- not_null: job, status
-- accepted_values: status in (running, succeeded, failed)
-- expression: rows_in = rows_loaded + rows_rejected OR status <> 'succeeded'
CREATE SEQUENCE IF NOT EXISTS etl_run_seq START 1;
CREATE TABLE IF NOT EXISTS etl_run (
    load_id        INTEGER PRIMARY KEY DEFAULT nextval('etl_run_seq'),
    job            VARCHAR NOT NULL,
    file_path      VARCHAR,
    file_sha256    VARCHAR,
    started_at     TIMESTAMP,
    finished_at    TIMESTAMP,
    rows_in        BIGINT NOT NULL DEFAULT 0,
    rows_loaded    BIGINT NOT NULL DEFAULT 0,
    rows_rejected  BIGINT NOT NULL DEFAULT 0,
    rows_warned    BIGINT NOT NULL DEFAULT 0,
    status         VARCHAR NOT NULL,
    message        VARCHAR
);
COMMENT ON TABLE etl_run IS 'Audit of every ETL run: what was loaded, from which file (sha256), when, and rows in = loaded + rejected.';
COMMENT ON COLUMN etl_run.load_id IS 'Surrogate key; facts record the load_id that wrote them.';
COMMENT ON COLUMN etl_run.job IS 'ETL job name, e.g. seed_units, notice, observations.';
COMMENT ON COLUMN etl_run.file_sha256 IS 'SHA-256 of the input file, hex; identical files are recognised on reload.';
COMMENT ON COLUMN etl_run.rows_in IS 'Data rows read from the input (header excluded).';
COMMENT ON COLUMN etl_run.rows_loaded IS 'Rows that reached the warehouse.';
COMMENT ON COLUMN etl_run.rows_rejected IS 'Rows recorded in etl_reject instead.';
COMMENT ON COLUMN etl_run.rows_warned IS 'Loaded rows that carry a warning in etl_reject (severity warning).';
