-- model: v_coverage_task_unit
-- grain: one row per task x unit (every task of the default notice against every unit named in the notice)
-- key: task_no, unit_name
-- not_null: chapter_no, role, cell_value, is_collective, unit_order
-- accepted_values: role in (lead, responsible, none)
-- relationship: task_no -> dim_task.task_no
CREATE OR REPLACE VIEW v_coverage_task_unit AS
WITH units AS (
    -- columns of the matrix: departments by workload, collectives last
    SELECT unit_name, is_collective,
           row_number() OVER (ORDER BY is_collective, workload_index DESC, unit_name) AS unit_order
    FROM v_unit_workload
),
grid AS (
    SELECT t.chapter_no, t.task_no, u.unit_name, u.is_collective, u.unit_order
    FROM current_notice_task() t CROSS JOIN units u
),
final AS (
    SELECT g.chapter_no, g.task_no, g.unit_name, g.is_collective, g.unit_order,
           coalesce(r.role, 'none') AS role,
           CASE r.role WHEN 'lead' THEN 2 WHEN 'responsible' THEN 1 ELSE 0 END AS cell_value
    FROM grid g
    LEFT JOIN v_unit_task_role r USING (task_no, unit_name)
)
SELECT * FROM final;
COMMENT ON VIEW v_coverage_task_unit IS 'Task x unit responsibility matrix: lead (2), responsible (1) or none (0), tasks ordered by chapter.';
COMMENT ON COLUMN v_coverage_task_unit.unit_order IS 'Column position: departments by workload index (highest first), collectives last.';
COMMENT ON COLUMN v_coverage_task_unit.cell_value IS '2 lead, 1 responsible, 0 none: the heatmap level.';
COMMENT ON COLUMN v_coverage_task_unit.chapter_no IS 'Chapter of the notice the task belongs to, numbered in document order (dim_chapter.chapter_no).';
COMMENT ON COLUMN v_coverage_task_unit.task_no IS 'Number of the task in the notice (dim_task.task_no).';
COMMENT ON COLUMN v_coverage_task_unit.unit_name IS 'Unit (department or collective) by its short name as written in the notice, e.g. 市妇联 (dim_unit.unit_name).';
COMMENT ON COLUMN v_coverage_task_unit.is_collective IS 'True for collectives of many bodies (各区县妇儿工委, 市妇儿工委各成员单位), which reports show apart from single departments.';
COMMENT ON COLUMN v_coverage_task_unit.role IS 'lead, responsible, or none when the unit is not named in the task (a unit named in both roles counts as lead).';
