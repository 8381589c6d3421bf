-- model: v_forecast
-- grain: one row per indicator x area x sex x deadline x as-of year x method (research contract, stable)
-- key: indicator_code, area_code, sex, deadline_year, as_of_year, method
CREATE OR REPLACE VIEW v_forecast AS
SELECT indicator_code, area_code, sex, deadline_year, as_of_year, method, projected_value, lower, upper, p_met, status
FROM fact_forecast;
COMMENT ON VIEW v_forecast IS 'Contract view: indicator_code, area_code, sex, deadline_year, as_of_year, method, projected_value, lower, upper, p_met, status (reasons and the default method are in fact_forecast).';
COMMENT ON COLUMN v_forecast.indicator_code IS 'Indicator code (dim_indicator.indicator_code), e.g. C_KG_GER.';
COMMENT ON COLUMN v_forecast.area_code IS 'Area of the forecast series; a district held to its city''s target (v_target_scope) has its own rows.';
COMMENT ON COLUMN v_forecast.sex IS 'Sex of the series: F female, M male, T total (both sexes, or not disaggregated).';
COMMENT ON COLUMN v_forecast.deadline_year IS 'Deadline of the target the series is projected to.';
COMMENT ON COLUMN v_forecast.as_of_year IS 'Only observations up to this year were used by the forecast (the as-of year of the forecast run).';
COMMENT ON COLUMN v_forecast.method IS 'Forecast method: unsd_cagr (UNSD Progress Chart CAGR rule), weighted_trend (time-weighted linear trend) or ml (ML.NET FastTree classifier). The default method is marked in fact_forecast.is_default.';
COMMENT ON COLUMN v_forecast.projected_value IS 'Projected value at deadline_year in the indicator''s unit_of_measure: the median of the method''s predictive distribution, within the indicator''s bounds; null when data are insufficient.';
COMMENT ON COLUMN v_forecast.lower IS 'Lower end of the 80% interval (10% quantile of the same distribution, within the bounds); null when data are insufficient.';
COMMENT ON COLUMN v_forecast.upper IS 'Upper end of the 80% interval (90% quantile of the same distribution, within the bounds); null when data are insufficient.';
COMMENT ON COLUMN v_forecast.p_met IS 'Probability (0-1) that the target is met at the deadline, read off the same distribution as projected_value, lower and upper; 1 or 0 once the deadline value is observed; null when data are insufficient.';
COMMENT ON COLUMN v_forecast.status IS 'Forecast status, a label of vocab_status (phase = forecast): met so far, on track (P(met) at or above its p_met_min), needs acceleration, off track (P(met) below its p_met_below), insufficient data (fewer than 2 points).';
