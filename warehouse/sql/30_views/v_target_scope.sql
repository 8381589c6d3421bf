-- model: v_target_scope
-- grain: one row per target (indicator x target area x sex x deadline) x area whose series it is measured on
-- key: indicator_code, target_area_code, sex, deadline_year, area_code
-- not_null: comparator, target_value, scope
-- relationship: area_code -> dim_area.area_code
-- relationship: target_area_code -> dim_area.area_code
-- accepted_values: scope in (own, shared)
-- The one definition of which series a target applies to; forecasts, backtests and coverage all read it.
-- A target applies to its own area. A city's target also applies to each child area (district, county) without a
-- target of its own for the same indicator, sex and deadline, so reports can show which districts put the city target
-- at risk. Counts are the exception: a district holds a share of a city total (women trained, projects), which cannot
-- be judged against the total.
CREATE OR REPLACE VIEW v_target_scope AS
SELECT indicator_code, area_code AS target_area_code, sex, comparator, target_value, deadline_year, task_no,
       area_code, 'own' AS scope, notice_id
FROM fact_target
UNION ALL
SELECT t.indicator_code, t.area_code, t.sex, t.comparator, t.target_value, t.deadline_year, t.task_no,
       child.area_code, 'shared', t.notice_id
FROM fact_target t
JOIN dim_area city ON city.area_code = t.area_code AND city.area_level = 'city'
JOIN dim_area child ON child.parent_code = t.area_code
JOIN dim_indicator i ON i.indicator_code = t.indicator_code AND i.measure_kind <> 'count'
WHERE NOT EXISTS (
    SELECT 1 FROM fact_target own
    WHERE own.indicator_code = t.indicator_code AND own.area_code = child.area_code
      AND own.sex = t.sex AND own.deadline_year = t.deadline_year
);
COMMENT ON VIEW v_target_scope IS 'Which series each target is measured on: its own area, and for a city''s rate or ratio target each district or county without its own target for that deadline.';
COMMENT ON COLUMN v_target_scope.target_area_code IS 'Area the target was set for.';
COMMENT ON COLUMN v_target_scope.area_code IS 'Area whose series is measured against the target.';
COMMENT ON COLUMN v_target_scope.scope IS 'own: the target''s own area; shared: a child area held to its city''s target.';
COMMENT ON COLUMN v_target_scope.indicator_code IS 'Indicator the target is set on (dim_indicator.indicator_code), e.g. C_KG_GER.';
COMMENT ON COLUMN v_target_scope.sex IS 'Sex of the series: F female, M male, T total (both sexes, or not disaggregated).';
COMMENT ON COLUMN v_target_scope.comparator IS 'How a value must compare with target_value to meet the target: >=, <= or =.';
COMMENT ON COLUMN v_target_scope.target_value IS 'Target value, in the indicator''s unit_of_measure (e.g. 98 for 98%).';
COMMENT ON COLUMN v_target_scope.deadline_year IS 'Year by which the target is to be met.';
COMMENT ON COLUMN v_target_scope.task_no IS 'Notice task the target belongs to (dim_task.task_no); null when the targets file names none.';
COMMENT ON COLUMN v_target_scope.notice_id IS 'Notice of the task (dim_notice.notice_id); null when no task is named.';
