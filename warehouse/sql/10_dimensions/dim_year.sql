-- model: dim_year
-- grain: one row per calendar year the warehouse can hold observations for
-- key: year
-- expression: plan_period IS NULL OR length(plan_period) = 9
CREATE TABLE IF NOT EXISTS dim_year (
    year         INTEGER NOT NULL,
    plan_period  VARCHAR
);
INSERT INTO dim_year
SELECT y, CASE WHEN y BETWEEN 2011 AND 2020 THEN '2011-2020' WHEN y BETWEEN 2021 AND 2030 THEN '2021-2030' END
FROM range(1990, 2051) r(y)
WHERE NOT EXISTS (SELECT 1 FROM dim_year);
COMMENT ON TABLE dim_year IS 'Calendar years 1990-2050 with the women''s and children''s development plan period they fall in.';
