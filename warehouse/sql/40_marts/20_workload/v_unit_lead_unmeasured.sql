-- model: v_unit_lead_unmeasured
-- grain: one row per unit x task it leads that no indicator measures (no dim_indicator.task_nos contains the task)
-- key: unit_name, task_no
-- not_null: chapter_no, is_collective
-- relationship: task_no -> dim_task.task_no
CREATE OR REPLACE VIEW v_unit_lead_unmeasured AS
WITH measured AS (
    SELECT DISTINCT unnest(task_nos) AS task_no FROM dim_indicator WHERE task_nos IS NOT NULL
),
final AS (
    SELECT r.unit_name, r.is_collective, r.task_no, r.chapter_no, t.task_text
    FROM v_unit_task_role r
    JOIN dim_task t USING (task_no)
    WHERE r.role = 'lead' AND r.task_no NOT IN (SELECT task_no FROM measured)
)
SELECT * FROM final
ORDER BY unit_name, task_no;
COMMENT ON VIEW v_unit_lead_unmeasured IS 'Tasks a unit leads for which the warehouse has no measurable indicator, so progress can only be judged from narrative reports.';
