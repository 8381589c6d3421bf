-- model: dim_sex
-- grain: one row per sex code (SDMX SEX codelist subset)
-- key: sex
-- accepted_values: sex in (F, M, T)
CREATE TABLE IF NOT EXISTS dim_sex (
    sex      VARCHAR NOT NULL,
    name_zh  VARCHAR NOT NULL,
    name_en  VARCHAR NOT NULL
);
INSERT INTO dim_sex SELECT * FROM (VALUES ('F', '女', 'Female'), ('M', '男', 'Male'), ('T', '合计', 'Total')) s(sex, name_zh, name_en)
WHERE NOT EXISTS (SELECT 1 FROM dim_sex);
COMMENT ON TABLE dim_sex IS 'Sex codes: F female, M male, T total (both sexes, or not disaggregated).';
