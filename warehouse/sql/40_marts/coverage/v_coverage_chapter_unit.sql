-- model: v_coverage_chapter_unit
-- grain: one row per chapter x unit (full grid, zeros included)
-- key: chapter_no, unit_name
-- not_null: tasks_led, tasks_responsible, tasks_total, is_collective, unit_order
-- expression: tasks_total = tasks_led + tasks_responsible
-- (chapters of the default notice, v_current_notice)
CREATE OR REPLACE VIEW v_coverage_chapter_unit AS
WITH units AS (
    -- same column order as v_coverage_task_unit: departments by workload, collectives last
    SELECT unit_name, is_collective,
           row_number() OVER (ORDER BY is_collective, workload_index DESC, unit_name) AS unit_order
    FROM v_unit_workload
),
counts AS (
    SELECT chapter_no, unit_name,
           count(*) FILTER (WHERE role = 'lead') AS tasks_led,
           count(*) FILTER (WHERE role = 'responsible') AS tasks_responsible
    FROM v_unit_task_role
    GROUP BY chapter_no, unit_name
),
final AS (
    SELECT ch.chapter_no, ch.title AS chapter_title, u.unit_name, u.is_collective, u.unit_order,
           coalesce(c.tasks_led, 0) AS tasks_led,
           coalesce(c.tasks_responsible, 0) AS tasks_responsible,
           coalesce(c.tasks_led, 0) + coalesce(c.tasks_responsible, 0) AS tasks_total
    FROM current_notice_chapter() ch
    CROSS JOIN units u
    LEFT JOIN counts c ON c.chapter_no = ch.chapter_no AND c.unit_name = u.unit_name
)
SELECT * FROM final;
COMMENT ON VIEW v_coverage_chapter_unit IS 'Chapter x unit: how many of the chapter''s tasks each unit leads or is responsible for.';
COMMENT ON COLUMN v_coverage_chapter_unit.chapter_no IS 'Chapter of the notice (dim_chapter.chapter_no).';
COMMENT ON COLUMN v_coverage_chapter_unit.chapter_title IS 'Chapter heading without its numeral, as written (dim_chapter.title).';
COMMENT ON COLUMN v_coverage_chapter_unit.unit_name IS 'Unit (department or collective) by its short name as written in the notice, e.g. 市妇联 (dim_unit.unit_name).';
COMMENT ON COLUMN v_coverage_chapter_unit.is_collective IS 'True for collectives of many bodies (各区县妇儿工委, 市妇儿工委各成员单位), which reports show apart from single departments.';
COMMENT ON COLUMN v_coverage_chapter_unit.unit_order IS 'Column position: departments by workload index (highest first), collectives last; the same as v_coverage_task_unit.';
COMMENT ON COLUMN v_coverage_chapter_unit.tasks_led IS 'Tasks of the chapter the unit leads (0 when none).';
COMMENT ON COLUMN v_coverage_chapter_unit.tasks_responsible IS 'Tasks of the chapter where the unit is responsible but not lead (0 when none).';
COMMENT ON COLUMN v_coverage_chapter_unit.tasks_total IS 'tasks_led + tasks_responsible.';
