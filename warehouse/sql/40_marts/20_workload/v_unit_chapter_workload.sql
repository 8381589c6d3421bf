-- model: v_unit_chapter_workload
-- grain: one row per unit x chapter in which the unit has at least one task
-- key: unit_name, chapter_no
-- not_null: is_collective, tasks_led, tasks_responsible, workload_index
-- relationship: chapter_no -> dim_chapter.chapter_no
CREATE OR REPLACE VIEW v_unit_chapter_workload AS
WITH weights AS (
    SELECT max(value) FILTER (WHERE name = 'lead_weight') AS lead_weight,
           max(value) FILTER (WHERE name = 'responsible_weight') AS responsible_weight
    FROM mart_parameter
),
counts AS (
    SELECT unit_name, is_collective, chapter_no,
           count(*) FILTER (WHERE role = 'lead') AS tasks_led,
           count(*) FILTER (WHERE role = 'responsible') AS tasks_responsible
    FROM v_unit_task_role
    GROUP BY unit_name, is_collective, chapter_no
),
final AS (
    SELECT c.unit_name, c.is_collective, c.chapter_no, ch.title AS chapter_title,
           c.tasks_led, c.tasks_responsible,
           w.lead_weight * c.tasks_led + w.responsible_weight * c.tasks_responsible AS workload_index
    FROM counts c
    CROSS JOIN weights w
    LEFT JOIN dim_chapter ch USING (chapter_no)
)
SELECT * FROM final
ORDER BY is_collective, unit_name, chapter_no;
COMMENT ON VIEW v_unit_chapter_workload IS 'Workload per unit split by chapter of the notice (same weights as v_unit_workload).';
