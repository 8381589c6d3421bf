-- model: v_pack_task
-- grain: one row per task of the notice, with its units, latest reported progress and linked indicators
-- key: task_no
-- not_null: chapter_no, chapter_title, task_text, lead_units
-- relationship: progress_status -> vocab_progress_status.label_zh
CREATE OR REPLACE VIEW v_pack_task AS
WITH units AS (
    SELECT task_no,
           string_agg(unit_name, '、' ORDER BY ordinal) FILTER (WHERE role = 'lead') AS lead_units,
           string_agg(unit_name, '、' ORDER BY ordinal) FILTER (WHERE role = 'responsible') AS responsible_units
    FROM current_notice_assignment()
    GROUP BY task_no
),
latest_progress AS (
    SELECT p.task_no, p.year, p.status,
           -- the worst status any unit reports is the task's status: one lagging unit holds the task back
           coalesce(v.severity, 1) AS severity, coalesce(v.is_behind, false) AS is_behind
    FROM current_notice_progress() p
    LEFT JOIN vocab_progress_status v ON v.label_zh = p.status
    QUALIFY p.year = max(p.year) OVER (PARTITION BY p.task_no)
),
progress AS (
    SELECT task_no, max(year) AS progress_year, arg_max(status, severity) AS progress_status,
           count(*) AS units_reporting, count(*) FILTER (WHERE is_behind) AS units_behind
    FROM latest_progress
    GROUP BY task_no
),
indicators AS (
    SELECT t.task_no, string_agg(i.name_zh, '、' ORDER BY i.indicator_code) AS indicator_names, count(*) AS indicator_count
    FROM current_notice_task() t
    JOIN dim_indicator i ON list_contains(i.task_nos, t.task_no)
    GROUP BY t.task_no
),
final AS (
    SELECT t.task_no, t.chapter_no, c.title AS chapter_title, t.task_text,
           u.lead_units, u.responsible_units,
           p.progress_year, p.progress_status, coalesce(p.units_reporting, 0) AS units_reporting, coalesce(p.units_behind, 0) AS units_behind,
           coalesce(i.indicator_count, 0) AS indicator_count, i.indicator_names
    FROM current_notice_task() t
    JOIN current_notice_chapter() c USING (chapter_no)
    LEFT JOIN units u USING (task_no)
    LEFT JOIN progress p USING (task_no)
    LEFT JOIN indicators i USING (task_no)
)
SELECT * FROM final;
COMMENT ON VIEW v_pack_task IS 'Evaluation pack: each task with lead and responsible units (in the order written), the worst progress status reported in the latest year, and the indicators that monitor it.';
COMMENT ON COLUMN v_pack_task.progress_status IS 'Worst status any unit reported for the task in progress_year (highest vocab_progress_status.severity).';
COMMENT ON COLUMN v_pack_task.units_behind IS 'Units reporting a status that is behind (vocab_progress_status.is_behind) in progress_year.';
COMMENT ON COLUMN v_pack_task.task_no IS 'Number of the task in the notice (dim_task.task_no).';
COMMENT ON COLUMN v_pack_task.chapter_no IS 'Chapter of the notice the task belongs to, numbered in document order (dim_chapter.chapter_no).';
COMMENT ON COLUMN v_pack_task.chapter_title IS 'Chapter heading without its numeral, as written (dim_chapter.title).';
COMMENT ON COLUMN v_pack_task.task_text IS 'Task text without its number and unit clause (dim_task.task_text).';
COMMENT ON COLUMN v_pack_task.lead_units IS 'Lead units (牵头单位), joined by 、 in the order written.';
COMMENT ON COLUMN v_pack_task.responsible_units IS 'Responsible units (责任单位), joined by 、 in the order written; null when none.';
COMMENT ON COLUMN v_pack_task.progress_year IS 'Latest year with a progress report on the task (null when none).';
COMMENT ON COLUMN v_pack_task.units_reporting IS 'Units that reported on the task in progress_year.';
COMMENT ON COLUMN v_pack_task.indicator_count IS 'Indicators that monitor the task (dim_indicator.task_nos).';
COMMENT ON COLUMN v_pack_task.indicator_names IS 'Their Chinese names joined by 、 (null when none).';
