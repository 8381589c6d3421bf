-- model: plan_scenario
-- grain: one row per planning scenario stored by `wcc plan` (the baseline included)
-- key: scenario_id
-- not_null: name, kind, as_of_year, first_plan_year, horizon_year
-- accepted_values: kind in (baseline, scenario)
-- expression: first_plan_year = as_of_year + 1
-- expression: horizon_year >= first_plan_year
CREATE TABLE IF NOT EXISTS plan_scenario (
    scenario_id      VARCHAR NOT NULL,
    name             VARCHAR NOT NULL,
    kind             VARCHAR NOT NULL,
    source_file      VARCHAR,
    description      VARCHAR,
    as_of_year       INTEGER NOT NULL,
    first_plan_year  INTEGER NOT NULL,
    horizon_year     INTEGER NOT NULL
);
COMMENT ON TABLE plan_scenario IS 'Scenarios of the next-cycle plan (the planning step): the baseline (historical trend, automatic unit renames) and each scenario file; rerunning a scenario replaces all its plan_* rows.';
COMMENT ON COLUMN plan_scenario.scenario_id IS 'The scenario file''s id (baseline for the trend-only scenario).';
COMMENT ON COLUMN plan_scenario.kind IS 'baseline (no assumptions beyond the trend) or scenario (read from a file).';
COMMENT ON COLUMN plan_scenario.source_file IS 'File name of the scenario (null for the baseline).';
COMMENT ON COLUMN plan_scenario.as_of_year IS 'Observations up to this year were used.';
COMMENT ON COLUMN plan_scenario.first_plan_year IS 'First year of the plan period (as_of_year + 1).';
COMMENT ON COLUMN plan_scenario.horizon_year IS 'Last year of the plan period (e.g. 2025).';
