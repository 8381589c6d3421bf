-- Same result shape as the view v_unit_workload, with the weights bound by the caller
-- ($lead_weight, $responsible_weight) instead of read from mart_parameter: used when
-- `wcc report workload --lead-weight/--responsible-weight` overrides the documented defaults.
WITH counts AS (
    SELECT unit_name, is_collective,
           count(*) FILTER (WHERE role = 'lead') AS tasks_led,
           count(*) FILTER (WHERE role = 'responsible') AS tasks_responsible
    FROM v_unit_task_role
    GROUP BY unit_name, is_collective
),
indexed AS (
    SELECT c.*, c.tasks_led + c.tasks_responsible AS tasks_total,
           CAST($lead_weight AS DOUBLE) AS lead_weight, CAST($responsible_weight AS DOUBLE) AS responsible_weight,
           CAST($lead_weight AS DOUBLE) * c.tasks_led + CAST($responsible_weight AS DOUBLE) * c.tasks_responsible AS workload_index
    FROM counts c
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
ORDER BY is_collective, workload_index DESC, unit_name
