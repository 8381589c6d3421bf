-- model: v_pack_unit_current
-- grain: one row per unit x year of dim_year: the unit that holds the unit's duties in that year
-- key: unit_name, year
-- not_null: current_name, hops
-- relationship: unit_name -> dim_unit.unit_name
-- relationship: current_name -> dim_unit.unit_name
-- expression: hops >= 0
CREATE OR REPLACE VIEW v_pack_unit_current AS
WITH RECURSIVE chain AS (
    -- each unit, then its successor, its successor's successor ... (2019 reform: 市卫计委 -> 市卫健委)
    SELECT unit_name, unit_name AS heir_name, 0 AS hops FROM dim_unit
    UNION ALL
    SELECT c.unit_name, u.successor_name, c.hops + 1
    FROM chain c
    JOIN dim_unit u ON u.unit_name = c.heir_name
    -- a rename chain is a handful of links; the bound only stops a cycle typed into units.csv from looping forever
    WHERE u.successor_name IS NOT NULL AND c.hops < 10
),
candidate AS (
    SELECT c.unit_name, y.year, c.heir_name, c.hops,
           (h.valid_to IS NULL OR h.valid_to >= y.year) AS holds_in_year
    FROM chain c
    JOIN dim_unit h ON h.unit_name = c.heir_name
    CROSS JOIN dim_year y
),
final AS (
    -- the nearest name still in office that year; when the whole chain has ended, its last name
    SELECT unit_name, year, heir_name AS current_name, hops
    FROM candidate
    QUALIFY row_number() OVER (PARTITION BY unit_name, year
                               ORDER BY holds_in_year DESC, CASE WHEN holds_in_year THEN hops ELSE -hops END) = 1
)
SELECT f.unit_name, f.year, f.current_name, f.hops, cu.full_name AS current_full_name, cu.note AS current_note,
       u.valid_to AS unit_valid_to, u.note AS unit_note
FROM final f
JOIN dim_unit u ON u.unit_name = f.unit_name
JOIN dim_unit cu ON cu.unit_name = f.current_name;
COMMENT ON VIEW v_pack_unit_current IS 'Who holds a unit''s duties in a given year: the unit itself while in office, else its successor after a rename or merger (the 2019 institutional reform), followed link by link. The pack addresses unit pages and warnings to current_name.';
COMMENT ON COLUMN v_pack_unit_current.unit_name IS 'Unit as named in the notice or seeds (dim_unit.unit_name), e.g. 市卫计委.';
COMMENT ON COLUMN v_pack_unit_current.year IS 'Calendar year (dim_year.year) the answer holds for; the pack uses its as-of year.';
COMMENT ON COLUMN v_pack_unit_current.current_name IS 'The unit holding those duties in that year, e.g. 市卫健委 for 市卫计委 from 2019; the unit itself while it exists.';
COMMENT ON COLUMN v_pack_unit_current.hops IS 'Renames between unit_name and current_name (0 = the unit itself).';
COMMENT ON COLUMN v_pack_unit_current.current_full_name IS 'Full official name of current_name (null when unknown).';
COMMENT ON COLUMN v_pack_unit_current.current_note IS 'The seeds'' note on current_name, e.g. how it was formed.';
COMMENT ON COLUMN v_pack_unit_current.unit_valid_to IS 'Last year unit_name existed under that name (null = still current).';
COMMENT ON COLUMN v_pack_unit_current.unit_note IS 'The seeds'' note on unit_name, e.g. where its duties went.';
