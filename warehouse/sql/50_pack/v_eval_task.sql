-- model: v_eval_task
-- grain: one row per as-of year x task of the notice: units, reported progress, evidence and the verdicts of its indicators
-- key: as_of_year, task_no
-- not_null: chapter_no, task_text, lead_units_current, linked_targets, unmet_targets, completed_but_unmet
-- expression: unmet_targets <= linked_targets
-- expression: NOT completed_but_unmet OR (claimed_complete AND unmet_targets > 0)
-- A task whose progress report says it is complete while a linked indicator's target was not attained is flagged:
-- the claim and the data disagree, and the evaluation says so.
CREATE OR REPLACE VIEW v_eval_task AS
WITH as_of AS (
    SELECT DISTINCT as_of_year FROM v_eval_attainment
),
current_unit AS (
    -- a unit abolished in a reform answers through its successor
    SELECT u.unit_name, coalesce(s2.successor_name, u.successor_name, u.unit_name) AS current_name
    FROM dim_unit u
    LEFT JOIN dim_unit s2 ON s2.unit_name = u.successor_name
),
units AS (
    SELECT a.task_no,
           string_agg(DISTINCT cu.current_name, '、' ORDER BY cu.current_name) FILTER (WHERE a.role = 'lead') AS lead_units_current,
           string_agg(DISTINCT a.unit_name, '、' ORDER BY a.unit_name) FILTER (WHERE a.role = 'lead' AND cu.current_name <> a.unit_name) AS lead_units_predecessor,
           string_agg(DISTINCT cu.current_name, '、' ORDER BY cu.current_name) FILTER (WHERE a.role = 'responsible') AS responsible_units_current
    FROM current_notice_assignment() a
    JOIN current_unit cu ON cu.unit_name = a.unit_name
    GROUP BY a.task_no
),
latest_report AS (
    SELECT p.*, coalesce(v.is_complete, false) AS is_complete
    FROM current_notice_progress() p
    LEFT JOIN vocab_progress_status v ON v.label_zh = p.status
    QUALIFY p.year = max(p.year) OVER (PARTITION BY p.task_no)
),
claims AS (
    SELECT task_no,
           bool_or(is_complete) AS claimed_complete,
           string_agg(DISTINCT unit_name, '、' ORDER BY unit_name) FILTER (WHERE is_complete) AS units_claiming_complete,
           string_agg(DISTINCT evidence, ';' ORDER BY evidence) FILTER (WHERE evidence IS NOT NULL) AS evidence
    FROM latest_report
    GROUP BY task_no
),
linked AS (
    -- the city's targets on indicators that monitor the task (catalogue link) or that the targets file assigns to it
    SELECT e.as_of_year, t.task_no,
           count(*) AS linked_targets,
           count(*) FILTER (WHERE e.verdict_code = 'not_attained') AS unmet_targets,
           string_agg(DISTINCT e.indicator_name, '、' ORDER BY e.indicator_name) FILTER (WHERE e.verdict_code = 'not_attained') AS unmet_indicator_names
    FROM current_notice_task() t
    JOIN v_eval_attainment e ON e.is_city
    JOIN dim_indicator i ON i.indicator_code = e.indicator_code
    WHERE e.task_no = t.task_no OR list_contains(i.task_nos, t.task_no)
    GROUP BY ALL
),
final AS (
    SELECT a.as_of_year, p.task_no, p.chapter_no, p.chapter_title, p.task_text,
           u.lead_units_current, u.lead_units_predecessor, u.responsible_units_current,
           p.progress_year, p.progress_status, coalesce(c.claimed_complete, false) AS claimed_complete, c.units_claiming_complete, c.evidence,
           coalesce(l.linked_targets, 0) AS linked_targets, coalesce(l.unmet_targets, 0) AS unmet_targets, l.unmet_indicator_names,
           coalesce(c.claimed_complete, false) AND coalesce(l.unmet_targets, 0) > 0 AS completed_but_unmet
    FROM v_pack_task p
    CROSS JOIN as_of a
    LEFT JOIN units u ON u.task_no = p.task_no
    LEFT JOIN claims c ON c.task_no = p.task_no
    LEFT JOIN linked l ON l.task_no = p.task_no AND l.as_of_year = a.as_of_year
)
SELECT * FROM final;
COMMENT ON VIEW v_eval_task IS 'Evaluation: each task with its current lead and responsible units, the latest progress reported and its evidence, and the city targets of the indicators that monitor it; flags a task reported complete while a linked target was not attained.';
COMMENT ON COLUMN v_eval_task.as_of_year IS 'The as-of year of the verdicts (v_eval_attainment).';
COMMENT ON COLUMN v_eval_task.task_no IS 'Number of the task in the notice.';
COMMENT ON COLUMN v_eval_task.chapter_no IS 'Chapter of the task.';
COMMENT ON COLUMN v_eval_task.chapter_title IS 'Chapter heading.';
COMMENT ON COLUMN v_eval_task.task_text IS 'Task text.';
COMMENT ON COLUMN v_eval_task.lead_units_current IS 'Lead units as they exist today (a unit abolished in a reform replaced by its successor), joined by 、.';
COMMENT ON COLUMN v_eval_task.lead_units_predecessor IS 'Lead units named by the notice that were since replaced; null when none.';
COMMENT ON COLUMN v_eval_task.responsible_units_current IS 'Responsible units as they exist today, joined by 、; null when none.';
COMMENT ON COLUMN v_eval_task.progress_year IS 'Latest year with a progress report on the task.';
COMMENT ON COLUMN v_eval_task.progress_status IS 'Worst status any unit reported in progress_year (v_pack_task).';
COMMENT ON COLUMN v_eval_task.claimed_complete IS 'True when any unit reported the task complete (vocab_progress_status.is_complete) in progress_year.';
COMMENT ON COLUMN v_eval_task.units_claiming_complete IS 'The units that reported it complete.';
COMMENT ON COLUMN v_eval_task.evidence IS 'Evidence cited in the latest reports (document numbers, report titles), joined by ;.';
COMMENT ON COLUMN v_eval_task.linked_targets IS 'City-level target series of the indicators linked to the task.';
COMMENT ON COLUMN v_eval_task.unmet_targets IS 'Of those, the ones whose final verdict is not attained.';
COMMENT ON COLUMN v_eval_task.unmet_indicator_names IS 'Names of the indicators with an unmet target, joined by 、.';
COMMENT ON COLUMN v_eval_task.completed_but_unmet IS 'True when the task was reported complete while a linked target was not attained.';
