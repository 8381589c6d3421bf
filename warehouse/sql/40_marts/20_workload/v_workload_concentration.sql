-- model: v_workload_concentration
-- grain: one row: concentration of the workload index across single departments (collectives excluded)
-- not_null: department_count, total_index, half_load_unit_count
-- expression: hhi BETWEEN 0 AND 1
-- expression: gini >= -0.000001 AND gini < 1
-- expression: half_load_share >= 0.5
CREATE OR REPLACE VIEW v_workload_concentration AS
WITH departments AS (
    SELECT unit_name, workload_index, workload_rank, cumulative_share
    FROM v_unit_workload
    WHERE NOT is_collective
),
ascending AS (
    SELECT workload_index,
           row_number() OVER (ORDER BY workload_index, unit_name) AS i
    FROM departments
),
gini AS (
    -- Gini over values sorted ascending: 2 sum(i x_i) / (n sum x) - (n + 1) / n
    SELECT 2.0 * sum(i * workload_index) / (count(*) * sum(workload_index)) - (count(*) + 1.0) / count(*) AS gini
    FROM ascending
),
half_cut AS (
    -- the smallest top-ranked set whose cumulative share reaches one half (tolerance for float sums)
    SELECT min(workload_rank) AS k FROM departments WHERE cumulative_share >= 0.5 - 1e-12
),
final AS (
    SELECT count(*) AS department_count,
           sum(d.workload_index) AS total_index,
           sum(power(d.workload_index / t.total, 2)) AS hhi,
           10000 * sum(power(d.workload_index / t.total, 2)) AS hhi_points,
           1.0 / count(*) AS hhi_equal_share_floor,
           (SELECT gini FROM gini) AS gini,
           (SELECT k FROM half_cut) AS half_load_unit_count,
           max(d.cumulative_share) FILTER (WHERE d.workload_rank = (SELECT k FROM half_cut)) AS half_load_share,
           string_agg(d.unit_name, '、' ORDER BY d.workload_rank) FILTER (WHERE d.workload_rank <= (SELECT k FROM half_cut)) AS half_load_units
    FROM departments d
    CROSS JOIN (SELECT sum(workload_index) AS total FROM departments) t
)
SELECT * FROM final;
COMMENT ON VIEW v_workload_concentration IS 'How concentrated the workload index is across single departments (collectives excluded): HHI, Gini, and the fewest departments carrying half of it.';
COMMENT ON COLUMN v_workload_concentration.hhi IS 'Herfindahl-Hirschman index of workload shares, 0-1 (1 = one department carries all).';
COMMENT ON COLUMN v_workload_concentration.hhi_points IS 'HHI on the 0-10000 scale used in competition analysis.';
COMMENT ON COLUMN v_workload_concentration.hhi_equal_share_floor IS '1 / department_count: the HHI if every department carried the same load.';
COMMENT ON COLUMN v_workload_concentration.gini IS 'Gini coefficient of the workload index across departments (0 = equal).';
COMMENT ON COLUMN v_workload_concentration.half_load_unit_count IS 'Fewest departments (highest index first) whose combined index is at least half the total.';
COMMENT ON COLUMN v_workload_concentration.half_load_share IS 'Share of the total those departments carry.';
COMMENT ON COLUMN v_workload_concentration.half_load_units IS 'Their names, highest index first, joined by 、.';
