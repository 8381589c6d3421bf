-- model: v_unit_lead_unmeasured
-- grain: one row per unit x task it leads that no indicator measures (no dim_indicator.task_nos contains the task)
-- key: unit_name, task_no
-- not_null: chapter_no, is_collective
-- relationship: task_no -> dim_task.task_no
CREATE OR REPLACE VIEW v_unit_lead_unmeasured AS
WITH measured AS (
    SELECT DISTINCT unnest(task_nos) AS task_no FROM dim_indicator WHERE task_nos IS NOT NULL
),
final AS (
    SELECT r.unit_name, r.is_collective, r.task_no, r.chapter_no, t.task_text
    FROM v_unit_task_role r
    JOIN current_notice_task() t USING (task_no)
    WHERE r.role = 'lead' AND r.task_no NOT IN (SELECT task_no FROM measured)
)
SELECT * FROM final;
COMMENT ON VIEW v_unit_lead_unmeasured IS 'Tasks a unit leads for which the warehouse has no measurable indicator, so progress can only be judged from narrative reports.';
COMMENT ON COLUMN v_unit_lead_unmeasured.unit_name IS 'The lead unit (department or collective) by its short name as written in the notice, e.g. 市妇联 (dim_unit.unit_name).';
COMMENT ON COLUMN v_unit_lead_unmeasured.is_collective IS 'True for collectives of many bodies (各区县妇儿工委, 市妇儿工委各成员单位), which reports show apart from single departments.';
COMMENT ON COLUMN v_unit_lead_unmeasured.task_no IS 'A task the unit leads that no indicator monitors (no dim_indicator.task_nos contains it).';
COMMENT ON COLUMN v_unit_lead_unmeasured.chapter_no IS 'Chapter of the notice the task belongs to, numbered in document order (dim_chapter.chapter_no).';
COMMENT ON COLUMN v_unit_lead_unmeasured.task_text IS 'Task text without its number and unit clause (dim_task.task_text).';
