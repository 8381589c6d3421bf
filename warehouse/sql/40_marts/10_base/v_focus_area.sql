-- model: v_focus_area
-- grain: one row per area the reports and the pack show: the focus city and its districts and counties
-- key: area_code
-- not_null: area_name, is_city
CREATE OR REPLACE VIEW v_focus_area AS
WITH focus AS (
    SELECT CAST(CAST(value AS BIGINT) AS VARCHAR) AS city_code FROM mart_parameter WHERE name = 'focus_area_code'
)
SELECT a.area_code, a.area_name, a.area_code = f.city_code AS is_city
FROM dim_area a
JOIN focus f ON a.area_code = f.city_code OR a.parent_code = f.city_code;
COMMENT ON VIEW v_focus_area IS 'Areas the heatmaps and the pack show: the city named by mart_parameter.focus_area_code and its districts and counties. Researchers'' other areas (e.g. national data) stay queryable in the marts but are not drawn.';
