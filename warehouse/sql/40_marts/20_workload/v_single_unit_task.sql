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
    JOIN dim_task t USING (task_no)
    WHERE n.unit_count = 1
)
SELECT * FROM final
ORDER BY task_no;
COMMENT ON VIEW v_single_unit_task IS 'Tasks carried by one unit alone (no co-responsible unit): a single point of failure.';
