-- model: v_task_assignment
-- grain: one row per notice x task x unit x role (research contract, stable; every notice loaded)
-- key: notice_id, task_no, unit_name, role
-- accepted_values: role in (lead, responsible)
CREATE OR REPLACE VIEW v_task_assignment AS
WITH assignments AS (
    SELECT a.notice_id, a.task_no, t.chapter_no, a.unit_name, a.role, a.ordinal
    FROM fact_task_assignment a
    JOIN dim_task t USING (notice_id, task_no)
)
SELECT task_no, chapter_no, unit_name, role, notice_id
FROM assignments;
COMMENT ON VIEW v_task_assignment IS 'Contract view: task_no, chapter_no, unit_name, role (lead|responsible), notice_id; every notice loaded (the default one: v_current_notice).';
COMMENT ON COLUMN v_task_assignment.task_no IS 'Number of the task in the notice within its notice (dim_task.task_no).';
COMMENT ON COLUMN v_task_assignment.chapter_no IS 'Chapter of the notice the task belongs to, numbered in document order (dim_chapter.chapter_no).';
COMMENT ON COLUMN v_task_assignment.unit_name IS 'Unit (department or collective) by its short name as written in the notice, e.g. 市妇联 (dim_unit.unit_name).';
COMMENT ON COLUMN v_task_assignment.role IS 'lead (牵头单位, incl. co-leads) or responsible (责任单位). A unit named in both roles of one task has two rows.';
COMMENT ON COLUMN v_task_assignment.notice_id IS 'Notice the task belongs to (dim_notice.notice_id); join tasks on notice_id and task_no.';
