-- model: v_coverage_chapter_unit
-- grain: one row per chapter x unit (full grid, zeros included)
-- key: chapter_no, unit_name
-- not_null: tasks_led, tasks_responsible, tasks_total, is_collective, unit_order
-- expression: tasks_total = tasks_led + tasks_responsible
-- relationship: chapter_no -> dim_chapter.chapter_no
CREATE OR REPLACE VIEW v_coverage_chapter_unit AS
WITH cells AS (
    SELECT chapter_no, unit_name,
           count(*) FILTER (WHERE role = 'lead') AS tasks_led,
           count(*) FILTER (WHERE role = 'responsible') AS tasks_responsible
    FROM v_coverage_task_unit
    GROUP BY chapter_no, unit_name
),
final AS (
    SELECT c.chapter_no, ch.title AS chapter_title, c.unit_name, u.is_collective, u.unit_order,
           c.tasks_led, c.tasks_responsible, c.tasks_led + c.tasks_responsible AS tasks_total
    FROM cells c
    JOIN (SELECT DISTINCT unit_name, is_collective, unit_order FROM v_coverage_task_unit) u USING (unit_name)
    LEFT JOIN dim_chapter ch USING (chapter_no)
)
SELECT * FROM final
ORDER BY chapter_no, unit_order;
COMMENT ON VIEW v_coverage_chapter_unit IS 'Chapter x unit: how many of the chapter''s tasks each unit leads or is responsible for.';
