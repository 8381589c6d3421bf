-- model: v_pack_early_warning
-- grain: one row per target series not (yet) met per as-of year: before its deadline a forecast at risk, at or after it a verdict short of attained
-- key: as_of_year, indicator_code, area_code, sex, deadline_year
-- not_null: risk_rank, risk, status, phase
-- expression: (phase = 'forecast' AND status_code IN ('needs_acceleration', 'off_track')) OR (phase = 'final' AND status_code IN ('basically_attained', 'not_attained'))
CREATE OR REPLACE VIEW v_pack_early_warning AS
WITH at_risk AS (
    SELECT *,
           -- before the deadline: 1 - P(met); after it: the share of the baseline-to-target distance still missing
           CASE WHEN phase = 'forecast' THEN 1 - coalesce(p_met, 0)
                ELSE 1 + greatest(0, 1 - coalesce(progress_ratio, 0)) END AS risk
    FROM v_eval_attainment
    WHERE (phase = 'forecast' AND shown_status_code IN ('needs_acceleration', 'off_track'))
       OR (phase = 'final' AND shown_status_code IN ('basically_attained', 'not_attained'))
)
SELECT row_number() OVER (PARTITION BY as_of_year ORDER BY risk DESC, is_city DESC, indicator_code, area_code, sex, deadline_year) AS risk_rank,
       as_of_year, risk, is_city, indicator_code, indicator_name, plan_zh, domain_zh, unit_of_measure, area_code, area_name, sex,
       lead_units_current AS lead_units, lead_units_predecessor, task_no, final_year AS latest_year, final_value AS latest_value,
       comparator, target_value, deadline_year, gap_to_target, projected_value, p_met,
       shown_status AS status, shown_status_code AS status_code, phase, reason
FROM at_risk;
COMMENT ON VIEW v_pack_early_warning IS 'Evaluation pack: targets not (yet) met. Before the deadline the early warning (预警: forecasts that need acceleration or are off track); at or after it the unmet targets (basically attained or not attained), largest shortfall first, with the accountable current lead unit.';
COMMENT ON COLUMN v_pack_early_warning.risk IS 'Before the deadline 1 - P(met) (0-1); after it 1 + the share of the baseline-to-target distance still missing, so missed targets rank above every forecast.';
COMMENT ON COLUMN v_pack_early_warning.risk_rank IS 'Rank within as_of_year, riskiest first (then city before districts, indicator, area, sex).';
COMMENT ON COLUMN v_pack_early_warning.as_of_year IS 'Only observations up to this year were used.';
COMMENT ON COLUMN v_pack_early_warning.is_city IS 'True when the area is a city.';
COMMENT ON COLUMN v_pack_early_warning.indicator_code IS 'Indicator code (dim_indicator.indicator_code).';
COMMENT ON COLUMN v_pack_early_warning.indicator_name IS 'Indicator name in Chinese.';
COMMENT ON COLUMN v_pack_early_warning.plan_zh IS 'The plan in Chinese (妇女, 儿童).';
COMMENT ON COLUMN v_pack_early_warning.domain_zh IS 'The domain in Chinese.';
COMMENT ON COLUMN v_pack_early_warning.unit_of_measure IS 'Unit of measure of the indicator''s values.';
COMMENT ON COLUMN v_pack_early_warning.area_code IS 'Area of the series: six-digit GB/T 2260 code.';
COMMENT ON COLUMN v_pack_early_warning.area_name IS 'Area name in Chinese.';
COMMENT ON COLUMN v_pack_early_warning.sex IS 'Sex of the series: F, M or T.';
COMMENT ON COLUMN v_pack_early_warning.lead_units IS 'Lead unit(s) of the task as they exist today (successor of a unit abolished in a reform): who answers for the target.';
COMMENT ON COLUMN v_pack_early_warning.lead_units_predecessor IS 'Lead unit(s) named by the notice that were since replaced, null when none.';
COMMENT ON COLUMN v_pack_early_warning.task_no IS 'Task the target belongs to.';
COMMENT ON COLUMN v_pack_early_warning.latest_year IS 'Last observed year up to as_of_year.';
COMMENT ON COLUMN v_pack_early_warning.latest_value IS 'Value observed in latest_year.';
COMMENT ON COLUMN v_pack_early_warning.comparator IS 'How a value must compare with target_value: >=, <= or =.';
COMMENT ON COLUMN v_pack_early_warning.target_value IS 'Target value in the indicator''s unit.';
COMMENT ON COLUMN v_pack_early_warning.deadline_year IS 'Year by which the target is to be met.';
COMMENT ON COLUMN v_pack_early_warning.gap_to_target IS 'Distance from latest_value to target_value in the indicator''s unit.';
COMMENT ON COLUMN v_pack_early_warning.projected_value IS 'Forecast value at the deadline (before the deadline only meaningful).';
COMMENT ON COLUMN v_pack_early_warning.p_met IS 'Forecast probability that the target is met at the deadline.';
COMMENT ON COLUMN v_pack_early_warning.status IS 'The status shown (vocab_status label): the forecast before the deadline, the verdict at or after it.';
COMMENT ON COLUMN v_pack_early_warning.status_code IS 'vocab_status.status_code of status.';
COMMENT ON COLUMN v_pack_early_warning.phase IS 'forecast before the deadline, final at or after it.';
COMMENT ON COLUMN v_pack_early_warning.reason IS 'The forecast''s reason in Chinese: the pace needed against the pace observed.';
