-- model: v_observation_by_sex
-- grain: one row per indicator x area x year with a female or male value
-- key: indicator_code, area_code, year
-- The female/male split of a year, defined once for every view that shows it beside a series (the pack's indicator
-- table at the forecast's latest year, the evaluation at its final year).
CREATE OR REPLACE VIEW v_observation_by_sex AS
SELECT indicator_code, area_code, year,
       max(value) FILTER (WHERE sex = 'F') AS female_value,
       max(value) FILTER (WHERE sex = 'M') AS male_value
FROM v_observation
WHERE sex IN ('F', 'M')
GROUP BY ALL;
COMMENT ON VIEW v_observation_by_sex IS 'Female and male values of each indicator, area and year side by side (current values, totals over age and urban/rural); only where the indicator is reported by sex.';
COMMENT ON COLUMN v_observation_by_sex.indicator_code IS 'Indicator code (dim_indicator.indicator_code).';
COMMENT ON COLUMN v_observation_by_sex.area_code IS 'Area observed: six-digit GB/T 2260 code (dim_area).';
COMMENT ON COLUMN v_observation_by_sex.year IS 'Calendar year the values refer to.';
COMMENT ON COLUMN v_observation_by_sex.female_value IS 'Value for sex F in year; null when only M was reported.';
COMMENT ON COLUMN v_observation_by_sex.male_value IS 'Value for sex M in year; null when only F was reported.';
