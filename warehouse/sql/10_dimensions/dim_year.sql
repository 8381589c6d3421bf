-- model: dim_year
-- grain: one row per calendar year the warehouse can hold observations for
-- key: year
-- expression: plan_period IS NULL OR length(plan_period) = 9
-- A view over the one year range (vocab_parameter first_year, last_year; WarehouseYears reads the same seed), so the
-- range is written nowhere else. Until schema version 10 it was a table filled with literal bounds.
CREATE OR REPLACE VIEW dim_year AS
WITH bounds AS (
    SELECT max(TRY_CAST(value AS INTEGER)) FILTER (WHERE parameter_name = 'first_year') AS first_year,
           max(TRY_CAST(value AS INTEGER)) FILTER (WHERE parameter_name = 'last_year') AS last_year
    FROM vocab_parameter
), years AS (
    SELECT CAST(unnest(generate_series(first_year, last_year)) AS INTEGER) AS year FROM bounds
)
SELECT year, CASE WHEN year BETWEEN 2011 AND 2020 THEN '2011-2020' WHEN year BETWEEN 2021 AND 2030 THEN '2021-2030' END AS plan_period
FROM years;
COMMENT ON VIEW dim_year IS 'Calendar years the warehouse can hold (vocab_parameter first_year to last_year) with the women''s and children''s development plan period they fall in.';
COMMENT ON COLUMN dim_year.year IS 'Calendar year.';
COMMENT ON COLUMN dim_year.plan_period IS 'The development plan period (纲要) the year falls in, e.g. 2011-2020; null outside them.';
