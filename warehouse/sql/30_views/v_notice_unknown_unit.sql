-- model: v_notice_unknown_unit
-- grain: one row per notice x task x unit name the unit directory does not know x role
-- key: notice_id, task_no, unit_name, role
-- relationship: notice_id, task_no -> dim_task.notice_id, task_no
-- A notice from another issuer names units the directory (seeds/units.csv and its aliases) has never seen. They are kept as
-- found (dim_unit kind = unknown), never dropped: this view lists where each one is named, so a researcher can map it.
CREATE OR REPLACE VIEW v_notice_unknown_unit AS
SELECT a.notice_id, a.task_no, a.unit_name, a.role, t.line_to AS line_no, u.note
FROM fact_task_assignment a
JOIN dim_unit u ON u.unit_name = a.unit_name AND NOT u.is_known
JOIN dim_task t ON t.notice_id = a.notice_id AND t.task_no = a.task_no;
COMMENT ON VIEW v_notice_unknown_unit IS 'Unit names as written in a notice that the unit directory does not know (kind unknown), with the task and line naming them; add them to seeds/units.csv (or as aliases) to resolve them.';
COMMENT ON COLUMN v_notice_unknown_unit.notice_id IS 'Notice naming the unit (dim_notice.notice_id).';
COMMENT ON COLUMN v_notice_unknown_unit.task_no IS 'Task naming the unit, within its notice (dim_task.task_no).';
COMMENT ON COLUMN v_notice_unknown_unit.unit_name IS 'The unit name exactly as the notice writes it (dim_unit.unit_name, kind unknown).';
COMMENT ON COLUMN v_notice_unknown_unit.role IS 'lead or responsible, as the notice assigns it.';
COMMENT ON COLUMN v_notice_unknown_unit.line_no IS 'Last line of the task in the notice file (its unit clause), 1-based.';
COMMENT ON COLUMN v_notice_unknown_unit.note IS 'What the loader recorded when it first met the name (dim_unit.note).';
