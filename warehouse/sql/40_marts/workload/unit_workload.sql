-- model: unit_workload
-- grain: table macro unit_workload(lead_weight, responsible_weight): one row per unit named in at least one task
-- The one definition of the workload index. v_unit_workload calls it with the weights of mart_parameter;
-- `wcc report workload --lead-weight/--responsible-weight` and `wcc plan` call it with their own weights
-- (and `wcc plan` with its own v_unit_task_role, defined as a CTE around the call).
CREATE OR REPLACE MACRO unit_workload(lead_weight, responsible_weight) AS TABLE
WITH counts AS (
    SELECT unit_name, is_collective,
           count(*) FILTER (WHERE role = 'lead') AS tasks_led,
           count(*) FILTER (WHERE role = 'responsible') AS tasks_responsible
    FROM v_unit_task_role
    GROUP BY unit_name, is_collective
),
indexed AS (
    SELECT c.*, c.tasks_led + c.tasks_responsible AS tasks_total,
           -- distinct names: inside a macro every reference to lead_weight is the parameter, not a column
           CAST(lead_weight AS DOUBLE) AS lead_w, CAST(responsible_weight AS DOUBLE) AS responsible_w,
           CAST(lead_weight AS DOUBLE) * c.tasks_led + CAST(responsible_weight AS DOUBLE) * c.tasks_responsible AS workload_index
    FROM counts c
),
final AS (
    SELECT unit_name, is_collective, tasks_led, tasks_responsible, tasks_total,
           lead_w AS lead_weight, responsible_w AS responsible_weight, workload_index,
           workload_index / sum(workload_index) OVER () AS share_of_total,
           CASE WHEN NOT is_collective THEN
               row_number() OVER (PARTITION BY is_collective ORDER BY workload_index DESC, unit_name) END AS workload_rank,
           CASE WHEN NOT is_collective THEN
               sum(workload_index) OVER (PARTITION BY is_collective ORDER BY workload_index DESC, unit_name
                                         ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)
               / sum(workload_index) OVER (PARTITION BY is_collective) END AS cumulative_share
    FROM indexed
)
SELECT * FROM final;
