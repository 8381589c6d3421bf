-- model: v_pack_indicator_status
-- grain: one row per forecast series (indicator x area x sex x deadline) per as-of year, default method only
-- key: as_of_year, indicator_code, area_code, sex, deadline_year
-- not_null: indicator_name, area_name, is_city, status, target_value
-- expression: status IN (SELECT label_zh FROM vocab_status WHERE phase = 'forecast')
CREATE OR REPLACE VIEW v_pack_indicator_status AS
WITH forecast AS (
    SELECT * FROM fact_forecast WHERE is_default
),
task_link AS (
    -- the task a target belongs to: the one the targets file names, else the first task the catalogue links
    SELECT f.indicator_code, f.area_code, f.sex, f.deadline_year, f.as_of_year,
           coalesce(t.task_no, i.task_nos[1]) AS task_no
    FROM forecast f
    JOIN dim_indicator i USING (indicator_code)
    LEFT JOIN fact_target t ON t.indicator_code = f.indicator_code AND t.area_code = f.target_area_code
                            AND t.sex = f.sex AND t.deadline_year = f.deadline_year
),
leads AS (
    SELECT task_no, string_agg(unit_name, '、' ORDER BY ordinal) AS lead_units
    FROM current_notice_assignment() WHERE role = 'lead'
    GROUP BY task_no
),
latest_source AS (
    -- who the latest value comes from: a unit's return (with when it was received) or the synthetic history
    SELECT f.indicator_code, f.area_code, f.sex, f.deadline_year, f.as_of_year,
           o.source AS latest_source, sub.submitted_at AS latest_submitted_at
    FROM forecast f
    JOIN fact_observation o ON o.is_current AND o.indicator_code = f.indicator_code AND o.area_code = f.area_code AND o.sex = f.sex
                           AND o.year = f.latest_year AND o.age_group = '_T' AND o.urban_rural = '_T'
    LEFT JOIN fact_collection_submission sub ON sub.load_id = o.load_id
),
final AS (
    SELECT f.as_of_year, f.indicator_code, i.name_zh AS indicator_name, i.unit_of_measure,
           f.area_code, a.area_name, a.area_level = 'city' AS is_city, f.sex,
           f.comparator, f.target_value, f.deadline_year, l.task_no, k.chapter_no, ld.lead_units,
           f.latest_year, f.latest_value, s.female_value, s.male_value,
           f.projected_value, f.lower, f.upper, f.p_met, f.status, f.reason, f.method, f.method_used,
           i.source AS indicator_source, ls.latest_source, ls.latest_submitted_at
    FROM forecast f
    JOIN dim_indicator i USING (indicator_code)
    JOIN dim_area a ON a.area_code = f.area_code
    JOIN task_link l ON l.indicator_code = f.indicator_code AND l.area_code = f.area_code AND l.sex = f.sex
                    AND l.deadline_year = f.deadline_year AND l.as_of_year = f.as_of_year
    LEFT JOIN current_notice_task() k ON k.task_no = l.task_no
    LEFT JOIN leads ld ON ld.task_no = l.task_no
    -- female and male values in the forecast's latest year, where the indicator is reported by sex
    LEFT JOIN v_observation_by_sex s ON s.indicator_code = f.indicator_code AND s.area_code = f.area_code AND s.year = f.latest_year
    LEFT JOIN latest_source ls ON ls.indicator_code = f.indicator_code AND ls.area_code = f.area_code AND ls.sex = f.sex
                              AND ls.deadline_year = f.deadline_year AND ls.as_of_year = f.as_of_year
)
SELECT * FROM final;
COMMENT ON VIEW v_pack_indicator_status IS 'Evaluation pack: for each target series, latest value, female/male split, target, forecast (default method), status and the lead unit accountable.';
COMMENT ON COLUMN v_pack_indicator_status.task_no IS 'Task the target belongs to (targets file), else the first task the indicator catalogue links.';
COMMENT ON COLUMN v_pack_indicator_status.lead_units IS 'Lead unit(s) of that task: who answers for the target.';
COMMENT ON COLUMN v_pack_indicator_status.as_of_year IS 'Only observations up to this year were used by the forecast (the as-of year of the forecast run).';
COMMENT ON COLUMN v_pack_indicator_status.indicator_code IS 'Indicator code (dim_indicator.indicator_code), e.g. C_KG_GER.';
COMMENT ON COLUMN v_pack_indicator_status.indicator_name IS 'Indicator name in Chinese (dim_indicator.name_zh).';
COMMENT ON COLUMN v_pack_indicator_status.unit_of_measure IS 'Unit of measure of the indicator''s values (dim_indicator.unit_of_measure), e.g. %, ‰, 1/10万, 人, 次/年.';
COMMENT ON COLUMN v_pack_indicator_status.area_code IS 'Area of the series: six-digit GB/T 2260 code (a district may be held to its city''s target).';
COMMENT ON COLUMN v_pack_indicator_status.area_name IS 'Area name in Chinese (dim_area.area_name), e.g. 西安市, 新城区.';
COMMENT ON COLUMN v_pack_indicator_status.is_city IS 'True when the area is a city (dim_area.area_level = ''city'').';
COMMENT ON COLUMN v_pack_indicator_status.sex IS 'Sex of the series: F female, M male, T total (both sexes, or not disaggregated).';
COMMENT ON COLUMN v_pack_indicator_status.comparator IS 'How a value must compare with target_value to meet the target: >=, <= or =.';
COMMENT ON COLUMN v_pack_indicator_status.target_value IS 'Target value, in the indicator''s unit_of_measure (e.g. 98 for 98%).';
COMMENT ON COLUMN v_pack_indicator_status.deadline_year IS 'Year by which the target is to be met.';
COMMENT ON COLUMN v_pack_indicator_status.chapter_no IS 'Chapter of task_no (null when the target is linked to no task).';
COMMENT ON COLUMN v_pack_indicator_status.latest_year IS 'Latest year observed for the series up to as_of_year.';
COMMENT ON COLUMN v_pack_indicator_status.latest_value IS 'Value observed in latest_year, in the indicator''s unit_of_measure.';
COMMENT ON COLUMN v_pack_indicator_status.female_value IS 'Value for sex F in latest_year (null when not reported by sex).';
COMMENT ON COLUMN v_pack_indicator_status.male_value IS 'Value for sex M in latest_year (null when not reported by sex).';
COMMENT ON COLUMN v_pack_indicator_status.projected_value IS 'Projected value at deadline_year in the indicator''s unit_of_measure, clamped to the indicator''s bounds; null when data are insufficient.';
COMMENT ON COLUMN v_pack_indicator_status.lower IS 'Lower end of the 80% interval of projected_value, clamped to the bounds; null when data are insufficient.';
COMMENT ON COLUMN v_pack_indicator_status.upper IS 'Upper end of the 80% interval of projected_value, clamped to the bounds; null when data are insufficient.';
COMMENT ON COLUMN v_pack_indicator_status.p_met IS 'Probability (0-1) that the target is met at the deadline; 1 or 0 once the deadline value is observed; null when data are insufficient.';
COMMENT ON COLUMN v_pack_indicator_status.status IS 'Forecast status, a label of vocab_status (phase = forecast): met so far, on track (P(met) at or above its p_met_min), needs acceleration, off track (P(met) below its p_met_below), insufficient data (fewer than 2 points).';
COMMENT ON COLUMN v_pack_indicator_status.reason IS 'Why, in Chinese: the pace needed against the pace observed, e.g. 需年均提高2.1个百分点，近年年均提高0.8个百分点.';
COMMENT ON COLUMN v_pack_indicator_status.method IS 'The default forecast method (the one with the lowest backtest Brier score): unsd_cagr, weighted_trend or ml.';
COMMENT ON COLUMN v_pack_indicator_status.method_used IS 'Method actually applied: as method, weighted_trend_calibrated when ml had too little training data, observed when the deadline value was read off the data.';
COMMENT ON COLUMN v_pack_indicator_status.indicator_source IS 'Where the indicator and its target come from (dim_indicator.source); says so when a figure is national rather than Xi''an''s.';
COMMENT ON COLUMN v_pack_indicator_status.latest_source IS 'Source of the latest value: ''synthetic'' for generated history, a reporting unit and round (市教育局 2020年度报送) for a collected return, or a researcher''s source.';
COMMENT ON COLUMN v_pack_indicator_status.latest_submitted_at IS 'When the return that supplied the latest value was received (UTC); null unless it came from a collection round.';
