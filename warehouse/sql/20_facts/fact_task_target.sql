-- model: fact_task_target
-- grain: one row per quantified target phrase found in a task's text
-- key: notice_id, task_no, target_ordinal
-- not_null: comparator, target_value, phrase
-- relationship: notice_id, task_no -> dim_task.notice_id, task_no
-- accepted_values: comparator in (>=, <=, =)
CREATE TABLE IF NOT EXISTS fact_task_target (
    task_no          INTEGER NOT NULL,
    target_ordinal   INTEGER NOT NULL,
    comparator       VARCHAR NOT NULL,
    target_value     DOUBLE NOT NULL,
    unit_of_measure  VARCHAR,
    deadline_year    INTEGER,
    phrase           VARCHAR NOT NULL,
    -- Added in schema version 8 (migration 008 appends it to older files, filled with the seed notice's id).
    notice_id        VARCHAR NOT NULL
);
COMMENT ON TABLE fact_task_target IS 'Quantified targets as the notice parser reads them from task text (不少于6万人 -> >= 60000 persons).';
COMMENT ON COLUMN fact_task_target.phrase IS 'The quoted phrase the target comes from.';
COMMENT ON COLUMN fact_task_target.deadline_year IS 'Year named in the text (到2020年), else the end of the notice period.';
COMMENT ON COLUMN fact_task_target.notice_id IS 'Notice the task belongs to (dim_notice.notice_id).';
