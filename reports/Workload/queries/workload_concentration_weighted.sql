-- v_workload_concentration with the weights bound by the caller ($lead_weight, $responsible_weight); the logic is the
-- warehouse's table macro workload_concentration (warehouse/sql/40_marts/workload).
SELECT * FROM workload_concentration($lead_weight, $responsible_weight)
