-- model: v_focus_area
-- grain: one row per area the reports and the pack show: the focus city and its districts and counties
-- key: area_code
-- not_null: area_name, is_city
CREATE OR REPLACE VIEW v_focus_area AS
WITH focus AS (
    SELECT value AS city_code FROM vocab_parameter WHERE parameter_name = 'focus_area_code'
)
SELECT a.area_code, a.area_name, a.area_code = f.city_code AS is_city
FROM dim_area a
JOIN focus f ON a.area_code = f.city_code OR a.parent_code = f.city_code;
COMMENT ON VIEW v_focus_area IS 'Areas the heatmaps and the pack show: the city named by vocab_parameter focus_area_code (seeds/vocabulary/parameters.csv) and its districts and counties. Researchers'' other areas (e.g. national data) stay queryable in the marts but are not drawn.';
COMMENT ON COLUMN v_focus_area.area_code IS 'Six-digit GB/T 2260 code of the focus city (vocab_parameter focus_area_code) or of one of its districts and counties.';
COMMENT ON COLUMN v_focus_area.area_name IS 'Area name in Chinese (dim_area.area_name), e.g. 西安市, 新城区.';
COMMENT ON COLUMN v_focus_area.is_city IS 'True for the focus city itself, false for its districts and counties.';
