-- model: v_area_ancestry
-- grain: one row per area of dim_area: its chain of parents, walked up to the top or to the first repeated area
-- key: area_code
-- not_null: ancestors, depth, in_cycle
-- expression: NOT in_cycle
CREATE OR REPLACE VIEW v_area_ancestry AS
WITH RECURSIVE walk (area_code, next_code, path) AS (
    SELECT area_code, parent_code, [area_code]
    FROM dim_area
    UNION ALL
    -- The walk stops at the top (no parent), at a parent dim_area lacks, or at an area already on the path:
    -- so it ends on any data, a cycle included.
    SELECT w.area_code, a.parent_code, list_append(w.path, w.next_code)
    FROM walk w
    JOIN dim_area a ON a.area_code = w.next_code
    WHERE NOT list_contains(w.path, w.next_code)
),
longest AS (
    SELECT area_code,
           arg_max(path, len(path)) AS path,
           bool_or(next_code IS NOT NULL AND list_contains(path, next_code)) AS in_cycle
    FROM walk
    GROUP BY area_code
)
SELECT area_code,
       path[2:] AS ancestors,
       len(path) - 1 AS depth,
       in_cycle
FROM longest;
COMMENT ON VIEW v_area_ancestry IS 'Each area''s parent chain (dim_area.parent_code followed upwards). in_cycle marks a chain that comes back to an area it has passed: a hierarchy error the data tests report.';
COMMENT ON VIEW v_area_ancestry IS 'Each area''s chain of parents in dim_area, walked up to the top; a cycle in parent_code is flagged (the data tests fail on it).';
COMMENT ON COLUMN v_area_ancestry.area_code IS 'Six-digit GB/T 2260 code of the area.';
COMMENT ON COLUMN v_area_ancestry.ancestors IS 'Parent codes from the nearest upwards (district -> city -> province -> country), up to the first repeated code.';
COMMENT ON COLUMN v_area_ancestry.depth IS 'Number of ancestors (0 for the top area).';
COMMENT ON COLUMN v_area_ancestry.in_cycle IS 'True when the walk up the parents returns to an area already passed: a data error.';
