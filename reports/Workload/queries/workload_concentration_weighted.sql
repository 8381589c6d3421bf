-- v_workload_concentration with the weights bound by the caller ($lead_weight, $responsible_weight); the logic is the
-- warehouse's table macro workload_concentration (warehouse/sql/40_marts/15_workload_macros).
SELECT * FROM workload_concentration($lead_weight, $responsible_weight)
