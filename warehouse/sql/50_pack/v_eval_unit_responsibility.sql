-- model: v_eval_unit_responsibility
-- grain: one row per as-of year x unit in office that year (v_pack_unit_current) that leads a task of the notice
-- key: as_of_year, unit_name
-- not_null: tasks_led, task_list, tasks_reported, indicators, indicators_attained, indicators_not_attained
-- relationship: unit_name -> dim_unit.unit_name
-- expression: tasks_reported <= tasks_led
-- expression: indicators_attained + indicators_not_attained <= indicators
-- Unit responsibility (单位履责情况) of the evaluation report: per current unit, the tasks it leads (its own and those of
-- the units whose duties it took over), its progress reports on them, and the verdicts of the city targets those tasks
-- carry. Successors come from v_pack_unit_current and the targets from v_pack_unit_indicator: the pack's one rule.
CREATE OR REPLACE VIEW v_eval_unit_responsibility AS
WITH as_of AS (
    SELECT DISTINCT as_of_year FROM v_pack_indicator_status
),
led AS (
    SELECT y.as_of_year, c.current_name AS unit_name, t.unit_name AS named_unit, t.task_no, t.progress_year, t.progress_status
    FROM v_pack_unit_task t
    CROSS JOIN as_of y
    JOIN v_pack_unit_current c ON c.unit_name = t.unit_name AND c.year = y.as_of_year
    WHERE t.role = 'lead'
),
task AS (
    -- a task led by a predecessor and its successor counts once, with the later of their reports
    SELECT as_of_year, unit_name, task_no, arg_max(progress_status, progress_year) AS progress_status
    FROM led
    GROUP BY ALL
),
tasks AS (
    SELECT as_of_year, unit_name, count(*) AS tasks_led,
           string_agg(task_no::VARCHAR, '、' ORDER BY task_no) AS task_list,
           count(progress_status) AS tasks_reported,
           count(*) FILTER (WHERE progress_status IN (SELECT label_zh FROM vocab_progress_status WHERE is_complete)) AS tasks_reported_done
    FROM task
    GROUP BY as_of_year, unit_name
),
predecessor AS (
    SELECT as_of_year, unit_name, string_agg(DISTINCT named_unit, '、' ORDER BY named_unit) AS predecessors
    FROM led
    WHERE named_unit <> unit_name
    GROUP BY as_of_year, unit_name
),
progress AS (
    -- each reported status label followed by its count, most frequent first
    SELECT as_of_year, unit_name, string_agg(progress_status || n, '、' ORDER BY n DESC, progress_status) AS progress_summary
    FROM (SELECT as_of_year, unit_name, progress_status, count(*) AS n FROM task WHERE progress_status IS NOT NULL GROUP BY ALL)
    GROUP BY ALL
),
verdicts AS (
    -- the status a reader sees for each target of the tasks the unit leads, counted per status of the vocabulary
    SELECT i.as_of_year, i.unit_name, v.status_code, v.label_zh, v.phase, v.sort_order, v.counts_as_attained, count(*) AS n
    FROM v_pack_unit_indicator i
    JOIN vocab_status v ON v.label_zh = i.status
    WHERE i.is_lead
    GROUP BY ALL
),
indicators AS (
    SELECT as_of_year, unit_name, sum(n) AS indicators,
           coalesce(sum(n) FILTER (WHERE counts_as_attained), 0) AS indicators_attained,
           coalesce(sum(n) FILTER (WHERE status_code = 'not_attained'), 0) AS indicators_not_attained,
           string_agg(label_zh || n, '、' ORDER BY phase DESC, sort_order) AS verdict_summary
    FROM verdicts
    GROUP BY ALL
)
SELECT t.as_of_year, t.unit_name, u.full_name, d.predecessors, t.tasks_led, t.task_list, t.tasks_reported, t.tasks_reported_done,
       p.progress_summary,
       coalesce(i.indicators, 0)::BIGINT AS indicators, coalesce(i.indicators_attained, 0)::BIGINT AS indicators_attained,
       coalesce(i.indicators_not_attained, 0)::BIGINT AS indicators_not_attained, i.verdict_summary
FROM tasks t
JOIN dim_unit u ON u.unit_name = t.unit_name
LEFT JOIN predecessor d ON d.as_of_year = t.as_of_year AND d.unit_name = t.unit_name
LEFT JOIN progress p ON p.as_of_year = t.as_of_year AND p.unit_name = t.unit_name
LEFT JOIN indicators i ON i.as_of_year = t.as_of_year AND i.unit_name = t.unit_name;
COMMENT ON VIEW v_eval_unit_responsibility IS 'Unit responsibility of the evaluation: per as-of year and current unit, the tasks it leads (inherited ones included), its progress reports on them and the status counts of their city targets.';
COMMENT ON COLUMN v_eval_unit_responsibility.as_of_year IS 'The evaluation''s as-of year; units are resolved to their holder in this year.';
COMMENT ON COLUMN v_eval_unit_responsibility.unit_name IS 'Current unit (v_pack_unit_current.current_name).';
COMMENT ON COLUMN v_eval_unit_responsibility.full_name IS 'Its full official name (null when unknown).';
COMMENT ON COLUMN v_eval_unit_responsibility.predecessors IS 'Units named by the notice whose led tasks this unit took over, null when none.';
COMMENT ON COLUMN v_eval_unit_responsibility.tasks_led IS 'Tasks the unit leads, inherited ones included (each once).';
COMMENT ON COLUMN v_eval_unit_responsibility.task_list IS 'Their numbers in the notice, joined by 、.';
COMMENT ON COLUMN v_eval_unit_responsibility.tasks_reported IS 'Led tasks with at least one progress report (the later of the unit''s and its predecessor''s).';
COMMENT ON COLUMN v_eval_unit_responsibility.tasks_reported_done IS 'Led tasks whose latest report says complete (vocab_progress_status.is_complete).';
COMMENT ON COLUMN v_eval_unit_responsibility.progress_summary IS 'Latest report statuses, each label followed by its count, joined by 、; null when no report.';
COMMENT ON COLUMN v_eval_unit_responsibility.indicators IS 'City target series of the led tasks (v_pack_unit_indicator, is_lead).';
COMMENT ON COLUMN v_eval_unit_responsibility.indicators_attained IS 'Of those, the ones whose shown status counts as attained (vocab_status.counts_as_attained).';
COMMENT ON COLUMN v_eval_unit_responsibility.indicators_not_attained IS 'Of those, the ones whose shown status is not attained (vocab_status code not_attained).';
COMMENT ON COLUMN v_eval_unit_responsibility.verdict_summary IS 'Shown statuses with their counts, in the vocabulary''s order, each label followed by its count; null when the tasks carry no target.';
