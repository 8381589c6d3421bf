-- model: v_pack_indicator_status
-- grain: one row per forecast series (indicator x area x sex x deadline) per as-of year, default method only
-- key: as_of_year, indicator_code, area_code, sex, deadline_year
-- not_null: indicator_name, area_name, is_city, status, target_value
-- accepted_values: status in (已达成, 有望达成, 需加快, 难以达成, 数据不足)
CREATE OR REPLACE VIEW v_pack_indicator_status AS
WITH forecast AS (
    SELECT * FROM fact_forecast WHERE is_default
),
task_link AS (
    -- the task a target belongs to: the one the targets file names, else the first task the catalogue links
    SELECT f.indicator_code, f.area_code, f.sex, f.deadline_year, f.as_of_year,
           coalesce(t.task_no, i.task_nos[1]) AS task_no
    FROM forecast f
    JOIN dim_indicator i USING (indicator_code)
    LEFT JOIN fact_target t ON t.indicator_code = f.indicator_code AND t.area_code = f.target_area_code
                            AND t.sex = f.sex AND t.deadline_year = f.deadline_year
),
leads AS (
    SELECT task_no, string_agg(unit_name, '、' ORDER BY ordinal) AS lead_units
    FROM fact_task_assignment WHERE role = 'lead'
    GROUP BY task_no
),
by_sex AS (
    -- female and male values in the forecast's latest year, where the indicator is reported by sex
    SELECT f.indicator_code, f.area_code, f.sex, f.deadline_year, f.as_of_year,
           max(o.value) FILTER (WHERE o.sex = 'F') AS female_value,
           max(o.value) FILTER (WHERE o.sex = 'M') AS male_value
    FROM forecast f
    JOIN v_observation o ON o.indicator_code = f.indicator_code AND o.area_code = f.area_code AND o.year = f.latest_year
    GROUP BY ALL
),
final AS (
    SELECT f.as_of_year, f.indicator_code, i.name_zh AS indicator_name, i.unit_of_measure,
           f.area_code, a.area_name, a.area_level = 'city' AS is_city, f.sex,
           f.comparator, f.target_value, f.deadline_year, l.task_no, k.chapter_no, ld.lead_units,
           f.latest_year, f.latest_value, s.female_value, s.male_value,
           f.projected_value, f.lower, f.upper, f.p_met, f.status, f.reason, f.method, f.method_used,
           i.source AS indicator_source
    FROM forecast f
    JOIN dim_indicator i USING (indicator_code)
    JOIN dim_area a ON a.area_code = f.area_code
    JOIN task_link l ON l.indicator_code = f.indicator_code AND l.area_code = f.area_code AND l.sex = f.sex
                    AND l.deadline_year = f.deadline_year AND l.as_of_year = f.as_of_year
    LEFT JOIN dim_task k ON k.task_no = l.task_no
    LEFT JOIN leads ld ON ld.task_no = l.task_no
    LEFT JOIN by_sex s ON s.indicator_code = f.indicator_code AND s.area_code = f.area_code AND s.sex = f.sex
                      AND s.deadline_year = f.deadline_year AND s.as_of_year = f.as_of_year
)
SELECT * FROM final;
COMMENT ON VIEW v_pack_indicator_status IS 'Evaluation pack: for each target series, latest value, female/male split, target, forecast (default method), status and the lead unit accountable.';
COMMENT ON COLUMN v_pack_indicator_status.task_no IS 'Task the target belongs to (targets file), else the first task the indicator catalogue links.';
COMMENT ON COLUMN v_pack_indicator_status.lead_units IS 'Lead unit(s) of that task: who answers for the target.';
