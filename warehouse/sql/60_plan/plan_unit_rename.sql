-- model: plan_unit_rename
-- grain: one row per scenario x unit renamed for the plan period
-- key: scenario_id, unit_name
-- not_null: successor_name, source
-- relationship: scenario_id -> plan_scenario.scenario_id
-- relationship: unit_name -> dim_unit.unit_name
-- accepted_values: source in (dim_unit, scenario)
-- expression: unit_name <> successor_name
CREATE TABLE IF NOT EXISTS plan_unit_rename (
    scenario_id     VARCHAR NOT NULL,
    unit_name       VARCHAR NOT NULL,
    successor_name  VARCHAR NOT NULL,
    source          VARCHAR NOT NULL
);
COMMENT ON TABLE plan_unit_rename IS 'Unit renames applied to a scenario''s division of work: dim_unit successors of units gone before the plan period, plus the scenario''s explicit renames (chains followed to the last name).';
COMMENT ON COLUMN plan_unit_rename.source IS 'dim_unit (valid_to before the first plan year) or scenario (the file''s renames).';
