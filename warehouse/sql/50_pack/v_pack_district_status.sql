-- model: v_pack_district_status
-- grain: one row per as-of year x district or county of the focus city x status shown (verdict at or after the deadline, forecast status before)
-- key: as_of_year, area_code, status
-- not_null: area_name, series
-- relationship: area_code -> dim_area.area_code
-- expression: series > 0
CREATE OR REPLACE VIEW v_pack_district_status AS
SELECT s.as_of_year, s.area_code, f.area_name, coalesce(e.shown_status, s.status) AS status, count(*) AS series,
       count(*) FILTER (WHERE s.latest_value IS NOT NULL) AS series_with_data
FROM v_pack_indicator_status s
-- the status a reader sees: the verdict at or after the deadline, the forecast status before it
LEFT JOIN v_eval_attainment e USING (as_of_year, indicator_code, area_code, sex, deadline_year)
JOIN v_focus_area f ON f.area_code = s.area_code AND NOT f.is_city
GROUP BY ALL;
COMMENT ON VIEW v_pack_district_status IS 'District attainment for the pack''s tile map and table: how many of each district''s target series (its own targets and the city targets it is held to) have each status shown.';
COMMENT ON COLUMN v_pack_district_status.status IS 'Status shown (v_eval_attainment.shown_status): the verdict at or after the deadline, the forecast status before it.';
COMMENT ON COLUMN v_pack_district_status.series IS 'Number of target series (indicator x sex x deadline) with that status.';
COMMENT ON COLUMN v_pack_district_status.as_of_year IS 'Only observations up to this year were used by the forecast (the as-of year of the forecast run).';
COMMENT ON COLUMN v_pack_district_status.area_code IS 'District or county of the focus city: six-digit GB/T 2260 code.';
COMMENT ON COLUMN v_pack_district_status.area_name IS 'District or county name in Chinese (dim_area.area_name), e.g. 雁塔区.';
COMMENT ON COLUMN v_pack_district_status.series_with_data IS 'Of those, series with at least one observation up to as_of_year.';
