-- model: fact_forecast
-- grain: one row per indicator x area x sex x deadline x as-of year x method (series measured against a target)
-- key: indicator_code, area_code, sex, deadline_year, as_of_year, method
-- not_null: method_used, target_area_code, comparator, target_value, status, reason, is_default, n_points
-- relationship: indicator_code -> dim_indicator.indicator_code
-- relationship: area_code -> dim_area.area_code
-- relationship: target_area_code -> dim_area.area_code
-- relationship: sex -> dim_sex.sex
-- accepted_values: method in (unsd_cagr, weighted_trend, ml, combined)
-- expression: status IN (SELECT label_zh FROM vocab_status WHERE phase = 'forecast')
-- accepted_values: comparator in (>=, <=, =)
-- expression: p_met IS NULL OR (p_met >= 0 AND p_met <= 1)
-- expression: projected_value IS NULL OR (lower <= projected_value AND projected_value <= upper)
-- expression: (projected_value IS NULL) = (status = (SELECT label_zh FROM vocab_status WHERE status_code = 'insufficient_data'))
-- expression: (projected_value IS NULL) = (value_scale IS NULL)
-- expression: (spread IS NULL) = (value_scale IS NULL OR value_scale = 'mixture')
-- expression: value_scale IS NULL OR value_scale IN ('identity', 'log', 'logit', 'mixture')
-- expression: spread IS NULL OR spread >= 0
-- expression: interval_scale IS NULL OR interval_scale > 0
CREATE TABLE IF NOT EXISTS fact_forecast (
    indicator_code    VARCHAR NOT NULL,
    area_code         VARCHAR NOT NULL,
    sex               VARCHAR NOT NULL,
    deadline_year     INTEGER NOT NULL,
    as_of_year        INTEGER NOT NULL,
    method            VARCHAR NOT NULL,
    method_used       VARCHAR NOT NULL,
    target_area_code  VARCHAR NOT NULL,
    comparator        VARCHAR NOT NULL,
    target_value      DOUBLE NOT NULL,
    n_points          INTEGER NOT NULL,
    latest_year       INTEGER,
    latest_value      DOUBLE,
    projected_value   DOUBLE,
    lower             DOUBLE,
    upper             DOUBLE,
    p_met             DOUBLE,
    status            VARCHAR NOT NULL,
    reason            VARCHAR NOT NULL,
    is_default        BOOLEAN NOT NULL,
    value_scale       VARCHAR,
    scale_lower       DOUBLE,
    scale_upper       DOUBLE,
    scale_offset      DOUBLE,
    location          DOUBLE,
    spread            DOUBLE,
    df                DOUBLE,
    interval_scale    DOUBLE
);
COMMENT ON TABLE fact_forecast IS 'Whether each target will be met: projection at the deadline with an 80% interval, P(met), status and reason, per method (the forecast step; rerunning replaces the same as_of_year).';
COMMENT ON COLUMN fact_forecast.area_code IS 'Area of the forecast series; a district row measured against a city target has the city''s code as target_area_code.';
COMMENT ON COLUMN fact_forecast.as_of_year IS 'Only observations up to this year were used.';
COMMENT ON COLUMN fact_forecast.method IS 'unsd_cagr (UNSD Progress Chart CAGR rule), weighted_trend (time-weighted linear trend), ml (FastTree trained by rolling origin), combined (equal-weight mixture of the three).';
COMMENT ON COLUMN fact_forecast.method_used IS 'Method actually applied: weighted_trend_calibrated when ml had too little training data, observed when a past deadline was read off the data.';
COMMENT ON COLUMN fact_forecast.target_area_code IS 'Area the target was set for (differs from area_code for district rows of a city-only target).';
COMMENT ON COLUMN fact_forecast.n_points IS 'Observations of the series up to as_of_year.';
COMMENT ON COLUMN fact_forecast.projected_value IS 'Projected value at deadline_year: the median of the predictive distribution (within the indicator bounds); null when data are insufficient.';
COMMENT ON COLUMN fact_forecast.lower IS 'Lower end of the 80% interval: the 10% quantile of the same distribution (within the bounds).';
COMMENT ON COLUMN fact_forecast.upper IS 'Upper end of the 80% interval: the 90% quantile of the same distribution (within the bounds).';
COMMENT ON COLUMN fact_forecast.p_met IS 'Probability that the target is met at the deadline, read off the same distribution as projected_value, lower and upper (1 or 0 once the deadline value is observed).';
COMMENT ON COLUMN fact_forecast.status IS 'Forecast status: a label of vocab_status with phase = forecast (met so far, on track, needs acceleration, off track, insufficient data).';
COMMENT ON COLUMN fact_forecast.reason IS 'Why, in Chinese, e.g. 需年均提高2.1个百分点，近年年均提高0.8个百分点.';
COMMENT ON COLUMN fact_forecast.value_scale IS 'Scale of the predictive distribution: logit (shares in %), log (counts, per-mille and per-100 000 rates), identity (other); mixture for the combined method (an equal-weight mixture of the other methods'' distributions for the same series and deadline, whose rows hold the parameters, each component''s spread multiplied by the combined row''s interval_scale).';
COMMENT ON COLUMN fact_forecast.scale_lower IS 'Lower bound of the scale (null: unbounded); values are clamped to it.';
COMMENT ON COLUMN fact_forecast.scale_upper IS 'Upper bound of the scale (null: unbounded); values are clamped to it.';
COMMENT ON COLUMN fact_forecast.scale_offset IS 'Offset d of the transform: logit z = ln((x - lower + d) / (upper - x + d)), log z = ln(x - lower + d).';
COMMENT ON COLUMN fact_forecast.location IS 'Centre of the predictive distribution on the transformed scale: projected_value = inverse(location).';
COMMENT ON COLUMN fact_forecast.spread IS 'Scale of the predictive distribution on the transformed scale (0 for an observed deadline); lower/upper = inverse(location -/+ q(0.9) * spread).';
COMMENT ON COLUMN fact_forecast.df IS 'Degrees of freedom of the Student t; null for a normal distribution. p_met is read off the same distribution.';
COMMENT ON COLUMN fact_forecast.interval_scale IS 'Factor the rolling-origin interval calibration applied to the model spread (1 = none).';
COMMENT ON COLUMN fact_forecast.is_default IS 'True for the method the backtest scored best (lowest Brier); reports show these rows.';
