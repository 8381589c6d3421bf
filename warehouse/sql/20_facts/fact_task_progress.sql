-- model: fact_task_progress
-- grain: one row per notice x task x unit x reporting year
-- key: notice_id, task_no, unit_name, year
-- not_null: status, source
-- relationship: notice_id, task_no -> dim_task.notice_id, task_no
-- relationship: unit_name -> dim_unit.unit_name
-- relationship: load_id -> etl_run.load_id
-- relationship: status -> vocab_progress_status.label_zh
CREATE TABLE IF NOT EXISTS fact_task_progress (
    task_no      INTEGER NOT NULL,
    unit_name    VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    status       VARCHAR NOT NULL,
    narrative    VARCHAR,
    report_date  DATE,
    source       VARCHAR NOT NULL,
    -- Added in schema version 3 (migration 003 appends them to older files).
    evidence         VARCHAR,
    completion_date  DATE,
    load_id          INTEGER,
    -- Added in schema version 8 (migration 008 appends it to older files, filled with the seed notice's id).
    notice_id        VARCHAR NOT NULL
);
COMMENT ON TABLE fact_task_progress IS 'Yearly progress reports per task and unit; status is a label of vocab_progress_status.';
COMMENT ON COLUMN fact_task_progress.source IS 'synthetic for generated reports; for a collected return, the reporting unit and round (e.g. 市教育局 2020年度报送).';
COMMENT ON COLUMN fact_task_progress.evidence IS 'Evidence the unit cites (document number, report title), from the 任务进展 sheet.';
COMMENT ON COLUMN fact_task_progress.completion_date IS 'Date a lead unit reports the task completed (a status with vocab_progress_status.is_complete), else null.';
COMMENT ON COLUMN fact_task_progress.load_id IS 'The etl_run (collection load) that wrote a collected row; null for synthetic rows.';
COMMENT ON COLUMN fact_task_progress.notice_id IS 'Notice the task belongs to (dim_notice.notice_id).';
