-- Schema version 5: the indicator catalogue of the 2011-2020 women's and children's plans. dim_indicator gains each
-- indicator's plan, domain and target source (columns appended, so the model lists them last in the same order);
-- the reference series (fact_reference_value) is a new table, created by replaying the models.
ALTER TABLE dim_indicator ADD COLUMN IF NOT EXISTS plan_zh VARCHAR;
ALTER TABLE dim_indicator ADD COLUMN IF NOT EXISTS domain_zh VARCHAR;
ALTER TABLE dim_indicator ADD COLUMN IF NOT EXISTS target_source VARCHAR;
