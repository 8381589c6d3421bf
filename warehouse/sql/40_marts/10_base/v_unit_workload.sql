-- model: v_unit_workload
-- grain: one row per unit named in at least one task
-- key: unit_name
-- not_null: is_collective, tasks_led, tasks_responsible, workload_index, share_of_total
-- expression: tasks_total = tasks_led + tasks_responsible
-- expression: is_collective OR (workload_rank IS NOT NULL AND cumulative_share > 0 AND cumulative_share <= 1.000001)
-- expression: NOT is_collective OR workload_rank IS NULL
CREATE OR REPLACE VIEW v_unit_workload AS
WITH weights AS (
    SELECT max(value) FILTER (WHERE name = 'lead_weight') AS lead_weight,
           max(value) FILTER (WHERE name = 'responsible_weight') AS responsible_weight
    FROM mart_parameter
),
counts AS (
    SELECT unit_name, is_collective,
           count(*) FILTER (WHERE role = 'lead') AS tasks_led,
           count(*) FILTER (WHERE role = 'responsible') AS tasks_responsible
    FROM v_unit_task_role
    GROUP BY unit_name, is_collective
),
indexed AS (
    SELECT c.*, c.tasks_led + c.tasks_responsible AS tasks_total,
           w.lead_weight, w.responsible_weight,
           w.lead_weight * c.tasks_led + w.responsible_weight * c.tasks_responsible AS workload_index
    FROM counts c CROSS JOIN weights w
),
final AS (
    SELECT unit_name, is_collective, tasks_led, tasks_responsible, tasks_total,
           lead_weight, responsible_weight, workload_index,
           workload_index / sum(workload_index) OVER () AS share_of_total,
           CASE WHEN NOT is_collective THEN
               row_number() OVER (PARTITION BY is_collective ORDER BY workload_index DESC, unit_name) END AS workload_rank,
           CASE WHEN NOT is_collective THEN
               sum(workload_index) OVER (PARTITION BY is_collective ORDER BY workload_index DESC, unit_name
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
               / sum(workload_index) OVER (PARTITION BY is_collective) END AS cumulative_share
    FROM indexed
)
SELECT * FROM final
ORDER BY is_collective, workload_index DESC, unit_name;
COMMENT ON VIEW v_unit_workload IS 'Workload per unit: tasks led, tasks co-responsible, weighted index = lead_weight x led + responsible_weight x responsible (weights from mart_parameter).';
COMMENT ON COLUMN v_unit_workload.tasks_led IS 'Tasks the unit leads (牵头), incl. co-leads.';
COMMENT ON COLUMN v_unit_workload.tasks_responsible IS 'Tasks where the unit is responsible (责任单位) but not lead.';
COMMENT ON COLUMN v_unit_workload.workload_index IS 'lead_weight x tasks_led + responsible_weight x tasks_responsible.';
COMMENT ON COLUMN v_unit_workload.share_of_total IS 'Share of the summed index of all units, collectives included.';
COMMENT ON COLUMN v_unit_workload.workload_rank IS 'Rank by index among single departments (null for collectives); ties broken by name.';
COMMENT ON COLUMN v_unit_workload.cumulative_share IS 'Share of the departments'' total index carried by this unit and all ranked above it (null for collectives).';
