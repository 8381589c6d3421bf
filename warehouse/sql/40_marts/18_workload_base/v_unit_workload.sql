-- model: v_unit_workload
-- grain: one row per unit named in at least one task
-- key: unit_name
-- not_null: is_collective, tasks_led, tasks_responsible, workload_index, share_of_total
-- expression: tasks_total = tasks_led + tasks_responsible
-- expression: is_collective OR (workload_rank IS NOT NULL AND cumulative_share > 0 AND cumulative_share <= 1.000001)
-- expression: NOT is_collective OR workload_rank IS NULL
CREATE OR REPLACE VIEW v_unit_workload AS
SELECT *
FROM unit_workload(
    (SELECT value FROM mart_parameter WHERE name = 'lead_weight'),
    (SELECT value FROM mart_parameter WHERE name = 'responsible_weight'))
ORDER BY is_collective, workload_index DESC, unit_name;
COMMENT ON VIEW v_unit_workload IS 'Workload per unit: tasks led, tasks co-responsible, weighted index = lead_weight x led + responsible_weight x responsible (weights from mart_parameter).';
COMMENT ON COLUMN v_unit_workload.tasks_led IS 'Tasks the unit leads (牵头), incl. co-leads.';
COMMENT ON COLUMN v_unit_workload.tasks_responsible IS 'Tasks where the unit is responsible (责任单位) but not lead.';
COMMENT ON COLUMN v_unit_workload.workload_index IS 'lead_weight x tasks_led + responsible_weight x tasks_responsible.';
COMMENT ON COLUMN v_unit_workload.share_of_total IS 'Share of the summed index of all units, collectives included.';
COMMENT ON COLUMN v_unit_workload.workload_rank IS 'Rank by index among single departments (null for collectives); ties broken by name.';
COMMENT ON COLUMN v_unit_workload.cumulative_share IS 'Share of the departments'' total index carried by this unit and all ranked above it (null for collectives).';
