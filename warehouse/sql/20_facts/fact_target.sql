-- model: fact_target
-- grain: one row per indicator x area scope x sex x deadline
-- key: indicator_code, area_code, sex, deadline_year
-- not_null: comparator, target_value, phrase
-- relationship: indicator_code -> dim_indicator.indicator_code
-- relationship: area_code -> dim_area.area_code
-- relationship: sex -> dim_sex.sex
-- relationship: notice_id, task_no -> dim_task.notice_id, task_no
-- expression: (task_no IS NULL) = (notice_id IS NULL)
-- relationship: deadline_year -> dim_year.year
-- accepted_values: comparator in (>=, <=, =)
CREATE TABLE IF NOT EXISTS fact_target (
    indicator_code  VARCHAR NOT NULL,
    area_code       VARCHAR NOT NULL,
    sex             VARCHAR NOT NULL,
    comparator      VARCHAR NOT NULL,
    target_value    DOUBLE NOT NULL,
    deadline_year   INTEGER NOT NULL,
    task_no         INTEGER,
    phrase          VARCHAR NOT NULL,
    origin          VARCHAR NOT NULL DEFAULT 'seed',
    -- Added in schema version 8 (migration 008 appends it to older files, the seed notice's id where task_no is set).
    notice_id       VARCHAR
);
COMMENT ON TABLE fact_target IS 'Targets attached to indicators (seeds/targets.csv, or a researcher''s targets file).';
COMMENT ON COLUMN fact_target.area_code IS 'Area the target applies to; 610100 = the whole city.';
COMMENT ON COLUMN fact_target.phrase IS 'Quoted source phrase, e.g. 保持城乡幼儿园毛入园率在98%以上.';
COMMENT ON COLUMN fact_target.notice_id IS 'Notice of the task the target belongs to (the default notice for targets files, which name a task by number); null when no task is named.';
