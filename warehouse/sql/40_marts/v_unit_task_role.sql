-- model: v_unit_task_role
-- grain: one row per unit x task of the default notice (v_current_notice) it is assigned to, with its strongest role (lead beats responsible)
-- key: unit_name, task_no
-- not_null: chapter_no, role, is_collective
-- accepted_values: role in (lead, responsible)
-- relationship: notice_id, task_no -> dim_task.notice_id, task_no
CREATE OR REPLACE VIEW v_unit_task_role AS
WITH assignments AS (
    SELECT a.notice_id, a.unit_name, a.task_no, t.chapter_no,
           bool_or(a.role = 'lead') AS is_lead
    FROM current_notice_assignment() a
    JOIN current_notice_task() t USING (notice_id, task_no)
    GROUP BY a.notice_id, a.unit_name, a.task_no, t.chapter_no
),
final AS (
    SELECT a.unit_name, a.task_no, a.chapter_no,
           CASE WHEN a.is_lead THEN 'lead' ELSE 'responsible' END AS role,
           coalesce(u.is_collective, false) AS is_collective,
           a.notice_id
    FROM assignments a
    LEFT JOIN dim_unit u USING (unit_name)
)
SELECT * FROM final;
COMMENT ON VIEW v_unit_task_role IS 'Base of the workload marts: each unit''s role in each task, counted once (a unit named both lead and responsible in one task counts as lead).';
COMMENT ON COLUMN v_unit_task_role.is_collective IS 'True for collectives (各区县妇儿工委, 市妇儿工委各成员单位), shown apart from single departments.';
COMMENT ON COLUMN v_unit_task_role.unit_name IS 'Unit (department or collective) by its short name as written in the notice, e.g. 市妇联 (dim_unit.unit_name).';
COMMENT ON COLUMN v_unit_task_role.task_no IS 'Number of the task in the notice (dim_task.task_no).';
COMMENT ON COLUMN v_unit_task_role.chapter_no IS 'Chapter of the notice the task belongs to, numbered in document order (dim_chapter.chapter_no).';
COMMENT ON COLUMN v_unit_task_role.role IS 'lead when the unit is named lead (牵头) in the task, else responsible (责任单位): one role per unit and task.';
COMMENT ON COLUMN v_unit_task_role.notice_id IS 'The default notice (v_current_notice): every workload and coverage mart reports on it.';
