-- model: fact_task_assignment
-- grain: one row per notice x task x unit x role
-- key: notice_id, task_no, unit_name, role
-- not_null: ordinal
-- relationship: notice_id, task_no -> dim_task.notice_id, task_no
-- relationship: unit_name -> dim_unit.unit_name
-- accepted_values: role in (lead, responsible)
CREATE TABLE IF NOT EXISTS fact_task_assignment (
    task_no    INTEGER NOT NULL,
    unit_name  VARCHAR NOT NULL,
    role       VARCHAR NOT NULL,
    ordinal    INTEGER NOT NULL,
    -- Added in schema version 8 (migration 008 appends it to older files, filled with the seed notice's id).
    notice_id  VARCHAR NOT NULL
);
COMMENT ON TABLE fact_task_assignment IS 'Who does what: the lead (牵头) and responsible (责任) units of each task.';
COMMENT ON COLUMN fact_task_assignment.role IS 'lead (牵头单位, incl. co-leads) or responsible (责任/配合/协办单位).';
COMMENT ON COLUMN fact_task_assignment.ordinal IS 'Position of the unit within its role in the clause, from 1, in the order written.';
COMMENT ON COLUMN fact_task_assignment.notice_id IS 'Notice the task belongs to (dim_notice.notice_id).';
