-- model: v_unit_chapter_workload
-- grain: one row per unit x chapter in which the unit has at least one task
-- key: unit_name, chapter_no
-- not_null: is_collective, tasks_led, tasks_responsible, workload_index
-- relationship: chapter_no -> dim_chapter.chapter_no
CREATE OR REPLACE VIEW v_unit_chapter_workload AS
WITH weights AS (
    SELECT max(value) FILTER (WHERE name = 'lead_weight') AS lead_weight,
           max(value) FILTER (WHERE name = 'responsible_weight') AS responsible_weight
    FROM mart_parameter
),
counts AS (
    SELECT unit_name, is_collective, chapter_no,
           count(*) FILTER (WHERE role = 'lead') AS tasks_led,
           count(*) FILTER (WHERE role = 'responsible') AS tasks_responsible
    FROM v_unit_task_role
    GROUP BY unit_name, is_collective, chapter_no
),
final AS (
    SELECT c.unit_name, c.is_collective, c.chapter_no, ch.title AS chapter_title,
           c.tasks_led, c.tasks_responsible,
           w.lead_weight * c.tasks_led + w.responsible_weight * c.tasks_responsible AS workload_index
    FROM counts c
    CROSS JOIN weights w
    LEFT JOIN current_notice_chapter() ch USING (chapter_no)
)
SELECT * FROM final;
COMMENT ON VIEW v_unit_chapter_workload IS 'Workload per unit split by chapter of the notice (same weights as v_unit_workload).';
COMMENT ON COLUMN v_unit_chapter_workload.unit_name IS 'Unit (department or collective) by its short name as written in the notice, e.g. 市妇联 (dim_unit.unit_name).';
COMMENT ON COLUMN v_unit_chapter_workload.is_collective IS 'True for collectives of many bodies (各区县妇儿工委, 市妇儿工委各成员单位), which reports show apart from single departments.';
COMMENT ON COLUMN v_unit_chapter_workload.chapter_no IS 'Chapter of the notice (dim_chapter.chapter_no).';
COMMENT ON COLUMN v_unit_chapter_workload.chapter_title IS 'Chapter heading without its numeral, as written (dim_chapter.title).';
COMMENT ON COLUMN v_unit_chapter_workload.tasks_led IS 'Tasks of the chapter the unit leads (牵头), incl. co-leads.';
COMMENT ON COLUMN v_unit_chapter_workload.tasks_responsible IS 'Tasks of the chapter where the unit is responsible (责任单位) but not lead.';
COMMENT ON COLUMN v_unit_chapter_workload.workload_index IS 'lead_weight x tasks_led + responsible_weight x tasks_responsible within the chapter (weights from mart_parameter, as v_unit_workload).';
