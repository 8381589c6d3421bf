-- model: v_pack_unit_task
-- grain: one row per unit x task x role, with the unit's own latest progress report
-- key: unit_name, task_no, role
-- accepted_values: role in (lead, responsible)
CREATE OR REPLACE VIEW v_pack_unit_task AS
WITH reports AS (
    -- a unit's own reports, and those of its successor after the 2019 reform (who reports its tasks in a collection round)
    SELECT a.task_no, a.unit_name, p.year, p.status, p.narrative, p.source, p.unit_name = a.unit_name AS is_own
    FROM (SELECT DISTINCT task_no, unit_name FROM current_notice_assignment()) a
    JOIN dim_unit u USING (unit_name)
    JOIN current_notice_progress() p ON p.task_no = a.task_no AND (p.unit_name = a.unit_name OR p.unit_name = u.successor_name)
),
latest AS (
    SELECT task_no, unit_name, year, status, narrative, source
    FROM reports
    QUALIFY row_number() OVER (PARTITION BY task_no, unit_name ORDER BY year DESC, is_own DESC) = 1
)
SELECT a.unit_name, u.full_name, u.kind, u.is_collective, u.is_known, a.task_no, t.chapter_no, a.role, t.task_text,
       l.year AS progress_year, l.status AS progress_status, l.narrative,
       CASE WHEN l.source = 'synthetic' THEN '合成数据' ELSE l.source END AS progress_source
FROM current_notice_assignment() a
JOIN dim_unit u USING (unit_name)
JOIN current_notice_task() t USING (task_no)
LEFT JOIN latest l USING (task_no, unit_name);
COMMENT ON VIEW v_pack_unit_task IS 'Evaluation pack unit pages: each unit''s tasks, its role and its latest progress report (its own, or its successor''s after the 2019 reform when that is later).';
COMMENT ON COLUMN v_pack_unit_task.unit_name IS 'Unit (department or collective) by its short name as written in the notice, e.g. 市妇联 (dim_unit.unit_name).';
COMMENT ON COLUMN v_pack_unit_task.full_name IS 'Full official name, e.g. 西安市人力资源和社会保障局 (null when unknown).';
COMMENT ON COLUMN v_pack_unit_task.kind IS 'government_department, party_organ, peoples_organisation, committee_office, collective, or unknown (not in seeds/units.csv).';
COMMENT ON COLUMN v_pack_unit_task.is_collective IS 'True for collectives of many bodies (各区县妇儿工委, 市妇儿工委各成员单位), which reports show apart from single departments.';
COMMENT ON COLUMN v_pack_unit_task.is_known IS 'False when the notice names a unit that seeds/units.csv does not list.';
COMMENT ON COLUMN v_pack_unit_task.task_no IS 'Number of the task in the notice (dim_task.task_no).';
COMMENT ON COLUMN v_pack_unit_task.chapter_no IS 'Chapter of the notice the task belongs to, numbered in document order (dim_chapter.chapter_no).';
COMMENT ON COLUMN v_pack_unit_task.role IS 'lead (牵头单位, incl. co-leads) or responsible (责任单位).';
COMMENT ON COLUMN v_pack_unit_task.task_text IS 'Task text without its number and unit clause (dim_task.task_text).';
COMMENT ON COLUMN v_pack_unit_task.progress_year IS 'Year of the unit''s latest progress report on the task (null when none).';
COMMENT ON COLUMN v_pack_unit_task.progress_status IS 'A label of vocab_progress_status: not started, in progress, completed, lagging (null when no report).';
COMMENT ON COLUMN v_pack_unit_task.narrative IS 'The report''s narrative text, as submitted.';
COMMENT ON COLUMN v_pack_unit_task.progress_source IS 'Who reported it: 合成数据 for generated reports, else the source as loaded (e.g. 市卫健委 2020年度报送).';
