-- model: dim_area
-- grain: one row per administrative area (GB/T 2260 code)
-- key: area_code
-- not_null: area_name, area_level
-- accepted_values: area_level in (country, province, city, district, county)
-- relationship: parent_code -> dim_area.area_code
CREATE TABLE IF NOT EXISTS dim_area (
    area_code    VARCHAR NOT NULL,
    area_name    VARCHAR NOT NULL,
    area_level   VARCHAR NOT NULL,
    parent_code  VARCHAR,
    is_central   BOOLEAN,
    origin       VARCHAR NOT NULL DEFAULT 'seed'
);
COMMENT ON TABLE dim_area IS 'Xi''an (the focus city, vocab_parameter focus_area_code) and its 13 districts and counties, plus any area a researcher declares in an areas file (e.g. 100000 for China).';
COMMENT ON COLUMN dim_area.area_code IS 'Six-digit GB/T 2260 code.';
COMMENT ON COLUMN dim_area.is_central IS 'Central urban district (used by the synthetic generator for heterogeneity).';
COMMENT ON COLUMN dim_area.origin IS 'seed, or the load that declared it.';
