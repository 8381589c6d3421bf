-- model: v_eval_attainment_rate
-- grain: one row per as-of year x breakdown (overall; by plan; by plan and domain) x group, city-level targets only
-- key: as_of_year, breakdown, plan_zh, domain_zh
-- not_null: targets, with_data, attained, basically_attained, not_attained, no_data
-- accepted_values: breakdown in (overall, plan, domain)
-- expression: targets = with_data + no_data
-- expression: with_data = attained + basically_attained + not_attained
-- expression: attainment_rate IS NULL OR attainment_rate BETWEEN 0 AND 1
-- 达标率: the share of the city's targets with data whose final verdict counts as attained (vocab_status).
CREATE OR REPLACE VIEW v_eval_attainment_rate AS
WITH city AS (
    SELECT * FROM v_eval_attainment WHERE is_city
),
grouped AS (
    SELECT as_of_year,
           CASE WHEN grouping(plan_zh) = 1 THEN 'overall' WHEN grouping(domain_zh) = 1 THEN 'plan' ELSE 'domain' END AS breakdown,
           CASE WHEN grouping(plan_zh) = 1 THEN '合计' ELSE plan_zh END AS plan_zh,
           CASE WHEN grouping(domain_zh) = 1 THEN '合计' ELSE domain_zh END AS domain_zh,
           count(*) AS targets,
           count(*) FILTER (WHERE verdict_code <> 'no_data') AS with_data,
           count(*) FILTER (WHERE verdict_code = 'attained') AS attained,
           count(*) FILTER (WHERE verdict_code = 'basically_attained') AS basically_attained,
           count(*) FILTER (WHERE verdict_code = 'not_attained') AS not_attained,
           count(*) FILTER (WHERE verdict_code = 'no_data') AS no_data,
           count(*) FILTER (WHERE counts_as_attained) AS counted_attained
    FROM city
    GROUP BY GROUPING SETS ((as_of_year), (as_of_year, plan_zh), (as_of_year, plan_zh, domain_zh))
)
SELECT * EXCLUDE (counted_attained),
       CASE WHEN with_data > 0 THEN counted_attained / with_data END AS attainment_rate
FROM grouped;
COMMENT ON VIEW v_eval_attainment_rate IS 'Attainment rate (达标率) of the city''s targets: overall, by plan (women / children) and by plan and domain, with the count of each final verdict.';
COMMENT ON COLUMN v_eval_attainment_rate.as_of_year IS 'Only observations up to this year are read.';
COMMENT ON COLUMN v_eval_attainment_rate.breakdown IS 'overall (all targets), plan (one row per plan) or domain (one row per plan x domain).';
COMMENT ON COLUMN v_eval_attainment_rate.plan_zh IS 'The plan (妇女, 儿童), or 合计 on the overall row.';
COMMENT ON COLUMN v_eval_attainment_rate.domain_zh IS 'The domain, or 合计 on overall and plan rows.';
COMMENT ON COLUMN v_eval_attainment_rate.targets IS 'City-level target series in the group.';
COMMENT ON COLUMN v_eval_attainment_rate.with_data IS 'Targets with a final value (verdict other than no data).';
COMMENT ON COLUMN v_eval_attainment_rate.attained IS 'Targets whose verdict is attained.';
COMMENT ON COLUMN v_eval_attainment_rate.basically_attained IS 'Targets whose verdict is basically attained (within the tolerance of vocab_status).';
COMMENT ON COLUMN v_eval_attainment_rate.not_attained IS 'Targets whose verdict is not attained.';
COMMENT ON COLUMN v_eval_attainment_rate.no_data IS 'Targets without a final value.';
COMMENT ON COLUMN v_eval_attainment_rate.attainment_rate IS 'Share (0-1) of with_data whose verdict counts as attained (vocab_status.counts_as_attained); null when no target has data.';
