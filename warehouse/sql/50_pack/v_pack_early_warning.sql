-- model: v_pack_early_warning
-- grain: one row per at-risk forecast series (需加快 or 难以达成) per as-of year
-- key: as_of_year, indicator_code, area_code, sex, deadline_year
-- not_null: risk_rank, risk
-- accepted_values: status in (需加快, 难以达成)
CREATE OR REPLACE VIEW v_pack_early_warning AS
WITH at_risk AS (
    SELECT *, 1 - coalesce(p_met, 0) AS risk
    FROM v_pack_indicator_status
    WHERE status IN ('需加快', '难以达成')
)
SELECT row_number() OVER (PARTITION BY as_of_year ORDER BY risk DESC, is_city DESC, indicator_code, area_code, sex) AS risk_rank,
       as_of_year, risk, is_city, indicator_code, indicator_name, unit_of_measure, area_code, area_name, sex,
       lead_units, task_no, latest_year, latest_value, comparator, target_value, deadline_year,
       projected_value, p_met, status, reason
FROM at_risk;
COMMENT ON VIEW v_pack_early_warning IS 'Evaluation pack early warning (预警): series that need acceleration or are off track, riskiest first, with the accountable lead unit and the pace needed (reason).';
COMMENT ON COLUMN v_pack_early_warning.risk IS '1 - P(target met) under the default method.';
COMMENT ON COLUMN v_pack_early_warning.risk_rank IS 'Rank within as_of_year, riskiest first (then city before districts, indicator, area, sex).';
COMMENT ON COLUMN v_pack_early_warning.as_of_year IS 'Only observations up to this year were used by the forecast (wcc forecast --as-of).';
COMMENT ON COLUMN v_pack_early_warning.is_city IS 'True when the area is a city (dim_area.area_level = ''city'').';
COMMENT ON COLUMN v_pack_early_warning.indicator_code IS 'Indicator code (dim_indicator.indicator_code), e.g. C_KG_GER.';
COMMENT ON COLUMN v_pack_early_warning.indicator_name IS 'Indicator name in Chinese (dim_indicator.name_zh).';
COMMENT ON COLUMN v_pack_early_warning.unit_of_measure IS 'Unit of measure of the indicator''s values (dim_indicator.unit_of_measure), e.g. %, ‰, 1/10万, 人, 次/年.';
COMMENT ON COLUMN v_pack_early_warning.area_code IS 'Area of the series: six-digit GB/T 2260 code.';
COMMENT ON COLUMN v_pack_early_warning.area_name IS 'Area name in Chinese (dim_area.area_name), e.g. 西安市, 新城区.';
COMMENT ON COLUMN v_pack_early_warning.sex IS 'Sex of the series: F female, M male, T total (both sexes, or not disaggregated).';
COMMENT ON COLUMN v_pack_early_warning.lead_units IS 'Lead unit(s) of the task, joined by 、 in the order written: who answers for the target.';
COMMENT ON COLUMN v_pack_early_warning.task_no IS 'Task the target belongs to (targets file), else the first task the indicator catalogue links.';
COMMENT ON COLUMN v_pack_early_warning.latest_year IS 'Latest year observed for the series up to as_of_year.';
COMMENT ON COLUMN v_pack_early_warning.latest_value IS 'Value observed in latest_year, in the indicator''s unit_of_measure.';
COMMENT ON COLUMN v_pack_early_warning.comparator IS 'How a value must compare with target_value to meet the target: >=, <= or =.';
COMMENT ON COLUMN v_pack_early_warning.target_value IS 'Target value, in the indicator''s unit_of_measure (e.g. 98 for 98%).';
COMMENT ON COLUMN v_pack_early_warning.deadline_year IS 'Year by which the target is to be met.';
COMMENT ON COLUMN v_pack_early_warning.projected_value IS 'Projected value at deadline_year in the indicator''s unit_of_measure, clamped to the indicator''s bounds; null when data are insufficient.';
COMMENT ON COLUMN v_pack_early_warning.p_met IS 'Probability (0-1) that the target is met at the deadline; 1 or 0 once the deadline value is observed; null when data are insufficient.';
COMMENT ON COLUMN v_pack_early_warning.status IS '需加快 needs acceleration (P(met) 0.3-0.7) or 难以达成 off track (< 0.3).';
COMMENT ON COLUMN v_pack_early_warning.reason IS 'Why, in Chinese: the pace needed against the pace observed, e.g. 需年均提高2.1个百分点，近年年均提高0.8个百分点.';
