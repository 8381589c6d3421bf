-- model: dim_audit_rule
-- grain: one row per audit rule declared in seeds/audit_rules.csv (a tolerance per measure kind or indicator, or a cross-indicator rule)
-- key: rule_id
-- not_null: rule_kind
-- accepted_values: rule_kind in (yoy_change, not_above)
-- accepted_values: tolerance_unit in (points, percent)
-- relationship: indicator_code -> dim_indicator.indicator_code
-- relationship: related_indicator_code -> dim_indicator.indicator_code
-- expression: rule_kind <> 'yoy_change' OR (tolerance > 0 AND tolerance_unit IS NOT NULL AND (measure_kind IS NOT NULL) <> (indicator_code IS NOT NULL))
-- expression: rule_kind <> 'not_above' OR (indicator_code IS NOT NULL AND related_indicator_code IS NOT NULL)
CREATE TABLE IF NOT EXISTS dim_audit_rule (
    rule_id                 INTEGER NOT NULL,
    rule_kind               VARCHAR NOT NULL,
    measure_kind            VARCHAR,
    indicator_code          VARCHAR,
    related_indicator_code  VARCHAR,
    tolerance               DOUBLE,
    tolerance_unit          VARCHAR,
    note                    VARCHAR
);
COMMENT ON TABLE dim_audit_rule IS 'Audit rules of the collection round, declared as data: year-on-year tolerances (per measure kind, or per indicator, which wins) and cross-indicator rules.';
COMMENT ON COLUMN dim_audit_rule.rule_id IS 'Line order in seeds/audit_rules.csv (2 = first data line).';
COMMENT ON COLUMN dim_audit_rule.rule_kind IS 'yoy_change: a change from last year beyond the tolerance needs an explanation; not_above: indicator_code may not exceed related_indicator_code for the same area, year and sex.';
COMMENT ON COLUMN dim_audit_rule.measure_kind IS 'For a yoy_change rule: the measure kind it covers (rate, count, ratio, score).';
COMMENT ON COLUMN dim_audit_rule.indicator_code IS 'For a yoy_change rule: the one indicator it covers (overrides its measure kind); for not_above: the sub-group indicator.';
COMMENT ON COLUMN dim_audit_rule.related_indicator_code IS 'For not_above: the total the indicator may not exceed.';
COMMENT ON COLUMN dim_audit_rule.tolerance IS 'Largest change from last year that needs no explanation.';
COMMENT ON COLUMN dim_audit_rule.tolerance_unit IS 'points (absolute, in the indicator''s unit: percentage points for %) or percent (relative to last year''s value).';
COMMENT ON COLUMN dim_audit_rule.note IS 'Why the rule holds, in words.';
