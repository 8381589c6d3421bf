-- model: v_pack_unit_task
-- grain: one row per unit x task x role, with the unit's own latest progress report
-- key: unit_name, task_no, role
-- accepted_values: role in (lead, responsible)
CREATE OR REPLACE VIEW v_pack_unit_task AS
WITH latest AS (
    SELECT task_no, unit_name, year, status, narrative
    FROM fact_task_progress
    QUALIFY year = max(year) OVER (PARTITION BY task_no, unit_name)
)
SELECT a.unit_name, u.full_name, u.kind, u.is_collective, u.is_known, a.task_no, t.chapter_no, a.role, t.task_text,
       l.year AS progress_year, l.status AS progress_status, l.narrative
FROM fact_task_assignment a
JOIN dim_unit u USING (unit_name)
JOIN dim_task t USING (task_no)
LEFT JOIN latest l USING (task_no, unit_name);
COMMENT ON VIEW v_pack_unit_task IS 'Evaluation pack unit pages: each unit''s tasks, its role and its own latest progress report.';
