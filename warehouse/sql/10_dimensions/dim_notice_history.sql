-- model: dim_notice_history
-- grain: one row per superseded version of a notice (the current version is in dim_notice)
-- key: notice_id, version
-- not_null: notice_title, document_title, file_name, superseded_at, parsed_json
-- relationship: notice_id -> dim_notice.notice_id
CREATE TABLE IF NOT EXISTS dim_notice_history (
    notice_id       VARCHAR NOT NULL,
    version         INTEGER NOT NULL,
    notice_title    VARCHAR NOT NULL,
    document_title  VARCHAR NOT NULL,
    file_name       VARCHAR NOT NULL,
    file_sha256     VARCHAR,
    loaded_at       TIMESTAMP,
    superseded_at   TIMESTAMP NOT NULL,
    task_count      INTEGER NOT NULL,
    parsed_json     VARCHAR NOT NULL
);
COMMENT ON TABLE dim_notice_history IS 'Superseded versions of the notices: when a changed file is loaded under an existing id, the version it replaces is kept here with its tasks and units as parsed (JSON), so nothing loaded is lost.';
COMMENT ON COLUMN dim_notice_history.version IS 'The version number it had in dim_notice while it was current.';
COMMENT ON COLUMN dim_notice_history.superseded_at IS 'When a later version replaced it.';
COMMENT ON COLUMN dim_notice_history.task_count IS 'Tasks it held in dim_task.';
COMMENT ON COLUMN dim_notice_history.parsed_json IS 'Its chapters, tasks (text, lead and responsible units as written and as resolved, targets) as JSON; query with json_extract.';
