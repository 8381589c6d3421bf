-- model: plan_task
-- grain: one row per scenario x task of the draft 2021-2025 notice
-- key: scenario_id, plan_task_no
-- not_null: chapter_no, chapter_title, task_text, change
-- relationship: scenario_id -> plan_scenario.scenario_id
-- relationship: source_notice_id, source_task_no -> dim_task.notice_id, task_no
-- accepted_values: change in (kept, reassigned, new)
-- expression: (change = 'new') = (source_task_no IS NULL)
-- expression: (source_task_no IS NULL) = (source_notice_id IS NULL)
CREATE TABLE IF NOT EXISTS plan_task (
    scenario_id     VARCHAR NOT NULL,
    plan_task_no    INTEGER NOT NULL,
    chapter_no      INTEGER NOT NULL,
    chapter_title   VARCHAR NOT NULL,
    source_task_no  INTEGER,
    task_text       VARCHAR NOT NULL,
    change          VARCHAR NOT NULL,
    -- Added in schema version 8 (migration 008 appends it, the seed notice's id where source_task_no is set).
    source_notice_id  VARCHAR
);
COMMENT ON TABLE plan_task IS 'Tasks of the draft next-cycle notice per scenario: 2018-2020 tasks kept (renumbered, expired dated targets removed, new targets written in), dropped ones absent, new ones added.';
COMMENT ON COLUMN plan_task.plan_task_no IS 'Number in the draft notice (1., 2., …).';
COMMENT ON COLUMN plan_task.source_task_no IS 'The 2018-2020 task it continues (null for a new task).';
COMMENT ON COLUMN plan_task.change IS 'kept (same units after renames), reassigned (scenario changed its units), new.';
COMMENT ON COLUMN plan_task.source_notice_id IS 'Notice of the task it continues (the default notice, v_current_notice); null for a new task.';
