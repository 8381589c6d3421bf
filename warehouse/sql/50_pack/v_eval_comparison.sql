-- model: v_eval_comparison
-- grain: one row per indicator x sex x year with at least one published reference value (nation, Shaanxi or Xi'an)
-- key: indicator_code, sex, year
-- not_null: indicator_name
-- expression: nation_value IS NOT NULL OR province_value IS NOT NULL OR city_published_value IS NOT NULL
-- City vs province vs nation: only published values (v_reference_value), each with its source; the warehouse's own
-- value for the city in the same year stands beside them with its source, so a synthetic figure is never taken for a
-- published one.
CREATE OR REPLACE VIEW v_eval_comparison AS
WITH reference AS (
    SELECT indicator_code, sex, year,
           max(value) FILTER (WHERE area_level = '全国') AS nation_value,
           max(source_title) FILTER (WHERE area_level = '全国') AS nation_source_title,
           max(source_url) FILTER (WHERE area_level = '全国') AS nation_source_url,
           max(value) FILTER (WHERE area_level = '陕西省') AS province_value,
           max(source_title) FILTER (WHERE area_level = '陕西省') AS province_source_title,
           max(source_url) FILTER (WHERE area_level = '陕西省') AS province_source_url,
           max(value) FILTER (WHERE area_level = '西安市') AS city_published_value,
           max(source_title) FILTER (WHERE area_level = '西安市') AS city_source_title,
           max(source_url) FILTER (WHERE area_level = '西安市') AS city_source_url
    FROM v_reference_value
    GROUP BY indicator_code, sex, year
),
final AS (
    SELECT r.indicator_code, i.name_zh AS indicator_name, i.unit_of_measure, i.direction, i.plan_zh, i.domain_zh, r.sex, r.year,
           r.nation_value, r.nation_source_title, r.nation_source_url,
           r.province_value, r.province_source_title, r.province_source_url,
           r.city_published_value, r.city_source_title, r.city_source_url,
           o.value AS city_warehouse_value, o.source AS city_warehouse_source
    FROM reference r
    JOIN dim_indicator i ON i.indicator_code = r.indicator_code
    LEFT JOIN v_focus_area f ON f.is_city
    LEFT JOIN v_observation o ON o.indicator_code = r.indicator_code AND o.sex = r.sex AND o.year = r.year AND o.area_code = f.area_code
)
SELECT * FROM final;
COMMENT ON VIEW v_eval_comparison IS 'City vs province vs nation: published reference values (v_reference_value) side by side with their sources, and the warehouse''s own city value for the same year with its source.';
COMMENT ON COLUMN v_eval_comparison.indicator_code IS 'Indicator code.';
COMMENT ON COLUMN v_eval_comparison.indicator_name IS 'Chinese name.';
COMMENT ON COLUMN v_eval_comparison.unit_of_measure IS 'Unit of measure of every value in the row.';
COMMENT ON COLUMN v_eval_comparison.direction IS 'higher or lower: which way is better.';
COMMENT ON COLUMN v_eval_comparison.plan_zh IS 'The plan (妇女, 儿童).';
COMMENT ON COLUMN v_eval_comparison.domain_zh IS 'The domain.';
COMMENT ON COLUMN v_eval_comparison.sex IS 'F, M or T.';
COMMENT ON COLUMN v_eval_comparison.year IS 'Year the values refer to.';
COMMENT ON COLUMN v_eval_comparison.nation_value IS 'Published national value (null when none).';
COMMENT ON COLUMN v_eval_comparison.nation_source_title IS 'Publication the national value is quoted from.';
COMMENT ON COLUMN v_eval_comparison.nation_source_url IS 'Its address.';
COMMENT ON COLUMN v_eval_comparison.province_value IS 'Published Shaanxi value (null when none).';
COMMENT ON COLUMN v_eval_comparison.province_source_title IS 'Publication the Shaanxi value is quoted from.';
COMMENT ON COLUMN v_eval_comparison.province_source_url IS 'Its address.';
COMMENT ON COLUMN v_eval_comparison.city_published_value IS 'Published Xi''an value (null when none).';
COMMENT ON COLUMN v_eval_comparison.city_source_title IS 'Publication the Xi''an value is quoted from.';
COMMENT ON COLUMN v_eval_comparison.city_source_url IS 'Its address.';
COMMENT ON COLUMN v_eval_comparison.city_warehouse_value IS 'The warehouse''s current value for the focus city in the same year (may be synthetic: see city_warehouse_source).';
COMMENT ON COLUMN v_eval_comparison.city_warehouse_source IS 'Source of city_warehouse_value as loaded (synthetic for generated history).';
