-- model: plan_target_assessment
-- grain: one row per scenario x proposed target (indicator x area x sex)
-- key: scenario_id, indicator_code, area_code, sex
-- not_null: comparator, target_value, deadline_year, status_baseline, status_scenario
-- relationship: scenario_id -> plan_scenario.scenario_id
-- relationship: indicator_code -> dim_indicator.indicator_code
-- relationship: area_code -> dim_area.area_code
-- relationship: sex -> dim_sex.sex
-- accepted_values: comparator in (>=, <=, =)
-- expression: status_baseline IN (SELECT label_zh FROM vocab_status WHERE phase = 'forecast')
-- expression: status_scenario IN (SELECT label_zh FROM vocab_status WHERE phase = 'forecast')
-- expression: p_met_baseline IS NULL OR (p_met_baseline BETWEEN 0 AND 1 AND p_met_scenario BETWEEN 0 AND 1)
-- expression: suggested_p50 IS NULL OR ((limit_floor IS NULL OR suggested_p90 >= limit_floor - 1e-9) AND (limit_ceiling IS NULL OR suggested_p90 <= limit_ceiling + 1e-9))
-- expression: tighter_target IS NULL OR met_by_wide_margin
-- expression: suggested_p50 IS NULL OR (higher_is_better AND suggested_p90 <= suggested_p70 AND suggested_p70 <= suggested_p50) OR (NOT higher_is_better AND suggested_p90 >= suggested_p70 AND suggested_p70 >= suggested_p50)
-- expression: isfinite(target_value) AND coalesce(isfinite(latest_value), true) AND coalesce(isfinite(historical_pace), true) AND coalesce(isfinite(required_pace), true) AND coalesce(isfinite(assumed_extra_pace), true) AND coalesce(isfinite(projected_baseline), true) AND coalesce(isfinite(projected_scenario), true) AND coalesce(isfinite(suggested_p50), true) AND coalesce(isfinite(suggested_p70), true) AND coalesce(isfinite(suggested_p90), true)
CREATE TABLE IF NOT EXISTS plan_target_assessment (
    scenario_id          VARCHAR NOT NULL,
    indicator_code       VARCHAR NOT NULL,
    area_code            VARCHAR NOT NULL,
    sex                  VARCHAR NOT NULL,
    comparator           VARCHAR NOT NULL,
    target_value         DOUBLE NOT NULL,
    deadline_year        INTEGER NOT NULL,
    higher_is_better     BOOLEAN NOT NULL,
    plan_task_no         INTEGER,
    phrase               VARCHAR,
    latest_year          INTEGER,
    latest_value         DOUBLE,
    historical_pace      DOUBLE,
    required_pace        DOUBLE,
    pace_gap             DOUBLE,
    assumed_extra_pace   DOUBLE,
    pace_from_year       INTEGER,
    projected_baseline   DOUBLE,
    projected_scenario   DOUBLE,
    p_met_baseline       DOUBLE,
    p_met_scenario       DOUBLE,
    status_baseline      VARCHAR NOT NULL,
    status_scenario      VARCHAR NOT NULL,
    suggested_p50        DOUBLE,
    suggested_p70        DOUBLE,
    suggested_p90        DOUBLE,
    limit_floor          DOUBLE,
    limit_ceiling        DOUBLE,
    met_by_wide_margin   BOOLEAN,
    tighter_target       DOUBLE
);
COMMENT ON TABLE plan_target_assessment IS 'Each proposed target of a scenario: probability of being met under the baseline trend and under the scenario''s assumed pace, the pace it requires, and targets reachable at 50/70/90% probability.';
COMMENT ON COLUMN plan_target_assessment.plan_task_no IS 'Task of the draft notice whose text carries the target (null when the unit cannot be written as a phrase the notice parser reads).';
COMMENT ON COLUMN plan_target_assessment.phrase IS 'The target sentence written into the draft notice.';
COMMENT ON COLUMN plan_target_assessment.historical_pace IS 'Change per year of the time-weighted trend up to the as-of year.';
COMMENT ON COLUMN plan_target_assessment.required_pace IS 'Change per year needed from the latest observation to reach the target at the deadline.';
COMMENT ON COLUMN plan_target_assessment.pace_gap IS 'required_pace - historical_pace: the acceleration the target needs (positive = faster rise needed; for lower-is-better a more negative value is faster).';
COMMENT ON COLUMN plan_target_assessment.assumed_extra_pace IS 'Change per year the scenario adds to the trend from pace_from_year (null: none assumed).';
COMMENT ON COLUMN plan_target_assessment.p_met_baseline IS 'P(target met at the deadline) under the historical trend (Student-t, weighted_trend).';
COMMENT ON COLUMN plan_target_assessment.p_met_scenario IS 'P(target met) with the scenario''s assumed pace added (equals p_met_baseline when none).';
COMMENT ON COLUMN plan_target_assessment.suggested_p50 IS 'Level reached at the deadline with 50% probability under the scenario (the central projection).';
COMMENT ON COLUMN plan_target_assessment.suggested_p70 IS 'Level reached with 70% probability (higher-is-better: at least this; lower-is-better: at most this).';
COMMENT ON COLUMN plan_target_assessment.suggested_p90 IS 'Level reached with 90% probability: the safest target.';
COMMENT ON COLUMN plan_target_assessment.limit_floor IS 'No suggested level goes below this: the indicator''s lower bound, or for lower-is-better indicators the best latest value any area has reached.';
COMMENT ON COLUMN plan_target_assessment.limit_ceiling IS 'No suggested level goes above this: the upper bound, less 0.5 percentage point for a share (100% is not measurable).';
COMMENT ON COLUMN plan_target_assessment.met_by_wide_margin IS 'True when the latest value already beats the target by a wide margin (see tighter_target).';
COMMENT ON COLUMN plan_target_assessment.tighter_target IS 'A tighter level suggested for a target met by a wide margin: the level reached with 90% probability, within the limits.';
