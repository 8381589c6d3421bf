-- model: v_pack_source
-- grain: one row per observation source (current values)
-- key: source
-- not_null: observations, first_year, last_year
CREATE OR REPLACE VIEW v_pack_source AS
SELECT source, count(*) AS observations, min(year) AS first_year, max(year) AS last_year,
       count(DISTINCT indicator_code) AS indicators, count(DISTINCT area_code) AS areas
FROM v_observation
GROUP BY source;
COMMENT ON VIEW v_pack_source IS 'Evaluation pack: where the current observations come from (synthetic marks generated data).';
COMMENT ON COLUMN v_pack_source.source IS 'Source of current observations as loaded; ''synthetic'' marks generated history.';
COMMENT ON COLUMN v_pack_source.observations IS 'Current observations (v_observation rows) from the source.';
COMMENT ON COLUMN v_pack_source.first_year IS 'Earliest year among the source''s current observations.';
COMMENT ON COLUMN v_pack_source.last_year IS 'Latest year among the source''s current observations.';
COMMENT ON COLUMN v_pack_source.indicators IS 'Distinct indicators among them.';
COMMENT ON COLUMN v_pack_source.areas IS 'Distinct areas among them.';
