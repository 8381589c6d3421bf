-- model: v_observation
-- grain: one row per indicator x area x year x sex, current version, all ages and urban+rural (research contract, stable)
-- key: indicator_code, area_code, year, sex
CREATE OR REPLACE VIEW v_observation AS
SELECT indicator_code, area_code, year, sex, value, source
FROM fact_observation
WHERE is_current AND age_group = '_T' AND urban_rural = '_T';
COMMENT ON VIEW v_observation IS 'Contract view: the current value of each indicator x area x year x sex (totals over age and urban/rural).';
COMMENT ON COLUMN v_observation.indicator_code IS 'Indicator code (dim_indicator.indicator_code), e.g. C_KG_GER.';
COMMENT ON COLUMN v_observation.area_code IS 'Area observed: six-digit GB/T 2260 code (dim_area).';
COMMENT ON COLUMN v_observation.year IS 'Calendar year the value refers to.';
COMMENT ON COLUMN v_observation.sex IS 'Sex of the series: F female, M male, T total (both sexes, or not disaggregated).';
COMMENT ON COLUMN v_observation.value IS 'Current (latest loaded) value, in the indicator''s unit_of_measure (dim_indicator); total over all ages, urban + rural.';
COMMENT ON COLUMN v_observation.source IS 'Where the figure comes from, as loaded (e.g. 区教育局年报); ''synthetic'' for generated history.';
