-- v_unit_workload with the weights bound by the caller ($lead_weight, $responsible_weight) instead of read from
-- mart_parameter: `wcc report workload --lead-weight/--responsible-weight` and `wcc plan`. The logic is the
-- warehouse's table macro unit_workload (warehouse/sql/40_marts/workload).
SELECT * FROM unit_workload($lead_weight, $responsible_weight)
ORDER BY is_collective, workload_index DESC, unit_name
