-- model: v_pack_unit_indicator
-- grain: one row per as-of year x current unit x city target series it answers for
-- key: as_of_year, unit_name, indicator_code, area_code, sex, deadline_year
-- not_null: indicator_name, status, is_lead, is_reporting
-- relationship: unit_name -> dim_unit.unit_name
CREATE OR REPLACE VIEW v_pack_unit_indicator AS
WITH series AS (
    -- the status a reader sees (the verdict at or after the deadline, the forecast status before it), as everywhere in the pack
    SELECT s.* REPLACE (coalesce(e.shown_status, s.status) AS status), i.reporting_unit
    FROM v_pack_indicator_status s
    LEFT JOIN v_eval_attainment e USING (as_of_year, indicator_code, area_code, sex, deadline_year)
    JOIN dim_indicator i USING (indicator_code)
    WHERE s.is_city
),
led AS (
    -- the task's lead units, each replaced by whoever holds its duties in the as-of year
    SELECT s.as_of_year, s.indicator_code, s.area_code, s.sex, s.deadline_year, c.current_name AS unit_name
    FROM series s
    JOIN current_notice_assignment() a ON a.task_no = s.task_no AND a.role = 'lead'
    JOIN v_pack_unit_current c ON c.unit_name = a.unit_name AND c.year = s.as_of_year
),
reporting AS (
    SELECT s.as_of_year, s.indicator_code, s.area_code, s.sex, s.deadline_year, coalesce(c.current_name, s.reporting_unit) AS unit_name
    FROM series s
    LEFT JOIN v_pack_unit_current c ON c.unit_name = s.reporting_unit AND c.year = s.as_of_year
    WHERE s.reporting_unit IS NOT NULL
),
roles AS (
    SELECT as_of_year, indicator_code, area_code, sex, deadline_year, unit_name,
           bool_or(is_lead) AS is_lead, bool_or(NOT is_lead) AS is_reporting
    FROM (SELECT *, true AS is_lead FROM led UNION ALL SELECT *, false AS is_lead FROM reporting)
    GROUP BY ALL
)
SELECT r.as_of_year, r.unit_name, r.is_lead, r.is_reporting,
       s.indicator_code, s.indicator_name, s.unit_of_measure, s.area_code, s.area_name, s.sex, s.task_no,
       s.comparator, s.target_value, s.deadline_year, s.latest_year, s.latest_value, s.projected_value, s.p_met, s.status, s.reason
FROM roles r
JOIN series s USING (as_of_year, indicator_code, area_code, sex, deadline_year)
WHERE r.unit_name IN (SELECT unit_name FROM dim_unit);
COMMENT ON VIEW v_pack_unit_indicator IS 'Unit pages: the city targets each current unit answers for, because it (or the unit it succeeded) leads the target''s task, or because it reports the indicator; with the status shown in the as-of year.';
COMMENT ON COLUMN v_pack_unit_indicator.unit_name IS 'Current unit in the as-of year (v_pack_unit_current.current_name).';
COMMENT ON COLUMN v_pack_unit_indicator.is_lead IS 'True when the unit, or a unit whose duties it took over, leads the task the target belongs to.';
COMMENT ON COLUMN v_pack_unit_indicator.is_reporting IS 'True when the unit reports the indicator (dim_indicator.reporting_unit, followed to its current name).';
COMMENT ON COLUMN v_pack_unit_indicator.status IS 'Status shown for the series in the as-of year (v_eval_attainment.shown_status): the verdict at or after the deadline, the forecast status before it.';
COMMENT ON COLUMN v_pack_unit_indicator.as_of_year IS 'Only observations up to this year were used by the forecast (wcc forecast --as-of); units are resolved to their holder in this year.';
COMMENT ON COLUMN v_pack_unit_indicator.indicator_code IS 'Indicator code (dim_indicator.indicator_code), e.g. C_KG_GER.';
COMMENT ON COLUMN v_pack_unit_indicator.indicator_name IS 'Indicator name in Chinese (dim_indicator.name_zh).';
COMMENT ON COLUMN v_pack_unit_indicator.unit_of_measure IS 'Unit of measure of the values (dim_indicator.unit_of_measure), e.g. %, ‰, 1/10万, 人.';
COMMENT ON COLUMN v_pack_unit_indicator.area_code IS 'Area of the series: the city (six-digit GB/T 2260 code).';
COMMENT ON COLUMN v_pack_unit_indicator.area_name IS 'Area name in Chinese (dim_area.area_name).';
COMMENT ON COLUMN v_pack_unit_indicator.sex IS 'Sex of the series: F female, M male, T total.';
COMMENT ON COLUMN v_pack_unit_indicator.task_no IS 'Task the target belongs to (v_pack_indicator_status.task_no).';
COMMENT ON COLUMN v_pack_unit_indicator.comparator IS 'How a value must compare with target_value to meet the target: >=, <= or =.';
COMMENT ON COLUMN v_pack_unit_indicator.target_value IS 'Target value, in the indicator''s unit_of_measure.';
COMMENT ON COLUMN v_pack_unit_indicator.deadline_year IS 'Year by which the target is to be met.';
COMMENT ON COLUMN v_pack_unit_indicator.latest_year IS 'Latest year observed up to as_of_year.';
COMMENT ON COLUMN v_pack_unit_indicator.latest_value IS 'Value observed in latest_year, in the indicator''s unit_of_measure.';
COMMENT ON COLUMN v_pack_unit_indicator.projected_value IS 'Projected value at deadline_year (default method); null when data are insufficient.';
COMMENT ON COLUMN v_pack_unit_indicator.p_met IS 'Probability (0-1) that the target is met at the deadline; null when data are insufficient.';
COMMENT ON COLUMN v_pack_unit_indicator.reason IS 'Why, in Chinese: the pace needed against the pace observed.';
