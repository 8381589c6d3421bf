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
    SELECT area_code, indicator_code, year, female_value, male_value,
           female_value / nullif(male_value, 0) AS parity_ratio,
           is_synthetic
    FROM paired
    WHERE recency = 1
)
SELECT * FROM final
ORDER BY area_code, indicator_code;
COMMENT ON VIEW v_gender_parity IS 'Gender parity index: female / male value in the latest year where both exist (1 = parity).';
COMMENT ON COLUMN v_gender_parity.parity_ratio IS 'female_value / male_value; null when the male value is 0.';
