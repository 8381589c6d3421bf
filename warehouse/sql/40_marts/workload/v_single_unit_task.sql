-- model: v_single_unit_task
-- grain: one row per task assigned to exactly one unit
-- key: task_no
-- not_null: chapter_no, unit_name, role
-- relationship: task_no -> dim_task.task_no
CREATE OR REPLACE VIEW v_single_unit_task AS
WITH units_per_task AS (
    SELECT task_no, count(*) AS unit_count FROM v_unit_task_role GROUP BY task_no
),
final AS (
    SELECT r.task_no, r.chapter_no, r.unit_name, r.role, r.is_collective, t.task_text
    FROM v_unit_task_role r
    JOIN units_per_task n USING (task_no)
    JOIN current_notice_task() t USING (task_no)
    WHERE n.unit_count = 1
)
SELECT * FROM final;
COMMENT ON VIEW v_single_unit_task IS 'Tasks carried by one unit alone (no co-responsible unit): a single point of failure.';
COMMENT ON COLUMN v_single_unit_task.task_no IS 'Number of the task in the notice (dim_task.task_no).';
COMMENT ON COLUMN v_single_unit_task.chapter_no IS 'Chapter of the notice the task belongs to, numbered in document order (dim_chapter.chapter_no).';
COMMENT ON COLUMN v_single_unit_task.unit_name IS 'The only unit named in the task (department or collective) by its short name as written in the notice, e.g. 市妇联 (dim_unit.unit_name).';
COMMENT ON COLUMN v_single_unit_task.role IS 'lead (牵头单位, incl. co-leads) or responsible (责任单位).';
COMMENT ON COLUMN v_single_unit_task.is_collective IS 'True for collectives of many bodies (各区县妇儿工委, 市妇儿工委各成员单位), which reports show apart from single departments.';
COMMENT ON COLUMN v_single_unit_task.task_text IS 'Task text without its number and unit clause (dim_task.task_text).';
