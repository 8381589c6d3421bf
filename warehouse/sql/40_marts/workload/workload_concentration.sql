-- model: workload_concentration
-- grain: table macro workload_concentration(lead_weight, responsible_weight): one row, concentration across single departments
-- The one definition of HHI, Gini and the half-load set; v_workload_concentration calls it with mart_parameter's weights.
CREATE OR REPLACE MACRO workload_concentration(lead_weight, responsible_weight) AS TABLE
WITH departments AS (
    SELECT unit_name, workload_index, workload_rank, cumulative_share
    FROM unit_workload(lead_weight, responsible_weight)
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
