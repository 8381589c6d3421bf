-- model: fact_observation
-- grain: one row per indicator x area x year x sex x age group x urban/rural x load (every version ever loaded)
-- key: indicator_code, area_code, year, sex, age_group, urban_rural, load_id
-- not_null: value, source, is_current
-- relationship: indicator_code -> dim_indicator.indicator_code
-- relationship: area_code -> dim_area.area_code
-- relationship: sex -> dim_sex.sex
-- relationship: year -> dim_year.year
-- relationship: load_id -> etl_run.load_id
-- expression: NOT isnan(value) AND NOT isinf(value)
CREATE TABLE IF NOT EXISTS fact_observation (
    indicator_code  VARCHAR NOT NULL,
    area_code       VARCHAR NOT NULL,
    year            INTEGER NOT NULL,
    sex             VARCHAR NOT NULL,
    age_group       VARCHAR NOT NULL DEFAULT '_T',
    urban_rural     VARCHAR NOT NULL DEFAULT '_T',
    value           DOUBLE NOT NULL,
    source          VARCHAR NOT NULL,
    status          VARCHAR,
    load_id         INTEGER NOT NULL,
    is_current      BOOLEAN NOT NULL
);
COMMENT ON TABLE fact_observation IS 'Indicator observations with full history: a newer value for a key supersedes the old one (is_current), which stays queryable.';
COMMENT ON COLUMN fact_observation.age_group IS 'Age group code; _T = all ages.';
COMMENT ON COLUMN fact_observation.urban_rural IS 'U urban, R rural, _T total.';
COMMENT ON COLUMN fact_observation.source IS 'Where the figure comes from; synthetic for generated history.';
COMMENT ON COLUMN fact_observation.status IS 'SDMX-like observation status: provisional, revised, estimated, or null.';
COMMENT ON COLUMN fact_observation.load_id IS 'The etl_run that wrote this version.';
COMMENT ON COLUMN fact_observation.is_current IS 'True for the latest version of each key.';
