-- model: v_gender_parity
-- grain: one row per area x indicator with both a female and a male value in some year (the latest such year)
-- key: area_code, indicator_code
-- not_null: year, female_value, male_value, is_synthetic
CREATE OR REPLACE VIEW v_gender_parity AS
WITH paired AS (
    SELECT f.area_code, f.indicator_code, f.year,
           f.value AS female_value, m.value AS male_value,
           (f.source = 'synthetic' OR m.source = 'synthetic') AS is_synthetic,
           row_number() OVER (PARTITION BY f.area_code, f.indicator_code ORDER BY f.year DESC) AS recency
    FROM v_observation f
    JOIN v_observation m ON m.indicator_code = f.indicator_code AND m.area_code = f.area_code
                        AND m.year = f.year AND m.sex = 'M'
    WHERE f.sex = 'F'
),
final AS (
    SELECT p.area_code, a.area_name, p.indicator_code, i.name_zh AS indicator_name, i.unit_of_measure, p.year,
           p.female_value, p.male_value,
           p.female_value / nullif(p.male_value, 0) AS parity_ratio,
           -- symmetric scale for charts: log2 of the ratio, clamped to [-1, 1] (a half to double)
           CASE WHEN p.female_value > 0 AND p.male_value > 0
                THEN greatest(-1.0, least(1.0, log2(p.female_value / p.male_value))) END AS parity_log2_capped,
           p.is_synthetic,
           i.direction
    FROM paired p
    JOIN dim_area a ON a.area_code = p.area_code
    JOIN dim_indicator i ON i.indicator_code = p.indicator_code
    WHERE p.recency = 1
)
SELECT * FROM final;
COMMENT ON COLUMN v_gender_parity.direction IS 'higher or lower: which way is better on the indicator (dim_indicator.direction); charts colour women''s relative position by it, so girls'' lower mortality reads as favourable.';
COMMENT ON VIEW v_gender_parity IS 'Gender parity index: female / male value in the latest year where both exist (1 = parity).';
COMMENT ON COLUMN v_gender_parity.parity_log2_capped IS 'log2(parity_ratio) clamped to [-1, 1]: 0 = parity, -1 = half or less, 1 = double or more; null when undefined.';
COMMENT ON COLUMN v_gender_parity.parity_ratio IS 'female_value / male_value; null when the male value is 0.';
COMMENT ON COLUMN v_gender_parity.area_code IS 'Area observed: six-digit GB/T 2260 code.';
COMMENT ON COLUMN v_gender_parity.area_name IS 'Area name in Chinese (dim_area.area_name), e.g. 西安市, 新城区.';
COMMENT ON COLUMN v_gender_parity.indicator_code IS 'Indicator code (dim_indicator.indicator_code), e.g. C_KG_GER.';
COMMENT ON COLUMN v_gender_parity.indicator_name IS 'Indicator name in Chinese (dim_indicator.name_zh).';
COMMENT ON COLUMN v_gender_parity.unit_of_measure IS 'Unit of measure of the indicator''s values (dim_indicator.unit_of_measure), e.g. %, ‰, 1/10万, 人, 次/年.';
COMMENT ON COLUMN v_gender_parity.year IS 'Latest year with both a female and a male current value.';
COMMENT ON COLUMN v_gender_parity.female_value IS 'Value for women or girls (sex F) in year, in unit_of_measure.';
COMMENT ON COLUMN v_gender_parity.male_value IS 'Value for men or boys (sex M) in year, in unit_of_measure.';
COMMENT ON COLUMN v_gender_parity.is_synthetic IS 'True when either value is synthetic (source = ''synthetic'').';
