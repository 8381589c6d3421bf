-- model: plan_assignment
-- grain: one row per scenario x draft task x unit x role
-- key: scenario_id, plan_task_no, unit_name, role
-- not_null: ordinal, is_collective
-- relationship: scenario_id -> plan_scenario.scenario_id
-- accepted_values: role in (lead, responsible)
CREATE TABLE IF NOT EXISTS plan_assignment (
    scenario_id         VARCHAR NOT NULL,
    plan_task_no        INTEGER NOT NULL,
    unit_name           VARCHAR NOT NULL,
    role                VARCHAR NOT NULL,
    ordinal             INTEGER NOT NULL,
    is_collective       BOOLEAN NOT NULL,
    previous_unit_name  VARCHAR
);
COMMENT ON TABLE plan_assignment IS 'The proposed division of work: lead and responsible units of each draft task, after unit renames, reassignments, dropped and new tasks. The workload queries of the planning step read it.';
COMMENT ON COLUMN plan_assignment.unit_name IS 'Unit under its post-reform name (may be a new name given by a scenario rename, hence no relationship to dim_unit).';
COMMENT ON COLUMN plan_assignment.previous_unit_name IS 'The 2018-2020 name when a rename applied, else null.';
COMMENT ON COLUMN plan_assignment.is_collective IS 'True for collectives (各区县妇儿工委 …), excluded from concentration measures.';
