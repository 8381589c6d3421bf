-- model: dim_indicator
-- grain: one row per monitored indicator
-- key: indicator_code
-- not_null: name_zh, unit_of_measure, sex_disaggregated, direction, population, measure_kind
-- accepted_values: direction in (higher, lower)
-- accepted_values: population in (women, children, both)
-- accepted_values: measure_kind in (rate, count, ratio, score)
-- accepted_values: plan_zh in (妇女, 儿童)
-- accepted_values: domain_zh in (健康, 教育, 经济, 决策和管理, 社会保障, 环境, 法律, 福利, 社会环境, 法律保护)
-- relationship: reporting_unit -> dim_unit.unit_name
-- expression: lower_bound IS NULL OR upper_bound IS NULL OR lower_bound < upper_bound
CREATE TABLE IF NOT EXISTS dim_indicator (
    indicator_code     VARCHAR NOT NULL,
    name_zh            VARCHAR NOT NULL,
    name_en            VARCHAR,
    unit_of_measure    VARCHAR NOT NULL,
    measure_kind       VARCHAR NOT NULL,
    sex_disaggregated  BOOLEAN NOT NULL,
    direction          VARCHAR NOT NULL,
    population         VARCHAR NOT NULL,
    lower_bound        DOUBLE,
    upper_bound        DOUBLE,
    task_nos           INTEGER[],
    source             VARCHAR,
    origin             VARCHAR NOT NULL DEFAULT 'seed',
    -- Added in schema version 3 (migration 003 appends it to older files, hence its place after origin).
    reporting_unit     VARCHAR,
    -- Added in schema version 5 (migrations/005_indicator_catalogue.sql).
    plan_zh            VARCHAR,
    domain_zh          VARCHAR,
    target_source      VARCHAR
);
COMMENT ON TABLE dim_indicator IS 'Catalogue of monitored indicators: the notice''s quantified targets and the sex-disaggregated indicators of the 2011-2020 women''s and children''s plans.';
COMMENT ON COLUMN dim_indicator.unit_of_measure IS 'Unit of the values, e.g. %, ‰, 1/10万, 人, 次/年 (Chinese, as the pack prints it).';
COMMENT ON COLUMN dim_indicator.measure_kind IS 'rate (bounded share), count (additive over sex), ratio, score.';
COMMENT ON COLUMN dim_indicator.direction IS 'higher or lower: which way is progress.';
COMMENT ON COLUMN dim_indicator.lower_bound IS 'Natural lower bound of a value (e.g. 0 for rates).';
COMMENT ON COLUMN dim_indicator.upper_bound IS 'Natural upper bound of a value (e.g. 100 for percentages).';
COMMENT ON COLUMN dim_indicator.task_nos IS 'Numbers of the notice tasks the indicator monitors.';
COMMENT ON COLUMN dim_indicator.reporting_unit IS 'Unit that reports the indicator in a collection round (数据报送单位), named as after the 2019 reform (a renamed unit reports under its successor); null = not collected.';
COMMENT ON COLUMN dim_indicator.source IS 'Where the indicator and its target come from; says so when a figure is national rather than Xi''an''s.';
COMMENT ON COLUMN dim_indicator.plan_zh IS 'Development plan the indicator belongs to: 妇女 (women''s plan) or 儿童 (children''s plan); null for a researcher''s file without the catalogue columns.';
COMMENT ON COLUMN dim_indicator.domain_zh IS 'Domain (领域) of the plan, as the 2011-2020 outlines name their chapters: women 健康/教育/经济/决策和管理/社会保障/环境/法律; children 健康/教育/福利/社会环境/法律保护.';
COMMENT ON COLUMN dim_indicator.target_source IS 'Where the indicator''s target comes from; says so when Xi''an''s own target is unknown and the national outline''s is used.';
