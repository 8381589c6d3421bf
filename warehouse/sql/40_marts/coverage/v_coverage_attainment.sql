-- model: v_coverage_attainment
-- grain: one row per area x indicator that has a target (own or city-wide) and observations of the target's sex
-- key: area_code, indicator_code
-- not_null: target_value, comparator, baseline_year, latest_year, status, is_synthetic
-- accepted_values: status in (met, progressing, regressed, slipped, single_year)
-- expression: attainment_capped IS NULL OR attainment_capped BETWEEN -1 AND 1
-- expression: status <> 'met' OR attainment_capped = 1
CREATE OR REPLACE VIEW v_coverage_attainment AS
WITH observed AS (
    SELECT DISTINCT indicator_code, area_code FROM v_observation
),
candidate AS (
    -- which targets apply to which areas is v_target_scope's rule (a district without its own target is held to its
    -- city's, except for counts); an area's own target comes first, then the latest deadline, then the total
    SELECT s.indicator_code, s.area_code, s.sex, s.comparator, s.target_value, s.deadline_year, s.target_area_code,
           row_number() OVER (PARTITION BY s.indicator_code, s.area_code
                              ORDER BY s.scope = 'own' DESC, s.deadline_year DESC, (s.sex = 'T') DESC, s.sex) AS pick
    FROM v_target_scope s
    JOIN observed o ON o.indicator_code = s.indicator_code AND o.area_code = s.area_code
),
target AS (
    SELECT * EXCLUDE (pick) FROM candidate WHERE pick = 1
),
series AS (
    SELECT t.*, v.year, v.value, v.source,
           row_number() OVER (PARTITION BY t.indicator_code, t.area_code ORDER BY v.year) AS first_rank,
           row_number() OVER (PARTITION BY t.indicator_code, t.area_code ORDER BY v.year DESC) AS last_rank
    FROM target t
    JOIN v_observation v ON v.indicator_code = t.indicator_code AND v.area_code = t.area_code AND v.sex = t.sex
),
ends AS (
    SELECT indicator_code, area_code, sex, comparator, target_value, deadline_year, target_area_code,
           max(year) FILTER (WHERE first_rank = 1) AS baseline_year,
           max(value) FILTER (WHERE first_rank = 1) AS baseline_value,
           max(year) FILTER (WHERE last_rank = 1) AS latest_year,
           max(value) FILTER (WHERE last_rank = 1) AS latest_value,
           bool_or(source = 'synthetic') AS is_synthetic
    FROM series
    GROUP BY ALL
),
judged AS (
    -- met or not by the one rule of the warehouse (target_met), as the evaluation's verdicts
    SELECT e.*,
           target_met(e.comparator, e.latest_value, e.target_value) AS is_met,
           target_met(e.comparator, e.baseline_value, e.target_value) AS baseline_met
    FROM ends e
),
final AS (
    SELECT j.area_code, a.area_name, j.indicator_code, i.name_zh AS indicator_name, i.unit_of_measure, sex, comparator, target_value, deadline_year, target_area_code,
           baseline_year, baseline_value, latest_year, latest_value,
           -- ESCAP Current Status Index spirit: progress made as a share of the progress required
           CASE WHEN NOT baseline_met THEN (latest_value - baseline_value) / (target_value - baseline_value) END AS attainment_ratio,
           CASE WHEN is_met THEN 1.0
                WHEN baseline_year = latest_year OR baseline_met THEN NULL
                ELSE greatest(-1.0, least(1.0, (latest_value - baseline_value) / (target_value - baseline_value))) END AS attainment_capped,
           CASE WHEN is_met THEN 'met'
                WHEN baseline_year = latest_year THEN 'single_year'
                WHEN baseline_met THEN 'slipped'
                WHEN (latest_value - baseline_value) / (target_value - baseline_value) < 0 THEN 'regressed'
                ELSE 'progressing' END AS status,
           is_met, is_synthetic
    FROM judged j
    JOIN dim_area a ON a.area_code = j.area_code
    JOIN dim_indicator i ON i.indicator_code = j.indicator_code
)
SELECT * FROM final;
COMMENT ON VIEW v_coverage_attainment IS 'Target attainment per area x indicator in the latest year: (latest - baseline) / (target - baseline), capped to [-1, 1], in the spirit of ESCAP''s Current Status Index; met targets are flagged by status = met.';
COMMENT ON COLUMN v_coverage_attainment.sex IS 'Sex of the target; observations of that sex are compared with it.';
COMMENT ON COLUMN v_coverage_attainment.target_area_code IS 'Area the target was set for: the area itself, or its city when the city''s target is applied to a district (rates and ratios only; v_target_scope).';
COMMENT ON COLUMN v_coverage_attainment.baseline_year IS 'Earliest year observed for the area, indicator and sex.';
COMMENT ON COLUMN v_coverage_attainment.attainment_ratio IS 'Uncapped (latest - baseline) / (target - baseline); null when the baseline already met the target.';
COMMENT ON COLUMN v_coverage_attainment.attainment_capped IS '1 when met; else the ratio clamped to [-1, 1]; null for a single year or a target met at baseline and since lost.';
COMMENT ON COLUMN v_coverage_attainment.status IS 'met; progressing (ratio >= 0); regressed (moved away from the target); slipped (met at baseline, not now); single_year (no trend yet).';
COMMENT ON COLUMN v_coverage_attainment.is_synthetic IS 'True when any observation used is synthetic (source = synthetic).';
COMMENT ON COLUMN v_coverage_attainment.area_code IS 'Area judged: six-digit GB/T 2260 code.';
COMMENT ON COLUMN v_coverage_attainment.area_name IS 'Area name in Chinese (dim_area.area_name), e.g. 西安市, 新城区.';
COMMENT ON COLUMN v_coverage_attainment.indicator_code IS 'Indicator code (dim_indicator.indicator_code), e.g. C_KG_GER.';
COMMENT ON COLUMN v_coverage_attainment.indicator_name IS 'Indicator name in Chinese (dim_indicator.name_zh).';
COMMENT ON COLUMN v_coverage_attainment.unit_of_measure IS 'Unit of measure of the indicator''s values (dim_indicator.unit_of_measure), e.g. %, ‰, 1/10万, 人, 次/年.';
COMMENT ON COLUMN v_coverage_attainment.comparator IS 'How a value must compare with target_value to meet the target: >=, <= or =.';
COMMENT ON COLUMN v_coverage_attainment.target_value IS 'Target value, in the indicator''s unit_of_measure (e.g. 98 for 98%).';
COMMENT ON COLUMN v_coverage_attainment.deadline_year IS 'Deadline of the target judged: the area''s own target first, then the latest deadline, then sex T.';
COMMENT ON COLUMN v_coverage_attainment.baseline_value IS 'Value observed in baseline_year.';
COMMENT ON COLUMN v_coverage_attainment.latest_year IS 'Latest year observed for the area, indicator and sex.';
COMMENT ON COLUMN v_coverage_attainment.latest_value IS 'Value observed in latest_year, in unit_of_measure.';
COMMENT ON COLUMN v_coverage_attainment.is_met IS 'True when latest_value meets the target by the warehouse''s one rule (target_met, as the evaluation''s verdicts).';
