-- model: v_observation
-- grain: one row per indicator x area x year x sex, current version, all ages and urban+rural (research contract, stable)
-- key: indicator_code, area_code, year, sex
CREATE OR REPLACE VIEW v_observation AS
SELECT indicator_code, area_code, year, sex, value, source
FROM fact_observation
WHERE is_current AND age_group = '_T' AND urban_rural = '_T';
COMMENT ON VIEW v_observation IS 'Contract view: the current value of each indicator x area x year x sex (totals over age and urban/rural).';
