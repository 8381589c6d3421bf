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
COMMENT ON COLUMN v_observation_history.indicator_code IS 'Indicator code (dim_indicator.indicator_code), e.g. C_KG_GER.';
COMMENT ON COLUMN v_observation_history.area_code IS 'Area observed: six-digit GB/T 2260 code (dim_area).';
COMMENT ON COLUMN v_observation_history.year IS 'Calendar year the value refers to.';
COMMENT ON COLUMN v_observation_history.sex IS 'Sex of the series: F female, M male, T total (both sexes, or not disaggregated).';
COMMENT ON COLUMN v_observation_history.age_group IS 'Age group code; _T = all ages.';
COMMENT ON COLUMN v_observation_history.urban_rural IS 'U urban, R rural, _T total.';
COMMENT ON COLUMN v_observation_history.value IS 'Value of this version, in the indicator''s unit_of_measure (dim_indicator).';
COMMENT ON COLUMN v_observation_history.source IS 'Where the figure comes from, as loaded; ''synthetic'' for generated history.';
COMMENT ON COLUMN v_observation_history.status IS 'SDMX-like observation status: provisional, revised, estimated, or null.';
COMMENT ON COLUMN v_observation_history.is_current IS 'True for the latest version of its key; v_observation shows these (totals over age and urban/rural).';
COMMENT ON COLUMN v_observation_history.load_id IS 'The ETL run that wrote this version (etl_run.load_id); a higher load_id is a later version.';
COMMENT ON COLUMN v_observation_history.started_at IS 'When that ETL run started (UTC).';
COMMENT ON COLUMN v_observation_history.file_path IS 'Input file of that run as given to wcc (null for generated data).';
COMMENT ON COLUMN v_observation_history.file_sha256 IS 'SHA-256 of that input file, hex (null for generated data).';
