-- model: v_unit_pair
-- grain: one row per unordered pair of units sharing at least one task (unit_a < unit_b)
-- key: unit_a, unit_b
-- not_null: tasks_shared, a_is_collective, b_is_collective
-- expression: unit_a < unit_b
-- expression: tasks_shared >= 1
CREATE OR REPLACE VIEW v_unit_pair AS
WITH pairs AS (
    SELECT a.unit_name AS unit_a, b.unit_name AS unit_b,
           a.is_collective AS a_is_collective, b.is_collective AS b_is_collective,
           a.task_no
    FROM v_unit_task_role a
    JOIN v_unit_task_role b ON a.task_no = b.task_no AND a.unit_name < b.unit_name
),
final AS (
    SELECT unit_a, unit_b, a_is_collective, b_is_collective,
           count(*) AS tasks_shared,
           list(task_no ORDER BY task_no) AS task_nos
    FROM pairs
    GROUP BY unit_a, unit_b, a_is_collective, b_is_collective
)
SELECT * FROM final;
COMMENT ON VIEW v_unit_pair IS 'Co-responsibility network: how many tasks each pair of units shares, in any role.';
COMMENT ON COLUMN v_unit_pair.task_nos IS 'The shared tasks.';
COMMENT ON COLUMN v_unit_pair.unit_a IS 'First unit of the pair: the smaller name in sort order (unit_a < unit_b).';
COMMENT ON COLUMN v_unit_pair.unit_b IS 'Second unit of the pair.';
COMMENT ON COLUMN v_unit_pair.a_is_collective IS 'unit_a is a collective of many bodies (dim_unit.is_collective).';
COMMENT ON COLUMN v_unit_pair.b_is_collective IS 'unit_b is a collective of many bodies (dim_unit.is_collective).';
COMMENT ON COLUMN v_unit_pair.tasks_shared IS 'Tasks both units are named in, in any role (>= 1).';
