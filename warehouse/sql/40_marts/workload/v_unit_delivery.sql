-- model: v_unit_delivery
-- grain: one row per unit named in at least one task
-- key: unit_name
-- not_null: is_collective, workload_index, tasks_reported, tasks_lagging, tasks_not_started
-- expression: tasks_lagging + tasks_not_started <= tasks_reported
CREATE OR REPLACE VIEW v_unit_delivery AS
WITH latest AS (
    SELECT max(year) AS progress_year FROM current_notice_progress()
),
progress AS (
    SELECT p.unit_name,
           count(DISTINCT p.task_no) AS tasks_reported,
           count(DISTINCT p.task_no) FILTER (WHERE v.status_code = 'lagging') AS tasks_lagging,
           count(DISTINCT p.task_no) FILTER (WHERE v.status_code = 'not_started') AS tasks_not_started,
           bool_or(p.source = 'synthetic') AS is_synthetic
    FROM current_notice_progress() p
    JOIN latest l ON p.year = l.progress_year
    LEFT JOIN vocab_progress_status v ON v.label_zh = p.status
    GROUP BY p.unit_name
),
final AS (
    SELECT w.unit_name, w.is_collective, w.tasks_total, w.workload_index,
           (SELECT progress_year FROM latest) AS progress_year,
           coalesce(p.tasks_reported, 0) AS tasks_reported,
           coalesce(p.tasks_lagging, 0) AS tasks_lagging,
           coalesce(p.tasks_not_started, 0) AS tasks_not_started,
           (coalesce(p.tasks_lagging, 0) + coalesce(p.tasks_not_started, 0)) / nullif(w.tasks_total, 0) AS behind_share,
           coalesce(p.is_synthetic, false) AS is_synthetic
    FROM v_unit_workload w
    LEFT JOIN progress p USING (unit_name)
)
SELECT * FROM final;
COMMENT ON VIEW v_unit_delivery IS 'Delivery beside workload: per unit, tasks reported lagging or not started (vocab_progress_status) in the latest progress year.';
COMMENT ON COLUMN v_unit_delivery.progress_year IS 'Latest year in fact_task_progress (null when no progress is loaded).';
COMMENT ON COLUMN v_unit_delivery.is_synthetic IS 'True when the unit''s progress reports are synthetic (source = synthetic).';
COMMENT ON COLUMN v_unit_delivery.behind_share IS '(lagging + not started) / tasks_total.';
COMMENT ON COLUMN v_unit_delivery.unit_name IS 'Unit (department or collective) by its short name as written in the notice, e.g. 市妇联 (dim_unit.unit_name).';
COMMENT ON COLUMN v_unit_delivery.is_collective IS 'True for collectives of many bodies (各区县妇儿工委, 市妇儿工委各成员单位), which reports show apart from single departments.';
COMMENT ON COLUMN v_unit_delivery.tasks_total IS 'Tasks the unit is named in (v_unit_workload.tasks_total).';
COMMENT ON COLUMN v_unit_delivery.workload_index IS 'The unit''s weighted workload index (v_unit_workload.workload_index).';
COMMENT ON COLUMN v_unit_delivery.tasks_reported IS 'Distinct tasks the unit reported progress on in progress_year (0 when none).';
COMMENT ON COLUMN v_unit_delivery.tasks_lagging IS 'Of those, tasks reported lagging (vocab_progress_status.status_code lagging).';
COMMENT ON COLUMN v_unit_delivery.tasks_not_started IS 'Of those, tasks reported not started (vocab_progress_status.status_code not_started).';
