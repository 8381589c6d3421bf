-- model: v_forecast
-- grain: one row per indicator x area x sex x deadline x as-of year x method (research contract, stable)
-- key: indicator_code, area_code, sex, deadline_year, as_of_year, method
CREATE OR REPLACE VIEW v_forecast AS
SELECT indicator_code, area_code, sex, deadline_year, as_of_year, method, projected_value, lower, upper, p_met, status
FROM fact_forecast
ORDER BY indicator_code, area_code, sex, deadline_year, as_of_year, method;
COMMENT ON VIEW v_forecast IS 'Contract view: indicator_code, area_code, sex, deadline_year, as_of_year, method, projected_value, lower, upper, p_met, status (reasons and the default method are in fact_forecast).';
