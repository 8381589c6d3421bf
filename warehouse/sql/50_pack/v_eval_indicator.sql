-- model: v_eval_indicator
-- grain: one row per indicator of the catalogue
-- key: indicator_code
-- not_null: indicator_name, unit_of_measure, direction, plan_zh
-- The indicator definitions annex: what each indicator measures, in which unit, which way is better, which plan and
-- domain it belongs to, who reports it and where it and its target come from.
CREATE OR REPLACE VIEW v_eval_indicator AS
SELECT i.indicator_code, i.name_zh AS indicator_name, i.unit_of_measure, i.measure_kind, i.direction, i.sex_disaggregated,
       coalesce(i.plan_zh, CASE i.population WHEN 'women' THEN '妇女' WHEN 'children' THEN '儿童' ELSE '妇女儿童' END) AS plan_zh,
       coalesce(i.domain_zh, '未分领域') AS domain_zh,
       array_to_string(list_transform(i.task_nos, x -> CAST(x AS VARCHAR)), '、') AS task_nos,
       i.reporting_unit, i.source, i.target_source
FROM dim_indicator i;
COMMENT ON VIEW v_eval_indicator IS 'Indicator definitions for the evaluation annex: name, unit, direction, plan and domain, tasks measured, reporting unit and source.';
COMMENT ON COLUMN v_eval_indicator.indicator_code IS 'Indicator code.';
COMMENT ON COLUMN v_eval_indicator.indicator_name IS 'Chinese name.';
COMMENT ON COLUMN v_eval_indicator.unit_of_measure IS 'Unit of measure.';
COMMENT ON COLUMN v_eval_indicator.measure_kind IS 'rate, count, ratio or score.';
COMMENT ON COLUMN v_eval_indicator.direction IS 'higher or lower: which way is better.';
COMMENT ON COLUMN v_eval_indicator.sex_disaggregated IS 'True when reported by sex.';
COMMENT ON COLUMN v_eval_indicator.plan_zh IS 'The plan in Chinese: 妇女 or 儿童.';
COMMENT ON COLUMN v_eval_indicator.domain_zh IS 'The domain in Chinese.';
COMMENT ON COLUMN v_eval_indicator.task_nos IS 'Tasks of the notice the indicator measures, joined by 、.';
COMMENT ON COLUMN v_eval_indicator.reporting_unit IS 'Unit that reports the indicator.';
COMMENT ON COLUMN v_eval_indicator.source IS 'Where the indicator comes from.';
COMMENT ON COLUMN v_eval_indicator.target_source IS 'Where its target comes from (says so when the national target stands in for Xi''an''s).';
