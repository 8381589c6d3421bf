-- model: vocab_parameter
-- grain: one row per parameter of the warehouse itself (its year range, its focus city)
-- key: parameter_name
-- not_null: value, note
-- Rows come from seeds/vocabulary/parameters.csv (WarehouseParameters.Seed, on every schema refresh): the only definition
-- of the year range (dim_year) and of the focus city (v_focus_area). Edit the seed, not the table: a refresh rewrites it.
CREATE TABLE IF NOT EXISTS vocab_parameter (
    parameter_name VARCHAR NOT NULL,
    value          VARCHAR NOT NULL,
    note           VARCHAR NOT NULL
);
COMMENT ON TABLE vocab_parameter IS 'The warehouse''s own parameters, defined once (seeds/vocabulary/parameters.csv): first_year and last_year (the rows of dim_year), focus_area_code (v_focus_area).';
COMMENT ON COLUMN vocab_parameter.parameter_name IS 'Parameter name: first_year, last_year or focus_area_code.';
COMMENT ON COLUMN vocab_parameter.value IS 'Its value as text (years in digits, the area as its six-digit code).';
COMMENT ON COLUMN vocab_parameter.note IS 'What it means and what reads it, in Chinese.';
