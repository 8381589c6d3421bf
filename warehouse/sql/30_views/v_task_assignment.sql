-- model: v_task_assignment
-- grain: one row per task x unit x role (research contract, stable)
-- key: task_no, unit_name, role
-- accepted_values: role in (lead, responsible)
CREATE OR REPLACE VIEW v_task_assignment AS
WITH assignments AS (
    SELECT a.task_no, t.chapter_no, a.unit_name, a.role, a.ordinal
    FROM fact_task_assignment a
    JOIN dim_task t USING (task_no)
)
SELECT task_no, chapter_no, unit_name, role
FROM assignments
ORDER BY task_no, role, ordinal;
COMMENT ON VIEW v_task_assignment IS 'Contract view: task_no, chapter_no, unit_name, role (lead|responsible).';
