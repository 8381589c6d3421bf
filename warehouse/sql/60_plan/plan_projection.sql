-- model: plan_projection
-- grain: one row per scenario x indicator x area x sex x plan year (baseline: every series with two or more points; a scenario: only the series whose pace it changes)
-- key: scenario_id, indicator_code, area_code, sex, year
-- not_null: projected_value, lower, upper, pace_shift, n_points, latest_year
-- relationship: scenario_id -> plan_scenario.scenario_id
-- relationship: indicator_code -> dim_indicator.indicator_code
-- relationship: area_code -> dim_area.area_code
-- relationship: sex -> dim_sex.sex
-- expression: lower <= projected_value AND projected_value <= upper
-- expression: year > latest_year
-- expression: isfinite(projected_value) AND isfinite(lower) AND isfinite(upper) AND isfinite(pace_shift)
CREATE TABLE IF NOT EXISTS plan_projection (
    scenario_id     VARCHAR NOT NULL,
    indicator_code  VARCHAR NOT NULL,
    area_code       VARCHAR NOT NULL,
    sex             VARCHAR NOT NULL,
    year            INTEGER NOT NULL,
    projected_value DOUBLE NOT NULL,
    lower           DOUBLE NOT NULL,
    upper           DOUBLE NOT NULL,
    pace_shift      DOUBLE NOT NULL,
    n_points        INTEGER NOT NULL,
    latest_year     INTEGER NOT NULL
);
COMMENT ON TABLE plan_projection IS 'Projected path of each series to the plan horizon with an 80% interval (weighted_trend method); scenario rows add the scenario''s assumed change of pace. Series a scenario does not change follow the baseline rows.';
COMMENT ON COLUMN plan_projection.projected_value IS 'Projected value, clamped to the indicator bounds.';
COMMENT ON COLUMN plan_projection.lower IS 'Lower end of the 80% interval, clamped to the indicator bounds.';
COMMENT ON COLUMN plan_projection.upper IS 'Upper end of the 80% interval, clamped to the indicator bounds.';
COMMENT ON COLUMN plan_projection.pace_shift IS 'What the scenario''s assumed pace adds to the trend in this year (0 for the baseline).';
COMMENT ON COLUMN plan_projection.n_points IS 'Observations of the series up to the as-of year.';
COMMENT ON COLUMN plan_projection.latest_year IS 'Latest observed year of the series.';
