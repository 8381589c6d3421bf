-- Same result shape as the view v_workload_concentration, computed over `weighted_units`, which the
-- caller defines as the bound query unit_workload_weighted.sql (WITH weighted_units AS (...)).
-- Keep in step with warehouse/sql/40_marts/20_workload/v_workload_concentration.sql.
, departments AS (
    SELECT unit_name, workload_index, workload_rank, cumulative_share
    FROM weighted_units
    WHERE NOT is_collective
),
ascending AS (
    SELECT workload_index, row_number() OVER (ORDER BY workload_index, unit_name) AS i
    FROM departments
),
gini AS (
    SELECT 2.0 * sum(i * workload_index) / (count(*) * sum(workload_index)) - (count(*) + 1.0) / count(*) AS gini
    FROM ascending
),
half_cut AS (
    SELECT min(workload_rank) AS k FROM departments WHERE cumulative_share >= 0.5 - 1e-12
)
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
