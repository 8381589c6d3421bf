-- model: fact_task_progress
-- grain: one row per task x unit x reporting year
-- key: task_no, unit_name, year
-- not_null: status, source
-- relationship: task_no -> dim_task.task_no
-- relationship: unit_name -> dim_unit.unit_name
-- accepted_values: status in (未启动, 推进中, 已完成, 滞后)
CREATE TABLE IF NOT EXISTS fact_task_progress (
    task_no      INTEGER NOT NULL,
    unit_name    VARCHAR NOT NULL,
    year         INTEGER NOT NULL,
    status       VARCHAR NOT NULL,
    narrative    VARCHAR,
    report_date  DATE,
    source       VARCHAR NOT NULL
);
COMMENT ON TABLE fact_task_progress IS 'Yearly progress reports per task and unit (未启动/推进中/已完成/滞后).';
