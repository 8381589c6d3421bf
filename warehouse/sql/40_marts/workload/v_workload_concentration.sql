-- model: v_workload_concentration
-- grain: one row: concentration of the workload index across single departments (collectives excluded)
-- not_null: department_count, total_index, half_load_unit_count
-- expression: hhi BETWEEN 0 AND 1
-- expression: gini >= -0.000001 AND gini < 1
-- expression: half_load_share >= 0.5
CREATE OR REPLACE VIEW v_workload_concentration AS
SELECT *
FROM workload_concentration(
    (SELECT value FROM mart_parameter WHERE name = 'lead_weight'),
    (SELECT value FROM mart_parameter WHERE name = 'responsible_weight'));
COMMENT ON VIEW v_workload_concentration IS 'How concentrated the workload index is across single departments (collectives excluded): HHI, Gini, and the fewest departments carrying half of it.';
COMMENT ON COLUMN v_workload_concentration.hhi IS 'Herfindahl-Hirschman index of workload shares, 0-1 (1 = one department carries all).';
COMMENT ON COLUMN v_workload_concentration.hhi_points IS 'HHI on the 0-10000 scale used in competition analysis.';
COMMENT ON COLUMN v_workload_concentration.hhi_equal_share_floor IS '1 / department_count: the HHI if every department carried the same load.';
COMMENT ON COLUMN v_workload_concentration.gini IS 'Gini coefficient of the workload index across departments (0 = equal).';
COMMENT ON COLUMN v_workload_concentration.half_load_unit_count IS 'Fewest departments (highest index first) whose combined index is at least half the total.';
COMMENT ON COLUMN v_workload_concentration.half_load_share IS 'Share of the total those departments carry.';
COMMENT ON COLUMN v_workload_concentration.half_load_units IS 'Their names, highest index first, joined by 、.';
COMMENT ON COLUMN v_workload_concentration.department_count IS 'Single departments (collectives excluded) named in at least one task.';
COMMENT ON COLUMN v_workload_concentration.total_index IS 'Sum of their workload indices (v_unit_workload.workload_index).';
