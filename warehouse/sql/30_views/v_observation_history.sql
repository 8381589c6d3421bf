-- model: v_observation_history
-- grain: one row per version of an observation ever loaded (indicator x area x year x sex x age group x urban/rural x load)
-- key: indicator_code, area_code, year, sex, age_group, urban_rural, load_id
-- not_null: value, is_current
CREATE OR REPLACE VIEW v_observation_history AS
WITH versions AS (
    SELECT f.indicator_code, f.area_code, f.year, f.sex, f.age_group, f.urban_rural,
           f.value, f.source, f.status, f.is_current, f.load_id
    FROM fact_observation f
),
final AS (
    SELECT v.*, r.started_at, r.file_path, r.file_sha256
    FROM versions v
    LEFT JOIN etl_run r ON r.load_id = v.load_id
)
SELECT * FROM final;
COMMENT ON VIEW v_observation_history IS 'Every version of every observation with the load that wrote it and when that load started; is_current marks the latest.';
