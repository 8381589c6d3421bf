-- model: v_coverage_completeness
-- grain: one row per area x indicator, for every indicator and every area with any observation
-- key: area_code, indicator_code
-- not_null: years_present, years_expected, completeness, period_from, period_to, is_synthetic
-- expression: completeness BETWEEN 0 AND 1
CREATE OR REPLACE VIEW v_coverage_completeness AS
WITH period AS (
    SELECT CAST(max(value) FILTER (WHERE name = 'completeness_from_year') AS INTEGER) AS period_from,
           CAST(max(value) FILTER (WHERE name = 'completeness_to_year') AS INTEGER) AS period_to
    FROM mart_parameter
),
areas AS (
    SELECT DISTINCT area_code FROM v_observation
),
present AS (
    SELECT v.area_code, v.indicator_code,
           count(DISTINCT v.year) AS years_present,
           bool_or(v.source = 'synthetic') AS is_synthetic
    FROM v_observation v CROSS JOIN period p
    WHERE v.year BETWEEN p.period_from AND p.period_to
    GROUP BY v.area_code, v.indicator_code
),
final AS (
    SELECT a.area_code, da.area_name, i.indicator_code, i.name_zh AS indicator_name, p.period_from, p.period_to,
           coalesce(x.years_present, 0) AS years_present,
           p.period_to - p.period_from + 1 AS years_expected,
           coalesce(x.years_present, 0) / (p.period_to - p.period_from + 1) AS completeness,
           coalesce(x.is_synthetic, false) AS is_synthetic
    FROM areas a
    CROSS JOIN dim_indicator i
    CROSS JOIN period p
    JOIN dim_area da ON da.area_code = a.area_code
    LEFT JOIN present x ON x.area_code = a.area_code AND x.indicator_code = i.indicator_code
)
SELECT * FROM final;
COMMENT ON VIEW v_coverage_completeness IS 'Data completeness: years with a current observation (any sex) over the years expected in the named period (mart_parameter completeness_from_year .. completeness_to_year).';
COMMENT ON COLUMN v_coverage_completeness.completeness IS 'years_present / years_expected, 0-1.';
COMMENT ON COLUMN v_coverage_completeness.area_code IS 'Area with at least one current observation: six-digit GB/T 2260 code.';
COMMENT ON COLUMN v_coverage_completeness.area_name IS 'Area name in Chinese (dim_area.area_name), e.g. 西安市, 新城区.';
COMMENT ON COLUMN v_coverage_completeness.indicator_code IS 'Indicator code; every indicator of dim_indicator, observed in the area or not.';
COMMENT ON COLUMN v_coverage_completeness.indicator_name IS 'Indicator name in Chinese (dim_indicator.name_zh).';
COMMENT ON COLUMN v_coverage_completeness.period_from IS 'First year of the assessment period (mart_parameter completeness_from_year).';
COMMENT ON COLUMN v_coverage_completeness.period_to IS 'Last year of the assessment period (mart_parameter completeness_to_year).';
COMMENT ON COLUMN v_coverage_completeness.years_present IS 'Distinct years of the period with a current observation of any sex (0 when none).';
COMMENT ON COLUMN v_coverage_completeness.years_expected IS 'Years in the period: period_to - period_from + 1.';
COMMENT ON COLUMN v_coverage_completeness.is_synthetic IS 'True when any observation used is synthetic (source = ''synthetic''): generated history, not official data.';
