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
    (SELECT value FROM mart_parameter WHERE name = 'responsible_weight'));
COMMENT ON VIEW v_unit_workload IS 'Workload per unit: tasks led, tasks co-responsible, weighted index = lead_weight x led + responsible_weight x responsible (weights from mart_parameter).';
COMMENT ON COLUMN v_unit_workload.tasks_led IS 'Tasks the unit leads, incl. co-leads.';
COMMENT ON COLUMN v_unit_workload.tasks_responsible IS 'Tasks where the unit is responsible but not lead.';
COMMENT ON COLUMN v_unit_workload.workload_index IS 'lead_weight x tasks_led + responsible_weight x tasks_responsible.';
COMMENT ON COLUMN v_unit_workload.share_of_total IS 'Share of the summed index of all units, collectives included.';
COMMENT ON COLUMN v_unit_workload.workload_rank IS 'Rank by index among single departments (null for collectives); ties broken by name.';
COMMENT ON COLUMN v_unit_workload.cumulative_share IS 'Share of the departments'' total index carried by this unit and all ranked above it (null for collectives).';
COMMENT ON COLUMN v_unit_workload.unit_name IS 'Unit (department or collective) by its short name as written in the notice, e.g. 市妇联 (dim_unit.unit_name).';
COMMENT ON COLUMN v_unit_workload.is_collective IS 'True for collectives of many bodies (各区县妇儿工委, 市妇儿工委各成员单位), which reports show apart from single departments.';
COMMENT ON COLUMN v_unit_workload.tasks_total IS 'tasks_led + tasks_responsible: tasks the unit is named in.';
COMMENT ON COLUMN v_unit_workload.lead_weight IS 'Weight of a led task in workload_index (mart_parameter lead_weight; 2 by default).';
COMMENT ON COLUMN v_unit_workload.responsible_weight IS 'Weight of a responsible task in workload_index (mart_parameter responsible_weight; 1 by default).';
