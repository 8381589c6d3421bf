-- model: v_reference_value
-- grain: one row per indicator x sex x area level x year (research contract, stable)
-- key: indicator_code, sex, area_level, year
CREATE OR REPLACE VIEW v_reference_value AS
SELECT indicator_code, sex, area_level, year, value, source_title, source_url, source_note
FROM fact_reference_value
ORDER BY indicator_code, sex, area_level, year;
COMMENT ON VIEW v_reference_value IS 'Contract view: real published national, Shaanxi and Xi''an values of the indicators, each with its source (for the city / province / nation comparison).';
COMMENT ON COLUMN v_reference_value.indicator_code IS 'Indicator the value is published for (dim_indicator.indicator_code), e.g. W_MATERNAL_MORTALITY.';
COMMENT ON COLUMN v_reference_value.sex IS 'Sex of the series: F female, M male, T total (both sexes, or not disaggregated).';
COMMENT ON COLUMN v_reference_value.area_level IS 'Whose value it is: 全国 (the nation), 陕西省 (Shaanxi province) or 西安市 (Xi''an city).';
COMMENT ON COLUMN v_reference_value.year IS 'Year the value refers to (not the year of publication).';
COMMENT ON COLUMN v_reference_value.value IS 'Published value, in the indicator''s unit_of_measure (e.g. 16.9 for 16.9/10万).';
COMMENT ON COLUMN v_reference_value.source_title IS 'Title of the publication the value is quoted from (e.g. 《中国妇女发展纲要（2011—2020年）》终期统计监测报告).';
COMMENT ON COLUMN v_reference_value.source_url IS 'Address (URL) of the publication.';
COMMENT ON COLUMN v_reference_value.source_note IS 'Where in the publication, or the sentence the value was read from; null when the title says enough.';
