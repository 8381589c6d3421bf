-- model: fact_reference_value
-- grain: one row per indicator x sex x area level (nation, province, city) x year: a published value to compare with
-- key: indicator_code, sex, area_level, year
-- not_null: value, source_title, source_url
-- relationship: indicator_code -> dim_indicator.indicator_code
-- relationship: sex -> dim_sex.sex
-- relationship: year -> dim_year.year
-- accepted_values: area_level in (全国, 陕西省, 西安市)
CREATE TABLE IF NOT EXISTS fact_reference_value (
    indicator_code  VARCHAR NOT NULL,
    sex             VARCHAR NOT NULL,
    area_level      VARCHAR NOT NULL,
    year            INTEGER NOT NULL,
    value           DOUBLE NOT NULL,
    source_title    VARCHAR NOT NULL,
    source_url      VARCHAR NOT NULL,
    source_note     VARCHAR
);
COMMENT ON TABLE fact_reference_value IS 'Real published values (NBS monitoring reports of the 2011-2020 outlines, Shaanxi and Xi''an statistical bulletins) from seeds/reference_values.csv; never synthetic, every row with its source.';
COMMENT ON COLUMN fact_reference_value.area_level IS 'Whose value it is: 全国 (nation), 陕西省 (province) or 西安市 (city).';
COMMENT ON COLUMN fact_reference_value.value IS 'Published value in the indicator''s unit_of_measure.';
COMMENT ON COLUMN fact_reference_value.source_title IS 'Title of the publication the value is quoted from.';
COMMENT ON COLUMN fact_reference_value.source_url IS 'Address of the publication.';
COMMENT ON COLUMN fact_reference_value.source_note IS 'Where in the publication, or how the value was read (e.g. the sentence quoted).';
