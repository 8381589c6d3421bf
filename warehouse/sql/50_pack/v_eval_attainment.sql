-- model: v_eval_attainment
-- grain: one row per target series (indicator x area x sex x deadline) per as-of year, as v_pack_indicator_status
-- key: as_of_year, indicator_code, area_code, sex, deadline_year
-- not_null: indicator_name, plan_zh, domain_zh, area_name, is_city, comparator, target_value, verdict, verdict_code, shown_status, shown_status_code, phase
-- relationship: verdict_code -> vocab_status.status_code
-- relationship: shown_status_code -> vocab_status.status_code
-- expression: verdict IN (SELECT label_zh FROM vocab_status WHERE phase = 'final')
-- expression: (final_value IS NULL) = (verdict_code = 'no_data')
-- expression: phase <> 'final' OR shown_status = verdict
-- expression: baseline_year IS NULL OR final_year IS NULL OR baseline_year <= final_year
-- The end-of-period attainment of each target: baseline, mid-term and final values read off the current
-- observations up to the as-of year, and the final verdict by the vocabulary's rule. Before the deadline the status
-- shown is the forecast's; at or after it, the verdict (a missed target is not attained, never a forecast of 0%).
CREATE OR REPLACE VIEW v_eval_attainment AS
WITH parameter AS (
    SELECT max(value) FILTER (WHERE name = 'eval_baseline_year')::INTEGER AS baseline_year,
           max(value) FILTER (WHERE name = 'eval_midterm_year')::INTEGER AS midterm_year
    FROM mart_parameter
),
basic AS (
    SELECT tolerance FROM vocab_status WHERE status_code = 'basically_attained'
),
series AS (
    -- every observed year of the series up to the as-of year, ranked for the three points the evaluation reads
    SELECT s.as_of_year, s.indicator_code, s.area_code, s.sex, s.deadline_year, o.year, o.value,
           row_number() OVER w_base AS base_rank,
           row_number() OVER w_mid AS mid_rank,
           row_number() OVER w_final AS final_rank
    FROM v_pack_indicator_status s
    CROSS JOIN parameter p
    JOIN v_observation o ON o.indicator_code = s.indicator_code AND o.area_code = s.area_code AND o.sex = s.sex
                        AND o.year <= s.as_of_year
    WINDOW series AS (PARTITION BY s.as_of_year, s.indicator_code, s.area_code, s.sex, s.deadline_year),
           -- baseline: the baseline year when observed, else the first year
           w_base AS (series ORDER BY o.year = p.baseline_year DESC, o.year),
           -- mid-term: the observed year nearest the mid-term year, the earlier on a tie
           w_mid AS (series ORDER BY abs(o.year - p.midterm_year), o.year),
           w_final AS (series ORDER BY o.year DESC)
),
points AS (
    SELECT as_of_year, indicator_code, area_code, sex, deadline_year,
           max(year) FILTER (WHERE base_rank = 1) AS baseline_year,
           max(value) FILTER (WHERE base_rank = 1) AS baseline_value,
           max(year) FILTER (WHERE mid_rank = 1) AS midterm_year,
           max(value) FILTER (WHERE mid_rank = 1) AS midterm_value,
           max(year) FILTER (WHERE final_rank = 1) AS final_year,
           max(value) FILTER (WHERE final_rank = 1) AS final_value
    FROM series
    GROUP BY ALL
),
current_lead AS (
    -- the unit answering for the task today: a lead abolished in a reform answers through its successor
    SELECT a.task_no,
           string_agg(DISTINCT coalesce(s2.successor_name, s1.successor_name, a.unit_name), '、'
                      ORDER BY coalesce(s2.successor_name, s1.successor_name, a.unit_name)) AS lead_units_current,
           string_agg(DISTINCT a.unit_name, '、' ORDER BY a.unit_name) FILTER (WHERE s1.successor_name IS NOT NULL) AS lead_units_predecessor
    FROM current_notice_assignment() a
    LEFT JOIN dim_unit s1 ON s1.unit_name = a.unit_name
    LEFT JOIN dim_unit s2 ON s2.unit_name = s1.successor_name
    WHERE a.role = 'lead'
    GROUP BY a.task_no
),
judged AS (
    SELECT s.*, p.baseline_year, p.baseline_value, p.midterm_year, p.midterm_value, p.final_year, p.final_value,
           -- the one rule of the warehouse for when a value meets a target (target_met), as the heatmap's
           target_met(s.comparator, p.final_value, s.target_value) AS final_met,
           target_met(s.comparator, p.baseline_value, s.target_value) AS baseline_met,
           -- share of the baseline-to-target distance covered (ESCAP's progress ratio), rounded so an exact ratio such as 19/20 meets its threshold exactly
           CASE WHEN p.baseline_value <> s.target_value
                THEN round((p.final_value - p.baseline_value) / (s.target_value - p.baseline_value), 9) END AS progress_ratio,
           bs.tolerance
    FROM v_pack_indicator_status s
    CROSS JOIN parameter prm
    CROSS JOIN basic bs
    LEFT JOIN points p ON p.as_of_year = s.as_of_year AND p.indicator_code = s.indicator_code AND p.area_code = s.area_code
                      AND p.sex = s.sex AND p.deadline_year = s.deadline_year
),
verdict AS (
    SELECT *,
           CASE WHEN final_value IS NULL THEN 'no_data'
                WHEN final_met THEN 'attained'
                WHEN NOT baseline_met AND progress_ratio >= 1 - tolerance THEN 'basically_attained'
                ELSE 'not_attained' END AS verdict_code,
           CASE WHEN as_of_year >= deadline_year THEN 'final' ELSE 'forecast' END AS phase
    FROM judged
),
final AS (
    SELECT v.as_of_year, v.indicator_code, v.indicator_name, i.population AS plan_code,
           -- the catalogue's plan and domain; a researcher's indicator without them falls back on its population
           coalesce(i.plan_zh, CASE i.population WHEN 'women' THEN '妇女' WHEN 'children' THEN '儿童' ELSE '妇女儿童' END) AS plan_zh,
           coalesce(i.domain_zh, '未分领域') AS domain_zh,
           v.unit_of_measure, i.direction, i.sex_disaggregated,
           v.area_code, v.area_name, v.is_city, v.sex, v.comparator, v.target_value, v.deadline_year,
           v.task_no, v.chapter_no, cl.lead_units_current, cl.lead_units_predecessor,
           v.baseline_year, v.baseline_value, v.midterm_year, v.midterm_value, v.final_year, v.final_value,
           bs.female_value, bs.male_value,
           CASE WHEN bs.male_value <> 0 THEN bs.female_value / bs.male_value END AS female_male_ratio,
           -- how far the final value still is from the target, in the indicator's unit (0 once met)
           CASE WHEN v.final_met THEN 0 ELSE abs(v.target_value - v.final_value) END AS gap_to_target,
           v.progress_ratio,
           vv.label_zh AS verdict, v.verdict_code, vv.sort_order AS verdict_order, vv.counts_as_attained,
           v.status AS forecast_status, v.p_met, v.projected_value, v.lower, v.upper, v.reason,
           v.latest_source, v.latest_submitted_at,
           v.phase,
           sv.label_zh AS shown_status, sv.status_code AS shown_status_code, sv.css_class AS shown_css_class
    FROM verdict v
    JOIN dim_indicator i ON i.indicator_code = v.indicator_code
    LEFT JOIN current_notice_chapter() c ON c.chapter_no = v.chapter_no
    LEFT JOIN current_lead cl ON cl.task_no = v.task_no
    -- female and male values in the final year, where the indicator is reported by sex
    LEFT JOIN v_observation_by_sex bs ON bs.indicator_code = v.indicator_code AND bs.area_code = v.area_code AND bs.year = v.final_year
    JOIN vocab_status vv ON vv.status_code = v.verdict_code
    JOIN vocab_status fs ON fs.label_zh = v.status AND fs.phase = 'forecast'
    JOIN vocab_status sv ON sv.status_code = CASE WHEN v.phase = 'final' THEN v.verdict_code ELSE fs.status_code END
)
SELECT * FROM final;
COMMENT ON VIEW v_eval_attainment IS 'End-of-period evaluation: for each target series and as-of year, baseline, mid-term and final values, the final verdict (vocab_status, phase final) with the gap to the target, and the status to show: the forecast before the deadline, the verdict at or after it.';
COMMENT ON COLUMN v_eval_attainment.as_of_year IS 'Only observations up to this year are read (the pack''s as-of year).';
COMMENT ON COLUMN v_eval_attainment.indicator_code IS 'Indicator code (dim_indicator.indicator_code).';
COMMENT ON COLUMN v_eval_attainment.indicator_name IS 'Indicator name in Chinese.';
COMMENT ON COLUMN v_eval_attainment.plan_code IS 'Which plan the indicator belongs to: women, children or both (dim_indicator.population).';
COMMENT ON COLUMN v_eval_attainment.plan_zh IS 'The plan in Chinese (dim_indicator.plan_zh: 妇女 or 儿童); for an indicator without one, from its population (妇女儿童 for both).';
COMMENT ON COLUMN v_eval_attainment.domain_zh IS 'Domain (领域) of the indicator (dim_indicator.domain_zh), 未分领域 when the catalogue gives none.';
COMMENT ON COLUMN v_eval_attainment.unit_of_measure IS 'Unit of measure of the values (dim_indicator.unit_of_measure).';
COMMENT ON COLUMN v_eval_attainment.direction IS 'higher or lower: which way is better.';
COMMENT ON COLUMN v_eval_attainment.sex_disaggregated IS 'True when the indicator is reported by sex.';
COMMENT ON COLUMN v_eval_attainment.area_code IS 'Area of the series (GB/T 2260).';
COMMENT ON COLUMN v_eval_attainment.area_name IS 'Area name in Chinese.';
COMMENT ON COLUMN v_eval_attainment.is_city IS 'True when the area is a city.';
COMMENT ON COLUMN v_eval_attainment.sex IS 'Sex of the series: F, M or T.';
COMMENT ON COLUMN v_eval_attainment.comparator IS 'How the value must compare with target_value: >=, <= or =.';
COMMENT ON COLUMN v_eval_attainment.target_value IS 'Target value in the indicator''s unit.';
COMMENT ON COLUMN v_eval_attainment.deadline_year IS 'Year by which the target is to be met.';
COMMENT ON COLUMN v_eval_attainment.task_no IS 'Task of the notice the target belongs to.';
COMMENT ON COLUMN v_eval_attainment.chapter_no IS 'Chapter of task_no.';
COMMENT ON COLUMN v_eval_attainment.lead_units_current IS 'Lead unit(s) of the task as they exist today: a unit abolished in a reform is replaced by its successor (dim_unit.successor_name).';
COMMENT ON COLUMN v_eval_attainment.lead_units_predecessor IS 'Lead unit(s) named by the notice that were since replaced, null when none.';
COMMENT ON COLUMN v_eval_attainment.baseline_year IS 'Baseline year: mart_parameter eval_baseline_year when observed, else the first observed year.';
COMMENT ON COLUMN v_eval_attainment.baseline_value IS 'Value in baseline_year.';
COMMENT ON COLUMN v_eval_attainment.midterm_year IS 'Mid-term year: the observed year nearest mart_parameter eval_midterm_year (the earlier on a tie).';
COMMENT ON COLUMN v_eval_attainment.midterm_value IS 'Value in midterm_year.';
COMMENT ON COLUMN v_eval_attainment.final_year IS 'Final year: the last observed year up to as_of_year.';
COMMENT ON COLUMN v_eval_attainment.final_value IS 'Value in final_year; null when the series has no observation up to as_of_year.';
COMMENT ON COLUMN v_eval_attainment.female_value IS 'Female value in final_year (null when not reported by sex).';
COMMENT ON COLUMN v_eval_attainment.male_value IS 'Male value in final_year (null when not reported by sex).';
COMMENT ON COLUMN v_eval_attainment.female_male_ratio IS 'female_value / male_value (sex ratio of the indicator); null when either is missing or male is 0.';
COMMENT ON COLUMN v_eval_attainment.gap_to_target IS 'Distance from final_value to target_value in the indicator''s unit; 0 when the target is met.';
COMMENT ON COLUMN v_eval_attainment.progress_ratio IS 'Share of the baseline-to-target distance covered by final_value, (final - baseline) / (target - baseline), rounded to 9 digits; null when the baseline equals the target.';
COMMENT ON COLUMN v_eval_attainment.verdict IS 'Final verdict of final_value (vocab_status, phase final): attained, basically attained (baseline missed the target and progress_ratio >= 1 - tolerance), not attained, no data.';
COMMENT ON COLUMN v_eval_attainment.verdict_code IS 'vocab_status.status_code of verdict.';
COMMENT ON COLUMN v_eval_attainment.verdict_order IS 'vocab_status.sort_order of verdict.';
COMMENT ON COLUMN v_eval_attainment.counts_as_attained IS 'True when the attainment rate counts verdict as attained.';
COMMENT ON COLUMN v_eval_attainment.forecast_status IS 'The forecast status of the default method (fact_forecast).';
COMMENT ON COLUMN v_eval_attainment.p_met IS 'Forecast probability that the target is met at the deadline.';
COMMENT ON COLUMN v_eval_attainment.projected_value IS 'Forecast value at the deadline.';
COMMENT ON COLUMN v_eval_attainment.lower IS 'Lower end of the forecast''s 80% interval.';
COMMENT ON COLUMN v_eval_attainment.upper IS 'Upper end of the forecast''s 80% interval.';
COMMENT ON COLUMN v_eval_attainment.latest_source IS 'Source of the latest value (v_pack_indicator_status.latest_source).';
COMMENT ON COLUMN v_eval_attainment.latest_submitted_at IS 'When the return that supplied the latest value was received; null unless collected.';
COMMENT ON COLUMN v_eval_attainment.reason IS 'The forecast''s reason in Chinese (pace needed against pace observed).';
COMMENT ON COLUMN v_eval_attainment.phase IS 'final when as_of_year is at or after deadline_year (the verdict is shown), else forecast.';
COMMENT ON COLUMN v_eval_attainment.shown_status IS 'The status a reader sees: verdict in the final phase, forecast_status before.';
COMMENT ON COLUMN v_eval_attainment.shown_status_code IS 'vocab_status.status_code of shown_status.';
COMMENT ON COLUMN v_eval_attainment.shown_css_class IS 'vocab_status.css_class of shown_status.';
